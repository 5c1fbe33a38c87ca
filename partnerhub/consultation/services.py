"""Writes of local problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.registry.models import ThematicArea


def record_problem(
    *, areas: Iterable[ThematicArea] = (), by: Actor = None, **fields: Any
) -> LocalProblem:
    """Record a local problem raised by an organisation or a person."""
    return save_validated(LocalProblem(**fields), m2m={"areas": areas}, by=by)


def update_problem(problem: LocalProblem, *, by: Actor = None, **changes: Any) -> LocalProblem:
    """Change a problem: its text, its status (a rejection needs a reason), its areas."""
    return update_fields(problem, changes, by=by)


def delete_problem(problem: LocalProblem, *, by: Actor = None) -> None:
    """Remove a problem recorded by mistake (partnerships addressing it lose the link)."""
    delete_record(problem, by=by)
