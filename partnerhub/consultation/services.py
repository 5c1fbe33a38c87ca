"""Writes of local problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.registry.models import Person, ThematicArea

MODERATE = "consultation.moderate_localproblem"
MODERATED_FIELDS = ("status", "rejection_reason")


def may_moderate(by: Actor, problem: LocalProblem) -> bool:
    """The system (``by=None``), site administrators and the staff of the problem's hub."""
    return by is None or (isinstance(by, User) and by.has_perm(MODERATE, problem))


def record_problem(
    *, areas: Iterable[ThematicArea] = (), by: Actor = None, **fields: Any
) -> LocalProblem:
    """Record a local problem raised by an organisation or a person.

    A problem submitted by someone who may not moderate it waits for review: its status is
    "submitted" whatever was asked, and it is raised by the submitter's person when they
    have one and named no one else.
    """
    problem = LocalProblem(**fields)
    if isinstance(by, User):
        problem.submitted_by = by
    if not may_moderate(by, problem):
        problem.status = ProblemStatus.SUBMITTED
        problem.rejection_reason = ""
        person = Person.objects.filter(user=problem.submitted_by).first()
        if person and not (problem.raised_by_person_id or problem.raised_by_organisation_id):
            problem.raised_by_person = person
    return save_validated(problem, m2m={"areas": areas}, by=by)


def update_problem(problem: LocalProblem, *, by: Actor = None, **changes: Any) -> LocalProblem:
    """Change a problem: its text, its status (a rejection needs a reason), its areas.

    Only a moderator changes the status; the submitter may edit the text while it waits.
    """
    if not may_moderate(by, problem) and any(
        field in changes and changes[field] != getattr(problem, field) for field in MODERATED_FIELDS
    ):
        raise PermissionDenied(_("Only the staff of the problem's hub publish or reject it."))
    return update_fields(problem, changes, by=by)


def delete_problem(problem: LocalProblem, *, by: Actor = None) -> None:
    """Remove a problem recorded by mistake (partnerships addressing it lose the link)."""
    delete_record(problem, by=by)
