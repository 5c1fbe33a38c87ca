"""Helpers shared by the formation services."""

from __future__ import annotations

from django.contrib.auth.models import User

from partnerhub.core.services import Actor


def acting_account(by: Actor) -> User | None:
    """``by`` as the account to record (None for the system and anonymous visitors)."""
    return by if isinstance(by, User) and by.pk is not None else None
