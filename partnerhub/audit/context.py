"""Who is acting, and why, while records are written: read by every audit trail entry.

Services run their writes inside ``acting(by=..., reason=...)``; each historical row written
meanwhile (simple-history's per-record history, the bulk helpers in ``audit.services``) is
stamped with that user and reason. Without a request (management commands, imports, tests)
this is the only source of "who"; inside a request it wins over the signed-in user, since
the service was told explicitly who acts. The state lives in a ``ContextVar``, so threads
and async tasks never see each other's actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from simple_history.models import HistoricalRecords

#: simple-history keeps the reason in a column of 100 characters.
REASON_MAX_LENGTH = 100


@dataclass(frozen=True)
class Acting:
    """The user acting (None for the system) and the reason given for the writes."""

    user: AbstractBaseUser | None = None
    reason: str = ""


_NOBODY = Acting()
_current: ContextVar[Acting] = ContextVar("partnerhub_audit_acting", default=_NOBODY)


def real_user(by: Any) -> AbstractBaseUser | None:
    """``by`` when it is a saved user account; None for anonymous visitors and the system."""
    if isinstance(by, AbstractBaseUser) and by.pk is not None and by.is_authenticated:
        return by
    return None


@contextmanager
def acting(by: Any = None, *, reason: str = "") -> Iterator[Acting]:
    """Record ``by`` and ``reason`` on every audit entry written inside the block.

    What an inner block leaves unsaid is inherited from the outer one: a service called
    with ``by=None`` inside ``partnerhub import-teryt`` still carries the command's marker,
    and a reason given by an import file names the file on the rows it writes.
    """
    outer = _current.get()
    current = Acting(
        user=real_user(by) or outer.user,
        reason=(reason or outer.reason)[:REASON_MAX_LENGTH],
    )
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)


def current_acting() -> Acting:
    """Who acts now: the innermost ``acting`` block, else the signed-in user of the request."""
    acting_now = _current.get()
    if acting_now.user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = real_user(getattr(request, "user", None))
        if user is not None:
            return Acting(user=user, reason=acting_now.reason)
    return acting_now


def command_reason(name: str) -> str:
    """The marker of writes made by a management command: ``command: import-teryt``."""
    return f"command: {name}"


def import_reason(file_name: str) -> str:
    """The marker of writes made from an import file: ``import: TERC.xml``."""
    return f"import: {file_name}"
