"""``partnerhub generate-data``: a synthetic national dataset, or ``--purge`` to remove it."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext, gettext_lazy, ngettext
from tqdm import tqdm

from partnerhub.audit.services import command_run
from partnerhub.synthetic.plan import DEFAULT_ORGANISATIONS, GenerationPlan
from partnerhub.synthetic.services import (
    SyntheticDataError,
    generate_synthetic_data,
    purge_synthetic_data,
)
from partnerhub.synthetic.writer import ProgressBar, ProgressFactory, no_progress

HELP = gettext_lazy(
    "Generate a synthetic dataset of Polish and Slovenian organisations, partnerships, "
    "projects, events and local problems (the same for the same seed), or remove it with "
    "--purge. Every synthetic record starts its description with [synthetic]."
)


def tqdm_progress(enabled: bool) -> ProgressFactory:
    """Progress bars on stderr, or none (not a terminal, or --no-progress)."""
    if not enabled:
        return no_progress

    def make(name: str, total: int) -> ProgressBar:
        return tqdm(total=total, desc=name, unit=" rows", unit_scale=True, file=sys.stderr)

    return make


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--organisations",
            type=int,
            default=DEFAULT_ORGANISATIONS,
            help=str(gettext_lazy("Organisations to generate; the rest follow in proportion.")),
        )
        parser.add_argument("--seed", type=int, default=1, help=str(gettext_lazy("Random seed.")))
        for name, what in (
            ("persons", gettext_lazy("people")),
            ("partnerships", gettext_lazy("partnerships")),
            ("projects", gettext_lazy("projects")),
            ("attendance", gettext_lazy("attendance counts (event × sector)")),
            ("registrations", gettext_lazy("named event registrations")),
            ("problems", gettext_lazy("local problems")),
        ):
            parser.add_argument(
                f"--{name}",
                type=int,
                default=None,
                help=str(gettext_lazy("Number of %(what)s.") % {"what": what}),
            )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5_000,
            help=str(gettext_lazy("Rows per insert batch and transaction.")),
        )
        parser.add_argument(
            "--purge",
            action="store_true",
            help=str(gettext_lazy("Delete every synthetic record instead, and nothing else.")),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=str(gettext_lazy("No progress bars."))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["purge"]:
            self._purge()
            return
        if options["batch_size"] < 1:
            raise CommandError(gettext("The batch size must be at least 1."))
        plan = GenerationPlan.for_organisations(
            options["organisations"],
            **{
                name: options[name]
                for name in (
                    "persons",
                    "partnerships",
                    "projects",
                    "attendance",
                    "registrations",
                    "problems",
                )
            },
        )
        show = not options["no_progress"] and sys.stderr.isatty()
        try:
            with command_run("generate-data") as run:
                report = generate_synthetic_data(
                    plan,
                    seed=options["seed"],
                    batch_size=options["batch_size"],
                    progress=tqdm_progress(show),
                )
                run.summary = {"seed": report.seed, "rows": report.rows} | {
                    label: timing.rows for label, timing in report.models.items()
                }
        except SyntheticDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Generated %(rows)d synthetic rows in %(seconds).1f s (seed %(seed)d).")
                % {"rows": report.rows, "seconds": report.seconds, "seed": report.seed}
            )
        )
        for label, timing in report.models.items():
            self.stdout.write(
                gettext("  %(table)s: %(rows)d rows (bulk insert at %(rate).0f rows/s)")
                % {"table": label, "rows": timing.rows, "rate": timing.rate}
            )

    def _purge(self) -> None:
        with command_run("generate-data --purge") as run:
            deleted = purge_synthetic_data()
            run.summary = dict(deleted)
            run.changed = sum(deleted.values())
        total = sum(deleted.values())
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Deleted %(count)d synthetic row.",
                    "Deleted %(count)d synthetic rows.",
                    total,
                )
                % {"count": total}
            )
        )
        for label, count in deleted.items():
            self.stdout.write(f"  {label}: {count}")
