"""Indicators, reported values and goals through the API."""

from __future__ import annotations

from typing import Any

from django.db import models

from partnerhub.api.viewsets import RecordViewSet
from partnerhub.core.services import Actor
from partnerhub.results import services
from partnerhub.results.api.serializers import (
    GoalSerializer,
    IndicatorSerializer,
    ReportedValueSerializer,
)
from partnerhub.results.filters import GoalFilterSet, IndicatorFilterSet, ReportedValueFilterSet
from partnerhub.results.models import Goal, Indicator, ReportedValue


def pop_owner(data: dict[str, Any], owner_fields: tuple[str, ...]) -> Any:
    """Take the owner fields out of ``data`` and return the one that is set."""
    owners = [data.pop(field, None) for field in owner_fields]
    return next(owner for owner in owners if owner is not None)


class IndicatorViewSet(RecordViewSet):
    """Output and result indicators: baseline, target and what was achieved."""

    queryset = Indicator.objects.all()
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet
    ordering_fields = ["id", "position", "name", "created_at"]
    ordering = ["id"]
    update_service = services.update_indicator
    delete_service = services.delete_indicator

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        owner = pop_owner(data, Indicator.OWNER_FIELDS)
        return services.add_indicator(owner, by=by, **data)


class ReportedValueViewSet(RecordViewSet):
    """Dated values of indicators; each write keeps the indicator's ``achieved`` the sum."""

    queryset = ReportedValue.objects.all()
    serializer_class = ReportedValueSerializer
    filterset_class = ReportedValueFilterSet
    ordering_fields = ["id", "reported_on", "created_at"]
    ordering = ["id"]
    delete_service = services.remove_value

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        return services.report_value(
            data["indicator"], data["reported_on"], data["value"], note=data.get("note", ""), by=by
        )

    def update_record(
        self, instance: models.Model, data: dict[str, Any], *, by: Actor
    ) -> models.Model:
        data.pop("indicator", None)
        assert isinstance(instance, ReportedValue)
        return services.correct_value(instance, by=by, **data)


class GoalViewSet(RecordViewSet):
    """Priorities, action-plan goals and objectives of projects, programmes, partnerships and
    organisations."""

    queryset = Goal.objects.all()
    serializer_class = GoalSerializer
    filterset_class = GoalFilterSet
    ordering_fields = ["id", "position", "title", "created_at"]
    ordering = ["id"]
    update_service = services.update_goal
    delete_service = services.delete_goal

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        owner = pop_owner(data, Goal.OWNER_FIELDS)
        return services.add_goal(owner, by=by, **data)
