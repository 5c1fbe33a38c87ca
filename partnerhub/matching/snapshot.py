"""What recommendations read from the database, loaded in a few queries for every organisation.

``load_snapshot()`` reads organisations (sector, status, seat, text), their areas, the
territorial tree and who took part in which partnership or project, and keeps it as flat
arrays by position: organisation ``i`` of every array is the ``i``-th by id. The search
index (``index.py``) and the plain reference implementation (``reference.py``) are both
built from it. ``data_version()`` says cheaply whether any of it may have changed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
from django.db import connection, models

from partnerhub.core.choices import Sector
from partnerhub.matching.text import piece_terms
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.registry.choices import OrganisationStatus
from partnerhub.registry.models import Organisation, ThematicArea
from partnerhub.territory.choices import Level
from partnerhub.territory.models import PATH_SEPARATOR, TerritorialUnit

#: Sectors by their code in the arrays (``Sector.values[code]``).
SECTORS: tuple[str, ...] = tuple(Sector.values)
SECTOR_CODE = {sector: code for code, sector in enumerate(SECTORS)}

#: Columns of a geography row: the unit at each level, from nearest to farthest.
MUNICIPALITY, COUNTY, REGION, COUNTRY = range(4)
UNKNOWN = -1
REGION_LEVELS = (Level.VOIVODESHIP, Level.STATISTICAL_REGION)

#: Tables whose rows recommendations read; a change to any of them means a new snapshot.
TRACKED_MODELS: tuple[type[models.Model], ...] = (
    Organisation,
    Organisation.areas.through,
    Membership,
    Partnership,
    Partnership.areas.through,
    Project,
    Project.areas.through,
    ProjectPartner,
    TerritorialUnit,
    ThematicArea,
)

CHUNK_SIZE = 5_000
IntArray = np.ndarray[Any, np.dtype[np.int64]]


@dataclass(frozen=True)
class Geography:
    """Where a unit lies: the ids of the municipality, county and region it lies in (or is),
    and its country (by position in ``RegistrySnapshot.countries``); ``UNKNOWN`` when none."""

    municipality: int = UNKNOWN
    county: int = UNKNOWN
    region: int = UNKNOWN
    country: int = UNKNOWN

    def as_row(self) -> tuple[int, int, int, int]:
        return (self.municipality, self.county, self.region, self.country)


@dataclass(frozen=True, eq=False)
class RegistrySnapshot:
    """Organisations and their experience, by position (see the module docstring).

    ``records`` are the partnerships (first) and the projects (after them) anyone took part
    in; ``participations`` pairs an organisation's position with a record's position, once
    per pair, whether as member, partner or lead. Areas are positions in ``area_ids``.
    """

    organisation_ids: IntArray
    sectors: IntArray
    active: np.ndarray[Any, np.dtype[np.bool_]]
    geography: IntArray  # (4, organisations): municipality, county, region, country rows
    countries: tuple[str, ...]
    unit_geography: dict[int, Geography]
    area_ids: IntArray
    organisation_areas: tuple[IntArray, IntArray]  # (organisation position, area position)
    vocabulary: tuple[str, ...]
    document_terms: tuple[IntArray, IntArray, IntArray]  # CSR: indptr, term ids, counts
    partnership_ids: IntArray
    project_ids: IntArray
    record_areas: tuple[IntArray, IntArray]  # (record position, area position)
    participations: tuple[IntArray, IntArray]  # (organisation position, record position)

    @property
    def size(self) -> int:
        return len(self.organisation_ids)

    @property
    def record_count(self) -> int:
        return len(self.partnership_ids) + len(self.project_ids)

    def country_code(self, country: str) -> int:
        try:
            return self.countries.index(country.upper())
        except ValueError:
            return UNKNOWN - 1  # a country no organisation is in: matches nothing

    def positions(self, organisation_ids: Iterable[int]) -> IntArray:
        """Positions of the organisations with these ids (ids not in the snapshot are left out)."""
        wanted = np.fromiter(organisation_ids, dtype=np.int64)
        if not self.size or not len(wanted):
            return np.empty(0, dtype=np.int64)
        found = np.clip(np.searchsorted(self.organisation_ids, wanted), 0, self.size - 1)
        return np.unique(found[self.organisation_ids[found] == wanted])

    def partnership_record(self, partnership_id: int | None) -> int:
        """The record position of a partnership, or ``UNKNOWN``."""
        if partnership_id is None:
            return UNKNOWN
        found = int(np.searchsorted(self.partnership_ids, partnership_id))
        if found < len(self.partnership_ids) and self.partnership_ids[found] == partnership_id:
            return found
        return UNKNOWN


def _unit_geography() -> tuple[dict[int, Geography], list[str]]:
    """Every unit's municipality, county, region and country, from the units' paths."""
    rows = list(TerritorialUnit.objects.values_list("pk", "country", "level", "path"))
    by_path = {path: (pk, level) for pk, _country, level, path in rows}
    countries = sorted({country for _pk, country, _level, _path in rows})
    country_code = {country: code for code, country in enumerate(countries)}
    geography = {}
    for pk, country, _level, path in rows:
        parts = path.split(PATH_SEPARATOR)
        found = {MUNICIPALITY: UNKNOWN, COUNTY: UNKNOWN, REGION: UNKNOWN}
        # From the top down: the first municipality met is the whole one, so a town within an
        # urban-rural municipality, or a locality, lies in the same municipality as the whole.
        for depth in range(1, len(parts) + 1):
            unit = by_path.get(PATH_SEPARATOR.join(parts[:depth]))
            if unit is None:
                continue
            unit_pk, level = unit
            column = (
                MUNICIPALITY
                if level == Level.MUNICIPALITY
                else COUNTY
                if level == Level.COUNTY
                else REGION
                if level in REGION_LEVELS
                else None
            )
            if column is not None and found[column] == UNKNOWN:
                found[column] = unit_pk
        geography[pk] = Geography(
            found[MUNICIPALITY], found[COUNTY], found[REGION], country_code[country]
        )
    return geography, countries


def _pairs(
    rows: Iterable[tuple[int, int]], left: IntArray, right: IntArray
) -> tuple[IntArray, IntArray]:
    """(id, id) rows as unique (position, position) pairs; ids unknown on a side are dropped."""
    data = np.array(list(rows), dtype=np.int64).reshape(-1, 2)
    if not len(left) or not len(right) or not len(data):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    first = np.clip(np.searchsorted(left, data[:, 0]), 0, len(left) - 1)
    second = np.clip(np.searchsorted(right, data[:, 1]), 0, len(right) - 1)
    known = (left[first] == data[:, 0]) & (right[second] == data[:, 1])
    keys = np.unique(first[known] * len(right) + second[known])
    return keys // len(right), keys % len(right)


class TermIds(dict[str, tuple[int, ...]]):
    """Each whitespace-separated piece of text → the ids of its terms, numbered as met."""

    def __init__(self) -> None:
        super().__init__()
        self.vocabulary: dict[str, int] = {}

    def __missing__(self, piece: str) -> tuple[int, ...]:
        ids = tuple(self.vocabulary.setdefault(t, len(self.vocabulary)) for t in piece_terms(piece))
        self[piece] = ids
        return ids


def _term_counts(
    lengths: IntArray, terms: IntArray, vocabulary: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Documents' terms (``lengths[d]`` terms of document ``d``, in order) as CSR by document:
    indptr, distinct term ids (ascending within a document) and their counts."""
    documents = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    keys, counts = np.unique(documents * max(vocabulary, 1) + terms, return_counts=True)
    indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // max(vocabulary, 1), minlength=len(lengths)), out=indptr[1:])
    return indptr, keys % max(vocabulary, 1), counts.astype(np.int64)


def _sorted_ids(queryset: models.QuerySet[Any]) -> IntArray:
    return np.array(list(queryset.order_by("pk").values_list("pk", flat=True)), dtype=np.int64)


def load_snapshot() -> RegistrySnapshot:
    """Read everything recommendations need, in a fixed number of queries (chunked)."""
    unit_geography, countries = _unit_geography()
    country_code = {country: code for code, country in enumerate(countries)}
    ids: list[int] = []
    sectors: list[int] = []
    active: list[bool] = []
    geography: list[tuple[int, int, int, int]] = []
    term_ids = TermIds()
    # Compact arrays: millions of terms as Python lists of ints would take ten times the memory.
    all_terms, lengths = array("q"), array("q")
    rows = Organisation.objects.order_by("pk").values_list(
        "pk", "sector", "status", "seat_id", "country", "name", "short_name", "description"
    )
    for pk, sector, status, seat_id, country, name, short_name, description in rows.iterator(
        chunk_size=CHUNK_SIZE
    ):
        ids.append(pk)
        sectors.append(SECTOR_CODE.get(sector, UNKNOWN))
        active.append(status != OrganisationStatus.DISSOLVED)
        seat = unit_geography.get(seat_id) if seat_id is not None else None
        if seat is None:
            if country.upper() not in country_code:
                country_code[country.upper()] = len(countries)
                countries.append(country.upper())
            seat = Geography(country=country_code[country.upper()])
        geography.append(seat.as_row())
        before = len(all_terms)
        pieces = f"{name} {short_name} {description}".split()
        all_terms.extend(chain.from_iterable(map(term_ids.__getitem__, pieces)))
        lengths.append(len(all_terms) - before)

    organisation_ids = np.array(ids, dtype=np.int64)
    area_ids = _sorted_ids(ThematicArea.objects.all())
    partnership_ids = _sorted_ids(Partnership.objects.all())
    project_ids = _sorted_ids(Project.objects.all())
    projects_from = len(partnership_ids)

    org_area = _pairs(
        Organisation.areas.through.objects.values_list("organisation_id", "thematicarea_id"),
        organisation_ids,
        area_ids,
    )
    partnership_areas = _pairs(
        Partnership.areas.through.objects.values_list("partnership_id", "thematicarea_id"),
        partnership_ids,
        area_ids,
    )
    project_rows = list(
        Project.objects.values_list("pk", "support_area_id", "lead_organisation_id")
    )
    project_areas = _pairs(
        [
            *Project.areas.through.objects.values_list("project_id", "thematicarea_id"),
            *((pk, area) for pk, area, _lead in project_rows if area is not None),
        ],
        project_ids,
        area_ids,
    )
    memberships = _pairs(
        Membership.objects.filter(organisation__isnull=False).values_list(
            "organisation_id", "partnership_id"
        ),
        organisation_ids,
        partnership_ids,
    )
    project_work = _pairs(
        [
            *ProjectPartner.objects.values_list("organisation_id", "project_id"),
            *((lead, pk) for pk, _area, lead in project_rows if lead is not None),
        ],
        organisation_ids,
        project_ids,
    )
    return RegistrySnapshot(
        organisation_ids=organisation_ids,
        sectors=np.array(sectors, dtype=np.int64),
        active=np.array(active, dtype=np.bool_),
        # One contiguous row per level: comparing a level over every organisation is fast.
        geography=np.ascontiguousarray(np.array(geography, dtype=np.int64).reshape(-1, 4).T),
        countries=tuple(countries),
        unit_geography=unit_geography,
        area_ids=area_ids,
        organisation_areas=org_area,
        vocabulary=tuple(term_ids.vocabulary),
        document_terms=_term_counts(
            np.frombuffer(lengths, dtype=np.int64),
            np.frombuffer(all_terms, dtype=np.int64),
            len(term_ids.vocabulary),
        ),
        partnership_ids=partnership_ids,
        project_ids=project_ids,
        record_areas=(
            np.concatenate([partnership_areas[0], project_areas[0] + projects_from]),
            np.concatenate([partnership_areas[1], project_areas[1]]),
        ),
        participations=(
            np.concatenate([memberships[0], project_work[0]]),
            np.concatenate([memberships[1], project_work[1] + projects_from]),
        ),
    )


def data_version() -> tuple[Any, ...]:
    """A value that changes whenever a tracked table changes, read in one cheap query.

    The highest id of each table (a new row, however it was written) and of its history
    table (every change made through the services leaves a history row, deletions and
    many-to-many changes included). Index lookups only, so it can be asked before every
    search. Writes in this process are also noticed at once through signals (``signals.py``).
    """
    quote = connection.ops.quote_name
    parts = []
    for model in TRACKED_MODELS:
        tables = [model]
        history = getattr(model, "history", None)
        if history is not None:
            tables.append(history.model)
        for table in tables:
            meta = table._meta
            # Names from the models' metadata only, quoted; no value is interpolated.
            column, table_name = quote(meta.pk.column), quote(meta.db_table)
            parts.append(f"(SELECT MAX({column}) FROM {table_name})")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return (connection.alias, *row)
