"""``partnerhub reindex [--kind KIND …]``: rebuild the search index from the records."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext, ngettext
from tqdm import tqdm

from partnerhub.search.choices import SearchKind
from partnerhub.search.registry import SPECS
from partnerhub.search.services import DEFAULT_BATCH_SIZE, optimise_index, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the records, each kind all or nothing. Needed after "
        "writes that bypass the services (raw SQL, bulk deletes) or a change of what is indexed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            choices=SearchKind.values,
            dest="kinds",
            help="Rebuild only this kind (repeat for several). Default: every kind.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help="Records per batch of index writes.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args: Any, **options: Any) -> None:
        kinds = options["kinds"] or SearchKind.values
        counts: dict[str, int] = {}
        for spec in SPECS:
            if spec.kind not in kinds:
                continue
            with tqdm(
                total=spec.model._default_manager.count(),
                desc=str(spec.model._meta.verbose_name_plural),
                unit=" " + gettext("records"),
                disable=options["no_progress"],
                file=sys.stderr,
            ) as bar:
                counts[spec.kind] = rebuild(spec.kind, options["batch_size"], bar.update)
        optimise_index()
        for kind, count in counts.items():
            self.stdout.write(f"  {SearchKind(kind).label}: {count}")
        total = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Search index rebuilt: %(count)d entry.",
                    "Search index rebuilt: %(count)d entries.",
                    total,
                )
                % {"count": total}
            )
        )
