"""Writes of the audit trail: audit events and the history rows of bulk writes.

Per-record history is written by simple-history as records are saved or deleted; the
actor and reason come from ``audit.context.acting`` (see ``audit.signals``). Bulk writes
skip the model signals, so services that write in bulk call ``bulk_create_with_history``
and ``bulk_update_with_history`` here instead of the manager's ``bulk_create`` and
``bulk_update``. Nothing here changes or deletes an audit entry once written (the only
exception is erasure, in ``privacy.services``, which scrubs a person's values out of it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from simple_history import utils as history_utils

from partnerhub.audit.context import acting, command_reason, current_acting, real_user
from partnerhub.audit.models import AuditEvent, AuditEventKind

ModelT = TypeVar("ModelT", bound=models.Model)


def record_event(
    kind: AuditEventKind | str,
    name: str,
    *,
    by: Any = None,
    subject: models.Model | None = None,
    summary: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; ``by`` defaults to whoever acts now (``audit.context``)."""
    actor: Any = real_user(by) or current_acting().user
    return AuditEvent.objects.create(
        kind=kind,
        name=name[:100],
        actor=actor,
        content_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        object_id=subject.pk if subject is not None else None,
        summary=dict(summary or {}),
    )


@dataclass
class CommandRun:
    """A management command being run: fill ``summary`` with what it did (counts).

    ``changed`` is how many records the run created or changed, for commands that count
    them; a run of a repeatable command that changed nothing (``changed == 0``) is not
    recorded.
    """

    name: str
    summary: dict[str, Any] = field(default_factory=dict)
    changed: int | None = None
    recorded: AuditEvent | None = None


@contextmanager
def command_run(name: str, *, by: Any = None) -> Iterator[CommandRun]:
    """Run a writing command's work as one audited run.

    Every history row written inside carries the marker ``command: <name>`` (unless an
    inner block gives a more precise one, like the import file's name). When the block
    ends without an error, one ``AuditEvent`` records the run with ``run.summary``, unless
    the run reported that it changed nothing (``run.changed = 0``): a command that is safe
    to repeat and found nothing to do leaves no trace. A run that fails records nothing,
    like the work it rolled back.
    """
    run = CommandRun(name=name)
    with acting(by, reason=command_reason(name)):
        yield run
        if run.changed != 0:
            run.recorded = record_event(AuditEventKind.COMMAND, name, by=by, summary=run.summary)


def bulk_create_with_history(
    model: type[ModelT], objs: Sequence[ModelT], *, batch_size: int | None = None
) -> list[ModelT]:
    """``bulk_create`` ``objs`` with a "created" history row each, stamped like any save."""
    now = current_acting()
    with transaction.atomic():
        return list(
            history_utils.bulk_create_with_history(
                list(objs),
                model,
                batch_size=batch_size,
                default_user=now.user,
                default_change_reason=now.reason or None,
            )
        )


def bulk_update_with_history(
    model: type[ModelT],
    objs: Sequence[ModelT],
    fields: Sequence[str],
    *,
    batch_size: int | None = None,
) -> int:
    """``bulk_update`` ``fields`` of ``objs`` with a "changed" history row each."""
    if not objs:
        return 0
    now = current_acting()
    with transaction.atomic():
        return int(
            history_utils.bulk_update_with_history(
                list(objs),
                model,
                list(fields),
                batch_size=batch_size,
                default_user=now.user,
                default_change_reason=now.reason or None,
            )
        )
