"""Best match first: levels of relevance, then names; on SQLite within a bound per level."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from partnerhub.core import ranking
from partnerhub.core.tests.factories import OrganisationFactory
from partnerhub.core.tests.pages import get, index, row_names, text
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

LIST = "/organisations/"


@pytest.fixture
def names() -> list[str]:
    # Created in this order, so ids grow down the list.
    made = [
        "Zielona Dolina",  # "dolina" is a whole word of the name: exact
        "Dolinaris Fundacja",  # a word of the name begins with "dolina": title
        "Fundacja Rozwoju",  # "dolina" only in the description: text
        "Dolina",  # exact
        "Dolinarium",  # title
    ]
    for name in made:
        description = "Dolina Baryczy i okolice." if name == "Fundacja Rozwoju" else ""
        OrganisationFactory.create(name=name, description=description)
    index(Organisation)
    return made


def test_whole_words_of_the_name_come_first_then_prefixes_then_the_rest(
    client: Client, names: list[str]
) -> None:
    assert row_names(get(client, LIST, q="dolina")) == [
        "Dolina",
        "Zielona Dolina",
        "Dolinaris Fundacja",
        "Dolinarium",
        "Fundacja Rozwoju",
    ]


def test_on_sqlite_each_level_ranks_its_first_records_by_id(
    client: Client, names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ranking.best_matches, "__defaults__", (2,))
    response = get(client, LIST, q="dolina")
    # Every match is still counted, and listed under another sort.
    assert "5 results" in text(response)
    assert len(row_names(get(client, LIST, q="dolina", sort="name"))) == 5
    if connection.vendor != "sqlite":
        assert len(row_names(response)) == 5  # PostgreSQL ranks every match
        return
    # The first two in id order of each level: of all matches "Zielona Dolina" and
    # "Dolinaris Fundacja", of the title prefixes the same, of the whole words "Zielona
    # Dolina" and "Dolina".
    assert row_names(response) == ["Dolina", "Zielona Dolina", "Dolinaris Fundacja"]
