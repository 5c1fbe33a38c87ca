"""Signed, expiring links sent by e-mail: confirm a new account, confirm a changed address.

A link carries who it is for and the address it confirms, signed with the site's secret
key and a timestamp (``django.core.signing``), so nothing has to be stored until the link is
opened. Each purpose has its own salt: a sign-up link can never confirm an e-mail change.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

#: How long a link sent by e-mail can be used.
LINK_MAX_AGE = datetime.timedelta(days=3)


class LinkPurpose(enum.Enum):
    """What a link confirms; each purpose signs with its own salt."""

    VERIFY_ACCOUNT = "partnerhub.accounts.verify-account"
    CHANGE_EMAIL = "partnerhub.accounts.change-email"


@dataclass(frozen=True)
class AddressClaim:
    """What a link states: user ``user_id`` receives mail at ``email``.

    ``previous_email`` is the address the account had when the link was sent (for an
    e-mail change), so a link stops working once the address has changed again.
    """

    user_id: int
    email: str
    previous_email: str = ""


def make_link_token(purpose: LinkPurpose, claim: AddressClaim) -> str:
    """The signed, URL-safe token that states ``claim`` for ``purpose``."""
    payload = {"u": claim.user_id, "e": claim.email, "p": claim.previous_email}
    return signing.dumps(payload, salt=purpose.value)


def read_link_token(
    purpose: LinkPurpose, token: str, *, max_age: datetime.timedelta = LINK_MAX_AGE
) -> AddressClaim:
    """The claim a token states, if it is genuine and younger than ``max_age``.

    Raises ``ValidationError`` with code ``expired`` for a genuine but old link and
    ``invalid`` for anything else (tampered, truncated, made for another purpose).
    """
    try:
        payload = signing.loads(token, salt=purpose.value, max_age=max_age)
    except signing.SignatureExpired as error:
        days = max_age.days
        message = ngettext(
            "This link has expired: links are valid for %(days)d day.",
            "This link has expired: links are valid for %(days)d days.",
            days,
        ) % {"days": days}
        raise ValidationError(message, code="expired") from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("This link is not valid. Check that you copied the whole address from the e-mail."),
            code="invalid",
        ) from error
    try:
        return AddressClaim(
            user_id=int(payload["u"]),
            email=str(payload["e"]),
            previous_email=str(payload.get("p", "")),
        )
    except (KeyError, TypeError, ValueError) as error:  # signed, but not by this module
        raise ValidationError(_("This link is not valid."), code="invalid") from error
