"""Filters of the registry: organisations, people, affiliations, thematic areas."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Sector
from partnerhub.core.filters import (
    IdFilter,
    RecordFilterSet,
    VocabularyFilter,
    VocabularyFilterSet,
    vocabulary_filter,
)
from partnerhub.registry.admin import registry_id_digits
from partnerhub.registry.choices import LegalForm, OrganisationStatus
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea
from partnerhub.territory.filters import TerritoryFilter

REGISTRY_ID_FIELDS = ("krs", "nip", "regon", "si_registration_number", "si_tax_number")


def thematic_area_filter(field_name: str = "areas") -> VocabularyFilter:
    """Records in any of the given thematic areas, named by code (``?area=tourism``)."""
    return vocabulary_filter(field_name, ThematicArea, _("Thematic area"))


class ThematicAreaFilterSet(VocabularyFilterSet):
    class Meta(VocabularyFilterSet.Meta):
        model = ThematicArea


class OrganisationFilterSet(RecordFilterSet):
    """Organisations by sector, legal form, country, status, territory, area and role.

    ``q`` finds words in the name or short name, and registry ids however they are written
    ("PL 525-224-84-81").
    """

    search_fields = ("name", "short_name")
    exact_search_fields = REGISTRY_ID_FIELDS

    sector = filters.MultipleChoiceFilter(choices=Sector.choices, label=_("Sector"))
    legal_form = filters.MultipleChoiceFilter(choices=LegalForm.choices, label=_("Legal form"))
    country = filters.CharFilter(lookup_expr="iexact", label=_("Country (ISO code)"))
    status = filters.ChoiceFilter(choices=OrganisationStatus.choices, label=_("Status"))
    territory = TerritoryFilter(field_name="seat")
    area = thematic_area_filter()
    is_hub = filters.BooleanFilter(label=_("Facilitating hub"))

    class Meta:
        model = Organisation
        fields = ["sector", "legal_form", "country", "status", "is_hub"]

    def exact_term(self, term: str) -> str:
        return registry_id_digits(term) or term


class PersonFilterSet(RecordFilterSet):
    """People by name, territory, area of expertise or the organisation they work for."""

    search_fields = ("first_name", "last_name", "title")

    territory = TerritoryFilter(field_name="territory")
    area = thematic_area_filter()
    organisation = IdFilter(
        field_name="affiliations__organisation", distinct=True, label=_("Organisation (id)")
    )

    class Meta:
        model = Person
        fields: list[str] = []


class AffiliationFilterSet(RecordFilterSet):
    """Affiliations of a person or of an organisation."""

    person = IdFilter(field_name="person", label=_("Person (id)"))
    organisation = IdFilter(field_name="organisation", label=_("Organisation (id)"))
    is_representative = filters.BooleanFilter(label=_("Represents the organisation"))

    class Meta:
        model = Affiliation
        fields = ["is_representative"]
