"""Open-data settings with safe local defaults: the publisher, the data licence, the output folder.

A deployment that publishes for real sets, in its settings::

    OPEN_DATA_PUBLISHER = {"ref": "PL-KRS-0000123456", "name": "…", "type": "22"}
    OPEN_DATA_LICENSE = {"name": "CC-BY-4.0", "path": "…", "title": "…"}
    OPEN_DATA_DIR = "/srv/partnerhub/open-data"

``ref`` is the publisher's organisation identifier (org-id.guide prefix + registry id) and
``type`` its IATI OrganisationType code. The default ``ZZ-PARTNERHUB`` is a placeholder: ``ZZ``
is no registration agency, so nobody mistakes it for a registered identifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

DEFAULT_PUBLISHER = {"ref": "ZZ-PARTNERHUB", "name": "Partnerhub", "type": "90"}
DEFAULT_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
DATA_PACKAGE_FILENAME = "partnerhub-open-data.zip"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the open data (the IATI reporting organisation)."""

    ref: str
    name: str
    type: str


def get_publisher() -> Publisher:
    configured: dict[str, Any] = getattr(settings, "OPEN_DATA_PUBLISHER", {})
    return Publisher(**{**DEFAULT_PUBLISHER, **configured})


def get_license() -> dict[str, str]:
    return {**DEFAULT_LICENSE, **getattr(settings, "OPEN_DATA_LICENSE", {})}


def open_data_dir() -> Path:
    """Where generated downloads (the data package) are kept: ``var/open-data`` by default."""
    configured = getattr(settings, "OPEN_DATA_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "open-data"


def data_package_path() -> Path:
    return open_data_dir() / DATA_PACKAGE_FILENAME
