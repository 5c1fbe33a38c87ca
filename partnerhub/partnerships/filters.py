"""Filters of partnerships and memberships."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.filters import IdFilter, PeriodFilterSet, RecordFilterSet
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.models import (
    Membership,
    Partnership,
    balance_date,
    current_membership_q,
)
from partnerhub.registry.filters import thematic_area_filter
from partnerhub.territory.filters import TerritoryFilter


def current_member_of_sector(sector: str) -> Exists:
    """The partnership has a current member organisation of ``sector``.

    "Current" as in ``Partnership.sector_balance()``: in force today, or on the last day of a
    partnership that has ended.
    """
    return Exists(
        Membership.objects.filter(partnership=OuterRef("pk"), organisation__sector=sector).filter(
            current_membership_q(balance_date(OuterRef("end")))
        )
    )


class PartnershipFilterSet(PeriodFilterSet):
    """Partnerships by kind, stage, territory, sectors present, hub, member and area.

    ``sector`` may be given several times: ``?sector=public&sector=private&sector=civil``
    finds partnerships with current members of all three sectors.
    """

    search_fields = ("name", "short_name")

    kind = filters.MultipleChoiceFilter(choices=PartnershipKind.choices, label=_("Kind"))
    stage = filters.MultipleChoiceFilter(choices=Stage.choices, label=_("Lifecycle stage"))
    territory = TerritoryFilter(field_name="territory")
    sector = filters.MultipleChoiceFilter(
        choices=Sector.choices,
        method="filter_sector",
        label=_("Sectors present"),
        help_text=_("Partnerships with current member organisations of every given sector."),
    )
    hub = IdFilter(field_name="hub", label=_("Facilitating hub (id)"))
    member = IdFilter(
        field_name="memberships__organisation", distinct=True, label=_("Member organisation (id)")
    )
    area = thematic_area_filter()
    visibility = filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))

    class Meta:
        model = Partnership
        fields = ["kind", "stage", "visibility"]

    def filter_sector(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        for sector in value:
            queryset = queryset.filter(current_member_of_sector(sector))
        return queryset


class MembershipFilterSet(RecordFilterSet):
    """Memberships of a partnership, of an organisation or of a person, by role."""

    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    organisation = IdFilter(field_name="organisation", label=_("Organisation (id)"))
    person = IdFilter(field_name="person", label=_("Person (id)"))
    role = filters.MultipleChoiceFilter(choices=MemberRole.choices, label=_("Role"))
    sector = filters.MultipleChoiceFilter(
        field_name="organisation__sector", choices=Sector.choices, label=_("Sector")
    )

    class Meta:
        model = Membership
        fields = ["role"]
