"""The table of local problems, as the directory lists them."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.directory import DirectoryTable, link_to_record
from partnerhub.core.templatetags.directory import day


class LocalProblemTable(DirectoryTable):
    """Title, status, territory, who raised it and when (rows need their relations)."""

    title = tables.Column(verbose_name=_("Problem"), linkify=link_to_record)
    status = tables.Column(verbose_name=_("Status"), accessor="get_status_display")
    territory = tables.Column(verbose_name=_("Territory"), default="—", accessor="territory__name")
    raised_by_organisation = tables.Column(verbose_name=_("Raised by"), default="—")
    created_at = tables.Column(verbose_name=_("Raised on"), empty_values=())

    class Meta(DirectoryTable.Meta):
        model = LocalProblem
        fields = ("title", "status", "territory", "raised_by_organisation", "created_at")

    def render_created_at(self, record: LocalProblem) -> Any:
        return day(timezone.localdate(record.created_at))
