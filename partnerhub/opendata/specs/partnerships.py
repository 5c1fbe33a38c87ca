"""Export specs of partnerships and their memberships."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.opendata.specs.base import (
    Column,
    ExportSpec,
    ForeignKey,
    attribute,
    ids,
    territory_columns,
)
from partnerhub.opendata.specs.registry import AREAS, areas_column
from partnerhub.partnerships.models import Membership, Partnership, member_count_annotations

SECTOR_COUNT_COLUMNS = {
    Sector.PUBLIC: _("current members from the public sector"),
    Sector.PRIVATE: _("current members from the private sector"),
    Sector.CIVIL: _("current members from the civil sector"),
}


def _member_count(partnership: Any) -> int:
    return int(partnership.member_total)


def _sectors_present(partnership: Any) -> list[str]:
    return [sector for sector in Sector.values if getattr(partnership, f"members_{sector}")]


def _three_sector(partnership: Any) -> bool:
    return len(_sectors_present(partnership)) == len(Sector.values)


PARTNERSHIPS = ExportSpec(
    name="partnerships",
    title=_("Partnerships"),
    description=_("Partnerships of every kind, with their members counted by sector."),
    model=Partnership,
    select_related=("territory", "hub"),
    prefetch_related=(
        AREAS,
        Prefetch("grew_out_of", queryset=Partnership.objects.only("id")),
        Prefetch(
            "grew_out_of",
            queryset=Partnership.objects.published().only("id"),
            to_attr="published_origins",
        ),
        Prefetch("problems", queryset=LocalProblem.objects.only("id")),
        Prefetch(
            "problems",
            queryset=LocalProblem.objects.public().only("id"),
            to_attr="public_problems",
        ),
    ),
    annotations=member_count_annotations,
    columns=(
        Column("id", _("ID"), "integer"),
        Column("name", _("name")),
        Column("short_name", _("short name")),
        Column("kind", _("kind")),
        Column("stage", _("lifecycle stage")),
        *territory_columns("territory", _("territory")),
        Column("goal", _("goal")),
        Column("description", _("description")),
        areas_column(),
        Column("hub_id", _("facilitating hub"), "integer", value=attribute("hub_id")),
        Column("hub_name", _("facilitating hub (name)"), value=attribute("hub.name")),
        Column("start", _("start"), "date"),
        Column("end", _("end"), "date"),
        Column("period_precision", _("dates known to"), description=_("day, month or year")),
        Column(
            "grew_out_of",
            _("grew out of"),
            "integer",
            value=ids("grew_out_of"),
            public_value=ids("published_origins"),
            many=True,
            description=_("IDs of the partnerships this one grew out of."),
        ),
        Column("declared_member_count", _("declared number of members"), "integer"),
        Column(
            "member_count",
            _("number of members"),
            "integer",
            value=_member_count,
            description=_("Members listed, or the declared number when a source states more."),
        ),
        *(
            Column(f"members_{sector}", title, "integer")
            for sector, title in SECTOR_COUNT_COLUMNS.items()
        ),
        Column("members_individual", _("current individual members"), "integer"),
        Column(
            "sectors_present",
            _("sectors present"),
            value=_sectors_present,
            many=True,
            description=_("Sectors of the current member organisations."),
        ),
        Column("three_sector", _("all three sectors present"), "boolean", value=_three_sector),
        Column(
            "problems",
            _("local problems addressed"),
            "integer",
            value=ids("problems"),
            public_value=ids("public_problems"),
            many=True,
            description=_("IDs of local problems."),
        ),
        Column("visibility", _("visibility"), staff_only=True),
    ),
    foreign_keys=(
        ForeignKey("territory_id", "territorial_units"),
        ForeignKey("hub_id", "organisations"),
    ),
)


MEMBERSHIPS = ExportSpec(
    name="memberships",
    title=_("Memberships"),
    description=_(
        "Organisations in partnerships, with their role and period. People who are members "
        "appear only in staff exports."
    ),
    model=Membership,
    select_related=("partnership", "organisation", "person"),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("partnership_id", _("partnership"), "integer", value=attribute("partnership_id")),
        Column("partnership_name", _("partnership (name)"), value=attribute("partnership.name")),
        Column("organisation_id", _("organisation"), "integer", value=attribute("organisation_id")),
        Column("organisation_name", _("organisation (name)"), value=attribute("organisation.name")),
        Column("sector", _("sector"), value=attribute("organisation.sector")),
        Column("person_id", _("person"), "integer", value=attribute("person_id"), staff_only=True),
        Column(
            "person_name", _("person (name)"), value=attribute("person.full_name"), staff_only=True
        ),
        Column("role", _("role")),
        Column("joined", _("joined"), "date"),
        Column("left", _("left"), "date"),
        Column("responsibilities", _("responsibilities")),
    ),
    foreign_keys=(
        ForeignKey("partnership_id", "partnerships"),
        ForeignKey("organisation_id", "organisations"),
    ),
)
