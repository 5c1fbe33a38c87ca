"""Public pages of local problems: the list and a problem's page."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from partnerhub.consultation import selectors
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.filters import LocalProblemFilterSet
from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.tables import LocalProblemTable
from partnerhub.core.directory import (
    ChoiceFacet,
    SortOption,
    VocabularyFacet,
    get_territory_picker,
)
from partnerhub.core.views import DirectoryListView
from partnerhub.registry.models import ThematicArea


class LocalProblemListView(DirectoryListView):
    """Local problems communities want solved, by status, territory and area."""

    title = _("Local problems")
    intro = _("Concrete problems of local communities that partnerships can take on.")
    filterset_class = LocalProblemFilterSet
    table_class = LocalProblemTable
    facets = (
        ChoiceFacet("status", _("Status"), field="status", choices=ProblemStatus.choices),
        VocabularyFacet("area", _("Thematic area"), relation="areas", vocabulary=ThematicArea),
    )
    sort_options = (
        SortOption("-created_at", _("Newest first"), ((F("created_at"), True),)),
        SortOption("title", _("Title A–Z"), ((F("title"), False),)),
    )
    relevance_tiebreak = ((F("created_at"), True),)
    filters_template = "directory/_territory_filter.html"
    export_resource = "problems"

    def get_records(self) -> QuerySet[LocalProblem]:
        return selectors.visible_problems(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


@require_safe
def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A local problem: where, who raised it, and the partnerships taking it on."""
    page = selectors.get_problem_page(request.user, pk)
    return render(request, "consultation/problem_detail.html", {"page": page})
