# SQL here is assembled from constants only; every value is passed as a parameter.
# ruff: noqa: S608
"""Directory search and filtered lists: the ORM querysets against raw SQL for the same rows.

Each scenario draws a few hundred varied parameter sets from the data, then runs every
case through the ORM (building the queryset, evaluating it, model instances with
``select_related``) and through the database driver's own cursor with hand-written SQL
selecting the same columns with the same query shape (so the ratio is the framework's
overhead, not a better or worse plan), alternating which goes first. Both must return the
same rows;
a case where they differ is counted, not hidden. A list page is measured twice: the
first page of 50 alone, and with the total count a paginator asks for.

The querysets are the ones the directory will use until the UI issue brings its
filtersets (then the bench should call those): search is ``istartswith``/``icontains``
on the name as stored, since search normalisation (ł → l) arrives with the UI.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext as _

from partnerhub.projects.models import FundingProgramme, Project
from partnerhub.registry.models import Organisation, OrganisationQuerySet
from partnerhub.synthetic.selectors import synthetic
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

PAGE = 50
Result = tuple[int | None, list[int]]


@dataclass
class QueryCase:
    """One query, as the ORM runs it and as raw SQL (count first when there is one)."""

    orm: Callable[[], Result]
    page_sql: str
    page_params: list[Any]
    count_sql: str | None = None
    count_params: list[Any] = field(default_factory=list)


@dataclass
class Scenario:
    key: str
    label: str
    cases: list[QueryCase]


@dataclass
class ScenarioTimings:
    key: str
    label: str
    orm: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    mismatches: int = 0


def _cols(model: type[models.Model], alias: str) -> str:
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def _ilike(column: str) -> str:
    """The case-insensitive LIKE Django writes for icontains/istartswith on this database."""
    if connection.vendor == "postgresql":
        return f"UPPER({column}::text) LIKE UPPER(%s)"
    return f"{column} LIKE %s ESCAPE '\\'"


def _like(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"{column}::text LIKE %s"
    return f"{column} LIKE %s ESCAPE '\\'"


def _date(value: datetime.date) -> Any:
    return value if connection.vendor == "postgresql" else value.isoformat()


def _escape(text: str) -> str:
    return str(connection.ops.prep_for_like_query(text))


def _page_and_count(queryset: models.QuerySet[Any], counted: bool) -> Callable[[], Result]:
    def run() -> Result:
        total = queryset.count() if counted else None
        return total, [row.pk for row in queryset[:PAGE]]

    return run


def organisation_directory() -> OrganisationQuerySet:
    """The directory's base queryset: organisations with their seat, by name."""
    return Organisation.objects.select_related("seat").order_by("name", "pk")


ORG_FROM = "FROM registry_organisation o LEFT JOIN territory_territorialunit t ON t.id = o.seat_id"
ORG_SELECT = f"SELECT {_cols(Organisation, 'o')}, {_cols(TerritorialUnit, 't')} "


def _org_case(
    queryset: models.QuerySet[Any], where: str, params: list[Any], counted: bool
) -> QueryCase:
    page = f"{ORG_SELECT}{ORG_FROM} WHERE {where} ORDER BY o.name, o.id LIMIT {PAGE}"
    count = f"SELECT COUNT(*) FROM registry_organisation o WHERE {where}" if counted else None
    return QueryCase(_page_and_count(queryset, counted), page, params, count, params)


def _sample_names(rng: random.Random, n: int) -> list[str]:
    ids = list(synthetic(Organisation).order_by("pk").values_list("pk", flat=True))
    chosen = rng.sample(ids, min(n, len(ids)))
    names = dict(Organisation.objects.filter(pk__in=chosen).values_list("pk", "name"))
    return [names[pk] for pk in chosen]


def _prefix(name: str, variant: int) -> str:
    """What someone types: "Stowarzyszenie Prz", "koło", "Fundac"."""
    words = name.split()
    if variant == 0 and len(words) > 1:
        return f"{words[0]} {words[1][:3]}"
    if variant == 1:
        return name[:4].lower()
    return name[:6]


def _word(name: str, rng: random.Random) -> str:
    words = [w.strip('„”"(),–') for w in name.split()]
    long_words = [w for w in words if len(w) >= 5] or words
    return rng.choice(long_words).lower()


def name_search(rng: random.Random, n: int, *, contains: bool, counted: bool) -> Scenario:
    cases = []
    for i, name in enumerate(_sample_names(rng, n)):
        term = _word(name, rng) if contains else _prefix(name, i % 3)
        lookup = "name__icontains" if contains else "name__istartswith"
        pattern = f"%{_escape(term)}%" if contains else f"{_escape(term)}%"
        queryset = organisation_directory().filter(**{lookup: term})
        cases.append(_org_case(queryset, _ilike("o.name"), [pattern], counted))
    if contains:
        key, label = "org_name_contains", _("Organisations: name contains a word")
    else:
        key, label = "org_name_prefix", _("Organisations: name starts with")
    return _scenario(key, label, cases, counted)


def sector_in_territory(rng: random.Random, n: int, *, counted: bool) -> Scenario:
    regions = list(
        TerritorialUnit.objects.filter(
            country__in=["PL", "SI"], level__in=[Level.VOIVODESHIP, Level.STATISTICAL_REGION]
        ).order_by("path")
    )
    municipalities = list(
        TerritorialUnit.objects.filter(country__in=["PL", "SI"], level=Level.MUNICIPALITY).order_by(
            "path"
        )
    )
    cases = []
    for _i in range(n):
        pool = municipalities if municipalities and rng.random() < 0.3 else regions
        unit = rng.choice(pool)
        sector = rng.choice(("civil", "private", "public"))
        queryset = (
            organisation_directory()
            .active()
            .in_sector(sector)
            .filter(seat__in=TerritorialUnit.objects.within(unit))
        )
        where = (
            "o.status = %s AND o.sector = %s AND o.seat_id IN "
            f"(SELECT u.id FROM territory_territorialunit u WHERE u.id = %s OR {_like('u.path')})"
        )
        params = ["active", sector, unit.pk, f"{_escape(unit.path)}/%"]
        cases.append(_org_case(queryset, where, params, counted))
    label = _("Organisations: sector in a region or municipality")
    return _scenario("org_sector_territory", label, cases, counted)


PROJECT_FROM = (
    "FROM projects_project p "
    "LEFT JOIN registry_organisation o ON o.id = p.lead_organisation_id "
    "LEFT JOIN projects_fundingprogramme f ON f.id = p.funding_programme_id"
)
PROJECT_WHERE = (
    "p.visibility = %s AND p.status = %s AND p.reach = %s AND p.funding_programme_id = %s "
    'AND (p.start IS NULL OR p.start <= %s) AND (p."end" IS NULL OR p."end" >= %s)'
)


def project_list(rng: random.Random, n: int, *, counted: bool) -> Scenario:
    ids = list(
        synthetic(Project)
        .exclude(funding_programme=None)
        .exclude(reach="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(ids, min(n, len(ids)))
    rows = Project.objects.filter(pk__in=chosen).values_list(
        "pk", "status", "reach", "funding_programme_id", "start"
    )
    by_pk = {row[0]: row[1:] for row in rows}
    cases = []
    select = (
        f"SELECT {_cols(Project, 'p')}, {_cols(Organisation, 'o')}, {_cols(FundingProgramme, 'f')} "
    )
    for pk in chosen:
        status, reach, programme, start = by_pk[pk]
        start = start or datetime.date(2020, 1, 1)  # generated projects always have dates
        since = start - datetime.timedelta(days=rng.randint(0, 180))
        until = start + datetime.timedelta(days=rng.randint(30, 365))
        queryset = (
            Project.objects.published()
            .filter(status=status, reach=reach, funding_programme_id=programme)
            .filter(Q(start__isnull=True) | Q(start__lte=until))
            .filter(Q(end__isnull=True) | Q(end__gte=since))
            .select_related("lead_organisation", "funding_programme")
            .order_by("-start", "title", "pk")
        )
        params = ["published", status, reach, programme, _date(until), _date(since)]
        page = (
            f"{select}{PROJECT_FROM} WHERE {PROJECT_WHERE} "
            f"ORDER BY p.start DESC, p.title, p.id LIMIT {PAGE}"
        )
        count = f"SELECT COUNT(*) FROM projects_project p WHERE {PROJECT_WHERE}"
        cases.append(
            QueryCase(
                _page_and_count(queryset, counted),
                page,
                params,
                count if counted else None,
                params,
            )
        )
    label = _("Projects: status, reach, funding programme, dates overlap")
    return _scenario("project_filtered", label, cases, counted)


def _scenario(key: str, label: str, cases: list[QueryCase], counted: bool) -> Scenario:
    if counted:
        return Scenario(f"{key}+count", _("%(label)s, with total count") % {"label": label}, cases)
    return Scenario(key, label, cases)


def _raw(cursor: Any, case: QueryCase) -> Result:
    placeholder = "%s" if connection.vendor == "postgresql" else "?"
    total = None
    if case.count_sql is not None:
        cursor.execute(case.count_sql.replace("%s", placeholder), case.count_params)
        total = cursor.fetchone()[0]
    cursor.execute(case.page_sql.replace("%s", placeholder), case.page_params)
    return total, [row[0] for row in cursor.fetchall()]


def run_scenario(scenario: Scenario, warmup: int = 5) -> ScenarioTimings:
    """Time every case through the ORM and through raw SQL, side by side."""
    timings = ScenarioTimings(scenario.key, scenario.label)
    connection.ensure_connection()
    cursor = connection.connection.cursor()
    try:
        for case in scenario.cases[:warmup]:
            case.orm()
            _raw(cursor, case)
        for i, case in enumerate(scenario.cases):
            order: Sequence[str] = ("orm", "raw") if i % 2 == 0 else ("raw", "orm")
            results: dict[str, Result] = {}
            for which in order:
                started = time.perf_counter()
                results[which] = case.orm() if which == "orm" else _raw(cursor, case)
                elapsed = time.perf_counter() - started
                (timings.orm if which == "orm" else timings.raw).append(elapsed)
            if results["orm"] != results["raw"]:
                timings.mismatches += 1
    finally:
        cursor.close()
    return timings


def query_scenarios(rng: random.Random, n: int) -> list[Scenario]:
    """The directory and list scenarios, each with ``n`` cases, page alone and counted."""
    found = []
    for counted in (False, True):
        found += [
            name_search(rng, n, contains=False, counted=counted),
            name_search(rng, n, contains=True, counted=counted),
            sector_in_territory(rng, n, counted=counted),
            project_list(rng, n, counted=counted),
        ]
    return found
