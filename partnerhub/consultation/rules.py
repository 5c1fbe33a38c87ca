"""Who may see and change local problems.

Any registered user may submit a problem; it waits for the staff of its hub, who publish,
reject or take it up. The public sees published problems (and those being or already
addressed). Whoever raised a problem sees it, and may edit it while it waits for review.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from partnerhub.access.predicates import (
    declare_permissions,
    is_registered,
    is_site_admin,
    no_parent,
)
from partnerhub.access.scope import Scope, get_scope
from partnerhub.access.visibility import declare_access
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import PUBLIC_PROBLEM_STATUSES, LocalProblem


def _raised_by(scope: Scope) -> Q:
    condition = Q(raised_by_organisation_id__in=scope.organisation_ids)
    if scope.user_id is not None:
        condition |= Q(submitted_by_id=scope.user_id)
    if scope.person_id is not None:
        condition |= Q(raised_by_person_id=scope.person_id)
    return condition


declare_access(
    LocalProblem,
    public=lambda: Q(status__in=PUBLIC_PROBLEM_STATUSES),
    internal=lambda scope: _raised_by(scope) | Q(hub_id__in=scope.hub_ids),
    editable=lambda scope: (
        Q(hub_id__in=scope.hub_ids) | (_raised_by(scope) & Q(status=ProblemStatus.SUBMITTED))
    ),
    deletable=lambda scope: Q(hub_id__in=scope.hub_ids),
)
declare_permissions(LocalProblem, add=is_registered & no_parent)


@rules.predicate
def moderates(user: Any, problem: LocalProblem | None) -> bool:
    """Staff of the problem's hub publish, reject and take up the problem."""
    return problem is not None and problem.hub_id in get_scope(user).hub_ids


rules.set_perm("consultation.moderate_localproblem", is_site_admin | moderates)
