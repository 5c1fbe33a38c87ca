"""IATI activity XML 2.03 for published projects, streamed one activity at a time.

Identifiers: ``iati-identifier`` is ``<reporting-org ref>-project-<project id>``; the
reporting organisation is the publisher configured in ``OPEN_DATA_PUBLISHER`` (see
``partnerhub.opendata.conf``), reporting as a secondary reporter for projects it does
not take part in. The mappings to IATI codelists are in ``codes``.

IATI 2.03 requires at least one ``activity-date`` and one ``participating-org``: a
published project with no date at all, or with neither an organisation nor a funding
programme, is left out (``iati_projects`` selects the others).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from xml.etree.ElementTree import Element, indent, tostring
from xml.sax.saxutils import quoteattr

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from partnerhub.opendata.conf import Publisher
from partnerhub.opendata.iati.activity import build_activity, iati_identifier
from partnerhub.opendata.iati.codes import VERSION
from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.registry.models import ThematicArea

__all__ = [
    "build_activity",
    "iati_document",
    "iati_identifier",
    "iati_projects",
    "iati_xml_chunks",
]

CHUNK_SIZE = 200


def iati_projects(queryset: QuerySet[Project] | None = None) -> QuerySet[Project]:
    """Published projects IATI can carry, shaped to read in one query per chunk and relation."""
    projects: Any = Project.objects.all() if queryset is None else queryset
    has_partner = Exists(ProjectPartner.objects.filter(project=OuterRef("pk")))
    return (
        projects.published()
        .filter(Q(start__isnull=False) | Q(end__isnull=False))
        .filter(
            Q(funding_programme__isnull=False) | Q(lead_organisation__isnull=False) | has_partner
        )
        .select_related("seat", "lead_organisation", "support_area", "funding_programme")
        .prefetch_related(
            Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
            Prefetch("areas", queryset=ThematicArea.objects.all()),
            "indicators",
        )
        .order_by("pk")
    )


def iati_document(activities: Iterable[Element | None]) -> Iterator[str]:
    """An ``iati-activities`` document around the given activities, written as they come."""
    generated = timezone.now().isoformat(timespec="seconds")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        f"<iati-activities version={quoteattr(VERSION)} "
        f"generated-datetime={quoteattr(generated)}>\n"
    )
    for activity in activities:
        if activity is not None:
            indent(activity, space="  ", level=1)
            yield "  " + tostring(activity, encoding="unicode") + "\n"
    yield "</iati-activities>\n"


def iati_xml_chunks(projects: QuerySet[Project], publisher: Publisher) -> Iterator[str]:
    """The ``iati-activities`` document of ``projects``, read a chunk at a time."""
    return iati_document(
        build_activity(project, publisher) for project in projects.iterator(chunk_size=CHUNK_SIZE)
    )
