"""``partnerhub export-open-data``: write the data package zip of all published records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from partnerhub.opendata.conf import data_package_path
from partnerhub.opendata.datapackage import build_data_package


class Command(BaseCommand):
    help = "Write the open-data package (a zip of CSV files and datapackage.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Where to write the zip (default: var/open-data/partnerhub-open-data.zip).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["output"] or data_package_path()
        package = build_data_package(target.resolve())
        self.stdout.write(_("Wrote %(path)s") % {"path": package.path})
        for name, count in package.records.items():
            self.stdout.write(f"  {name}: {count}")
