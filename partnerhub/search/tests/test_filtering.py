"""List pages: a model's queryset narrowed by a query, and one ranked page of it."""

from __future__ import annotations

from typing import Any

import pytest

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    TerritorialUnitFactory,
)
from partnerhub.projects.models import Project
from partnerhub.registry.models import Organisation
from partnerhub.search.bench import bench_search, sample_queries
from partnerhub.search.engines import Relevance
from partnerhub.search.selectors import (
    MAX_RESULTS,
    count_matching_records,
    filter_queryset_by_search,
    get_ranked_records,
)
from partnerhub.search.services import index_queryset

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations() -> dict[str, Organisation]:
    made = {
        "text": OrganisationFactory.create(name="Centrum Usług", description="W Łodzi."),
        "prefix": OrganisationFactory.create(name="Łódzkie Forum", sector=Sector.PUBLIC),
        "word": OrganisationFactory.create(name="Fundacja Łódź"),
        "other": OrganisationFactory.create(name="Fundacja Kraków"),
    }
    index_queryset(Organisation.objects.all())
    return made


def names(records: Any) -> list[str]:
    return [record.name for record in records]


def test_a_queryset_is_narrowed_and_keeps_its_order(
    organisations: dict[str, Organisation],
) -> None:
    found = filter_queryset_by_search(Organisation.objects.order_by("name"), "lodz")
    assert names(found) == ["Centrum Usług", "Fundacja Łódź", "Łódzkie Forum"]
    assert filter_queryset_by_search(Organisation.objects.all(), "fundacja lodz").count() == 1


def test_other_filters_combine(organisations: dict[str, Organisation]) -> None:
    public = Organisation.objects.filter(sector=Sector.PUBLIC)
    assert names(filter_queryset_by_search(public, "łódź")) == ["Łódzkie Forum"]
    narrowed = filter_queryset_by_search(Organisation.objects.all(), "fundacja")
    assert names(narrowed.filter(name__endswith="Kraków")) == ["Fundacja Kraków"]


def test_a_query_without_words_changes_nothing(organisations: dict[str, Organisation]) -> None:
    everything = Organisation.objects.all()
    assert filter_queryset_by_search(everything, " *:- ") is everything
    assert get_ranked_records(everything, " *:- ") == []


def test_each_model_finds_only_its_own_records(organisations: dict[str, Organisation]) -> None:
    project = ProjectFactory.create(title="Fundacja projektów")
    index_queryset(Project.objects.all())
    assert list(filter_queryset_by_search(Project.objects.all(), "fundacja")) == [project]
    assert len(filter_queryset_by_search(Organisation.objects.all(), "fundacja")) == 2


def test_a_ranked_page_follows_the_search_order(organisations: dict[str, Organisation]) -> None:
    ranked = get_ranked_records(Organisation.objects.all(), "lodz")
    assert names(ranked) == ["Fundacja Łódź", "Łódzkie Forum", "Centrum Usług"]
    assert [o.search_relevance for o in ranked] == [  # type: ignore[attr-defined]
        Relevance.EXACT_TITLE,
        Relevance.TITLE,
        Relevance.TEXT,
    ]
    assert names(get_ranked_records(Organisation.objects.all(), "lodz", limit=1, offset=1)) == [
        "Łódzkie Forum"
    ]
    public = Organisation.objects.filter(sector=Sector.PUBLIC)
    assert names(get_ranked_records(public, "lodz")) == ["Łódzkie Forum"]
    assert get_ranked_records(Organisation.objects.all(), "lodz", offset=MAX_RESULTS) == []


def test_a_ranked_page_reads_related_records_at_once(
    organisations: dict[str, Organisation], django_assert_num_queries: Any
) -> None:
    seat = TerritorialUnitFactory.create()
    Organisation.objects.update(seat=seat)
    with django_assert_num_queries(4):  # three relevances, then the records
        ranked = get_ranked_records(Organisation.objects.select_related("seat"), "lodz")
        assert {organisation.seat.name for organisation in ranked} == {seat.name}  # type: ignore[union-attr]
    with django_assert_num_queries(2):  # whole words of names fill the page at once
        get_ranked_records(Organisation.objects.all(), "fundacja", limit=2)


def test_counts_stop_at_the_cap(organisations: dict[str, Organisation]) -> None:
    everything = Organisation.objects.all()
    assert count_matching_records(everything, "lodz") == 3
    assert count_matching_records(everything, "lodz", cap=2) == 3  # "more than 2"
    assert count_matching_records(everything, "lodz", cap=1) == 2  # "more than 1"
    assert count_matching_records(everything.filter(sector=Sector.PUBLIC), "lodz") == 1
    assert count_matching_records(everything, "") == 0


def test_constant_query_count(
    organisations: dict[str, Organisation], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        list(filter_queryset_by_search(Organisation.objects.all(), "fundacja lodz"))
    with django_assert_num_queries(1):
        count_matching_records(Organisation.objects.all(), "fundacja lodz")


def test_bench_helpers_run(organisations: dict[str, Organisation]) -> None:
    queries = sample_queries(6, seed=3)
    assert queries == sample_queries(6, seed=3)
    assert queries and all(len(query) >= 3 for query in queries)
    timings = bench_search([*queries, "lodz"], repeat=1, public_only=False)
    assert set(timings.by_query) == {*queries, "lodz"}
    assert 0 <= timings.p50 <= timings.p95 <= max(timings.values)
