"""``q`` in the API and the exports searches as the HTML lists do: diacritics folded."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from partnerhub.core.tests.factories import OrganisationFactory
from partnerhub.search.services import index_instance

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["lodz", "ŁÓDŹ", "lodzk"])
def test_q_finds_lodz_without_its_letters(anonymous: APIClient, query: str) -> None:
    lodz = OrganisationFactory.create(name="Fundacja Łódzka Inicjatywa")
    other = OrganisationFactory.create(name="Stowarzyszenie Wałbrzyskie")
    for organisation in (lodz, other):
        index_instance(organisation)

    rows = anonymous.get("/api/organisations/", {"q": query}).json()["results"]

    assert [row["id"] for row in rows] == [lodz.pk]


def test_the_export_of_a_search_holds_what_the_list_shows(anonymous: APIClient) -> None:
    walbrzych = OrganisationFactory.create(name="Stowarzyszenie Wałbrzyskie")
    index_instance(walbrzych)
    index_instance(OrganisationFactory.create(name="Fundacja Łódzka"))

    response = anonymous.get("/open-data/organisations.json", {"q": "walbrzyskie"})

    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "Wałbrzyskie" in body
    assert "Łódzka" not in body
