"""Reads of the public directory's event pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from partnerhub.core.directory import visible_related
from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import AttendanceCount, Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project


def visible_events(user: Any) -> QuerySet[Event]:
    """The events ``user`` may see: published ones, and internal ones of their roles."""
    return Event.objects.visible_to(user)


def with_list_details(events: QuerySet[Event]) -> QuerySet[Event]:
    """What a list row shows: the territory and the attendance counts (two queries a page)."""
    return events.select_related("territory").prefetch_related("attendance")


@dataclass(frozen=True)
class AttendanceRow:
    sector: str
    label: str
    count: int
    share: float


@dataclass(frozen=True)
class EventPage:
    """An event with its attendance by sector, as ``user`` may see it."""

    event: Event
    attendance: list[AttendanceRow]
    attendance_total: int


def attendance_by_sector(counts: list[AttendanceCount]) -> tuple[list[AttendanceRow], int]:
    """Attendance rows in the order of ``AttendanceSector``, with each sector's share."""
    by_sector = {count.sector: count.count for count in counts}
    total = sum(by_sector.values())
    rows = [
        AttendanceRow(
            sector=sector,
            label=str(label),
            count=by_sector[sector],
            share=by_sector[sector] / total if total else 0.0,
        )
        for sector, label in AttendanceSector.choices
        if sector in by_sector
    ]
    return rows, total


def get_event_page(user: Any, pk: int) -> EventPage:
    """The page of event ``pk`` (404 when ``user`` may not see it). Constant queries."""
    event = get_object_or_404(
        visible_events(user)
        .select_related("territory", "partnership", "project", "programme")
        .prefetch_related("organisers", "attendance")
        .annotate(
            shows_partnership=visible_related(Partnership, user, "partnership"),
            shows_project=visible_related(Project, user, "project"),
            shows_programme=visible_related(Programme, user, "programme"),
        ),
        pk=pk,
    )
    # A published event may belong to internal work: its page does not name it.
    if not event.shows_partnership:  # type: ignore[attr-defined]
        event.partnership = None
    if not event.shows_project:  # type: ignore[attr-defined]
        event.project = None
    if not event.shows_programme:  # type: ignore[attr-defined]
        event.programme = None
    rows, total = attendance_by_sector(list(event.attendance.all()))
    return EventPage(event=event, attendance=rows, attendance_total=total)
