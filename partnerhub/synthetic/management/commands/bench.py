"""``partnerhub bench``: each figure measured side by side with its baseline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils.translation import gettext, gettext_lazy

from partnerhub.synthetic.bench import launcher
from partnerhub.synthetic.bench.report import render_text, write_section
from partnerhub.synthetic.bench.runner import SCALES, BenchConfig, run_bench
from partnerhub.synthetic.management.commands.generate_data import tqdm_progress

HELP = gettext_lazy(
    "Benchmark Partnerhub on a synthetic dataset against baselines measured in the same run "
    "(raw SQL, executemany/COPY), print a table and write it to docs/benchmarks.md. Runs "
    "against a separate bench database: var/bench-<scale>.sqlite3, or a throwaway "
    "PostgreSQL started with scripts/with-postgres, or --database-url."
)


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default="small",
            help=str(gettext_lazy("small: 5 000 organisations (CI); national: 200 000.")),
        )
        parser.add_argument(
            "--db",
            choices=["sqlite", "postgres"],
            default="sqlite",
            help=str(gettext_lazy("The database to benchmark.")),
        )
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "docs" / "benchmarks.md"),
            help=str(gettext_lazy("Markdown file whose section for this run is rewritten.")),
        )
        parser.add_argument(
            "--database-url",
            default=None,
            help=str(gettext_lazy("Benchmark this database instead (it gets synthetic data).")),
        )
        parser.add_argument("--seed", type=int, default=1, help=str(gettext_lazy("Random seed.")))
        parser.add_argument(
            "--organisations",
            type=int,
            default=None,
            help=str(gettext_lazy("Override the scale's number of organisations.")),
        )
        parser.add_argument(
            "--queries", type=int, default=None, help=str(gettext_lazy("Queries per scenario."))
        )
        parser.add_argument(
            "--import-rows",
            type=int,
            default=None,
            help=str(gettext_lazy("Organisations imported in the import measurement.")),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5_000,
            help=str(gettext_lazy("Rows per insert batch and transaction.")),
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help=str(gettext_lazy("Regenerate the dataset even if one of the size exists.")),
        )
        parser.add_argument(
            "--candidate-indexes",
            action="store_true",
            help=str(
                gettext_lazy(
                    "Measure the queries again with candidate indexes (bench database only)."
                )
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=str(gettext_lazy("No progress bars."))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not launcher.is_child():
            self._launch(options)
            return
        if launcher.is_developer_database():
            raise CommandError(
                gettext("Refusing to benchmark the development database var/partnerhub.sqlite3.")
            )
        expected = "postgresql" if options["db"] == "postgres" else "sqlite"
        if connection.vendor != expected:
            raise CommandError(
                gettext("--db %(db)s, but DATABASE_URL points at %(vendor)s.")
                % {"db": options["db"], "vendor": connection.vendor}
            )
        if launcher.needs_migration():
            call_command("migrate", verbosity=0, interactive=False)
        config = BenchConfig.for_scale(
            options["scale"],
            organisations=options["organisations"],
            queries=options["queries"],
            import_rows=options["import_rows"],
            seed=options["seed"],
            fresh=options["fresh"],
            batch_size=options["batch_size"],
            candidate_indexes=options["candidate_indexes"],
        )
        show = not options["no_progress"] and sys.stderr.isatty()
        report = run_bench(
            config,
            progress=tqdm_progress(show),
            say=lambda message: self.stderr.write(message),
        )
        self.stdout.write(render_text(report))
        output = Path(options["output"])
        write_section(output, report)
        self.stdout.write(self.style.SUCCESS(gettext("Written to %(path)s.") % {"path": output}))

    def _launch(self, options: dict[str, Any]) -> None:
        arguments = [
            f"--scale={options['scale']}",
            f"--db={options['db']}",
            f"--output={Path(options['output']).resolve()}",
            f"--seed={options['seed']}",
            f"--batch-size={options['batch_size']}",
        ]
        for name in ("organisations", "queries", "import_rows"):
            if options[name] is not None:
                arguments.append(f"--{name.replace('_', '-')}={options[name]}")
        arguments += [
            flag
            for flag in ("--fresh", "--no-progress", "--candidate-indexes")
            if options[flag[2:].replace("-", "_")]
        ]
        command, env = launcher.child_invocation(
            arguments,
            db=options["db"],
            scale=options["scale"],
            database_url=options["database_url"],
        )
        if command[0].endswith("with-postgres") and not Path(command[0]).exists():
            raise CommandError(gettext("scripts/with-postgres not found: give --database-url."))
        self.stderr.write(gettext("Bench database: %(where)s") % {
            "where": env.get("DATABASE_URL") or "scripts/with-postgres"})  # fmt: skip
        status = subprocess.run(command, env=env, check=False).returncode  # noqa: S603
        if status:
            raise CommandError(gettext("The benchmark failed (exit status %(status)d).") % {
                "status": status})  # fmt: skip
