"""``partnerhub load-territories``: the shipped territorial units and those of the cases."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy, ngettext

from partnerhub.audit.services import command_run
from partnerhub.territory.services import TerritoryDataError, load_territories

# argparse needs a plain string, so the help is translated when the command is made.
HELP = gettext_lazy(
    "Load countries, Polish voivodeships, Slovenian regions and municipalities and the "
    "units of the cases. Safe to run again: only what differs is written."
)


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            # Safe to repeat: a run that changed nothing leaves no audit event.
            with command_run("load-territories") as run:
                changed = run.changed = load_territories()
                run.summary = {"changed": changed}
        except TerritoryDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Territories loaded: %(count)d unit created or updated.",
                    "Territories loaded: %(count)d units created or updated.",
                    changed,
                )
                % {"count": changed}
            )
        )
