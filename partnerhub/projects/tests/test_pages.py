"""The public lists of projects and programmes, the project card and the programme fiche."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Currency, Visibility
from partnerhub.core.tests.factories import (
    ActivityTypeFactory,
    EventFactory,
    FundingProgrammeFactory,
    IndicatorFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TargetGroupFactory,
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
    row_names,
    text,
)
from partnerhub.demo.cases.kuznia import TITLE as KUZNIA
from partnerhub.demo.services import load_demo_data
from partnerhub.projects.choices import PartnerRole, ProgrammeStatus, ProjectStatus, Reach
from partnerhub.projects.models import Programme, Project
from partnerhub.results.choices import IndicatorKind, Unit
from partnerhub.territory.choices import Level

pytestmark = pytest.mark.django_db

PROJECTS = "/projects/"
PROGRAMMES = "/projects/programmes/"

#: The fields of the grants database's card, in its order (case 5).
CARD_FIELDS = {
    "en": [
        "Support area",
        "Seat (town)",
        "Seat (region)",
        "Partners",
        "Period",
        "Status",
        "Total cost",
        "Grant",
        "Reach",
        "Activity types",
        "Target groups",
    ],
}


def url(name: str, record: Any, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, args=[record.pk])


def card_fields(html: str) -> list[tuple[str, str]]:
    """(label, value) of each field of the card, in order."""
    card = html.split('<dl class="facts card-fields">', 1)[1].split("</dl>", 1)[0]
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", card, flags=re.S)
    clean = [
        (re.sub(r"<[^>]+>", "", label).strip(), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", value)))
        for label, value in pairs
    ]
    return [(label, value.replace("\xa0", " ").strip()) for label, value in clean]


@pytest.fixture
def kuznia() -> Project:
    """Case 5 as loaded with the demo data: the project card from the grants database."""
    load_demo_data()
    return Project.objects.get(title=KUZNIA)


def test_the_project_card_shows_every_field_of_the_source_card_in_its_order(
    client: Client, kuznia: Project
) -> None:
    fields = card_fields(get(client, url("projects:project-detail", kuznia)).content.decode())
    assert [label for label, _ in fields] == CARD_FIELDS["en"]
    values = dict(fields)
    assert values["Seat (town)"] == "Elbląg"
    assert values["Seat (region)"].lower() == "warmińsko-mazurskie"
    assert values["Partners"] == "—"  # empty on the card: shown as empty, not hidden
    assert values["Activity types"] == "—" and values["Target groups"] == "—"
    assert values["Status"] == "Completed" and values["Reach"] == "Regional"
    assert values["Period"] == "04/01/2021 – 09/30/2023"
    assert values["Total cost"] == "137,476.00 EUR" and values["Grant"] == "137,476.00 EUR"


def test_the_project_card_reads_money_in_the_readers_language(
    client: Client, kuznia: Project
) -> None:
    expected = {"en": "137,476.00 EUR", "pl": "137 476,00 EUR", "sl": "137.476,00 EUR"}
    for language, money in expected.items():
        response = get(client, url("projects:project-detail", kuznia, language))
        assert f'<html lang="{language}">' in response.content.decode()
        assert money in text(response)
    polish = get(client, url("projects:project-detail", kuznia, "pl")).content.decode()
    assert "137\xa0476,00\xa0EUR" in polish
    assert "01-04-2021 – 30-09-2023" in text(
        get(client, url("projects:project-detail", kuznia, "pl"))
    )


def test_the_project_card_lists_products_and_results(client: Client, kuznia: Project) -> None:
    page = text(get(client, url("projects:project-detail", kuznia)))
    results = page.split("Products and results", 1)[1]
    for figure in ("Szkolenia", "328 hours", "511 hours", "27 sessions", "over 337 organisations"):
        assert figure in results
    assert "Aktywni Obywatele – Fundusz Regionalny" in page


def test_indicators_show_target_against_achieved_with_a_progress_bar(client: Client) -> None:
    project = ProjectFactory.create()
    IndicatorFactory.create(
        project=project, name="People trained", target=Decimal(40), achieved=Decimal(30)
    )
    response = get(client, url("projects:project-detail", project))
    assert "40 persons" in text(response) and "30 persons" in text(response)
    assert '<meter min="0" max="40.00"' in response.content.decode()
    assert "75 %" in text(response)


def test_partners_are_listed_with_their_roles(client: Client) -> None:
    project = ProjectFactory.create()
    ProjectPartnerFactory.create(
        project=project,
        organisation=OrganisationFactory.create(name="CERCIFAF", country="PT"),
        role=PartnerRole.PARTNER,
    )
    ProjectPartnerFactory.create(
        project=project,
        organisation=OrganisationFactory.create(name="FAL"),
        role=PartnerRole.LEAD,
    )
    values = dict(
        card_fields(get(client, url("projects:project-detail", project)).content.decode())
    )
    assert values["Partners"] == "FAL (Lead partner)CERCIFAF (Partner)"  # one per line


@pytest.fixture
def projects() -> dict[str, Project]:
    poland = TerritorialUnitFactory.create(country="PL", level=Level.COUNTRY, code="PL")
    warmia = TerritorialUnitFactory.create(
        level=Level.VOIVODESHIP, code="28", name="warmińsko-mazurskie", parent=poland
    )
    elblag = TerritorialUnitFactory.create(code="2861011", name="Elbląg", parent=warmia)
    civic = ThematicAreaFactory.create(code="test-civic", name_en="Civic sector")
    training = ActivityTypeFactory.create(code="test-training", name_en="Training")
    ngos = TargetGroupFactory.create(code="test-ngos", name_en="NGOs")
    active_citizens = FundingProgrammeFactory.create(name="Aktywni Obywatele")
    made = {
        "kuznia": ProjectFactory.create(
            title="Kuźnia Ekspertów",
            seat=elblag,
            support_area=civic,
            funding_programme=active_citizens,
            status=ProjectStatus.COMPLETED,
            reach=Reach.REGIONAL,
            currency=Currency.EUR,
            start=datetime.date(2021, 4, 1),
            end=datetime.date(2023, 9, 30),
            total_cost=Decimal("137476.00"),
            grant=Decimal("137476.00"),
            cofinancing=None,
        ),
        "equal": ProjectFactory.create(
            title="Projekt EQUAL",
            status=ProjectStatus.COMPLETED,
            start=datetime.date(2006, 1, 1),
            end=datetime.date(2010, 12, 31),
            total_cost=Decimal("8000000.00"),
            grant=None,
            cofinancing=None,
            activity_types=[training],
        ),
        "radon": ProjectFactory.create(
            title="Polski Radon", status=ProjectStatus.ONGOING, start=None, end=None
        ),
        "internal": ProjectFactory.create(
            title="Projekt wewnętrzny", visibility=Visibility.INTERNAL
        ),
    }
    made["kuznia"].target_groups.add(ngos)
    index(Project)
    return made


def test_the_list_sorts_newest_first_with_undated_projects_last(
    client: Client, projects: dict[str, Project]
) -> None:
    assert row_names(get(client, PROJECTS)) == ["Kuźnia Ekspertów", "Projekt EQUAL", "Polski Radon"]
    assert row_names(get(client, PROJECTS, sort="start")) == [
        "Projekt EQUAL",
        "Kuźnia Ekspertów",
        "Polski Radon",
    ]
    assert row_names(get(client, PROJECTS, sort="-total_cost"))[:2] == [
        "Projekt EQUAL",
        "Kuźnia Ekspertów",
    ]


def test_the_list_filters_by_each_field_of_the_card(
    client: Client, projects: dict[str, Project]
) -> None:
    kuznia = ["Kuźnia Ekspertów"]
    fp = projects["kuznia"].funding_programme
    assert fp is not None
    assert row_names(get(client, PROJECTS, status="ongoing")) == ["Polski Radon"]
    assert row_names(get(client, PROJECTS, funding_programme=fp.pk)) == kuznia
    assert row_names(get(client, PROJECTS, reach="regional")) == kuznia
    assert row_names(get(client, PROJECTS, support_area="test-civic")) == kuznia
    assert row_names(get(client, PROJECTS, activity_type="test-training")) == ["Projekt EQUAL"]
    assert row_names(get(client, PROJECTS, target_group="test-ngos")) == kuznia
    assert row_names(get(client, PROJECTS, currency="EUR")) == kuznia
    assert row_names(get(client, PROJECTS, territory="PL:28")) == kuznia
    assert (
        row_names(get(client, PROJECTS, total_cost_min="120000", total_cost_max="200000")) == kuznia
    )
    assert row_names(get(client, PROJECTS, active_from="2022-01-01", active_to="2022-12-31")) == [
        "Kuźnia Ekspertów",
        "Polski Radon",  # no dates: taken as running
    ]
    combined = get(client, PROJECTS, status="completed", reach="regional", currency="EUR")
    assert row_names(combined) == kuznia
    assert "Aktywni Obywatele" in text(combined)  # the funding programme facet


def test_a_bad_filter_value_is_reported_and_ignored(
    client: Client, projects: dict[str, Project]
) -> None:
    response = get(client, PROJECTS, active_from="not-a-date")
    assert len(row_names(response)) == 3
    assert "Enter a valid date." in text(response)


def test_the_list_search_and_the_htmx_partial(client: Client, projects: dict[str, Project]) -> None:
    assert row_names(get(client, PROJECTS, q="kuznia")) == ["Kuźnia Ekspertów"]
    partial = htmx_get(client, PROJECTS, q="radon")
    assert "<html" not in partial.content.decode() and row_names(partial) == ["Polski Radon"]


def test_internal_projects_are_hidden_and_answer_404(
    client: Client, projects: dict[str, Project]
) -> None:
    internal = projects["internal"]
    assert "Projekt wewnętrzny" not in row_names(get(client, PROJECTS))
    assert client.get(url("projects:project-detail", internal)).status_code == 404
    client.force_login(UserFactory.create())
    assert client.get(url("projects:project-detail", internal)).status_code == 404


def test_an_internal_project_shows_to_the_coordinator_of_its_partnership(client: Client) -> None:
    partnership = PartnershipFactory.create(visibility=Visibility.INTERNAL)
    project = ProjectFactory.create(
        title="Projekt wewnętrzny", partnership=partnership, visibility=Visibility.INTERNAL
    )
    coordinator = UserFactory.create()
    grant_role(coordinator, Role.COORDINATOR, partnership=partnership)
    client.force_login(coordinator)
    assert row_names(get(client, PROJECTS)) == ["Projekt wewnętrzny"]
    assert "Projekt wewnętrzny" in text(get(client, url("projects:project-detail", project)))


def test_a_public_project_does_not_name_its_internal_partnership(client: Client) -> None:
    partnership = PartnershipFactory.create(name="Grupa wewnętrzna", visibility=Visibility.INTERNAL)
    project = ProjectFactory.create(partnership=partnership)
    assert "Grupa wewnętrzna" not in text(get(client, url("projects:project-detail", project)))


def test_pages_follow_a_cursor_on_a_nullable_key(client: Client, db: None) -> None:
    ProjectFactory.create_batch(20)
    ProjectFactory.create_batch(10, start=None, end=None)
    first = get(client, PROJECTS)
    link = next_link(first)
    assert link is not None
    second = client.get(PROJECTS + link)
    assert len(row_names(first)) == 25 and len(row_names(second)) == 5
    assert set(row_names(first)).isdisjoint(row_names(second))


@pytest.mark.parametrize("language", LANGUAGES)
def test_project_and_programme_pages_render_in_every_language(
    client: Client, projects: dict[str, Project], language: str
) -> None:
    programme = ProgrammeFactory.create()
    prefix = "" if language == "en" else f"/{language}"
    for address in (
        prefix + PROJECTS,
        prefix + PROGRAMMES,
        url("projects:project-detail", projects["kuznia"], language),
        url("projects:programme-detail", programme, language),
    ):
        assert f'<html lang="{language}">' in get(client, address).content.decode()


@pytest.mark.parametrize("rows", [10, 60])
def test_the_project_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    funding = FundingProgrammeFactory.create()
    seat = TerritorialUnitFactory.create()
    ProjectFactory.create_batch(rows, funding_programme=funding, seat=seat)
    # count, page, the territory regions; then 7 facets, 3 vocabularies' terms
    with django_assert_num_queries(3):
        get(client, PROJECTS)
    with django_assert_num_queries(10):
        get(client, PROJECTS, facets="only")
    with django_assert_num_queries(13):
        get(client, PROJECTS, facets="all")


@pytest.mark.parametrize("size", [1, 10])
def test_a_project_card_costs_the_same_queries_for_any_size(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, size: int
) -> None:
    project = ProjectFactory.create(seat=TerritorialUnitFactory.create())
    for _ in range(size):
        ProjectPartnerFactory.create(project=project)
        IndicatorFactory.create(project=project)
        EventFactory.create(project=project)
    # project, activity types, target groups, areas, seat's ancestors, partners,
    # indicators, events, goals
    with django_assert_num_queries(9):
        get(client, url("projects:project-detail", project))


# --- programmes --------------------------------------------------------------------------


@pytest.fixture
def programmes() -> dict[str, Programme]:
    network = PartnershipFactory.create(name="Sieć Działamy Razem")
    made = {
        "dr": ProgrammeFactory.create(
            title="Program rozwoju partnerstw Działamy Razem",
            partnership=network,
            status=ProgrammeStatus.IN_CONSULTATION,
            problem="Mało partnerstw lokalnych.",
            objectives="Cztery programy wieloletnie.",
            actions="Konsultacje w 18 powiatach.",
        ),
        "draft": ProgrammeFactory.create(title="Program edukacji", start=datetime.date(2024, 1, 1)),
        "internal": ProgrammeFactory.create(
            title="Program wewnętrzny", visibility=Visibility.INTERNAL
        ),
    }
    ProjectFactory.create(title="Szkolenia liderów", programme=made["dr"])
    IndicatorFactory.create(
        project=None,
        programme=made["dr"],
        name="Liderzy przeszkoleni",
        unit=Unit.PERSONS,
        kind=IndicatorKind.OUTPUT,
        target=Decimal(18),
        achieved=Decimal(18),
    )
    index(Programme)
    return made


def test_the_programme_list_filters_and_hides_internal_ones(
    client: Client, programmes: dict[str, Programme]
) -> None:
    assert row_names(get(client, PROGRAMMES)) == [
        "Program edukacji",
        "Program rozwoju partnerstw Działamy Razem",
    ]
    assert row_names(get(client, PROGRAMMES, status="in_consultation")) == [
        "Program rozwoju partnerstw Działamy Razem"
    ]
    assert row_names(get(client, PROGRAMMES, q="dzialamy")) == [
        "Program rozwoju partnerstw Działamy Razem"
    ]
    assert client.get(url("projects:programme-detail", programmes["internal"])).status_code == 404


def test_the_programme_page_shows_the_fiche_sections_and_its_projects(
    client: Client, programmes: dict[str, Programme]
) -> None:
    page = text(get(client, url("projects:programme-detail", programmes["dr"])))
    sections = [
        "Problem",
        "Objectives",
        "Actions",
        "Target groups",
        "Indicators",
        "Projects carrying it out",
    ]
    positions = [page.index(f" {section} ") for section in sections]
    assert positions == sorted(positions)
    for shown in (
        "Mało partnerstw",
        "Konsultacje w 18 powiatach",
        "Szkolenia liderów",
        "Sieć Działamy Razem",
    ):
        assert shown in page
    assert "100 %" in page


@pytest.mark.parametrize("rows", [10, 60])
def test_the_programme_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    ProgrammeFactory.create_batch(rows, partnership=PartnershipFactory.create())
    # count, page, the territory regions; then 3 facets, 2 vocabularies' terms
    with django_assert_num_queries(3):
        get(client, PROGRAMMES)
    with django_assert_num_queries(5):
        get(client, PROGRAMMES, facets="only")
    with django_assert_num_queries(8):
        get(client, PROGRAMMES, facets="all")


@pytest.mark.parametrize("size", [1, 10])
def test_a_programme_page_costs_the_same_queries_for_any_size(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, size: int
) -> None:
    programme = ProgrammeFactory.create(partnership=PartnershipFactory.create())
    for _ in range(size):
        ProjectFactory.create(programme=programme)
        EventFactory.create(programme=programme)
        IndicatorFactory.create(project=None, programme=programme)
    # programme, target groups, areas, projects, events, attendance, indicators, goals
    with django_assert_num_queries(8):
        get(client, url("projects:programme-detail", programme))
