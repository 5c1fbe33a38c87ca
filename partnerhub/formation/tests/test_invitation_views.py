"""Starting a partnership for a problem, inviting organisations, and answering invitations
in the workspace and by an invitation's link."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    OrganisationFactory,
    SuperuserFactory,
    TerritorialUnitFactory,
    ThematicAreaFactory,
)
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import Invitation
from partnerhub.formation.services import token_digest
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import InvitationFactory
from partnerhub.partnerships.choices import MemberRole, Stage
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.choices import OrganisationStatus

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
INVITE = "/workspace/formation/invite/"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def invite(client: Client, pilot: Pilot, *organisations: Any, **extra: str) -> Any:
    data = {
        "partnership": str(pilot.partnership.pk),
        "organisations": [str(o.pk) for o in organisations],
        "role": MemberRole.PARTNER,
        "message": "Pridružite se nam.",
        **extra,
    }
    return client.post(INVITE, data)


# --- starting a partnership for a problem -----------------------------------------------


def test_hub_staff_start_the_partnership_that_takes_a_problem_on(pilot: Pilot) -> None:
    area = ThematicAreaFactory.create()
    postojna = TerritorialUnitFactory.create(name="Postojna")
    problem = LocalProblemFactory.create(
        title="Ni prevoza", hub=pilot.hub, territory=postojna, status=ProblemStatus.PUBLISHED
    )
    problem.areas.set([area])
    url = reverse("formation:start-partnership", args=[problem.pk])
    back = reverse("matching:problem-recommendations", args=[problem.pk]) + "?view=shortlist"

    response = signed_in(pilot.hub_staff).post(
        url,
        {
            "name": "Prevozi za starejše",
            "kind": "local_partnership",
            "visibility": "internal",
            "goal": "",
            "next": back,
        },
    )

    partnership = Partnership.objects.get(name="Prevozi za starejše")
    assert response.status_code == 302
    assert response["Location"] == f"{back}&partnership={partnership.pk}"
    assert (partnership.hub, partnership.territory, partnership.stage) == (
        pilot.hub,
        postojna,
        Stage.SCOPING,
    )
    assert list(partnership.problems.all()) == [problem]
    assert list(partnership.areas.all()) == [area]


def test_only_the_staff_of_the_problems_hub_start_a_partnership(pilot: Pilot) -> None:
    problem = LocalProblemFactory.create(hub=pilot.hub, status=ProblemStatus.PUBLISHED)
    url = reverse("formation:start-partnership", args=[problem.pk])
    data = {"name": "X", "kind": "local_partnership", "visibility": "internal"}
    for user in (pilot.coordinator, pilot.firm_representative, pilot.stranger):
        assert signed_in(user).post(url, data).status_code == 403
    hidden = LocalProblemFactory.create(hub=pilot.hub, status=ProblemStatus.SUBMITTED)
    hidden_url = reverse("formation:start-partnership", args=[hidden.pk])
    assert signed_in(pilot.stranger).get(hidden_url).status_code == 404
    assert signed_in(pilot.hub_staff).get(url).status_code == 200
    assert not Partnership.objects.filter(name="X").exists()


def test_an_unsafe_next_address_is_ignored(pilot: Pilot) -> None:
    problem = LocalProblemFactory.create(hub=pilot.hub, status=ProblemStatus.PUBLISHED)
    response = signed_in(pilot.hub_staff).post(
        reverse("formation:start-partnership", args=[problem.pk]),
        {
            "name": "Y",
            "kind": "local_partnership",
            "visibility": "internal",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"].startswith(
        reverse("matching:problem-recommendations", args=[problem.pk])
    )


# --- inviting --------------------------------------------------------------------------------


def test_the_facilitator_invites_several_organisations_at_once(
    pilot: Pilot, django_capture_on_commit_callbacks: Any
) -> None:
    municipality = OrganisationFactory.create(name="Občina", sector=Sector.PUBLIC)

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(signed_in(pilot.hub_staff), pilot, pilot.firm, municipality)

    assert response.status_code == 200
    invitations = Invitation.objects.filter(partnership=pilot.partnership)
    assert {i.organisation for i in invitations} == {pilot.firm, municipality}
    assert {i.invited_by for i in invitations} == {pilot.hub_staff}
    html = response.content.decode()
    links = re.findall(r"http://testserver/invitations/(phi_[\w-]+)/", html)
    assert len(links) == 2
    # The firm's representatives got the link by e-mail.
    assert any(links[0] in m.body or links[1] in m.body for m in mail.outbox)


def test_inviting_a_dissolved_organisation_invites_nobody_and_says_why(pilot: Pilot) -> None:
    dissolved = OrganisationFactory.create(
        name="Staro društvo", status=OrganisationStatus.DISSOLVED
    )

    response = invite(signed_in(pilot.hub_staff), pilot, pilot.firm, dissolved)

    assert response.status_code == 400
    assert "Staro društvo is dissolved" in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_twice_is_refused(pilot: Pilot) -> None:
    InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    response = invite(signed_in(pilot.hub_staff), pilot, pilot.firm)
    assert response.status_code == 400
    assert "already has a pending invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize("who", ["firm_representative", "stranger"])
def test_only_the_facilitator_invites(pilot: Pilot, who: str) -> None:
    response = invite(signed_in(getattr(pilot, who)), pilot, pilot.firm)
    assert response.status_code == 400  # the partnership is not among theirs
    assert not Invitation.objects.exists()
    url = f"{INVITE}?partnership={pilot.partnership.pk}"
    assert signed_in(getattr(pilot, who)).get(url).status_code == 404
    assert signed_in(pilot.coordinator).get(url).status_code == 200


def test_the_facilitator_sees_every_invitation_and_withdraws_one_with_htmx(pilot: Pilot) -> None:
    pending = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    InvitationFactory.create(
        partnership=pilot.partnership,
        organisation=OrganisationFactory.create(name="Hotel"),
        status=InvitationStatus.DECLINED,
        decline_reason="Nimamo časa to jesen.",
        decided_at=timezone.now(),
    )
    client = signed_in(pilot.hub_staff)
    page = client.get(reverse("formation:partnership", args=[pilot.partnership.pk]))
    html = page.content.decode()
    assert "Nimamo časa to jesen." in html
    assert 'data-status="pending"' in html and 'data-status="declined"' in html

    response = client.post(reverse("formation:revoke", args=[pending.pk]), headers=HTMX)

    assert response.status_code == 200
    assert response.content.decode().startswith('<section id="invitations"')
    pending.refresh_from_db()
    assert pending.status == InvitationStatus.REVOKED


def test_withdrawing_an_answered_invitation_is_refused(pilot: Pilot) -> None:
    declined = InvitationFactory.create(
        partnership=pilot.partnership,
        organisation=pilot.firm,
        status=InvitationStatus.DECLINED,
        decline_reason="Ne.",
        decided_at=timezone.now(),
    )
    response = signed_in(pilot.hub_staff).post(
        reverse("formation:revoke", args=[declined.pk]), follow=True
    )
    assert "already been declined" in response.content.decode()
    declined.refresh_from_db()
    assert declined.status == InvitationStatus.DECLINED


def test_a_representative_may_not_withdraw_and_a_stranger_sees_nothing(pilot: Pilot) -> None:
    pending = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    url = reverse("formation:revoke", args=[pending.pk])
    assert signed_in(pilot.firm_representative).post(url).status_code == 403
    assert signed_in(pilot.stranger).post(url).status_code == 404
    pending.refresh_from_db()
    assert pending.status == InvitationStatus.PENDING


# --- answering -------------------------------------------------------------------------------


def test_a_representative_sees_and_accepts_an_invitation_in_the_workspace(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(
        partnership=pilot.partnership, organisation=pilot.firm, role=MemberRole.EXPERT
    )
    client = signed_in(pilot.firm_representative)
    workspace = client.get(reverse("workspace:index")).content.decode()
    assert "Invitations to answer" in workspace
    assert reverse("formation:accept", args=[invitation.pk]) in workspace

    response = client.post(reverse("formation:accept", args=[invitation.pk]), headers=HTMX)

    assert response.status_code == 200
    assert "is now a member of" in response.content.decode()
    membership = pilot.partnership.memberships.get(organisation=pilot.firm)
    assert membership.role == MemberRole.EXPERT  # as proposed
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.decided_by == pilot.firm_representative


def test_accepting_twice_says_so_and_changes_nothing(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    client = signed_in(pilot.firm_representative)
    client.post(reverse("formation:accept", args=[invitation.pk]))
    again = client.post(reverse("formation:accept", args=[invitation.pk]), follow=True)
    assert "already been accepted" in again.content.decode()
    assert pilot.partnership.memberships.filter(organisation=pilot.firm).count() == 1


def test_only_a_representative_answers(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    accept = reverse("formation:accept", args=[invitation.pk])
    decline = reverse("formation:decline", args=[invitation.pk])
    assert signed_in(pilot.hub_staff).post(accept).status_code == 403
    assert signed_in(pilot.hub_staff).get(decline).status_code == 403
    assert signed_in(pilot.stranger).post(accept).status_code == 404
    assert not pilot.partnership.memberships.exists()


def test_declining_needs_a_reason(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    url = reverse("formation:decline", args=[invitation.pk])
    client = signed_in(pilot.firm_representative)

    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 400
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING

    done = client.post(url, {"reason": "Letos nimamo vozila."})
    assert done.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == (
        InvitationStatus.DECLINED,
        "Letos nimamo vozila.",
    )


def test_an_invitation_to_an_organisation_dissolved_since_cannot_be_accepted(
    pilot: Pilot,
) -> None:
    invitation = InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    pilot.firm.status = OrganisationStatus.DISSOLVED
    pilot.firm.save()
    response = signed_in(pilot.firm_representative).post(
        reverse("formation:accept", args=[invitation.pk]), follow=True
    )
    assert "is dissolved" in response.content.decode()
    assert not pilot.partnership.memberships.exists()


# --- the invitation's link -------------------------------------------------------------------


def token_url(token: str) -> str:
    return reverse("invitations:respond", args=[token])


def test_the_link_asks_to_sign_in_and_an_unknown_code_is_404(pilot: Pilot) -> None:
    InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    response = Client().get(token_url("token-0"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert signed_in(pilot.stranger).get(token_url("phi_nothing")).status_code == 404


def test_whoever_holds_the_link_answers_it_when_signed_in(pilot: Pilot) -> None:
    InvitationFactory.create(
        partnership=pilot.partnership, organisation=pilot.firm, token_digest=token_digest("phi_a")
    )
    # Not (yet) a representative of the firm: the link is what lets them answer.
    client = signed_in(pilot.stranger)
    page = client.get(token_url("phi_a"))
    assert page.status_code == 200
    assert "Accept for Prevozi Postojna d.o.o." in page.content.decode()

    done = client.post(token_url("phi_a"), {"action": "accept"})

    assert done.status_code == 302
    assert pilot.partnership.memberships.filter(organisation=pilot.firm).exists()


def test_an_expired_link_says_so_and_changes_nothing(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(
        partnership=pilot.partnership,
        organisation=pilot.firm,
        token_digest=token_digest("phi_old"),
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    client = signed_in(pilot.firm_representative)
    page = client.get(token_url("phi_old"))
    assert "This invitation has expired" in page.content.decode()

    response = client.post(token_url("phi_old"), {"action": "accept"})

    assert response.status_code == 400
    assert "This invitation has expired" in response.content.decode()
    assert not pilot.partnership.memberships.exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_declining_by_link_needs_a_reason(pilot: Pilot) -> None:
    invitation = InvitationFactory.create(
        partnership=pilot.partnership, organisation=pilot.firm, token_digest=token_digest("phi_x")
    )
    admin = SuperuserFactory.create()
    client = signed_in(admin)
    assert client.post(token_url("phi_x"), {"action": "decline", "reason": ""}).status_code == 400
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    client.post(token_url("phi_x"), {"action": "decline", "reason": "Ne zdaj."})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
