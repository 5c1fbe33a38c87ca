"""The engines against the specification: a plain-Python search over the same entries.

Random but seeded records whose names share words and prefixes; every query, page and
option must give exactly what the documented rules give. Passing here on SQLite and on
PostgreSQL means both engines return the same hits in the same order.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
)
from partnerhub.events.models import Event
from partnerhub.projects.models import Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.search.choices import KIND_RANK, SearchKind
from partnerhub.search.models import SearchEntry
from partnerhub.search.selectors import (
    count_matching_records,
    filter_queryset_by_search,
    get_ranked_records,
    search,
)
from partnerhub.search.services import index_queryset
from partnerhub.search.text import query_terms

pytestmark = pytest.mark.django_db

WORDS = [
    "Łódź", "Łódzki", "Lodówka", "Wałbrzych", "Wałcz", "Wał", "Črnomelj", "Crkva",
    "Fundacja", "Fundusz", "Koło", "Kołobrzeg", "Społeczna", "Spółdzielnia", "Sport",
    "Świeradów-Zdrój", "Zdrowie", "Ljubljana", "Lokalna", "Lokal", "Đakovo", "Dom",
]  # fmt: skip
QUERIES = [
    "l", "lo", "lod", "lodz", "lodzki", "wal", "walb", "walbrzych", "walcz", "crn",
    "c", "fund", "fundacja", "kolo", "kolob", "spo", "spol", "spoldzielnia", "sport",
    "swieradow zdroj", "zdr", "lokal", "lokalna", "d", "dom", "dakovo", "fund lod",
    "kolo spo", "wal lok dom", "lodowka", "x", "zdroj lodz",
]  # fmt: skip


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


@pytest.fixture
def entries() -> None:
    rng = random.Random(7)
    hidden = {"visibility": Visibility.INTERNAL}
    for _ in range(40):
        OrganisationFactory.create(name=_phrase(rng, 1, 3), description=_phrase(rng, 0, 4))
    for n in range(25):
        extra = hidden if n % 4 == 0 else {}
        ProjectFactory.create(title=_phrase(rng, 1, 3), description=_phrase(rng, 0, 4), **extra)
        EventFactory.create(title=_phrase(rng, 1, 2), place=_phrase(rng, 0, 1), **extra)
    for _ in range(10):
        PersonFactory.create(first_name=rng.choice(WORDS), last_name=rng.choice(WORDS))
    for model in (Organisation, Project, Event, Person):
        index_queryset(model.objects.all(), batch_size=7)


def expected(query: str, **options: Any) -> list[tuple[str, int, bool]]:
    """The documented rules, in Python: every term begins a word; relevance, kind, id."""
    terms = query_terms(query)
    kinds = options.get("kinds")
    ranked = []
    for entry in SearchEntry.objects.all():
        title, text = entry.title.split(), entry.title.split() + entry.body.split()
        if not terms or not all(any(w.startswith(t) for w in text) for t in terms):
            continue
        if (options.get("public_only", True) and not entry.is_public) or (
            kinds is not None and entry.kind not in kinds
        ):
            continue
        if all(t in title for t in terms):
            relevance = 0
        elif all(any(w.startswith(t) for w in title) for t in terms):
            relevance = 1
        else:
            relevance = 2
        ranked.append((relevance, KIND_RANK[entry.kind], entry.object_id, entry.kind))
    ranked.sort()
    offset = options.get("offset", 0)
    page = ranked[offset : offset + options.get("limit", 50)]
    return [(kind, object_id, relevance < 2) for relevance, _, object_id, kind in page]


def actual(query: str, **options: Any) -> list[tuple[str, int, bool]]:
    return [(h.kind, h.object_id, h.title_match) for h in search(query, **options)]


@pytest.mark.parametrize("query", QUERIES)
def test_every_query_gives_what_the_rules_give(entries: None, query: str) -> None:
    assert actual(query) == expected(query)
    assert actual(query, public_only=False, limit=1000) == expected(
        query, public_only=False, limit=1000
    )


@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (3, 0), (3, 3), (5, 7), (4, 20), (50, 2)])
def test_every_page_gives_what_the_rules_give(entries: None, limit: int, offset: int) -> None:
    for query in QUERIES:
        options = {"limit": limit, "offset": offset, "public_only": False}
        assert actual(query, **options) == expected(query, **options), query


def test_kinds_give_what_the_rules_give(entries: None) -> None:
    for kinds in ([SearchKind.EVENT], [SearchKind.ORGANISATION, SearchKind.EVENT]):
        for query in QUERIES:
            options = {"kinds": kinds, "limit": 4, "offset": 1}
            assert actual(query, **options) == expected(query, **options), query


@pytest.mark.parametrize(("limit", "offset"), [(50, 0), (2, 3)])
def test_list_pages_give_what_the_rules_give(entries: None, limit: int, offset: int) -> None:
    for model, kind in ((Organisation, SearchKind.ORGANISATION), (Event, SearchKind.EVENT)):
        for query in QUERIES:
            options = {"kinds": [kind], "public_only": False, "limit": limit, "offset": offset}
            ranked = get_ranked_records(model.objects.all(), query, limit=limit, offset=offset)
            assert [r.pk for r in ranked] == [pk for _, pk, _ in expected(query, **options)]
            every = {**options, "limit": 1000, "offset": 0}
            narrowed = filter_queryset_by_search(model.objects.all(), query)
            every_pk = sorted(pk for _, pk, _ in expected(query, **every))
            assert sorted(narrowed.values_list("pk", flat=True)) == every_pk
            assert count_matching_records(model.objects.all(), query) == len(every_pk)


def test_the_data_exercises_every_relevance(entries: None) -> None:
    """Guard against a fixture so thin that the comparisons above prove nothing."""
    relevances = {hit[2] for query in QUERIES for hit in expected(query, limit=1000)}
    assert relevances == {True, False}
    assert sum(len(expected(q, limit=1000)) for q in QUERIES) > 300
