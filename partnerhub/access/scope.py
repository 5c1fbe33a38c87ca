"""What a user's roles reach: the hubs, partnerships and organisations they act for.

Computed once per user object (one query) and kept on it, so a request that checks many
records asks the database once. ``forget_scope`` drops it after roles change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser

from partnerhub.access.choices import Role

_CACHE_ATTRIBUTE = "_partnerhub_scope"


@dataclass(frozen=True)
class Scope:
    """The reach of one user. Empty for anonymous visitors and plain registered users."""

    is_authenticated: bool = False
    is_site_admin: bool = False
    user_id: int | None = None
    person_id: int | None = None
    hub_ids: frozenset[int] = frozenset()
    partnership_ids: frozenset[int] = frozenset()
    organisation_ids: frozenset[int] = frozenset()

    @property
    def is_hub_staff(self) -> bool:
        return bool(self.hub_ids)

    @property
    def is_coordinator(self) -> bool:
        return bool(self.partnership_ids)

    @property
    def is_representative(self) -> bool:
        return bool(self.organisation_ids)


ANONYMOUS = Scope()


def get_scope(user: Any) -> Scope:
    """The scope of ``user`` (any user object, ``AnonymousUser`` or ``None``)."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return ANONYMOUS
    if not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def forget_scope(user: Any) -> None:
    """Drop the cached scope of ``user``, after their roles or person changed."""
    if user is not None and hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def _compute_scope(user: Any) -> Scope:
    from partnerhub.access.models import RoleAssignment
    from partnerhub.registry.models import Person

    hubs: set[int] = set()
    partnerships: set[int] = set()
    organisations: set[int] = set()
    for role, organisation_id, partnership_id in (
        RoleAssignment.objects.current()
        .filter(user_id=user.pk)
        .values_list("role", "organisation_id", "partnership_id")
    ):
        if role == Role.HUB_STAFF:
            hubs.add(organisation_id)
        elif role == Role.COORDINATOR:
            partnerships.add(partnership_id)
        elif role == Role.REPRESENTATIVE:
            organisations.add(organisation_id)
    person_id = Person.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()
    return Scope(
        is_authenticated=True,
        is_site_admin=bool(user.is_superuser),
        user_id=user.pk,
        person_id=person_id,
        hub_ids=frozenset(hubs),
        partnership_ids=frozenset(partnerships),
        organisation_ids=frozenset(organisations),
    )
