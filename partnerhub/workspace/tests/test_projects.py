"""Projects, their partners and indicators, and programmes, in the workspace."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    IndicatorFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.results.models import Indicator
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import HTMX, signed_in

pytestmark = pytest.mark.django_db


def project_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Prevozi za starejše",
        "status": "planned",
        "period_precision": "day",
        "currency": "EUR",
        "visibility": "internal",
        "start": "2025-03-01",
        "end": "2025-12-31",
        "total_cost": "12000.00",
        "grant": "10000.00",
    }
    data.update(changes)
    return data


def test_a_coordinator_adds_a_project_to_their_partnership(world: World) -> None:
    client = signed_in(world.coordinator)
    url = reverse("workspace:project-add") + f"?partnership={world.partnership_a.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["partnership"] == world.partnership_a

    response = client.post(url, project_data(partnership=world.partnership_a.pk))

    project = Project.objects.get(title="Prevozi za starejše")
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:project-change", args=[project.pk])
    assert project.partnership == world.partnership_a
    assert project.grant == Decimal("10000.00")
    assert project.history.first().history_user == world.coordinator


def test_projects_are_added_only_under_partnerships_one_manages(world: World) -> None:
    client = signed_in(world.coordinator)
    add = reverse("workspace:project-add")
    assert client.get(add + f"?partnership={world.partnership_b.pk}").status_code == 404
    assert client.get(add + f"?partnership={world.published.pk}").status_code == 403

    response = client.post(add, project_data(partnership=world.published.pk))
    assert response.status_code == 200
    assert "partnership" in response.context["form"].errors
    assert not Project.objects.filter(title="Prevozi za starejše").exists()


def test_a_project_ending_before_it_starts_keeps_what_was_typed(world: World) -> None:
    response = signed_in(world.coordinator).post(
        reverse("workspace:project-add") + f"?partnership={world.partnership_a.pk}",
        project_data(
            partnership=world.partnership_a.pk,
            title="Typed title",
            start="2025-06-01",
            end="2025-05-01",
            activities="Typed activities",
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"end": ["The end date cannot be before the start date."]}
    html = response.content.decode()
    assert 'value="Typed title"' in html
    assert 'value="2025-06-01"' in html
    assert 'value="2025-05-01"' in html
    assert "Typed activities" in html
    assert 'id="id_end_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Project.objects.exists()


def test_a_grant_above_the_total_cost_is_shown_on_the_grant(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    response = signed_in(world.hub_staff).post(
        reverse("workspace:project-change", args=[project.pk]),
        project_data(partnership=world.partnership_a.pk, grant="20000.00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"grant": ["The grant cannot exceed the total cost."]}


@pytest.mark.parametrize("role", ["hub_staff", "coordinator", "admin"])
def test_those_who_manage_the_partnership_change_its_projects(world: World, role: str) -> None:
    user = getattr(world, role)
    project = ProjectFactory.create(partnership=world.partnership_a)
    response = signed_in(user).post(
        reverse("workspace:project-change", args=[project.pk]),
        project_data(partnership=world.partnership_a.pk, status="ongoing"),
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "ongoing"
    assert project.history.first().history_user == user


def test_project_pages_answer_404_when_unseen_and_403_when_only_seen(world: World) -> None:
    internal_b = ProjectFactory.create(
        partnership=world.partnership_b, visibility=Visibility.INTERNAL
    )
    published = ProjectFactory.create(partnership=world.published)
    client = signed_in(world.coordinator)
    for name in ("change", "delete"):
        assert (
            client.get(reverse(f"workspace:project-{name}", args=[internal_b.pk])).status_code
            == 404
        )
        assert (
            client.get(reverse(f"workspace:project-{name}", args=[published.pk])).status_code == 403
        )


def test_a_project_is_moved_only_to_a_partnership_one_manages(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    response = signed_in(world.coordinator).post(
        reverse("workspace:project-change", args=[project.pk]),
        project_data(partnership=world.published.pk),
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    project.refresh_from_db()
    assert project.partnership == world.partnership_a


def test_hub_staff_delete_a_project_and_coordinators_may_not(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    url = reverse("workspace:project-delete", args=[project.pk])
    assert signed_in(world.coordinator).post(url).status_code == 403
    assert signed_in(world.hub_staff).post(url).status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert Project.history.filter(id=project.pk).first().history_user == world.hub_staff


def test_anonymous_visitors_are_sent_to_sign_in(world: World, client: Client) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    for url in (
        reverse("workspace:project-add"),
        reverse("workspace:project-change", args=[project.pk]),
        reverse("workspace:project-delete", args=[project.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


# --- partners and indicators on the project's page ------------------------------------------


def test_a_partner_is_added_changed_and_removed_with_htmx(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    firm = OrganisationFactory.create(name="Prevozi d.o.o.")
    client = signed_in(world.coordinator)

    page = client.get(reverse("workspace:project-change", args=[project.pk]))
    assert 'id="projectpartner-section"' in page.content.decode()
    assert 'id="indicator-section"' in page.content.decode()

    added = client.post(
        reverse("workspace:projectpartner-add") + f"?project={project.pk}",
        {
            "projectpartner-organisation": firm.pk,
            "projectpartner-role": "partner",
            "projectpartner-budget_share": "2500",
        },
        headers=HTMX,
    )
    assert added.status_code == 200
    assert 'id="projectpartner-section"' in added.content.decode()
    assert "Prevozi d.o.o." in added.content.decode()
    partner = ProjectPartner.objects.get(project=project, organisation=firm)
    assert partner.budget_share == Decimal("2500")
    assert partner.history.first().history_user == world.coordinator

    changed = client.post(
        reverse("workspace:projectpartner-change", args=[partner.pk]),
        {
            "projectpartner-organisation": firm.pk,
            "projectpartner-role": "lead",
            "projectpartner-budget_share": "",
        },
        headers=HTMX,
    )
    assert changed.status_code == 200
    partner.refresh_from_db()
    assert partner.role == "lead"
    assert partner.budget_share is None

    removed = client.post(
        reverse("workspace:projectpartner-delete", args=[partner.pk]), headers=HTMX
    )
    assert removed.status_code == 200
    assert "No partners yet." in removed.content.decode()
    assert not ProjectPartner.objects.filter(pk=partner.pk).exists()


def test_a_partner_twice_is_refused_in_the_section(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    ProjectPartnerFactory.create(project=project, organisation=world.ngo)
    response = signed_in(world.coordinator).post(
        reverse("workspace:projectpartner-add") + f"?project={project.pk}",
        {"projectpartner-organisation": world.ngo.pk, "projectpartner-role": "partner"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "This organisation is already a partner of this project." in response.content.decode()
    assert project.partners.count() == 1


def test_indicators_are_added_changed_reported_and_deleted(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a)
    client = signed_in(world.hub_staff)
    added = client.post(
        reverse("workspace:indicator-add") + f"?project={project.pk}",
        {
            "indicator-kind": "output",
            "indicator-name": "Prevozi",
            "indicator-unit": "persons",
            "indicator-target": "40",
            "indicator-achieved_qualifier": "exact",
            "indicator-position": "1",
        },
        headers=HTMX,
    )
    assert added.status_code == 200
    indicator = Indicator.objects.get(project=project, name="Prevozi")
    assert indicator.history.first().history_user == world.hub_staff

    reported = client.post(
        reverse("workspace:reportedvalue-add") + f"?indicator={indicator.pk}",
        {"reportedvalue-reported_on": "2025-06-30", "reportedvalue-value": "10"},
    )
    assert reported.status_code == 302
    assert reported["Location"].endswith(
        reverse("workspace:project-change", args=[project.pk]) + "#indicator-section"
    )
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("10")

    edit = client.get(reverse("workspace:indicator-change", args=[indicator.pk]))
    assert edit.context["form"].fields["achieved"].disabled

    changed = client.post(
        reverse("workspace:indicator-change", args=[indicator.pk]),
        {
            "indicator-kind": "output",
            "indicator-name": "Prevozi",
            "indicator-unit": "persons",
            "indicator-target": "50",
            "indicator-achieved": "999",
            "indicator-achieved_qualifier": "exact",
            "indicator-position": "1",
        },
        headers=HTMX,
    )
    assert changed.status_code == 200
    indicator.refresh_from_db()
    assert indicator.target == Decimal("50")
    assert indicator.achieved == Decimal("10")  # the sum of reported values, not what was typed
    assert "20 %" in changed.content.decode()

    client.post(reverse("workspace:indicator-delete", args=[indicator.pk]), headers=HTMX)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_indicators_of_a_project_one_only_sees_are_not_changed(world: World) -> None:
    indicator = IndicatorFactory.create(project=ProjectFactory.create(partnership=world.published))
    client = signed_in(world.representative)
    assert client.get(reverse("workspace:indicator-change", args=[indicator.pk])).status_code == 403
    response = client.get(reverse("workspace:reportedvalue-add") + f"?indicator={indicator.pk}")
    assert response.status_code == 403


# --- programmes ---------------------------------------------------------------------------


def test_a_programme_is_written_changed_and_deleted(world: World) -> None:
    client = signed_in(world.hub_staff)
    data = {
        "title": "Program za starejše 2025-2030",
        "partnership": world.partnership_a.pk,
        "status": "draft",
        "period_precision": "year",
        "visibility": "published",
        "start": "2025-01-01",
        "end": "2030-12-31",
    }
    created = client.post(
        reverse("workspace:programme-add") + f"?partnership={world.partnership_a.pk}", data
    )
    programme = Programme.objects.get(title="Program za starejše 2025-2030")
    assert created.status_code == 302
    assert programme.history.first().history_user == world.hub_staff

    changed = client.post(
        reverse("workspace:programme-change", args=[programme.pk]), {**data, "status": "adopted"}
    )
    assert changed.status_code == 302
    programme.refresh_from_db()
    assert programme.status == "adopted"

    page = client.get(reverse("workspace:programme-change", args=[programme.pk]))
    assert f"/workspace/project/add/?programme={programme.pk}" in page.content.decode()

    assert (
        client.post(reverse("workspace:programme-delete", args=[programme.pk])).status_code == 302
    )
    assert not Programme.objects.filter(pk=programme.pk).exists()


def test_a_coordinator_may_not_touch_the_programme_of_another_partnership(world: World) -> None:
    internal = ProgrammeFactory.create(
        partnership=world.partnership_b, visibility=Visibility.INTERNAL
    )
    published = ProgrammeFactory.create(partnership=world.published)
    client = signed_in(world.coordinator)
    assert client.get(reverse("workspace:programme-change", args=[internal.pk])).status_code == 404
    assert client.get(reverse("workspace:programme-change", args=[published.pk])).status_code == 403


def test_dates_are_typed_in_date_inputs(world: World) -> None:
    project = ProjectFactory.create(
        partnership=world.partnership_a, start=datetime.date(2024, 1, 15)
    )
    page = signed_in(world.coordinator).get(reverse("workspace:project-change", args=[project.pk]))
    html = page.content.decode()
    assert '<input type="date" name="start" value="2024-01-15"' in html
    assert 'type="date" name="end"' in html
