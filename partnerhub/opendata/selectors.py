"""Reads for the open-data page: what can be downloaded and how much of it there is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from partnerhub.opendata.conf import data_package_path
from partnerhub.opendata.datapackage import data_package_generated_at
from partnerhub.opendata.exporters import FORMATS
from partnerhub.opendata.iati import iati_projects
from partnerhub.opendata.specs import PUBLIC_SPECS, ExportSpec
from partnerhub.projects.models import Project


@dataclass(frozen=True)
class Download:
    """One public record type with its number of records and a link per format."""

    spec: ExportSpec
    count: int
    links: tuple[tuple[str, str], ...]


# The main lists first, then the records that complete them.
PAGE_ORDER = ("organisations", "partnerships", "programmes", "projects", "events")


def get_downloads() -> list[Download]:
    """Every public export with its record count (one count query per type)."""
    downloads = []
    specs = sorted(
        PUBLIC_SPECS,
        key=lambda s: PAGE_ORDER.index(s.name) if s.name in PAGE_ORDER else len(PAGE_ORDER),
    )
    for spec in specs:
        queryset = spec.restrict(spec.model._default_manager.all(), public=True)
        links = tuple(
            (
                export_format,
                reverse(
                    "opendata:list-export",
                    kwargs={"resource": spec.name, "export_format": export_format},
                ),
            )
            for export_format in FORMATS
        )
        downloads.append(Download(spec=spec, count=queryset.count(), links=links))
    return downloads


def get_data_package_generated_at() -> datetime.datetime | None:
    return data_package_generated_at(data_package_path())


def get_open_data_page() -> dict[str, Any]:
    """The open-data page's context."""
    return {
        "downloads": get_downloads(),
        "data_package_generated_at": get_data_package_generated_at(),
        "iati_count": iati_projects().count(),
        "published_projects": Project.objects.published().count(),
    }
