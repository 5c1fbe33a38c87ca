"""Recommendations and shortlists as the API shows them (read only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.matching.selectors import Recommendation
from partnerhub.matching.targets import MatchTarget
from partnerhub.registry.models import Organisation

DECIMALS = 4


def _rounded(value: float) -> float:
    return round(value, DECIMALS)


class RecommendedOrganisationSerializer(serializers.ModelSerializer):
    """The organisation recommended: enough to show it and to fetch it (``id``)."""

    sector_label = serializers.CharField(source="get_sector_display", read_only=True)
    seat_name = serializers.CharField(source="seat.name", default="", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "sector", "sector_label", "country", "seat", "seat_name"]
        read_only_fields = fields


class ScoreComponentSerializer(serializers.Serializer):
    """One part of the score: its value (0–1), its weight, the points it adds, and why."""

    component = serializers.CharField(
        help_text=_("thematic, territory, sector, track_record, network")
    )
    # Declared fields are taken off the class: this does not shadow ``Field.label``.
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.FloatField(help_text=_("From 0 to 1."))
    weight = serializers.FloatField(help_text=_("The weights of a search sum to 1."))
    points = serializers.FloatField(help_text=_("Value × weight: its share of the score."))
    reasons = serializers.ListField(child=serializers.CharField())

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {
            "component": instance.component,
            "label": str(instance.label),
            "value": _rounded(instance.value),
            "weight": _rounded(instance.weight),
            "points": _rounded(instance.points),
            "reasons": list(instance.reasons),
        }


class RecommendationSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    organisation = RecommendedOrganisationSerializer()
    score = serializers.FloatField(help_text=_("From 0 to 1: the sum of the components' points."))
    components = ScoreComponentSerializer(many=True, source="explanations")

    def to_representation(self, instance: Recommendation) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        data["score"] = _rounded(instance.score)
        return data


class ShortlistedSerializer(RecommendationSerializer):
    why_chosen = serializers.CharField(help_text=_("Why the shortlist holds this organisation."))


class RecommendationTargetSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=_("local_problem or partnership"))
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    territory = serializers.IntegerField(source="territory.pk", allow_null=True, default=None)
    members = serializers.SerializerMethodField(help_text=_("Ids of the organisations involved."))

    def get_members(self, target: MatchTarget) -> list[int]:
        return target.member_ids


class RecommendationSearchSerializer(serializers.Serializer):
    """The search as it was made: normalised weights and the filters applied."""

    weights = serializers.DictField(child=serializers.FloatField())
    sector = serializers.CharField(allow_null=True)
    radius = serializers.CharField()
    territory = serializers.IntegerField(allow_null=True)
    exclude_ids = serializers.ListField(child=serializers.IntegerField())

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {
            "weights": {name: _rounded(value) for name, value in instance.weights.values.items()},
            "sector": instance.sector,
            "radius": instance.radius,
            "territory": instance.territory.pk if instance.territory is not None else None,
            "exclude_ids": sorted(instance.exclude_ids),
        }


class RecommendationsSerializer(serializers.Serializer):
    """The best organisations for a record (``selectors.Recommendations``)."""

    target = RecommendationTargetSerializer()
    search = RecommendationSearchSerializer(source="options")
    candidates = serializers.IntegerField(help_text=_("Organisations that passed the filters."))
    results = RecommendationSerializer(many=True)


class ShortlistSerializer(serializers.Serializer):
    """A balanced shortlist (``selectors.Shortlist``)."""

    target = RecommendationTargetSerializer()
    search = RecommendationSearchSerializer(source="options")
    size = serializers.IntegerField()
    candidates = serializers.IntegerField(help_text=_("Organisations that passed the filters."))
    sectors = serializers.ListField(
        child=serializers.CharField(), help_text=_("The sectors the shortlist covers.")
    )
    notes = serializers.ListField(
        child=serializers.CharField(), help_text=_("Sectors no candidate comes from.")
    )
    results = ShortlistedSerializer(many=True)
