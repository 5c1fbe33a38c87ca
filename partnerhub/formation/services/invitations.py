"""Invitations to join a partnership: sent by its facilitator, answered once.

Every function checks that ``by`` may do what it asks (``by=None`` is the system: imports,
commands, demo data), validates completely and writes in one transaction: a refused
request raises ``ValidationError`` or ``PermissionDenied`` and changes nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from partnerhub.access.choices import Role
from partnerhub.access.models import RoleAssignment
from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.core.services import Actor, save_validated, update_fields
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import Invitation
from partnerhub.formation.rules import RESPOND
from partnerhub.formation.services.common import acting_account
from partnerhub.partnerships.choices import MemberRole, Stage
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.partnerships.services import add_member
from partnerhub.registry.choices import OrganisationStatus
from partnerhub.registry.models import Organisation

logger = logging.getLogger(__name__)

#: How long an invitation can be answered, unless the facilitator sets another expiry.
INVITATION_VALIDITY = datetime.timedelta(days=14)
TOKEN_PREFIX = "phi_"  # noqa: S105 - marks invitation codes; not a secret


@dataclass(frozen=True)
class IssuedInvitation:
    """An invitation just created and its token: the only time the token is available."""

    invitation: Invitation
    token: str


def token_digest(token: str) -> str:
    """The SHA-256 digest under which an invitation's token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


#: Why an invitation can no longer be answered, by its (effective) status.
CLOSED_INVITATION: Mapping[str, StrOrPromise] = {
    InvitationStatus.ACCEPTED: _("This invitation has already been accepted."),
    InvitationStatus.DECLINED: _("This invitation has already been declined."),
    InvitationStatus.REVOKED: _("This invitation was withdrawn by the partnership."),
    InvitationStatus.EXPIRED: _("This invitation has expired: ask the partnership for a new one."),
}
DISSOLVED = _("%(organisation)s is dissolved: a dissolved organisation cannot join a partnership.")


def _check_can_join(partnership: Partnership, organisation: Organisation) -> None:
    if organisation.status == OrganisationStatus.DISSOLVED:
        raise ValidationError(
            {
                "organisation": ValidationError(
                    DISSOLVED, code="dissolved", params={"organisation": organisation.name}
                )
            }
        )
    if partnership.stage == Stage.CLOSED:
        raise ValidationError(
            {
                "partnership": ValidationError(
                    _("This partnership is closed: it takes no new members."), code="closed"
                )
            }
        )


def check_can_invite(
    partnership: Partnership, organisation: Organisation, *, now: datetime.datetime | None = None
) -> None:
    """Raise ``ValidationError`` unless ``organisation`` may be invited to ``partnership``.

    Refused: a dissolved organisation, a closed partnership, a current member, an
    organisation with a pending invitation. (Forms call this to show the error on its field.)
    """
    _check_can_join(partnership, organisation)
    if partnership.current_memberships().filter(organisation=organisation).exists():
        raise ValidationError(
            {
                "organisation": ValidationError(
                    _("This organisation is already a member of this partnership."),
                    code="already_member",
                )
            }
        )
    if (
        Invitation.objects.pending(now)
        .filter(partnership=partnership, organisation=organisation)
        .exists()
    ):
        raise ValidationError(
            {
                "organisation": ValidationError(
                    _("This organisation already has a pending invitation to this partnership."),
                    code="already_invited",
                )
            }
        )


def _check_open(invitation: Invitation, now: datetime.datetime) -> None:
    status = invitation.status
    if status == InvitationStatus.PENDING and invitation.is_expired(now):
        status = InvitationStatus.EXPIRED
    if status != InvitationStatus.PENDING:
        raise ValidationError(CLOSED_INVITATION[status], code=f"invitation_{status}")


def invite_organisation(
    partnership: Partnership,
    organisation: Organisation,
    role: str = MemberRole.PARTNER,
    *,
    message: str = "",
    expires_at: datetime.datetime | None = None,
    respond_url: Callable[[str], str] | None = None,
    by: Actor,
) -> IssuedInvitation:
    """Invite an organisation to join a partnership in a proposed role, with a message.

    Allowed to the partnership's facilitator (its hub's staff, its coordinator). A dissolved
    organisation, a closed partnership, a current member or an organisation with a pending
    invitation is refused. The token is returned once and e-mailed, after the transaction
    commits, to the organisation's public address and its representatives;
    ``respond_url(token)`` (when given) makes the absolute link the e-mail carries.
    """
    require(
        by,
        permission_name(Invitation, "add"),
        partnership,
        _("Only the partnership's facilitator invites organisations to it."),
    )
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise ValidationError(
            {"expires_at": ValidationError(_("The expiry must be in the future."), code="past")}
        )
    with transaction.atomic():
        # Invitations of one partnership are written one at a time (one pending per organisation).
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        check_can_invite(partnership, organisation, now=now)
        for overdue in Invitation.objects.overdue(now).filter(
            partnership=partnership, organisation=organisation
        ):
            update_fields(overdue, {"status": InvitationStatus.EXPIRED}, by=by)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        invitation = save_validated(
            Invitation(
                partnership=partnership,
                organisation=organisation,
                role=role,
                message=message.strip(),
                token_digest=token_digest(token),
                expires_at=expires_at or now + INVITATION_VALIDITY,
                invited_by=acting_account(by),
            ),
            by=by,
        )
        _notify_invited(invitation, token, respond_url)
    return IssuedInvitation(invitation=invitation, token=token)


def get_invitation_for_token(token: str) -> Invitation | None:
    """The invitation whose token is ``token`` (whatever its status), or None."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("partnership", "organisation")
        .filter(token_digest=token_digest(token))
        .first()
    )


def _check_may_respond(by: Actor, invitation: Invitation, token: str | None) -> None:
    """The organisation's representatives answer; so does whoever holds the invitation's token."""
    if token:
        if not secrets.compare_digest(token_digest(token), invitation.token_digest):
            raise ValidationError(
                {"token": ValidationError(_("This invitation code is not valid."), code="token")}
            )
        if by is not None and not get_scope(by).is_authenticated:
            raise PermissionDenied(_("Sign in to answer an invitation."))
        return
    require(
        by,
        RESPOND,
        invitation,
        _("Only a representative of the invited organisation answers the invitation."),
    )


def _lock_for_answer(
    invitation: Invitation, by: Actor, token: str | None
) -> tuple[Invitation, datetime.datetime]:
    """The invitation's row, locked, once ``by`` may answer it and it is still open.

    The status is read again under the lock, so of two answers given at once the second
    sees the first and is refused.
    """
    locked = (
        Invitation.objects.select_for_update()
        .select_related("partnership", "organisation")
        .get(pk=invitation.pk)
    )
    _check_may_respond(by, locked, token)
    now = timezone.now()
    _check_open(locked, now)
    return locked, now


def accept_invitation(
    invitation: Invitation,
    *,
    by: Actor,
    token: str | None = None,
    joined: datetime.date | None = None,
) -> Membership:
    """Accept an invitation: the organisation becomes a member, in the proposed role.

    The membership (from ``joined``, today by default) and the answer are written in one
    transaction, with the invitation's row locked: an invitation is accepted once, however
    many answers arrive together. An invitation already answered, revoked or expired is
    refused with a clear error and nothing changes.
    """
    with transaction.atomic():
        locked, now = _lock_for_answer(invitation, by, token)
        _check_can_join(locked.partnership, locked.organisation)
        membership = add_member(
            locked.partnership,
            locked.organisation,
            locked.role,
            joined=joined or timezone.localdate(),
            by=by,
        )
        update_fields(
            locked,
            {
                "status": InvitationStatus.ACCEPTED,
                "decided_by": acting_account(by),
                "decided_at": now,
                "membership": membership,
            },
            by=by,
        )
    invitation.refresh_from_db()
    return membership


def decline_invitation(
    invitation: Invitation, *, reason: str, by: Actor, token: str | None = None
) -> Invitation:
    """Decline an invitation, saying why; the partnership's facilitator reads the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {
                "decline_reason": ValidationError(
                    _("Give the reason for declining the invitation."), code="reason_required"
                )
            }
        )
    with transaction.atomic():
        locked, now = _lock_for_answer(invitation, by, token)
        update_fields(
            locked,
            {
                "status": InvitationStatus.DECLINED,
                "decline_reason": reason,
                "decided_by": acting_account(by),
                "decided_at": now,
            },
            by=by,
        )
    invitation.refresh_from_db()
    return invitation


def revoke_invitation(invitation: Invitation, *, by: Actor) -> Invitation:
    """Withdraw a pending invitation (the facilitator); its token stops working."""
    require(
        by,
        permission_name(Invitation, "change"),
        invitation,
        _("Only the partnership's facilitator withdraws its invitations."),
    )
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        now = timezone.now()
        _check_open(locked, now)
        update_fields(
            locked,
            {
                "status": InvitationStatus.REVOKED,
                "decided_by": acting_account(by),
                "decided_at": now,
            },
            by=by,
        )
    invitation.refresh_from_db()
    return invitation


def expire_overdue_invitations(*, now: datetime.datetime | None = None, by: Actor = None) -> int:
    """Mark every pending invitation past its expiry as expired; returns how many.

    Expiry holds without this (an overdue invitation cannot be answered); this keeps the
    stored status in step, e.g. from a daily scheduled command.
    """
    count = 0
    with transaction.atomic():
        for invitation in Invitation.objects.overdue(now).select_for_update():
            update_fields(invitation, {"status": InvitationStatus.EXPIRED}, by=by)
            count += 1
    return count


def _invitation_recipients(organisation: Organisation) -> list[str]:
    representatives = (
        RoleAssignment.objects.current()
        .filter(role=Role.REPRESENTATIVE, organisation=organisation, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    addresses = [organisation.email, *representatives]
    return sorted({address for address in addresses if address})


def _notify_invited(
    invitation: Invitation, token: str, respond_url: Callable[[str], str] | None
) -> None:
    """E-mail the invitation and its token once the transaction commits."""
    recipients = _invitation_recipients(invitation.organisation)
    if not recipients:
        return
    context = {
        "invitation": invitation,
        "partnership": invitation.partnership,
        "organisation": invitation.organisation,
        "role": invitation.get_role_display(),
        "token": token,
        "url": respond_url(token) if respond_url else "",
    }
    subject = render_to_string("formation/email/invitation_subject.txt", context)
    body = render_to_string("formation/email/invitation_body.txt", context)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, bcc=recipients)

    def send() -> None:
        # A mail server that is down must not undo the invitation: the facilitator still
        # has the token to pass on, and the failure is logged for the operators.
        try:
            message.send()
        except Exception:
            logger.exception("Could not send the invitation e-mail %r", message.subject)

    transaction.on_commit(send)
