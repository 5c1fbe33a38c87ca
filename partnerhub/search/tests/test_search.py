"""Searching: Polish and Slovenian letters, prefixes, ranking, visibility, hostile input.

Every test runs on SQLite and on PostgreSQL (``make test`` / ``make test-postgres``) with
fully determined expectations, so passing on both means both engines give the same hits
in the same order.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import models

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    EventFactory,
    LocalProblemFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ProjectFactory,
    TerritorialUnitFactory,
)
from partnerhub.search.choices import SearchKind
from partnerhub.search.selectors import MAX_RESULTS, SearchHit, search
from partnerhub.search.services import index_instance

pytestmark = pytest.mark.django_db

ORG, PROJECT, EVENT, PERSON = (
    SearchKind.ORGANISATION,
    SearchKind.PROJECT,
    SearchKind.EVENT,
    SearchKind.PERSON,
)


def indexed(record: models.Model) -> Any:
    index_instance(record)
    return record


def found(query: str, **options: Any) -> list[tuple[str, int]]:
    return [(hit.kind, hit.object_id) for hit in search(query, **options)]


@pytest.fixture
def places() -> dict[str, Any]:
    """Organisations named after places with letters NFKD does not decompose."""
    return {
        "walbrzych": indexed(OrganisationFactory.create(name="Gmina Wałbrzych")),
        "lodz": indexed(OrganisationFactory.create(name="Fundacja Łódź Kaliska")),
        "crnomelj": indexed(OrganisationFactory.create(name="Društvo Črnomelj", country="SI")),
        "other": indexed(OrganisationFactory.create(name="Stowarzyszenie Wolontariuszy")),
    }


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("walbrzych", "walbrzych"),
        ("Wałbrzych", "walbrzych"),
        ("WAŁB", "walbrzych"),
        ("wałb", "walbrzych"),
        ("lodz", "lodz"),
        ("ŁÓDŹ", "lodz"),
        ("łodz kal", "lodz"),
        ("crnomelj", "crnomelj"),
        ("Črnomelj", "crnomelj"),
        ("CRNO", "crnomelj"),
    ],
)
def test_letters_and_case_do_not_matter(places: dict[str, Any], query: str, place: str) -> None:
    assert found(query) == [(ORG, places[place].pk)]


def test_a_prefix_finds_every_word_it_begins(places: dict[str, Any]) -> None:
    # "wal" begins "walbrzych"; "wol" begins "wolontariuszy"; a prefix inside a word is no match.
    assert found("wal") == [(ORG, places["walbrzych"].pk)]
    assert found("wol") == [(ORG, places["other"].pk)]
    assert found("albrzych") == []


def test_every_term_must_match() -> None:
    both = indexed(OrganisationFactory.create(name="Fundacja Rozwoju Wałbrzycha"))
    indexed(OrganisationFactory.create(name="Fundacja Rozwoju Legnicy"))
    assert found("fundacja wałbrzych") == [(ORG, both.pk)]
    assert found("fundacja zakopane") == []


def test_a_term_may_match_in_the_title_and_another_in_the_text() -> None:
    org = indexed(
        OrganisationFactory.create(name="Forum Aktywności Lokalnej", description="Wałbrzych")
    )
    assert search("forum walbrzych") == [SearchHit(ORG, org.pk, title_match=False)]


def test_name_matches_come_before_text_matches() -> None:
    in_text = indexed(
        OrganisationFactory.create(name="Centrum Usług", description="Działamy w Wałbrzychu.")
    )
    in_name = indexed(OrganisationFactory.create(name="Wałbrzyskie Centrum Usług"))
    word = indexed(OrganisationFactory.create(name="Centrum Usług Wałbrzych"))
    assert search("walbrzy") == [
        SearchHit(ORG, in_name.pk, title_match=True),
        SearchHit(ORG, word.pk, title_match=True),
        SearchHit(ORG, in_text.pk, title_match=False),
    ]
    # A whole word of the name beats a word it only begins.
    assert found("walbrzych") == [(ORG, word.pk), (ORG, in_text.pk)]


def test_the_order_is_fully_determined() -> None:
    """Relevance, then kind (organisations first), then record id: the same on both engines."""
    event = indexed(EventFactory.create(title="Kuźnia w Postojnej"))
    first_org = indexed(OrganisationFactory.create(name="Kuźnia Ekspertów"))
    in_text = indexed(
        OrganisationFactory.create(name="Centrum Wsparcia", description="Prowadzi kuźnię.")
    )
    project = indexed(ProjectFactory.create(title="Kuźnie lokalne"))
    second_org = indexed(OrganisationFactory.create(name="Kuźnia"))
    problem = indexed(LocalProblemFactory.create(title="Zamknięta kuźnia", status="published"))
    partnership = indexed(PartnershipFactory.create(name="Partnerstwo", goal="Kuźnia talentów"))
    # Whole word of the name; then the text ("kuznie" is not "kuznia").
    assert found("kuznia") == [
        (ORG, first_org.pk),
        (ORG, second_org.pk),
        (EVENT, event.pk),
        (SearchKind.PROBLEM, problem.pk),
        (SearchKind.PARTNERSHIP, partnership.pk),
    ]
    # No whole word; beginnings of words of the name; then the text.
    assert found("kuzni") == [
        (ORG, first_org.pk),
        (ORG, second_org.pk),
        (PROJECT, project.pk),
        (EVENT, event.pk),
        (SearchKind.PROBLEM, problem.pk),
        (ORG, in_text.pk),
        (SearchKind.PARTNERSHIP, partnership.pk),
    ]


def test_only_public_records_unless_asked() -> None:
    public = indexed(ProjectFactory.create(title="Ekonomia społeczna"))
    internal = indexed(
        ProjectFactory.create(title="Ekonomia społeczna II", visibility=Visibility.INTERNAL)
    )
    person = indexed(PersonFactory.create(first_name="Ewa", last_name="Ekonomska"))
    assert found("ekonom") == [(PROJECT, public.pk)]
    assert found("ekonom", public_only=False) == [
        (PROJECT, public.pk),
        (PROJECT, internal.pk),
        (PERSON, person.pk),
    ]


def test_problems_are_public_once_published() -> None:
    submitted = indexed(LocalProblemFactory.create(title="Brak autobusu"))
    published = indexed(LocalProblemFactory.create(title="Brak chodnika", status="published"))
    assert found("brak") == [(SearchKind.PROBLEM, published.pk)]
    assert len(found("brak", public_only=False)) == 2
    submitted.status = "published"
    submitted.save()
    index_instance(submitted)
    assert len(found("brak")) == 2


def test_personal_data_is_not_searchable() -> None:
    indexed(
        PersonFactory.create(
            first_name="Anna", last_name="Nowak", email="anna.prywatna@example.org"
        )
    )
    assert found("nowak", public_only=False) != []
    assert found("prywatna", public_only=False) == []


def test_kinds_and_territory_narrow_the_hits() -> None:
    county = TerritorialUnitFactory.create(code="0221", level="county", name="Powiat")
    inside = TerritorialUnitFactory.create(code="0221011", parent=county, name="Boguszów-Gorce")
    outside = TerritorialUnitFactory.create(code="0221111", name="Gmina Daleka")
    org_inside = indexed(OrganisationFactory.create(name="Klub Seniora", seat=inside))
    org_outside = indexed(OrganisationFactory.create(name="Klub Malucha", seat=outside))
    event = indexed(EventFactory.create(title="Klub dyskusyjny", territory=county))
    problem = indexed(LocalProblemFactory.create(title="Klub zamknięty", status="published"))
    assert found("klub", kinds=[EVENT, ORG]) == [
        (ORG, org_inside.pk),
        (ORG, org_outside.pk),
        (EVENT, event.pk),
    ]
    assert found("klub", kinds=[SearchKind.PROBLEM, ORG]) == [
        (ORG, org_inside.pk),
        (ORG, org_outside.pk),
        (SearchKind.PROBLEM, problem.pk),
    ]
    assert found("klub", kinds=[]) == []
    assert found("klub", territory=county) == [(ORG, org_inside.pk), (EVENT, event.pk)]
    assert found("klub", territory=inside.path) == [(ORG, org_inside.pk)]
    # The unit's name is part of the text: "Boguszów" finds what is placed there.
    assert found("boguszow") == [(ORG, org_inside.pk)]


def test_registry_ids_are_found_however_they_are_written() -> None:
    org = indexed(OrganisationFactory.create(name="Spółdzielnia", nip="5252248481"))
    assert found("5252248481") == [(ORG, org.pk)]
    assert found("PL 525-224-84-81") == [(ORG, org.pk)]
    assert found("525-224-84") == [(ORG, org.pk)]  # typing in progress
    assert found("525 224") == []  # two groups of digits are two words, and "224" begins none


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', []),
        ('"walbrzych', ["walbrzych"]),
        ("*", []),
        ("wal*", ["walbrzych"]),
        ("-walbrzych", ["walbrzych"]),
        ("walbrzych:", ["walbrzych"]),
        ("gmina:walbrzych", ["walbrzych"]),
        ("(walbrzych", ["walbrzych"]),
        ("walbrzych)", ["walbrzych"]),
        ("^gmina", ["walbrzych"]),
        ("%_%", []),
        ("\\", []),
        ("\x00", []),
        # Operator words are words: a record must have a word they begin.
        ("title: walbrzych", []),
        ("{title}: walbrzych", []),
        ("NEAR(walbrzych gmina)", []),
        ("walbrzych AND gmina", []),
        ("walbrzych OR lodz", []),
        ("NOT walbrzych", []),
        ("walbrzych & gmina | !lodz <-> x", []),
        ("'; DROP TABLE search_searchentry; --", []),
        ("a" * 5000, []),
        ("ł" * 300, []),
    ],
)
def test_query_syntax_is_plain_text(
    places: dict[str, Any], query: str, expected: list[str]
) -> None:
    assert found(query) == [(ORG, places[name].pk) for name in expected]


def test_paging_is_capped() -> None:
    for n in range(12):
        indexed(OrganisationFactory.create(name=f"Koło Gospodyń Wiejskich {n}"))
    every = found("kolo", limit=100)
    assert len(every) == 12
    assert found("kolo", limit=5, offset=5) == every[5:10]
    assert found("kolo", limit=5, offset=10) == every[10:]
    assert found("kolo", limit=5, offset=MAX_RESULTS) == []
    assert found("kolo", limit=0) == []
    assert found("kolo", offset=-1) == []
    assert found("") == []


def test_one_query_whatever_is_asked(
    places: dict[str, Any], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        search("wal")
    with django_assert_num_queries(1):
        search("fundacja łódź", kinds=[ORG, PERSON, EVENT], public_only=False, limit=500)
    with django_assert_num_queries(1):
        search("gmina", territory="PL/02", offset=20)
