"""Stamp every per-record history row with who acted and why (see ``audit.context``)."""

from __future__ import annotations

from typing import Any

from partnerhub.audit.context import current_acting


def stamp_history_row(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    """simple-history's ``pre_create_historical_record``: fill in the actor and the reason.

    The actor named to the service (``by=``) is recorded even when there is no request
    (commands, imports, tests); a reason set on the instance itself (``_change_reason``)
    is kept.
    """
    now = current_acting()
    if now.user is not None:
        history_instance.history_user = now.user
    if now.reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = now.reason
