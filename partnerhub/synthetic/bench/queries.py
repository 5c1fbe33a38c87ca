# SQL here is assembled from constants only; every value is passed as a parameter.
# ruff: noqa: S608
"""The directory's list pages as they run, against raw SQL fetching the same rows.

Each scenario draws a few hundred varied requests of a public list page from the data
(searches as typed, words, a sector in a region, projects by status, reach, funding
programme and period) and measures every request four ways, in an order that rotates:

* **listing**: what the list view builds — its ``build_listing()``, with the filterset shared
  with the API, the full-text search, the sort (relevance first when searching), the cursor
  page with what the table reads, and the capped count — without the facets;
* **page**: the whole page through Django's test ``Client`` (middleware, the listing, the
  template) as it first answers, server time in this process;
* **facets**: the facets with their counts, which the page loads next (``?facets=only``);
* **baseline**: hand-written SQL through the driver's own cursor fetching the same rows (the
  page's records with the columns the view selects, what the table prefetches, and the
  capped count), **with the same query shape**, so a ratio is the framework's overhead and
  not a better or worse plan.

The listing and the SQL must return the same page and count: a case where they differ is
counted, not hidden; a page that does not answer 200 is counted too.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.db import connection, models
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerhub.core.directory import COUNT_CAP, PAGE_SIZE, decode_cursor, unit_value
from partnerhub.core.ranking import RANKED_PER_RELEVANCE
from partnerhub.core.views import DirectoryListView
from partnerhub.projects.models import FundingProgramme, Project
from partnerhub.projects.views import ProjectListView
from partnerhub.registry.models import Organisation
from partnerhub.registry.views import OrganisationListView
from partnerhub.search.choices import kind_id_range
from partnerhub.search.engines import Relevance, fts5_query, tsquery
from partnerhub.search.registry import get_spec_for_model
from partnerhub.search.text import query_terms
from partnerhub.synthetic.selectors import synthetic
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

#: (total counted up to the cap, ids of the page in order)
Result = tuple[int, list[int]]
#: Every third case of a sorted list asks for the next page through the first page's cursor.
CURSOR_EVERY = 3


@dataclass
class QueryCase:
    """One request of a list page, and the SQL that fetches the same rows."""

    view: type[DirectoryListView]
    path: str
    params: dict[str, str]
    page_sql: str
    page_params: list[Any]
    count_sql: str
    count_params: list[Any]
    #: SQL for what the table reads of each row beyond the page query ("%s" → the ids).
    details_sql: str | None = None


@dataclass
class Scenario:
    key: str
    label: str
    cases: list[QueryCase]


@dataclass
class ScenarioTimings:
    key: str
    label: str
    orm: list[float] = field(default_factory=list)  # the listing
    raw: list[float] = field(default_factory=list)
    page: list[float] = field(default_factory=list)
    #: The facets the page loads after its results (``?facets=only``).
    facets: list[float] = field(default_factory=list)
    #: The same, in CPU time of this process (waiting for a busy core left out; on
    #: PostgreSQL the server's own work is left out too).
    cpu: dict[str, list[float]] = field(default_factory=dict)
    mismatches: int = 0
    failed_pages: int = 0


def _cols(model: type[models.Model], alias: str) -> str:
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def _like(column: str) -> str:
    """A prefix LIKE as Django writes ``startswith`` on this database."""
    if connection.vendor == "postgresql":
        return f"{column}::text LIKE %s"
    return f"{column} LIKE %s ESCAPE '\\'"


def _date(value: datetime.date) -> Any:
    return value if connection.vendor == "postgresql" else value.isoformat()


def _match(terms: list[str], kind: str, relevance: Relevance, column: str) -> tuple[str, list[Any]]:
    """``column`` is the id of a record whose search entry meets ``relevance``."""
    start, stop = kind_id_range(kind)
    if connection.vendor == "postgresql":
        document = "document" if relevance == Relevance.TEXT else "title_document"
        sql = (
            f"{column} IN (SELECT e.object_id FROM search_searchentry e "
            f"WHERE e.{document} @@ %s::tsquery AND e.id >= %s AND e.id < %s)"
        )
        return sql, [tsquery(terms, relevance), start, stop]
    sql = (
        f"{column} IN (SELECT rowid - %s FROM search_fts WHERE search_fts MATCH %s "
        "AND rowid >= %s AND rowid < %s)"
    )
    return sql, [start, fts5_query(terms, relevance), start, stop]


ORG_FROM = "FROM registry_organisation o LEFT JOIN territory_territorialunit t ON t.id = o.seat_id"
AREAS_SQL = (
    "SELECT oa.organisation_id, a.id, a.code, a.name_en, a.name_pl, a.name_sl, a.is_active, "
    "a.position FROM registry_thematicarea a JOIN registry_organisation_areas oa "
    "ON a.id = oa.thematicarea_id WHERE oa.organisation_id IN (%s)"
)


def _org_select() -> str:
    return f"SELECT {_cols(Organisation, 'o')}, {_cols(TerritorialUnit, 't')}"


def _capped(inner: str) -> str:
    return f"SELECT COUNT(*) FROM ({inner} LIMIT {COUNT_CAP + 1}) AS capped"


def _sample_names(rng: random.Random, n: int) -> list[str]:
    ids = list(synthetic(Organisation).order_by("pk").values_list("pk", flat=True))
    chosen = rng.sample(ids, min(n, len(ids)))
    names = dict(Organisation.objects.filter(pk__in=chosen).values_list("pk", "name"))
    return [names[pk] for pk in chosen]


def _typed(name: str, variant: int) -> str:
    """What someone types on the way to a name: "Stowarzyszenie Prz", "koło", "Fundac"."""
    words = name.split()
    if variant == 0 and len(words) > 1:
        return f"{words[0]} {words[1][:3]}"
    if variant == 1:
        return name[:4].lower()
    return name[:6]


def _words(name: str, rng: random.Random) -> str:
    """One or two whole words of a name, in lower case."""
    words = [w.strip('„”"(),–.') for w in name.split()]
    long_words = [w for w in words if len(w) >= 4] or words
    chosen = rng.sample(long_words, min(len(long_words), rng.choice((1, 1, 2))))
    return " ".join(chosen).lower()


def organisation_search(rng: random.Random, n: int, *, typed: bool) -> Scenario:
    """``/organisations/?q=…``: best matches first, then by name."""
    kind = get_spec_for_model(Organisation).kind
    path = reverse("registry:organisation-list")
    cases = []
    for i, name in enumerate(_sample_names(rng, n)):
        query = _typed(name, i % 3) if typed else _words(name, rng)
        terms = query_terms(query)
        if not terms:
            continue
        where, where_params = _match(terms, kind, Relevance.TEXT, "o.id")
        if connection.vendor == "sqlite":
            # core.ranking: the first RANKED_PER_RELEVANCE of each level, in id order.
            levels = {relevance: _match(terms, kind, relevance, "o.id") for relevance in Relevance}
            first = {
                relevance: (
                    f"o.id IN (SELECT o.id FROM registry_organisation o WHERE {sql} "
                    f"ORDER BY o.id LIMIT {RANKED_PER_RELEVANCE})",
                    params,
                )
                for relevance, (sql, params) in levels.items()
            }
            (exact, exact_params), (title, title_params), (text, text_params) = (
                first[Relevance.EXACT_TITLE],
                first[Relevance.TITLE],
                first[Relevance.TEXT],
            )
            page = (
                f"{_org_select()}, CASE WHEN {exact} THEN 0 WHEN {title} THEN 1 ELSE 2 END "
                f"AS rel {ORG_FROM} WHERE ({text} OR {title} OR {exact}) "
                f"ORDER BY rel, o.name, o.id LIMIT {PAGE_SIZE + 1}"
            )
            page_params = [
                *exact_params,
                *title_params,
                *text_params,
                *title_params,
                *exact_params,
            ]
            count = _capped(f"SELECT o.id FROM registry_organisation o WHERE {where}")
        else:
            # Every match ranked; the count walks the entries in id order (search.engines).
            exact, exact_params = _match(terms, kind, Relevance.EXACT_TITLE, "o.id")
            title, title_params = _match(terms, kind, Relevance.TITLE, "o.id")
            page = (
                f"{_org_select()}, CASE WHEN {exact} THEN 0 WHEN {title} THEN 1 ELSE 2 END "
                f"AS rel {ORG_FROM} WHERE {where} ORDER BY rel, o.name, o.id "
                f"LIMIT {PAGE_SIZE + 1}"
            )
            page_params = [*exact_params, *title_params, *where_params]
            start, stop = kind_id_range(kind)
            count = _capped(
                "SELECT e.object_id FROM search_searchentry e WHERE e.document @@ %s::tsquery "
                "AND e.id >= %s AND e.id < %s AND EXISTS (SELECT 1 FROM registry_organisation o "
                "WHERE o.id = e.object_id) ORDER BY e.id"
            )
            where_params = [tsquery(terms, Relevance.TEXT), start, stop]
        cases.append(
            QueryCase(
                OrganisationListView,
                path,
                {"q": query},
                page,
                page_params,
                count,
                where_params,
                AREAS_SQL,
            )
        )
    if typed:
        key, label = "org_search_typed", _("Organisations: search as typed (best match first)")
    else:
        key, label = "org_search_words", _("Organisations: search for words of a name")
    return Scenario(key, label, cases)


def _first_page_cursor(view: type[DirectoryListView], path: str, params: dict[str, str]) -> str:
    listing = _listing(view, path, params)
    return listing.page.next_cursor or ""


def sector_in_territory(rng: random.Random, n: int) -> Scenario:
    """``/organisations/?sector=…&territory=PL:02``, by name; every third case a next page."""
    units = list(
        TerritorialUnit.objects.filter(
            country__in=["PL", "SI"], level__in=[Level.VOIVODESHIP, Level.STATISTICAL_REGION]
        ).order_by("path")
    )
    municipalities = list(
        TerritorialUnit.objects.filter(country__in=["PL", "SI"], level=Level.MUNICIPALITY).order_by(
            "path"
        )
    )
    path = reverse("registry:organisation-list")
    cases = []
    for i in range(n):
        pool = municipalities if municipalities and rng.random() < 0.3 else units
        unit = rng.choice(pool)
        sector = rng.choice(("civil", "private", "public"))
        params = {"sector": sector, "territory": unit_value(unit)}
        where = (
            "o.sector = %s AND o.seat_id IN (SELECT u.id FROM territory_territorialunit u "
            f"WHERE u.id = %s OR {_like('u.path')})"
        )
        where_params = [sector, unit.pk, f"{connection.ops.prep_for_like_query(unit.path)}/%"]
        after, after_params = "", []
        if i % CURSOR_EVERY == CURSOR_EVERY - 1:
            cursor = _first_page_cursor(OrganisationListView, path, params)
            decoded = decode_cursor(cursor, "name", 2) if cursor else None
            if decoded is not None:
                params["cursor"] = cursor
                name, pk = decoded[1]
                after = " AND (o.name > %s OR (o.name = %s AND o.id > %s))"
                after_params = [name, name, pk]
        page = (
            f"{_org_select()} {ORG_FROM} WHERE {where}{after} "
            f"ORDER BY o.name, o.id LIMIT {PAGE_SIZE + 1}"
        )
        count = _capped(f"SELECT o.id FROM registry_organisation o WHERE {where}")
        cases.append(
            QueryCase(
                OrganisationListView,
                path,
                params,
                page,
                [*where_params, *after_params],
                count,
                where_params,
                AREAS_SQL,
            )
        )
    label = _("Organisations: sector in a region or municipality (every third a next page)")
    return Scenario("org_sector_territory", label, cases)


PROJECT_FROM = (
    "FROM projects_project p "
    "LEFT JOIN territory_territorialunit t ON t.id = p.seat_id "
    "LEFT JOIN projects_fundingprogramme f ON f.id = p.funding_programme_id"
)
PROJECT_WHERE = (
    "u0.visibility = %s AND u0.status = %s AND u0.reach = %s AND u0.funding_programme_id = %s "
    'AND (u0."end" IS NULL OR u0."end" >= %s) AND (u0.start IS NULL OR u0.start <= %s)'
)


def project_list(rng: random.Random, n: int) -> Scenario:
    """``/projects/?status=…&reach=…&funding_programme=…&active_from=…&active_to=…``."""
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
    select = (
        f"SELECT {_cols(Project, 'p')}, {_cols(TerritorialUnit, 't')}, "
        f"{_cols(FundingProgramme, 'f')}, COALESCE(p.start, %s) AS newest "
    )
    path = reverse("projects:project-list")
    cases = []
    for pk in chosen:
        status, reach, programme, start = by_pk[pk]
        start = start or datetime.date(2020, 1, 1)  # generated projects always have dates
        since = start - datetime.timedelta(days=rng.randint(0, 180))
        until = start + datetime.timedelta(days=rng.randint(30, 365))
        params = {
            "status": status,
            "reach": reach,
            "funding_programme": str(programme),
            "active_from": since.isoformat(),
            "active_to": until.isoformat(),
        }
        where_params = ["published", status, reach, programme, _date(since), _date(until)]
        page = (
            f"{select}{PROJECT_FROM} WHERE {PROJECT_WHERE.replace('u0.', 'p.')} "
            f"ORDER BY newest DESC, p.id DESC LIMIT {PAGE_SIZE + 1}"
        )
        cases.append(
            QueryCase(
                ProjectListView,
                path,
                params,
                page,
                [_date(datetime.date.min), *where_params],
                _capped(f"SELECT u0.id FROM projects_project u0 WHERE {PROJECT_WHERE}"),
                where_params,
            )
        )
    label = _("Projects: status, reach, funding programme, period (newest first)")
    return Scenario("project_filtered", label, cases)


# --- running ---------------------------------------------------------------------------------


def _listing(view: type[DirectoryListView], path: str, params: dict[str, str]) -> Any:
    """The list view's own ``build_listing()`` for this request, without the facets."""
    request = RequestFactory().get(path, params)
    request.user = AnonymousUser()
    instance = view()
    instance.setup(request)
    return instance.build_listing(with_facets=False)  # facets: measured through the Client


def run_listing(case: QueryCase) -> Result:
    listing = _listing(case.view, case.path, case.params)
    return min(listing.count, COUNT_CAP + 1), [record.pk for record in listing.page.records]


def run_raw(cursor: Any, case: QueryCase) -> Result:
    """The same rows through the driver alone (count, page, and what the table reads)."""
    placeholder = "%s" if connection.vendor == "postgresql" else "?"

    def execute(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        cursor.execute(sql.replace("%s", placeholder), params)
        return list(cursor.fetchall())

    total = execute(case.count_sql, case.count_params)[0][0]
    ids = [row[0] for row in execute(case.page_sql, case.page_params)][:PAGE_SIZE]
    if case.details_sql is not None and ids:
        marks = ", ".join(placeholder for _ in ids)
        cursor.execute(case.details_sql.replace("(%s)", f"({marks})"), ids)
        cursor.fetchall()
    return total, ids


def run_page(client: Client, case: QueryCase) -> bool:
    """The whole page as it first answers (results; facets follow); True when 200."""
    return client.get(f"{case.path}?{urlencode(case.params)}").status_code == 200


def run_facets(client: Client, case: QueryCase) -> bool:
    """The facets the page then loads (``?facets=only``); True when it answered 200."""
    params = urlencode({**case.params, "facets": "only"})
    return client.get(f"{case.path}?{params}").status_code == 200


def run_scenario(scenario: Scenario, warmup: int = 5) -> ScenarioTimings:
    """Time every case as the listing, the whole page and raw SQL, in rotating order."""
    timings = ScenarioTimings(scenario.key, scenario.label)
    client = Client(SERVER_NAME="localhost")
    connection.ensure_connection()
    cursor = connection.connection.cursor()
    runs: dict[str, Callable[[QueryCase], Any]] = {
        "orm": run_listing,
        "raw": lambda case: run_raw(cursor, case),
        "page": lambda case: run_page(client, case),
        "facets": lambda case: run_facets(client, case),
    }
    order = list(runs)
    try:
        for case in scenario.cases[:warmup]:
            for run in runs.values():
                run(case)
        for i, case in enumerate(scenario.cases):
            results: dict[str, Any] = {}
            for which in order[i % len(order) :] + order[: i % len(order)]:
                started, cpu_started = time.perf_counter(), time.process_time()
                results[which] = runs[which](case)
                getattr(timings, which).append(time.perf_counter() - started)
                timings.cpu.setdefault(which, []).append(time.process_time() - cpu_started)
            if results["orm"] != results["raw"]:
                timings.mismatches += 1
            if not (results["page"] and results["facets"]):
                timings.failed_pages += 1
    finally:
        cursor.close()
    return timings


def query_scenarios(rng: random.Random, n: int) -> list[Scenario]:
    """The directory's list scenarios, each with ``n`` cases."""
    return [
        organisation_search(rng, n, typed=True),
        organisation_search(rng, n, typed=False),
        sector_in_territory(rng, n),
        project_list(rng, n),
    ]
