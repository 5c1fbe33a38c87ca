"""Who may do what through the API: the ``rules`` permissions the pages use, by name.

Which records a client may read is decided by each viewset's queryset
(``Model.objects.visible_to(user)``), so a record a client may not know exists answers 404.
Writing needs an account (anonymous clients get 401); changing or deleting a record the
client can see needs ``<app>.change_<model>`` / ``<app>.delete_<model>`` on it (403
otherwise); adding needs ``<app>.add_<model>`` on the parent records the new one names,
checked by the viewset once the input is valid (``partnerhub.access.predicates.may_add``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from partnerhub.access.predicates import may_add_any, permission_name
from partnerhub.access.scope import get_scope

if TYPE_CHECKING:
    from rest_framework.views import APIView


class RecordPermission(BasePermission):
    """Reading is narrowed by the queryset; writing follows the declared permissions."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not get_scope(request.user).is_authenticated:
            return False
        if request.method == "POST" and getattr(view, "action", None) == "create":
            return may_add_any(request.user, view.get_queryset().model)  # type: ignore[attr-defined]
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        action = "delete" if request.method == "DELETE" else "change"
        return bool(request.user.has_perm(permission_name(type(obj), action), obj))
