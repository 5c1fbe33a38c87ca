"""Writes of events and their attendance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from partnerhub.audit.context import acting
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.events.models import AttendanceCount, Event
from partnerhub.registry.models import Organisation


def create_event(
    *,
    organisers: Iterable[Organisation] = (),
    attendance: Mapping[str, int] | None = None,
    by: Actor = None,
    **fields: Any,
) -> Event:
    """Record an event with its organisers and, where known, attendance by sector."""
    with transaction.atomic():
        event = save_validated(Event(**fields), m2m={"organisers": organisers}, by=by)
        if attendance:
            set_attendance(event, attendance, by=by)
    return event


def set_attendance(event: Event, counts: Mapping[str, int], *, by: Actor = None) -> None:
    """Replace the event's attendance counts with ``counts`` (sector → number of people)."""
    # acting(by): the counts deleted in bulk below are recorded as removed by ``by``.
    with transaction.atomic(), acting(by):
        event.attendance.exclude(sector__in=list(counts)).delete()
        for sector, count in counts.items():
            row = event.attendance.filter(sector=sector).first() or AttendanceCount(
                event=event, sector=sector
            )
            row.count = count
            save_validated(row, by=by)


def update_event(
    event: Event,
    *,
    attendance: Mapping[str, int] | None = None,
    by: Actor = None,
    **changes: Any,
) -> Event:
    """Change an event; ``attendance``, when given, replaces its counts by sector."""
    with transaction.atomic():
        update_fields(event, changes, by=by)
        if attendance is not None:
            set_attendance(event, attendance, by=by)
    return event


def delete_event(event: Event, *, by: Actor = None) -> None:
    """Remove an event recorded by mistake, with its attendance and registrations."""
    delete_record(event, by=by)


def add_attendance_count(
    event: Event, sector: str, count: int, *, by: Actor = None
) -> AttendanceCount:
    """Record how many people of one sector came (one count per sector and event)."""
    return save_validated(AttendanceCount(event=event, sector=sector, count=count), by=by)


def update_attendance_count(
    attendance: AttendanceCount, *, by: Actor = None, **changes: Any
) -> AttendanceCount:
    """Correct an attendance count."""
    return update_fields(attendance, changes, by=by)


def remove_attendance_count(attendance: AttendanceCount, *, by: Actor = None) -> None:
    """Remove a count recorded by mistake."""
    delete_record(attendance, by=by)
