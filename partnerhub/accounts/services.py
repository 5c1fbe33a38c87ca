"""Writes of the accounts app: signing up, confirming addresses, changing one's own details.

Every function validates completely, writes in one transaction and sends its e-mail only
after the transaction commits, so nobody receives a link to an account that was rolled back.
Links in e-mails are absolute: callers pass ``site_url`` (scheme and host, for example
``https://partnerhub.example.org``; views use the address the request came to).
"""

from __future__ import annotations

import logging

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerhub.accounts.links import (
    LINK_MAX_AGE,
    AddressClaim,
    LinkPurpose,
    make_link_token,
    read_link_token,
)
from partnerhub.accounts.selectors import (
    email_in_use,
    unconfirmed_accounts_with_email,
    username_in_use,
)
from partnerhub.accounts.throttling import EMAIL_CHANGE_THROTTLE
from partnerhub.core.services import Actor, save_validated, update_fields

logger = logging.getLogger(__name__)

EMAIL_TAKEN = _(
    "An account with this e-mail address already exists. Sign in, reset your password, or "
    "ask for a new confirmation link if you have not confirmed it yet."
)
USERNAME_TAKEN = _("This username is taken. Choose another one.")
LINK_USED = _("This link has already been used, or the account has changed since it was sent.")


def register_user(
    *,
    username: str,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    site_url: str,
) -> User:
    """Create an inactive account and e-mail a link that confirms its address.

    The account cannot sign in until the link is opened (``verify_email``). A username or
    an e-mail address already in use, in any letter case, is refused, and so is a password
    that fails the site's password validators.
    """
    email = User.objects.normalize_email(email.strip())
    user = User(
        username=username.strip(),
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        is_active=False,
    )
    with transaction.atomic():
        errors: dict[str, list[str]] = {}
        if username_in_use(user.username):
            errors["username"] = [str(USERNAME_TAKEN)]
        if email_in_use(email):
            errors["email"] = [str(EMAIL_TAKEN)]
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            errors["password"] = error.messages
        if errors:
            raise ValidationError(errors)
        user.set_password(password)
        save_validated(user)
        _send_verification(user, site_url=site_url)
    return user


def verify_email(token: str) -> User:
    """Activate the account a sign-up link was sent for, and return it.

    A link works once, for three days, and only while the account still has the address
    it was sent to. Raises ``ValidationError`` (codes ``expired``, ``invalid``, ``used``).
    """
    claim = read_link_token(LinkPurpose.VERIFY_ACCOUNT, token)
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=claim.user_id).first()
        if user is None or user.email.casefold() != claim.email.casefold():
            raise ValidationError(LINK_USED, code="used")
        if user.is_active or user.last_login is not None:
            raise ValidationError(
                _("Your e-mail address is already confirmed. Sign in to continue."),
                code="used",
            )
        update_fields(user, {"is_active": True}, by=user)
    return user


def resend_verification(email: str, *, site_url: str) -> int:
    """Send a new confirmation link to every unconfirmed account with ``email``.

    Returns how many were sent (normally 0 or 1); callers must not tell the visitor, so
    that nobody can learn which addresses have accounts.
    """
    sent = 0
    with transaction.atomic():
        for user in unconfirmed_accounts_with_email(email):
            _send_verification(user, site_url=site_url)
            sent += 1
    return sent


def update_profile(user: User, *, first_name: str, last_name: str, by: Actor) -> User:
    """Change the name shown for ``user`` (first and last name may be left empty)."""
    return update_fields(
        user, {"first_name": first_name.strip(), "last_name": last_name.strip()}, by=by
    )


def request_email_change(user: User, new_email: str, *, site_url: str, by: Actor) -> bool:
    """Send a link to ``new_email``; the account's address changes when it is opened.

    The current address stays in force until then. Returns False (and sends nothing) when
    the new address is the current one; refuses an address another account has, and a
    sixth link to one address within an hour.
    """
    new_email = User.objects.normalize_email(new_email.strip())
    if new_email.casefold() == user.email.casefold():
        return False
    if email_in_use(new_email, except_user=user):
        raise ValidationError({"email": [str(EMAIL_TAKEN)]})
    # Anyone with an account could otherwise flood a stranger's inbox with these links.
    if not EMAIL_CHANGE_THROTTLE.allow(new_email):
        raise ValidationError(
            {"email": [str(_("Too many links were sent to this address. Try again in an hour."))]},
            code="throttled",
        )
    claim = AddressClaim(user_id=user.pk, email=new_email, previous_email=user.email)
    url = _absolute(
        site_url, "accounts:confirm-email", make_link_token(LinkPurpose.CHANGE_EMAIL, claim)
    )
    message = _message(
        "accounts/email/confirm_email_change",
        to=new_email,
        context={"user": user, "new_email": new_email, "url": url, "days": LINK_MAX_AGE.days},
    )
    _send_after_commit(message)
    return True


def confirm_email_change(token: str) -> User:
    """Give the account the address an e-mail-change link was sent to, and return it.

    The previous address is told of the change. A link works once and for three days;
    it is refused when the account's address changed since it was sent or when another
    account took the new address meanwhile.
    """
    claim = read_link_token(LinkPurpose.CHANGE_EMAIL, token)
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=claim.user_id).first()
        if user is None or user.email.casefold() != claim.previous_email.casefold():
            raise ValidationError(LINK_USED, code="used")
        if email_in_use(claim.email, except_user=user):
            raise ValidationError(EMAIL_TAKEN, code="taken")
        previous_email = user.email
        update_fields(user, {"email": claim.email}, by=user)
        if previous_email:
            notice = _message(
                "accounts/email/email_changed_notice",
                to=previous_email,
                context={"user": user, "new_email": claim.email},
            )
            _send_after_commit(notice)
    return user


def _send_verification(user: User, *, site_url: str) -> None:
    claim = AddressClaim(user_id=user.pk, email=user.email)
    url = _absolute(
        site_url, "accounts:verify-email", make_link_token(LinkPurpose.VERIFY_ACCOUNT, claim)
    )
    message = _message(
        "accounts/email/verify_account",
        to=user.email,
        context={"user": user, "url": url, "days": LINK_MAX_AGE.days},
    )
    _send_after_commit(message)


def _absolute(site_url: str, url_name: str, token: str) -> str:
    return site_url.rstrip("/") + reverse(url_name, kwargs={"token": token})


def _message(template_prefix: str, *, to: str, context: dict[str, object]) -> EmailMessage:
    """An e-mail rendered now, in the language of the request that causes it."""
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    body = render_to_string(f"{template_prefix}_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])


def _send_after_commit(message: EmailMessage) -> None:
    def send() -> None:
        # A mail server that is down must not turn a saved sign-up into an error page: the
        # visitor can ask for a new link, and the failure is logged for the operators.
        try:
            message.send()
        except Exception:
            logger.exception("Could not send the e-mail %r", message.subject)

    transaction.on_commit(send)
