"""Running the benchmark against a bench database, never the developer's own.

``partnerhub bench`` starts itself again as a child process whose ``DATABASE_URL`` points
at the bench database: ``var/bench-<scale>.sqlite3`` for SQLite (kept between runs, so a
national dataset is generated once), a throwaway PostgreSQL started by
``scripts/with-postgres`` for PostgreSQL (generated each run), or the URL given with
``--database-url``. The child is marked by ``PARTNERHUB_BENCH_DATABASE=1`` and runs with
``partnerhub.synthetic.bench.settings`` (the local settings, static files without a
manifest), which the gunicorn servers of the API measurement inherit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

CHILD_ENV = "PARTNERHUB_BENCH_DATABASE"
BENCH_SETTINGS = "partnerhub.synthetic.bench.settings"


def is_child() -> bool:
    return os.environ.get(CHILD_ENV) == "1"


def bench_sqlite_url(scale: str) -> str:
    return f"sqlite:///{Path(settings.VAR_DIR) / f'bench-{scale}.sqlite3'}"


def with_postgres_script() -> Path:
    return Path(settings.BASE_DIR) / "scripts" / "with-postgres"


def child_invocation(
    arguments: list[str], *, db: str, scale: str, database_url: str | None
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of the child that runs the benchmark."""
    command = [sys.executable, "-m", "partnerhub", "bench", *arguments]
    env = dict(os.environ)
    env[CHILD_ENV] = "1"
    env["DJANGO_SETTINGS_MODULE"] = BENCH_SETTINGS
    if database_url:
        env["DATABASE_URL"] = database_url
    elif db == "sqlite":
        env["DATABASE_URL"] = bench_sqlite_url(scale)
    else:
        env.pop("DATABASE_URL", None)  # with-postgres exports its own
        command = [str(with_postgres_script()), *command]
    return command, env


def is_developer_database() -> bool:
    """Whether the current database is the default ``var/partnerhub.sqlite3``."""
    if connection.vendor != "sqlite":
        return False
    name = Path(str(connection.settings_dict["NAME"])).resolve()
    return name == (Path(settings.VAR_DIR) / "partnerhub.sqlite3").resolve()


def needs_migration() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
