"""Workspace forms of events and their attendance by sector."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import Event
from partnerhub.workspace.forms import RecordForm


class EventForm(RecordForm):
    """An event: what, when, where, who organised it and what it belongs to."""

    record_sources = {
        "partnership": "managed-partnership",
        "project": "managed-project",
        "programme": "managed-programme",
    }

    fieldsets = (
        (_("Event"), ("title", "event_type", "description", "visibility")),
        (_("When and where"), ("start", "end", "duration_hours", "place", "territory")),
        (_("Who and what for"), ("organisers", "partnership", "project", "programme")),
    )

    class Meta(RecordForm.Meta):
        model = Event
        fields = [
            "title",
            "event_type",
            "start",
            "end",
            "duration_hours",
            "place",
            "territory",
            "organisers",
            "partnership",
            "project",
            "programme",
            "description",
            "visibility",
        ]


class AttendanceForm(forms.Form):
    """How many people of each sector attended an event; an empty field means not counted."""

    template_name = "workspace/partials/form_fields.html"

    def __init__(self, *args: Any, counts: dict[str, int] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        counts = counts or {}
        for sector, label in AttendanceSector.choices:
            self.fields[sector] = forms.IntegerField(
                label=label, required=False, min_value=0, initial=counts.get(sector)
            )

    def counts(self) -> dict[str, int]:
        """The counts typed, by sector (sectors left empty are not counted)."""
        return {
            sector: value
            for sector, value in self.cleaned_data.items()
            if sector in AttendanceSector.values and value is not None
        }


ATTENDANCE_HELP = _("Leave a sector empty when nobody counted it.")
