"""Indicators, reported values and goals as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.results.models import ONE_OWNER, Goal, Indicator, ReportedValue

RECORD_FIELDS = ["created_at", "updated_at"]
INDICATOR_FIELDS = [
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


def check_one_owner(
    data: dict[str, Any], owner_fields: tuple[str, ...], instance: Any = None
) -> None:
    """Exactly one owner is given (the message of the model's own check)."""
    owners = [f for f in owner_fields if data.get(f, getattr(instance, f, None)) is not None]
    if len(owners) != 1:
        raise serializers.ValidationError({owner_fields[0]: [ONE_OWNER]})


def progress_field() -> serializers.FloatField:
    return serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_("Achieved as a share of the target (1 = met); null without both figures."),
    )


class OwnedIndicatorSerializer(RecordSerializer):
    """An indicator listed with its owner (a project's indicators), or created together with it."""

    progress = progress_field()

    class Meta:
        model = Indicator
        fields = ["id", *INDICATOR_FIELDS, "progress"]
        read_only_fields = ["id", "progress"]


class IndicatorSerializer(RecordSerializer):
    """An output or result indicator of exactly one project, programme or partnership."""

    progress = progress_field()

    class Meta:
        model = Indicator
        fields = [
            "id",
            *Indicator.OWNER_FIELDS,
            *INDICATOR_FIELDS,
            "progress",
            *RECORD_FIELDS,
        ]
        read_only_fields = ["progress", *RECORD_FIELDS]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_one_owner(attrs, Indicator.OWNER_FIELDS, self.instance)
        return attrs


class ReportedValueSerializer(RecordSerializer):
    """A dated value of an indicator; the indicator's ``achieved`` is the sum of its values."""

    class Meta:
        model = ReportedValue
        fields = ["id", "indicator", "reported_on", "value", "note", *RECORD_FIELDS]
        read_only_fields = RECORD_FIELDS

    def validate_indicator(self, indicator: Indicator) -> Indicator:
        if self.instance is not None and indicator.pk != self.instance.indicator_id:
            raise serializers.ValidationError(
                _("A reported value stays with its indicator: remove it and report it anew.")
            )
        return indicator


class GoalSerializer(RecordSerializer):
    """A priority, action-plan goal or objective of exactly one owner."""

    class Meta:
        model = Goal
        fields = [
            "id",
            *Goal.OWNER_FIELDS,
            "kind",
            "title",
            "description",
            "territory",
            "status",
            "indicator",
            "position",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_one_owner(attrs, Goal.OWNER_FIELDS, self.instance)
        return attrs
