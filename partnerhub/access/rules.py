"""Role assignments are granted by site administrators; a user sees their own."""

from __future__ import annotations

import rules
from django.db.models import Q

from partnerhub.access.models import RoleAssignment
from partnerhub.access.predicates import declare_permissions
from partnerhub.access.visibility import NOTHING, declare_access

declare_access(
    RoleAssignment,
    public=lambda: NOTHING,
    internal=lambda scope: Q(user_id=scope.user_id),
)
declare_permissions(RoleAssignment, add=rules.always_deny)
