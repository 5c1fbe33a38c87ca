"""The public list of partnerships and a partnership's page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import (
    EventFactory,
    GoalFactory,
    IndicatorFactory,
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ProjectFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import LANGUAGES, get, htmx_get, index, row_names, text
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

LIST = "/partnerships/"


def detail(partnership: Partnership, language: str = "en") -> str:
    with translation.override(language):
        return reverse("partnerships:partnership-detail", args=[partnership.pk])


@pytest.fixture
def pilot() -> dict[str, Any]:
    """A three-sector pilot in Postojna, a two-sector cluster and an internal group."""
    municipality = OrganisationFactory.create(name="Občina Postojna", sector=Sector.PUBLIC)
    firm = OrganisationFactory.create(name="Podjetje d.o.o.", sector=Sector.PRIVATE)
    ngo = OrganisationFactory.create(name="Društvo Postojna")
    hub = OrganisationFactory.create(name="Regionalno stičišče", is_hub=True)
    pilot = PartnershipFactory.create(
        name="Pilotno lokalno partnerstvo Postojna", hub=hub, stage=Stage.IMPLEMENTING
    )
    MembershipFactory.create(partnership=pilot, organisation=municipality)
    MembershipFactory.create(partnership=pilot, organisation=firm)
    MembershipFactory.create(partnership=pilot, organisation=ngo, role=MemberRole.LEADER)
    MembershipFactory.create(
        partnership=pilot, organisation=None, person=PersonFactory.create(first_name="Marta")
    )
    cluster = PartnershipFactory.create(name="Klaster Polski Radon", kind=PartnershipKind.CLUSTER)
    MembershipFactory.create(partnership=cluster, organisation=firm)
    MembershipFactory.create(partnership=cluster, organisation=ngo)
    internal = PartnershipFactory.create(
        name="Delovna skupina (interna)", visibility=Visibility.INTERNAL
    )
    index(Partnership)
    return {"pilot": pilot, "cluster": cluster, "internal": internal, "hub": hub}


def test_the_list_shows_published_partnerships_with_their_balance(
    client: Client, pilot: dict[str, Any]
) -> None:
    response = get(client, LIST)
    assert row_names(response) == ["Klaster Polski Radon", "Pilotno lokalno partnerstvo Postojna"]
    page = text(response)
    assert "All three sectors" in page and "2 of 3 sectors" in page


def test_filters_by_kind_stage_and_sectors_present(client: Client, pilot: dict[str, Any]) -> None:
    assert row_names(get(client, LIST, kind="cluster")) == ["Klaster Polski Radon"]
    assert row_names(get(client, LIST, stage="implementing")) == [
        "Pilotno lokalno partnerstvo Postojna"
    ]
    three = get(client, LIST, sector=["public", "private", "civil"])
    assert row_names(three) == ["Pilotno lokalno partnerstvo Postojna"]
    # Sectors combine with AND: their counts are within the selection.
    facets = get(client, LIST, sector=["public", "private", "civil"], facets="only")
    assert "Public sector 1 " in text(facets)
    assert row_names(get(client, LIST, sector="private")) == [
        "Klaster Polski Radon",
        "Pilotno lokalno partnerstvo Postojna",
    ]


def test_search_and_htmx(client: Client, pilot: dict[str, Any]) -> None:
    assert row_names(get(client, LIST, q="postojna")) == ["Pilotno lokalno partnerstvo Postojna"]
    partial = htmx_get(client, LIST, q="radon")
    assert "<html" not in partial.content.decode()
    assert row_names(partial) == ["Klaster Polski Radon"]


def test_an_internal_partnership_is_hidden_from_the_public_and_plain_users(
    client: Client, pilot: dict[str, Any]
) -> None:
    internal = pilot["internal"]
    assert "Delovna skupina" not in text(get(client, LIST))
    assert client.get(detail(internal)).status_code == 404
    client.force_login(UserFactory.create())
    assert "Delovna skupina" not in text(get(client, LIST))
    assert client.get(detail(internal)).status_code == 404


def test_an_internal_partnership_shows_to_its_coordinator(
    client: Client, pilot: dict[str, Any]
) -> None:
    coordinator = UserFactory.create()
    grant_role(coordinator, Role.COORDINATOR, partnership=pilot["internal"])
    client.force_login(coordinator)
    assert "Delovna skupina (interna)" in row_names(get(client, LIST))
    page = text(get(client, detail(pilot["internal"])))
    assert "Delovna skupina (interna)" in page and "Internal: not published" in page


def test_the_page_groups_members_by_sector_and_shows_the_balance(
    client: Client, pilot: dict[str, Any]
) -> None:
    page = text(get(client, detail(pilot["pilot"])))
    assert "All three sectors" in page
    public = page.split("Public sector (1)", 1)[1]
    assert public.index("Občina Postojna") < public.index("Private sector (1)")
    assert "Društvo Postojna — Leader / coordinator" in page
    assert "Regionalno stičišče" in page  # the facilitating hub
    # People are personal data: the public sees that there is one, not who.
    assert "Marta" not in page
    assert "1 individual member is not listed" in page


def test_a_missing_sector_is_pointed_out(client: Client, pilot: dict[str, Any]) -> None:
    page = text(get(client, detail(pilot["cluster"])))
    assert "2 of 3 sectors" in page
    assert "Missing: Public sector" in page


def test_people_show_to_whoever_may_read_the_internal_pages(
    client: Client, pilot: dict[str, Any]
) -> None:
    coordinator = UserFactory.create()
    grant_role(coordinator, Role.COORDINATOR, partnership=pilot["pilot"])
    client.force_login(coordinator)
    page = text(get(client, detail(pilot["pilot"])))
    assert "Individuals (1)" in page and "Marta" in page


def test_the_page_shows_lineage_problems_projects_events_results(
    client: Client, pilot: dict[str, Any]
) -> None:
    muflon = PartnershipFactory.create(
        name="Partnerstwo Muflon", start=datetime.date(2006, 1, 1), end=datetime.date(2010, 12, 31)
    )
    owes = PartnershipFactory.create(name="Sieć OWES")
    owes.grew_out_of.add(muflon)
    problem = LocalProblemFactory.create(title="Brak spółdzielni", status=ProblemStatus.PUBLISHED)
    hidden_problem = LocalProblemFactory.create(title="Zgłoszony problem")
    owes.problems.add(problem, hidden_problem)
    ProjectFactory.create(title="Projekt OWES", partnership=owes)
    EventFactory.create(title="Seminarium OWES", partnership=owes)
    IndicatorFactory.create(
        project=None, partnership=owes, name="Nowe organizacje", target=20, achieved=10
    )
    GoalFactory.create(partnership=owes, title="Sześć partnerstw lokalnych")

    owes_page = text(get(client, detail(owes)))
    assert "Grew out of Partnerstwo Muflon" in owes_page
    assert "Brak spółdzielni" in owes_page and "Zgłoszony problem" not in owes_page
    for shown in ("Projekt OWES", "Seminarium OWES", "Nowe organizacje", "Sześć partnerstw"):
        assert shown in owes_page
    assert "50 %" in owes_page
    assert "<meter" in get(client, detail(owes)).content.decode()
    assert "Gave rise to Sieć OWES" in text(get(client, detail(muflon)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_render_in_every_language(
    client: Client, pilot: dict[str, Any], language: str
) -> None:
    prefix = "" if language == "en" else f"/{language}"
    for url in (prefix + LIST, detail(pilot["pilot"], language)):
        assert f'<html lang="{language}">' in get(client, url).content.decode()


@pytest.mark.parametrize("rows", [10, 60])
def test_the_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    for partnership in PartnershipFactory.create_batch(rows):
        MembershipFactory.create(partnership=partnership)
    # count, page, its memberships, the territory regions; then 4 facets, the areas' terms
    with django_assert_num_queries(4):
        get(client, LIST)
    with django_assert_num_queries(5):
        get(client, LIST, facets="only")
    with django_assert_num_queries(9):
        get(client, LIST, facets="all")


@pytest.mark.parametrize("members", [1, 12])
def test_a_partnership_page_costs_the_same_queries_for_any_number_of_members(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, members: int
) -> None:
    partnership = PartnershipFactory.create()
    for _ in range(members):
        MembershipFactory.create(partnership=partnership)
        ProjectFactory.create(partnership=partnership)
        EventFactory.create(partnership=partnership)
    # partnership, areas, memberships, lineage both ways, problems, programmes,
    # projects, events, indicators, goals, stage history
    with django_assert_num_queries(12):
        get(client, detail(partnership))


def test_the_list_warns_when_one_sector_dominates(client: Client, db: None) -> None:
    """The balance check in the list: three civil members of four is more than 60 %."""
    partnership = PartnershipFactory.create(name="Sieć Organizacji")
    for sector in ("civil", "civil", "civil", "public"):
        MembershipFactory.create(
            partnership=partnership, organisation=OrganisationFactory.create(sector=sector)
        )
    balanced = PartnershipFactory.create(name="Partnerstwo Trzech Sektorów")
    for sector in ("civil", "public", "private"):
        MembershipFactory.create(
            partnership=balanced, organisation=OrganisationFactory.create(sector=sector)
        )

    page = text(get(client, LIST))

    assert "The civil sector holds 75% of the member organisations" in page
    assert page.count("holds") == 1
