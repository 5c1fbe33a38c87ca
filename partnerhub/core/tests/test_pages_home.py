"""The home page: what the directory holds, a search across every kind, what is new."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ProjectFactory,
    TerritorialUnitFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import LANGUAGES, get, index, text
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Project
from partnerhub.registry.models import Organisation, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def walbrzych() -> dict[str, Any]:
    city = TerritorialUnitFactory.create(name="Wałbrzych")
    made = {
        "ngo": OrganisationFactory.create(name="Fundacja Wałbrzych Razem"),
        "seated": OrganisationFactory.create(name="Stowarzyszenie Sudety", seat=city),
        "partnership": PartnershipFactory.create(name="Partnerstwo Wałbrzych", territory=city),
        "internal": PartnershipFactory.create(
            name="Wałbrzych — grupa robocza", visibility=Visibility.INTERNAL
        ),
        "project": ProjectFactory.create(title="Projekt OWES Wałbrzych"),
        "person": PersonFactory.create(first_name="Jan", last_name="Wałbrzyski"),
    }
    index(Organisation, Partnership, Project, Person)
    return made


def test_the_home_page_says_what_is_on_record(client: Client, walbrzych: dict[str, Any]) -> None:
    page = text(get(client, "/"))
    assert "What is on record" in page
    assert "2 Organisations" in page and "1 Partnerships" in page and "1 Projects" in page
    latest = page.split("Latest partnerships", 1)[1]
    assert "Partnerstwo Wałbrzych" in latest and "grupa robocza" not in latest
    assert "Projekt OWES Wałbrzych" in page.split("Latest projects", 1)[1]


def test_the_search_box_finds_every_kind_without_diacritics(
    client: Client, walbrzych: dict[str, Any]
) -> None:
    page = text(get(client, "/", q="walbrzych"))
    results = page.split("Results for", 1)[1].split("What is on record", 1)[0]
    for found in (
        "Fundacja Wałbrzych Razem",
        "Stowarzyszenie Sudety",  # seated in Wałbrzych
        "Partnerstwo Wałbrzych",
        "Projekt OWES Wałbrzych",
    ):
        assert found in results
    # Internal records and people never show to the public.
    assert "grupa robocza" not in results and "Wałbrzyski" not in results
    assert 'href="/organisations/?q=walbrzych"' in get(client, "/", q="walbrzych").content.decode()


def test_the_search_shows_internal_records_to_those_involved(
    client: Client, walbrzych: dict[str, Any]
) -> None:
    coordinator = UserFactory.create()
    grant_role(coordinator, Role.COORDINATOR, partnership=walbrzych["internal"])
    client.force_login(coordinator)
    assert "Wałbrzych — grupa robocza" in text(get(client, "/", q="walbrzych"))


def test_a_search_without_matches_says_so(client: Client, walbrzych: dict[str, Any]) -> None:
    assert "Nothing found" in text(get(client, "/", q="zzzz"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_renders_in_every_language(client: Client, language: str) -> None:
    address = "/" if language == "en" else f"/{language}/"
    assert f'<html lang="{language}">' in get(client, address).content.decode()


@pytest.mark.parametrize("rows", [1, 8])
def test_the_home_page_costs_the_same_queries_for_any_number_of_records(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    PartnershipFactory.create_batch(rows, name="Partnerstwo Sudety")
    OrganisationFactory.create_batch(rows, name="Fundacja Sudety")
    index(Organisation, Partnership)
    # five counts, the latest partnerships and projects
    with django_assert_num_queries(7):
        get(client, "/")
    # and per kind searched (six): the search, and the records of the kinds found (two)
    with django_assert_num_queries(7 + 6 + 2):
        get(client, "/", q="sudety")
