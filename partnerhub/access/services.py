"""Granting and ending roles: the only writes of the access app."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.access.choices import Role
from partnerhub.access.models import RoleAssignment
from partnerhub.access.scope import forget_scope
from partnerhub.core.services import Actor, save_validated, update_fields
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation


def grant_role(
    user: Any,
    role: Role | str,
    *,
    organisation: Organisation | None = None,
    partnership: Partnership | None = None,
    start: datetime.date | None = None,
    by: Actor = None,
) -> RoleAssignment:
    """Give ``user`` ``role`` over an organisation (hub staff, representative) or a partnership.

    Hub staff are granted over an organisation marked as a hub only.
    """
    if role == Role.HUB_STAFF and organisation is not None and not organisation.is_hub:
        raise ValidationError(
            {"organisation": _("Hub staff work for a hub: this organisation is not marked as one.")}
        )
    assignment = RoleAssignment(
        user=user,
        role=role,
        organisation=organisation,
        partnership=partnership,
        start=start or timezone.localdate(),
        granted_by=by if isinstance(by, User) else None,
    )
    save_validated(assignment, by=by)
    forget_scope(user)
    return assignment


def end_role(
    assignment: RoleAssignment, *, on: datetime.date | None = None, by: Actor = None
) -> RoleAssignment:
    """End a role assignment on ``on`` (today by default); the record stays for the history."""
    update_fields(assignment, {"end": on or timezone.localdate()}, by=by)
    forget_scope(assignment.user)
    return assignment
