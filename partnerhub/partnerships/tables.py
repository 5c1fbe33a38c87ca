"""The table of partnerships, as the directory lists them."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from partnerhub.core.directory import DirectoryTable, link_to_record
from partnerhub.core.templatetags.directory import period
from partnerhub.formation.selectors import check_balance
from partnerhub.partnerships.models import Partnership


class PartnershipTable(DirectoryTable):
    """Name, kind, stage, territory, members by sector and period.

    Rows need ``selectors.with_list_details`` (members prefetched for the sector balance).
    """

    name = tables.Column(verbose_name=_("Name"), linkify=link_to_record)
    kind = tables.Column(verbose_name=_("Kind"), accessor="get_kind_display")
    stage = tables.Column(verbose_name=_("Stage"), accessor="get_stage_display")
    territory = tables.Column(verbose_name=_("Territory"), default="—", accessor="territory__name")
    members = tables.Column(
        verbose_name=_("Members"), empty_values=(), accessor="pk", attrs={"td": {"class": "wide"}}
    )
    period = tables.Column(verbose_name=_("Period"), empty_values=(), accessor="pk")

    class Meta(DirectoryTable.Meta):
        model = Partnership
        fields = ("name", "kind", "stage", "territory", "members", "period")

    def render_members(self, record: Partnership) -> Any:
        # The balance check reads the prefetched memberships: no query per row.
        return render_to_string(
            "partnerships/_balance.html",
            {
                "balance": record.sector_balance(),
                "partnership": record,
                "compact": True,
                "warnings": [w for w in check_balance(record) if w.code == "sector_dominant"],
            },
        )

    def render_period(self, record: Partnership) -> Any:
        return period(record)
