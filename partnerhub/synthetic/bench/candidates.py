"""Candidate indexes, measured before anyone adds them to a model.

With ``--candidate-indexes`` the bench runs the query scenarios a second time with these
indexes created in the bench database only (never in a migration), then drops them. The
two sets of rows side by side are the measurement that justifies (or not) adding an index
to the model in the issue that owns it. Each candidate serves a lookup exactly as Django
writes it: ``istartswith``/``icontains`` become ``UPPER("name"::text) LIKE UPPER(…)`` on
PostgreSQL and ``"name" LIKE … ESCAPE '\\'`` (ASCII case-insensitive) on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

from partnerhub.synthetic.services import update_statistics


@dataclass(frozen=True)
class CandidateIndex:
    name: str
    serves: str
    create: str


CANDIDATES: dict[str, tuple[CandidateIndex, ...]] = {
    "postgresql": (
        CandidateIndex(
            "bench_org_name_upper_pattern",
            "name istartswith (a B-tree on UPPER(name) usable by LIKE 'X%')",
            "CREATE INDEX bench_org_name_upper_pattern ON registry_organisation "
            "(UPPER(name::text) text_pattern_ops)",
        ),
        CandidateIndex(
            "bench_org_name_upper_trigram",
            "name icontains (pg_trgm GIN on UPPER(name) usable by LIKE '%X%')",
            "CREATE INDEX bench_org_name_upper_trigram ON registry_organisation "
            "USING gin (UPPER(name::text) gin_trgm_ops)",
        ),
    ),
    "sqlite": (
        CandidateIndex(
            "bench_org_name_nocase",
            "name istartswith (NOCASE index usable by SQLite's LIKE optimisation)",
            "CREATE INDEX bench_org_name_nocase ON registry_organisation (name COLLATE NOCASE)",
        ),
    ),
}


def candidates() -> tuple[CandidateIndex, ...]:
    return CANDIDATES.get(connection.vendor, ())


@contextmanager
def candidate_indexes() -> Iterator[tuple[CandidateIndex, ...]]:
    """Create the candidates for this database, yield them, and drop them afterwards."""
    created = candidates()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Inside a transaction that has inserted rows (the tests), deferred foreign-key
            # checks must run before an index can be built; a no-op otherwise.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for index in created:
            cursor.execute(index.create)
    update_statistics()
    try:
        yield created
    finally:
        with connection.cursor() as cursor:
            for index in created:
                cursor.execute(f"DROP INDEX IF EXISTS {index.name}")
        update_statistics()
