"""Staff admin of partnerships and memberships."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import (
    RECORD_FIELDS,
    RECORD_FIELDSET,
    ServiceInline,
    ServiceInlineFormSet,
    ServiceModelAdmin,
)
from partnerhub.core.choices import Sector
from partnerhub.partnerships.models import Membership, Partnership, PartnershipQuerySet
from partnerhub.results.admin import PartnershipIndicatorInline

OVERLAPPING_MEMBERSHIP = _(
    "This member already belongs to the partnership in an overlapping period."
)


def _periods_overlap(
    a: tuple[datetime.date | None, datetime.date | None],
    b: tuple[datetime.date | None, datetime.date | None],
) -> bool:
    """Whether two (joined, left) periods share a day; a missing date is open-ended."""
    (a_joined, a_left), (b_joined, b_left) = a, b
    return (a_joined is None or b_left is None or a_joined <= b_left) and (
        b_joined is None or a_left is None or b_joined <= a_left
    )


class MembershipInlineFormSet(ServiceInlineFormSet):
    """Memberships on a partnership's page.

    Each row is checked against the database by ``Membership.clean()``; this also checks
    the rows against each other, which the database cannot see before they are saved
    (several rows for one member typed at once, or a new partnership's first members).
    """

    def clean(self) -> None:
        super().clean()
        periods: dict[tuple[str, int], list[tuple[datetime.date | None, datetime.date | None]]] = {}
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue  # an empty extra row
            if form.errors:
                continue
            data = form.cleaned_data
            if data.get("DELETE"):
                continue
            member = data.get("organisation") or data.get("person")
            if member is None:
                continue
            key = ("organisation" if data.get("organisation") else "person", member.pk)
            period = (data.get("joined"), data.get("left"))
            if any(_periods_overlap(period, other) for other in periods.get(key, [])):
                form.add_error("joined", ValidationError(OVERLAPPING_MEMBERSHIP, code="overlap"))
            periods.setdefault(key, []).append(period)


class MembershipInline(ServiceInline):
    model = Membership
    formset = MembershipInlineFormSet
    fields = ("organisation", "person", "role", "joined", "left", "responsibilities")
    autocomplete_fields = ("organisation", "person")


@admin.register(Partnership)
class PartnershipAdmin(ServiceModelAdmin):
    list_display = (
        "name",
        "kind",
        "stage",
        "hub",
        "territory",
        "members",
        "sectors",
        "visibility",
    )
    list_filter = ("kind", "stage", "visibility", ("hub", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("hub", "territory")
    search_fields = ("name", "short_name", "hub__name", "goal")
    autocomplete_fields = ("hub", "territory")
    filter_horizontal = ("grew_out_of", "areas", "problems")
    readonly_fields = RECORD_FIELDS
    inlines = (MembershipInline,)
    fieldsets = (
        (
            None,
            {"fields": ("name", "short_name", "kind", "stage", "hub", "territory", "visibility")},
        ),
        (_("Goal and scope"), {"fields": ("goal", "description", "areas", "problems")}),
        (_("Period"), {"fields": ("start", "end", "period_precision")}),
        (_("Lineage and size"), {"fields": ("grew_out_of", "declared_member_count")}),
        RECORD_FIELDSET,
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A partnership moves through its lifecycle by the lifecycle service (which records
        # each transition); its first stage is set when it is created.
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "stage") if obj is not None else fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Partnership]:
        """Member and sector counts in the same query as the list (no query per row)."""
        qs = super().get_queryset(request)
        assert isinstance(qs, PartnershipQuerySet)
        return qs.with_member_counts()

    def get_inlines(self, request: HttpRequest, obj: Partnership | None) -> list[Any]:
        # Indicators need a saved owner: they are added once the partnership exists.
        if obj is None:
            return list(self.inlines)
        return [*self.inlines, PartnershipIndicatorInline]

    @admin.display(description=_("members"), ordering="member_total")
    def members(self, obj: Partnership) -> int:
        total: int = getattr(obj, "member_total", 0)
        return total

    @admin.display(description=_("sectors of current members"))
    def sectors(self, obj: Partnership) -> str:
        parts = [
            f"{label} {getattr(obj, f'members_{sector}', 0)}"
            for sector, label in Sector.choices
            if getattr(obj, f"members_{sector}", 0)
        ]
        individuals = getattr(obj, "members_individual", 0)
        if individuals:
            label = _("individuals")
            parts.append(f"{label} {individuals}")
        return ", ".join(parts) or "—"


@admin.register(Membership)
class MembershipAdmin(ServiceModelAdmin):
    list_display = ("partnership", "member", "sector", "role", "joined", "left")
    list_filter = ("role", "partnership__kind", "organisation__sector")
    list_select_related = ("partnership", "organisation", "person")
    search_fields = (
        "partnership__name",
        "organisation__name",
        "person__first_name",
        "person__last_name",
    )
    autocomplete_fields = ("partnership", "organisation", "person")
    readonly_fields = RECORD_FIELDS
    fields = (
        "partnership",
        "organisation",
        "person",
        "role",
        "joined",
        "left",
        "responsibilities",
        *RECORD_FIELDS,
    )

    @admin.display(description=_("member"))
    def member(self, obj: Membership) -> object:
        return obj.member

    @admin.display(description=_("sector"))
    def sector(self, obj: Membership) -> str:
        return obj.organisation.get_sector_display() if obj.organisation else "—"
