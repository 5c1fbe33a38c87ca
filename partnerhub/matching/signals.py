"""Writes to the tables recommendations read make this process's index stale at once."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from partnerhub.matching.index import mark_stale
from partnerhub.matching.snapshot import TRACKED_MODELS


def data_changed(sender: type[models.Model], **kwargs: Any) -> None:
    """Mark the index stale now (this thread reads its own writes) and again after commit
    (another thread may have rebuilt it from the data as it was before the commit)."""
    mark_stale()
    transaction.on_commit(mark_stale, using=kwargs.get("using"))


def connect() -> None:
    """Listen to every tracked table: saves, deletions and many-to-many changes."""
    for model in TRACKED_MODELS:
        uid = f"matching:{model._meta.label}"
        if model._meta.auto_created:  # a many-to-many table: changed through m2m_changed
            m2m_changed.connect(data_changed, sender=model, dispatch_uid=uid)
        else:
            post_save.connect(data_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(data_changed, sender=model, dispatch_uid=uid)
