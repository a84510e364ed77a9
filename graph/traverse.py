"""Breadth-first walks on any adjacency, independent of how a store keeps it.

A store supplies ``step(node, reverse)`` (the nodes reachable in one move,
or, with ``reverse``, the nodes that reach ``node`` in one move) and
``through(node)`` (whether a walk may pass through a node rather than only end
there). Everything here is deterministic: neighbours are visited in id order,
so among equally short paths the one with the smallest id sequence wins.
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterable, Iterator, TypeVar

N = TypeVar("N", str, int)    # a node: an entity id, or a store's number for one
Step = Callable[[N, bool], Iterable[N]]
Through = Callable[[N], bool]
Search = Callable[..., "list[list[N]]"]


def bfs(start: N, step: Step[N], through: Through[N], max_depth: int,
        order: bool = True) -> tuple[dict[N, int], dict[N, N]]:
    """Distances and BFS-tree parents from ``start`` up to ``max_depth``.

    With ``order`` the parent of each node lies on its lexicographically
    smallest shortest path from ``start``.
    """
    dist = {start: 0}
    parent: dict[N, N] = {}
    frontier = [start]
    depth = 0
    while frontier and depth < max_depth:
        depth += 1
        nxt: list[N] = []
        for u in frontier:
            if u != start and not through(u):
                continue
            nbrs = step(u, False)
            for v in (sorted(set(nbrs)) if order else nbrs):
                if v not in dist:
                    dist[v] = depth
                    parent[v] = u
                    nxt.append(v)
        frontier = nxt
    return dist, parent


def chain(parent: dict[N, N], node: N) -> list[N]:
    """The BFS-tree path from the root to ``node``."""
    out = [node]
    while out[-1] in parent:
        out.append(parent[out[-1]])
    return out[::-1]


def shortest_paths(a: N, b: N, step: Step[N], through: Through[N], max_hops: int,
                   limit: int, banned: frozenset[N] = frozenset(),
                   banned_steps: frozenset[tuple[N, N]] = frozenset()) -> list[list[N]]:
    """Up to ``limit`` shortest simple paths a -> b (length <= max_hops), smallest ids first.

    Bidirectional BFS finds the distance touching as little of the graph as
    possible; the paths are then read off the two distance maps.
    """
    if a == b or a in banned or b in banned or max_hops < 1:
        return []

    def filtered(u: N, reverse: bool) -> Iterator[N]:
        for v in step(u, reverse):
            if v in banned:
                continue
            if (v, u) in banned_steps if reverse else (u, v) in banned_steps:
                continue
            yield v

    moves: Step[N] = filtered if banned or banned_steps else step

    # Each side keeps its distance map and the set of nodes at every level;
    # growing a level is set work, so hubs cost C loops, not Python ones.
    da, db = {a: 0}, {b: 0}
    levels_a, levels_b = [{a}], [{b}]
    best: int | None = None
    while levels_a[-1] and levels_b[-1] and best is None \
            and len(levels_a) + len(levels_b) - 2 < max_hops:
        forward = len(levels_a[-1]) <= len(levels_b[-1])
        dist, other, levels, start = ((da, db, levels_a, a) if forward
                                      else (db, da, levels_b, b))
        reached: set[N] = set()
        for u in levels[-1]:
            if u == start or through(u):
                reached.update(moves(u, not forward))
        new = {v for v in reached if v not in dist}
        dist.update(dict.fromkeys(new, len(levels)))
        levels.append(new)
        for v in new.intersection(other):
            if v == a or v == b or through(v):
                d = da[v] + db[v]
                if best is None or d < best:
                    best = d
    if best is None or best > max_hops:
        return []
    d = best
    la, lb = len(levels_a) - 1, len(levels_b) - 1
    out: list[list[N]] = []

    # Position p of a shortest path may hold the nodes at distance p from a
    # (when the forward side got that far) and at distance d - p from b (when
    # the backward side did); one of the two always applies. So a node has one
    # position, and its next steps and whether it leads to b at all are worked
    # out once, not once per path prefix.
    def allowed(p: int) -> set[N]:
        if p <= la and d - p <= lb:
            return levels_a[p] & levels_b[d - p]
        return levels_a[p] if p <= la else levels_b[d - p]

    places = [allowed(p) for p in range(d + 1)]
    nexts: dict[N, list[N]] = {}
    dead: set[N] = set()

    def candidates(u: N, p: int) -> list[N]:
        found = nexts.get(u)
        if found is None:
            found = nexts[u] = sorted(places[p].intersection(moves(u, False)))
        return found

    def extend(path: list[N]) -> bool:
        """Append the paths through ``path`` in id order; whether there was one."""
        i = len(path) - 1
        u = path[-1]
        if i == d:
            if u == b:
                out.append(list(path))
                return True
            return False
        if u != a and not through(u):
            return False
        any_found = False
        for v in candidates(u, i + 1):
            if len(out) >= limit:
                break
            if v in dead or v in path:
                continue
            path.append(v)
            if extend(path):
                any_found = True
            else:
                dead.add(v)
            path.pop()
        return any_found

    extend([a])
    return out


def k_shortest_paths(a: N, b: N, step: Step[N] | None, through: Through[N], max_hops: int,
                     k: int, search: Search[N] | None = None) -> list[list[N]]:
    """The ``k`` shortest simple paths, ordered by (length, id sequence) — Yen's method.

    Each spur search returns the smallest-id shortest spur, which makes the
    enumeration follow exactly the (length, ids) order. ``search`` replaces
    :func:`shortest_paths` for the spur searches (the Neo4j store runs them
    on the server); it gets ``(a, b, max_hops, limit, banned, banned_steps)``.
    """
    def local(a: N, b: N, max_hops: int, limit: int, banned: frozenset[N] = frozenset(),
              banned_steps: frozenset[tuple[N, N]] = frozenset()) -> list[list[N]]:
        assert step is not None
        return shortest_paths(a, b, step, through, max_hops, limit, banned, banned_steps)

    if search is None:
        if step is None:
            raise TypeError("k_shortest_paths needs a step function or a search")
        search = local

    first = search(a, b, max_hops, 1)
    if not first:
        return []
    found = [first[0]]
    seen = {tuple(first[0])}
    candidates: list[tuple[int, list[N]]] = []
    while len(found) < k:
        last = found[-1]
        for i in range(len(last) - 1):
            spur, root = last[i], last[: i + 1]
            if i > 0 and not through(spur):
                continue
            banned_steps = frozenset((p[i], p[i + 1]) for p in found
                                     if len(p) > i + 1 and p[: i + 1] == root)
            spur_paths = search(spur, b, max_hops - i, 1, frozenset(root[:-1]), banned_steps)
            for tail in spur_paths:
                path = root[:-1] + tail
                key = tuple(path)
                if key not in seen:
                    seen.add(key)
                    heapq.heappush(candidates, (len(path), path))
        if not candidates:
            break
        found.append(heapq.heappop(candidates)[1])
    return found
