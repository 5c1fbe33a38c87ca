"""Invitations: a facilitator invites, a representative accepts or declines, once."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partnerhub.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import Invitation
from partnerhub.formation.selectors import get_pending_invitations
from partnerhub.formation.services import (
    INVITATION_VALIDITY,
    IssuedInvitation,
    accept_invitation,
    decline_invitation,
    expire_overdue_invitations,
    get_invitation_for_token,
    invite_organisation,
    revoke_invitation,
    token_digest,
)
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import InvitationFactory
from partnerhub.partnerships.choices import MemberRole, Stage
from partnerhub.partnerships.models import Membership
from partnerhub.registry.choices import OrganisationStatus

pytestmark = pytest.mark.django_db


def _invite(pilot: Pilot, **kwargs: Any) -> IssuedInvitation:
    kwargs.setdefault("by", pilot.hub_staff)
    return invite_organisation(
        pilot.partnership, pilot.firm, MemberRole.PARTNER, message="Pridružite se!", **kwargs
    )


def _unchanged(invitation: Invitation) -> bool:
    """The invitation is still pending, unanswered, and no membership was created."""
    fresh = Invitation.objects.get(pk=invitation.pk)
    return (
        fresh.status == InvitationStatus.PENDING
        and fresh.decided_at is None
        and not Membership.objects.filter(organisation=invitation.organisation_id).exists()
    )


# --- inviting ------------------------------------------------------------------------------


@pytest.mark.parametrize("facilitator", ["hub_staff", "coordinator"])
def test_the_facilitator_invites_and_the_token_is_stored_only_as_a_digest(
    pilot: Pilot, facilitator: str, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        issued = _invite(pilot, by=getattr(pilot, facilitator))

    invitation = Invitation.objects.get()
    assert issued.token.startswith("phi_") and len(issued.token) > 40
    assert invitation.token_digest == token_digest(issued.token) != issued.token
    assert (invitation.role, invitation.invited_by) == ("partner", getattr(pilot, facilitator))
    assert invitation.expires_at - invitation.created_at == pytest.approx(
        INVITATION_VALIDITY, abs=datetime.timedelta(seconds=5)
    )
    [message] = mail.outbox
    assert sorted(message.bcc) == ["firm@example.org", "info@prevozi.si"]
    assert "Pilotno lokalno partnerstvo Postojna" in message.subject
    assert issued.token in message.body
    assert "Pridružite se!" in message.body


def test_the_email_carries_the_link_the_caller_builds(
    pilot: Pilot, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        issued = _invite(pilot, respond_url=lambda token: f"https://hub.example.org/i/{token}/")
    assert f"https://hub.example.org/i/{issued.token}/" in mail.outbox[0].body


@pytest.mark.parametrize("who", ["firm_representative", "stranger"])
def test_only_the_facilitator_invites(pilot: Pilot, who: str) -> None:
    with pytest.raises(PermissionDenied):
        _invite(pilot, by=getattr(pilot, who))
    assert not Invitation.objects.exists()


def test_a_dissolved_organisation_is_not_invited(pilot: Pilot) -> None:
    pilot.firm.status = OrganisationStatus.DISSOLVED
    pilot.firm.save()
    errors = error_messages(lambda: _invite(pilot))
    assert errors == {
        "organisation": [
            "Prevozi Postojna d.o.o. is dissolved: a dissolved organisation cannot join a "
            "partnership."
        ]
    }
    assert not Invitation.objects.exists()


def test_a_member_or_an_organisation_already_invited_is_not_invited_again(pilot: Pilot) -> None:
    _invite(pilot)
    errors = error_messages(lambda: _invite(pilot))
    assert errors == {
        "organisation": ["This organisation already has a pending invitation to this partnership."]
    }
    member = MembershipFactory.create(partnership=pilot.partnership, joined=None)
    organisation = member.organisation
    assert organisation is not None
    errors = error_messages(
        lambda: invite_organisation(pilot.partnership, organisation, by=pilot.hub_staff)
    )
    assert errors == {
        "organisation": ["This organisation is already a member of this partnership."]
    }
    assert Invitation.objects.count() == 1


def test_a_closed_partnership_invites_no_one(pilot: Pilot) -> None:
    pilot.partnership.stage = Stage.CLOSED
    pilot.partnership.save()
    assert list(error_messages(lambda: _invite(pilot))) == ["partnership"]


def test_an_expiry_in_the_past_is_refused(pilot: Pilot) -> None:
    past = timezone.now() - datetime.timedelta(minutes=1)
    assert list(error_messages(lambda: _invite(pilot, expires_at=past))) == ["expires_at"]


def test_an_overdue_invitation_is_marked_expired_when_the_organisation_is_invited_again(
    pilot: Pilot,
) -> None:
    first = _invite(pilot).invitation
    with time_machine.travel(timezone.now() + INVITATION_VALIDITY + datetime.timedelta(hours=1)):
        second = _invite(pilot).invitation
    first.refresh_from_db()
    assert (first.status, second.status) == ("expired", "pending")


def test_the_database_keeps_one_pending_invitation_per_organisation(pilot: Pilot) -> None:
    InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)
    with violates("formation_invitation_one_pending"):
        InvitationFactory.create(partnership=pilot.partnership, organisation=pilot.firm)


# --- who sees invitations ---------------------------------------------------------------------


def test_representatives_see_their_organisations_pending_invitations(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    other = InvitationFactory.create()  # to another organisation
    expired = InvitationFactory.create(
        organisation=pilot.firm, expires_at=timezone.now() - datetime.timedelta(days=1)
    )

    assert list(get_pending_invitations(pilot.firm_representative)) == [invitation]
    assert set(Invitation.objects.visible_to(pilot.firm_representative)) == {invitation, expired}
    assert list(Invitation.objects.visible_to(pilot.hub_staff)) == [invitation]
    assert list(Invitation.objects.visible_to(pilot.stranger)) == []
    assert list(Invitation.objects.visible_to(None)) == []
    assert other not in Invitation.objects.visible_to(pilot.coordinator)


# --- answering -----------------------------------------------------------------------------


def test_accepting_makes_the_organisation_a_member_in_the_proposed_role(pilot: Pilot) -> None:
    invitation = invite_organisation(
        pilot.partnership, pilot.firm, MemberRole.LEADER, by=pilot.coordinator
    ).invitation

    membership = accept_invitation(invitation, by=pilot.firm_representative)

    assert (membership.partnership, membership.organisation) == (pilot.partnership, pilot.firm)
    assert (membership.role, membership.joined) == ("leader", timezone.localdate())
    assert invitation.status == InvitationStatus.ACCEPTED
    assert (invitation.decided_by, invitation.membership) == (pilot.firm_representative, membership)
    assert invitation.history.filter(status="accepted").get().history_user == (
        pilot.firm_representative
    )
    assert pilot.partnership.sector_balance().counts["private"] == 1


def test_accepting_twice_is_refused_and_changes_nothing(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    accept_invitation(invitation, by=pilot.firm_representative)
    decided_at = invitation.decided_at

    with pytest.raises(ValidationError) as caught:
        accept_invitation(invitation, by=pilot.firm_representative)

    assert caught.value.messages == ["This invitation has already been accepted."]
    assert caught.value.code == "invitation_accepted"
    assert Membership.objects.count() == 1
    assert Invitation.objects.get().decided_at == decided_at


def test_an_expired_invitation_cannot_be_accepted(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    with time_machine.travel(invitation.expires_at + datetime.timedelta(seconds=1)):
        with pytest.raises(ValidationError) as caught:
            accept_invitation(invitation, by=pilot.firm_representative)
        assert invitation.effective_status == InvitationStatus.EXPIRED
    assert caught.value.code == "invitation_expired"
    assert caught.value.messages == [
        "This invitation has expired: ask the partnership for a new one."
    ]
    assert _unchanged(invitation)


def test_a_revoked_invitation_cannot_be_accepted(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    with pytest.raises(PermissionDenied):
        revoke_invitation(invitation, by=pilot.firm_representative)
    revoke_invitation(invitation, by=pilot.coordinator)

    with pytest.raises(ValidationError) as caught:
        accept_invitation(invitation, by=pilot.firm_representative)

    assert caught.value.messages == ["This invitation was withdrawn by the partnership."]
    assert not Membership.objects.exists()
    with pytest.raises(ValidationError):
        revoke_invitation(invitation, by=pilot.coordinator)


def test_declining_needs_a_reason_and_then_the_invitation_is_closed(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    errors = error_messages(
        lambda: decline_invitation(invitation, reason=" ", by=pilot.firm_representative)
    )
    assert errors == {"decline_reason": ["Give the reason for declining the invitation."]}
    assert _unchanged(invitation)

    decline_invitation(invitation, reason="Ni kapacitet letos.", by=pilot.firm_representative)
    assert (invitation.status, invitation.decline_reason) == ("declined", "Ni kapacitet letos.")
    with pytest.raises(ValidationError):
        accept_invitation(invitation, by=pilot.firm_representative)
    assert not Membership.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "hub_staff", "coordinator"])
def test_only_the_organisations_representatives_answer_without_the_token(
    pilot: Pilot, who: str
) -> None:
    invitation = _invite(pilot).invitation
    with pytest.raises(PermissionDenied):
        accept_invitation(invitation, by=getattr(pilot, who))
    with pytest.raises(PermissionDenied):
        decline_invitation(invitation, reason="No", by=getattr(pilot, who))
    assert _unchanged(invitation)


def test_whoever_holds_the_token_answers_for_the_organisation_once(pilot: Pilot) -> None:
    issued = _invite(pilot)
    colleague = UserFactory.create()  # at the firm, but not (yet) its representative

    assert get_invitation_for_token(issued.token) == issued.invitation
    with pytest.raises(ValidationError) as caught:
        accept_invitation(issued.invitation, token="phi_wrong", by=colleague)
    assert caught.value.message_dict == {"token": ["This invitation code is not valid."]}
    assert _unchanged(issued.invitation)

    membership = accept_invitation(issued.invitation, token=issued.token, by=colleague)
    assert membership.organisation == pilot.firm
    with pytest.raises(ValidationError):  # single use
        accept_invitation(issued.invitation, token=issued.token, by=colleague)


def test_an_organisation_dissolved_after_the_invitation_cannot_accept_it(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    pilot.firm.status = OrganisationStatus.DISSOLVED
    pilot.firm.save()
    errors = error_messages(lambda: accept_invitation(invitation, by=pilot.firm_representative))
    assert list(errors) == ["organisation"]
    assert _unchanged(invitation)


def test_overdue_invitations_are_marked_expired_in_bulk(pilot: Pilot) -> None:
    invitation = _invite(pilot).invitation
    open_one = InvitationFactory.create(expires_at=timezone.now() + datetime.timedelta(days=30))
    assert expire_overdue_invitations() == 0
    later = invitation.expires_at + datetime.timedelta(minutes=1)
    assert expire_overdue_invitations(now=later) == 1
    invitation.refresh_from_db()
    open_one.refresh_from_db()
    assert (invitation.status, open_one.status) == ("expired", "pending")


def test_an_unknown_token_finds_nothing(pilot: Pilot) -> None:
    _invite(pilot)
    assert get_invitation_for_token("phi_unknown") is None
    assert get_invitation_for_token("") is None


def test_a_dissolved_organisation_invited_through_a_stale_form_is_refused(pilot: Pilot) -> None:
    stale = OrganisationFactory.create(status=OrganisationStatus.DISSOLVED)
    with pytest.raises(ValidationError):
        invite_organisation(pilot.partnership, stale, by=pilot.hub_staff)
    assert not Invitation.objects.exists()
