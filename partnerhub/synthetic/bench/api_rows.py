"""The rows of the API load test: throughput and p95 against the baseline, worker memory."""

from __future__ import annotations

from django.utils.translation import gettext as _

from partnerhub.synthetic.bench.api_load import ApiRun, EndpointResult
from partnerhub.synthetic.bench.rows import BenchRow, thousands

#: Requests per second the issue asks of each endpoint, with 2 cores.
TARGET_RATE = {"list": 300.0, "detail": 800.0}
CORES = 2
WORKER_MEMORY_TARGET_MB = 300.0
MIB_PER_MB = 1_000_000 / 2**20


def _generator(run: ApiRun) -> str:
    if run.generator == "wrk":
        return _("wrk")
    return _("Python load generator (wrk missing: a lower bound)")


def _endpoint_row(result: EndpointResult, run: ApiRun) -> BenchRow:
    ours, baseline = result.ours, result.baseline
    target = TARGET_RATE[result.endpoint]
    measured = _("%(rate)s req/s, p95 %(p95).1f ms") % {
        "rate": thousands(ours.rate),
        "p95": ours.p95_ms,
    }
    if ours.errors:
        measured += " " + _("(%(n)d errors)") % {"n": ours.errors}
    capacity = _("%(cpu).1f ms of CPU a request: %(capacity)s req/s on 2 free cores")
    measured += "; " + capacity % {
        "cpu": ours.cpu_ms_per_request,
        "capacity": thousands(ours.capacity(CORES)),
    }
    if ours.rate >= target:
        verdict = _("met (%(percent).0f %% above)") % {"percent": 100 * (ours.rate / target - 1)}
    else:
        verdict = _("missed by %(short)s req/s (−%(percent).0f %%)") % {
            "short": thousands(target - ours.rate),
            "percent": 100 * (1 - ours.rate / target),
        }
    projected = ours.capacity(CORES)
    verdict += "; " + (
        _("on 2 free cores: met") if projected >= target else _("on 2 free cores: missed")
    )
    if not run.same_rows:
        verdict += " " + _("— the baseline answered other rows!")
    if result.endpoint == "list":
        label = _("API list /api/organisations/?page_size=50: gunicorn, %(workers)d workers")
    else:
        label = _("API detail /api/organisations/<id>/ (1 000 ids): gunicorn, %(workers)d workers")
    label %= {"workers": result.workers}
    label += " " + _("(%(connections)d connections, %(generator)s)") % {
        "connections": result.connections,
        "generator": _generator(run),
    }
    suffix = "" if result.workers == 2 else f"@{result.workers}"
    return BenchRow(
        key=f"api_{result.endpoint}{suffix}",
        label=label,
        ours=measured,
        baseline=_(
            "%(rate)s req/s, p95 %(p95).1f ms; %(cpu).1f ms of CPU a request (raw SQL + json, "
            "bare WSGI)"
        )
        % {
            "rate": thousands(baseline.rate),
            "p95": baseline.p95_ms,
            "cpu": baseline.cpu_ms_per_request,
        },
        ratio=_("baseline ×%(rate).1f faster, ×%(cpu).1f less CPU")
        % {
            "rate": baseline.rate / ours.rate,
            "cpu": ours.cpu_ms_per_request / baseline.cpu_ms_per_request,
        }
        if ours.rate and baseline.cpu_ms_per_request
        else "—",
        target=_("≥ %(rate)s req/s") % {"rate": thousands(target)},
        verdict=verdict,
        values={
            "rate": ours.rate,
            "p50_ms": ours.p50_ms,
            "p95_ms": ours.p95_ms,
            "p99_ms": ours.p99_ms,
            "requests": ours.requests,
            "errors": ours.errors,
            "cpu_ms_per_request": ours.cpu_ms_per_request,
            "capacity_2_cores": ours.capacity(CORES),
            "baseline_rate": baseline.rate,
            "baseline_p95_ms": baseline.p95_ms,
            "baseline_cpu_ms_per_request": baseline.cpu_ms_per_request,
            "database_cpu_seconds": ours.database_cpu_seconds,
            "workers": result.workers,
        },
    )


def _memory_row(run: ApiRun) -> BenchRow:
    ours = [mib for sizes in run.worker_rss_mib.values() for mib in sizes]
    theirs = [mib for sizes in run.baseline_rss_mib.values() for mib in sizes]
    largest_mb = max(ours, default=0.0) * MIB_PER_MB
    if ours and largest_mb < WORKER_MEMORY_TARGET_MB:
        verdict = _("met (%(margin).0f MB to spare)") % {
            "margin": WORKER_MEMORY_TARGET_MB - largest_mb
        }
    else:
        verdict = _("missed by %(over).0f MB") % {"over": largest_mb - WORKER_MEMORY_TARGET_MB}
    sizes = "; ".join(
        _("%(workers)d workers: %(sizes)s MiB")
        % {"workers": workers, "sizes": ", ".join(f"{mib:.0f}" for mib in values)}
        for workers, values in run.worker_rss_mib.items()
    )
    return BenchRow(
        key="worker_memory",
        label=_("Memory of each gunicorn worker after the load (VmRSS)"),
        ours=sizes,
        baseline=_("%(sizes)s MiB (bare WSGI worker)")
        % {"sizes": ", ".join(f"{mib:.0f}" for mib in theirs)},
        target=_("< 300 MB"),
        verdict=verdict,
        values={
            "largest_mib": max(ours, default=0.0),
            "baseline_largest_mib": max(theirs, default=0.0),
        },
    )


def api_rows(run: ApiRun | None, seconds: float) -> list[BenchRow]:
    """The endpoint rows and the memory row; said, not invented, when the API did not run."""
    if run is None or run.skipped:
        reason = run.skipped if run is not None else _("left out of this run")
        said = _("not measured: %(reason)s") % {"reason": reason}
        return [
            BenchRow("api_list", _("API list: requests/s and p95 (gunicorn)"), said,
                     target=_("≥ 300 req/s")),
            BenchRow("api_detail", _("API detail: requests/s and p95 (gunicorn)"), said,
                     target=_("≥ 800 req/s")),
            BenchRow("worker_memory", _("Memory of each gunicorn worker after the load (VmRSS)"),
                     said, target=_("< 300 MB")),
        ]  # fmt: skip
    rows = [_endpoint_row(result, run) for result in run.endpoints]
    return [*rows, _memory_row(run)]
