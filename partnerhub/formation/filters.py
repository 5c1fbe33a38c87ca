"""Filters of invitations, stage transitions and health checks (the API and the lists)."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.core.filters import IdFilter, RecordFilterSet
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import HealthResponse, HealthSurvey, Invitation
from partnerhub.partnerships.choices import MemberRole


class InvitationFilterSet(RecordFilterSet):
    """Invitations by status (as it stands now: overdue ones are expired), partnership and
    organisation."""

    search_fields = ("organisation__name", "partnership__name")

    status = filters.ChoiceFilter(
        choices=InvitationStatus.choices,
        method="filter_status",
        label=_("Status"),
        help_text=_("As it stands now: a pending invitation past its expiry counts as expired."),
    )
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    organisation = IdFilter(field_name="organisation", label=_("Organisation (id)"))
    role = filters.ChoiceFilter(choices=MemberRole.choices, label=_("Proposed role"))

    class Meta:
        model = Invitation
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.in_status(value)  # type: ignore[attr-defined]


class HealthSurveyFilterSet(filters.FilterSet):
    """Health surveys of a partnership."""

    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))

    class Meta:
        model = HealthSurvey
        fields: list[str] = []


class HealthResponseFilterSet(filters.FilterSet):
    """Answers to a survey, or of a member."""

    survey = IdFilter(field_name="survey", label=_("Survey (id)"))
    membership = IdFilter(field_name="membership", label=_("Member (membership id)"))

    class Meta:
        model = HealthResponse
        fields: list[str] = []
