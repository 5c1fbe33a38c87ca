"""``run_bench()``: the dataset, then each figure measured side by side with its baseline."""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _

from partnerhub.registry.models import Organisation
from partnerhub.synthetic.bench.candidates import CandidateIndex, candidate_indexes
from partnerhub.synthetic.bench.import_rate import ImportResult, measure_import
from partnerhub.synthetic.bench.machine import MachineFacts, machine_facts, peak_memory_mib
from partnerhub.synthetic.bench.queries import ScenarioTimings, query_scenarios, run_scenario
from partnerhub.synthetic.bench.recommendation import recommendation_rows
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


SCALES = {
    "small": BenchScale(organisations=5_000, queries=40, import_rows=2_000),
    "national": BenchScale(organisations=200_000, queries=300, import_rows=150_000),
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

    @classmethod
    def for_scale(cls, scale: str, **overrides: Any) -> BenchConfig:
        sizes = SCALES[scale]
        config = cls(
            scale=scale,
            organisations=sizes.organisations,
            queries=sizes.queries,
            import_rows=sizes.import_rows,
        )
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})


@dataclass
class BenchRow:
    """One figure: ours, the baseline measured in the same run, the ratio, the target."""

    key: str
    label: str
    ours: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    verdict: str = "—"
    values: dict[str, float] = field(default_factory=dict)


@dataclass
class DatasetInfo:
    generated: bool
    seconds: float
    rows: int
    counts: dict[str, int]


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
        return DatasetInfo(False, 0.0, sum(counts.values()), counts)
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


def query_row(timings: ScenarioTimings, vendor: str) -> BenchRow:
    orm50, orm95 = 1000 * statistics.median(timings.orm), _ms(timings.orm, 0.95)
    raw50, raw95 = 1000 * statistics.median(timings.raw), _ms(timings.raw, 0.95)
    target = PAGE_TARGET_MS[vendor]
    if orm95 <= target:
        verdict = _("met (%(margin).0f ms to spare)") % {"margin": target - orm95}
    else:
        verdict = _("missed by %(over).0f ms (+%(percent).0f %%)") % {
            "over": orm95 - target,
            "percent": 100 * (orm95 - target) / target,
        }
    if timings.mismatches:
        verdict += " " + _("— %(n)d cases returned other rows than the SQL!") % {
            "n": timings.mismatches
        }
    return BenchRow(
        key=timings.key,
        label=timings.label,
        ours=_("p50 %(p50).1f / p95 %(p95).1f ms") % {"p50": orm50, "p95": orm95},
        baseline=_("p50 %(p50).1f / p95 %(p95).1f ms") % {"p50": raw50, "p95": raw95},
        ratio=f"×{orm50 / raw50:.2f} / ×{orm95 / raw95:.2f}" if raw50 and raw95 else "—",
        target=_("p95 ≤ %(target).0f ms") % {"target": target},
        verdict=verdict,
        values={
            "orm_p50_ms": orm50,
            "orm_p95_ms": orm95,
            "raw_p50_ms": raw50,
            "raw_p95_ms": raw95,
            "queries": len(timings.orm),
            "mismatches": timings.mismatches,
        },
    )


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
        "rate": _thousands(result.baseline_rate),
        "method": result.baseline_method,
    }
    rate = _("%(rate)s rows/s")
    return [
        BenchRow(
            key="import_generator",
            label=_("Organisations import: generator (draw + bulk_create, with areas)"),
            ours=rate % {"rate": _thousands(result.generator_rate)},
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
            ours=rate % {"rate": _thousands(result.orm_insert_rate)},
            baseline=baseline,
            ratio=_ratio(result.baseline_rate, result.orm_insert_rate),
            values={"rate": result.orm_insert_rate, "baseline_rate": result.baseline_rate},
        ),
    ]


def _ratio(baseline: float, ours: float) -> str:
    return _("baseline ×%(ratio).1f faster") % {"ratio": baseline / ours} if ours else "—"


def _thousands(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def dataset_row(dataset: DatasetInfo) -> BenchRow:
    if not dataset.generated:
        ours = _("reused: %(rows)s rows generated earlier") % {"rows": _thousands(dataset.rows)}
    else:
        ours = _("%(rows)s rows in %(seconds).0f s (%(rate)s rows/s)") % {
            "rows": _thousands(dataset.rows),
            "seconds": dataset.seconds,
            "rate": _thousands(dataset.rows / dataset.seconds if dataset.seconds else 0),
        }
    return BenchRow(
        key="dataset_generation",
        label=_("Whole synthetic dataset (generate-data)"),
        ours=ours,
        target=_("minutes, not hours"),
        values={"rows": dataset.rows, "seconds": dataset.seconds},
    )


def later_rows() -> list[BenchRow]:
    """Figures of the issue whose subject does not exist yet: said, not invented."""
    later = _("not yet available")
    return [
        BenchRow("api_list", _("API list: requests/s and p95 (gunicorn, 2 cores)"), later,
                 target=_("≥ 300 req/s")),
        BenchRow("api_detail", _("API detail: requests/s and p95"), later,
                 target=_("≥ 800 req/s")),
        BenchRow("graph_metrics", _("Collaboration graph: degree, PageRank, betweenness"), later),
        BenchRow("worker_memory", _("Memory per gunicorn worker"), later,
                 target=_("< 300 MB")),
    ]  # fmt: skip


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
    rows += recommendation_rows(seed=config.seed, say=say)
    rows += later_rows()
    return BenchReport(config, vendor, machine_facts(), dataset, rows, peak_memory_mib(), created)


def _query_rows(
    config: BenchConfig, vendor: str, say: Callable[[str], None], suffix: str = ""
) -> list[BenchRow]:
    """The query scenarios, drawn the same way every time for the same seed."""
    rows = []
    rng = random.Random(f"partnerhub-bench:{config.seed}")
    for scenario in query_scenarios(rng, config.queries):
        if suffix:
            scenario.key = f"{scenario.key}@candidates"
            scenario.label = f"{scenario.label} — {suffix}"
        say(_("Measuring: %(label)s…") % {"label": scenario.label})
        rows.append(query_row(run_scenario(scenario), vendor))
    return rows
