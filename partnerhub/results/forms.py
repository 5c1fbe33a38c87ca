"""Workspace forms of indicators and the values reported for them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from partnerhub.results.models import Indicator, ReportedValue
from partnerhub.workspace.forms import RecordForm


class IndicatorForm(RecordForm):
    """An output or result indicator: unit, baseline, target and what was achieved.

    Once values are reported, what was achieved is their sum: the field is shown, not typed.
    """

    class Meta(RecordForm.Meta):
        model = Indicator
        fields = [
            "kind",
            "name",
            "unit",
            "baseline",
            "target",
            "achieved",
            "achieved_qualifier",
            "position",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.reported_values.exists():
            achieved = self.fields["achieved"]
            achieved.disabled = True
            achieved.help_text = _("The sum of the reported values.")


class ReportedValueForm(RecordForm):
    """A value of an indicator reported for a date."""

    class Meta(RecordForm.Meta):
        model = ReportedValue
        fields = ["reported_on", "value", "note"]
