"""Export specs of the registry and the territory: organisations, people, territorial units."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from partnerhub.opendata.specs.base import (
    Column,
    ExportSpec,
    ForeignKey,
    attribute,
    codes,
    prefetched,
    territory_columns,
)
from partnerhub.registry.models import Organisation, Person, ThematicArea
from partnerhub.territory.models import TerritorialUnit

AREAS = prefetched("areas", ThematicArea.objects.only("id", "code"))


def areas_column(title: Any = None) -> Column:
    return Column(
        "areas",
        title or _("thematic areas"),
        value=codes("areas"),
        many=True,
        description=_("Codes of thematic areas."),
    )


ORGANISATIONS = ExportSpec(
    name="organisations",
    title=_("Organisations"),
    description=_("Organisations of the three sectors, with registry ids and seat."),
    model=Organisation,
    select_related=("seat",),
    prefetch_related=(AREAS,),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("name", _("name")),
        Column("short_name", _("short name")),
        Column("sector", _("sector"), description=_("public, private or civil")),
        Column("legal_form", _("legal form")),
        Column("country", _("country"), description=_("ISO 3166-1 alpha-2 code")),
        Column("krs", _("KRS")),
        Column("nip", _("NIP")),
        Column("regon", _("REGON")),
        Column("si_registration_number", _("registration number (matična številka)")),
        Column("si_tax_number", _("tax number (davčna številka)")),
        *territory_columns("seat", _("seat")),
        Column("address", _("address")),
        Column("postal_code", _("postal code")),
        Column("website", _("website")),
        Column("email", _("public e-mail")),
        Column("phone", _("public phone")),
        areas_column(_("areas of activity")),
        Column("description", _("description")),
        Column("founded_on", _("founded"), "date"),
        Column("status", _("status")),
        Column("dissolved_on", _("dissolved"), "date"),
        Column("is_hub", _("facilitating hub"), "boolean"),
    ),
    foreign_keys=(ForeignKey("seat_id", "territorial_units"),),
)

# People are personal data: staff only, and never their e-mail, phone or address.
PEOPLE = ExportSpec(
    name="people",
    title=_("People"),
    description=_("People taking part (names only; contact details stay in the admin)."),
    model=Person,
    staff_only=True,
    select_related=("territory",),
    prefetch_related=(AREAS,),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("first_name", _("first name")),
        Column("last_name", _("last name")),
        Column("title", _("title or function")),
        *territory_columns("territory", _("territory")),
        areas_column(_("areas of expertise")),
    ),
    foreign_keys=(ForeignKey("territory_id", "territorial_units"),),
)

TERRITORIAL_UNITS = ExportSpec(
    name="territorial_units",
    title=_("Territorial units"),
    description=_("Countries, regions, counties and municipalities with their official codes."),
    model=TerritorialUnit,
    columns=(
        Column("id", _("ID"), "integer"),
        Column("country", _("country"), description=_("ISO 3166-1 alpha-2 code")),
        Column("level", _("level")),
        Column(
            "code",
            _("official code"),
            description=_("TERYT, Slovenian municipality number, NUTS or ISO 3166 code."),
        ),
        Column("name", _("name")),
        Column(
            "municipality_type",
            _("municipality type"),
            description=_("TERYT type digit of a Polish municipality"),
        ),
        Column("nuts_code", _("NUTS code")),
        Column("parent_id", _("part of"), "integer", value=attribute("parent_id")),
        Column("path", _("path"), description=_("Official codes from the country down.")),
    ),
    foreign_keys=(ForeignKey("parent_id", "territorial_units"),),
)
