"""Reads of the search index: ranked hits, and any searchable queryset narrowed by a query.

A record matches a query when every query term (``text.query_terms``) begins a word of its
title or body: "wal" and "walbrzych" find "Wałbrzych", "lodz" finds "Łódź"; "fundacja
walbrzych" needs both. Hits are ordered the same way on SQLite and PostgreSQL, without the
engines' own scores (bm25 and ts_rank differ, and computing them means reading every
match):

1. relevance (``engines.Relevance``): every term is a whole word of the title, then every
   term begins a word of the title, then the rest (terms found in the descriptions);
2. kind, in the order of ``choices.SearchKind`` (organisations first);
3. record id (older records first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection, connections, models
from django.db.models import QuerySet

from partnerhub.search.choices import ID_SPAN, KIND_RANK
from partnerhub.search.engines import (
    Relevance,
    Scope,
    matching_record_ids,
    ranked_entries_sql,
    record_match,
)
from partnerhub.search.registry import get_spec_for_model
from partnerhub.search.text import query_terms
from partnerhub.territory.models import TerritorialUnit

# No one pages past this many hits; deeper pages would cost the database more and more.
MAX_RESULTS = 1000

_KIND_BY_RANK = {rank: kind for kind, rank in KIND_RANK.items()}

ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass(frozen=True)
class SearchHit:
    """One record found: its kind code, its id, and whether its name matched the query."""

    kind: str
    object_id: int
    title_match: bool


def search(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    public_only: bool = True,
    territory: TerritorialUnit | str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SearchHit]:
    """The records matching ``query``, most relevant first (one database query).

    ``kinds`` limits the kinds (``SearchKind`` codes); ``public_only`` (the default) leaves
    out internal records and people; ``territory`` (a unit or its path) keeps records placed
    in that unit or below it. Only the first ``MAX_RESULTS`` hits can be reached: a page
    beyond them is empty.
    """
    terms = query_terms(query)
    wanted = min(offset + limit, MAX_RESULTS)
    chosen_kinds = None if kinds is None else tuple(kinds)
    if not terms or offset < 0 or wanted <= offset or chosen_kinds == ():
        return []
    path = territory.path if isinstance(territory, TerritorialUnit) else territory
    scope = Scope(kinds=chosen_kinds, public_only=public_only, territory_path=path)
    # The first `wanted` entries of each condition are enough: of those, the ones a better
    # condition also holds are already counted above them, so the places are still filled.
    sql, params = ranked_entries_sql(connection.vendor, terms, scope, wanted)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    best: dict[int, int] = {}
    for relevance, entry_id in rows:
        best[entry_id] = min(relevance, best.get(entry_id, relevance))
    ranked = sorted(best.items(), key=lambda item: (item[1], item[0]))[offset:wanted]
    return [
        SearchHit(
            kind=_KIND_BY_RANK[entry_id // ID_SPAN],
            object_id=entry_id % ID_SPAN,
            title_match=relevance != Relevance.TEXT,
        )
        for entry_id, relevance in ranked
    ]


def filter_queryset_by_search(records: QuerySet[ModelT], query: str) -> QuerySet[ModelT]:
    """``records`` narrowed to those matching ``query``; order and other filters untouched.

    For the API's ``q`` with its own ordering. Visibility stays the caller's: the index's
    public flag is not applied. A query without words returns ``records`` unchanged. For
    relevance order use ``get_ranked_records``, for a count ``count_matching_records``.
    """
    terms = query_terms(query)
    if not terms:
        return records
    kind = get_spec_for_model(records.model).kind
    return records.filter(record_match(connections[records.db].vendor, terms, kind))


def get_ranked_records(
    records: QuerySet[ModelT], query: str, *, limit: int = 50, offset: int = 0
) -> list[ModelT]:
    """One page of ``records`` matching ``query``, in ``search``'s order (relevance, id).

    Other filters of ``records`` apply, and its ``select_related``; each record gets
    ``search_relevance``. One query per relevance needed to fill the page (at most three)
    and one for the records. Only the first ``MAX_RESULTS`` can be reached.
    """
    terms = query_terms(query)
    wanted = min(offset + limit, MAX_RESULTS)
    if not terms or offset < 0 or wanted <= offset:
        return []
    kind = get_spec_for_model(records.model).kind
    vendor = connections[records.db].vendor
    best: dict[Any, Relevance] = {}
    for relevance in Relevance:
        # As in `search`: the first `wanted` of each condition are enough.
        for pk in matching_record_ids(vendor, records, terms, kind, relevance)[:wanted]:
            best.setdefault(pk, relevance)
        if len(best) >= wanted:
            break
    page = sorted(best, key=lambda pk: (best[pk], pk))[offset:wanted]
    by_pk = records.in_bulk(page)
    for pk in page:
        by_pk[pk].search_relevance = best[pk]  # type: ignore[attr-defined]
    return [by_pk[pk] for pk in page]


def count_matching_records(records: QuerySet[Any], query: str, *, cap: int = MAX_RESULTS) -> int:
    """How many of ``records`` match ``query``, counting no further than ``cap`` + 1.

    A result above ``cap`` means "more than ``cap``" (show "1000+"), so a list page never
    counts a whole country. A query without words counts nothing: 0.
    """
    terms = query_terms(query)
    if not terms:
        return 0
    kind = get_spec_for_model(records.model).kind
    ids = matching_record_ids(connections[records.db].vendor, records, terms, kind)
    return ids[: cap + 1].count()
