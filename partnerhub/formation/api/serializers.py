"""Invitations, stage transitions and health checks as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.core.choices import Sector
from partnerhub.formation.choices import (
    HEALTH_QUESTIONS,
    MAX_SCORE,
    MIN_SCORE,
    HealthFactor,
    InvitationStatus,
)
from partnerhub.formation.models import (
    FACTORS,
    HealthResponse,
    HealthSurvey,
    Invitation,
    StageTransition,
)
from partnerhub.formation.selectors import SurveyResults
from partnerhub.partnerships.choices import Stage

# --- invitations ---------------------------------------------------------------------------


class InvitationSerializer(RecordSerializer):
    """An invitation, with its status as it stands now (a pending one past its expiry is
    expired)."""

    status = serializers.ChoiceField(
        source="effective_status", choices=InvitationStatus.choices, read_only=True
    )

    class Meta:
        model = Invitation
        fields = [
            "id",
            "partnership",
            "organisation",
            "role",
            "message",
            "expires_at",
            "status",
            "created_at",
            "decided_at",
            "decline_reason",
            "membership",
        ]
        read_only_fields = fields


class IssuedInvitationSerializer(InvitationSerializer):
    """A new invitation and its code: the only answer that ever shows the code."""

    token = serializers.CharField(
        read_only=True,
        help_text=_("The invitation code, shown once: pass it on to the organisation."),
    )

    class Meta(InvitationSerializer.Meta):
        fields = [*InvitationSerializer.Meta.fields, "token"]
        read_only_fields = fields


class InvitationWriteSerializer(RecordSerializer):
    """What a facilitator sends to invite an organisation (the expiry is optional)."""

    class Meta:
        model = Invitation
        fields = ["partnership", "organisation", "role", "message", "expires_at"]
        extra_kwargs = {"expires_at": {"required": False}}


class InvitationAcceptSerializer(serializers.Serializer):
    token = serializers.CharField(
        required=False,
        max_length=200,
        help_text=_("The invitation code, when the client does not represent the organisation."),
    )


class InvitationDeclineSerializer(InvitationAcceptSerializer):
    decline_reason = serializers.CharField(
        max_length=5000, allow_blank=True, help_text=_("Why the organisation declines.")
    )


class InvitationRedeemSerializer(serializers.Serializer):
    """An answer given with the invitation code alone."""

    token = serializers.CharField(max_length=200)
    decision = serializers.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    decline_reason = serializers.CharField(max_length=5000, required=False, allow_blank=True)


# --- lifecycle -------------------------------------------------------------------------------


class StageTransitionSerializer(RecordSerializer):
    class Meta:
        model = StageTransition
        fields = ["id", "partnership", "from_stage", "to_stage", "date", "note", "created_at"]
        read_only_fields = fields


class StageMoveSerializer(serializers.Serializer):
    """A move of the partnership to another stage; ``date`` is today unless given."""

    stage = serializers.ChoiceField(choices=Stage.choices)
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    date = serializers.DateField(required=False, allow_null=True, default=None)


class BalanceWarningSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=[
            ("no_organisations", "no_organisations"),
            ("sector_missing", "sector_missing"),
            ("sector_dominant", "sector_dominant"),
        ]
    )
    message = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices, allow_null=True)
    share = serializers.FloatField(allow_null=True)


# --- health checks -------------------------------------------------------------------------


class HealthQuestionSerializer(serializers.Serializer):
    factor = serializers.ChoiceField(choices=HealthFactor.choices)
    name = serializers.CharField(help_text=_("The factor's name."))
    question = serializers.CharField()


def health_questions() -> list[dict[str, str]]:
    """The factors and their statements, in the active language."""
    return [
        {
            "factor": factor.value,
            "name": str(factor.label),
            "question": str(HEALTH_QUESTIONS[factor]),
        }
        for factor in HealthFactor
    ]


class SurveyResultsSerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    means = serializers.DictField(
        child=serializers.FloatField(allow_null=True),
        help_text=_("The mean score of each factor (1–5), none without answers."),
    )
    overall = serializers.FloatField(allow_null=True, help_text=_("The mean of the factors."))


class HealthSurveySerializer(RecordSerializer):
    """A health survey with its results so far and the questions it asks."""

    results = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    class Meta:
        model = HealthSurvey
        fields = [
            "id",
            "partnership",
            "opened_on",
            "closes_on",
            "results",
            "questions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    @extend_schema_field(SurveyResultsSerializer)
    def get_results(self, survey: HealthSurvey) -> dict[str, Any]:
        # Annotated by the viewset's queryset (HealthSurvey.objects.with_results()).
        results = SurveyResults.of(survey)
        return {"responses": results.responses, "means": results.means, "overall": results.overall}

    @extend_schema_field(HealthQuestionSerializer(many=True))
    def get_questions(self, survey: HealthSurvey) -> list[dict[str, str]]:
        return health_questions()


class HealthSurveyWriteSerializer(RecordSerializer):
    class Meta:
        model = HealthSurvey
        fields = ["partnership", "opened_on", "closes_on"]


class HealthResponseSerializer(RecordSerializer):
    """One member's scores (1–5) for each factor of the health check."""

    class Meta:
        model = HealthResponse
        fields = ["id", "survey", "membership", *FACTORS, "comment", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {
            factor: {"min_value": MIN_SCORE, "max_value": MAX_SCORE} for factor in FACTORS
        }
