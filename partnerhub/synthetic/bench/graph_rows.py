"""The rows of the collaboration-graph measures, each against networkx on the same graph."""

from __future__ import annotations

from django.utils.translation import gettext as _

from partnerhub.synthetic.bench.graph_metrics import GraphRun
from partnerhub.synthetic.bench.rows import BenchRow, thousands

PAGERANK_AGREEMENT = 1e-6


def _seconds(value: float) -> str:
    return _("%(seconds).2f s") % {"seconds": value}


def _ratio(theirs: float, ours: float) -> str:
    return _("networkx ×%(ratio).0f slower") % {"ratio": theirs / ours} if ours else "—"


def graph_rows(run: GraphRun) -> list[BenchRow]:
    """Building the graph, then degree, PageRank and betweenness, ours and networkx's."""
    have_networkx = run.networkx[:1].isdigit()
    size = _("%(organisations)s organisations, %(links)s links") % {
        "organisations": thousands(run.organisations),
        "links": thousands(run.links),
    }

    def baseline(seconds: float) -> str:
        if not have_networkx:
            return _("networkx %(state)s") % {"state": run.networkx}
        return _("networkx %(version)s: %(time)s") % {
            "version": run.networkx,
            "time": _seconds(seconds),
        }

    def ratio(seconds: float, ours: float) -> str:
        return _ratio(seconds, ours) if have_networkx else "—"

    if have_networkx:
        same_degree = _("same degrees") if run.degree_equal else _("degrees differ!")
        within = run.pagerank_max_difference <= PAGERANK_AGREEMENT
        pagerank_verdict = (
            _("same values: largest difference %(difference).1e") if within
            else _("values differ by up to %(difference).1e!")
        ) % {"difference": run.pagerank_max_difference}  # fmt: skip
        betweenness_verdict = _(
            "same values as networkx from the same sources (largest difference %(difference).1e "
            "of the maximum)"
        ) % {"difference": run.betweenness_max_difference}
    else:
        same_degree = pagerank_verdict = betweenness_verdict = "—"
    estimate_verdict = _(
        "ranking against an estimate from %(sources)s sources: Spearman %(rho).3f; "
        "top 100 shared %(top).0f %%"
    ) % {
        "sources": thousands(4 * run.pivots),
        "rho": run.rank_correlation,
        "top": 100 * run.top_overlap,
    }
    return [
        BenchRow(
            key="graph_build",
            label=_("Collaboration graph: read memberships and project partners, build links"),
            ours=_("%(time)s (%(size)s)") % {"time": _seconds(run.build_seconds), "size": size},
            baseline=baseline(run.nx_build_seconds)
            + (" " + _("(building its graph from our links)") if have_networkx else ""),
            values={
                "seconds": run.build_seconds,
                "organisations": run.organisations,
                "links": run.links,
            },
        ),
        BenchRow(
            key="graph_degree",
            label=_("Collaboration graph: degree of every organisation"),
            ours=_seconds(run.degree_seconds),
            baseline=baseline(run.nx_degree_seconds),
            ratio=ratio(run.nx_degree_seconds, run.degree_seconds),
            verdict=same_degree,
            values={"seconds": run.degree_seconds, "networkx_seconds": run.nx_degree_seconds},
        ),
        BenchRow(
            key="graph_pagerank",
            label=_("Collaboration graph: weighted PageRank (power iteration, numpy)"),
            ours=_seconds(run.pagerank_seconds),
            baseline=baseline(run.nx_pagerank_seconds),
            ratio=ratio(run.nx_pagerank_seconds, run.pagerank_seconds),
            target=_("values within 1e-6"),
            verdict=pagerank_verdict,
            values={
                "seconds": run.pagerank_seconds,
                "networkx_seconds": run.nx_pagerank_seconds,
                "max_difference": run.pagerank_max_difference,
            },
        ),
        BenchRow(
            key="graph_betweenness",
            label=_(
                "Collaboration graph: betweenness, Brandes from %(k)d sources (the same both sides)"
            )
            % {"k": run.sources},
            ours=_seconds(run.betweenness_seconds),
            baseline=baseline(run.nx_betweenness_seconds),
            ratio=ratio(run.nx_betweenness_seconds, run.betweenness_seconds),
            verdict=betweenness_verdict,
            values={
                "seconds": run.betweenness_seconds,
                "networkx_seconds": run.nx_betweenness_seconds,
                "max_difference": run.betweenness_max_difference,
            },
        ),
        BenchRow(
            key="graph_betweenness_estimate",
            label=_(
                "Collaboration graph: approximate betweenness as collaboration_metrics() "
                "computes it (~%(k)d sources drawn within the components)"
            )
            % {"k": run.pivots},
            ours=_seconds(run.estimate_seconds),
            verdict=estimate_verdict,
            values={
                "seconds": run.estimate_seconds,
                "pivots": run.pivots,
                "rank_correlation": run.rank_correlation,
                "top_overlap": run.top_overlap,
            },
        ),
    ]
