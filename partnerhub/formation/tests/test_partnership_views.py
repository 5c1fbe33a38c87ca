"""A partnership's internal page, its lifecycle and health check in the workspace, balance
warnings where partnerships are shown, and the hub's goal of a pilot partnership."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import MembershipFactory, OrganisationFactory
from partnerhub.formation.models import HealthResponse, HealthSurvey, StageTransition
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import (
    HealthResponseFactory,
    HealthSurveyFactory,
    InvitationFactory,
)
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Membership
from partnerhub.results.choices import GoalKind, GoalMeasure
from partnerhub.results.services import add_goal

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def in_days(days: int) -> str:
    return (TODAY() + datetime.timedelta(days=days)).isoformat()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_url(pilot: Pilot) -> str:
    return reverse("formation:partnership", args=[pilot.partnership.pk])


def move_url(pilot: Pilot) -> str:
    return reverse("formation:move-stage", args=[pilot.partnership.pk])


def firm_member(pilot: Pilot) -> Membership:
    return MembershipFactory.create(
        partnership=pilot.partnership, organisation=pilot.firm, joined=datetime.date(2024, 1, 1)
    )


# --- the internal page -----------------------------------------------------------------------


def test_who_reads_the_internal_page(pilot: Pilot) -> None:
    firm_member(pilot)
    assert signed_in(pilot.hub_staff).get(page_url(pilot)).status_code == 200
    assert signed_in(pilot.coordinator).get(page_url(pilot)).status_code == 200
    assert signed_in(pilot.firm_representative).get(page_url(pilot)).status_code == 200
    # An internal partnership the user has nothing to do with does not exist for them.
    assert signed_in(pilot.stranger).get(page_url(pilot)).status_code == 404
    assert Client().get(page_url(pilot)).status_code == 302


def test_a_member_reads_but_does_not_manage(pilot: Pilot) -> None:
    firm_member(pilot)
    html = signed_in(pilot.firm_representative).get(page_url(pilot)).content.decode()
    assert "Move to another stage" not in html
    assert 'id="invitations"' not in html
    assert "Stage history" in html


def test_a_published_partnership_page_is_forbidden_to_outsiders(pilot: Pilot) -> None:
    pilot.partnership.visibility = Visibility.PUBLISHED
    pilot.partnership.save()
    assert signed_in(pilot.stranger).get(page_url(pilot)).status_code == 403


def test_balance_warnings_name_the_missing_sectors(pilot: Pilot) -> None:
    firm_member(pilot)
    html = signed_in(pilot.hub_staff).get(page_url(pilot)).content.decode()
    assert "No member comes from the public sector" in html
    assert "No member comes from the civil sector" in html
    assert "The private sector holds 100%" in html


# --- lifecycle -------------------------------------------------------------------------------


def test_the_move_form_offers_only_the_allowed_stages(pilot: Pilot) -> None:
    response = signed_in(pilot.hub_staff).get(page_url(pilot))
    choices = [value for value, _ in response.context["move_form"].fields["stage"].choices]
    assert choices == [Stage.FORMALISED, Stage.CLOSED]


def test_moving_the_partnership_records_the_transition(pilot: Pilot) -> None:
    client = signed_in(pilot.coordinator)
    response = client.post(
        move_url(pilot),
        {"stage": Stage.FORMALISED, "date": TODAY().isoformat(), "note": "Podpisali smo pismo."},
    )
    assert response.status_code == 302
    pilot.partnership.refresh_from_db()
    assert pilot.partnership.stage == Stage.FORMALISED
    transition = StageTransition.objects.get()
    assert (transition.from_stage, transition.to_stage, transition.by) == (
        Stage.BUILDING,
        Stage.FORMALISED,
        pilot.coordinator,
    )
    html = client.get(page_url(pilot)).content.decode()
    assert "Podpisali smo pismo." in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"stage": Stage.IMPLEMENTING}, "Select a valid choice"),
        ({"stage": Stage.FORMALISED, "date": "2999-01-01"}, "cannot be dated in the future"),
        ({"stage": Stage.FORMALISED, "date": ""}, "This field is required"),
    ],
)
def test_an_illegal_move_is_refused_and_changes_nothing(
    pilot: Pilot, data: dict[str, str], message: str
) -> None:
    data = {"date": TODAY().isoformat(), **data}
    response = signed_in(pilot.hub_staff).post(move_url(pilot), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    pilot.partnership.refresh_from_db()
    assert pilot.partnership.stage == Stage.BUILDING
    assert not StageTransition.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("firm_representative", 403), ("stranger", 404)])
def test_only_the_facilitator_moves_the_partnership(pilot: Pilot, who: str, status: int) -> None:
    firm_member(pilot)
    response = signed_in(getattr(pilot, who)).post(
        move_url(pilot), {"stage": Stage.FORMALISED, "date": TODAY().isoformat()}
    )
    assert response.status_code == status
    pilot.partnership.refresh_from_db()
    assert pilot.partnership.stage == Stage.BUILDING


def test_the_public_page_shows_the_history_and_the_move_form_to_the_facilitator(
    pilot: Pilot,
) -> None:
    pilot.partnership.visibility = Visibility.PUBLISHED
    pilot.partnership.save()
    public = reverse("partnerships:partnership-detail", args=[pilot.partnership.pk])
    signed_in(pilot.hub_staff).post(
        move_url(pilot),
        {"stage": Stage.FORMALISED, "date": TODAY().isoformat(), "next": public},
    )
    anonymous = Client().get(public).content.decode()
    assert "Stage history" in anonymous and "Formalised" in anonymous
    assert "Move to another stage" not in anonymous
    staff = signed_in(pilot.hub_staff).get(public).content.decode()
    assert "Move to another stage" in staff
    assert f'name="next" value="{public}"' in staff


# --- health check ----------------------------------------------------------------------------


def test_the_facilitator_opens_a_survey_and_a_member_answers_it(pilot: Pilot) -> None:
    membership = firm_member(pilot)
    response = signed_in(pilot.hub_staff).post(
        reverse("formation:open-survey", args=[pilot.partnership.pk]),
        {
            "opened_on": TODAY().isoformat(),
            "closes_on": (TODAY() + datetime.timedelta(7)).isoformat(),
        },
    )
    assert response.status_code == 302
    survey = HealthSurvey.objects.get()
    answer = reverse("formation:answer-survey", args=[survey.pk])
    client = signed_in(pilot.firm_representative)
    form_page = client.get(answer).content.decode()
    # Our wording of each statement.
    assert "The partners agree on what this partnership wants to achieve, and why." in form_page

    scores = {
        "shared_goals": "5",
        "trust": "4",
        "communication": "4",
        "fair_share": "3",
        "resources": "2",
        "leadership": "4",
        "results": "3",
    }
    done = client.post(answer, {"membership": membership.pk, **scores, "comment": "Dobro."})

    assert done.status_code == 302
    assert HealthResponse.objects.get().scores["resources"] == 2
    html = client.get(page_url(pilot)).content.decode()
    data = json.loads(re.search(r'id="health-chart-data"[^>]*>(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    overall = data["series"][-1]
    assert overall["values"] == [3.57]
    assert "3.57" in html  # the table carries the same figure


def test_answers_out_of_range_or_from_outsiders_are_refused(pilot: Pilot) -> None:
    membership = firm_member(pilot)
    survey = HealthSurveyFactory.create(partnership=pilot.partnership)
    answer = reverse("formation:answer-survey", args=[survey.pk])
    scores = dict.fromkeys(
        ("shared_goals", "trust", "communication", "fair_share", "resources", "leadership"), "3"
    )
    bad = signed_in(pilot.firm_representative).post(
        answer, {"membership": membership.pk, **scores, "results": "9"}
    )
    assert bad.status_code == 400
    assert signed_in(pilot.hub_staff).get(answer).status_code == 403
    assert signed_in(pilot.stranger).get(answer).status_code == 404
    assert not HealthResponse.objects.exists()


def test_a_closed_survey_takes_no_answers(pilot: Pilot) -> None:
    membership = firm_member(pilot)
    survey = HealthSurveyFactory.create(
        partnership=pilot.partnership,
        opened_on=TODAY() - datetime.timedelta(days=30),
        closes_on=TODAY() - datetime.timedelta(days=1),
    )
    scores = dict.fromkeys(
        (
            "shared_goals",
            "trust",
            "communication",
            "fair_share",
            "resources",
            "leadership",
            "results",
        ),
        "3",
    )
    response = signed_in(pilot.firm_representative).post(
        reverse("formation:answer-survey", args=[survey.pk]),
        {"membership": membership.pk, **scores},
    )
    assert response.status_code == 400
    assert "This survey is open from" in response.content.decode()
    assert not HealthResponse.objects.exists()


def test_a_survey_closing_before_it_opens_is_refused(pilot: Pilot) -> None:
    response = signed_in(pilot.hub_staff).post(
        reverse("formation:open-survey", args=[pilot.partnership.pk]),
        {
            "opened_on": TODAY().isoformat(),
            "closes_on": (TODAY() - datetime.timedelta(1)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not HealthSurvey.objects.exists()


def test_the_health_chart_shows_every_round_in_order(pilot: Pilot) -> None:
    membership = firm_member(pilot)
    for days_ago, score in ((200, 2), (20, 4)):
        survey = HealthSurveyFactory.create(
            partnership=pilot.partnership,
            opened_on=TODAY() - datetime.timedelta(days=days_ago),
            closes_on=TODAY() - datetime.timedelta(days=days_ago - 10),
        )
        HealthResponseFactory.create(
            survey=survey,
            membership=membership,
            **dict.fromkeys(
                (
                    "shared_goals",
                    "trust",
                    "communication",
                    "fair_share",
                    "resources",
                    "leadership",
                    "results",
                ),
                score,
            ),
        )
    response = signed_in(pilot.firm_representative).get(page_url(pilot))
    chart = response.context["page"].chart
    assert chart["series"][-1]["values"] == [2.0, 4.0]
    assert len(chart["labels"]) == 2
    assert "health-chart.js" in response.content.decode()


# --- the workspace and the hub's goal ----------------------------------------------------------


def test_my_workspace_lists_the_partnerships_i_facilitate_with_their_warnings(
    pilot: Pilot,
) -> None:
    html = signed_in(pilot.hub_staff).get(reverse("workspace:index")).content.decode()
    assert "Partnerships I facilitate" in html
    assert reverse("formation:partnership", args=[pilot.partnership.pk]) in html
    assert 'data-warning="no_organisations"' in html


def test_the_partnership_edit_page_links_the_formation_screens(pilot: Pilot) -> None:
    firm_member(pilot)
    html = (
        signed_in(pilot.hub_staff)
        .get(reverse("workspace:partnership-change", args=[pilot.partnership.pk]))
        .content.decode()
    )
    for name in ("formation:partnership", "agreements:partnership-agreement"):
        assert reverse(name, args=[pilot.partnership.pk]) in html
    assert reverse("matching:partnership-recommendations", args=[pilot.partnership.pk]) in html
    assert "No member comes from the public sector" in html


def test_the_hubs_pilot_goal_is_met_once_a_partnership_reaches_implementation(
    pilot: Pilot,
) -> None:
    goal = add_goal(
        pilot.hub,
        kind=GoalKind.ORGANISATION_GOAL,
        title="Vsaj eno pilotno lokalno partnerstvo",
        measure=GoalMeasure.PARTNERSHIPS_IMPLEMENTING,
        measure_target=1,
    )
    dashboard = reverse("workspace:hub-dashboard", args=[pilot.hub.pk])
    client = signed_in(pilot.hub_staff)

    before = client.get(dashboard)
    assert [row.is_met for row in before.context["dashboard"].goals] == [False]
    for stage in (Stage.FORMALISED, Stage.IMPLEMENTING):
        client.post(move_url(pilot), {"stage": stage, "date": TODAY().isoformat()})
    after = client.get(dashboard)

    row = after.context["dashboard"].goals[0]
    assert (row.goal.pk, row.measured, row.is_met) == (goal.pk, 1, True)
    html = after.content.decode()
    assert "Partnerships it facilitates that have reached implementation" in html
    assert "1 of 1" in html

    # Closed afterwards, it still counts: the stage history shows it was implemented.
    client.post(move_url(pilot), {"stage": Stage.CLOSED, "date": TODAY().isoformat()})
    assert client.get(dashboard).context["dashboard"].goals[0].is_met


def test_a_partnership_of_another_hub_does_not_count_for_the_goal(pilot: Pilot) -> None:
    add_goal(
        pilot.hub,
        kind=GoalKind.ORGANISATION_GOAL,
        title="Pilot",
        measure=GoalMeasure.PARTNERSHIPS_IMPLEMENTING,
        measure_target=1,
    )
    other_hub = OrganisationFactory.create(is_hub=True, sector=Sector.CIVIL)
    from partnerhub.core.tests.factories import PartnershipFactory

    PartnershipFactory.create(hub=other_hub, stage=Stage.IMPLEMENTING)
    response = signed_in(pilot.hub_staff).get(
        reverse("workspace:hub-dashboard", args=[pilot.hub.pk])
    )
    assert response.context["dashboard"].goals[0].is_met is False
    assert "0 of 1" in response.content.decode()


@pytest.mark.parametrize("who", ["hub_staff", "firm_representative"])
def test_the_internal_page_costs_the_same_queries_for_any_size(pilot: Pilot, who: str) -> None:
    firm_member(pilot)
    client = signed_in(getattr(pilot, who))

    def grow(count: int) -> int:
        for _ in range(count):
            organisation = OrganisationFactory.create(sector=Sector.PUBLIC)
            MembershipFactory.create(partnership=pilot.partnership, organisation=organisation)
            InvitationFactory.create(
                partnership=pilot.partnership, organisation=OrganisationFactory.create()
            )
            survey = HealthSurveyFactory.create(partnership=pilot.partnership)
            HealthResponseFactory.create(
                survey=survey,
                membership=MembershipFactory.create(partnership=pilot.partnership),
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url(pilot)).status_code == 200
        return len(queries)

    client.get(page_url(pilot))  # the session, once
    assert grow(1) == grow(5)
