"""Public pages of partnerships: the list and a partnership's page."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from partnerhub.core.choices import Sector
from partnerhub.core.directory import (
    ChoiceFacet,
    ConditionFacet,
    SortOption,
    VocabularyFacet,
    get_territory_picker,
    nulls_last,
)
from partnerhub.core.views import DirectoryListView
from partnerhub.formation.forms import StageMoveForm
from partnerhub.partnerships import selectors
from partnerhub.partnerships.choices import PartnershipKind, Stage
from partnerhub.partnerships.filters import PartnershipFilterSet, current_member_of_sector
from partnerhub.partnerships.models import Partnership
from partnerhub.partnerships.tables import PartnershipTable
from partnerhub.registry.models import ThematicArea


class PartnershipListView(DirectoryListView):
    """Partnerships by kind, lifecycle stage, territory, sectors present and area."""

    title = _("Partnerships")
    intro = _("Local partnerships, networks, clusters and funds: who works together, and on what.")
    filterset_class = PartnershipFilterSet
    table_class = PartnershipTable
    facets = (
        ChoiceFacet("kind", _("Kind"), field="kind", choices=PartnershipKind.choices),
        ChoiceFacet("stage", _("Lifecycle stage"), field="stage", choices=Stage.choices),
        ConditionFacet(
            "sector",
            _("Sectors present (all chosen)"),
            conjunctive=True,
            conditions=[
                (sector, label, current_member_of_sector(sector))
                for sector, label in Sector.choices
            ],
        ),
        VocabularyFacet("area", _("Thematic area"), relation="areas", vocabulary=ThematicArea),
    )
    sort_options = (
        SortOption("name", _("Name A–Z"), ((F("name"), False),)),
        SortOption(
            "-start",
            _("Newest first"),
            (nulls_last("start", descending=True, empty=datetime.date.min),),
        ),
        SortOption(
            "start",
            _("Oldest first"),
            (nulls_last("start", descending=False, empty=datetime.date.max),),
        ),
        SortOption("-created_at", _("Recently added"), ((F("created_at"), True),)),
    )
    relevance_tiebreak = ((F("name"), False),)
    filters_template = "directory/_territory_filter.html"
    export_resource = "partnerships"

    def get_records(self) -> QuerySet[Partnership]:
        return selectors.visible_partnerships(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


@require_safe
def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A partnership: members by sector, balance and its warnings, lifecycle, lineage,
    problems, projects, results; for those involved, its agreement and health check; for
    its facilitator, the form that moves it to another stage (``formation:move-stage``)."""
    page = selectors.get_partnership_page(request.user, pk)
    context: dict[str, Any] = {"page": page}
    if page.may_move:
        context["move_form"] = StageMoveForm(partnership=page.partnership)
    return render(request, "partnerships/partnership_detail.html", context)
