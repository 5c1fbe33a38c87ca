"""Partner recommendations: the numpy index against a plain-Python brute force, same run.

Draws ``cases`` varied searches from the bench data — local problems (three in four) and
partnerships, with different radii, sector filters and weights — and measures, warm:

* the whole answer ``recommend_partners()`` gives (scores, top 10, the organisations loaded
  and every reason written), against the target of p95 ≤ 100 ms;
* scoring and ranking alone, against the **baseline**: ``ReferenceScorer``, a plain Python
  loop over every organisation computing the same score from the same loaded data (no
  numpy, no precomputed vectors beyond per-organisation dictionaries), then a full sort.
  At a national scale it takes seconds a search, so it runs on a subset of the cases
  (every n-th, ``baseline_cases`` of them); both must return the same ten organisations
  with the same scores, and cases where they differ are counted, not hidden;
* how long building the index takes (reading the tables and computing the arrays), which
  the first search after a change pays.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from django.utils.translation import gettext as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.matching.choices import Radius
from partnerhub.matching.index import OrganisationIndex, clear_index, get_index
from partnerhub.matching.options import SearchOptions, Weights
from partnerhub.matching.reference import ReferenceScorer
from partnerhub.matching.scoring import score
from partnerhub.matching.selectors import recommend_partners
from partnerhub.matching.snapshot import data_version, load_snapshot
from partnerhub.matching.targets import MatchTarget, partnership_target, problem_target
from partnerhub.partnerships.models import Partnership
from partnerhub.synthetic.bench.rows import BenchRow
from partnerhub.synthetic.selectors import synthetic

TARGET_P95_MS = 100.0
TOP = 10
LARGE_REGISTRY = 20_000
BASELINE_CASES_WHEN_LARGE = 20
WEIGHT_VARIANTS = ("", "network:0", "thematic:0.6,territory:0.1", "territory:0.5", "sector:0.4")


def draw_cases(rng: random.Random, cases: int) -> list[tuple[MatchTarget, SearchOptions]]:
    """Varied searches: targets drawn from the synthetic data, options drawn per case."""
    problem_ids = list(synthetic(LocalProblem).order_by("pk").values_list("pk", flat=True))
    partnership_ids = list(synthetic(Partnership).order_by("pk").values_list("pk", flat=True))
    partnerships = min(len(partnership_ids), cases // 4)
    chosen_problems = rng.sample(problem_ids, min(len(problem_ids), cases - partnerships))
    chosen_partnerships = rng.sample(partnership_ids, partnerships)
    problems = LocalProblem.objects.select_related("territory", "raised_by_organisation")
    targets = [problem_target(p) for p in problems.filter(pk__in=chosen_problems)]
    targets += [
        partnership_target(p)
        for p in Partnership.objects.select_related("territory").filter(pk__in=chosen_partnerships)
    ]
    rng.shuffle(targets)
    found = []
    for target in targets:
        radius = rng.choice((Radius.ANY, Radius.ANY, Radius.COUNTRY, Radius.REGION))
        if target.territory is None:
            radius = Radius.ANY
        found.append(
            (
                target,
                SearchOptions(
                    weights=Weights.parse(rng.choice(WEIGHT_VARIANTS)),
                    sector=rng.choice((None, None, None, *Sector.values)),
                    radius=radius,
                    limit=TOP,
                ),
            )
        )
    return found


def _ms(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _p50_p95(values: list[float]) -> tuple[float, float]:
    return 1000 * statistics.median(values), _ms(values, 0.95)


def _timed(run: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def _top(
    index: OrganisationIndex, target: MatchTarget, options: SearchOptions
) -> list[tuple[int, float]]:
    scores = score(index, target, options)
    ids = index.snapshot.organisation_ids
    return [(int(ids[p]), float(scores.total[p])) for p in scores.ranked(options.limit)]


def recommendation_rows(
    cases: int = 200,
    *,
    seed: int = 1,
    baseline_cases: int | None = None,
    say: Callable[[str], None] = lambda message: None,
) -> list[BenchRow]:
    """Measure the recommendations on the bench database; the rows the report prints."""
    say(_("Measuring: partner recommendations — building the index…"))
    clear_index()
    build_seconds, index = _timed(get_index)
    assert isinstance(index, OrganisationIndex)
    snapshot = load_snapshot()  # the baseline's own copy, with the texts' terms
    memory = (
        sum(
            a.nbytes
            for a in (
                index.area_bits,
                index.record_area_bits,
                index.idf,
                *index.postings,
                *index.records_of,
                *index.members_of,
                index.snapshot.geography,
                *index.snapshot.participations,
            )
        )
        / 2**20
    )

    rng = random.Random(f"partnerhub-bench-recommendation:{seed}")
    drawn = draw_cases(rng, cases)
    for target, options in drawn[:5]:  # warm up
        recommend_partners(target, options)
    say(_("Measuring: partner recommendations — %(n)d searches…") % {"n": len(drawn)})
    answers, scorings = [], []
    for target, options in drawn:
        seconds, _result = _timed(lambda: recommend_partners(target, options))  # noqa: B023
        answers.append(seconds)
        seconds, _result = _timed(lambda: _top(index, target, options))  # noqa: B023
        scorings.append(seconds)

    if baseline_cases is None:
        baseline_cases = len(drawn) if index.size <= LARGE_REGISTRY else BASELINE_CASES_WHEN_LARGE
    step = max(1, len(drawn) // max(1, baseline_cases))
    subset = drawn[::step][:baseline_cases]
    say(_("Measuring: partner recommendations — brute force, %(n)d searches…") % {"n": len(subset)})
    reference = ReferenceScorer(snapshot)
    brute, engine, mismatches = [], [], 0
    for target, options in subset:
        ours_seconds, ours = _timed(lambda: _top(index, target, options))  # noqa: B023
        seconds, theirs = _timed(lambda: reference.rank(target, options))  # noqa: B023
        engine.append(ours_seconds)
        brute.append(seconds)
        expected = [(r.organisation_id, r.score) for r in theirs]  # type: ignore[attr-defined]
        if ours != expected:
            mismatches += 1

    answer50, answer95 = _p50_p95(answers)
    scoring50, scoring95 = _p50_p95(scorings)
    engine50, engine95 = _p50_p95(engine)
    brute50, brute95 = _p50_p95(brute)
    if answer95 <= TARGET_P95_MS:
        verdict = _("met (%(margin).0f ms to spare)") % {"margin": TARGET_P95_MS - answer95}
    else:
        verdict = _("missed by %(over).0f ms") % {"over": answer95 - TARGET_P95_MS}
    agreement = (
        _("same top 10 in all %(n)d cases") % {"n": len(subset)}
        if not mismatches
        else _("%(n)d of %(total)d cases returned other results than the brute force!")
        % {"n": mismatches, "total": len(subset)}
    )
    p50_p95 = _("p50 %(p50).1f / p95 %(p95).1f ms")
    organisations = f"{index.size:,}".replace(",", " ")
    return [
        BenchRow(
            key="recommendation",
            label=_("Partner recommendation top-10 (warm index), whole answer with reasons"),
            ours=p50_p95 % {"p50": answer50, "p95": answer95},
            baseline=_("brute force: %(timing)s")
            % {"timing": p50_p95 % {"p50": brute50, "p95": brute95}},
            ratio=f"×{brute50 / answer50:.0f} / ×{brute95 / answer95:.0f}" if answer50 else "—",
            target=_("p95 ≤ %(target).0f ms") % {"target": TARGET_P95_MS},
            verdict=verdict,
            values={
                "p50_ms": answer50,
                "p95_ms": answer95,
                "cases": len(drawn),
                "organisations": index.size,
            },
        ),
        BenchRow(
            key="recommendation_scoring",
            label=_(
                "Partner recommendation: scoring and top-10 of %(n)s organisations, numpy index "
                "against a plain-Python loop over every organisation"
            )
            % {"n": organisations},
            ours=p50_p95 % {"p50": engine50, "p95": engine95},
            baseline=p50_p95 % {"p50": brute50, "p95": brute95},
            ratio=f"×{brute50 / engine50:.0f} / ×{brute95 / engine95:.0f}" if engine50 else "—",
            verdict=agreement,
            values={
                "scoring_p50_ms_all_cases": scoring50,
                "scoring_p95_ms_all_cases": scoring95,
                "engine_p50_ms": engine50,
                "engine_p95_ms": engine95,
                "brute_p50_ms": brute50,
                "brute_p95_ms": brute95,
                "baseline_cases": len(subset),
                "mismatches": mismatches,
            },
        ),
        BenchRow(
            key="recommendation_index",
            label=_("Recommendation index: read the tables and build the arrays (once per change)"),
            ours=_("%(seconds).1f s for %(n)s organisations, %(memory).0f MiB of arrays")
            % {"seconds": build_seconds, "n": organisations, "memory": memory},
            values={
                "seconds": build_seconds,
                "memory_mib": memory,
                "version_query_ms": 1000 * _timed(data_version)[0],
                "terms": float(len(index.term_lookup)),
                "postings": float(len(index.postings[1])),
                "records": float(index.snapshot.record_count),
            },
        ),
    ]
