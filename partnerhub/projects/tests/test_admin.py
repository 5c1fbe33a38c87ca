"""The projects admin: the card form keeps the rules, the list finds and filters projects."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerhub.core.tests.factories import (
    ActivityTypeFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectFactory,
)
from partnerhub.core.tests.helpers import add_inline_rows, inline_management_data
from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.results.models import Indicator

pytestmark = pytest.mark.django_db

ADD = reverse("admin:projects_project_add")
CHANGELIST = reverse("admin:projects_project_changelist")
TITLE = "Akademia Liderów Lokalnych"


def _card(**fields: str) -> dict[str, str]:
    return {
        "title": TITLE,
        "status": "planned",
        "visibility": "published",
        "period_precision": "day",
        "currency": "PLN",
        "start": "2024-01-01",
        "end": "2024-12-31",
    } | fields


def test_a_project_ending_before_it_starts_is_refused_with_the_typed_data_kept(
    staff_client: Client,
) -> None:
    data = inline_management_data(staff_client, ADD) | _card(start="2024-05-01", end="2024-04-30")

    response = staff_client.post(ADD, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors == {"end": ["The end date cannot be before the start date."]}
    content = response.content.decode()
    assert "The end date cannot be before the start date." in content
    assert f'value="{TITLE}"' in content
    assert not Project.objects.exists()


def test_a_grant_above_the_cost_is_refused_on_the_grant_field(staff_client: Client) -> None:
    data = inline_management_data(staff_client, ADD) | _card(total_cost="1000", grant="1500")
    response = staff_client.post(ADD, data)
    assert response.context["adminform"].form.errors == {
        "grant": ["The grant cannot exceed the total cost."]
    }
    assert not Project.objects.exists()


def test_a_project_is_added_with_its_partners(staff_client: Client) -> None:
    lead, partner = OrganisationFactory.create(), OrganisationFactory.create()
    data = inline_management_data(staff_client, ADD) | _card(
        lead_organisation=str(lead.pk), total_cost="1000", grant="800"
    )
    data = add_inline_rows(
        data,
        "partners",
        [
            {"organisation": lead.pk, "role": "lead", "budget_share": "600"},
            {"organisation": partner.pk, "role": "partner", "budget_share": "400"},
        ],
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 302
    project = Project.objects.get(title=TITLE)
    assert project.grant == Decimal("800")
    shares = dict(project.partners.values_list("organisation", "budget_share"))
    assert shares == {lead.pk: Decimal("600"), partner.pk: Decimal("400")}


def test_the_same_partner_twice_is_refused(staff_client: Client) -> None:
    organisation = OrganisationFactory.create()
    rows = [
        {"organisation": organisation.pk, "role": "lead"},
        {"organisation": organisation.pk, "role": "partner"},
    ]
    data = add_inline_rows(inline_management_data(staff_client, ADD) | _card(), "partners", rows)
    response = staff_client.post(ADD, data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for organisation" in response.content.decode()
    assert not ProjectPartner.objects.exists()


def test_indicators_are_added_once_the_project_exists(staff_client: Client) -> None:
    add_page = staff_client.get(ADD)
    assert [f.formset.prefix for f in add_page.context["inline_admin_formsets"]] == ["partners"]

    project = ProjectFactory.create()
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = inline_management_data(staff_client, url) | _card(title=project.title)
    data = add_inline_rows(
        data,
        "indicators",
        [
            {
                "kind": "output",
                "name": "Osoby przeszkolone",
                "unit": "persons",
                "target": "40",
                "achieved_qualifier": "exact",
                "position": "0",
            }
        ],
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.owner == project


@pytest.fixture
def projects() -> None:
    training = ActivityTypeFactory.create(name_en="Training")
    esf = FundingProgrammeFactory.create(name="FERS")
    ProjectFactory.create(
        title="Szkolenia dla NGO",
        status="ongoing",
        funding_programme=esf,
        activity_types=[training],
    )
    ProjectFactory.create(title="Szkolenia dla firm", status="completed", funding_programme=esf)
    ProjectFactory.create(title="Doradztwo", status="ongoing", reach="regional", currency="EUR")


def _listed(client: Client, **params: str) -> set[str]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return {project.title for project in response.context["cl"].result_list}


@pytest.mark.usefixtures("projects")
def test_projects_are_found_and_filtered(staff_client: Client) -> None:
    training = Project.objects.get(title="Szkolenia dla NGO").activity_types.get()
    esf = Project.objects.get(title="Szkolenia dla NGO").funding_programme
    assert esf is not None
    assert _listed(staff_client, q="szkolenia") == {"Szkolenia dla NGO", "Szkolenia dla firm"}
    assert _listed(staff_client, q="szkolenia", status__exact="ongoing") == {"Szkolenia dla NGO"}
    assert _listed(staff_client, activity_types__id__exact=str(training.pk)) == {
        "Szkolenia dla NGO"
    }
    assert _listed(staff_client, funding_programme__id__exact=str(esf.pk)) == {
        "Szkolenia dla NGO",
        "Szkolenia dla firm",
    }
    assert _listed(staff_client, reach__exact="regional") == {"Doradztwo"}
    assert _listed(staff_client, currency__exact="EUR") == {"Doradztwo"}


def test_the_project_list_takes_the_same_queries_for_more_projects(staff_client: Client) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(CHANGELIST).status_code == 200
        return len(captured)

    ProjectFactory.create(
        lead_organisation=OrganisationFactory.create(),
        funding_programme=FundingProgrammeFactory.create(),
    )
    few = queries()
    for _ in range(4):
        ProjectFactory.create(
            lead_organisation=OrganisationFactory.create(),
            funding_programme=FundingProgrammeFactory.create(),
        )
    assert queries() == few
