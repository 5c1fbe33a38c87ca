"""The hub dashboard: its figures, who may open it, and its constant cost."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.shortcuts import resolve_url
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    EventFactory,
    FundingProgrammeFactory,
    GoalFactory,
    IndicatorFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ProjectFactory,
    UserFactory,
)
from partnerhub.registry.models import Organisation
from partnerhub.results.choices import GoalStatus
from partnerhub.workspace.selectors import get_hub_dashboard
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def add_hub_activity(hub: Organisation, n: int) -> None:
    """One more three-sector partnership of ``hub`` with a project, indicator and event."""
    partnership = PartnershipFactory.create(hub=hub, stage="implementing")
    for sector in Sector.values:
        MembershipFactory.create(
            partnership=partnership, organisation=OrganisationFactory.create(sector=sector)
        )
    MembershipFactory.create(
        partnership=partnership, organisation=None, person=PersonFactory.create()
    )
    project = ProjectFactory.create(
        partnership=partnership,
        funding_programme=FundingProgrammeFactory.create(name=f"Programme {n}"),
        currency="EUR",
    )
    IndicatorFactory.create(project=project, target=Decimal("10"), achieved=Decimal("5"))
    EventFactory.create(
        partnership=partnership,
        start=timezone.localdate() + datetime.timedelta(days=n + 1),
        end=None,
    )
    GoalFactory.create(partnership=None, organisation=hub, title=f"Goal {n}")


@pytest.fixture
def busy_hub(world: World) -> Organisation:
    """The world's hub: partnership A (civil only, scoping) and one three-sector partnership."""
    add_hub_activity(world.hub, 1)
    esf = FundingProgrammeFactory.create(name="European Social Fund", short_name="ESF")
    led = ProjectFactory.create(
        lead_organisation=world.hub,
        funding_programme=esf,
        currency="EUR",
        total_cost=Decimal("50000"),
        grant=Decimal("40000"),
    )
    pilot = IndicatorFactory.create(
        project=led, name="Pilot partnerships", target=Decimal("1"), achieved=Decimal("1")
    )
    GoalFactory.create(
        partnership=None,
        organisation=world.hub,
        title="At least one pilot partnership",
        indicator=pilot,
    )
    GoalFactory.create(
        partnership=None,
        organisation=world.hub,
        title="Met by decision",
        status=GoalStatus.MET,
    )
    EventFactory.create(
        partnership=world.partnership_a, title="Past meeting", start=datetime.date(2020, 1, 1)
    )
    return world.hub


def test_the_dashboard_shows_the_hubs_figures(world: World, busy_hub: Organisation) -> None:
    response = signed_in(world.hub_staff).get(
        reverse("workspace:hub-dashboard", args=[busy_hub.pk])
    )
    assert response.status_code == 200
    dashboard = response.context["dashboard"]

    assert len(dashboard.partnerships) == 2
    assert dashboard.three_sector_partnerships == 1
    stages = {row.stage: row.partnerships for row in dashboard.stages}
    assert stages["scoping"] == 1
    assert stages["implementing"] == 1
    assert stages["closed"] == 0

    sectors = {row.sector: row.members for row in dashboard.sectors}
    assert sectors == {"public": 1, "private": 1, "civil": 2, None: 1}

    funding = {row.funding_programme: row for row in dashboard.funding}
    assert funding["ESF"].projects == 1
    assert funding["ESF"].grant == Decimal("40000")
    assert funding["Programme 1"].projects == 1
    assert dashboard.project_count == 2

    progress = {row.indicator.name: row.percent for row in dashboard.indicators}
    assert progress["Pilot partnerships"] == 100

    (upcoming,) = dashboard.upcoming_events  # the past meeting of partnership A is left out
    assert upcoming.start > timezone.localdate()

    met = {row.goal.title: row.is_met for row in dashboard.goals}
    assert met == {"Goal 1": False, "At least one pilot partnership": True, "Met by decision": True}
    assert dashboard.goals_met == 2

    html = response.content.decode()
    assert 'id="chart-stages" type="application/json"' in html
    assert 'data-chart-source="chart-sectors"' in html
    assert "workspace/vendor/echarts/echarts.min.js" in html
    assert "At least one pilot partnership" in html
    assert "<script>" not in html  # strict CSP: no inline scripts


@pytest.mark.parametrize("role", ["coordinator", "representative", "citizen"])
def test_others_do_not_find_the_dashboard(world: World, role: str) -> None:
    response = signed_in(getattr(world, role)).get(
        reverse("workspace:hub-dashboard", args=[world.hub.pk])
    )
    assert response.status_code == 404


def test_staff_of_another_hub_do_not_find_it_and_administrators_do(world: World) -> None:
    other_staff = UserFactory.create()
    grant_role(other_staff, Role.HUB_STAFF, organisation=world.other_hub)
    url = reverse("workspace:hub-dashboard", args=[world.hub.pk])
    assert signed_in(other_staff).get(url).status_code == 404
    assert signed_in(world.admin).get(url).status_code == 200


def test_an_organisation_that_is_no_hub_has_no_dashboard(world: World) -> None:
    response = signed_in(world.admin).get(reverse("workspace:hub-dashboard", args=[world.ngo.pk]))
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(world: World, client: Client) -> None:
    response = client.get(reverse("workspace:hub-dashboard", args=[world.hub.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_the_dashboard_costs_the_same_queries_however_busy_the_hub(
    world: World, busy_hub: Organisation
) -> None:
    def queries() -> int:
        user = User.objects.get(pk=world.hub_staff.pk)  # its roles are read afresh each time
        with CaptureQueriesContext(connection) as captured:
            get_hub_dashboard(busy_hub, user)
        return len(captured.captured_queries)

    def page_queries() -> int:
        client = signed_in(world.hub_staff)
        url = reverse("workspace:hub-dashboard", args=[busy_hub.pk])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    before, page_before = queries(), page_queries()
    for n in range(2, 6):
        add_hub_activity(busy_hub, n)
    assert queries() == before
    assert page_queries() == page_before
    assert before <= 9  # the user's roles (2), then one query per figure
