# ruff: noqa: S608 - the SQL here is assembled from this module's constants only; every
# value (query text, ids, paths, limits) is passed as a parameter.
"""The SQL of a search on SQLite and PostgreSQL: same question, same answer, two dialects.

Both full-text structures (migration ``0002_fulltext``) index the words of ``title`` and
``body`` exactly as stored: split at single spaces, no stemming, no stop words. Three
conditions are asked, each true when *every* term of the query satisfies it:

- ``EXACT_TITLE``: the term is a whole word of the title;
- ``TITLE``: the term begins a word of the title;
- ``TEXT``: the term begins a word of the title or of the body.

Both engines keep entries in id order (the FTS5 rowid, the primary key), and an entry's id
is its kind's rank and its record id (``choices.entry_id``). So each condition is read in
id order and stops after a fixed number of rows, however many entries match: a search's
cost follows the size of a page, not of the country. On PostgreSQL each kind is a partition
with its own statistics, so the planner chooses well, per kind, between walking the ids
and reading the GIN index. The engines' query languages are never exposed: terms are words
of letters and digits (``text.query_terms``), quoted as literals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from django.db import NotSupportedError, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Col, RawSQL
from django.db.models.sql.compiler import SQLCompiler

from partnerhub.search.choices import ID_SPAN, KIND_RANK, kind_id_range
from partnerhub.search.models import SearchEntry

ENTRY_TABLE = "search_searchentry"
SQLITE_FTS_TABLE = "search_fts"


class Relevance(IntEnum):
    """How well an entry matches; lower is better."""

    EXACT_TITLE = 0
    TITLE = 1
    TEXT = 2


@dataclass(frozen=True)
class Scope:
    """Which entries a search looks at."""

    kinds: tuple[str, ...] | None = None
    public_only: bool = True
    territory_path: str | None = None

    def id_ranges(self, *, merge: bool) -> list[tuple[int, int]]:
        """The entry ids to read as ``[start, stop)`` ranges: one per kind, or as few as
        possible with ``merge`` (neighbouring kinds joined)."""
        ranges: list[tuple[int, int]] = []
        kinds = KIND_RANK if self.kinds is None else self.kinds
        for rank in sorted({KIND_RANK[kind] for kind in kinds}):
            start, stop = rank * ID_SPAN, (rank + 1) * ID_SPAN
            if merge and ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], stop)
            else:
                ranges.append((start, stop))
        return ranges


def check_terms(terms: list[str]) -> None:
    """Refuse anything but words of letters and digits: it would be query syntax."""
    if not terms or not all(term.isalnum() for term in terms):
        raise ValueError("search terms must be non-empty words of letters and digits")


def fts5_query(terms: list[str], relevance: Relevance) -> str:
    """SQLite FTS5 query text: every term quoted, prefix-matched unless exact, ANDed."""
    column = "" if relevance == Relevance.TEXT else "title : "
    star = "" if relevance == Relevance.EXACT_TITLE else "*"
    return " AND ".join(f'{column}"{term}"{star}' for term in terms)


def tsquery(terms: list[str], relevance: Relevance) -> str:
    """PostgreSQL tsquery input: every term a quoted lexeme, prefix-matched unless exact."""
    star = "" if relevance == Relevance.EXACT_TITLE else ":*"
    return " & ".join(f"'{term}'{star}" for term in terms)


def _pg_column(relevance: Relevance) -> str:
    return "document" if relevance == Relevance.TEXT else "title_document"


def _scope_filters(scope: Scope, entry: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if scope.public_only:
        where.append(f"{entry}.is_public")
    if scope.territory_path is not None:
        below = scope.territory_path + "/"
        where.append(f"({entry}.territory_path = %s OR substr({entry}.territory_path, 1, %s) = %s)")
        params += [scope.territory_path, len(below), below]
    return where, params


def _branch(
    vendor: str,
    terms: list[str],
    relevance: Relevance,
    id_range: tuple[int, int],
    scope: Scope,
    limit: int,
) -> tuple[str, list[Any]]:
    """The first ``limit`` entries (id order) in ``id_range`` meeting one condition."""
    filters, filter_params = _scope_filters(scope, "e")
    if vendor == "sqlite":
        join = f" JOIN {ENTRY_TABLE} e ON e.id = {SQLITE_FTS_TABLE}.rowid" if filters else ""
        where = [
            f"{SQLITE_FTS_TABLE} MATCH %s",
            f"{SQLITE_FTS_TABLE}.rowid >= %s",
            f"{SQLITE_FTS_TABLE}.rowid < %s",
        ]
        sql = (
            f"SELECT {int(relevance)} AS relevance, {SQLITE_FTS_TABLE}.rowid AS id "
            f"FROM {SQLITE_FTS_TABLE}{join} WHERE {' AND '.join(where + filters)} "
            f"ORDER BY {SQLITE_FTS_TABLE}.rowid LIMIT %s"
        )
        return sql, [fts5_query(terms, relevance), *id_range, *filter_params, limit]
    if vendor == "postgresql":
        where = [f"e.{_pg_column(relevance)} @@ %s::tsquery", "e.id >= %s", "e.id < %s"]
        sql = (
            f"SELECT {int(relevance)} AS relevance, e.id FROM {ENTRY_TABLE} e "
            f"WHERE {' AND '.join(where + filters)} ORDER BY e.id LIMIT %s"
        )
        return sql, [tsquery(terms, relevance), *id_range, *filter_params, limit]
    raise NotSupportedError(f"Full-text search is not available on {vendor}.")


def ranked_entries_sql(
    vendor: str, terms: list[str], scope: Scope, per_condition: int
) -> tuple[str, list[Any]]:
    """One statement: for each condition and id range, its first ``per_condition`` entries.

    Rows are ``(relevance, entry id)``; an entry appears once per condition it meets.
    ``selectors.search`` keeps each entry's best relevance and sorts.
    """
    check_terms(terms)
    parts: list[str] = []
    params: list[Any] = []
    # SQLite reads one FTS5 doclist in id order across kinds. PostgreSQL plans each kind on
    # its own partition, with that kind's statistics (see migration 0002_fulltext).
    ranges = scope.id_ranges(merge=vendor == "sqlite")
    for relevance in Relevance:
        for id_range in ranges:
            sql, branch_params = _branch(vendor, terms, relevance, id_range, scope, per_condition)
            parts.append(f"SELECT relevance, id FROM ({sql}) AS b{len(parts)}")
            params += branch_params
    return " UNION ALL ".join(parts), params


def record_match(
    vendor: str, terms: list[str], kind: str, relevance: Relevance = Relevance.TEXT
) -> models.Q:
    """A filter on a model's records: those of ``kind`` whose entry meets a condition."""
    check_terms(terms)
    start, stop = kind_id_range(kind)
    if vendor == "sqlite":
        # The FTS5 index is read once into a set of record ids.
        sql = (
            f"SELECT rowid - %s FROM {SQLITE_FTS_TABLE} "
            f"WHERE {SQLITE_FTS_TABLE} MATCH %s AND rowid >= %s AND rowid < %s"
        )
        ids = RawSQL(sql, [start, fts5_query(terms, relevance), start, stop])  # noqa: S611
        return models.Q(pk__in=ids)
    return models.Q(pk__in=_pg_entries(vendor, terms, kind, relevance).values("object_id"))


def matching_record_ids(
    vendor: str,
    records: models.QuerySet[Any],
    terms: list[str],
    kind: str,
    relevance: Relevance = Relevance.TEXT,
) -> models.QuerySet[Any]:
    """The ids of the records of ``records`` meeting a condition, as ``values_list`` in id
    order: slice it for a page, or ``[:n].count()`` for a capped count."""
    if vendor == "sqlite":
        matching = records.filter(record_match(vendor, terms, kind, relevance))
        return matching.order_by("pk").values_list("pk", flat=True)
    # PostgreSQL reads the kind's partition in id order (or its GIN index, as the kind's
    # statistics favour) and looks each record up by primary key: starting from the records
    # would leave the planner guessing how many of them match.
    entries = _pg_entries(vendor, terms, kind, relevance).filter(
        models.Exists(records.filter(pk=models.OuterRef("object_id")))
    )
    return entries.order_by("pk").values_list("object_id", flat=True)


def _pg_entries(
    vendor: str, terms: list[str], kind: str, relevance: Relevance
) -> models.QuerySet[SearchEntry]:
    if vendor != "postgresql":
        raise NotSupportedError(f"Full-text search is not available on {vendor}.")
    start, stop = kind_id_range(kind)
    # Constant bounds: the planner reads only this kind's partition, with its statistics.
    return SearchEntry.objects.filter(DocumentMatch(terms, relevance), pk__gte=start, pk__lt=stop)


class DocumentMatch(models.Expression):
    """PostgreSQL: ``<entry>.title_document`` or ``.document`` ``@@`` the terms' tsquery.

    Compiled under whatever alias the entries table has in the query (a subquery's U0).
    """

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, terms: list[str], relevance: Relevance, entry_id: Any = None) -> None:
        check_terms(terms)
        super().__init__()
        self.terms, self.relevance = list(terms), relevance
        self.entry_id = entry_id if entry_id is not None else models.F("id")

    def get_source_expressions(self) -> list[Any]:
        return [self.entry_id]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.entry_id,) = exprs

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        if connection.vendor != "postgresql" or not isinstance(self.entry_id, Col):
            raise NotSupportedError("DocumentMatch is PostgreSQL's and needs the entry's id.")
        alias = compiler.quote_name_unless_alias(self.entry_id.alias)
        column = f"{alias}.{connection.ops.quote_name(_pg_column(self.relevance))}"
        return f"{column} @@ %s::tsquery", [tsquery(self.terms, self.relevance)]
