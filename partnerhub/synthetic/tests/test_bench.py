"""The bench harness at a tiny scale: every row of the table is there (no timing asserted).

"Benchmarks are commands, never timed assertions in tests": these tests check that the
harness runs, that the ORM and the raw SQL return the same rows, and what it writes.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from partnerhub.core.tests.factories import OrganisationFactory, ThematicAreaFactory
from partnerhub.registry.models import Organisation
from partnerhub.synthetic.bench import loadgen
from partnerhub.synthetic.bench.api_load import (
    ApiRun,
    EndpointResult,
    LoadResult,
    external_database_problem,
    parse_wrk,
    wrk_script,
)
from partnerhub.synthetic.bench.api_rows import api_rows
from partnerhub.synthetic.bench.graph_metrics import ranks, spearman
from partnerhub.synthetic.bench.launcher import CHILD_ENV, child_invocation
from partnerhub.synthetic.bench.report import render_text, write_section
from partnerhub.synthetic.bench.runner import BenchConfig, BenchReport, run_bench
from partnerhub.synthetic.selectors import count_synthetic

pytestmark = pytest.mark.django_db

QUERY_KEYS = ["org_search_typed", "org_search_words", "org_sector_territory", "project_filtered"]
QUERY_ROWS = [row for key in QUERY_KEYS for row in (key, f"{key}:page", f"{key}:facets")]
EXPECTED_KEYS = [
    "dataset_generation",
    *QUERY_ROWS,
    *(f"{key}@candidates" for key in QUERY_ROWS),
    "import_generator",
    "import_insert",
    "recommendation",
    "recommendation_scoring",
    "recommendation_index",
    "graph_build",
    "graph_degree",
    "graph_pagerank",
    "graph_betweenness",
    "graph_betweenness_estimate",
    "api_list",
    "api_detail",
    "worker_memory",
]
TINY = {"organisations": 120, "queries": 6, "import_rows": 90, "recommendation_cases": 12}
DB = "postgres" if connection.vendor == "postgresql" else "sqlite"


@pytest.fixture
def report() -> BenchReport:
    return run_bench(BenchConfig.for_scale("small", candidate_indexes=True, **TINY))


def test_the_report_has_every_row_and_the_listing_returns_the_same_rows_as_sql(
    report: BenchReport,
) -> None:
    rows = {row.key: row for row in report.rows}

    assert [row.key for row in report.rows] == EXPECTED_KEYS
    for key in QUERY_ROWS:
        for variant in (key, f"{key}@candidates"):
            assert rows[variant].values["queries"] == TINY["queries"]
            assert rows[variant].values["mismatches"] == 0, variant
            assert rows[variant].values["failed_pages"] == 0, variant
            assert "p95" in rows[variant].ours and "p95" in rows[variant].baseline
    assert rows["import_generator"].values["rows"] == TINY["import_rows"]
    assert rows["import_insert"].values["baseline_rate"] > 0
    assert rows["graph_build"].values["organisations"] == TINY["organisations"]
    assert rows["graph_build"].values["links"] > 0
    if "networkx" in rows["graph_pagerank"].baseline and "not installed" not in (
        rows["graph_pagerank"].baseline
    ):
        assert rows["graph_pagerank"].values["max_difference"] < 1e-6
        assert rows["graph_degree"].verdict == "same degrees"
    # Servers in other processes cannot see rows of a test's open transaction: said so.
    assert rows["api_list"].ours.startswith("not measured: the data is in an open transaction")
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
    assert "| Collaboration graph: weighted PageRank (power iteration, numpy) |" in text
    assert "| API list: requests/s and p95 (gunicorn) | not measured:" in text
    assert "| Partner recommendation top-10 (warm index), whole answer with reasons |" in text
    assert "Cores" in text and "PostgreSQL" in text and "SQLite" in text
    assert "Candidate indexes (created in the bench database only, then dropped)" in text
    assert "Organisations: search as typed" in render_text(report)


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
    assert "Organisations: search for words of a name — whole page" in output.read_text(
        encoding="utf-8"
    )


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
    assert env["DJANGO_SETTINGS_MODULE"] == "partnerhub.synthetic.bench.settings"

    command, env = child_invocation([], db="postgres", scale="national", database_url=None)
    assert command[0].endswith("scripts/with-postgres")
    assert "DATABASE_URL" not in env

    command, env = child_invocation([], db="postgres", scale="small", database_url="postgres://x/y")
    assert env["DATABASE_URL"] == "postgres://x/y"


def _wsgi_json(path: str, query: str = "") -> tuple[str, Any]:
    from partnerhub.synthetic.bench import baseline_app

    answered: list[str] = []
    body = b"".join(
        baseline_app.application(
            {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET"},
            lambda status, headers: answered.append(status),
        )
    )
    return answered[0], json.loads(body)


def test_the_baseline_app_answers_the_organisations_the_api_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from partnerhub.synthetic.bench import baseline_app

    # As Django's test client does for views: the test's transaction keeps the connection.
    monkeypatch.setattr(baseline_app, "close_old_connections", lambda: None)
    areas = ThematicAreaFactory.create_batch(2)
    for name in ("Zdrój", "Ąkacja", "Baza", "Baza"):
        OrganisationFactory(name=name, areas=areas, nip="5252248481" if name == "Zdrój" else "")
    client = Client(SERVER_NAME="localhost")

    api = client.get("/api/organisations/?page_size=3").json()
    status, baseline = _wsgi_json("/baseline/organisations/", "page_size=3")

    assert status == "200 OK"
    assert [r["id"] for r in baseline["results"]] == [r["id"] for r in api["results"]]
    assert baseline["next"] and api["next"]
    zdroj = Organisation.objects.get(name="Zdrój")
    api_detail = client.get(f"/api/organisations/{zdroj.pk}/").json()
    status, detail = _wsgi_json(f"/baseline/organisations/{zdroj.pk}/")
    assert status == "200 OK"
    assert set(detail) == set(api_detail)
    for field in ("id", "name", "sector", "seat", "nip", "areas", "is_hub", "founded_on"):
        assert detail[field] == api_detail[field], field
    assert _wsgi_json("/baseline/organisations/999999999/")[0] == "404 Not Found"


def test_wrk_is_given_every_path_and_a_client_identity_and_its_summary_is_read() -> None:
    script = wrk_script(["/api/organisations/1/", "/api/organisations/2/"])

    assert '"/api/organisations/1/", "/api/organisations/2/"' in script
    assert '["X-Forwarded-For"] = "bench-client-"' in script
    result = parse_wrk("Running 20s test\nPARTNERHUB-BENCH 12000 20000000 3 1500.0 4200.5 9000.0\n")
    assert result.requests == 12000 and result.errors == 3 and result.seconds == 20.0
    assert result.rate == pytest.approx(11997 / 20)
    assert (result.p50_ms, result.p95_ms) == (1.5, 4.2005)
    with pytest.raises(RuntimeError, match="no summary"):
        parse_wrk("connection refused")


def test_the_python_load_generator_loads_a_loopback_server_for_a_bounded_time() -> None:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/ok" else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        summary = loadgen.run(server.server_address[1], ["/ok", "/missing"], 0.5, 2)
    finally:
        server.shutdown()
        server.server_close()

    assert summary["requests"] > 10
    assert 0.3 * summary["requests"] <= summary["errors"] <= 0.7 * summary["requests"]
    assert 0.5 <= summary["seconds"] < 5
    assert 0 < summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"]


def test_servers_are_not_started_on_data_other_processes_cannot_see() -> None:
    assert external_database_problem() == "the data is in an open transaction (tests)"


def test_spearman_ranks_ties_by_their_average() -> None:
    assert ranks(np.array([10.0, 20.0, 20.0, 30.0])).tolist() == [1.0, 2.5, 2.5, 4.0]
    values = np.array([3.0, 1.0, 2.0, 5.0])
    assert spearman(values, values * 10) == pytest.approx(1.0)
    assert spearman(values, -values) == pytest.approx(-1.0)


def test_api_rows_give_throughput_cpu_per_request_and_memory_against_the_targets() -> None:
    def load(requests: int, cpu: float) -> LoadResult:
        return LoadResult(requests, 0, 10.0, 5.0, 9.0, 12.0, server_cpu_seconds=cpu)

    run = ApiRun(
        generator="wrk",
        endpoints=[
            EndpointResult("list", 2, 4, load(1000, 20.0), load(3000, 12.0)),
            EndpointResult("detail", 2, 4, load(9000, 18.0), load(20000, 20.0)),
        ],
        worker_rss_mib={2: [128.0, 129.0]},
        baseline_rss_mib={2: [104.0, 104.0]},
    )

    rows = {row.key: row for row in api_rows(run, 10.0)}

    assert list(rows) == ["api_list", "api_detail", "worker_memory"]
    # 100 req/s for 20 ms of CPU a request: 100 req/s on 2 free cores; the target is 300.
    assert rows["api_list"].values["rate"] == 100.0
    assert rows["api_list"].values["capacity_2_cores"] == pytest.approx(100.0)
    assert rows["api_list"].verdict.endswith("on 2 free cores: missed")
    # 900 req/s, 2 ms a request: 1 000 req/s on 2 free cores, above the 800 asked.
    assert rows["api_detail"].verdict.startswith("met")
    assert rows["api_detail"].verdict.endswith("on 2 free cores: met")
    assert "wrk" in rows["api_detail"].label
    assert rows["worker_memory"].verdict.startswith("met")
    assert rows["worker_memory"].values["largest_mib"] == 129.0
