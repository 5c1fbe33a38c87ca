"""Programmes, projects, project partners, funding programmes and their vocabularies."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch

from partnerhub.api.exceptions import prefixed
from partnerhub.api.viewsets import RecordViewSet
from partnerhub.api.vocabularies import VocabularyViewSet
from partnerhub.core.services import Actor
from partnerhub.projects import services
from partnerhub.projects.api.serializers import (
    ActivityTypeSerializer,
    FundingProgrammeSerializer,
    ProgrammeSerializer,
    ProjectPartnerSerializer,
    ProjectSerializer,
    ProjectWriteSerializer,
    TargetGroupSerializer,
)
from partnerhub.projects.filters import (
    ActivityTypeFilterSet,
    FundingProgrammeFilterSet,
    ProgrammeFilterSet,
    ProjectFilterSet,
    ProjectPartnerFilterSet,
    TargetGroupFilterSet,
)
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.results.services import add_indicator


class ActivityTypeViewSet(VocabularyViewSet):
    """Kinds of project activity (training, advisory, expert opinion, …)."""

    queryset = ActivityType.objects.all()
    serializer_class = ActivityTypeSerializer
    filterset_class = ActivityTypeFilterSet


class TargetGroupViewSet(VocabularyViewSet):
    """Who projects and programmes are for (NGOs, residents, local government, …)."""

    queryset = TargetGroup.objects.all()
    serializer_class = TargetGroupSerializer
    filterset_class = TargetGroupFilterSet


class FundingProgrammeViewSet(RecordViewSet):
    """Funding programmes and the instruments they belong to."""

    queryset = FundingProgramme.objects.all()
    serializer_class = FundingProgrammeSerializer
    filterset_class = FundingProgrammeFilterSet
    ordering_fields = ["id", "name"]
    ordering = ["name"]
    create_service = services.create_funding_programme
    update_service = services.update_funding_programme
    delete_service = services.delete_funding_programme


class ProgrammeViewSet(RecordViewSet):
    """Multi-year programmes written from a standard fiche."""

    queryset = Programme.objects.all()
    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilterSet
    ordering_fields = ["id", "title", "created_at", "updated_at"]
    ordering = ["title"]
    create_service = services.create_programme
    update_service = services.update_programme
    delete_service = services.delete_programme


class ProjectViewSet(RecordViewSet):
    """Funded projects: the whole card, its funding programme, partners and indicators."""

    queryset = Project.objects.select_related("funding_programme", "support_area").prefetch_related(
        "indicators",
        Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
    )
    serializer_class = ProjectSerializer
    write_serializer_class = ProjectWriteSerializer
    filterset_class = ProjectFilterSet
    ordering_fields = ["id", "title", "created_at", "updated_at"]
    ordering = ["-id"]
    update_service = services.update_project
    delete_service = services.delete_project

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        partners = data.pop("partners", [])
        indicators = data.pop("indicators", [])
        project = services.create_project(by=by, **data)
        for index, partner in enumerate(partners):
            try:
                services.add_project_partner(project, partner.pop("organisation"), by=by, **partner)
            except ValidationError as error:
                raise prefixed(error, f"partners.{index}") from error
        for index, indicator in enumerate(indicators):
            try:
                add_indicator(project, by=by, **indicator)
            except ValidationError as error:
                raise prefixed(error, f"indicators.{index}") from error
        return project


class ProjectPartnerViewSet(RecordViewSet):
    """Organisations taking part in projects, with their roles and budget shares."""

    queryset = ProjectPartner.objects.all()
    serializer_class = ProjectPartnerSerializer
    filterset_class = ProjectPartnerFilterSet
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]
    update_service = services.update_project_partner
    delete_service = services.remove_project_partner

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        return services.add_project_partner(
            data.pop("project"), data.pop("organisation"), by=by, **data
        )
