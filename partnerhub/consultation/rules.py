"""Who may see and change local problems, their evidence and their backing.

Any registered user may submit a problem; it waits for the staff of its hub, who publish,
reject or take it up. The public sees published problems (and those being or already
addressed). Whoever raised a problem sees it, and may edit it while it waits for review.

Links to evidence follow their problem: seen where it is seen, kept by whoever may change
it. Any registered user may back a problem they can see, for themselves or for an
organisation they represent; the public sees the organisations backing a public problem
(people backing it are counted, never listed), and a backer withdraws their own backing.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    can_view,
    declare_permissions,
    is_registered,
    is_site_admin,
    no_parent,
)
from partnerhub.access.scope import Scope, get_scope
from partnerhub.access.visibility import NOTHING, declare_access
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import (
    PUBLIC_PROBLEM_STATUSES,
    LocalProblem,
    ProblemLink,
    ProblemSupport,
)


def _raised_by(scope: Scope) -> Q:
    condition = Q(raised_by_organisation_id__in=scope.organisation_ids)
    if scope.user_id is not None:
        condition |= Q(submitted_by_id=scope.user_id)
    if scope.person_id is not None:
        condition |= Q(raised_by_person_id=scope.person_id)
    return condition


def _problem_internal(scope: Scope) -> Q:
    return _raised_by(scope) | Q(hub_id__in=scope.hub_ids)


def _problem_editable(scope: Scope) -> Q:
    return Q(hub_id__in=scope.hub_ids) | (_raised_by(scope) & Q(status=ProblemStatus.SUBMITTED))


declare_access(
    LocalProblem,
    public=lambda: Q(status__in=PUBLIC_PROBLEM_STATUSES),
    internal=_problem_internal,
    editable=_problem_editable,
    deletable=lambda scope: Q(hub_id__in=scope.hub_ids),
)
declare_permissions(LocalProblem, add=is_registered & no_parent)


def _problems(condition: Q) -> Q:
    """Rows whose problem matches ``condition`` (a condition on ``LocalProblem``)."""
    return Q(problem_id__in=LocalProblem.objects.filter(condition).values("pk"))


declare_access(
    ProblemLink,
    public=lambda: Q(problem__status__in=PUBLIC_PROBLEM_STATUSES),
    internal=lambda scope: _problems(_problem_internal(scope)),
    editable=lambda scope: _problems(_problem_editable(scope)),
)
declare_permissions(ProblemLink, add=add_under_changeable_parent, parents=("problem",))


def _own_support(scope: Scope) -> Q:
    own = Q(organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        own |= Q(person_id=scope.person_id)
    return own if (scope.organisation_ids or scope.person_id is not None) else NOTHING


declare_access(
    ProblemSupport,
    public=lambda: Q(problem__status__in=PUBLIC_PROBLEM_STATUSES, organisation__isnull=False),
    internal=lambda scope: _own_support(scope) | Q(problem__hub_id__in=scope.hub_ids),
    editable=_own_support,
    # The hub's staff may remove a backing that abuses the problem's page.
    deletable=lambda scope: _own_support(scope) | Q(problem__hub_id__in=scope.hub_ids),
)
# Backing is checked with the problem: a registered user backs a problem they can see.
declare_permissions(ProblemSupport, add=is_registered & ~no_parent & can_view, parents=("problem",))


@rules.predicate
def moderates(user: Any, problem: LocalProblem | None) -> bool:
    """Staff of the problem's hub publish, reject and take up the problem."""
    return problem is not None and problem.hub_id in get_scope(user).hub_ids


rules.set_perm("consultation.moderate_localproblem", is_site_admin | moderates)
