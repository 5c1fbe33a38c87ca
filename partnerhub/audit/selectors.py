"""Reads of the audit trail: a record's history as a person reads it, and who may read it.

A record's history is its simple-history rows, newest first. Each entry says when, who
(the user, or the command or import that wrote it), what kind of change, and for a change
each field's old and new value, under the field's verbose name, with choice labels,
localised dates and numbers and the names of related records the reader may see.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise
from simple_history.utils import get_m2m_reverse_field_name

from partnerhub.access.predicates import permission_name
from partnerhub.access.scope import get_scope

HISTORY_PAGE_SIZE = 50
VALUE_MAX_CHARS = 300
EMPTY = "—"

KIND_LABELS: dict[str, StrOrPromise] = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
}

KIND_CODES = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class FieldChange:
    """One field of one history entry: its label, and its value before and after."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One version of a record, as the history page lists it."""

    history_id: int
    date: datetime.datetime
    who: str
    reason: str
    kind: str
    kind_label: StrOrPromise
    changes: tuple[FieldChange, ...]

    @property
    def kind_code(self) -> str:
        """ "created", "changed" or "deleted": a name for styles and tests, never translated."""
        return KIND_CODES.get(self.kind, "changed")


def tracked_model(app_label: str, model_name: str) -> type[models.Model] | None:
    """The model named in a history address, if it keeps a history; None otherwise."""
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None
    if not getattr(model._meta, "simple_history_manager_attribute", None):
        return None
    return model


def history_queryset(model: type[models.Model], pk: Any) -> models.QuerySet[Any]:
    """Every history row of the record ``pk`` of ``model``, newest first."""
    manager = getattr(model, model._meta.simple_history_manager_attribute)  # type: ignore[attr-defined]
    return (
        manager.filter(**{model._meta.pk.attname: pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def history_permission(model: type[models.Model]) -> str:
    """The permission to read a record's history: that of reading its internal page.

    For records without internal pages of their own (organisations, whose pages are all
    public), ``view_internal`` is granted exactly to those who may change the record (see
    ``access.visibility.RecordAccess.internal_to``), as the history should be.
    """
    return permission_name(model, "view_internal")


def may_see_history(user: Any, record: models.Model) -> bool:
    """Whether ``user`` may read the history of ``record`` (an existing record)."""
    return bool(user.has_perm(history_permission(type(record)), record))


def may_see_deleted_history(user: Any) -> bool:
    """Histories of deleted records are for site administrators only."""
    return get_scope(user).is_site_admin


def hidden_fields(user: Any, model: type[models.Model], record: models.Model | None) -> set[str]:
    """Fields whose values ``user`` may not read in the history of ``record``.

    A person's contact details (``PERSONAL_DATA_FIELDS``) are shown only to those who may
    change the person (and, for a deleted person, to site administrators).
    """
    personal = set(getattr(model, "PERSONAL_DATA_FIELDS", ()))
    if not personal:
        return set()
    if record is None:
        return set() if may_see_deleted_history(user) else personal
    if user.has_perm(permission_name(model, "change"), record):
        return set()
    return personal


def history_page(
    user: Any,
    model: type[models.Model],
    pk: Any,
    *,
    record: models.Model | None,
    page_number: Any = 1,
) -> Page[HistoryEntry]:
    """One page (``HISTORY_PAGE_SIZE`` entries) of a record's history, newest first.

    A constant number of queries per page, however long the history: the count, the page
    with its authors, the version before the page's oldest, and one query per kind of
    related record named in the changes.
    """
    rows = history_queryset(model, pk)
    page = Paginator(rows, HISTORY_PAGE_SIZE).get_page(page_number)
    versions = list(page.object_list)
    before_page = list(rows[page.end_index() : page.end_index() + 1])
    hidden = hidden_fields(user, model, record)
    olders = [*versions[1:], *before_page, None][: len(versions)]
    related_sets = _m2m_sets(model, [*versions, *before_page])
    diffs = [
        _changed_fields(row, older, hidden) + _m2m_changes(row, older, related_sets)
        for row, older in zip(versions, olders, strict=True)
    ]
    labels = _related_labels(user, model, diffs)
    page.object_list = [
        _entry(model, row, diff, labels) for row, diff in zip(versions, diffs, strict=True)
    ]
    return page


def _changed_fields(row: Any, older: Any, hidden: set[str]) -> list[tuple[str, Any, Any]]:
    """(field name, old value, new value) for each field the version ``row`` changed."""
    if row.history_type == "-":
        return []
    if older is None or row.history_type == "+":
        included = [
            f.name
            for f in row.tracked_fields
            if f.editable and f.name not in hidden and not f.primary_key
        ]
        return [
            (name, None, value)
            for name in included
            if (value := getattr(row, row._meta.get_field(name).attname)) not in (None, "")
        ]
    m2m = {field.name for field in getattr(row, "_history_m2m_fields", ())}
    delta = row.diff_against(older, excluded_fields=hidden | m2m)
    return [(change.field, change.old, change.new) for change in delta.changes]


M2MSets = dict[str, dict[Any, tuple[Any, ...]]]


def _m2m_sets(model: type[models.Model], rows: Sequence[Any]) -> M2MSets:
    """For each tracked many-to-many field: history id → the related ids of that version.

    One query per field for all the versions of a page (``diff_against`` would ask twice
    per version and field).
    """
    if not rows:
        return {}
    sets: M2MSets = {}
    history_ids = [row.history_id for row in rows]
    for field in getattr(rows[0], "_history_m2m_fields", ()):
        through = getattr(rows[0], field.name).model
        target = get_m2m_reverse_field_name(field)
        by_version: dict[Any, list[Any]] = defaultdict(list)
        for history_id, related_id in through.objects.filter(
            history_id__in=history_ids
        ).values_list("history_id", f"{target}_id"):
            by_version[history_id].append(related_id)
        sets[field.name] = {
            history_id: tuple(sorted(by_version.get(history_id, ()))) for history_id in history_ids
        }
    return sets


def _m2m_changes(row: Any, older: Any, sets: M2MSets) -> list[tuple[str, Any, Any]]:
    """(field name, old related ids, new related ids) for each many-to-many field changed."""
    if row.history_type == "-":
        return []
    changes: list[tuple[str, Any, Any]] = []
    for name, by_version in sets.items():
        new = by_version.get(row.history_id, ())
        old = by_version.get(older.history_id, ()) if older is not None else ()
        if older is None or row.history_type == "+":
            if new:
                changes.append((name, None, list(new)))
        elif old != new:
            changes.append((name, list(old), list(new)))
    return changes


def _related_labels(
    user: Any, model: type[models.Model], diffs: Iterable[Sequence[tuple[str, Any, Any]]]
) -> dict[tuple[type[models.Model], Any], str]:
    """Names of the related records the changes point to, one query per related model.

    Records the reader may not see are named by their type and number only.
    """
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for diff in diffs:
        for name, old, new in diff:
            field = model._meta.get_field(name)
            if field.is_relation and field.related_model is not None:
                related = field.related_model
                assert isinstance(related, type)
                for value in (old, new):
                    if isinstance(value, list):
                        wanted[related].update(value)
                    elif value is not None:
                        wanted[related].add(value)
    labels: dict[tuple[type[models.Model], Any], str] = {}
    for related, pks in wanted.items():
        records = related._default_manager.all()
        if hasattr(records, "visible_to"):
            records = records.visible_to(user)
        for pk, obj in records.in_bulk(list(pks)).items():
            labels[(related, pk)] = str(obj)
    return labels


def _entry(
    model: type[models.Model],
    row: Any,
    diff: Sequence[tuple[str, Any, Any]],
    labels: dict[tuple[type[models.Model], Any], str],
) -> HistoryEntry:
    changes = []
    for name, old, new in diff:
        field = model._meta.get_field(name)
        changes.append(
            FieldChange(
                field=name,
                label=capfirst(str(getattr(field, "verbose_name", name))),
                old=display_value(field, old, labels),
                new=display_value(field, new, labels),
            )
        )
    reason = row.history_change_reason or ""
    user = row.history_user
    who = user.get_username() if user is not None else (reason or _("system"))
    return HistoryEntry(
        history_id=row.history_id,
        date=row.history_date,
        who=who,
        reason=reason if row.history_user is not None else "",
        kind=row.history_type,
        kind_label=KIND_LABELS.get(row.history_type, row.history_type),
        changes=tuple(changes),
    )


def display_value(
    field: Any, value: Any, labels: dict[tuple[type[models.Model], Any], str] | None = None
) -> str:
    """A stored value as a person reads it: choice label, localised date or number, name."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, list):
        return ", ".join(display_value(field, item, labels) for item in value)
    if field.is_relation and field.related_model is not None:
        label = (labels or {}).get((field.related_model, value))
        if label is not None:
            return label
        return _("%(type)s #%(id)s") % {
            "type": capfirst(str(field.related_model._meta.verbose_name)),
            "id": value,
        }
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal | float | int):
        return formats.number_format(value, use_l10n=True)
    return Truncator(str(value)).chars(VALUE_MAX_CHARS)
