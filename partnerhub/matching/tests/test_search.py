"""Filters, determinism, balanced shortlists, bad input and a current index."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
)
from partnerhub.matching.choices import Component, Radius
from partnerhub.matching.index import clear_index, get_index
from partnerhub.matching.options import SearchOptions, Weights, parse_search_options
from partnerhub.matching.selectors import balanced_shortlist, recommend_partners
from partnerhub.matching.targets import partnership_target, problem_target
from partnerhub.matching.tests.conftest import Areas, Places
from partnerhub.registry.choices import OrganisationStatus
from partnerhub.registry.models import Organisation
from partnerhub.registry.services import update_organisation

pytestmark = pytest.mark.django_db


def names(result: Any) -> list[str]:
    return [r.organisation.name for r in result.results]


def org(name: str, sector: str = Sector.CIVIL, **fields: Any) -> Organisation:
    return OrganisationFactory.create(name=name, sector=sector, **fields)


def test_only_active_organisations_not_involved_and_not_excluded(places: Places) -> None:
    hub = org("Stičišče", is_hub=True)
    raised_by = org("Predlagatelj")
    org("Razpuščeno", status=OrganisationStatus.DISSOLVED, dissolved_on=datetime.date(2020, 1, 1))
    declined = org("Zavrnilo")
    org("Aktivno")
    problem = LocalProblemFactory.create(title="x", hub=hub, raised_by_organisation=raised_by)

    target = problem_target(problem)
    everyone = recommend_partners(target)
    without = recommend_partners(target, SearchOptions(exclude_ids=frozenset({declined.pk})))

    assert sorted(names(everyone)) == ["Aktivno", "Zavrnilo"]
    assert names(without) == ["Aktivno"]
    assert without.candidates == 1


def test_current_members_are_not_recommended_but_former_ones_are() -> None:
    current, former = org("Član"), org("Bivši član")
    partnership = PartnershipFactory.create()
    MembershipFactory.create(partnership=partnership, organisation=current)
    MembershipFactory.create(
        partnership=partnership, organisation=former, left=datetime.date(2021, 1, 1)
    )

    assert names(recommend_partners(partnership_target(partnership))) == ["Bivši član"]


def test_sector_filter() -> None:
    org("Javni", Sector.PUBLIC)
    org("Zasebni", Sector.PRIVATE)
    org("Civilni", Sector.CIVIL)
    problem = LocalProblemFactory.create(title="x")

    result = recommend_partners(problem_target(problem), SearchOptions(sector=Sector.PRIVATE))

    assert names(result) == ["Zasebni"]


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        (Radius.MUNICIPALITY, ["Postojna"]),
        (Radius.REGION, ["Pivka", "Postojna"]),
        (Radius.COUNTRY, ["Ljubljana", "Pivka", "Postojna"]),
        (Radius.ANY, ["Ljubljana", "Pivka", "Postojna", "Walim"]),
    ],
)
def test_radius_filter(places: Places, radius: str, expected: list[str]) -> None:
    org("Postojna", seat=places.postojna)
    org("Pivka", seat=places.pivka)
    org("Ljubljana", seat=places.ljubljana)
    org("Walim", seat=places.walim)
    problem = LocalProblemFactory.create(title="x", territory=places.postojna)

    result = recommend_partners(problem_target(problem), SearchOptions(radius=radius))

    assert sorted(names(result)) == expected


def test_a_territory_given_replaces_the_targets_own(places: Places) -> None:
    org("Postojna", seat=places.postojna)
    org("Walim", seat=places.walim)
    org("Głuszyca", seat=places.gluszyca)
    problem = LocalProblemFactory.create(title="x", territory=None)

    result = recommend_partners(
        problem_target(problem),
        parse_search_options({"territory": "PL:0221", "radius": "county"}),
    )

    assert sorted(names(result)) == ["Głuszyca", "Walim"]


def test_equal_scores_are_ordered_by_id_and_answers_repeat() -> None:
    created = [org("Enako") for _ in range(5)]
    problem = LocalProblemFactory.create(title="x")
    target = problem_target(problem)

    first = recommend_partners(target, SearchOptions(limit=3))
    clear_index()
    again = recommend_partners(target, SearchOptions(limit=3))

    expected = [o.pk for o in created][:3]
    assert [r.organisation.pk for r in first.results] == expected
    assert [(r.organisation.pk, r.score) for r in again.results] == [
        (r.organisation.pk, r.score) for r in first.results
    ]


def test_limit() -> None:
    for i in range(12):
        org(f"O{i}")
    problem = LocalProblemFactory.create(title="x")

    assert len(recommend_partners(problem_target(problem)).results) == 10
    assert len(recommend_partners(problem_target(problem), SearchOptions(limit=4)).results) == 4


def _three_civil_one_public_one_private(places: Places, areas: Areas) -> Any:
    """Three civil organisations that fit well, a public and a private one that fit less."""
    for i in range(3):
        org(f"Civilna {i}", seat=places.postojna, areas=[areas.seniors])
    org("Javna", Sector.PUBLIC, seat=places.ljubljana)
    org("Zasebna", Sector.PRIVATE, seat=places.walim)
    problem = LocalProblemFactory.create(title="x", territory=places.postojna)
    problem.areas.set([areas.seniors])
    return problem


def test_a_balanced_shortlist_covers_the_three_sectors(places: Places, areas: Areas) -> None:
    problem = _three_civil_one_public_one_private(places, areas)
    target = problem_target(problem)

    top = recommend_partners(target, SearchOptions(limit=3))
    shortlist = balanced_shortlist(target, size=3)

    assert {r.organisation.sector for r in top.results} == {Sector.CIVIL}
    assert [r.organisation.name for r in shortlist.results] == ["Civilna 0", "Javna", "Zasebna"]
    assert shortlist.sectors == [Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL]
    assert shortlist.notes == []
    why = {r.organisation.name: r.why_chosen for r in shortlist.results}
    assert why["Zasebna"] == ("The best-ranked private-sector candidate: covers the private sector")


def test_a_larger_shortlist_fills_the_rest_by_score(places: Places, areas: Areas) -> None:
    problem = _three_civil_one_public_one_private(places, areas)

    shortlist = balanced_shortlist(problem_target(problem), size=4)

    assert [r.organisation.name for r in shortlist.results] == [
        "Civilna 0",
        "Civilna 1",
        "Javna",
        "Zasebna",
    ]
    assert shortlist.results[1].why_chosen == "Chosen for its score among the remaining candidates"


def test_a_short_shortlist_covers_the_sectors_the_members_lack_first(
    places: Places, areas: Areas
) -> None:
    """A partnership of one civil and one public member: with room for one, the private
    sector (missing) comes before the better-scoring civil and public candidates."""
    for i in range(2):
        org(f"Civilna {i}", areas=[areas.seniors])
        org(f"Javna {i}", Sector.PUBLIC, areas=[areas.seniors])
    org("Zasebna", Sector.PRIVATE)
    partnership = PartnershipFactory.create(areas=[areas.seniors])
    MembershipFactory.create(partnership=partnership, organisation=org("Član", Sector.CIVIL))
    MembershipFactory.create(partnership=partnership, organisation=org("Občina", Sector.PUBLIC))

    shortlist = balanced_shortlist(partnership_target(partnership), size=1)

    assert [r.organisation.name for r in shortlist.results] == ["Zasebna"]


def test_a_shortlist_says_which_sector_has_no_candidate(places: Places) -> None:
    org("Civilna")
    org("Javna", Sector.PUBLIC)
    problem = LocalProblemFactory.create(title="x")

    shortlist = balanced_shortlist(problem_target(problem), size=3)

    assert shortlist.sectors == [Sector.PUBLIC, Sector.CIVIL]
    assert shortlist.notes == ["No private-sector organisation matches this search."]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"weights": "thematic:0,territory:0,sector:0,track_record:0,network:0"}, "weights",
         "At least one weight must be above zero."),
        ({"weights": "territory:-1"}, "weights", "Weights cannot be negative (territory: -1)."),
        ({"weights": "fame:1"}, "weights",
         "Unknown score component “fame”: use thematic, territory, sector, track_record, "
         "network."),
        ({"weights": "thematic"}, "weights",
         "Give each weight as name:number, e.g. thematic:0.5 (not “thematic”)."),
        ({"weights": "thematic:nan"}, "weights", "The weight of thematic must be a number."),
        ({"territory": "XX:999"}, "territory", "No territorial unit matches “XX:999”."),
        ({"sector": "church"}, "sector", "Unknown sector “church”: use public, private, civil."),
        ({"radius": "galaxy"}, "radius",
         "Unknown radius “galaxy”: use municipality, county, region, country, any."),
        ({"limit": "0"}, "limit", "Give a whole number from 1 to 100."),
        ({"exclude_ids": "1,x"}, "exclude_ids",
         "Give up to 1000 organisation ids, whole numbers separated by commas."),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_clear_message(
    places: Places, params: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_search_options(params)

    assert raised.value.message_dict == {field: [message]}


def test_every_bad_parameter_is_reported_at_once(places: Places) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_search_options({"weights": "network:-2", "territory": "nowhere", "limit": "x"})

    assert set(raised.value.message_dict) == {"weights", "territory", "limit"}


def test_weights_are_normalised_and_unnamed_ones_keep_their_default() -> None:
    weights = Weights.parse("thematic:0.7,network:0")

    assert sum(weights.values.values()) == pytest.approx(1.0)
    # 0.7 + 0.25 + 0.15 + 0.15 + 0 = 1.25
    assert weights[Component.THEMATIC] == pytest.approx(0.7 / 1.25)
    assert weights[Component.TERRITORY] == pytest.approx(0.25 / 1.25)
    assert weights[Component.NETWORK] == 0.0


def test_a_radius_needs_a_territory() -> None:
    org("Nekdo")
    problem = LocalProblemFactory.create(title="x", territory=None)

    with pytest.raises(ValidationError) as raised:
        recommend_partners(problem_target(problem), SearchOptions(radius=Radius.REGION))

    assert raised.value.message_dict == {
        "radius": [
            "This problem has no territory: give one (territory) or search without a radius."
        ]
    }


def test_a_write_in_this_process_is_seen_by_the_next_search(places: Places) -> None:
    first = org("Prvo", seat=places.ljubljana)
    problem = LocalProblemFactory.create(title="x", territory=places.postojna)
    target = problem_target(problem)
    assert names(recommend_partners(target)) == ["Prvo"]

    org("Drugo", seat=places.postojna)
    update_organisation(first, seat=places.postojna)

    result = recommend_partners(target, SearchOptions(radius=Radius.MUNICIPALITY))
    assert sorted(names(result)) == ["Drugo", "Prvo"]


def test_rows_written_without_signals_are_seen_once_the_version_is_checked(
    settings: Any,
) -> None:
    """Another process's writes (here a bulk insert, which sends no signal) change the data
    version; with the refresh interval elapsed, the next search rebuilds the index."""
    org("Prvo")
    problem = LocalProblemFactory.create(title="x")
    target = problem_target(problem)
    built = get_index()
    Organisation.objects.bulk_create([Organisation(name="Drugo", sector=Sector.CIVIL)])

    settings.MATCHING_INDEX_REFRESH_SECONDS = 3600
    assert get_index() is built  # checked too recently: the same index
    settings.MATCHING_INDEX_REFRESH_SECONDS = 0
    assert sorted(names(recommend_partners(target))) == ["Drugo", "Prvo"]


def test_an_empty_registry_recommends_no_one() -> None:
    problem = LocalProblemFactory.create(title="Nikogar ni")
    target = problem_target(problem)

    result = recommend_partners(target)
    shortlist = balanced_shortlist(target)

    assert (result.results, result.candidates) == ([], 0)
    assert shortlist.results == []
    assert len(shortlist.notes) == 3
