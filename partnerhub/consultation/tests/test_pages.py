"""The public list of local problems and a problem's page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    OrganisationFactory,
    PartnershipFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import LANGUAGES, get, htmx_get, index, row_names, text

pytestmark = pytest.mark.django_db

LIST = "/problems/"


def detail(problem: LocalProblem, language: str = "en") -> str:
    with translation.override(language):
        return reverse("consultation:problem-detail", args=[problem.pk])


@pytest.fixture
def problems() -> dict[str, Any]:
    ngo = OrganisationFactory.create(name="Društvo Postojna")
    transport = LocalProblemFactory.create(
        title="Ni javnega prevoza do vasi",
        status=ProblemStatus.PUBLISHED,
        raised_by_organisation=ngo,
    )
    PartnershipFactory.create(name="Pilotno partnerstvo").problems.add(transport)
    addressed = LocalProblemFactory.create(title="Brak żłobka", status=ProblemStatus.ADDRESSED)
    submitter = UserFactory.create()
    submitted = LocalProblemFactory.create(
        title="Zgłoszenie czeka na moderację", submitted_by=submitter
    )
    index(LocalProblem)
    return {
        "transport": transport,
        "addressed": addressed,
        "submitted": submitted,
        "submitter": submitter,
    }


def test_the_list_shows_public_problems_and_filters_them(
    client: Client, problems: dict[str, Any]
) -> None:
    assert sorted(row_names(get(client, LIST))) == ["Brak żłobka", "Ni javnega prevoza do vasi"]
    assert row_names(get(client, LIST, status="addressed")) == ["Brak żłobka"]
    assert row_names(get(client, LIST, q="prevoza")) == ["Ni javnega prevoza do vasi"]
    assert row_names(htmx_get(client, LIST, q="zlobka")) == ["Brak żłobka"]


def test_the_page_shows_who_raised_it_and_who_takes_it_on(
    client: Client, problems: dict[str, Any]
) -> None:
    page = text(get(client, detail(problems["transport"])))
    assert "Društvo Postojna" in page and "Pilotno partnerstvo" in page


def test_a_problem_waiting_for_review_shows_only_to_whoever_submitted_it(
    client: Client, problems: dict[str, Any]
) -> None:
    submitted = problems["submitted"]
    assert client.get(detail(submitted)).status_code == 404
    client.force_login(UserFactory.create())
    assert client.get(detail(submitted)).status_code == 404
    client.force_login(problems["submitter"])
    assert "Zgłoszenie czeka na moderację" in text(get(client, detail(submitted)))
    assert "Zgłoszenie czeka na moderację" in row_names(get(client, LIST))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_render_in_every_language(
    client: Client, problems: dict[str, Any], language: str
) -> None:
    prefix = "" if language == "en" else f"/{language}"
    for address in (prefix + LIST, detail(problems["transport"], language)):
        assert f'<html lang="{language}">' in get(client, address).content.decode()


@pytest.mark.parametrize("rows", [10, 60])
def test_the_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    organisation = OrganisationFactory.create()
    LocalProblemFactory.create_batch(
        rows, status=ProblemStatus.PUBLISHED, raised_by_organisation=organisation
    )
    # count, page, the territory regions; the facets come in a second request
    with django_assert_num_queries(3):
        get(client, LIST)
    # 2 facets, the areas' terms
    with django_assert_num_queries(3):
        get(client, LIST, facets="only")
    with django_assert_num_queries(6):
        get(client, LIST, facets="all")


@pytest.mark.parametrize("partnerships", [1, 10])
def test_a_problem_page_costs_the_same_queries(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, partnerships: int
) -> None:
    problem = LocalProblemFactory.create(status=ProblemStatus.PUBLISHED)
    for partnership in PartnershipFactory.create_batch(partnerships):
        partnership.problems.add(problem)
    # the problem, its areas, the partnerships, its evidence links, its backers
    with django_assert_num_queries(5):
        get(client, detail(problem))
