"""Staff admin of the registry: organisations, people, affiliations, thematic areas."""

from __future__ import annotations

import re

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import (
    RECORD_FIELDS,
    RECORD_FIELDSET,
    ServiceInline,
    ServiceModelAdmin,
    VocabularyAdmin,
)
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea
from partnerhub.registry.validators import REGISTRY_ID_COUNTRY

# Registry ids are often written with separators or a country prefix: "PL 525-224-84-81".
_ID_SEPARATORS = re.compile(r"[\s\-./]")
_COUNTRY_PREFIX = re.compile(r"^(PL|SI)", re.IGNORECASE)


def registry_id_digits(term: str) -> str | None:
    """The digits of ``term`` when it reads as a registry id, else None."""
    compact = _COUNTRY_PREFIX.sub("", _ID_SEPARATORS.sub("", term.strip()))
    return compact if compact.isdigit() and len(compact) >= 7 else None


@admin.register(ThematicArea)
class ThematicAreaAdmin(VocabularyAdmin):
    pass


class AffiliationInline(ServiceInline):
    """People working for an organisation (on the organisation's page)."""

    model = Affiliation
    fields = ("person", "role", "is_representative", "start", "end")
    autocomplete_fields = ("person",)


class PersonAffiliationInline(ServiceInline):
    """Organisations a person works for (on the person's page)."""

    model = Affiliation
    fields = ("organisation", "role", "is_representative", "start", "end")
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(ServiceModelAdmin):
    list_display = (
        "name",
        "short_name",
        "sector",
        "legal_form",
        "country",
        "seat",
        "status",
        "is_hub",
    )
    list_filter = ("sector", "legal_form", "country", "status", "is_hub", "areas")
    list_select_related = ("seat",)
    search_fields = (
        "name",
        "short_name",
        "krs",
        "nip",
        "regon",
        "si_registration_number",
        "si_tax_number",
    )
    autocomplete_fields = ("seat",)
    filter_horizontal = ("areas",)
    readonly_fields = RECORD_FIELDS
    inlines = (AffiliationInline,)
    fieldsets = (
        (
            _("Identity"),
            {"fields": ("name", "short_name", "sector", "legal_form", "country", "is_hub")},
        ),
        (
            _("Registry identifiers"),
            {
                "fields": (("krs", "nip", "regon"), ("si_registration_number", "si_tax_number")),
                "description": _(
                    "Polish identifiers (KRS, NIP, REGON) for organisations registered in "
                    "Poland, Slovenian ones for organisations registered in Slovenia."
                ),
            },
        ),
        (
            _("Seat and contact"),
            {"fields": ("seat", "address", "postal_code", "website", "email", "phone")},
        ),
        (
            _("Profile"),
            {"fields": ("areas", "description", "founded_on", "status", "dissolved_on")},
        ),
        RECORD_FIELDSET,
    )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Organisation], search_term: str
    ) -> tuple[QuerySet[Organisation], bool]:
        """Also find an organisation by a registry id typed with separators or a prefix."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = registry_id_digits(search_term)
        if digits:
            by_id = Q()
            for field in REGISTRY_ID_COUNTRY:
                by_id |= Q(**{field: digits})
            results |= queryset.filter(by_id)
        return results, may_have_duplicates


@admin.register(Person)
class PersonAdmin(ServiceModelAdmin):
    list_display = ("last_name", "first_name", "title", "territory")
    list_select_related = ("territory",)
    list_filter = ("areas",)
    search_fields = ("first_name", "last_name", "email")
    autocomplete_fields = ("territory", "user")
    filter_horizontal = ("areas",)
    readonly_fields = RECORD_FIELDS
    inlines = (PersonAffiliationInline,)
    fieldsets = (
        (None, {"fields": ("first_name", "last_name", "title", "territory", "areas", "user")}),
        (
            _("Personal data"),
            {
                "fields": Person.PERSONAL_DATA_FIELDS,
                "description": _(
                    "Never shown to the public nor included in public exports; anonymised "
                    "when the person asks for erasure."
                ),
            },
        ),
        RECORD_FIELDSET,
    )


@admin.register(Affiliation)
class AffiliationAdmin(ServiceModelAdmin):
    list_display = ("person", "organisation", "role", "is_representative", "start", "end")
    list_filter = ("is_representative", "organisation__sector")
    list_select_related = ("person", "organisation")
    search_fields = ("person__first_name", "person__last_name", "organisation__name", "role")
    autocomplete_fields = ("person", "organisation")
