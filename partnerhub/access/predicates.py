"""``rules`` predicates built from the declared access conditions (access/visibility.py).

Object predicates answer for one record with one indexed query, through the same
conditions the lists use, so ``user.has_perm("projects.view_project", project)`` is true
exactly when ``project`` is in ``Project.objects.visible_to(user)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import rules
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.functional import Promise

from partnerhub.access.scope import get_scope
from partnerhub.access.visibility import (
    EVERYTHING,
    NOTHING,
    deletable_condition,
    editable_condition,
    internal_condition,
    visible_condition,
)


def _matches(obj: models.Model, condition: Any) -> bool:
    if condition is EVERYTHING:
        return True
    if condition is NOTHING or obj.pk is None:
        return False
    return type(obj)._default_manager.filter(pk=obj.pk).filter(condition).exists()


@rules.predicate
def is_site_admin(user: Any) -> bool:
    return get_scope(user).is_site_admin


@rules.predicate
def is_registered(user: Any) -> bool:
    return get_scope(user).is_authenticated


@rules.predicate
def is_hub_staff(user: Any) -> bool:
    return get_scope(user).is_hub_staff


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return get_scope(user).is_coordinator


@rules.predicate
def is_representative(user: Any) -> bool:
    return get_scope(user).is_representative


@rules.predicate
def can_view(user: Any, obj: models.Model | None) -> bool:
    """``obj`` is among the records ``user`` may know exist (without a record: anyone)."""
    return obj is None or _matches(obj, visible_condition(type(obj), user))


@rules.predicate
def can_view_internal(user: Any, obj: models.Model | None) -> bool:
    """``user`` may read the internal page of ``obj``."""
    if obj is None:
        return get_scope(user).is_site_admin
    return _matches(obj, internal_condition(type(obj), user))


@rules.predicate
def can_change(user: Any, obj: models.Model | None) -> bool:
    """``user`` may change ``obj``. Given a parent record, this decides adding under it."""
    if obj is None:
        return get_scope(user).is_site_admin
    return _matches(obj, editable_condition(type(obj), user))


@rules.predicate
def can_delete(user: Any, obj: models.Model | None) -> bool:
    if obj is None:
        return get_scope(user).is_site_admin
    return _matches(obj, deletable_condition(type(obj), user))


@rules.predicate
def no_parent(user: Any, obj: models.Model | None) -> bool:
    """Adding a record that stands on its own (no parent record given)."""
    return obj is None


_PARENTS: dict[type[models.Model], tuple[str, ...]] = {}
_ADD_ANY: dict[type[models.Model], rules.Predicate] = {}


def declare_permissions(
    model: type[models.Model],
    *,
    add: rules.Predicate,
    parents: tuple[str, ...] = (),
    add_any: rules.Predicate | None = None,
    change: rules.Predicate | None = None,
    delete: rules.Predicate | None = None,
) -> None:
    """Register the permissions of ``model`` by their Django names, once.

    ``<app>.view_<model>``, ``<app>.view_internal_<model>``, ``<app>.add_<model>``,
    ``<app>.change_<model>``, ``<app>.delete_<model>``. ``add`` is checked with the parent
    record the new one goes under (a partnership for a membership), or without a record;
    ``parents`` names the fields that hold such records; ``add_any`` says who could add one
    at all, before the parent is known (default: anyone holding a role).
    """
    _PARENTS[model] = parents
    if add_any is not None:
        _ADD_ANY[model] = add_any
    app_label = model._meta.app_label
    name = model._meta.model_name
    permissions = {
        f"{app_label}.view_{name}": can_view,
        f"{app_label}.view_internal_{name}": can_view_internal,
        f"{app_label}.add_{name}": is_site_admin | add,
        f"{app_label}.change_{name}": change or can_change,
        f"{app_label}.delete_{name}": delete or can_delete,
    }
    for permission, predicate in permissions.items():
        rules.set_perm(permission, predicate)


#: Adding under a parent record: allowed to whoever may change the parent.
add_under_changeable_parent = ~no_parent & can_change


def permission_name(model: type[models.Model], action: str) -> str:
    """``<app>.<action>_<model>``, e.g. ``projects.change_project``."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def parent_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The fields of ``model`` that name the records a new one is added under."""
    return _PARENTS.get(model, ())


def parents_in(model: type[models.Model], data: Mapping[str, Any]) -> list[models.Model]:
    """The parent records named in ``data`` (field values of a new or changed record)."""
    return [
        data[field]
        for field in _PARENTS.get(model, ())
        if isinstance(data.get(field), models.Model)
    ]


def may_add(user: Any, model: type[models.Model], data: Mapping[str, Any]) -> bool:
    """Whether ``user`` may add a ``model`` record with ``data``: under every parent it names."""
    permission = permission_name(model, "add")
    parents = parents_in(model, data)
    if not parents:
        return bool(user.has_perm(permission, None))
    return all(user.has_perm(permission, parent) for parent in parents)


def may_move(user: Any, instance: models.Model, data: Mapping[str, Any]) -> bool:
    """Whether ``user`` may put ``instance`` under the parents ``data`` names, if it changes any."""
    model = type(instance)
    moved = {
        field: value
        for field, value in data.items()
        if field in _PARENTS.get(model, ())
        and getattr(instance, f"{field}_id", None) != getattr(value, "pk", value)
    }
    return all(
        user.has_perm(permission_name(model, "add"), parent) for parent in parents_in(model, moved)
    )


def may_add_any(user: Any, model: type[models.Model]) -> bool:
    """Whether ``user`` could add some ``model`` record (before knowing under which parent).

    Lets a form or an API refuse at once a user who may add nothing of the kind; the exact
    check (``may_add``) follows once the parents are known.
    """
    if user.has_perm(permission_name(model, "add"), None):
        return True
    if model in _ADD_ANY:
        return bool(_ADD_ANY[model](user))
    scope = get_scope(user)
    has_role = scope.is_hub_staff or scope.is_coordinator or scope.is_representative
    return bool(_PARENTS.get(model)) and has_role


def require(by: Any, permission: str, obj: Any = None, message: str | Promise = "") -> None:
    """Refuse (``PermissionDenied``, 403) an account without ``permission`` on ``obj``.

    The one check services and views share: ``by`` is the acting account (a view's
    ``request.user``, a service's ``by=``); ``by=None`` is the system (commands, imports),
    which may. Permissions are the ``rules`` declared in each app's ``rules.py``.
    """
    if by is None:
        return
    if not (isinstance(by, User | AnonymousUser) and by.has_perm(permission, obj)):
        raise PermissionDenied(message)
