"""Best match first: how a directory list searched for words ranks its records.

The site-wide search's three levels (``search.engines.Relevance``): every term a whole word
of the name, every term beginning a word of the name, then the rest; within a level, by
name. Ranking every match means evaluating the levels for all of them and sorting them all
before the first page comes out: a prefix such as "stow" matches tens of thousands of
organisations in a country.

On SQLite a list therefore ranks, in each level, the first ``RANKED_PER_RELEVANCE`` records
in id order (read in the full-text index's own order) and sorts those: at 200 000
organisations a search as typed costs p95 109 ms instead of 139 ms, words of a name 52 ms
instead of 93 ms (docs/benchmarks.md). Past the bound a search is better narrowed, or
sorted by name.

On PostgreSQL the bound does not pay: the first records in id order are found by walking
the entries in id order, which is quick for a prefix most names share but reads half the
table for a word one name in a hundred has (300 ms instead of 30 ms at p50); the GIN index
finds every match of either at once, so PostgreSQL ranks every match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from django.db.models import Case, Q, QuerySet, Value, When

from partnerhub.search.engines import Relevance, matching_record_ids, record_match
from partnerhub.search.registry import get_spec_for_model
from partnerhub.search.text import query_terms

#: Records ranked in each relevance level (in id order) when a list shows the best first.
RANKED_PER_RELEVANCE = 1_000


@dataclass(frozen=True)
class BestMatches:
    """The records a best-match list ranks (``condition``; None: all that match) and their
    level (``key``)."""

    condition: Q | None
    key: Case


def _key(exact: Q, title: Q) -> Case:
    return Case(
        When(exact, then=Value(int(Relevance.EXACT_TITLE))),
        When(title, then=Value(int(Relevance.TITLE))),
        default=Value(int(Relevance.TEXT)),
        output_field=models.IntegerField(),
    )


def best_matches(
    records: QuerySet[Any], query: str, limit: int = RANKED_PER_RELEVANCE
) -> BestMatches | None:
    """The records of ``records`` to rank for ``query`` and their level of relevance.

    ``records`` are the list's records with every filter but the search; on SQLite the
    first ``limit`` of each level are ranked. None when the query has no words to rank by.
    """
    terms = query_terms(query)
    if not terms:
        return None
    kind = get_spec_for_model(records.model).kind
    vendor = connections[records.db].vendor
    if vendor != "sqlite":
        exact = record_match(vendor, terms, kind, Relevance.EXACT_TITLE)
        return BestMatches(None, _key(exact, record_match(vendor, terms, kind, Relevance.TITLE)))
    levels = {
        relevance: matching_record_ids(vendor, records, terms, kind, relevance)[:limit]
        for relevance in Relevance
    }
    condition = Q(pk__in=levels[Relevance.TEXT])
    condition |= Q(pk__in=levels[Relevance.TITLE]) | Q(pk__in=levels[Relevance.EXACT_TITLE])
    key = _key(Q(pk__in=levels[Relevance.EXACT_TITLE]), Q(pk__in=levels[Relevance.TITLE]))
    return BestMatches(condition, key)
