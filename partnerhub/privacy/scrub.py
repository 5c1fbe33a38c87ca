"""Finding and rewriting a person's identifying values wherever text holds them.

Used by erasure: every text column of every domain table and of its history, and the
admin's action log, are searched for the person's full name, e-mail address, phone and
address; each occurrence becomes ``ERASED_TEXT``. One query per table finds the rows,
whatever the number of columns and values; only the rows found are rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

#: What an erased value is replaced with inside longer text.
ERASED_TEXT = "[erased]"
#: Shorter values are not searched for: they would rewrite unrelated words.
MIN_VALUE_LENGTH = 5

_NOT_TEXT = {"history_type", "history_change_reason"}


@dataclass(frozen=True)
class Needles:
    """The identifying values of one person, and how to replace them in any text."""

    values: tuple[str, ...]

    @classmethod
    def of(cls, candidates: Iterable[str | None]) -> Needles:
        unique = {value.strip() for value in candidates if value and value.strip()}
        kept = sorted(
            (value for value in unique if len(value) >= MIN_VALUE_LENGTH), key=len, reverse=True
        )
        return cls(tuple(kept))

    def __bool__(self) -> bool:
        return bool(self.values)

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(value) for value in self.values), re.IGNORECASE)

    def condition(self, fields: Sequence[str]) -> Q:
        """Rows where any of ``fields`` contains any value (in any letter case)."""
        return reduce(
            or_,
            (Q(**{f"{field}__icontains": value}) for field in fields for value in self.values),
        )

    def scrub(self, text: str) -> str:
        return self.pattern.sub(ERASED_TEXT, text)


def text_fields(model: type[models.Model]) -> list[str]:
    """The names of ``model``'s text columns (names, descriptions, e-mails, addresses)."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.name not in _NOT_TEXT
    ]


def historical_models() -> list[type[models.Model]]:
    """Every ``Historical<Model>`` table simple-history keeps."""
    return [model for model in apps.get_models() if hasattr(model, "instance_type")]


def tracked_models() -> list[type[models.Model]]:
    """Every domain model that keeps a history (the records people read and change)."""
    return [
        model
        for model in apps.get_models()
        if getattr(model._meta, "simple_history_manager_attribute", None)
    ]


def rows_holding(
    model: type[models.Model], needles: Needles, *, whole_rows: bool = False
) -> tuple[list[Any], list[str]]:
    """The rows of ``model`` whose text holds a needle, rewritten in memory; and the columns.

    Nothing is saved: the caller writes the rows (with or without history) as it must.
    ``whole_rows`` loads every column (needed to write a history row of the record).
    """
    fields = text_fields(model)
    if not fields or not needles:
        return [], fields
    rows = model._default_manager.filter(needles.condition(fields))
    if not whole_rows:
        rows = rows.only("pk", *fields)
    changed = []
    for row in rows:
        dirty = False
        for field in fields:
            value = getattr(row, field)
            if value:
                scrubbed = needles.scrub(value)
                if scrubbed != value:
                    setattr(row, field, scrubbed)
                    dirty = True
        if dirty:
            changed.append(row)
    return changed, fields
