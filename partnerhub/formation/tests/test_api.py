"""The formation API: invitations, stage transitions, balance warnings and health checks."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import MembershipFactory, OrganisationFactory
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import FACTORS, HealthResponse, Invitation, StageTransition
from partnerhub.formation.services import invite_organisation
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import (
    HealthSurveyFactory,
    InvitationFactory,
    StageTransitionFactory,
)
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.registry.choices import OrganisationStatus

pytestmark = pytest.mark.django_db


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _invitation_payload(pilot: Pilot, **changes: Any) -> dict[str, Any]:
    return {
        "partnership": pilot.partnership.pk,
        "organisation": pilot.firm.pk,
        "role": "partner",
        "message": "Pridružite se pilotnemu partnerstvu.",
    } | changes


# --- invitations ---------------------------------------------------------------------------


def test_the_facilitator_creates_an_invitation_and_sees_its_code_once(pilot: Pilot) -> None:
    client = client_for(pilot.hub_staff)
    response = client.post("/api/invitations/", _invitation_payload(pilot))

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "pending" and body["organisation"] == pilot.firm.pk
    assert body["token"].startswith("phi_")
    detail = client.get(f"/api/invitations/{body['id']}/").json()
    assert "token" not in detail and "token_digest" not in detail


@pytest.mark.parametrize(("who", "code"), [("firm_representative", 403), ("stranger", 403)])
def test_others_may_not_invite(pilot: Pilot, who: str, code: int) -> None:
    response = client_for(getattr(pilot, who)).post("/api/invitations/", _invitation_payload(pilot))
    assert response.status_code == code
    assert not Invitation.objects.exists()


def test_an_anonymous_client_must_sign_in(pilot: Pilot) -> None:
    assert client_for(None).post("/api/invitations/", _invitation_payload(pilot)).status_code == 401


def test_an_invitation_to_a_dissolved_organisation_is_refused_clearly(pilot: Pilot) -> None:
    dissolved = OrganisationFactory.create(name="Zavod Nekoč", status=OrganisationStatus.DISSOLVED)
    response = client_for(pilot.coordinator).post(
        "/api/invitations/", _invitation_payload(pilot, organisation=dissolved.pk)
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "organisation": [
            "Zavod Nekoč is dissolved: a dissolved organisation cannot join a partnership."
        ]
    }
    assert not Invitation.objects.exists()


def test_representatives_list_their_pending_invitations(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    InvitationFactory.create()  # to someone else
    InvitationFactory.create(
        organisation=pilot.firm, expires_at=timezone.now() - datetime.timedelta(days=1)
    )

    def listed(user: User, **params: str) -> list[int]:
        response = client_for(user).get("/api/invitations/", params)
        assert response.status_code == 200
        return [row["id"] for row in response.json()["results"]]

    assert listed(pilot.firm_representative, status="pending") == [invitation.pk]
    assert len(listed(pilot.firm_representative, status="expired")) == 1
    assert listed(pilot.stranger) == []
    assert client_for(pilot.stranger).get(f"/api/invitations/{invitation.pk}/").status_code == 404


def test_accepting_makes_a_member_and_a_second_accept_is_refused(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    client = client_for(pilot.firm_representative)

    accepted = client.post(f"/api/invitations/{invitation.pk}/accept/", {})
    again = client.post(f"/api/invitations/{invitation.pk}/accept/", {})

    assert accepted.status_code == 200, accepted.json()
    membership = Membership.objects.get(organisation=pilot.firm)
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["membership"] == membership.pk
    assert again.status_code == 400
    assert again.json()["errors"] == {
        "non_field_errors": ["This invitation has already been accepted."]
    }
    assert Membership.objects.filter(organisation=pilot.firm).count() == 1


def test_an_expired_invitation_answers_a_clear_error(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    with time_machine.travel(invitation.expires_at + datetime.timedelta(minutes=1)):
        response = client_for(pilot.firm_representative).post(
            f"/api/invitations/{invitation.pk}/accept/", {}
        )
        assert (
            client_for(pilot.hub_staff).get(f"/api/invitations/{invitation.pk}/").json()["status"]
            == "expired"
        )
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "This invitation has expired: ask the partnership for a new one."
    ]
    assert not Membership.objects.exists()


def test_declining_needs_a_reason(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    client = client_for(pilot.firm_representative)
    url = f"/api/invitations/{invitation.pk}/decline/"

    missing = client.post(url, {"decline_reason": ""})
    declined = client.post(url, {"decline_reason": "Letos nimamo kapacitet."})

    assert missing.status_code == 400
    assert missing.json()["errors"] == {
        "decline_reason": ["Give the reason for declining the invitation."]
    }
    assert declined.status_code == 200
    assert declined.json()["decline_reason"] == "Letos nimamo kapacitet."
    assert declined.json()["status"] == InvitationStatus.DECLINED


def test_the_facilitator_revokes_and_the_organisation_may_not(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    url = f"/api/invitations/{invitation.pk}/revoke/"
    assert client_for(pilot.firm_representative).post(url).status_code == 403
    response = client_for(pilot.coordinator).post(url)
    assert response.status_code == 200 and response.json()["status"] == "revoked"


def test_a_client_holding_the_code_answers_with_it(pilot: Pilot) -> None:
    issued = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff)
    client = client_for(pilot.stranger)  # at the firm, without a role yet

    unknown = client.post(
        "/api/invitations/redeem/", {"token": "phi_nothing", "decision": "accept"}
    )
    accepted = client.post(
        "/api/invitations/redeem/", {"token": issued.token, "decision": "accept"}
    )
    reused = client.post("/api/invitations/redeem/", {"token": issued.token, "decision": "accept"})

    assert unknown.status_code == 404
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert reused.status_code == 400
    assert (
        client_for(None)
        .post("/api/invitations/redeem/", {"token": issued.token, "decision": "accept"})
        .status_code
        == 401
    )


def test_the_invitation_list_costs_the_same_queries_for_more_rows(pilot: Pilot) -> None:
    client = client_for(pilot.hub_staff)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/invitations/").status_code == 200
        return len(queries)

    InvitationFactory.create(partnership=pilot.partnership)
    count()  # the user's roles are read once, then kept
    few = count()
    InvitationFactory.create_batch(5, partnership=pilot.partnership)
    assert count() == few


# --- lifecycle -------------------------------------------------------------------------------


def _transitions_url(partnership: Partnership) -> str:
    return f"/api/partnerships/{partnership.pk}/transitions/"


def test_the_coordinator_moves_the_partnership_to_the_next_stage(pilot: Pilot) -> None:
    response = client_for(pilot.coordinator).post(
        _transitions_url(pilot.partnership),
        {"stage": "formalised", "note": "Dogovor podpisan.", "date": "2024-05-01"},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["from_stage"] == "building"
    assert response.json()["to_stage"] == "formalised"
    assert Partnership.objects.get(pk=pilot.partnership.pk).stage == Stage.FORMALISED
    listed = client_for(pilot.coordinator).get(_transitions_url(pilot.partnership)).json()
    assert [row["to_stage"] for row in listed["results"]] == ["formalised"]


def test_an_illegal_transition_answers_400_and_changes_nothing(pilot: Pilot) -> None:
    response = client_for(pilot.coordinator).post(
        _transitions_url(pilot.partnership), {"stage": "sustaining"}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "stage": ["A partnership cannot move from “Building” to “Sustaining”."]
    }
    assert Partnership.objects.get(pk=pilot.partnership.pk).stage == Stage.BUILDING
    assert not StageTransition.objects.exists()


def test_who_may_see_and_move_a_partnerships_stages(pilot: Pilot) -> None:
    url = _transitions_url(pilot.partnership)
    member = MembershipFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    assert member.organisation == pilot.firm
    # The firm's representative reads the internal partnership, but does not move it.
    assert client_for(pilot.firm_representative).get(url).status_code == 200
    assert client_for(pilot.firm_representative).post(url, {"stage": "formalised"}).status_code == (
        403
    )
    # Strangers do not even learn that the partnership exists.
    assert client_for(pilot.stranger).get(url).status_code == 404
    assert client_for(pilot.stranger).post(url, {"stage": "formalised"}).status_code == 404
    assert client_for(None).get(url).status_code == 404
    assert client_for(None).post(url, {"stage": "formalised"}).status_code == 401
    assert (
        client_for(pilot.hub_staff).get("/api/partnerships/999999999999/transitions/").status_code
        == 404
    )
    assert Partnership.objects.get(pk=pilot.partnership.pk).stage == Stage.BUILDING


def test_a_published_partnerships_stage_history_is_public(pilot: Pilot) -> None:
    transition = StageTransitionFactory.create(
        partnership__visibility=Visibility.PUBLISHED, partnership__stage=Stage.BUILDING
    )
    response = client_for(None).get(_transitions_url(transition.partnership))
    assert [row["id"] for row in response.json()["results"]] == [transition.pk]


def test_editing_the_partnership_does_not_change_its_stage(pilot: Pilot) -> None:
    response = client_for(pilot.hub_staff).patch(
        f"/api/partnerships/{pilot.partnership.pk}/", {"stage": "implementing"}
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["stage"]
    assert Partnership.objects.get(pk=pilot.partnership.pk).stage == Stage.BUILDING


def test_balance_warnings_name_the_missing_sectors(pilot: Pilot) -> None:
    MembershipFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    response = client_for(pilot.coordinator).get(
        f"/api/partnerships/{pilot.partnership.pk}/balance-warnings/"
    )
    assert response.status_code == 200
    assert [(w["code"], w["sector"]) for w in response.json()] == [
        ("sector_missing", "public"),
        ("sector_missing", "civil"),
        ("sector_dominant", "private"),
    ]
    assert (
        client_for(pilot.stranger)
        .get(f"/api/partnerships/{pilot.partnership.pk}/balance-warnings/")
        .status_code
        == 404
    )


# --- health checks -------------------------------------------------------------------------


def _scores(value: int) -> dict[str, int]:
    return dict.fromkeys(FACTORS, value)


def test_a_health_round_through_the_api(pilot: Pilot) -> None:
    member = MembershipFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    today = timezone.localdate()
    opened = client_for(pilot.coordinator).post(
        "/api/health-surveys/",
        {
            "partnership": pilot.partnership.pk,
            "opened_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
        },
    )
    assert opened.status_code == 201, opened.json()
    survey_id = opened.json()["id"]
    assert [q["factor"] for q in opened.json()["questions"]] == list(FACTORS)

    representative = client_for(pilot.firm_representative)
    bad = representative.post(
        "/api/health-responses/",
        {"survey": survey_id, "membership": member.pk, **_scores(3), "trust": 7},
    )
    answered = representative.post(
        "/api/health-responses/",
        {"survey": survey_id, "membership": member.pk, **_scores(4), "comment": "Dobro."},
    )
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["trust"]
    assert answered.status_code == 201, answered.json()
    changed = representative.patch(f"/api/health-responses/{answered.json()['id']}/", {"trust": 2})
    assert changed.status_code == 200 and changed.json()["trust"] == 2

    results = (
        client_for(pilot.firm_representative)
        .get("/api/health-surveys/", {"partnership": pilot.partnership.pk})
        .json()["results"]
    )
    assert results[0]["results"]["responses"] == 1
    assert results[0]["results"]["means"]["trust"] == 2.0
    assert results[0]["results"]["overall"] == pytest.approx((2 + 4 * 6) / 7, abs=0.01)


def test_only_members_answer_and_read_their_own_answers(pilot: Pilot) -> None:
    survey = HealthSurveyFactory.create(partnership=pilot.partnership)
    member = MembershipFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    other = MembershipFactory.create(partnership=pilot.partnership)
    payload = {"survey": survey.pk, "membership": other.pk, **_scores(3)}

    assert client_for(pilot.stranger).post("/api/health-responses/", payload).status_code == 403
    assert (
        client_for(pilot.firm_representative).post("/api/health-responses/", payload).status_code
        == 403
    )  # answering for another member
    assert not HealthResponse.objects.exists()

    answer = client_for(pilot.firm_representative).post(
        "/api/health-responses/", payload | {"membership": member.pk}
    )
    assert answer.status_code == 201
    assert (
        client_for(pilot.stranger).get(f"/api/health-responses/{answer.json()['id']}/").status_code
        == 404
    )
    assert client_for(pilot.stranger).get("/api/health-surveys/").json()["results"] == []
