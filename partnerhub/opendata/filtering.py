"""Exports with the filters of the list they come from: one filterset per model, shared.

The HTML lists, the API and the exports filter with the same ``FilterSet`` of each model
(``<app>/filters.py``), so "download what I see" is the list's query string appended to the
export's address: ``/open-data/projects.csv?status=completed&funding_programme=3``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import QueryDict
from django_filters import FilterSet

from partnerhub.consultation.filters import LocalProblemFilterSet
from partnerhub.events.filters import AttendanceCountFilterSet, EventFilterSet
from partnerhub.partnerships.filters import MembershipFilterSet, PartnershipFilterSet
from partnerhub.projects.filters import (
    FundingProgrammeFilterSet,
    ProgrammeFilterSet,
    ProjectFilterSet,
    ProjectPartnerFilterSet,
)
from partnerhub.registry.filters import (
    AffiliationFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
)
from partnerhub.results.filters import GoalFilterSet, IndicatorFilterSet, ReportedValueFilterSet

FILTERSETS: dict[type[models.Model], type[FilterSet]] = {
    filterset._meta.model: filterset
    for filterset in (
        OrganisationFilterSet,
        PersonFilterSet,
        AffiliationFilterSet,
        PartnershipFilterSet,
        MembershipFilterSet,
        FundingProgrammeFilterSet,
        ProgrammeFilterSet,
        ProjectFilterSet,
        ProjectPartnerFilterSet,
        IndicatorFilterSet,
        ReportedValueFilterSet,
        GoalFilterSet,
        EventFilterSet,
        AttendanceCountFilterSet,
        LocalProblemFilterSet,
    )
}


class InvalidFilters(ValueError):  # noqa: N818 - reads as what it carries
    """The query string does not make a valid filter; ``errors`` by parameter."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def filtered(queryset: models.QuerySet[Any], params: QueryDict, request: Any = None) -> Any:
    """``queryset`` narrowed by the model's filterset reading ``params`` (unknown ones ignored)."""
    filterset_class = FILTERSETS.get(queryset.model)
    if filterset_class is None or not params:
        return queryset
    filterset = filterset_class(params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise InvalidFilters({name: list(messages) for name, messages in filterset.errors.items()})
    return filterset.qs
