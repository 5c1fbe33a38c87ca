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
    return instance


def update_fields(instance: ModelT, changes: Mapping[str, Any], *, by: Actor = None) -> ModelT:
    """Apply ``changes`` (field → value; many-to-many fields take iterables) and save validated."""
    m2m_names = {f.name for f in instance._meta.many_to_many}
    m2m = {k: v for k, v in changes.items() if k in m2m_names}
    for name, value in changes.items():
        if name not in m2m_names:
            setattr(instance, name, value)
    return save_validated(instance, m2m=m2m, by=by)
