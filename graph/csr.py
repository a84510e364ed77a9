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
        keys = list(data.entities)
        row = dict(zip(keys, range(len(keys))))
        src = list(map(row.__getitem__, field_values(data.relations, "source_id")))
        dst = list(map(row.__getitem__, field_values(data.relations, "target_id")))
        if has_numpy():
            return cls.from_rows(keys, src, dst)
        return cls._from_lists(keys, src, dst)

    @classmethod
    def _from_lists(cls, keys: Sequence[str], src: list[int], dst: list[int]) -> "Index":
        """:meth:`from_rows` by Python sorts, where numpy (optional) is missing."""
        order = sorted(range(len(keys)), key=keys.__getitem__)
        rank = [0] * len(keys)
        for u, r in enumerate(order):
            rank[r] = u
        s, d = [rank[r] for r in src], [rank[r] for r in dst]
        at, far = s + d, d + s
        inc = sorted(range(len(at)), key=at.__getitem__)
        degree = [0] * len(keys)
        for u in at:
            degree[u] += 1
        offsets = list(accumulate(degree, initial=0))
        for a, b in zip(offsets, offsets[1:]):
            if b - a > SORTED_ABOVE:
                inc[a:b] = sorted(inc[a:b], key=far.__getitem__)
        other = list(map(far.__getitem__, inc))
        nbr: list[int] = []
        nbr_off = [0]
        for a, b in zip(offsets, offsets[1:]):
            nbr.extend(sorted(set(other[a:b])))
            nbr_off.append(len(nbr))
        return cls([keys[r] for r in order], offsets, inc, other, nbr_off, nbr,
                   order=array("i", order))

    @classmethod
    def from_rows(cls, keys: Sequence[str], src: Any, dst: Any,
                  sort_order: Any = None) -> "Index":
        """The index of entities ``keys`` (in dataset order) and relations from
        entity row ``src[k]`` to ``dst[k]`` (sequences or numpy arrays);
        ``sort_order``: the rows of ``keys`` in id order, when known.

        numpy sorts (stable, so ties keep relation order): incidences grouped
        by entity number, those of big entities then by the other end, and
        the distinct neighbours of each entity as sorted unique pairs.
        """
        import numpy as np

        n, m = len(keys), len(src)
        # number -> row (Arrow's sort: UTF-8 byte order is code point order)
        order = np.asarray(sort_order if sort_order is not None
                           else sorted(range(n), key=keys.__getitem__), np.int64)
        rank = np.empty(n, np.int64)                             # row -> number
        rank[order] = np.arange(n, dtype=np.int64)
        s = rank[np.asarray(src, np.int64)] if m else np.empty(0, np.int64)
        d = rank[np.asarray(dst, np.int64)] if m else np.empty(0, np.int64)
        # Incidence j < m is relation j out of s[j]; j >= m is relation j - m
        # into d[j - m].
        at, far = np.concatenate([s, d]), np.concatenate([d, s])
        degree = np.bincount(at, minlength=n)
        offsets = np.concatenate([[0], np.cumsum(degree)])
        # One stable sort by entity; big entities keep their incidences sorted
        # by the other end too, so the relations between two entities are
        # found by bisection (see between()).
        width = n + 1
        then = np.where(degree[at] > SORTED_ABOVE, far + 1, 0)
        inc = np.argsort(at * width + then, kind="stable")
        other = far[inc]
        pairs = np.repeat(np.arange(n, dtype=np.int64), degree) * width + other
        pairs.sort()
        pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])] if len(pairs) else pairs
        nbr = pairs % width
        nbr_off = np.concatenate([[0], np.cumsum(np.bincount(pairs // width, minlength=n))])
        ids = list(map(keys.__getitem__, order.tolist()))
        return cls(ids, _ints(offsets), _ints(inc), _ints(other), _ints(nbr_off), _ints(nbr),
                   order=_ints(order), ranked=_ints(np.argsort(-degree, kind="stable")))

    def patched(self, old_src: Any, old_dst: Any, src: Any, dst: Any) -> "Index":
        """What :meth:`from_rows` gives for the same entities with relation ends
        ``src``/``dst`` (entity rows), made from this index of ends
        ``old_src``/``old_dst``: the relations both lists share at their start
        and at their end keep their incidences (renumbered), and only the
        entities at an end of a relation in between (removed or added) are
        sorted again. numpy arrays or sequences; numpy must be installed."""
        import numpy as np

        i64 = np.int64
        n = len(self.inc_off) - 1
        s0, d0, s1, d1 = (np.asarray(x, i64) for x in (old_src, old_dst, src, dst))
        m0, m1 = len(s0), len(s1)
        top = min(m0, m1)
        # The relations in the same place at the start (p) and at the end (q).
        head = (s0[:top] != s1[:top]) | (d0[:top] != d1[:top])
        p = int(np.argmax(head)) if head.any() else top
        tail = (s0[m0 - top:][::-1] != s1[m1 - top:][::-1]) | \
            (d0[m0 - top:][::-1] != d1[m1 - top:][::-1])
        q = min(int(np.argmax(tail)) if tail.any() else top, top - p)
        order = np.asarray(self.order, i64)
        rank = np.empty(n, i64)
        rank[order] = np.arange(n, dtype=i64)
        gone_s, gone_d = rank[s0[p:m0 - q]], rank[d0[p:m0 - q]]
        new_s, new_d = rank[s1[p:m1 - q]], rank[d1[p:m1 - q]]
        touched = np.zeros(n, bool)
        for ends in (gone_s, gone_d, new_s, new_d):
            touched[ends] = True
        # Incidences renumbered: relation k before the window stays, after it
        # moves by the change in count; "in" incidences (m + k) move with m.
        off0 = np.asarray(self.inc_off, i64)
        inc0, far0 = np.asarray(self.inc, i64), np.asarray(self.inc_other, i64)
        into = inc0 >= m0
        k = np.where(into, inc0 - m0, inc0)
        after = k >= m0 - q
        inc0 = np.where(after, k + (m1 - m0), k) + np.where(into, m1, 0)
        ent0 = np.repeat(np.arange(n, dtype=i64), np.diff(off0))
        degree = np.diff(off0) - np.bincount(np.concatenate([gone_s, gone_d]), minlength=n) \
            + np.bincount(np.concatenate([new_s, new_d]), minlength=n)
        off1 = np.concatenate([[0], np.cumsum(degree)])
        # Untouched entities keep their incidences in their order (renumbering
        # keeps it); the touched ones sort theirs as from_rows does.
        mine = touched[ent0]
        same = np.flatnonzero(~mine)
        at_same = off1[ent0[same]] + same - off0[ent0[same]]
        keep = np.flatnonzero(mine & ((k < p) | after))
        added = np.arange(p, m1 - q, dtype=i64)
        t_ent = np.concatenate([ent0[keep], new_s, new_d])
        t_inc = np.concatenate([inc0[keep], added, added + m1])
        t_far = np.concatenate([far0[keep], new_d, new_s])
        then = np.where(degree[t_ent] > SORTED_ABOVE, t_far + 1, 0)
        o = np.lexsort((t_inc, then, t_ent))
        t_ent, t_inc, t_far = t_ent[o], t_inc[o], t_far[o]
        at_t = off1[t_ent] + np.arange(len(t_ent)) - np.searchsorted(t_ent, t_ent)
        inc, other = np.empty(2 * m1, i64), np.empty(2 * m1, i64)
        inc[at_same], other[at_same] = inc0[same], far0[same]
        inc[at_t], other[at_t] = t_inc, t_far
        # Distinct neighbours: the untouched entities' as they were.
        noff0, nbr0 = np.asarray(self.nbr_off, i64), np.asarray(self.nbr, i64)
        nent0 = np.repeat(np.arange(n, dtype=i64), np.diff(noff0))
        width = n + 1
        pairs = np.unique(t_ent * width + t_far)
        p_ent, p_far = pairs // width, pairs % width
        ndeg = np.where(touched, 0, np.diff(noff0)) + np.bincount(p_ent, minlength=n)
        noff1 = np.concatenate([[0], np.cumsum(ndeg)])
        nsame = np.flatnonzero(~touched[nent0])
        nbr = np.empty(int(noff1[-1]), i64)
        nbr[noff1[nent0[nsame]] + nsame - noff0[nent0[nsame]]] = nbr0[nsame]
        nbr[noff1[p_ent] + np.arange(len(p_ent)) - np.searchsorted(p_ent, p_ent)] = p_far
        return Index(self.__dict__["_ids"], _ints(off1), _ints(inc), _ints(other),
                     _ints(noff1), _ints(nbr), order=_ints(order),
                     ranked=_ints(np.argsort(-degree, kind="stable")))

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
        """Sizes in order of each component's smallest entity number: labels
        propagated to the smallest number over the neighbour pairs, with
        pointer jumping (numpy; a few rounds even along long chains), or a
        walk from each unseen entity where numpy (optional) is missing."""
        if not has_numpy():
            return self._walk_components()
        import numpy as np

        n = len(self.ids)
        off = np.asarray(self.nbr_off, np.int64)
        v = np.asarray(self.nbr, np.int64)
        u = np.repeat(np.arange(n, dtype=np.int64), np.diff(off))
        label = np.arange(n, dtype=np.int64)      # label[x] <= x, in x's component
        while True:
            a, b = label[u], label[v]
            if (a == b).all():
                break
            np.minimum.at(label, a, b)            # hook the larger label on the smaller
            np.minimum.at(label, b, a)
            while True:                           # then jump to the root
                up = label[label]
                if (up == label).all():
                    break
                label = up
        return np.unique(label, return_counts=True)[1].tolist()  # type: ignore[no-any-return]


    def _walk_components(self) -> list[int]:
        seen = bytearray(len(self.ids))
        sizes = []
        nbr, off = self.nbr, self.nbr_off
        for root in range(len(self.ids)):
            if seen[root]:
                continue
            seen[root] = 1
            stack, size = [root], 0
            while stack:
                u = stack.pop()
                size += 1
                for v in nbr[off[u]:off[u + 1]]:
                    if not seen[v]:
                        seen[v] = 1
                        stack.append(v)
            sizes.append(size)
        return sizes


def has_numpy() -> bool:
    """Whether numpy (optional: graph/names.py says why) can be imported."""
    from .names import has_numpy as found

    return found()


def _ints(values: Any) -> "array[int]":
    """A numpy integer array as a compact Python ``array``."""
    import numpy as np

    code = "i" if not len(values) or int(values.max()) < 2**31 else "q"
    out = array(code)
    out.frombytes(np.ascontiguousarray(values, dtype=np.int32 if code == "i" else np.int64)
                  .tobytes())
    return out


def relation_of(rels: Sequence["Relation"], signed: int) -> "Relation":
    return rels[signed if signed >= 0 else ~signed]
