"""API permission for actions whose service decides who may act."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from partnerhub.access.scope import get_scope

if TYPE_CHECKING:
    from rest_framework.views import APIView


class SignedInForService(BasePermission):
    """Any signed-in client may call the action; the service checks the exact permission.

    Answering an invitation, signing an agreement or moving a partnership is allowed by
    rules the service applies (and refuses with 403 through ``PermissionDenied``), so the
    record-level "change" permission of ``RecordPermission`` does not apply. The record
    must still be visible to the client (404 otherwise).
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        return get_scope(request.user).is_authenticated

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return True
