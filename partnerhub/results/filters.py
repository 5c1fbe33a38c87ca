"""Filters of indicators, reported values and goals."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from partnerhub.core.filters import IdFilter, RecordFilterSet
from partnerhub.results.choices import GoalKind, GoalStatus, IndicatorKind, Unit
from partnerhub.results.models import Goal, Indicator, ReportedValue
from partnerhub.territory.filters import TerritoryFilter


class IndicatorFilterSet(RecordFilterSet):
    """Indicators by kind, unit and owner (a project, programme or partnership)."""

    search_fields = ("name",)

    kind = filters.ChoiceFilter(choices=IndicatorKind.choices, label=_("Kind"))
    unit = filters.MultipleChoiceFilter(choices=Unit.choices, label=_("Unit"))
    project = IdFilter(field_name="project", label=_("Project (id)"))
    programme = IdFilter(field_name="programme", label=_("Programme (id)"))
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))

    class Meta:
        model = Indicator
        fields = ["kind", "unit"]


class ReportedValueFilterSet(RecordFilterSet):
    """Values reported for an indicator, within a range of dates."""

    indicator = IdFilter(field_name="indicator", label=_("Indicator (id)"))
    reported_from = filters.DateFilter(
        field_name="reported_on", lookup_expr="gte", label=_("Reported on or after")
    )
    reported_to = filters.DateFilter(
        field_name="reported_on", lookup_expr="lte", label=_("Reported on or before")
    )

    class Meta:
        model = ReportedValue
        fields: list[str] = []


class GoalFilterSet(RecordFilterSet):
    """Goals by kind, status, owner and territory."""

    search_fields = ("title",)

    kind = filters.MultipleChoiceFilter(choices=GoalKind.choices, label=_("Kind"))
    status = filters.MultipleChoiceFilter(choices=GoalStatus.choices, label=_("Status"))
    project = IdFilter(field_name="project", label=_("Project (id)"))
    programme = IdFilter(field_name="programme", label=_("Programme (id)"))
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    organisation = IdFilter(field_name="organisation", label=_("Organisation (id)"))
    territory = TerritoryFilter(field_name="territory")

    class Meta:
        model = Goal
        fields = ["kind", "status"]
