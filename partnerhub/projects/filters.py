"""Filters of programmes, projects, project partners and funding programmes."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from partnerhub.core.choices import Currency, Visibility
from partnerhub.core.filters import (
    IdFilter,
    PeriodFilterSet,
    RecordFilterSet,
    VocabularyFilterSet,
    vocabulary_filter,
)
from partnerhub.projects.choices import (
    Instrument,
    PartnerRole,
    ProgrammeStatus,
    ProjectStatus,
    Reach,
)
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.registry.filters import thematic_area_filter
from partnerhub.registry.models import ThematicArea
from partnerhub.territory.filters import TerritoryFilter


def money_filter(field_name: str, lookup_expr: str, label: StrOrPromise) -> filters.Filter:
    """An amount bound: ``total_cost_min=50000`` (as stored: up to 12 digits and 2 decimals)."""
    return filters.NumberFilter(
        field_name=field_name,
        lookup_expr=lookup_expr,
        label=label,
        max_digits=14,
        decimal_places=2,
    )


class ActivityTypeFilterSet(VocabularyFilterSet):
    class Meta(VocabularyFilterSet.Meta):
        model = ActivityType


class TargetGroupFilterSet(VocabularyFilterSet):
    class Meta(VocabularyFilterSet.Meta):
        model = TargetGroup


class FundingProgrammeFilterSet(RecordFilterSet):
    """Funding programmes by instrument (ESF, Interreg, EEA and Norway Grants, …)."""

    search_fields = ("name", "short_name")

    instrument = filters.MultipleChoiceFilter(choices=Instrument.choices, label=_("Instrument"))

    class Meta:
        model = FundingProgramme
        fields = ["instrument"]


class ProgrammeFilterSet(PeriodFilterSet):
    """Programmes by status, partnership, territory, thematic area and target group."""

    search_fields = ("title",)

    status = filters.MultipleChoiceFilter(choices=ProgrammeStatus.choices, label=_("Status"))
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    territory = TerritoryFilter(field_name="territory")
    area = thematic_area_filter()
    target_group = vocabulary_filter("target_groups", TargetGroup, _("Target group"))
    visibility = filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))

    class Meta:
        model = Programme
        fields = ["status", "visibility"]


class ProjectFilterSet(PeriodFilterSet):
    """Projects by every field of a grants-database search form.

    ``active_from``/``active_to`` find projects running at any time within the range;
    ``territory`` finds projects seated in a unit at any level.
    """

    search_fields = ("title", "acronym")

    status = filters.MultipleChoiceFilter(choices=ProjectStatus.choices, label=_("Status"))
    funding_programme = IdFilter(field_name="funding_programme", label=_("Funding programme (id)"))
    instrument = filters.MultipleChoiceFilter(
        field_name="funding_programme__instrument",
        choices=Instrument.choices,
        label=_("Instrument"),
    )
    reach = filters.MultipleChoiceFilter(choices=Reach.choices, label=_("Reach"))
    support_area = vocabulary_filter("support_area", ThematicArea, _("Support area"))
    activity_type = vocabulary_filter("activity_types", ActivityType, _("Activity type"))
    target_group = vocabulary_filter("target_groups", TargetGroup, _("Target group"))
    area = thematic_area_filter()
    total_cost_min = money_filter("total_cost", "gte", _("Total cost at least"))
    total_cost_max = money_filter("total_cost", "lte", _("Total cost at most"))
    grant_min = money_filter("grant", "gte", _("Grant at least"))
    grant_max = money_filter("grant", "lte", _("Grant at most"))
    currency = filters.ChoiceFilter(choices=Currency.choices, label=_("Currency"))
    territory = TerritoryFilter(field_name="seat")
    lead_organisation = IdFilter(field_name="lead_organisation", label=_("Lead organisation (id)"))
    partner = IdFilter(
        field_name="partners__organisation", distinct=True, label=_("Partner organisation (id)")
    )
    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))
    programme = IdFilter(field_name="programme", label=_("Programme (id)"))
    visibility = filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))

    class Meta:
        model = Project
        fields = ["status", "reach", "currency", "visibility"]


class ProjectPartnerFilterSet(RecordFilterSet):
    """Partners of a project, or the projects an organisation takes part in."""

    project = IdFilter(field_name="project", label=_("Project (id)"))
    organisation = IdFilter(field_name="organisation", label=_("Organisation (id)"))
    role = filters.MultipleChoiceFilter(choices=PartnerRole.choices, label=_("Role"))

    class Meta:
        model = ProjectPartner
        fields = ["role"]
