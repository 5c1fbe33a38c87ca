"""The bench harness at a tiny scale: every row of the table is there (no timing asserted).

"Benchmarks are commands, never timed assertions in tests": these tests check that the
harness runs, that the ORM and the raw SQL return the same rows, and what it writes.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from partnerhub.synthetic.bench.launcher import CHILD_ENV, child_invocation
from partnerhub.synthetic.bench.report import render_text, write_section
from partnerhub.synthetic.bench.runner import BenchConfig, BenchReport, run_bench
from partnerhub.synthetic.selectors import count_synthetic

pytestmark = pytest.mark.django_db

QUERY_KEYS = ["org_name_prefix", "org_name_contains", "org_sector_territory", "project_filtered"]
QUERY_ROWS = [*QUERY_KEYS, *(f"{key}+count" for key in QUERY_KEYS)]
EXPECTED_KEYS = [
    "dataset_generation",
    *QUERY_ROWS,
    *(f"{key}@candidates" for key in QUERY_ROWS),
    "import_generator",
    "import_insert",
    "recommendation",
    "recommendation_scoring",
    "recommendation_index",
    "api_list",
    "api_detail",
    "graph_metrics",
    "worker_memory",
]
TINY = {"organisations": 120, "queries": 6, "import_rows": 90}
DB = "postgres" if connection.vendor == "postgresql" else "sqlite"


@pytest.fixture
def report() -> BenchReport:
    return run_bench(BenchConfig.for_scale("small", candidate_indexes=True, **TINY))


def test_the_report_has_every_row_and_the_orm_returns_the_same_rows_as_sql(
    report: BenchReport,
) -> None:
    rows = {row.key: row for row in report.rows}

    assert [row.key for row in report.rows] == EXPECTED_KEYS
    for key in QUERY_ROWS:
        for variant in (key, f"{key}@candidates"):
            assert rows[variant].values["queries"] == TINY["queries"]
            assert rows[variant].values["mismatches"] == 0, variant
            assert "p95" in rows[variant].ours and "p95" in rows[variant].baseline
    assert rows["import_generator"].values["rows"] == TINY["import_rows"]
    assert rows["import_insert"].values["baseline_rate"] > 0
    assert rows["api_list"].ours == "not yet available"
    assert report.dataset.generated
    assert report.machine.cores >= 1


def test_the_bench_leaves_the_dataset_and_the_schema_as_they_were(report: BenchReport) -> None:
    assert count_synthetic()["registry.Organisation"] == TINY["organisations"]
    assert report.candidates
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        indexes = connection.introspection.get_constraints(cursor, "registry_organisation")
    assert not [t for t in tables if t.startswith("synthetic_bench_scratch")]
    assert not [name for name in indexes if name.startswith("bench_")]


def test_a_second_run_reuses_the_dataset() -> None:
    run_bench(BenchConfig.for_scale("small", **TINY))
    again = run_bench(BenchConfig.for_scale("small", **TINY))

    assert not again.dataset.generated
    assert again.dataset.counts["registry.Organisation"] == TINY["organisations"]


def test_each_run_rewrites_only_its_own_section(report: BenchReport, tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    output.write_text("# Benchmarks\n\nAnalysis written by hand.\n", encoding="utf-8")

    write_section(output, report)
    write_section(output, report)
    text = output.read_text(encoding="utf-8")

    assert text.startswith("# Benchmarks\n\nAnalysis written by hand.\n")
    assert text.count(f"<!-- bench:small-{connection.vendor}:begin -->") == 1
    assert "| Collaboration graph: degree, PageRank, betweenness | not yet available" in text
    assert "| Partner recommendation top-10 (warm index), whole answer with reasons |" in text
    assert "Cores" in text and "PostgreSQL" in text and "SQLite" in text
    assert "Candidate indexes (created in the bench database only, then dropped)" in text
    assert "Organisations: name starts with" in render_text(report)


def test_the_command_runs_in_the_bench_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CHILD_ENV, "1")
    output = tmp_path / "out.md"
    out = StringIO()
    call_command(
        "bench",
        f"--db={DB}",
        "--organisations=60",
        "--queries=3",
        "--import-rows=30",
        f"--output={output}",
        "--no-progress",
        stdout=out,
        stderr=StringIO(),
    )

    assert "Whole synthetic dataset" in out.getvalue()
    assert "not yet available" in output.read_text(encoding="utf-8")


def test_the_command_refuses_a_database_other_than_the_one_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CHILD_ENV, "1")
    other = "sqlite" if DB == "postgres" else "postgres"

    with pytest.raises(CommandError, match="DATABASE_URL"):
        call_command("bench", f"--db={other}", stdout=StringIO(), stderr=StringIO())


def test_the_launcher_points_the_benchmark_at_a_bench_database() -> None:
    command, env = child_invocation(
        ["--scale=small"], db="sqlite", scale="small", database_url=None
    )
    assert command[1:4] == ["-m", "partnerhub", "bench"]
    assert env["DATABASE_URL"].endswith("/bench-small.sqlite3")
    assert env[CHILD_ENV] == "1"

    command, env = child_invocation([], db="postgres", scale="national", database_url=None)
    assert command[0].endswith("scripts/with-postgres")
    assert "DATABASE_URL" not in env

    command, env = child_invocation([], db="postgres", scale="small", database_url="postgres://x/y")
    assert env["DATABASE_URL"] == "postgres://x/y"
