"""``run_bench()``: the dataset, then each figure measured side by side with its baseline."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.utils.translation import gettext as _

from partnerhub.registry.models import Organisation
from partnerhub.search.models import SearchEntry
from partnerhub.search.services import rebuild_all
from partnerhub.synthetic.bench.api_load import measure_api
from partnerhub.synthetic.bench.api_rows import api_rows
from partnerhub.synthetic.bench.candidates import CandidateIndex, candidate_indexes
from partnerhub.synthetic.bench.graph_metrics import measure_graph
from partnerhub.synthetic.bench.graph_rows import graph_rows
from partnerhub.synthetic.bench.import_rate import ImportResult, measure_import
from partnerhub.synthetic.bench.machine import MachineFacts, machine_facts, peak_memory_mib
from partnerhub.synthetic.bench.queries import ScenarioTimings, query_scenarios, run_scenario
from partnerhub.synthetic.bench.recommendation import recommendation_rows
from partnerhub.synthetic.bench.rows import BenchRow, thousands
from partnerhub.synthetic.plan import GenerationPlan
from partnerhub.synthetic.selectors import count_synthetic, synthetic
from partnerhub.synthetic.services import generate_synthetic_data, purge_synthetic_data
from partnerhub.synthetic.writer import ProgressFactory, no_progress

# Server-side p95 targets of a search or list page, in milliseconds, per database.
PAGE_TARGET_MS = {"postgresql": 100.0, "sqlite": 150.0}
IMPORT_TARGET_ROWS, IMPORT_TARGET_SECONDS = 150_000, 60.0


@dataclass(frozen=True)
class BenchScale:
    organisations: int
    queries: int
    import_rows: int
    api_seconds: float  # of load per endpoint and server, after a warm-up of api_warmup
    api_warmup: float
    api_workers: tuple[int, ...]
    recommendation_cases: int


SCALES = {
    "small": BenchScale(
        organisations=5_000,
        queries=40,
        import_rows=2_000,
        api_seconds=3,
        api_warmup=1,
        api_workers=(2,),
        recommendation_cases=60,
    ),
    "national": BenchScale(
        organisations=200_000,
        queries=300,
        import_rows=150_000,
        api_seconds=20,
        api_warmup=5,
        api_workers=(2, 4),
        recommendation_cases=200,
    ),
}


@dataclass(frozen=True)
class BenchConfig:
    scale: str
    organisations: int
    queries: int
    import_rows: int
    seed: int = 1
    fresh: bool = False
    batch_size: int = 5_000
    candidate_indexes: bool = False
    #: API load per endpoint and server, in seconds; 0 leaves the API out.
    api_seconds: float = 0.0
    api_warmup: float = 0.0
    api_workers: tuple[int, ...] = (2,)
    recommendation_cases: int = 200

    @classmethod
    def for_scale(cls, scale: str, **overrides: Any) -> BenchConfig:
        sizes = SCALES[scale]
        config = cls(
            scale=scale,
            organisations=sizes.organisations,
            queries=sizes.queries,
            import_rows=sizes.import_rows,
            api_seconds=sizes.api_seconds,
            api_warmup=sizes.api_warmup,
            api_workers=sizes.api_workers,
            recommendation_cases=sizes.recommendation_cases,
        )
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})


@dataclass
class DatasetInfo:
    generated: bool
    seconds: float
    rows: int
    counts: dict[str, int]
    #: Seconds spent rebuilding the search index of a reused dataset that had none.
    reindex_seconds: float = 0.0


@dataclass
class BenchReport:
    config: BenchConfig
    vendor: str
    machine: MachineFacts
    dataset: DatasetInfo
    rows: list[BenchRow]
    peak_memory_mib: float
    candidates: tuple[CandidateIndex, ...] = ()


def ensure_dataset(config: BenchConfig, progress: ProgressFactory) -> DatasetInfo:
    """Reuse a dataset of the asked size, or (re)generate it; generation is timed."""
    existing = synthetic(Organisation).count()
    if existing == config.organisations and not config.fresh:
        counts = count_synthetic()
        reindex_seconds = 0.0
        if not SearchEntry.objects.exists():  # made before the search index existed
            started = time.perf_counter()
            rebuild_all()
            reindex_seconds = time.perf_counter() - started
        return DatasetInfo(False, 0.0, sum(counts.values()), counts, reindex_seconds)
    if existing:
        purge_synthetic_data()
    plan = GenerationPlan.for_organisations(config.organisations)
    report = generate_synthetic_data(
        plan, seed=config.seed, batch_size=config.batch_size, progress=progress
    )
    counts = {label: timing.rows for label, timing in report.models.items()}
    return DatasetInfo(True, report.seconds, report.rows, counts)


def _ms(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _verdict(p95: float, target: float) -> str:
    if p95 <= target:
        return _("met (%(margin).0f ms to spare)") % {"margin": target - p95}
    return _("missed by %(over).0f ms (+%(percent).0f %%)") % {
        "over": p95 - target,
        "percent": 100 * (p95 - target) / target,
    }


def _p50_p95(values: list[float]) -> tuple[float, float]:
    return 1000 * statistics.median(values), _ms(values, 0.95)


def query_rows(timings: ScenarioTimings, vendor: str, suffix: str = "") -> list[BenchRow]:
    """Three rows per scenario: the listing, the whole page and the facets it loads next,
    each against the SQL of the listing's rows."""
    raw50, raw95 = _p50_p95(timings.raw)
    target = PAGE_TARGET_MS[vendor]
    timing = _("p50 %(p50).1f / p95 %(p95).1f ms")
    rows = []
    for which, key, label in (
        ("orm", timings.key, _("%(label)s — listing (filters, search, page, count)")),
        ("page", f"{timings.key}:page", _("%(label)s — whole page (Client), results first")),
        (
            "facets",
            f"{timings.key}:facets",
            _("%(label)s — its facets, loaded after the results (Client)"),
        ),
    ):
        ours50, ours95 = _p50_p95(getattr(timings, which))
        cpu50, cpu95 = _p50_p95(timings.cpu.get(which) or [0.0])
        verdict = _verdict(ours95, target)
        if which == "orm" and timings.mismatches:
            verdict += " " + _("— %(n)d cases returned other rows than the SQL!") % {
                "n": timings.mismatches
            }
        if which != "orm" and timings.failed_pages:
            verdict += " " + _("— %(n)d pages did not answer 200!") % {"n": timings.failed_pages}
        rows.append(
            BenchRow(
                key=key + ("@candidates" if suffix else ""),
                label=(label % {"label": timings.label}) + (f" — {suffix}" if suffix else ""),
                ours=timing % {"p50": ours50, "p95": ours95}
                + " "
                + _("(CPU p95 %(cpu).1f ms)") % {"cpu": cpu95},
                baseline=timing % {"p50": raw50, "p95": raw95},
                ratio=f"×{ours50 / raw50:.1f} / ×{ours95 / raw95:.1f}" if raw50 and raw95 else "—",
                target=_("p95 ≤ %(target).0f ms") % {"target": target},
                verdict=verdict,
                values={
                    "p50_ms": ours50,
                    "p95_ms": ours95,
                    "cpu_p50_ms": cpu50,
                    "cpu_p95_ms": cpu95,
                    "raw_p50_ms": raw50,
                    "raw_p95_ms": raw95,
                    "queries": len(timings.raw),
                    "mismatches": timings.mismatches,
                    "failed_pages": timings.failed_pages,
                },
            )
        )
    return rows


def import_rows(result: ImportResult) -> list[BenchRow]:
    projected = IMPORT_TARGET_ROWS / result.generator_rate if result.generator_rate else 0.0
    if projected and projected <= IMPORT_TARGET_SECONDS:
        verdict = _("met: 150 000 in %(seconds).0f s") % {"seconds": projected}
    else:
        verdict = _("missed: 150 000 in %(seconds).0f s") % {"seconds": projected}
    if result.rows != IMPORT_TARGET_ROWS:
        verdict += " " + _("(projected from %(rows)d rows)") % {"rows": result.rows}
    if result.generator_cpu_seconds:
        verdict += "; " + _("%(seconds).0f s of it on this process's CPU") % {
            "seconds": result.generator_cpu_seconds * IMPORT_TARGET_ROWS / result.rows
        }
    baseline = _("%(rate)s rows/s (%(method)s)") % {
        "rate": thousands(result.baseline_rate),
        "method": result.baseline_method,
    }
    rate = _("%(rate)s rows/s")
    return [
        BenchRow(
            key="import_generator",
            label=_("Organisations import: generator (draw + bulk_create, with areas)"),
            ours=rate % {"rate": thousands(result.generator_rate)},
            baseline=baseline,
            ratio=_ratio(result.baseline_rate, result.generator_rate),
            target=_("150 000 in ≤ 60 s"),
            verdict=verdict,
            values={
                "rows": result.rows,
                "rate": result.generator_rate,
                "cpu_seconds": result.generator_cpu_seconds,
            },
        ),
        BenchRow(
            key="import_insert",
            label=_("Organisations insert only: bulk_create against the driver alone"),
            ours=rate % {"rate": thousands(result.orm_insert_rate)},
            baseline=baseline,
            ratio=_ratio(result.baseline_rate, result.orm_insert_rate),
            values={"rate": result.orm_insert_rate, "baseline_rate": result.baseline_rate},
        ),
    ]


def _ratio(baseline: float, ours: float) -> str:
    return _("baseline ×%(ratio).1f faster") % {"ratio": baseline / ours} if ours else "—"


def dataset_row(dataset: DatasetInfo) -> BenchRow:
    if not dataset.generated:
        ours = _("reused: %(rows)s rows generated earlier") % {"rows": thousands(dataset.rows)}
        if dataset.reindex_seconds:
            ours += "; " + _("search index rebuilt in %(seconds).0f s") % {
                "seconds": dataset.reindex_seconds
            }
    else:
        ours = _("%(rows)s rows in %(seconds).0f s (%(rate)s rows/s)") % {
            "rows": thousands(dataset.rows),
            "seconds": dataset.seconds,
            "rate": thousands(dataset.rows / dataset.seconds if dataset.seconds else 0),
        }
    return BenchRow(
        key="dataset_generation",
        label=_("Whole synthetic dataset (generate-data)"),
        ours=ours,
        target=_("minutes, not hours"),
        values={"rows": dataset.rows, "seconds": dataset.seconds},
    )


def run_bench(
    config: BenchConfig,
    *,
    progress: ProgressFactory = no_progress,
    say: Callable[[str], None] = lambda message: None,
) -> BenchReport:
    """Run every benchmark against the current database (a bench database, never yours)."""
    vendor = connection.vendor
    say(_("Dataset: %(n)d organisations (seed %(seed)d)…") % {
        "n": config.organisations, "seed": config.seed})  # fmt: skip
    dataset = ensure_dataset(config, progress)
    rows = [dataset_row(dataset), *_query_rows(config, vendor, say)]
    created: tuple[CandidateIndex, ...] = ()
    if config.candidate_indexes:
        with candidate_indexes() as created:
            rows += _query_rows(config, vendor, say, suffix=_("with candidate indexes"))
    say(_("Measuring: import of %(n)d organisations…") % {"n": config.import_rows})
    rows += import_rows(
        measure_import(config.import_rows, seed=config.seed, batch_size=config.batch_size)
    )
    rows += recommendation_rows(config.recommendation_cases, seed=config.seed, say=say)
    say(_("Measuring: collaboration graph (ours, then networkx)…"))
    rows += graph_rows(measure_graph(seed=config.seed))
    rows += _api_rows(config, say)
    return BenchReport(config, vendor, machine_facts(), dataset, rows, peak_memory_mib(), created)


def _api_rows(config: BenchConfig, say: Callable[[str], None]) -> list[BenchRow]:
    if config.api_seconds <= 0:
        return api_rows(None, config.api_seconds)
    call_command("createcachetable", verbosity=0)  # sign-in throttles (the API: per worker)
    say(
        _("Measuring: API under load, %(seconds).0f s per endpoint and server…")
        % {"seconds": config.api_seconds}
    )
    run = measure_api(
        seconds=config.api_seconds,
        warmup=config.api_warmup,
        worker_counts=config.api_workers,
        seed=config.seed,
    )
    return api_rows(run, config.api_seconds)


def _query_rows(
    config: BenchConfig, vendor: str, say: Callable[[str], None], suffix: str = ""
) -> list[BenchRow]:
    """The query scenarios, drawn the same way every time for the same seed."""
    rows = []
    rng = random.Random(f"partnerhub-bench:{config.seed}")
    for scenario in query_scenarios(rng, config.queries):
        say(_("Measuring: %(label)s…") % {"label": scenario.label})
        rows += query_rows(run_scenario(scenario), vendor, suffix)
    return rows
