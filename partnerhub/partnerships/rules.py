"""Who may see and change partnerships and their memberships.

Hub staff manage the partnerships their hub facilitates; a coordinator manages their
partnership; an organisation's representatives (and people who are members themselves) read
the internal pages of partnerships they belong to. People listed as members are personal
data: the public sees organisation members only.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_hub_staff,
    is_site_admin,
)
from partnerhub.access.scope import Scope, get_scope
from partnerhub.access.visibility import declare_access
from partnerhub.core.choices import Visibility
from partnerhub.partnerships.models import Membership, Partnership, current_membership_q
from partnerhub.registry.models import Organisation


def _managed(scope: Scope) -> Q:
    return Q(hub_id__in=scope.hub_ids) | Q(pk__in=scope.partnership_ids)


def _belongs(scope: Scope) -> Q:
    """Partnerships the user belongs to: through an organisation they represent, or in person."""
    members = Membership.objects.filter(current_membership_q(timezone.localdate()))
    condition = Q(organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        condition |= Q(person_id=scope.person_id)
    return Q(pk__in=members.filter(condition).values("partnership_id"))


def managed_partnerships(scope: Scope) -> QuerySet[Partnership, Any]:
    """Ids of the partnerships ``scope`` manages (a subquery for related records' rules)."""
    return Partnership.objects.filter(_managed(scope)).values("pk")


def internal_partnerships(scope: Scope) -> QuerySet[Partnership, Any]:
    """Ids of the partnerships whose internal pages ``scope`` may read."""
    return Partnership.objects.filter(_managed(scope) | _belongs(scope)).values("pk")


@rules.predicate
def is_staff_of_hub(user: Any, hub: Organisation | None) -> bool:
    """``user`` works for ``hub``: a partnership is started under the hub that facilitates it."""
    return hub is not None and hub.pk in get_scope(user).hub_ids


declare_access(
    Partnership,
    public=lambda: Q(visibility=Visibility.PUBLISHED),
    internal=_belongs,
    editable=_managed,
    deletable=lambda scope: Q(hub_id__in=scope.hub_ids),
)
declare_permissions(
    Partnership, add=is_staff_of_hub, parents=("hub",), add_any=is_hub_staff | is_site_admin
)

declare_access(
    Membership,
    public=lambda: Q(partnership__visibility=Visibility.PUBLISHED, organisation__isnull=False),
    internal=lambda scope: Q(partnership_id__in=internal_partnerships(scope)),
    editable=lambda scope: Q(partnership_id__in=managed_partnerships(scope)),
)
declare_permissions(Membership, add=add_under_changeable_parent, parents=("partnership",))
