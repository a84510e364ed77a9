"""An integer-indexed adjacency (CSR) for the embedded store's hot queries.

Entities are numbered in id order, so comparing numbers compares ids and the
deterministic tie-break of :mod:`graph.traverse` holds on numbers too. Per
entity the index keeps:

* its incidences: relation numbers, ``k`` for a relation out of the entity and
  ``~k`` (negative) for one into it (a self-loop appears both ways, as in a
  networkx MultiDiGraph), with the entity at the other end;
* its distinct neighbours in either direction, sorted: what an unfiltered walk
  steps to.

All of it lives in flat ``array`` columns, so it is small and pickles fast
(see :mod:`graph.cache`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Iterator, Sequence

from ..bulk import gc_paused

if TYPE_CHECKING:
    from ..model import Dataset, Relation


SORTED_ABOVE = 32


class Index:
    def __init__(self, ids: list[str], inc_off: array, inc: array, inc_other: array,
                 nbr_off: array, nbr: array):
        self.ids = ids
        self.pos = {eid: i for i, eid in enumerate(ids)}
        self.inc_off, self.inc, self.inc_other = inc_off, inc, inc_other
        self.nbr_off, self.nbr = nbr_off, nbr

    @classmethod
    def build(cls, data: "Dataset") -> "Index":
        with gc_paused():
            return cls._build(data)

    @classmethod
    def _build(cls, data: "Dataset") -> "Index":
        ids = sorted(data.entities)
        pos = {eid: i for i, eid in enumerate(ids)}
        rels = data.relations
        src = [pos[r.source_id] for r in rels]
        dst = [pos[r.target_id] for r in rels]
        n = len(ids)
        counts = [0] * (n + 1)
        for s in src:
            counts[s + 1] += 1
        for t in dst:
            counts[t + 1] += 1
        total = 0
        for i in range(n + 1):
            total += counts[i]
            counts[i] = total
        inc_off = array("q", counts)
        cursor = counts[:-1]
        inc = [0] * total
        other = [0] * total
        for k, s in enumerate(src):
            t = dst[k]
            c = cursor[s]
            inc[c], other[c] = k, t
            cursor[s] = c + 1
            c = cursor[t]
            inc[c], other[c] = ~k, s
            cursor[t] = c + 1
        # Big entities keep their incidences sorted by the other end, so the
        # relations between two entities are found by bisection (see between()).
        for u in range(n):
            a, b = counts[u], counts[u + 1]
            if b - a > SORTED_ABOVE:
                pairs = sorted(zip(other[a:b], inc[a:b]))
                other[a:b] = [p[0] for p in pairs]
                inc[a:b] = [p[1] for p in pairs]
        nbr_off = array("q", [0])
        nbr = array("l")
        for u in range(n):
            a, b = counts[u], counts[u + 1]
            if a != b:
                nbr.extend(sorted(set(other[a:b])))
            nbr_off.append(len(nbr))
        return cls(ids, inc_off, array("l", inc), array("l", other), nbr_off, nbr)

    def __getstate__(self) -> tuple:
        return (self.ids, self.inc_off, self.inc, self.inc_other, self.nbr_off, self.nbr)

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.ids)

    def neighbours(self, u: int) -> array:
        """Distinct neighbours of ``u`` either way, in id order."""
        return self.nbr[self.nbr_off[u]:self.nbr_off[u + 1]]

    def incident(self, u: int) -> Iterator[tuple[int, int]]:
        """(signed relation number, other end) for every relation at ``u``."""
        a, b = self.inc_off[u], self.inc_off[u + 1]
        return zip(self.inc[a:b], self.inc_other[a:b])

    def between(self, u: int, v: int) -> Iterator[tuple[int, int]]:
        """Like incident(u), only for relations whose other end is ``v``."""
        a, b = self.inc_off[u], self.inc_off[u + 1]
        if b - a > SORTED_ABOVE:
            a = bisect_left(self.inc_other, v, a, b)
            b = bisect_right(self.inc_other, v, a, b)
            return zip(self.inc[a:b], self.inc_other[a:b])
        return ((k, w) for k, w in zip(self.inc[a:b], self.inc_other[a:b]) if w == v)

    def degree(self, u: int) -> int:
        """Relations in and out (a self-loop counts twice, as in networkx)."""
        return self.inc_off[u + 1] - self.inc_off[u]

    def components(self) -> list[int]:
        """Sizes of the weakly connected components."""
        seen = bytearray(len(self.ids))
        sizes = []
        nbr, off = self.nbr, self.nbr_off
        for root in range(len(self.ids)):
            if seen[root]:
                continue
            seen[root] = 1
            stack = [root]
            size = 0
            while stack:
                u = stack.pop()
                size += 1
                for v in nbr[off[u]:off[u + 1]]:
                    if not seen[v]:
                        seen[v] = 1
                        stack.append(v)
            sizes.append(size)
        return sizes


def relation_of(rels: Sequence["Relation"], signed: int) -> "Relation":
    return rels[signed if signed >= 0 else ~signed]
