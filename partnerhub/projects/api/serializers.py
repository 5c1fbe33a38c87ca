"""Programmes, projects, their partners and funding programmes as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.api.vocabularies import VocabularySerializer
from partnerhub.core.choices import Sector
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.results.api.serializers import OwnedIndicatorSerializer

RECORD_FIELDS = ["created_at", "updated_at"]
PROJECT_FIELDS = [
    "title",
    "acronym",
    "programme",
    "partnership",
    "lead_organisation",
    "support_area",
    "seat",
    "start",
    "end",
    "period_precision",
    "status",
    "currency",
    "total_cost",
    "grant",
    "cofinancing",
    "funding_programme",
    "reach",
    "activity_types",
    "target_groups",
    "areas",
    "problem",
    "activities",
    "beneficiaries",
    "description",
    "declared_partner_count",
    "source_url",
    "visibility",
]


class ActivityTypeSerializer(VocabularySerializer):
    class Meta(VocabularySerializer.Meta):
        model = ActivityType


class TargetGroupSerializer(VocabularySerializer):
    class Meta(VocabularySerializer.Meta):
        model = TargetGroup


class FundingProgrammeSerializer(RecordSerializer):
    """A funding programme and the instrument it belongs to."""

    class Meta:
        model = FundingProgramme
        fields = ["id", "name", "short_name", "instrument", "period", "description"]


class ProgrammeSerializer(RecordSerializer):
    """A multi-year programme written from a standard fiche."""

    class Meta:
        model = Programme
        fields = [
            "id",
            "title",
            "partnership",
            "status",
            "problem",
            "objectives",
            "actions",
            "target_groups",
            "target_groups_text",
            "areas",
            "territory",
            "start",
            "end",
            "period_precision",
            "visibility",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS


class PartnerOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices)


class ProjectPartnerItemSerializer(RecordSerializer):
    """A partner as listed in its project: the organisation's name and sector come along."""

    organisation = PartnerOrganisationSerializer(read_only=True)

    class Meta:
        model = ProjectPartner
        fields = ["id", "organisation", "role", "budget_share"]


class NewProjectPartnerSerializer(RecordSerializer):
    """A partner added together with a new project."""

    class Meta:
        model = ProjectPartner
        fields = ["organisation", "role", "budget_share"]


class ProjectSerializer(RecordSerializer):
    """A project card with its funding programme, partners and indicators, in one answer."""

    funding_programme = FundingProgrammeSerializer(read_only=True, allow_null=True)
    partners = ProjectPartnerItemSerializer(many=True, read_only=True)
    indicators = OwnedIndicatorSerializer(many=True, read_only=True)
    partner_count = serializers.SerializerMethodField(
        help_text=_("Listed partners, or the declared number when a source states more.")
    )

    class Meta:
        model = Project
        fields = [
            "id",
            *PROJECT_FIELDS,
            "partner_count",
            "partners",
            "indicators",
            *RECORD_FIELDS,
        ]

    def get_partner_count(self, project: Project) -> int:
        # ``partners`` is prefetched: count in memory rather than with a query per row.
        return max(len(project.partners.all()), project.declared_partner_count or 0)


class ProjectWriteSerializer(RecordSerializer):
    """What a client sends to create or change a project.

    ``partners`` and ``indicators`` may be given when the project is created: the project,
    its partners and its indicators are written together or not at all. Later they change
    through ``/api/project-partners/`` and ``/api/indicators/``.
    """

    partners = NewProjectPartnerSerializer(many=True, required=False)
    indicators = OwnedIndicatorSerializer(many=True, required=False)

    class Meta:
        model = Project
        fields = [*PROJECT_FIELDS, "partners", "indicators"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None:
            for name, endpoint in (
                ("partners", "/api/project-partners/"),
                ("indicators", "/api/indicators/"),
            ):
                if name in attrs:
                    raise serializers.ValidationError(
                        {
                            name: [
                                _("These are changed through %(endpoint)s once the project exists.")
                                % {"endpoint": endpoint}
                            ]
                        }
                    )
        return attrs


class ProjectPartnerSerializer(RecordSerializer):
    """An organisation taking part in a project, in a role."""

    class Meta:
        model = ProjectPartner
        fields = ["id", "project", "organisation", "role", "budget_share", *RECORD_FIELDS]
        read_only_fields = RECORD_FIELDS
