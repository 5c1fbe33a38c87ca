"""Who may see and change which records, declared once per model as database conditions.

Each domain app's ``rules.py`` declares, for each of its models, three conditions:

* ``public`` — what anyone may see, signed in or not (published records);
* ``internal(scope)`` — what a user's roles add (internal pages of their partnerships, …);
* ``editable(scope)`` — what they may change (and ``deletable``, when stricter).

The same conditions serve lists (``Model.objects.visible_to(user)``), detail pages (a
record outside ``visible_to`` answers 404), the API, exports and the ``rules`` permission
predicates — so a page, the API and an export can never disagree about a record. A model
without a declaration is visible to site administrators only: a new model stays hidden
until someone decides who may see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models
from django.db.models import Q

from partnerhub.access.scope import Scope, get_scope

#: Conditions that match every row and no row. (An empty ``Q()`` vanishes when or-ed.)
EVERYTHING = Q(pk__isnull=False)
NOTHING = Q(pk__in=[])

ScopeCondition = Callable[[Scope], Q]


def _nothing(scope: Scope) -> Q:
    return NOTHING


@dataclass(frozen=True)
class RecordAccess:
    """The declared conditions of one model (see the module docstring)."""

    public: Callable[[], Q]
    internal: ScopeCondition = _nothing
    editable: ScopeCondition = _nothing
    deletable: ScopeCondition | None = None

    def visible(self, scope: Scope) -> Q:
        if scope.is_site_admin:
            return EVERYTHING
        if not scope.is_authenticated:
            return self.public()
        return self.public() | self.internal(scope) | self.editable(scope)

    def internal_to(self, scope: Scope) -> Q:
        if scope.is_site_admin:
            return EVERYTHING
        if not scope.is_authenticated:
            return NOTHING
        return self.internal(scope) | self.editable(scope)

    def changeable(self, scope: Scope) -> Q:
        if scope.is_site_admin:
            return EVERYTHING
        if not scope.is_authenticated:
            return NOTHING
        return self.editable(scope)

    def removable(self, scope: Scope) -> Q:
        if scope.is_site_admin:
            return EVERYTHING
        if not scope.is_authenticated:
            return NOTHING
        return (self.deletable or self.editable)(scope)


_ADMIN_ONLY = RecordAccess(public=lambda: NOTHING)
_DECLARED: dict[type[models.Model], RecordAccess] = {}


def declare_access(
    model: type[models.Model],
    *,
    public: Callable[[], Q],
    internal: ScopeCondition = _nothing,
    editable: ScopeCondition = _nothing,
    deletable: ScopeCondition | None = None,
) -> RecordAccess:
    """Declare who may see and change records of ``model`` (once, in the app's rules.py)."""
    access = RecordAccess(public=public, internal=internal, editable=editable, deletable=deletable)
    _DECLARED[model] = access
    return access


def access_of(model: type[models.Model]) -> RecordAccess:
    """The declared access of ``model`` (of its concrete parent for proxies)."""
    concrete = model._meta.concrete_model or model
    return _DECLARED.get(concrete, _ADMIN_ONLY)


def declared_models() -> list[type[models.Model]]:
    """Every model with declared access (the permission matrix walks these)."""
    return list(_DECLARED)


def visible_condition(model: type[models.Model], user: Any) -> Q:
    return access_of(model).visible(get_scope(user))


def internal_condition(model: type[models.Model], user: Any) -> Q:
    return access_of(model).internal_to(get_scope(user))


def editable_condition(model: type[models.Model], user: Any) -> Q:
    return access_of(model).changeable(get_scope(user))


def deletable_condition(model: type[models.Model], user: Any) -> Q:
    return access_of(model).removable(get_scope(user))


_M = TypeVar("_M", bound=models.Model)


class AccessQuerySet(models.QuerySet[_M]):
    """The reads every listed model has: ``visible_to``, ``internal_to``, ``editable_by``."""

    def visible_to(self, user: Any) -> AccessQuerySet[_M]:
        """The records ``user`` may know exist (anonymous visitors: published ones)."""
        return self._narrow(visible_condition(self.model, user))

    def internal_to(self, user: Any) -> AccessQuerySet[_M]:
        """The records whose internal pages ``user`` may read."""
        return self._narrow(internal_condition(self.model, user))

    def editable_by(self, user: Any) -> AccessQuerySet[_M]:
        """The records ``user`` may change."""
        return self._narrow(editable_condition(self.model, user))

    def deletable_by(self, user: Any) -> AccessQuerySet[_M]:
        return self._narrow(deletable_condition(self.model, user))

    def _narrow(self, condition: Q) -> AccessQuerySet[_M]:
        if condition is EVERYTHING:
            return self.all()
        return self.filter(condition)
