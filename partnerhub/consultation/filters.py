"""Filters of local problems."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.filters import IdFilter, RecordFilterSet
from partnerhub.registry.filters import thematic_area_filter
from partnerhub.territory.filters import TerritoryFilter


class LocalProblemFilterSet(RecordFilterSet):
    """Local problems by status, territory, thematic area and who raised them."""

    search_fields = ("title", "description")

    status = filters.MultipleChoiceFilter(choices=ProblemStatus.choices, label=_("Status"))
    territory = TerritoryFilter(field_name="territory")
    area = thematic_area_filter()
    raised_by_organisation = IdFilter(
        field_name="raised_by_organisation", label=_("Raised by organisation (id)")
    )

    class Meta:
        model = LocalProblem
        fields = ["status"]
