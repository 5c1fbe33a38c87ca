"""Who may do what through the API: one permission class for every viewset."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView


def may_write(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether ``user`` may create, change and delete records (for now: staff only)."""
    return bool(user is not None and user.is_authenticated and getattr(user, "is_staff", False))


def may_see_everything(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether ``user`` sees internal records and people (for now: staff only)."""
    return may_write(user)


class RecordPermission(BasePermission):
    """The interim rule for every record: reading is open, writing is for staff.

    What a client may read is narrowed separately, by each viewset's queryset hook
    (``partnerhub.api.visibility.visible_to``), so a record a client may not see answers
    404 rather than 403. The access issue (#3: ``rules`` predicates, roles of hub staff,
    coordinator and representative) replaces the two helpers above with the same rule
    names the UI uses; viewsets keep using this one class.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        return request.method in SAFE_METHODS or may_write(request.user)

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return request.method in SAFE_METHODS or may_write(request.user)
