"""Timing helpers for the benchmark (``partnerhub bench``): not used by the product.

``bench_search(queries)`` times ``search()`` per query as a search page runs it;
``sample_queries(n)`` draws realistic queries from the index itself (whole words, the
prefixes typed on the way to them, pairs of words), so the mix follows the data.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Min

from partnerhub.search.models import SearchEntry
from partnerhub.search.selectors import search


@dataclass
class SearchTimings:
    """Server-side time of each query, in milliseconds (best of the repeats)."""

    by_query: dict[str, float] = field(default_factory=dict)

    @property
    def values(self) -> list[float]:
        return sorted(self.by_query.values())

    def percentile(self, share: float) -> float:
        """The value below which ``share`` (0-1) of the timings fall (nearest rank)."""
        values = self.values
        if not values:
            return 0.0
        return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))]

    @property
    def p50(self) -> float:
        return statistics.median(self.values) if self.values else 0.0

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def slowest(self) -> list[tuple[str, float]]:
        return sorted(self.by_query.items(), key=lambda item: -item[1])[:10]


def bench_search(
    queries: Iterable[str], *, repeat: int = 3, **search_options: Any
) -> SearchTimings:
    """Time ``search(query, **search_options)`` for each query; keeps the best of ``repeat``.

    The first run of each query warms the database's cache like a busy site's would be.
    """
    timings = SearchTimings()
    for query in queries:
        best = float("inf")
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            search(query, **search_options)
            best = min(best, time.perf_counter() - start)
        timings.by_query[query] = best * 1000
    return timings


def sample_queries(count: int = 300, *, seed: int = 1) -> list[str]:
    """``count`` queries drawn from the titles in the index (deterministic for a seed).

    A third are whole words, a third prefixes of 3 to 6 letters (typing in progress) and a
    third two words of the same title, the second one typed halfway.
    """
    rng = random.Random(seed)
    spans = list(
        SearchEntry.objects.values("kind")
        .annotate(first=Min("id"), last=Max("id"), entries=Count("id"))
        .order_by("kind")
    )
    if not spans:
        return []
    weights = [span["entries"] for span in spans]
    ids = [
        rng.randint(span["first"], span["last"])
        for span in rng.choices(spans, weights=weights, k=count * 3)
    ]
    titles = list(
        SearchEntry.objects.filter(pk__in=ids).order_by("pk").values_list("title", flat=True)
    )
    rng.shuffle(titles)
    queries: list[str] = []
    for position, title in enumerate(titles):
        words = [w for w in title.split() if len(w) >= 3 and not w.isdigit()]
        if not words:
            continue
        word = rng.choice(words)
        if position % 3 == 0:
            queries.append(word)
        elif position % 3 == 1:
            queries.append(word[: rng.randint(3, min(6, len(word)))])
        elif len(words) > 1:
            first, second = rng.sample(words, 2)
            queries.append(f"{first} {second[: max(3, len(second) // 2)]}")
        if len(queries) == count:
            break
    return queries
