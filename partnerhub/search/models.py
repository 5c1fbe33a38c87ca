"""The search index: one normalised entry per searchable record.

The full-text structures live beside this table and are created by migration
``0002_fulltext`` for the engine in use: on SQLite an FTS5 table ``search_fts`` kept in sync
by triggers; on PostgreSQL one partition per kind, with generated tsvector columns
``title_document`` and ``document`` and their GIN indexes.
A later migration that alters this table on SQLite (which rebuilds the table and loses its
triggers) must create the triggers again; ``test_fulltext_schema`` guards this.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext_lazy as _

from partnerhub.search.choices import ID_SPAN, KIND_RANK, SearchKind, entry_id


class EntryIdField(models.BigIntegerField):
    """A 64-bit primary key set by the index (``choices.entry_id``), never by the database.

    On SQLite it is declared ``integer`` so that it is the table's rowid: the FTS table's
    rowids are then the entries' ids and joining them is a direct lookup.
    """

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)


class SearchEntry(models.Model):
    """What the search knows of one record: its normalised name and text, and who may see it.

    ``title`` holds the words of the record's names (name, short name, acronym, registry
    ids) and ``body`` those of its descriptions, both as ``partnerhub.search.text.normalise``
    writes them. ``is_public`` is true only for records anonymous visitors may see (people
    never are). The id is derived from kind and record id (``choices.entry_id``) and
    orders equally relevant hits. Entries are written by ``partnerhub.search.services`` only.
    """

    id = EntryIdField(_("entry id"), primary_key=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SearchKind.choices)
    object_id = models.PositiveBigIntegerField(_("record id"))
    title = models.TextField(_("normalised name"))
    body = models.TextField(_("normalised text"), blank=True)
    territory_path = models.CharField(
        _("territory path"),
        max_length=255,
        blank=True,
        help_text=_("The path of the record's territorial unit, for searching within a unit."),
    )
    is_public = models.BooleanField(_("public"), default=False)
    updated_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            # The id is the kind's rank and the record's id (choices.entry_id), so the
            # primary key also keeps one entry per record.
            models.CheckConstraint(
                condition=reduce(
                    or_,
                    (
                        models.Q(kind=kind, id=models.F("object_id") + rank * ID_SPAN)
                        for kind, rank in KIND_RANK.items()
                    ),
                ),
                name="search_entry_id_from_kind_and_record",
                violation_error_message=_("An index entry's id must follow from its record."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.id = entry_id(self.kind, self.object_id)
        super().save(*args, **kwargs)
