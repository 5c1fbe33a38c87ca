"""Filters of events and attendance counts."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Visibility
from partnerhub.core.filters import IdFilter, PeriodFilterSet, RecordFilterSet
from partnerhub.events.choices import AttendanceSector, EventType
from partnerhub.events.models import AttendanceCount, Event
from partnerhub.territory.filters import TerritoryFilter


class EventFilterSet(PeriodFilterSet):
    """Events by type, dates (``active_from``/``active_to``), territory and what they belong to."""

    search_fields = ("title", "place")

    event_type = filters.MultipleChoiceFilter(choices=EventType.choices, label=_("Type"))
    territory = TerritoryFilter(field_name="territory")
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    project = IdFilter(field_name="project", label=_("Project (id)"))
    programme = IdFilter(field_name="programme", label=_("Programme (id)"))
    organiser = IdFilter(field_name="organisers", distinct=True, label=_("Organiser (id)"))
    visibility = filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))

    class Meta:
        model = Event
        fields = ["event_type", "visibility"]


class AttendanceCountFilterSet(RecordFilterSet):
    """Attendance counts of an event, or of one sector."""

    event = IdFilter(field_name="event", label=_("Event (id)"))
    sector = filters.MultipleChoiceFilter(choices=AttendanceSector.choices, label=_("Sector"))

    class Meta:
        model = AttendanceCount
        fields = ["sector"]
