"""The one way domain records are written, shared by every domain's services.

Each domain's ``services.py`` builds on these: validate the whole record (field checks,
``clean()``, unique and check constraints, with translated messages), then save it and its
many-to-many links in one transaction, so a bad record is never half-written. Every save
and delete leaves an entry in the record's history (simple-history) naming ``by``, the
user acting, even without a request (commands, imports, tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction

from partnerhub.audit.context import acting

ModelT = TypeVar("ModelT", bound=models.Model)
Actor = AbstractBaseUser | AnonymousUser | None


def save_validated(
    instance: ModelT,
    *,
    m2m: Mapping[str, Iterable[models.Model]] | None = None,
    by: Actor = None,
) -> ModelT:
    """Validate ``instance`` completely, save it and set its many-to-many fields.

    ``by`` is the user acting (None for the system: imports, commands, demo data); it is
    recorded as the author of the history entry. Raises
    ``django.core.exceptions.ValidationError`` and writes nothing when the record breaks a
    rule.
    """
    with transaction.atomic(), acting(by):
        instance.full_clean()
        if m2m and _tracks_many_to_many(instance, m2m):
            _save_with_one_history_entry(instance, m2m)
        else:
            instance.save()
            for name, related in (m2m or {}).items():
                getattr(instance, name).set(list(related))
        _update_search_index(instance)
    return instance


def _tracks_many_to_many(instance: models.Model, m2m: Mapping[str, Any]) -> bool:
    history = getattr(type(instance), "history", None)
    tracked = {f.name for f in getattr(getattr(history, "model", None), "_history_m2m_fields", ())}
    return bool(tracked & set(m2m))


def _save_with_one_history_entry(
    instance: models.Model, m2m: Mapping[str, Iterable[models.Model]]
) -> None:
    """Save a record and its many-to-many links as one version in its history.

    simple-history would write a version for the save and one more for each link added or
    removed; the record and its links are written first without history, then saved once
    more so a single version holds them all (marked "created" for a new record).
    """
    created = instance._state.adding
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save()
        for name, related in m2m.items():
            getattr(instance, name).set(list(related))
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    instance.save()
    if created:
        versions = instance.history  # type: ignore[attr-defined]
        versions.filter(history_id=versions.latest().history_id).update(history_type="+")


def update_fields(instance: ModelT, changes: Mapping[str, Any], *, by: Actor = None) -> ModelT:
    """Apply ``changes`` (field → value; many-to-many fields take iterables) and save validated."""
    m2m_names = {f.name for f in instance._meta.many_to_many}
    m2m = {k: v for k, v in changes.items() if k in m2m_names}
    for name, value in changes.items():
        if name not in m2m_names:
            setattr(instance, name, value)
    return save_validated(instance, m2m=m2m, by=by)


def delete_record(instance: models.Model, *, by: Actor = None) -> None:
    """Delete ``instance`` in one transaction (with what cascades from it).

    A record still referred to by a protected foreign key is not deleted: Django raises
    ``ProtectedError`` and nothing is written. The record's history keeps a "deleted" entry
    naming ``by``.
    """
    with transaction.atomic(), acting(by):
        _remove_from_search_index(instance)
        instance.delete()


# The search index is written in the same transaction as the record, so it never lists a
# record that was rolled back and never misses one that was saved. Imported here, not at the
# top, because the search app reads the domain models that import these services.
def _update_search_index(instance: models.Model) -> None:
    from partnerhub.search.registry import is_searchable
    from partnerhub.search.services import index_instance

    if is_searchable(type(instance)):
        index_instance(instance)


def _remove_from_search_index(instance: models.Model) -> None:
    from partnerhub.search.registry import is_searchable
    from partnerhub.search.services import remove_instance

    if is_searchable(type(instance)) and instance.pk is not None:
        remove_instance(instance)
