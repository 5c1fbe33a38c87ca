"""Personal API tokens are their owner's: seen, named and revoked by them alone."""

from __future__ import annotations

from django.db.models import Q

from partnerhub.access.predicates import declare_permissions, is_registered, no_parent
from partnerhub.access.visibility import NOTHING, declare_access
from partnerhub.api.models import ApiToken

declare_access(
    ApiToken,
    public=lambda: NOTHING,
    editable=lambda scope: Q(user_id=scope.user_id),
)
declare_permissions(ApiToken, add=is_registered & no_parent)
