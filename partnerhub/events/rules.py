"""Who may see and change events, their attendance counts and registrations.

An event belongs to a partnership, project or programme (or stands alone, organised by
organisations): it is managed by whoever manages its owner, and by the staff of a hub that
organises it. Attendance counts by sector are aggregates, public with the event.
Registrations name people: never public; seen by those who manage the event and by the
person registered.
"""

from __future__ import annotations

from django.db.models import Q

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_coordinator,
    is_hub_staff,
    no_parent,
)
from partnerhub.access.scope import Scope
from partnerhub.access.visibility import NOTHING, declare_access
from partnerhub.core.choices import Visibility
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.partnerships.rules import internal_partnerships, managed_partnerships
from partnerhub.projects.rules import (
    internal_programmes,
    internal_projects,
    managed_programmes,
    managed_projects,
)

PUBLISHED = Visibility.PUBLISHED


def _organised_by(organisation_ids: frozenset[int]) -> Q:
    organised = Event.organisers.through.objects.filter(organisation_id__in=organisation_ids)
    return Q(pk__in=organised.values("event_id"))


def _event_internal(scope: Scope) -> Q:
    return (
        Q(partnership_id__in=internal_partnerships(scope))
        | Q(project_id__in=internal_projects(scope))
        | Q(programme_id__in=internal_programmes(scope))
        | _organised_by(scope.organisation_ids)
    )


def _event_editable(scope: Scope) -> Q:
    return (
        Q(partnership_id__in=managed_partnerships(scope))
        | Q(project_id__in=managed_projects(scope))
        | Q(programme_id__in=managed_programmes(scope))
        | _organised_by(scope.hub_ids)
    )


def managed_events(scope: Scope) -> Q:
    return Q(event__in=Event.objects.filter(_event_editable(scope)).values("pk"))


declare_access(
    Event,
    public=lambda: Q(visibility=PUBLISHED),
    internal=_event_internal,
    editable=_event_editable,
)
declare_permissions(
    Event,
    add=((is_hub_staff | is_coordinator) & no_parent) | add_under_changeable_parent,
    parents=("partnership", "project", "programme"),
)

declare_access(
    AttendanceCount,
    public=lambda: Q(event__visibility=PUBLISHED),
    internal=lambda scope: Q(
        event__in=Event.objects.filter(_event_internal(scope) | _event_editable(scope)).values("pk")
    ),
    editable=managed_events,
)
declare_permissions(AttendanceCount, add=add_under_changeable_parent, parents=("event",))


def _own_registrations(scope: Scope) -> Q:
    return Q(person_id=scope.person_id) if scope.person_id is not None else NOTHING


declare_access(
    Registration,
    public=lambda: NOTHING,
    internal=_own_registrations,
    editable=managed_events,
)
declare_permissions(Registration, add=add_under_changeable_parent, parents=("event",))
