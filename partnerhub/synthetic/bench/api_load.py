"""API throughput under load: gunicorn on this machine's cores, load from a separate process.

For each number of workers, two gunicorn servers run side by side on 127.0.0.1 with the same
configuration (sync workers) and the bench database: Partnerhub (``partnerhub.wsgi``) and the
baseline (``baseline_app``: the same rows as JSON from raw SQL, no framework). Then, for the
list (``/api/organisations/?page_size=50``) and the detail (``/api/organisations/<id>/`` over
a thousand ids drawn from the data), each server gets a warm-up and a bounded run of load,
alternately, from ``wrk`` (Debian's package) with a Lua script — or, where ``wrk`` is missing,
from ``loadgen`` (a small Python generator, also a separate process). Requests carry a
different ``X-Forwarded-For`` each, so the API's anonymous throttle sees many clients, as in
production, and never refuses one. Besides requests/s and latency, the CPU the workers, the
load generator and a local PostgreSQL used during each run gives the CPU one request costs,
whatever else the machine is doing. Afterwards the resident memory (``VmRSS``) of each
worker is read from ``/proc``. Everything is bounded in time and stays on the loopback interface.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.db import connection

from partnerhub.registry.models import Organisation

HOST = "127.0.0.1"
API_LIST = "/api/organisations/?page_size=50"
API_DETAIL = "/api/organisations/{pk}/"
BASELINE_LIST = "/baseline/organisations/?page_size=50"
BASELINE_DETAIL = "/baseline/organisations/{pk}/"
BASELINE_APP = "partnerhub.synthetic.bench.baseline_app:application"
DETAIL_IDS = 1000
CLIENT_IDENTITIES = 100_000
STARTUP_SECONDS = 90.0

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  local headers = {["X-Forwarded-For"] = "bench-client-" .. (counter %% %(clients)d)}
  return wrk.format("GET", paths[(counter %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("PARTNERHUB-BENCH %%d %%d %%d %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
WRK_SUMMARY = re.compile(
    r"PARTNERHUB-BENCH (?P<requests>\d+) (?P<duration>\d+) (?P<errors>\d+) "
    r"(?P<p50>[\d.]+) (?P<p95>[\d.]+) (?P<p99>[\d.]+)"
)


@dataclass(frozen=True)
class LoadResult:
    """One bounded run of load against one URL set."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    #: CPU time the server's workers, the load generator and the database server (a local
    #: PostgreSQL: its postmaster and backends) used during the run.
    server_cpu_seconds: float = 0.0
    generator_cpu_seconds: float = 0.0
    database_cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Successful requests per second."""
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        """Server, database and generator CPU for one request: what a request costs,
        however busy the machine is with other work."""
        cpu = self.server_cpu_seconds + self.generator_cpu_seconds + self.database_cpu_seconds
        return 1000 * cpu / self.requests if self.requests else 0.0

    def capacity(self, cores: int) -> float:
        """Requests per second ``cores`` free cores could serve at this cost (CPU-bound)."""
        per_request = self.cpu_ms_per_request
        return 1000 * cores / per_request if per_request else 0.0


@dataclass(frozen=True)
class EndpointResult:
    endpoint: str  # "list" or "detail"
    workers: int
    connections: int
    ours: LoadResult
    baseline: LoadResult


@dataclass
class ApiRun:
    """Everything the load test measured, or why it did not run."""

    generator: str = ""
    endpoints: list[EndpointResult] = field(default_factory=list)
    #: Resident memory of each worker after the load, MiB, by number of workers.
    worker_rss_mib: dict[int, list[float]] = field(default_factory=dict)
    baseline_rss_mib: dict[int, list[float]] = field(default_factory=dict)
    same_rows: bool = True
    skipped: str = ""


def parse_wrk(output: str) -> LoadResult:
    """The summary line the Lua script's ``done()`` prints (latencies in microseconds)."""
    found = WRK_SUMMARY.search(output)
    if found is None:
        raise RuntimeError(f"wrk printed no summary: {output[-500:]}")
    return LoadResult(
        requests=int(found["requests"]),
        errors=int(found["errors"]),
        seconds=int(found["duration"]) / 1e6,
        p50_ms=float(found["p50"]) / 1000,
        p95_ms=float(found["p95"]) / 1000,
        p99_ms=float(found["p99"]) / 1000,
    )


def wrk_script(paths: list[str]) -> str:
    quoted = ", ".join(json.dumps(path) for path in paths)
    return WRK_SCRIPT % {"paths": quoted, "clients": CLIENT_IDENTITIES}


def load_generator() -> str:
    """``wrk`` when installed, otherwise the Python generator."""
    return "wrk" if shutil.which("wrk") else "python"


def generate_load(
    generator: str, port: int, paths: list[str], seconds: float, connections: int, workdir: Path
) -> LoadResult:
    """Load ``paths`` in turn on 127.0.0.1:``port`` for ``seconds`` from a separate process."""
    seconds = max(1.0, seconds)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = _generate(generator, port, paths, seconds, connections, workdir)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return replace(result, generator_cpu_seconds=used)


def _generate(
    generator: str, port: int, paths: list[str], seconds: float, connections: int, workdir: Path
) -> LoadResult:
    if generator == "wrk":
        script = workdir / "paths.lua"
        script.write_text(wrk_script(paths), encoding="utf-8")
        output = subprocess.run(  # noqa: S603 - wrk found on PATH, loopback URL
            [
                shutil.which("wrk") or "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{round(seconds)}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://{HOST}:{port}/",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        ).stdout
        return parse_wrk(output)
    listing = workdir / "paths.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    output = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [
            sys.executable,
            "-m",
            "partnerhub.synthetic.bench.loadgen",
            f"--port={port}",
            f"--paths={listing}",
            f"--seconds={seconds}",
            f"--connections={connections}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    return LoadResult(
        requests=int(summary["requests"]),
        errors=int(summary["errors"]),
        seconds=float(summary["seconds"]),
        p50_ms=float(summary["p50_ms"]),
        p95_ms=float(summary["p95_ms"]),
        p99_ms=float(summary["p99_ms"]),
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid …": the name may hold spaces, so split after its ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def _stat(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the process's name (field 3 is index 0)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pids: list[int], *, reaped: bool = False) -> float:
    """User and system CPU time the processes have used (``/proc/<pid>/stat``), with
    ``reaped`` that of their children that have ended too."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = _stat(pid)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        if reaped:
            total += int(fields[13]) + int(fields[14])  # cutime, cstime
    return total / ticks


def database_server_pid() -> int | None:
    """The local PostgreSQL server's main process (its backends are its children)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = int(cursor.fetchone()[0])
    try:
        return int(_stat(backend)[1])
    except (OSError, IndexError, ValueError):
        return None  # another machine's server: its CPU is not ours to read


def database_cpu_seconds(pid: int | None) -> float:
    """CPU of the database server and of every backend, ended or not (0 without one)."""
    if pid is None:
        return 0.0
    return cpu_seconds([pid], reaped=True) + cpu_seconds(_children(pid))


def resident_mib(pid: int) -> float:
    """``VmRSS`` of a process, in MiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Server:
    app: str
    workers: int
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    database_pid: int | None = None

    def workers_pids(self) -> list[int]:
        assert self.process is not None
        return _children(self.process.pid)

    def worker_rss(self) -> list[float]:
        return [resident_mib(pid) for pid in self.workers_pids()]

    def load(
        self, generator: str, paths: list[str], seconds: float, connections: int, workdir: Path
    ) -> LoadResult:
        """``generate_load`` on this server, with the CPU its workers used meanwhile."""
        pids = [*self.workers_pids(), self.process.pid if self.process else 0]
        before, database_before = cpu_seconds(pids), database_cpu_seconds(self.database_pid)
        result = generate_load(generator, self.port, paths, seconds, connections, workdir)
        return replace(
            result,
            server_cpu_seconds=cpu_seconds(pids) - before,
            database_cpu_seconds=database_cpu_seconds(self.database_pid) - database_before,
        )


def server_environment() -> dict[str, str]:
    """The bench process's environment: its settings and its database, nothing else."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "partnerhub.settings.local")
    env["DEBUG"] = "False"
    env["ALLOWED_HOSTS"] = f"{HOST},localhost"
    # As behind one reverse proxy: the throttle tells clients apart by the X-Forwarded-For
    # each request of the load carries (without a trusted proxy every request would be one
    # client, throttled after its first 120).
    env["API_NUM_PROXIES"] = "1"
    return env


@contextmanager
def gunicorn(
    app: str, workers: int, log: Path, database_pid: int | None = None
) -> Iterator[Server]:
    """A gunicorn serving ``app`` on 127.0.0.1, stopped (and waited for) afterwards."""
    server = Server(app, workers, free_port(), database_pid=database_pid)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"{HOST}:{server.port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    with log.open("ab") as output:
        server.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            command,
            env=server_environment(),
            cwd=settings.BASE_DIR,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(server)
        yield server
    finally:
        server.process.terminate()
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def _wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    assert server.process is not None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn {server.app} stopped at start (see the log)")
        if len(server.worker_rss()) >= server.workers:
            try:
                with urllib.request.urlopen(
                    f"http://{HOST}:{server.port}/healthz", timeout=5
                ) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn {server.app} did not answer within {STARTUP_SECONDS:.0f} s")


def _get_json(port: int, path: str) -> object:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=30) as response:
        return json.loads(response.read())


def _same_rows(ours: Server, baseline: Server, pk: int) -> bool:
    """Both servers answer the same organisations (ids in order, the same fields)."""
    mine = _get_json(ours.port, API_LIST)
    theirs = _get_json(baseline.port, BASELINE_LIST)
    assert isinstance(mine, dict) and isinstance(theirs, dict)
    same_list = [r["id"] for r in mine["results"]] == [r["id"] for r in theirs["results"]]
    mine = _get_json(ours.port, API_DETAIL.format(pk=pk))
    theirs = _get_json(baseline.port, BASELINE_DETAIL.format(pk=pk))
    assert isinstance(mine, dict) and isinstance(theirs, dict)
    same_detail = mine["id"] == theirs["id"] and set(mine) == set(theirs)
    same_values = all(str(mine[k]) == str(theirs[k]) for k in ("name", "areas", "seat", "nip"))
    return same_list and same_detail and same_values


def external_database_problem() -> str:
    """Why another process could not see this database's rows ("" when it can)."""
    if connection.in_atomic_block:
        return "the data is in an open transaction (tests)"
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or "mode=memory" in name or not Path(name).exists():
            return "the database is in memory"
    return ""


def measure_api(
    *,
    seconds: float,
    warmup: float,
    worker_counts: tuple[int, ...],
    seed: int = 1,
    log: Path | None = None,
) -> ApiRun:
    """The list and detail endpoints of Partnerhub and of the baseline, side by side."""
    problem = external_database_problem()
    if problem:
        return ApiRun(skipped=problem)
    run = ApiRun(generator=load_generator())
    ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return ApiRun(skipped="no organisations")
    rng = random.Random(f"partnerhub-bench-api:{seed}")
    chosen = rng.sample(ids, min(DETAIL_IDS, len(ids)))
    database_pid = database_server_pid()
    connection.close()  # the servers' workers open their own connections
    log = log or Path(settings.VAR_DIR) / "bench-gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="partnerhub-bench-") as tmp:
        workdir = Path(tmp)
        for workers in worker_counts:
            connections = 2 * workers
            with (
                gunicorn("partnerhub.wsgi:application", workers, log, database_pid) as ours,
                gunicorn(BASELINE_APP, workers, log, database_pid) as base,
            ):
                run.same_rows = run.same_rows and _same_rows(ours, base, chosen[0])
                endpoints = {
                    "list": ([API_LIST], [BASELINE_LIST]),
                    "detail": (
                        [API_DETAIL.format(pk=pk) for pk in chosen],
                        [BASELINE_DETAIL.format(pk=pk) for pk in chosen],
                    ),
                }
                for endpoint, (our_paths, their_paths) in endpoints.items():
                    results = {}
                    for name, server, paths in (
                        ("ours", ours, our_paths),
                        ("baseline", base, their_paths),
                    ):
                        server.load(run.generator, paths, warmup, connections, workdir)
                        results[name] = server.load(
                            run.generator, paths, seconds, connections, workdir
                        )
                    run.endpoints.append(
                        EndpointResult(
                            endpoint, workers, connections, results["ours"], results["baseline"]
                        )
                    )
                run.worker_rss_mib[workers] = ours.worker_rss()
                run.baseline_rss_mib[workers] = base.worker_rss()
    return run
