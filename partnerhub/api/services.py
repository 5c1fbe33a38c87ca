"""Writes and look-ups of personal API tokens."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.api.models import ApiToken
from partnerhub.core.services import Actor, save_validated

KEY_PREFIX = "phk_"
PREFIX_LENGTH = len(KEY_PREFIX) + 6
# Writing "last used" on every request would turn every read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    """A token just created and its key: the only time the key is available."""

    token: ApiToken
    key: str


def digest(key: str) -> str:
    """The SHA-256 digest under which a key is stored."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_token(
    user: User,
    name: str,
    *,
    expires_at: datetime.datetime | None = None,
    by: Actor = None,
) -> IssuedToken:
    """Create a personal token for ``user``; the returned key is never stored or shown again.

    The expiry, when given, must lie in the future.
    """
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError(
            {"expires_at": [_("The expiry must be in the future.")]}, code="expired"
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip(),
        key_digest=digest(key),
        prefix=key[:PREFIX_LENGTH],
        expires_at=expires_at,
    )
    with transaction.atomic():
        save_validated(token, by=by)
    return IssuedToken(token=token, key=key)


def revoke_token(token: ApiToken, *, by: Actor = None) -> ApiToken:
    """Revoke a token for good; revoking it again changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        save_validated(token, by=by)
    return token


def get_token_for_key(key: str) -> ApiToken | None:
    """The usable token whose key is ``key`` (with its user), or None."""
    return (
        ApiToken.objects.usable()
        .select_related("user")
        .filter(key_digest=digest(key), user__is_active=True)
        .first()
    )


def mark_used(token: ApiToken) -> None:
    """Record that the token was just used (at most once a minute per token)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
