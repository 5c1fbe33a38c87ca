"""Two identical sides, A and B, each a hub with an internal partnership and everything in it.

Every internal record of a side belongs (directly or through its owner) to that side's
partnership, so what a role may do on side A and must not do on side B can be checked for
every model. One user per role acts on side A.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import models

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests import factories as f
from partnerhub.events.choices import AttendanceSector
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation
from partnerhub.results.services import report_value

INTERNAL = Visibility.INTERNAL

ROLES = ("anonymous", "registered", "representative", "coordinator", "hub_staff", "admin")


@dataclass
class Side:
    """The records of one side, by model."""

    hub: Organisation
    member: Organisation  # the civil member organisation (its representative acts on side A)
    partnership: Partnership
    records: dict[type[models.Model], models.Model] = field(default_factory=dict)

    def __getitem__(self, model: type[models.Model]) -> models.Model:
        return self.records[model]


@dataclass
class World:
    a: Side
    b: Side
    users: dict[str, User | None]


def build_side(label: str) -> Side:
    hub = f.OrganisationFactory.create(name=f"Hub {label}", is_hub=True, sector=Sector.CIVIL)
    member = f.OrganisationFactory.create(name=f"Member {label}", sector=Sector.CIVIL)
    town = f.OrganisationFactory.create(name=f"Town {label}", sector=Sector.PUBLIC)
    partnership = f.PartnershipFactory.create(
        name=f"Partnership {label}", hub=hub, visibility=INTERNAL
    )
    membership = f.MembershipFactory.create(
        partnership=partnership, organisation=member, person=None
    )
    f.MembershipFactory.create(partnership=partnership, organisation=town, person=None)
    person = f.PersonFactory.create(first_name="Person", last_name=label)
    f.MembershipFactory.create(partnership=partnership, organisation=None, person=person)
    affiliation = f.AffiliationFactory.create(person=person, organisation=member)
    programme = f.ProgrammeFactory.create(partnership=partnership, visibility=INTERNAL)
    project = f.ProjectFactory.create(
        partnership=partnership, programme=None, visibility=INTERNAL, lead_organisation=None
    )
    project_partner = f.ProjectPartnerFactory.create(project=project, organisation=town)
    indicator = f.IndicatorFactory.create(project=project, programme=None, partnership=None)
    reported_value = report_value(indicator, datetime.date(2026, 3, 1), 7)
    goal = f.GoalFactory.create(
        partnership=partnership, project=None, programme=None, organisation=None
    )
    event = f.EventFactory.create(partnership=partnership, visibility=INTERNAL)
    attendance = f.AttendanceCountFactory.create(
        event=event, sector=AttendanceSector.PUBLIC, count=12
    )
    registration = f.RegistrationFactory.create(event=event, person=person)
    problem = f.LocalProblemFactory.create(
        hub=hub, status=ProblemStatus.SUBMITTED, raised_by_organisation=town
    )
    side = Side(hub=hub, member=member, partnership=partnership)
    for record in (
        member,
        person,
        affiliation,
        partnership,
        membership,
        programme,
        project,
        project_partner,
        indicator,
        reported_value,
        goal,
        event,
        attendance,
        registration,
        problem,
    ):
        side.records[type(record)] = record
    return side


def build_world() -> World:
    a = build_side("A")
    b = build_side("B")
    users: dict[str, User | None] = {
        "anonymous": None,
        "registered": f.UserFactory.create(username="registered"),
        "representative": f.UserFactory.create(username="representative"),
        "coordinator": f.UserFactory.create(username="coordinator"),
        "hub_staff": f.UserFactory.create(username="hub_staff"),
        "admin": f.SuperuserFactory.create(username="admin"),
    }
    grant_role(users["representative"], Role.REPRESENTATIVE, organisation=a.member)
    grant_role(users["coordinator"], Role.COORDINATOR, partnership=a.partnership)
    grant_role(users["hub_staff"], Role.HUB_STAFF, organisation=a.hub)
    return World(a=a, b=b, users=users)
