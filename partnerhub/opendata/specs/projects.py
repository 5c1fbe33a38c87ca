"""Export specs of programmes, projects, project partners and indicators."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from partnerhub.opendata.specs.base import (
    Column,
    ExportSpec,
    ForeignKey,
    attribute,
    codes,
    combine,
    prefetched,
    published_link,
    published_links,
    territory_columns,
)
from partnerhub.opendata.specs.registry import AREAS, areas_column
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import (
    ActivityType,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.results.models import Indicator

TARGET_GROUPS = prefetched("target_groups", TargetGroup.objects.only("id", "code"))
ACTIVITY_TYPES = prefetched("activity_types", ActivityType.objects.only("id", "code"))
MONEY = _("Amount in the project's currency, two decimals.")


def _partner_count(project: Any) -> int:
    return max(project.partners_listed, project.declared_partner_count or 0)


PROGRAMMES = ExportSpec(
    name="programmes",
    title=_("Programmes"),
    description=_("Multi-year programmes written from a standard fiche."),
    model=Programme,
    select_related=("territory",),
    prefetch_related=(AREAS, TARGET_GROUPS),
    annotations=published_links(partnership=Partnership),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("title", _("title")),
        published_link("partnership", _("partnership")),
        Column("status", _("status")),
        Column("problem", _("problem")),
        Column("objectives", _("objectives")),
        Column("actions", _("actions")),
        Column(
            "target_groups",
            _("target groups"),
            value=codes("target_groups"),
            many=True,
            description=_("Codes of target groups."),
        ),
        Column("target_groups_text", _("target groups (description)")),
        areas_column(),
        *territory_columns("territory", _("territory")),
        Column("start", _("start"), "date"),
        Column("end", _("end"), "date"),
        Column("period_precision", _("dates known to"), description=_("day, month or year")),
        Column("visibility", _("visibility"), staff_only=True),
    ),
    foreign_keys=(
        ForeignKey("partnership_id", "partnerships"),
        ForeignKey("territory_id", "territorial_units"),
    ),
)

PROJECTS = ExportSpec(
    name="projects",
    title=_("Projects"),
    description=_(
        "Funded projects with every field of a grants-database project card; an empty "
        "field is exported empty."
    ),
    model=Project,
    select_related=("lead_organisation", "support_area", "seat", "funding_programme"),
    prefetch_related=(AREAS, TARGET_GROUPS, ACTIVITY_TYPES),
    annotations=combine(
        published_links(programme=Programme, partnership=Partnership),
        lambda: {"partners_listed": Count("partners", distinct=True)},
    ),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("title", _("title")),
        Column("acronym", _("acronym")),
        published_link("programme", _("programme")),
        published_link("partnership", _("partnership")),
        Column(
            "lead_organisation_id",
            _("lead organisation"),
            "integer",
            value=attribute("lead_organisation_id"),
        ),
        Column(
            "lead_organisation_name",
            _("lead organisation (name)"),
            value=attribute("lead_organisation.name"),
        ),
        Column("support_area", _("support area"), value=attribute("support_area.code")),
        Column("support_area_name", _("support area (name)"), value=attribute("support_area.name")),
        *territory_columns("seat", _("seat")),
        Column("start", _("start"), "date"),
        Column("end", _("end"), "date"),
        Column("period_precision", _("dates known to"), description=_("day, month or year")),
        Column("status", _("status")),
        Column("currency", _("currency"), description=_("ISO 4217 code")),
        Column("total_cost", _("total cost"), "number", description=MONEY),
        Column("grant", _("grant"), "number", description=MONEY),
        Column("cofinancing", _("co-financing (own contribution)"), "number", description=MONEY),
        Column(
            "funding_programme",
            _("funding programme"),
            value=attribute("funding_programme.name"),
        ),
        Column(
            "funding_instrument",
            _("instrument"),
            value=attribute("funding_programme.instrument"),
        ),
        Column("reach", _("reach")),
        Column(
            "activity_types",
            _("activity types"),
            value=codes("activity_types"),
            many=True,
            description=_("Codes of activity types."),
        ),
        Column(
            "target_groups",
            _("target groups"),
            value=codes("target_groups"),
            many=True,
            description=_("Codes of target groups."),
        ),
        areas_column(),
        Column("problem", _("problem")),
        Column("activities", _("activities")),
        Column("beneficiaries", _("beneficiaries (description)")),
        Column("description", _("description")),
        Column("declared_partner_count", _("declared number of partners"), "integer"),
        Column(
            "partner_count",
            _("number of partners"),
            "integer",
            value=_partner_count,
            description=_("Partners listed, or the declared number when a source states more."),
        ),
        Column("source_url", _("source")),
        Column("visibility", _("visibility"), staff_only=True),
    ),
    foreign_keys=(
        ForeignKey("programme_id", "programmes"),
        ForeignKey("partnership_id", "partnerships"),
        ForeignKey("lead_organisation_id", "organisations"),
        ForeignKey("seat_id", "territorial_units"),
    ),
)

PROJECT_PARTNERS = ExportSpec(
    name="project_partners",
    title=_("Project partners"),
    description=_("Organisations taking part in projects, with their role."),
    model=ProjectPartner,
    select_related=("organisation",),
    annotations=lambda: {"currency": F("project__currency")},
    columns=(
        Column("id", _("ID"), "integer"),
        Column("project_id", _("project"), "integer", value=attribute("project_id")),
        Column("organisation_id", _("organisation"), "integer", value=attribute("organisation_id")),
        Column("organisation_name", _("organisation (name)"), value=attribute("organisation.name")),
        Column("role", _("role")),
        Column("budget_share", _("budget share"), "number", description=MONEY),
        Column("currency", _("currency"), description=_("ISO 4217 code")),
    ),
    foreign_keys=(
        ForeignKey("project_id", "projects"),
        ForeignKey("organisation_id", "organisations"),
    ),
)


def _owner_type(indicator: Any) -> str:
    return next(f for f in Indicator.OWNER_FIELDS if getattr(indicator, f"{f}_id"))


INDICATORS = ExportSpec(
    name="indicators",
    title=_("Indicators"),
    description=_("Output and result indicators with unit, baseline, target and achieved value."),
    model=Indicator,
    columns=(
        Column("id", _("ID"), "integer"),
        Column(
            "owner_type",
            _("belongs to"),
            value=_owner_type,
            description=_("project, programme or partnership"),
        ),
        Column("project_id", _("project"), "integer", value=attribute("project_id")),
        Column("programme_id", _("programme"), "integer", value=attribute("programme_id")),
        Column("partnership_id", _("partnership"), "integer", value=attribute("partnership_id")),
        Column("kind", _("kind"), description=_("output or result")),
        Column("name", _("name")),
        Column("unit", _("unit")),
        Column("baseline", _("baseline"), "number"),
        Column("target", _("target"), "number"),
        Column("achieved", _("achieved"), "number"),
        Column(
            "achieved_qualifier",
            _("achieved reads as"),
            description=_("exact, over or at_least (“over 337”)"),
        ),
        Column("position", _("position"), "integer"),
        Column("note", _("note")),
    ),
    foreign_keys=(
        ForeignKey("project_id", "projects"),
        ForeignKey("programme_id", "programmes"),
        ForeignKey("partnership_id", "partnerships"),
    ),
)
