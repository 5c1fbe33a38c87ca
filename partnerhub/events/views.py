"""Public pages of events: the list and an event's page with attendance by sector."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from partnerhub.core.directory import ChoiceFacet, SortOption, get_territory_picker, nulls_last
from partnerhub.core.views import DirectoryListView
from partnerhub.events import selectors
from partnerhub.events.choices import EventType
from partnerhub.events.filters import EventFilterSet
from partnerhub.events.models import Event
from partnerhub.events.tables import EventTable


class EventListView(DirectoryListView):
    """Meetings, trainings, workshops and seminars by type, dates and territory."""

    title = _("Events")
    intro = _("Meetings, trainings, workshops and seminars, with attendance by sector.")
    filterset_class = EventFilterSet
    table_class = EventTable
    facets = (ChoiceFacet("event_type", _("Type"), field="event_type", choices=EventType.choices),)
    sort_options = (
        SortOption(
            "-start",
            _("Latest first"),
            (nulls_last("start", descending=True, empty=datetime.date.min),),
        ),
        SortOption(
            "start",
            _("Earliest first"),
            (nulls_last("start", descending=False, empty=datetime.date.max),),
        ),
        SortOption("title", _("Title A–Z"), ((F("title"), False),)),
    )
    relevance_tiebreak = ((F("title"), False),)
    filters_template = "events/_event_filters.html"
    export_resource = "events"

    def get_records(self) -> QuerySet[Event]:
        return selectors.visible_events(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


@require_safe
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An event: when, where, who organised it, and who came, by sector."""
    page = selectors.get_event_page(request.user, pk)
    return render(request, "events/event_detail.html", {"page": page})
