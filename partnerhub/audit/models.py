"""Audit events: what was done to many records at once, or to a person's data, as one entry.

Per-record changes are kept by simple-history (a ``Historical<Model>`` table per domain
model). Some writes are not worth a row per record or are not changes of a domain record:
a synthetic-data generation run writes millions of rows, an import touches thousands, an
erasure rewrites a person's past, an export hands a person's data out. Each of these leaves
one ``AuditEvent``: who, when, what and how much.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEventKind(models.TextChoices):
    COMMAND = "command", _("command run")
    ERASURE = "erasure", _("personal data erased")
    RETENTION = "retention", _("retention period applied")
    DATA_EXPORT = "data_export", _("personal data exported")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def about(self, record: models.Model) -> AuditEventQuerySet:
        """Events whose subject is ``record`` (an erasure of a person, an export of their data)."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


class AuditEvent(models.Model):
    """One recorded action: a command run, an erasure, a retention run, a data export.

    ``summary`` holds counts and names of files or commands, never personal data: an
    erasure names the person by id only. Events are written by ``audit.services`` and are
    never changed afterwards.
    """

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AuditEventKind.choices)
    name = models.CharField(
        _("action"), max_length=100, help_text=_("The command or service that acted.")
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type of record concerned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("id of record concerned"), null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_event_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"
