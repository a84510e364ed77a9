"""An integer-indexed adjacency (CSR) for the embedded store's hot queries.

Entities are numbered in id order, so comparing numbers compares ids and the
deterministic tie-break of :mod:`graph.traverse` holds on numbers too. Per
entity the index keeps:

* its incidences: relation numbers, ``k`` for a relation out of the entity and
  ``~k`` (negative) for one into it (a self-loop appears both ways, as in a
  networkx MultiDiGraph), with the entity at the other end (stored as
  ``k`` and ``m + k`` for ``m`` relations, which one sort can produce);
* its distinct neighbours in either direction, sorted: what an unfiltered walk
  steps to.

All of it lives in flat columns of numbers: lists after a build, ``array``
columns read from the cache (see :mod:`graph.columns`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Mapping, Sequence, Union, cast

from .bulk import field_values, gc_paused

if TYPE_CHECKING:
    from .model import Dataset, Relation


SORTED_ABOVE = 32


Ints = Union[list[int], "array[int]"]


class _Loaded:
    """An attribute given as its value or as a function making it on first use
    (the cache reads each column only when a query needs it)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        value = obj.__dict__[self.slot]
        if callable(value):
            value = obj.__dict__[self.slot] = value()
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.slot] = value


class Index:
    ids: list[str] = _Loaded()  # type: ignore[assignment]
    inc_off: Ints = _Loaded()  # type: ignore[assignment]
    inc: Ints = _Loaded()  # type: ignore[assignment]
    inc_other: Ints = _Loaded()  # type: ignore[assignment]
    nbr_off: Ints = _Loaded()  # type: ignore[assignment]
    nbr: Ints = _Loaded()  # type: ignore[assignment]

    def __init__(self, ids: Any, inc_off: Any, inc: Any, inc_other: Any,
                 nbr_off: Any, nbr: Any, pos: Mapping[str, int] | None = None,
                 components: Any = None, order: Any = None, ranked: Any = None):
        """Each column as its value or a function giving it (called on first use).
        ``order``: the dataset row of each entity number, when known."""
        self.ids = ids
        self._components = components
        self._ranked = ranked
        self._pos = pos
        self.inc_off, self.inc, self.inc_other = inc_off, inc, inc_other
        self.nbr_off, self.nbr = nbr_off, nbr
        self._order = order

    @property
    def order(self) -> "Ints | None":
        """The dataset row of each entity number (None when not known)."""
        if callable(self._order):
            self._order = self._order()
        return self._order  # type: ignore[no-any-return]

    @classmethod
    def build(cls, data: "Dataset") -> "Index":
        with gc_paused():
            return cls._build(data)

    @classmethod
    def _build(cls, data: "Dataset") -> "Index":
        ids = sorted(data.entities)
        pos = dict(zip(ids, range(len(ids))))
        src = list(map(pos.__getitem__, field_values(data.relations, "source_id")))
        dst = list(map(pos.__getitem__, field_values(data.relations, "target_id")))
        m = len(src)
        # Incidence j < m is relation j out of src[j]; j >= m is relation j - m
        # into dst[j - m]. One stable sort by entity groups them (C loops only).
        at, far = src + dst, dst + src
        inc = sorted(range(2 * m), key=at.__getitem__)
        degree = Counter(src)
        degree.update(dst)
        offsets = list(accumulate(map(degree.__getitem__, range(len(ids))), initial=0))
        del at, src, dst, degree
        # Big entities keep their incidences sorted by the other end, so the
        # relations between two entities are found by bisection (see between()).
        for a, b in zip(offsets, offsets[1:]):
            if b - a > SORTED_ABOVE:
                inc[a:b] = sorted(inc[a:b], key=far.__getitem__)
        other = list(map(far.__getitem__, inc))
        del far
        nbr: list[int] = []
        nbr_off = [0]
        for a, b in zip(offsets, offsets[1:]):
            if b - a > SORTED_ABOVE:
                nbr.extend(dict.fromkeys(other[a:b]))
            elif a != b:
                nbr.extend(sorted(set(other[a:b])))
            nbr_off.append(len(nbr))
        return cls(ids, offsets, inc, other, nbr_off, nbr, pos)

    @property
    def pos(self) -> Mapping[str, int]:
        """Entity id -> number (made on first use: a warm ``kg stats`` never needs it)."""
        if self._pos is None:
            self._pos = dict(zip(self.ids, range(len(self.ids))))
        return self._pos

    def __len__(self) -> int:
        return len(self.ids)

    def neighbours(self, u: int) -> Ints:
        """Distinct neighbours of ``u`` either way, in id order."""
        return self.nbr[self.nbr_off[u]:self.nbr_off[u + 1]]

    def incident(self, u: int) -> list[tuple[int, int]]:
        """(signed relation number, other end) for every relation at ``u``."""
        a, b = self.inc_off[u], self.inc_off[u + 1]
        return self._signed(a, b)

    def between(self, u: int, v: int) -> list[tuple[int, int]]:
        """Like incident(u), only for relations whose other end is ``v``."""
        a, b = self.inc_off[u], self.inc_off[u + 1]
        if b - a > SORTED_ABOVE:
            a = bisect_left(self.inc_other, v, a, b)
            b = bisect_right(self.inc_other, v, a, b)
            return self._signed(a, b)
        return [(k, w) for k, w in self._signed(a, b) if w == v]

    def _signed(self, a: int, b: int) -> list[tuple[int, int]]:
        # Stored: incidence j (relation j out, or relation j - m in); given:
        # k out, ~k in.
        m = len(self.inc) // 2
        return [(j if j < m else m - 1 - j, w)
                for j, w in zip(self.inc[a:b], self.inc_other[a:b])]

    def degree(self, u: int) -> int:
        """Relations in and out (a self-loop counts twice, as in networkx)."""
        return self.inc_off[u + 1] - self.inc_off[u]

    def components(self) -> list[int]:
        """Sizes of the weakly connected components (worked out once; kept in the cache)."""
        if callable(self._components):
            self._components = self._components()
        if self._components is None:
            self._components = self._find_components()
        return cast("list[int]", self._components)

    def ranked(self) -> Ints:
        """Entity numbers by degree, most relations first, ties in number (id)
        order, so the entities without relations come last, in id order
        (worked out once; kept in the cache)."""
        if callable(self._ranked):
            self._ranked = self._ranked()
        if self._ranked is None:
            off = self.inc_off
            degree = [b - a for a, b in zip(off, off[1:])]
            self._ranked = sorted(range(len(degree)), key=degree.__getitem__, reverse=True)
        return cast(Ints, self._ranked)

    def _find_components(self) -> list[int]:
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
