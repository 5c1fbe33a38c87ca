"""The table of organisations, as the directory lists them."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from partnerhub.core.directory import DirectoryTable, link_to_record, names
from partnerhub.registry.models import Organisation


class OrganisationTable(DirectoryTable):
    """Name, sector, legal form, seat and areas of activity (rows need ``with_list_details``)."""

    name = tables.Column(verbose_name=_("Name"), linkify=link_to_record)
    sector = tables.Column(verbose_name=_("Sector"), accessor="get_sector_display")
    legal_form = tables.Column(verbose_name=_("Legal form"), accessor="get_legal_form_display")
    seat = tables.Column(verbose_name=_("Seat"), default="—", accessor="seat__name")
    areas = tables.Column(verbose_name=_("Areas of activity"), empty_values=())

    class Meta(DirectoryTable.Meta):
        model = Organisation
        fields = ("name", "sector", "legal_form", "seat", "areas")

    def render_areas(self, record: Organisation) -> Any:
        return names(record.areas.all()) or "—"
