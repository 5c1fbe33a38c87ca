"""The table of events, as the directory lists them."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from partnerhub.core.directory import DirectoryTable, link_to_record
from partnerhub.core.templatetags.directory import grouped, period
from partnerhub.events.models import Event


class EventTable(DirectoryTable):
    """Title, type, dates, place and attendance (rows need ``selectors.with_list_details``)."""

    title = tables.Column(verbose_name=_("Title"), linkify=link_to_record)
    event_type = tables.Column(verbose_name=_("Type"), accessor="get_event_type_display")
    dates = tables.Column(verbose_name=_("Dates"), empty_values=(), accessor="pk")
    place = tables.Column(verbose_name=_("Place"), empty_values=(), accessor="pk")
    attendance = tables.Column(
        verbose_name=_("Participants"),
        empty_values=(),
        accessor="pk",
        attrs={"td": {"class": "num"}},
    )

    class Meta(DirectoryTable.Meta):
        model = Event
        fields = ("title", "event_type", "dates", "place", "attendance")

    def render_dates(self, record: Event) -> Any:
        return period(record)

    def render_place(self, record: Event) -> Any:
        parts = [record.place, record.territory.name if record.territory else ""]
        return ", ".join(part for part in parts if part) or "—"

    def render_attendance(self, record: Event) -> Any:
        counts = [count.count for count in record.attendance.all()]
        return grouped(sum(counts)) if counts else "—"
