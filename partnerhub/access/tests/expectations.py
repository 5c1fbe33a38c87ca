"""What each role may do with each kind of record of its own side (A), written out by hand.

On side B every role except the site administrator may do nothing with internal records —
it may not even know they exist — and sees public records (organisations) as anyone does.
"""

from __future__ import annotations

from django.db import models

from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.registry.models import Affiliation, Organisation, Person
from partnerhub.results.models import Goal, Indicator, ReportedValue

ACTIONS = ("view", "add", "change", "delete")

#: Records of a partnership's work: what a coordinator and the hub's staff manage.
PARTNERSHIP_WORK = {
    Partnership,
    Membership,
    Programme,
    Project,
    ProjectPartner,
    Indicator,
    ReportedValue,
    Goal,
    Event,
    AttendanceCount,
}
ALL_MODELS = PARTNERSHIP_WORK | {Registration, LocalProblem, Person, Affiliation, Organisation}

#: The record a new one of each kind is added under (as ``add_*`` is checked with it).
PARENTS: dict[type[models.Model], tuple[type[models.Model], ...]] = {
    Partnership: (Organisation,),  # the hub (replaced by the side's hub below)
    Membership: (Partnership,),
    Programme: (Partnership,),
    Project: (Partnership,),
    ProjectPartner: (Project,),
    Indicator: (Project,),
    ReportedValue: (Indicator,),
    Goal: (Partnership,),
    Event: (Partnership,),
    AttendanceCount: (Event,),
    Registration: (Event,),
    Affiliation: (Person, Organisation),
    LocalProblem: (),
    Person: (),
    Organisation: (),
}

_VIEW: dict[str, set[type[models.Model]]] = {
    "anonymous": {Organisation},
    "registered": {Organisation},
    "representative": PARTNERSHIP_WORK | {Organisation, Person, Affiliation},
    "coordinator": PARTNERSHIP_WORK | {Organisation, Person, Affiliation, Registration},
    "hub_staff": ALL_MODELS,
    "admin": ALL_MODELS,
}
_CHANGE: dict[str, set[type[models.Model]]] = {
    "anonymous": set(),
    "registered": set(),
    # Their own organisation's profile, and who works for it.
    "representative": {Organisation, Affiliation},
    "coordinator": PARTNERSHIP_WORK | {Registration},
    "hub_staff": ALL_MODELS,
    "admin": ALL_MODELS,
}
_DELETE: dict[str, set[type[models.Model]]] = {
    "anonymous": set(),
    "registered": set(),
    "representative": {Affiliation},
    # A coordinator may not delete the partnership itself, nor a project: the hub decides.
    "coordinator": (PARTNERSHIP_WORK | {Registration}) - {Partnership, Project},
    # Organisations are dissolved and people erased, never deleted, except by administrators.
    "hub_staff": ALL_MODELS - {Organisation, Person},
    "admin": ALL_MODELS,
}
_ADD: dict[str, set[type[models.Model]]] = {
    "anonymous": set(),
    "registered": {LocalProblem},
    "representative": {LocalProblem},
    "coordinator": (PARTNERSHIP_WORK | {Registration, LocalProblem}) - {Partnership},
    "hub_staff": ALL_MODELS,
    "admin": ALL_MODELS,
}
_TABLES = {"view": _VIEW, "change": _CHANGE, "delete": _DELETE, "add": _ADD}


def expected(role: str, model: type[models.Model], action: str, side: str) -> bool:
    """Whether ``role`` may ``action`` the ``model`` record of ``side`` ("a" or "b")."""
    if side == "b" and role != "admin":
        if action == "view":
            return model is Organisation  # the public registry
        if action == "add" and not PARENTS[model]:
            return model in _ADD[role]  # standing alone: the same on both sides
        return False
    return model in _TABLES[action][role]
