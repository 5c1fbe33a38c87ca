"""The public list of organisations and an organisation's page."""

from __future__ import annotations

import datetime
import json
import re
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import (
    EventFactory,
    GoalFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TerritorialUnitFactory,
    ThematicAreaFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import (
    LANGUAGES,
    get,
    htmx_get,
    index,
    next_link,
    previous_link,
    row_names,
    text,
)
from partnerhub.partnerships.choices import MemberRole
from partnerhub.projects.choices import PartnerRole
from partnerhub.registry.choices import LegalForm
from partnerhub.registry.models import Organisation
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

pytestmark = pytest.mark.django_db

LIST = "/organisations/"


def detail(organisation: Organisation, language: str = "en") -> str:
    with translation.override(language):
        return reverse("registry:organisation-detail", args=[organisation.pk])


@pytest.fixture
def places() -> dict[str, TerritorialUnit]:
    """Poland › Dolnośląskie › Wałbrzych (city county) › Wałbrzych, and Slovenia's Postojna."""
    poland = TerritorialUnitFactory.create(
        country="PL", level=Level.COUNTRY, code="PL", name="Polska"
    )
    lower_silesia = TerritorialUnitFactory.create(
        level=Level.VOIVODESHIP, code="02", name="dolnośląskie", parent=poland
    )
    county = TerritorialUnitFactory.create(
        level=Level.COUNTY, code="0265", name="Wałbrzych (county)", parent=lower_silesia
    )
    walbrzych = TerritorialUnitFactory.create(
        level=Level.MUNICIPALITY, code="0265011", name="Wałbrzych", parent=county
    )
    slovenia = TerritorialUnitFactory.create(
        country="SI", level=Level.COUNTRY, code="SI", name="Slovenija"
    )
    region = TerritorialUnitFactory.create(
        country="SI",
        level=Level.STATISTICAL_REGION,
        code="SI038",
        name="Primorsko-notranjska",
        parent=slovenia,
    )
    postojna = TerritorialUnitFactory.create(
        country="SI", level=Level.MUNICIPALITY, code="094", name="Postojna", parent=region
    )
    return {
        "lower_silesia": lower_silesia,
        "county": county,
        "walbrzych": walbrzych,
        "postojna": postojna,
    }


@pytest.fixture
def directory(places: dict[str, TerritorialUnit]) -> dict[str, Organisation]:
    social = ThematicAreaFactory.create(code="test-social", name_en="Social economy")
    made = {
        "fal": OrganisationFactory.create(
            name="Forum Aktywności Lokalnej", seat=places["walbrzych"], areas=[social]
        ),
        "city": OrganisationFactory.create(
            name="Gmina Wałbrzych",
            sector=Sector.PUBLIC,
            legal_form=LegalForm.MUNICIPALITY,
            seat=places["walbrzych"],
        ),
        "firm": OrganisationFactory.create(
            name="Uzdrowisko Sp. z o.o.",
            sector=Sector.PRIVATE,
            legal_form=LegalForm.LIMITED_COMPANY,
        ),
        "hub": OrganisationFactory.create(
            name="Regionalno stičišče NVO", country="SI", seat=places["postojna"], is_hub=True
        ),
    }
    index(Organisation)
    return made


def test_the_list_shows_organisations_with_their_seat_and_area(
    client: Client, directory: dict[str, Organisation]
) -> None:
    response = get(client, LIST)
    assert row_names(response) == [
        "Forum Aktywności Lokalnej",
        "Gmina Wałbrzych",
        "Regionalno stičišče NVO",
        "Uzdrowisko Sp. z o.o.",
    ]
    page = text(response)
    assert "4 results" in page
    assert "Social economy" in page and "Wałbrzych" in page
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_and_a_page_render_in_every_language(
    client: Client, directory: dict[str, Organisation], language: str
) -> None:
    with translation.override(language):
        list_url = reverse("registry:organisation-list")
    for url in (list_url, detail(directory["fal"], language)):
        response = get(client, url)
        assert f'<html lang="{language}">' in response.content.decode()


def test_filters_combine_and_show_counts(
    client: Client, directory: dict[str, Organisation]
) -> None:
    response = get(client, LIST, sector=["civil", "public"])
    assert row_names(response) == [
        "Forum Aktywności Lokalnej",
        "Gmina Wałbrzych",
        "Regionalno stičišče NVO",
    ]
    # The page shows its results first and loads the facets from the same address.
    html = response.content.decode()
    assert 'id="f-sector-private"' not in html
    assert 'hx-get="/organisations/?sector=civil&amp;sector=public&amp;facets=only"' in html
    assert 'hx-trigger="load"' in html
    # Sector counts leave the sector choice out: the private firm is still counted.
    facets = get(client, LIST, sector=["civil", "public"], facets="only")
    assert "<html" not in facets.content.decode()
    assert 'id="f-sector-private"' in facets.content.decode()
    assert "Private sector 1 " in text(facets)
    assert 'value="civil" checked' in facets.content.decode()
    # Without JavaScript the page links to itself with the facets counted in place, and
    # its form keeps asking for them.
    assert 'href="/organisations/?sector=civil&amp;sector=public&amp;facets=all"' in html
    inline = get(client, LIST, sector=["civil", "public"], facets="all")
    assert row_names(inline) == row_names(response)
    assert "Private sector 1 " in text(inline)
    assert '<input type="hidden" name="facets" value="all">' in inline.content.decode()

    combined = get(client, LIST, sector="civil", legal_form="municipality")
    assert row_names(combined) == []
    assert "Nothing matches" in text(combined)


def test_territory_finds_organisations_at_any_level_below(
    client: Client, directory: dict[str, Organisation], places: dict[str, TerritorialUnit]
) -> None:
    expected = ["Forum Aktywności Lokalnej", "Gmina Wałbrzych"]
    assert row_names(get(client, LIST, territory="PL:02")) == expected
    assert row_names(get(client, LIST, territory="PL:0265")) == expected
    assert row_names(get(client, LIST, territory="SI:094")) == ["Regionalno stičišče NVO"]
    # The drill-down offers what lies within the chosen unit.
    html = get(client, LIST, territory="PL:02").content.decode()
    assert '<option value="PL:0265">Wałbrzych (county)</option>' in html
    assert '<option value="PL:02" selected>dolnośląskie</option>' in html


def test_search_ignores_diacritics_and_finds_organisations_by_their_seat(
    client: Client, directory: dict[str, Organisation]
) -> None:
    response = get(client, LIST, q="walbrzych")
    # "Gmina Wałbrzych" has the word in its name, FAL only in its seat: names first.
    assert row_names(response) == ["Gmina Wałbrzych", "Forum Aktywności Lokalnej"]
    assert "Best match" in text(response)
    assert row_names(get(client, LIST, q="walbrzych", sector="public")) == ["Gmina Wałbrzych"]


def test_a_query_without_words_lists_everything(
    client: Client, directory: dict[str, Organisation]
) -> None:
    assert len(row_names(get(client, LIST, q=" *:- "))) == 4


def test_sorting(client: Client, directory: dict[str, Organisation]) -> None:
    names = row_names(get(client, LIST, sort="-name"))
    assert names == sorted(names, reverse=True)
    assert 'name="sort" value="-name"' in get(client, LIST, sort="-name").content.decode()


def test_pages_follow_a_cursor_both_ways(client: Client, db: None) -> None:
    OrganisationFactory.create_batch(30)
    first = get(client, LIST)
    assert len(row_names(first)) == 25
    assert previous_link(first) is None
    link = next_link(first)
    assert link is not None and "cursor=" in link
    second = client.get(LIST + link)
    assert len(row_names(second)) == 5
    assert set(row_names(second)).isdisjoint(row_names(first))
    assert next_link(second) is None
    back = previous_link(second)
    assert back is not None
    assert row_names(client.get(LIST + back)) == row_names(first)


def test_a_broken_cursor_shows_the_first_page(
    client: Client, directory: dict[str, Organisation]
) -> None:
    assert len(row_names(get(client, LIST, cursor="not-a-cursor"))) == 4


def test_htmx_gets_the_results_and_the_facets_only(
    client: Client, directory: dict[str, Organisation]
) -> None:
    partial = htmx_get(client, LIST, sector="private")
    html = partial.content.decode()
    assert "<html" not in html
    assert row_names(partial) == ["Uzdrowisko Sp. z o.o."]
    assert '<div id="facets" class="facets" hx-swap-oob="true">' in html
    assert 'hx-get="/organisations/?sector=private&amp;facets=only"' in html
    assert "HX-Request" in partial["Vary"]
    # Without JavaScript the same address answers the whole page.
    full = get(client, LIST, sector="private").content.decode()
    assert "<html" in full and 'hx-get="/organisations/"' in full and 'hx-push-url="true"' in full


def test_export_links_point_to_open_data(
    client: Client, directory: dict[str, Organisation]
) -> None:
    html = get(client, LIST).content.decode()
    for export_format in ("csv", "xlsx", "json"):
        assert f'href="/open-data/organisations.{export_format}"' in html


def test_the_download_holds_what_the_filtered_list_shows(
    client: Client, directory: dict[str, Organisation]
) -> None:
    """The export links carry the list's filters (not its sort or page) to /open-data/."""
    response = get(client, LIST, sector="civil", territory="PL:02", q="forum", sort="name")
    found = re.search(r'href="(/open-data/organisations\.json[^"]*)"', response.content.decode())
    assert found is not None
    link = unescape(found.group(1))
    assert "sort=" not in link

    download = client.get(link)

    assert download.status_code == 200
    names = [row["name"] for row in json.loads(b"".join(download.streaming_content))]  # type: ignore[attr-defined]
    assert names == row_names(response) == ["Forum Aktywności Lokalnej"]


@pytest.mark.parametrize("rows", [10, 60])
def test_the_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    areas = ThematicAreaFactory.create_batch(2)
    OrganisationFactory.create_batch(rows, seat=TerritorialUnitFactory.create(), areas=areas)
    index(Organisation)
    # count, page, its areas, the territory regions; then 3 facets, the areas' terms
    with django_assert_num_queries(4):
        get(client, LIST)
    with django_assert_num_queries(4):
        get(client, LIST, sector="civil", q="stowarzyszenie")
    with django_assert_num_queries(4):
        get(client, LIST, sector="civil", q="stowarzyszenie", facets="only")
    with django_assert_num_queries(8):
        get(client, LIST, sector="civil", q="stowarzyszenie", facets="all")


# --- an organisation's page --------------------------------------------------------------


@pytest.fixture
def portfolio(directory: dict[str, Organisation]) -> dict[str, Any]:
    """FAL's portfolio in small: what it leads, belongs to, runs projects in, organises."""
    fal = directory["fal"]
    muflon = PartnershipFactory.create(name="Partnerstwo Muflon")
    owes = PartnershipFactory.create(name="Sieć OWES")
    owes.grew_out_of.add(muflon)
    sudety = PartnershipFactory.create(name="Partnerstwo Subregionu Sudety")
    hidden = PartnershipFactory.create(
        name="Internal working group", visibility=Visibility.INTERNAL
    )
    MembershipFactory.create(partnership=muflon, organisation=fal, role=MemberRole.PARTNER)
    MembershipFactory.create(partnership=owes, organisation=fal, role=MemberRole.LEADER)
    MembershipFactory.create(partnership=sudety, organisation=fal, role=MemberRole.PARTNER)
    MembershipFactory.create(partnership=hidden, organisation=fal, role=MemberRole.LEADER)
    led = ProjectFactory.create(title="Klaster Polski Radon", lead_organisation=fal)
    partnered = ProjectFactory.create(title="Wspólny projekt EQUAL")
    ProjectPartnerFactory.create(project=partnered, organisation=fal, role=PartnerRole.PARTNER)
    EventFactory.create(title="Seminarium o partnerstwie", start=datetime.date(2014, 9, 1))
    event = EventFactory.create(title="Warsztat OWES", start=datetime.date(2015, 3, 1))
    event.organisers.add(fal)
    GoalFactory.create(partnership=None, organisation=fal, title="Sześć partnerstw lokalnych")
    return {"fal": fal, "hidden": hidden, "led": led, "partnered": partnered}


def test_an_organisation_page_shows_its_whole_portfolio(
    client: Client, portfolio: dict[str, Any]
) -> None:
    page = text(get(client, detail(portfolio["fal"])))
    assert "Forum Aktywności Lokalnej" in page
    assert "Polska › dolnośląskie › Wałbrzych (county) › Wałbrzych" in page
    leads = page.split("Partnerships it leads or coordinates", 1)[1].split(
        "Partnerships it belongs to"
    )[0]
    assert "Sieć OWES" in leads and "Partnerstwo Muflon" not in leads
    member_of = page.split("Partnerships it belongs to", 1)[1]
    assert "Partnerstwo Muflon" in member_of and "Partnerstwo Subregionu Sudety" in member_of
    assert "Klaster Polski Radon" in page.split("Projects it leads", 1)[1]
    assert "Wspólny projekt EQUAL" in page.split("Projects it takes part in", 1)[1]
    assert "Warsztat OWES" in page and "Seminarium o partnerstwie" not in page
    assert "Sześć partnerstw lokalnych" in page
    # Internal records stay out of the public page.
    assert "Internal working group" not in page


def test_internal_partnerships_show_to_their_coordinator(
    client: Client, portfolio: dict[str, Any]
) -> None:
    coordinator = UserFactory.create()
    grant_role(coordinator, Role.COORDINATOR, partnership=portfolio["hidden"])
    client.force_login(coordinator)
    page = text(get(client, detail(portfolio["fal"])))
    assert "Internal working group" in page


def test_an_unknown_organisation_is_not_found(client: Client, db: None) -> None:
    assert client.get("/organisations/999/").status_code == 404


@pytest.mark.parametrize("size", [1, 8])
def test_an_organisation_page_costs_the_same_queries_for_any_portfolio(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, size: int
) -> None:
    organisation = OrganisationFactory.create(seat=TerritorialUnitFactory.create())
    for _ in range(size):
        MembershipFactory.create(organisation=organisation)
        ProjectFactory.create(lead_organisation=organisation)
        ProjectPartnerFactory.create(organisation=organisation)
        EventFactory.create().organisers.add(organisation)
    # organisation, areas, seat's ancestors, memberships, hub of, led, partnered, events,
    # their attendance, goals
    with django_assert_num_queries(10):
        get(client, detail(organisation))
