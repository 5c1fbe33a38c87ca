"""Who may see and do what while a partnership forms: invitations, stages, health checks.

The facilitator of a partnership — the staff of its hub, or its coordinator — invites
organisations, moves the partnership from stage to stage and opens health surveys. An
invited organisation's representatives see its invitations and answer them. Members read
their partnership's stage history and survey results; each member answers a survey for
itself. A partnership's stage history is public when the partnership is.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_site_admin,
)
from partnerhub.access.scope import Scope, get_scope
from partnerhub.access.visibility import NOTHING, declare_access
from partnerhub.core.choices import Visibility
from partnerhub.formation.models import (
    HealthResponse,
    HealthSurvey,
    Invitation,
    StageTransition,
)
from partnerhub.partnerships.models import Membership, current_membership_q
from partnerhub.partnerships.rules import internal_partnerships, managed_partnerships

RESPOND = "formation.respond_invitation"


def _managed(scope: Scope, field: str = "partnership_id") -> Q:
    return Q(**{f"{field}__in": managed_partnerships(scope)})


def _internal(scope: Scope, field: str = "partnership_id") -> Q:
    return Q(**{f"{field}__in": internal_partnerships(scope)})


declare_access(
    Invitation,
    public=lambda: NOTHING,
    internal=lambda scope: Q(organisation_id__in=scope.organisation_ids) | _managed(scope),
    editable=_managed,
)
declare_permissions(Invitation, add=add_under_changeable_parent, parents=("partnership",))


@rules.predicate
def represents_invited_organisation(user: Any, invitation: Invitation | None) -> bool:
    """The user represents the organisation the invitation is addressed to."""
    return invitation is not None and invitation.organisation_id in get_scope(user).organisation_ids


rules.set_perm(RESPOND, is_site_admin | represents_invited_organisation)

declare_access(
    StageTransition,
    public=lambda: Q(partnership__visibility=Visibility.PUBLISHED),
    internal=_internal,
    # The stage history is written by the lifecycle service and never edited.
    editable=lambda scope: NOTHING,
)
# Adding a transition is moving the partnership: whoever manages it.
declare_permissions(StageTransition, add=add_under_changeable_parent, parents=("partnership",))

declare_access(
    HealthSurvey,
    public=lambda: NOTHING,
    internal=_internal,
    editable=_managed,
)
declare_permissions(HealthSurvey, add=add_under_changeable_parent, parents=("partnership",))


def _own_answers(scope: Scope) -> Q:
    own = Q(membership__organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        own |= Q(membership__person_id=scope.person_id)
    return own if (scope.organisation_ids or scope.person_id is not None) else NOTHING


declare_access(
    HealthResponse,
    public=lambda: NOTHING,
    # Each member reads its own answers; the facilitator reads every member's.
    internal=lambda scope: _own_answers(scope) | _managed(scope, "survey__partnership_id"),
    editable=_own_answers,
)


@rules.predicate
def answers_for_a_member(user: Any, survey: HealthSurvey | None) -> bool:
    """The user represents a current member organisation of the survey's partnership, or is a
    member in person."""
    if survey is None:
        return False
    scope = get_scope(user)
    own = Q(organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        own |= Q(person_id=scope.person_id)
    return (
        Membership.objects.filter(partnership_id=survey.partnership_id)
        .filter(current_membership_q(timezone.localdate()))
        .filter(own)
        .exists()
    )


declare_permissions(HealthResponse, add=answers_for_a_member, parents=("survey",))
