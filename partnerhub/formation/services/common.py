"""Helpers shared by the formation services."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise

from partnerhub.core.services import Actor


def require(by: Actor, permission: str, obj: Any, message: str | Promise) -> None:
    """Refuse a user without ``permission`` on ``obj`` (the system, ``by=None``, may)."""
    if by is None:
        return
    if not (isinstance(by, User | AnonymousUser) and by.has_perm(permission, obj)):
        raise PermissionDenied(message)


def acting_account(by: Actor) -> User | None:
    """``by`` as the account to record (None for the system and anonymous visitors)."""
    return by if isinstance(by, User) and by.pk is not None else None
