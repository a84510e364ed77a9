"""The walking algorithms agree with networkx (and brute force) on random graphs."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graph.traverse import bfs, chain, k_shortest_paths, shortest_paths


def random_graph(seed: int, n: int = 30, m: int = 55) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.Graph()
    g.add_nodes_from(f"n{i:02d}" for i in range(n))
    while g.number_of_edges() < m:
        a, b = rng.sample(sorted(g.nodes), 2)
        g.add_edge(a, b)
    return g


def walker(g: nx.Graph, blocked: frozenset[str] = frozenset()):
    def step(u, reverse):
        return iter(g.adj[u])

    def through(u):
        return u not in blocked

    return step, through


@pytest.mark.parametrize("seed", range(8))
def test_shortest_paths_equal_networkx_all_shortest(seed):
    g = random_graph(seed)
    step, through = walker(g)
    rng = random.Random(seed)
    for _ in range(25):
        a, b = rng.sample(sorted(g.nodes), 2)
        ours = shortest_paths(a, b, step, through, max_hops=10, limit=10_000)
        try:
            theirs = sorted(nx.all_shortest_paths(g, a, b))
        except nx.NetworkXNoPath:
            theirs = []
        assert ours == theirs


@pytest.mark.parametrize("seed", range(5))
def test_k_shortest_follow_length_then_ids(seed):
    g = random_graph(seed, n=14, m=24)
    step, through = walker(g)
    rng = random.Random(seed)
    for _ in range(10):
        a, b = rng.sample(sorted(g.nodes), 2)
        every = sorted(nx.all_simple_paths(g, a, b, cutoff=5), key=lambda p: (len(p), p))
        assert k_shortest_paths(a, b, step, through, max_hops=5, k=7) == every[:7]


def test_through_blocks_intermediates_but_not_ends():
    g = nx.path_graph(["a", "b", "c"])
    g.add_edges_from([("a", "x"), ("x", "y"), ("y", "c")])
    step, through = walker(g, frozenset({"b", "c"}))
    assert shortest_paths("a", "c", step, through, 5, 10) == [["a", "x", "y", "c"]]
    assert shortest_paths("a", "b", step, through, 5, 10) == [["a", "b"]]


def test_max_hops_bounds_the_search():
    g = nx.path_graph(["a", "b", "c", "d"])
    step, through = walker(g)
    assert shortest_paths("a", "d", step, through, 2, 10) == []
    assert shortest_paths("a", "d", step, through, 3, 10) == [["a", "b", "c", "d"]]


def test_bfs_parents_give_smallest_id_shortest_path():
    g = nx.Graph([("s", "b"), ("s", "a"), ("a", "t"), ("b", "t"), ("t", "z")])
    step, through = walker(g)
    dist, parent = bfs("s", step, through, 5)
    assert dist == {"s": 0, "a": 1, "b": 1, "t": 2, "z": 3}
    assert chain(parent, "z") == ["s", "a", "t", "z"]


def test_bfs_lexicographic_against_brute_force():
    for seed in range(5):
        g = random_graph(seed, n=20, m=35)
        step, through = walker(g)
        dist, parent = bfs("n00", step, through, 10)
        for node in dist:
            if node == "n00":
                continue
            best = min(nx.all_shortest_paths(g, "n00", node))
            assert chain(parent, node) == best


def hub_graph(seed: int) -> nx.Graph:
    """Few hubs joined to most nodes, plus random edges: many equal shortest paths."""
    rng = random.Random(seed)
    g = random_graph(seed, n=40, m=40)
    nodes = sorted(g.nodes)
    for hub in nodes[:3]:
        g.add_edges_from((hub, v) for v in rng.sample(nodes, 15) if v != hub)
    return g


@pytest.mark.parametrize("seed", range(6))
def test_shortest_paths_limit_keeps_the_smallest_ids(seed):
    g = hub_graph(seed)
    step, through = walker(g)
    rng = random.Random(seed)
    for _ in range(30):
        a, b = rng.sample(sorted(g.nodes), 2)
        try:
            every = sorted(nx.all_shortest_paths(g, a, b))
        except nx.NetworkXNoPath:
            every = []
        for limit in (1, 3, 7):
            assert shortest_paths(a, b, step, through, 10, limit) == every[:limit]


@pytest.mark.parametrize("seed", range(6))
def test_shortest_paths_with_blocked_intermediates_against_networkx(seed):
    g = hub_graph(seed)
    rng = random.Random(seed)
    blocked = frozenset(rng.sample(sorted(g.nodes), 8))
    step, through = walker(g, blocked)
    for _ in range(30):
        a, b = rng.sample(sorted(g.nodes), 2)
        h = g.subgraph(set(g.nodes) - (blocked - {a, b}))
        try:
            every = sorted(nx.all_shortest_paths(h, a, b))
        except nx.NetworkXNoPath:
            every = []
        assert shortest_paths(a, b, step, through, 10, 5) == every[:5]


@pytest.mark.parametrize("seed", range(4))
def test_shortest_paths_directed_against_networkx(seed):
    rng = random.Random(seed)
    g = nx.DiGraph()
    g.add_nodes_from(f"n{i:02d}" for i in range(30))
    while g.number_of_edges() < 90:
        g.add_edge(*rng.sample(sorted(g.nodes), 2))

    def step(u, reverse):
        return iter(g.pred[u] if reverse else g.succ[u])

    for _ in range(30):
        a, b = rng.sample(sorted(g.nodes), 2)
        try:
            every = sorted(nx.all_shortest_paths(g, a, b))
        except nx.NetworkXNoPath:
            every = []
        assert shortest_paths(a, b, step, lambda u: True, 10, 4) == every[:4]
