"""The data package: every published record type as CSV plus a Frictionless ``datapackage.json``.

The zip holds ``datapackage.json`` (a Tabular Data Package: name, title, licences, and one
resource per CSV with its Table Schema, primary key and foreign keys) and ``data/<name>.csv``
for each public export spec. It is written to a temporary file beside the target and moved
into place at the end, so a download never sees half a file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from partnerhub.opendata.conf import get_license, get_publisher
from partnerhub.opendata.exporters import csv_rows
from partnerhub.opendata.specs import PUBLIC_SPECS, ExportSpec

PACKAGE_NAME = "partnerhub-open-data"
DESCRIPTOR = "datapackage.json"
CSV_DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
}


@dataclass
class DataPackage:
    """What was written: where, when, and how many records of each type."""

    path: Path
    created: datetime.datetime
    records: dict[str, int] = field(default_factory=dict)


def resource_path(spec: ExportSpec) -> str:
    return f"data/{spec.name}.csv"


def _write_resource(archive: zipfile.ZipFile, spec: ExportSpec) -> dict[str, Any]:
    """Write one CSV into the archive; return its resource descriptor and record count."""
    digest = hashlib.sha256()
    size = 0
    lines = -1  # the header is no record
    with archive.open(resource_path(spec), "w", force_zip64=True) as entry:
        for line in csv_rows(spec.model._default_manager.order_by("pk"), spec, public=True):
            data = line.encode("utf-8")
            entry.write(data)
            digest.update(data)
            size += len(data)
            lines += 1
    return {
        "name": spec.name,
        "path": resource_path(spec),
        "profile": "tabular-data-resource",
        "title": str(spec.title),
        "description": str(spec.description),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": size,
        "hash": f"sha256:{digest.hexdigest()}",
        "dialect": CSV_DIALECT,
        "schema": spec.table_schema(public=True),
        "records": lines,
    }


def descriptor(resources: list[dict[str, Any]], created: datetime.datetime) -> dict[str, Any]:
    """The Frictionless Data Package descriptor."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": gettext("Partnerhub open data"),
        "description": gettext(
            "Published records of local cross-sector partnerships: organisations, "
            "partnerships and their members, programmes, projects, indicators, events, "
            "local problems and territorial units. People's personal data is never included."
        ),
        "created": created.isoformat(timespec="seconds"),
        "licenses": [get_license()],
        "contributors": [{"title": get_publisher().name, "role": "publisher"}],
        "keywords": ["partnerships", "NGO", "cross-sector", "Poland", "Slovenia"],
        "resources": resources,
    }


def build_data_package(target: Path) -> DataPackage:
    """Write the data package zip of all published records to ``target``.

    Texts of the descriptor are in the site's default language, whoever triggers the build.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    records: dict[str, int] = {}
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".zip.partial")
    os.close(handle)
    try:
        with (
            translation.override(settings.LANGUAGE_CODE),
            zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            resources = []
            for spec in PUBLIC_SPECS:
                resource = _write_resource(archive, spec)
                records[spec.name] = resource.pop("records")
                resources.append(resource)
            archive.writestr(
                DESCRIPTOR,
                json.dumps(descriptor(resources, created), indent=2, ensure_ascii=False) + "\n",
            )
        Path(temporary).chmod(0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return DataPackage(path=target, created=created, records=records)


def data_package_generated_at(path: Path) -> datetime.datetime | None:
    """When the data package at ``path`` was written, or None if there is none."""
    try:
        modified = path.stat().st_mtime
    except FileNotFoundError:
        return None
    return datetime.datetime.fromtimestamp(modified, tz=datetime.UTC)
