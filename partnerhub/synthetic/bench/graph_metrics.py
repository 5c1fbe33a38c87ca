"""Collaboration-graph measures: ``partnerships.graph`` against networkx on the same graph.

The graph is built once from the bench database (three queries), then each measure is
timed in ``partnerhub.partnerships.graph`` (numpy arrays) and in networkx (the reference
implementation, pure Python with scipy for PageRank), on the same nodes, links and weights:

* degree;
* PageRank (damping 0.85, both run to a tolerance far below the 1e-6 the values are
  compared at; networkx's own stop is the sum of changes under ``n × tol``);
* betweenness: our estimate (about ``PIVOTS`` sources drawn within the graph's components)
  is timed, and how well it ranks organisations is measured — Spearman's correlation with,
  and the share of the top 100 found in, an estimate from four times as many sources
  (exact betweenness is out of reach at national scale: hours for networkx). networkx
  computes the same sum from the same sources (``betweenness_centrality_subset`` with those
  sources and every target): values compared.

networkx and scipy are needed only here (``pip install networkx scipy``); without them the
rows say so and only our own timings are given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerhub.partnerships.graph import (
    BETWEENNESS_PIVOTS,
    CollaborationGraph,
    betweenness,
    build_collaboration_graph,
    degree,
    pagerank,
)

#: Sources of the betweenness estimate (the reference uses four times more), and of the
#: timing against networkx (pure Python: ~1.5 s a source at national scale).
PIVOTS = BETWEENNESS_PIVOTS
REFERENCE_FACTOR = 4
NETWORKX_SOURCES = 32
NETWORKX_TOLERANCE = 1e-15  # per node: networkx stops when the change is under n × tol


@dataclass(frozen=True)
class GraphRun:
    organisations: int
    links: int
    build_seconds: float
    degree_seconds: float
    pagerank_seconds: float
    betweenness_seconds: float  # from the NETWORKX_SOURCES sources, as networkx is run
    estimate_seconds: float  # the estimate collaboration_metrics() makes
    pivots: int
    sources: int
    #: Spearman's correlation of the sampled estimate with the larger sample's ranking.
    rank_correlation: float
    top_overlap: float  # share of the reference's top 100 in the estimate's top 100
    networkx: str  # version, or why it is missing
    nx_build_seconds: float = 0.0
    nx_degree_seconds: float = 0.0
    nx_pagerank_seconds: float = 0.0
    nx_betweenness_seconds: float = 0.0
    degree_equal: bool = False
    pagerank_max_difference: float = float("nan")
    betweenness_max_difference: float = float("nan")


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def ranks(values: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing their average rank (as Spearman's correlation wants)."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    starts = np.r_[0, np.flatnonzero(np.diff(ordered)) + 1]
    ends = np.r_[starts[1:], ordered.size]
    average = (starts + ends + 1) / 2.0  # mean of ranks start+1 … end
    result = np.empty(values.size, dtype=np.float64)
    result[order] = np.repeat(average, ends - starts)
    return result


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    if a.size < 2:
        return float("nan")
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def _top_overlap(estimate: np.ndarray, reference: np.ndarray, top: int = 100) -> float:
    size = min(top, estimate.size)
    if not size:
        return float("nan")
    mine = set(np.argsort(-estimate, kind="stable")[:size].tolist())  # ties: lower index
    theirs = set(np.argsort(-reference, kind="stable")[:size].tolist())
    return len(mine & theirs) / size


def _sources(graph: CollaborationGraph, count: int, seed: int) -> np.ndarray:
    """``count`` organisations with links, drawn with ``seed`` (for the networkx check)."""
    linked = np.flatnonzero(degree(graph) > 0)
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(linked, size=min(count, linked.size), replace=False))


def measure_graph(*, seed: int = 1, pivots: int = PIVOTS) -> GraphRun:
    """Build the graph, time our measures and networkx's on it, compare the results."""
    build_seconds, graph = _timed(build_collaboration_graph)
    n = graph.size
    degree_seconds, our_degree = _timed(lambda: degree(graph))
    pagerank_seconds, our_pagerank = _timed(lambda: pagerank(graph))
    estimate_seconds, our_estimate = _timed(lambda: betweenness(graph, pivots=pivots, seed=seed))
    reference = betweenness(graph, pivots=pivots * REFERENCE_FACTOR, seed=seed + 1)
    linked = degree(graph) > 0
    # The engine against networkx: the same sources, uniformly scaled, on both sides.
    sources = _sources(graph, NETWORKX_SOURCES, seed)
    betweenness_seconds, our_betweenness = _timed(lambda: betweenness(graph, sources=sources))
    run: dict[str, Any] = {
        "organisations": n,
        "links": graph.links,
        "build_seconds": build_seconds,
        "degree_seconds": degree_seconds,
        "pagerank_seconds": pagerank_seconds,
        "betweenness_seconds": betweenness_seconds,
        "estimate_seconds": estimate_seconds,
        "pivots": pivots,
        "sources": int(sources.size),
        "rank_correlation": spearman(our_estimate[linked], reference[linked]),
        "top_overlap": _top_overlap(our_estimate, reference),
    }
    try:
        import networkx as nx
        import scipy  # noqa: F401 - networkx's PageRank needs it
    except ImportError as missing:
        return GraphRun(networkx=f"not installed ({missing.name})", **run)

    def build() -> Any:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(
            zip(graph.sources.tolist(), graph.targets.tolist(), graph.weights.tolist(), strict=True)
        )
        return g

    nx_build_seconds, g = _timed(build)
    nx_degree_seconds, nx_degree = _timed(lambda: dict(g.degree()))
    nx_pagerank_seconds, nx_pagerank = _timed(
        lambda: nx.pagerank(g, alpha=0.85, tol=NETWORKX_TOLERANCE, max_iter=1000)
    )
    nx_betweenness_seconds, nx_betweenness = _timed(
        lambda: nx.betweenness_centrality_subset(
            g, sources=sources.tolist(), targets=list(range(n)), normalized=False
        )
    )
    theirs_pagerank = np.array([nx_pagerank[i] for i in range(n)])
    # networkx halves the subset sum for an undirected graph; ours also scales to n sources.
    theirs_betweenness = np.array([nx_betweenness[i] for i in range(n)]) * n / max(sources.size, 1)
    scale = max(float(np.abs(theirs_betweenness).max(initial=0.0)), 1.0)
    return GraphRun(
        networkx=nx.__version__,
        nx_build_seconds=nx_build_seconds,
        nx_degree_seconds=nx_degree_seconds,
        nx_pagerank_seconds=nx_pagerank_seconds,
        nx_betweenness_seconds=nx_betweenness_seconds,
        degree_equal=bool(np.array_equal(our_degree, np.array([nx_degree[i] for i in range(n)]))),
        pagerank_max_difference=float(np.abs(our_pagerank - theirs_pagerank).max(initial=0.0)),
        betweenness_max_difference=float(
            np.abs(our_betweenness - theirs_betweenness).max(initial=0.0) / scale
        ),
        **run,
    )
