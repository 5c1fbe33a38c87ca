"""Look-ups of accounts by what people type: a username or an e-mail address."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet


def users_with_email(email: str) -> QuerySet[User]:
    """Accounts whose address is ``email``, ignoring case (addresses are compared so)."""
    return (
        User.objects.filter(email__iexact=email.strip()) if email.strip() else User.objects.none()
    )


def email_in_use(email: str, *, except_user: User | None = None) -> bool:
    """Whether another account already has ``email`` (ignoring case)."""
    accounts = users_with_email(email)
    if except_user is not None:
        accounts = accounts.exclude(pk=except_user.pk)
    return accounts.exists()


def username_in_use(username: str) -> bool:
    """Whether an account has ``username``, ignoring case (as Django's sign-up form does)."""
    return User.objects.filter(username__iexact=username).exists()


def username_for_login(identifier: str) -> str:
    """The username to sign in with, for what was typed into "username or e-mail".

    A username is taken as it is. An e-mail address is replaced by the username of the one
    account that has it; when no account or several have it, it is left as typed, and
    signing in simply fails. Usernames may contain "@", so a username wins over an address.
    """
    identifier = identifier.strip()
    if "@" not in identifier or User.objects.filter(username=identifier).exists():
        return identifier
    usernames = list(users_with_email(identifier).values_list("username", flat=True)[:2])
    return usernames[0] if len(usernames) == 1 else identifier


def unconfirmed_accounts_with_email(email: str) -> QuerySet[User]:
    """Accounts signed up with ``email`` whose address was never confirmed.

    They are inactive and have never signed in; an account an administrator deactivated
    has signed in before, and a confirmation link must not reactivate it.
    """
    return users_with_email(email).filter(is_active=False, last_login__isnull=True)
