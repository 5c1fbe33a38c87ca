"""Writes of local problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.services import Actor, save_validated
from partnerhub.registry.models import ThematicArea


def record_problem(
    *, areas: Iterable[ThematicArea] = (), by: Actor = None, **fields: Any
) -> LocalProblem:
    """Record a local problem raised by an organisation or a person."""
    return save_validated(LocalProblem(**fields), m2m={"areas": areas}, by=by)
