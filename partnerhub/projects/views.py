"""Public pages of projects and programmes: lists, the project card, the programme fiche."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from partnerhub.core.choices import Currency
from partnerhub.core.directory import (
    ChoiceFacet,
    RelatedFacet,
    SortOption,
    VocabularyFacet,
    get_territory_picker,
    nulls_last,
)
from partnerhub.core.views import DirectoryListView
from partnerhub.projects import selectors
from partnerhub.projects.choices import ProgrammeStatus, ProjectStatus, Reach
from partnerhub.projects.filters import ProgrammeFilterSet, ProjectFilterSet
from partnerhub.projects.models import ActivityType, Programme, Project, TargetGroup
from partnerhub.projects.tables import ProgrammeTable, ProjectTable
from partnerhub.registry.models import ThematicArea

NEWEST_FIRST = nulls_last("start", descending=True, empty=datetime.date.min)
OLDEST_FIRST = nulls_last("start", descending=False, empty=datetime.date.max)


class ProjectListView(DirectoryListView):
    """Projects by every field of a grants database's card: status, funding, reach, period,
    support area, activity type, target group, territory, amounts and currency."""

    title = _("Projects")
    intro = _("Funded projects, each with its card: money, period, partners and results.")
    filterset_class = ProjectFilterSet
    table_class = ProjectTable
    facets = (
        ChoiceFacet("status", _("Status"), field="status", choices=ProjectStatus.choices),
        RelatedFacet(
            "funding_programme",
            _("Funding programme"),
            multiple=False,
            field="funding_programme",
            label_fields=("short_name", "name"),
        ),
        ChoiceFacet("reach", _("Reach"), field="reach", choices=Reach.choices),
        VocabularyFacet(
            "support_area", _("Support area"), relation="support_area", vocabulary=ThematicArea
        ),
        VocabularyFacet(
            "activity_type",
            _("Activity type"),
            relation="activity_types",
            vocabulary=ActivityType,
        ),
        VocabularyFacet(
            "target_group", _("Target group"), relation="target_groups", vocabulary=TargetGroup
        ),
        ChoiceFacet(
            "currency", _("Currency"), multiple=False, field="currency", choices=Currency.choices
        ),
    )
    sort_options = (
        SortOption("-start", _("Newest first"), (NEWEST_FIRST,)),
        SortOption("start", _("Oldest first"), (OLDEST_FIRST,)),
        SortOption("title", _("Title A–Z"), ((F("title"), False),)),
        SortOption(
            "-total_cost",
            _("Largest first"),
            (nulls_last("total_cost", descending=True, empty=Decimal(-1)),),
        ),
    )
    relevance_tiebreak = ((F("title"), False),)
    filters_template = "projects/_project_filters.html"
    export_resource = "projects"

    def get_records(self) -> QuerySet[Project]:
        return selectors.visible_projects(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_project_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


class ProgrammeListView(DirectoryListView):
    """Multi-year programmes written from a standard fiche."""

    title = _("Programmes")
    intro = _("Multi-year programmes written from a standard project fiche.")
    filterset_class = ProgrammeFilterSet
    table_class = ProgrammeTable
    facets = (
        ChoiceFacet("status", _("Status"), field="status", choices=ProgrammeStatus.choices),
        VocabularyFacet("area", _("Thematic area"), relation="areas", vocabulary=ThematicArea),
        VocabularyFacet(
            "target_group", _("Target group"), relation="target_groups", vocabulary=TargetGroup
        ),
    )
    sort_options = (
        SortOption("title", _("Title A–Z"), ((F("title"), False),)),
        SortOption("-start", _("Newest first"), (NEWEST_FIRST,)),
    )
    relevance_tiebreak = ((F("title"), False),)
    filters_template = "projects/_programme_filters.html"
    export_resource = "programmes"

    def get_records(self) -> QuerySet[Programme]:
        return selectors.visible_programmes(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_programme_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


@require_safe
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The project card: every field of a grants database's card, in its order."""
    page = selectors.get_project_page(request.user, pk)
    return render(request, "projects/project_detail.html", {"page": page})


@require_safe
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A programme's fiche, section by section, and the projects that carry it out."""
    page = selectors.get_programme_page(request.user, pk)
    return render(request, "projects/programme_detail.html", {"page": page})
