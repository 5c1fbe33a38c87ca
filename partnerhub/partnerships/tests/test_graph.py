"""The collaboration graph and its measures, on graphs small enough to work out by hand."""

from __future__ import annotations

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    UserFactory,
)
from partnerhub.partnerships.graph import (
    CollaborationGraph,
    betweenness,
    build_collaboration_graph,
    collaboration_metrics,
    components,
    degree,
    links_from_groups,
    pagerank,
    stratified_sources,
    strength,
)


def graph_of(size: int, *links: tuple[int, int, float]) -> CollaborationGraph:
    """A graph of ``size`` nodes (organisation ids 101, 102, …) with the given links."""
    return CollaborationGraph(
        organisation_ids=np.arange(101, 101 + size, dtype=np.int64),
        sources=np.array([a for a, _, _ in links], dtype=np.int64),
        targets=np.array([b for _, b, _ in links], dtype=np.int64),
        weights=np.array([w for _, _, w in links], dtype=np.float64),
    )


def test_members_of_a_group_are_linked_pairwise_and_shared_groups_add_up() -> None:
    # Group 7: nodes 0, 1, 2 (node 2 listed twice); group 9: nodes 0 and 1 again; group 4: 3.
    groups = np.array([7, 7, 7, 7, 9, 9, 4])
    nodes = np.array([2, 0, 1, 2, 1, 0, 3])

    sources, targets, weights = links_from_groups(groups, nodes, size=4)

    links = sorted(zip(sources.tolist(), targets.tolist(), weights.tolist(), strict=True))
    assert links == [(0, 1, 2.0), (0, 2, 1.0), (1, 2, 1.0)]


def test_degree_counts_partners_and_strength_counts_shared_records() -> None:
    # B(1) - A(0) - C(2): A and B share two records, A and C one; D(3) works alone.
    graph = graph_of(4, (0, 1, 2.0), (0, 2, 1.0))

    assert degree(graph).tolist() == [2, 1, 1, 0]
    assert strength(graph).tolist() == [3.0, 2.0, 1.0, 0.0]


def test_pagerank_of_a_path_of_three() -> None:
    # a - b - c, damping 0.85. By symmetry a = c = p and b = q = 1 - 2p;
    # p = 0.05 + 0.85 q / 2 gives p = 19/74 and q = 18/37.
    scores = pagerank(graph_of(3, (0, 1, 1.0), (1, 2, 1.0)))

    assert scores == pytest.approx([19 / 74, 18 / 37, 19 / 74], abs=1e-9)


def test_pagerank_follows_links_in_proportion_to_their_weight() -> None:
    # B = A·0.85·2/3 + 0.05, C = A·0.85·1/3 + 0.05, A = 0.05 + 0.85 (B + C):
    # A = 18/37, B = 241/740, C = 139/740.
    scores = pagerank(graph_of(3, (0, 1, 2.0), (0, 2, 1.0)))

    assert scores == pytest.approx([18 / 37, 241 / 740, 139 / 740], abs=1e-9)
    assert scores.sum() == pytest.approx(1.0)


def test_an_organisation_without_links_shares_only_the_random_jumps() -> None:
    # A - B and D alone. D = (0.15 + 0.85 D) / 3 (its own score jumps anywhere): D = 3/43,
    # A = B = 20/43.
    scores = pagerank(graph_of(3, (0, 1, 1.0)))

    assert scores == pytest.approx([20 / 43, 20 / 43, 3 / 43], abs=1e-9)


def test_exact_betweenness_of_a_star_and_a_square() -> None:
    # Star: the hub (0) is on the shortest path of each of the 3 pairs of leaves.
    star = graph_of(4, (0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0))
    assert betweenness(star, pivots=4).tolist() == [3.0, 0.0, 0.0, 0.0]

    # Square a-b-c-d-a: a and c are joined by two shortest paths (through b and through
    # d), so b and d get half of that pair each; the same for a and c with b-d.
    square = graph_of(4, (0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (0, 3, 1.0))
    assert betweenness(square, pivots=4).tolist() == [0.5, 0.5, 0.5, 0.5]


def test_betweenness_counts_steps_not_weights() -> None:
    # a - b - c with a heavy first link: b is still between a and c.
    path = graph_of(3, (0, 1, 5.0), (1, 2, 1.0))

    assert betweenness(path, pivots=3).tolist() == [0.0, 1.0, 0.0]


def test_sampled_betweenness_is_scaled_to_every_source() -> None:
    # From leaf 1 alone the hub is on the paths to the two other leaves: dependency 2,
    # scaled by 4 nodes / 1 source and halved (each pair is seen from both ends): 4.
    star = graph_of(4, (0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0))

    assert betweenness(star, sources=np.array([1])).tolist() == [4.0, 0.0, 0.0, 0.0]
    # Sampled sources: the estimate of the hub is 3 on average, never negative for anyone.
    estimates = [betweenness(star, pivots=2, seed=seed) for seed in range(20)]
    assert all((estimate >= 0).all() and estimate[1:].sum() == 0 for estimate in estimates)


def test_components_and_sources_drawn_in_each_of_them() -> None:
    # A star (0-3), a path (4-6), a pair (7-8) and an organisation alone (9).
    graph = graph_of(
        10, (0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (4, 5, 1.0), (5, 6, 1.0), (7, 8, 1.0)
    )

    labels = components(graph).tolist()
    assert len({labels[0], labels[1], labels[2], labels[3]}) == 1
    assert labels[4] == labels[5] == labels[6] and labels[7] == labels[8]
    assert len({labels[0], labels[4], labels[7], labels[9]}) == 4
    for seed in range(10):
        # Two pivots: one in the star, one in the path; none where no path can pass.
        sources, weights = stratified_sources(graph, 2, np.random.default_rng(seed))
        assert sorted(int(s) // 4 for s in sources) == [0, 1]  # 0-3 → 0, 4-6 → 1
        assert sorted(weights.tolist()) == [3.0, 4.0]  # each stands for its component
    # Enough pivots: every node of every component is a source, and the result is exact.
    assert betweenness(graph, pivots=100).tolist() == [3, 0, 0, 0, 0, 1, 0, 0, 0, 0]


def test_empty_graphs_have_empty_measures() -> None:
    empty = graph_of(0)

    assert pagerank(empty).size == degree(empty).size == betweenness(empty).size == 0


@pytest.mark.django_db
def test_the_graph_joins_members_of_a_partnership_and_partners_of_a_project() -> None:
    a, b, c, d = OrganisationFactory.create_batch(4)
    partnership = PartnershipFactory()
    for organisation in (a, b, c):
        MembershipFactory(partnership=partnership, organisation=organisation)
    project = ProjectFactory()
    for organisation in (a, b):
        ProjectPartnerFactory(project=project, organisation=organisation)
    internal = PartnershipFactory(visibility=Visibility.INTERNAL)
    for organisation in (c, d):
        MembershipFactory(partnership=internal, organisation=organisation)

    public = build_collaboration_graph(AnonymousUser())
    everything = build_collaboration_graph(UserFactory(is_superuser=True))

    def links(graph: CollaborationGraph) -> set[tuple[int, int, float]]:
        ids = graph.organisation_ids
        return {
            (int(ids[s]), int(ids[t]), float(w))
            for s, t, w in zip(graph.sources, graph.targets, graph.weights, strict=True)
        }

    assert links(public) == {(a.pk, b.pk, 2.0), (a.pk, c.pk, 1.0), (b.pk, c.pk, 1.0)}
    assert links(everything) == links(public) | {(c.pk, d.pk, 1.0)}
    assert public.size == 4  # d is there, without links, for the public


@pytest.mark.django_db
def test_collaboration_metrics_name_the_top_organisations_in_constant_queries(
    django_assert_num_queries: object,
) -> None:
    hub, *others = OrganisationFactory.create_batch(5)
    OrganisationFactory()  # no collaboration: in no top list
    for other in others:
        project = ProjectFactory()
        ProjectPartnerFactory(project=project, organisation=hub)
        ProjectPartnerFactory(project=project, organisation=other)

    with django_assert_num_queries(4):  # type: ignore[operator]
        metrics = collaboration_metrics(limit=3)

    assert metrics.organisations == 6 and metrics.links == 4
    assert metrics.by_degree[0].organisation == hub and metrics.by_degree[0].value == 4
    assert len(metrics.by_degree) == 3
    assert metrics.by_pagerank[0].organisation == hub
    # The hub is on the path of each of the 6 pairs of its partners (exact: 6 sources).
    assert [(r.organisation, r.value) for r in metrics.by_betweenness] == [(hub, 6.0)]
