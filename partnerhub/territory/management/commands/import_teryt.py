"""``partnerhub import-teryt PATH``: load the official Polish TERC register of GUS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerhub.audit.services import command_run
from partnerhub.territory.choices import Level
from partnerhub.territory.services import TerritoryDataError, import_terc
from partnerhub.territory.teryt import TercError

# argparse needs a plain string, so the help is translated when the command is made.
HELP = gettext_lazy(
    "Import voivodeships, counties and municipalities from the TERC file of TERYT "
    "(CSV or XML as published by GUS, or the ZIP holding it). The file is checked "
    "completely first; on any error nothing is written."
)


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help=_("TERC.csv, TERC.xml or the ZIP of one"))

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        show_progress = options["verbosity"] >= 1

        def progress(done: int, total: int) -> None:
            if show_progress:
                self.stderr.write(
                    _("%(done)d / %(total)d units written") % {"done": done, "total": total}
                )

        try:
            # A repeated import that changed nothing leaves no audit event.
            with command_run("import-teryt") as run:
                summary = import_terc(path, progress=progress)
                run.changed = summary.changed
                run.summary = {
                    "file": path.name,
                    "created": sum(summary.created.values()),
                    "updated": sum(summary.updated.values()),
                    "unchanged": sum(summary.unchanged.values()),
                }
        except (TercError, TerritoryDataError) as error:
            raise CommandError(
                _("%(path)s: %(error)s Nothing was imported.") % {"path": path, "error": error}
            ) from error
        self.stdout.write(self.style.SUCCESS(_("Imported %(path)s.") % {"path": path}))
        for level in summary.levels():
            self.stdout.write(
                _("%(level)s: created %(created)d, updated %(updated)d, unchanged %(unchanged)d")
                % {
                    "level": Level(level).label,
                    "created": summary.created[level],
                    "updated": summary.updated[level],
                    "unchanged": summary.unchanged[level],
                }
            )
