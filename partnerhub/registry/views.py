"""Public pages of the registry: the list of organisations and an organisation's page."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from partnerhub.core.choices import Sector
from partnerhub.core.directory import (
    ChoiceFacet,
    SortOption,
    VocabularyFacet,
    get_territory_picker,
)
from partnerhub.core.views import DirectoryListView
from partnerhub.registry import selectors
from partnerhub.registry.choices import LegalForm
from partnerhub.registry.filters import OrganisationFilterSet
from partnerhub.registry.models import Organisation, ThematicArea
from partnerhub.registry.tables import OrganisationTable


class OrganisationListView(DirectoryListView):
    """Organisations of the three sectors, by sector, legal form, territory and area."""

    title = _("Organisations")
    intro = _("Public bodies, businesses and NGOs taking part in local partnerships.")
    filterset_class = OrganisationFilterSet
    table_class = OrganisationTable
    facets = (
        ChoiceFacet("sector", _("Sector"), field="sector", choices=Sector.choices),
        ChoiceFacet("legal_form", _("Legal form"), field="legal_form", choices=LegalForm.choices),
        VocabularyFacet("area", _("Area of activity"), relation="areas", vocabulary=ThematicArea),
    )
    sort_options = (
        SortOption("name", _("Name A–Z"), ((F("name"), False),)),
        SortOption("-name", _("Name Z–A"), ((F("name"), True),)),
        SortOption("-created_at", _("Recently added"), ((F("created_at"), True),)),
    )
    relevance_tiebreak = ((F("name"), False),)
    filters_template = "directory/_territory_filter.html"
    export_resource = "organisations"

    def get_records(self) -> QuerySet[Organisation]:
        return selectors.visible_organisations(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


@require_safe
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An organisation and its whole portfolio: partnerships, projects, events, goals."""
    page = selectors.get_organisation_page(request.user, pk)
    return render(request, "registry/organisation_detail.html", {"page": page})
