"""Which records a client may see: the one queryset hook of every API viewset.

Interim rule, until the access issue (#3) gives every model a ``visible_to(user)``
queryset method built from ``rules`` predicates: staff see everything; anyone else (anonymous
or signed in) sees published records only. Organisations, territories and vocabularies are
public; people and their affiliations are never shown to non-staff, because they carry
personal data. A related record (a membership, an indicator, an attendance count) is
visible when the record it belongs to is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q, QuerySet

from partnerhub.api.permissions import may_see_everything
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Visibility
from partnerhub.events.models import AttendanceCount, Event
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea
from partnerhub.results.models import Goal, Indicator, ReportedValue
from partnerhub.territory.models import TerritorialUnit

User = AbstractBaseUser | AnonymousUser | None

PUBLISHED = Visibility.PUBLISHED
PUBLIC_PROBLEM_STATUSES = (
    ProblemStatus.PUBLISHED,
    ProblemStatus.BEING_ADDRESSED,
    ProblemStatus.ADDRESSED,
)


def _owner_published(prefix: str = "", *, organisation_owner: bool = False) -> Q:
    """A results record whose owner (project, programme or partnership) is published."""
    condition = (
        Q(**{f"{prefix}project__visibility": PUBLISHED})
        | Q(**{f"{prefix}programme__visibility": PUBLISHED})
        | Q(**{f"{prefix}partnership__visibility": PUBLISHED})
    )
    if organisation_owner:
        condition |= Q(**{f"{prefix}organisation__isnull": False})
    return condition


def _everything(queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset


def _nothing(queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.none()


def _where(condition: Q) -> Callable[[QuerySet[Any]], QuerySet[Any]]:
    return lambda queryset: queryset.filter(condition)


PUBLIC_RECORDS: dict[type[models.Model], Callable[[QuerySet[Any]], QuerySet[Any]]] = {
    TerritorialUnit: _everything,
    ThematicArea: _everything,
    ActivityType: _everything,
    TargetGroup: _everything,
    FundingProgramme: _everything,
    Organisation: _everything,
    Person: _nothing,
    Affiliation: _nothing,
    Partnership: _where(Q(visibility=PUBLISHED)),
    # Members who are people are personal data: only organisations are listed publicly.
    Membership: _where(Q(partnership__visibility=PUBLISHED, organisation__isnull=False)),
    Programme: _where(Q(visibility=PUBLISHED)),
    Project: _where(Q(visibility=PUBLISHED)),
    ProjectPartner: _where(Q(project__visibility=PUBLISHED)),
    Indicator: _where(_owner_published()),
    ReportedValue: _where(_owner_published("indicator__")),
    Goal: _where(_owner_published(organisation_owner=True)),
    Event: _where(Q(visibility=PUBLISHED)),
    AttendanceCount: _where(Q(event__visibility=PUBLISHED)),
    LocalProblem: _where(Q(status__in=PUBLIC_PROBLEM_STATUSES)),
}


def visible_to(queryset: QuerySet[Any], user: User) -> QuerySet[Any]:
    """``queryset`` narrowed to the records ``user`` may see.

    A model without a rule here is shown to staff only: a new model stays hidden until
    someone decides who may see it.
    """
    if may_see_everything(user):
        return queryset
    return PUBLIC_RECORDS.get(queryset.model, _nothing)(queryset)


def may_see_people(user: User) -> bool:
    """Whether people (names, contact details) may appear in answers to ``user``."""
    return may_see_everything(user)
