"""The tables of projects and programmes, as the directory lists them."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from partnerhub.core.directory import DirectoryTable, link_to_record
from partnerhub.core.templatetags.directory import money, period
from partnerhub.projects.models import Programme, Project


class ProjectTable(DirectoryTable):
    """Title, status, seat, period, total cost, funding programme and reach.

    Rows need ``selectors.with_project_list_details``.
    """

    title = tables.Column(verbose_name=_("Title"), linkify=link_to_record)
    status = tables.Column(verbose_name=_("Status"), accessor="get_status_display")
    seat = tables.Column(verbose_name=_("Seat"), default="—", accessor="seat__name")
    period = tables.Column(verbose_name=_("Period"), empty_values=(), accessor="pk")
    total_cost = tables.Column(
        verbose_name=_("Total cost"), empty_values=(), attrs={"td": {"class": "num"}}
    )
    funding_programme = tables.Column(verbose_name=_("Funding programme"), default="—")
    reach = tables.Column(verbose_name=_("Reach"), accessor="get_reach_display", default="—")

    class Meta(DirectoryTable.Meta):
        model = Project
        fields = ("title", "status", "seat", "period", "total_cost", "funding_programme", "reach")

    def render_period(self, record: Project) -> Any:
        return period(record)

    def render_total_cost(self, record: Project) -> Any:
        return money(record.total_cost, record.currency)


class ProgrammeTable(DirectoryTable):
    """Title, status, partnership, territory and period (rows need their relations)."""

    title = tables.Column(verbose_name=_("Title"), linkify=link_to_record)
    status = tables.Column(verbose_name=_("Status"), accessor="get_status_display")
    territory = tables.Column(verbose_name=_("Territory"), default="—", accessor="territory__name")
    period = tables.Column(verbose_name=_("Period"), empty_values=(), accessor="pk")

    class Meta(DirectoryTable.Meta):
        model = Programme
        fields = ("title", "status", "territory", "period")

    def render_period(self, record: Programme) -> Any:
        return period(record)
