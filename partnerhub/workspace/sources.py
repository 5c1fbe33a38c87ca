"""Where the workspace's searchable selects find their records, for one user.

A form field that points into a big table (200 000 organisations, every municipality,
tens of thousands of partnerships or projects) never lists the table: it shows the chosen
records and what the user searched for. Each ``RecordSource`` names the records a user may
choose and how to search them; the form fields and the ``<source>-options`` endpoint use
the same source, so the options offered and the values accepted never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.search.registry import is_searchable
from partnerhub.search.selectors import get_ranked_records
from partnerhub.territory.models import TerritorialUnit

#: How many matches a search offers at once (the user narrows the search for more).
MATCH_LIMIT = 20

NO_MATCH = _("Nothing found for “%(query)s”.")


def _organisation_label(organisation: Organisation) -> str:
    return f"{organisation.name} ({organisation.country})"


def _person_label(person: Person) -> str:
    return person.full_name


def _territory_label(unit: TerritorialUnit) -> str:
    return f"{unit} — {unit.get_level_display()}, {unit.country}"


@dataclass(frozen=True)
class RecordOption:
    """One option of a searchable select: a record, "nothing chosen" (``value`` None), or a
    disabled notice that the search found nothing."""

    value: int | None
    label: str
    disabled: bool = False


@dataclass(frozen=True)
class RecordSource:
    """The records of one kind a user may choose in a form, and how they are searched."""

    name: str
    model: type[models.Model]
    records: Callable[[Any], QuerySet[Any]]
    label: Callable[[Any], str] = str

    def search(self, records: QuerySet[Any], query: str) -> list[Any]:
        """The first matches of ``query`` among ``records``, best first.

        Kinds in the search index are searched there (any word's beginning, diacritics
        and case ignored); territorial units, which are not indexed, by name.
        """
        query = query.strip()
        if not query:
            return []
        if is_searchable(self.model):
            return get_ranked_records(records, query, limit=MATCH_LIMIT)
        return list(
            records.filter(Q(name__icontains=query) | Q(code=query)).order_by("name")[:MATCH_LIMIT]
        )

    def offered(
        self, records: QuerySet[Any], chosen: Iterable[Any], query: str
    ) -> list[RecordOption]:
        """The options a select shows: the chosen records, then the matches of ``query``.

        ``chosen`` are primary keys as typed (anything else is ignored); only records among
        ``records`` are offered. When the query finds nothing, one disabled option says so.
        """
        pks = [int(v) for v in chosen if str(v).isdigit()]
        by_pk = records.in_bulk(pks) if pks else {}
        options = [RecordOption(pk, self.label(by_pk[pk])) for pk in pks if pk in by_pk]
        matches = [r for r in self.search(records, query) if r.pk not in by_pk]
        options += [RecordOption(r.pk, self.label(r)) for r in matches]
        if query.strip() and not matches:
            options.append(RecordOption(None, NO_MATCH % {"query": query.strip()}, disabled=True))
        return options


SOURCES: dict[str, RecordSource] = {
    source.name: source
    for source in (
        RecordSource(
            "organisation",
            Organisation,
            lambda user: Organisation.objects.visible_to(user),
            _organisation_label,
        ),
        RecordSource("person", Person, lambda user: Person.objects.visible_to(user), _person_label),
        RecordSource(
            "territory",
            TerritorialUnit,
            lambda user: TerritorialUnit.objects.visible_to(user),
            _territory_label,
        ),
        RecordSource("problem", LocalProblem, lambda user: LocalProblem.objects.visible_to(user)),
        RecordSource("partnership", Partnership, lambda user: Partnership.objects.visible_to(user)),
        RecordSource("programme", Programme, lambda user: Programme.objects.visible_to(user)),
        RecordSource("project", Project, lambda user: Project.objects.visible_to(user)),
        # Parents of a new record: the ones the user may add records under.
        RecordSource(
            "managed-partnership",
            Partnership,
            lambda user: Partnership.objects.editable_by(user),
        ),
        RecordSource(
            "managed-programme", Programme, lambda user: Programme.objects.editable_by(user)
        ),
        RecordSource("managed-project", Project, lambda user: Project.objects.editable_by(user)),
    )
}


def get_source(name: str) -> RecordSource:
    """The source called ``name`` (``KeyError`` for an unknown one)."""
    return SOURCES[name]
