"""The facts of the machine and software a benchmark ran on."""

from __future__ import annotations

import os
import platform
import re
import resource
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import django
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


@dataclass(frozen=True)
class MachineFacts:
    cores: int
    memory_gib: float
    cpu_model: str
    python: str
    django: str
    sqlite: str
    postgresql: str
    database: str
    date: str
    load: str

    def rows(self) -> list[tuple[str, str]]:
        return [
            (_("Date"), self.date),
            (_("CPU"), self.cpu_model),
            (_("Cores"), str(self.cores)),
            (_("Memory"), f"{self.memory_gib:.1f} GiB"),
            (_("Python"), self.python),
            (_("Django"), self.django),
            (_("SQLite"), self.sqlite),
            (_("PostgreSQL"), self.postgresql),
            (_("Database of this run"), self.database),
            (_("Load average at the end (1, 5, 15 min)"), self.load),
        ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def _postgresql_version() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return str(cursor.fetchone()[0])
    try:
        output = subprocess.run(  # noqa: S603 - a fixed binary, no shell
            [str(PG_BIN / "postgres"), "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return _("not installed")
    found = re.search(r"\d+(\.\d+)+", output)  # "postgres (PostgreSQL) 15.18 (Debian …)"
    version = found.group(0) if found else output.strip()
    return _("%(version)s (installed, not used in this run)") % {"version": version}


def machine_facts() -> MachineFacts:
    """Cores, memory, CPU, Python, Django and both databases' versions, and the date."""
    settings_db = connection.settings_dict
    database = connection.vendor
    if connection.vendor == "sqlite":
        database = f"sqlite ({Path(str(settings_db['NAME'])).name})"
    return MachineFacts(
        cores=os.cpu_count() or 1,
        memory_gib=_memory_gib(),
        cpu_model=_cpu_model(),
        python=platform.python_version(),
        django=django.get_version(),
        sqlite=sqlite3.sqlite_version,
        postgresql=_postgresql_version(),
        database=database,
        date=timezone.localtime().strftime("%Y-%m-%d %H:%M %Z"),
        load=" / ".join(f"{value:.1f}" for value in os.getloadavg()),
    )


def peak_memory_mib() -> float:
    """The largest resident memory this process has used so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
