"""Writes of local problems: raising them, moderating them, evidence and backing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.consultation.choices import ProblemStatus, SupportKind
from partnerhub.consultation.models import (
    BACKABLE_PROBLEM_STATUSES,
    LocalProblem,
    ProblemLink,
    ProblemSupport,
)
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.registry.models import Organisation, Person, ThematicArea

MODERATE = "consultation.moderate_localproblem"
MODERATED_FIELDS = ("status", "rejection_reason")

#: The moves a moderator may make: a submitted problem is published or rejected; a
#: published one is taken up by a partnership ("being addressed") and then solved. A
#: rejection may be reconsidered (the problem is published after all).
PROBLEM_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ProblemStatus.SUBMITTED: (ProblemStatus.PUBLISHED, ProblemStatus.REJECTED),
    ProblemStatus.PUBLISHED: (ProblemStatus.BEING_ADDRESSED, ProblemStatus.REJECTED),
    ProblemStatus.BEING_ADDRESSED: (ProblemStatus.ADDRESSED, ProblemStatus.PUBLISHED),
    ProblemStatus.REJECTED: (ProblemStatus.PUBLISHED,),
    ProblemStatus.ADDRESSED: (),
}
ILLEGAL_MOVE = gettext_lazy("A problem that is “%(current)s” cannot become “%(new)s”.")


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


def check_problem_transition(current: str, new: str) -> None:
    """Raise ``ValidationError`` on ``status`` unless ``PROBLEM_TRANSITIONS`` allows the move."""
    if new not in PROBLEM_TRANSITIONS.get(current, ()):
        raise ValidationError(
            {
                "status": ValidationError(
                    ILLEGAL_MOVE,
                    code="illegal_transition",
                    params={
                        "current": ProblemStatus(current).label,
                        "new": ProblemStatus(new).label if new in ProblemStatus.values else new,
                    },
                )
            }
        )


def update_problem(problem: LocalProblem, *, by: Actor = None, **changes: Any) -> LocalProblem:
    """Change a problem: its text, its status (a rejection needs a reason), its areas.

    Only a moderator changes the status, and only along ``PROBLEM_TRANSITIONS`` (as
    ``moderate_problem`` does); the submitter may edit the text while it waits.
    """
    if not may_moderate(by, problem) and any(
        field in changes and changes[field] != getattr(problem, field) for field in MODERATED_FIELDS
    ):
        raise PermissionDenied(_("Only the staff of the problem's hub publish or reject it."))
    if "status" in changes and changes["status"] != problem.status:
        check_problem_transition(problem.status, changes["status"])
    return update_fields(problem, changes, by=by)


def moderate_problem(
    problem: LocalProblem, status: str, *, reason: str = "", by: Actor
) -> LocalProblem:
    """Move a problem along its review: publish or reject it (with a reason), take it up, close it.

    Allowed to the staff of the problem's hub (and site administrators, and the system).
    An illegal move (``PROBLEM_TRANSITIONS``) or a rejection without a reason raises
    ``ValidationError`` and changes nothing. Leaving "rejected" clears the old reason (the
    history keeps it).
    """
    if not may_moderate(by, problem):
        raise PermissionDenied(_("Only the staff of the problem's hub publish or reject it."))
    with transaction.atomic():
        locked = LocalProblem.objects.select_for_update().get(pk=problem.pk)
        check_problem_transition(locked.status, status)
        reason = reason.strip() if status == ProblemStatus.REJECTED else ""
        update_fields(locked, {"status": status, "rejection_reason": reason}, by=by)
    problem.refresh_from_db()
    return problem


def delete_problem(problem: LocalProblem, *, by: Actor = None) -> None:
    """Remove a problem recorded by mistake (partnerships addressing it lose the link)."""
    delete_record(problem, by=by)


# --- evidence ----------------------------------------------------------------------------


def add_problem_link(problem: LocalProblem, *, url: str, title: str, by: Actor) -> ProblemLink:
    """Add a link to evidence (http or https only) to a problem, by whoever may change it."""
    require(
        by,
        permission_name(ProblemLink, "add"),
        problem,
        gettext_lazy("You may not add evidence to this problem."),
    )
    return save_validated(ProblemLink(problem=problem, url=url.strip(), title=title.strip()), by=by)


def remove_problem_link(link: ProblemLink, *, by: Actor) -> None:
    """Remove a link to evidence."""
    require(
        by,
        permission_name(ProblemLink, "delete"),
        link,
        gettext_lazy("You may not remove this link."),
    )
    delete_record(link, by=by)


# --- backing -----------------------------------------------------------------------------


def _backer_of(by: Actor, backer: Organisation | Person | None) -> Organisation | Person:
    """The backer named, or the acting user's own person; checked against who acts."""
    if backer is None:
        person = Person.objects.filter(user=by).first() if isinstance(by, User) else None
        if person is None:
            raise ValidationError(
                _(
                    "Your account is not linked to a person: back the problem on behalf of an "
                    "organisation you represent."
                ),
                code="no_backer",
            )
        return person
    if by is None:
        return backer
    scope = get_scope(by)
    if scope.is_site_admin:
        return backer
    acts_for = scope.organisation_ids | scope.hub_ids  # representatives; a hub's own staff
    if isinstance(backer, Organisation) and backer.pk not in acts_for:
        raise PermissionDenied(_("Only a representative backs a problem for an organisation."))
    if isinstance(backer, Person) and backer.pk != scope.person_id:
        raise PermissionDenied(_("You may back a problem only for yourself."))
    return backer


def back_problem(
    problem: LocalProblem,
    backer: Organisation | Person | None = None,
    *,
    kind: str = SupportKind.SEES_IT_TOO,
    note: str = "",
    by: Actor,
) -> ProblemSupport:
    """Back a public problem: "we see this too" or "we can help", with an optional note.

    ``backer`` is an organisation the user represents, or a person (by default the user's
    own). Each backer backs a problem once: backing it again changes the kind and the note.
    Only published problems and problems being addressed can be backed.
    """
    require(
        by,
        permission_name(ProblemSupport, "add"),
        problem,
        gettext_lazy("You may not back this problem."),
    )
    backer = _backer_of(by, backer)
    with transaction.atomic():
        # Backings of one problem are written one at a time, so "once per backer" holds.
        locked = LocalProblem.objects.select_for_update().get(pk=problem.pk)
        if locked.status not in BACKABLE_PROBLEM_STATUSES:
            raise ValidationError(
                _("Only a published problem, or one being addressed, can be backed."),
                code="not_backable",
            )
        organisation = backer if isinstance(backer, Organisation) else None
        person = backer if isinstance(backer, Person) else None
        existing = ProblemSupport.objects.filter(
            problem=locked, organisation=organisation, person=person
        ).first()
        if existing is not None:
            return update_fields(existing, {"kind": kind, "note": note.strip()}, by=by)
        support = ProblemSupport(
            problem=locked,
            organisation=organisation,
            person=person,
            kind=kind,
            note=note.strip(),
            created_by=by if isinstance(by, User) else None,
        )
        return save_validated(support, by=by)


def withdraw_support(support: ProblemSupport, *, by: Actor) -> None:
    """Withdraw a backing (its backer, or the staff of the problem's hub)."""
    require(
        by,
        permission_name(ProblemSupport, "delete"),
        support,
        gettext_lazy("You may not withdraw this backing."),
    )
    delete_record(support, by=by)
