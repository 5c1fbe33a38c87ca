"""The one way domain records are written, shared by every domain's services.

Each domain's ``services.py`` builds on these: validate the whole record (field checks,
``clean()``, unique and check constraints, with translated messages), then save it and its
many-to-many links in one transaction, so a bad record is never half-written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction

ModelT = TypeVar("ModelT", bound=models.Model)
Actor = AbstractBaseUser | AnonymousUser | None


def save_validated(
    instance: ModelT,
    *,
    m2m: Mapping[str, Iterable[models.Model]] | None = None,
    by: Actor = None,
) -> ModelT:
    """Validate ``instance`` completely, save it and set its many-to-many fields.

    ``by`` is the user acting (None for the system: imports, commands, demo data).
    Raises ``django.core.exceptions.ValidationError`` and writes nothing when the record
    breaks a rule.
    """
    with transaction.atomic():
        instance.full_clean()
        instance.save()
        for name, related in (m2m or {}).items():
            getattr(instance, name).set(list(related))
        _update_search_index(instance)
    return instance


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
    ``ProtectedError`` and nothing is written.
    """
    with transaction.atomic():
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
