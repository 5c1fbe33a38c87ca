"""Writes of events and their attendance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from partnerhub.core.services import Actor, save_validated
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
    with transaction.atomic():
        event.attendance.exclude(sector__in=list(counts)).delete()
        for sector, count in counts.items():
            row = event.attendance.filter(sector=sector).first() or AttendanceCount(
                event=event, sector=sector
            )
            row.count = count
            save_validated(row, by=by)
