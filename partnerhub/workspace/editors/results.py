"""Editors of indicators (on a project's page) and of the values reported for them."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.projects.models import Project
from partnerhub.results.forms import IndicatorForm, ReportedValueForm
from partnerhub.results.models import Indicator, ReportedValue
from partnerhub.results.services import (
    add_indicator,
    delete_indicator,
    report_value,
    update_indicator,
)
from partnerhub.workspace.editors.base import InlineEditor, editor_for, register

OWNERS = ("project", "programme", "partnership")


class IndicatorEditor(InlineEditor[Indicator]):
    """Indicators of a project (shown on its page), a programme or a partnership."""

    model = Indicator
    form_class = IndicatorForm
    parent_fields = OWNERS
    section_parent = "project"
    section_template = "workspace/sections/indicators.html"
    section_title = _("indicators")
    prefix = "indicator"

    def add_title(self) -> str:
        return str(_("Add an indicator"))

    def create(self, data: dict[str, Any], *, by: Any) -> Indicator:
        owner = next(data.pop(field) for field in OWNERS if data.get(field) is not None)
        for field in OWNERS:
            data.pop(field, None)
        return add_indicator(owner, by=by, **data)

    def update(self, record: Indicator, data: dict[str, Any], *, by: Any) -> Indicator:
        return update_indicator(record, by=by, **data)

    def delete(self, record: Indicator, *, by: Any) -> None:
        delete_indicator(record, by=by)

    def rows(self, parent: Project) -> QuerySet[Indicator]:
        return parent.indicators.order_by("kind", "position", "pk")


class ReportedValueEditor(InlineEditor[ReportedValue]):
    """A value reported for an indicator; the indicator's achieved figure follows."""

    model = ReportedValue
    form_class = ReportedValueForm
    parent_fields = ("indicator",)
    section_parent = "indicator"
    section_template = ""
    prefix = "reportedvalue"

    def add_title(self) -> str:
        return str(_("Report a value"))

    def create(self, data: dict[str, Any], *, by: Any) -> ReportedValue:
        indicator = data.pop("indicator")
        return report_value(indicator, data.pop("reported_on"), data.pop("value"), by=by, **data)

    def has_section_on(self, parent: Any) -> bool:
        return False  # values are reported on their own page

    def _parent_page(self, record: ReportedValue) -> str:
        # Back to the page of the indicator's owner, where the indicator is listed.
        owner = record.indicator.owner
        if not isinstance(owner, models.Model):
            return super()._parent_page(record)
        editor = editor_for(type(owner))
        if editor is None:
            return super()._parent_page(record)
        anchor = f"#{indicators.section_id}" if isinstance(owner, Project) else ""
        return editor.change_url(owner) + anchor


indicators = register(IndicatorEditor())
reported_values = register(ReportedValueEditor())
