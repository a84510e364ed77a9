"""The embedded store: a validated Dataset with an integer adjacency index.

Queries walk :class:`~graph.csr.Index` (entity numbers in id order).
``store.graph`` is the networkx MultiDiGraph users can get at, built on first
use: nodes are entity ids (attribute ``entity``); edges are keyed by relation
id (attribute ``relation``).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import countOf
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence, overload

from .. import defaults
from ..bulk import count_values, gc_paused
from ..errors import EntityNotFound
from ..model import Dataset, Entity, Relation
from ..queries import (MAX_SHORTEST_PATHS, ExposureHit, ExposureQuery, Hop, Neighborhood,
                       NeighborHit, Path, PathQuery, Stats, Traversal, order_paths,
                       sort_counts, type_matches)
from ..resolve import Match, normalize
from ..traverse import Step, Through, bfs, chain, k_shortest_paths, shortest_paths
from .base import Store
from ..csr import Index

if TYPE_CHECKING:
    import networkx as nx

    from ..names import NameIndex


class Numbered(Sequence[Entity]):
    """The entities with some index numbers, each made when it is asked for
    (``kg stats`` shows twenty of ten thousand isolated entities)."""

    def __init__(self, make: Callable[[Sequence[int]], list[Entity]], nums: Sequence[int]):
        self._make, self._nums = make, nums

    def __len__(self) -> int:
        return len(self._nums)

    @overload
    def __getitem__(self, i: int) -> Entity: ...
    @overload
    def __getitem__(self, i: slice) -> list[Entity]: ...

    def __getitem__(self, i: int | slice) -> Entity | list[Entity]:
        if isinstance(i, slice):
            return self._make(self._nums[i])
        return self._make([self._nums[i]])[0]

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._make(self._nums))

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class MemoryStore(Store):
    def __init__(self, data: Dataset, index: Index | None = None,
                 names: "NameIndex | Callable[[], NameIndex] | None" = None):
        self.data = data
        self.schema = data.schema
        # Queries walk the integer index; the networkx graph is built when
        # someone asks for it, so loading does not pay for it twice.
        self.index = index if index is not None else Index.build(data)
        self._names = names
        self._rows: list[Entity] | None = None
        self._graph: nx.MultiDiGraph | None = None
        self._type_ok: dict[tuple[str, frozenset[str]], bool] = {}

    @property
    def graph(self) -> "nx.MultiDiGraph":
        """The networkx MultiDiGraph: nodes are entity ids (attribute ``entity``),
        edges are keyed by relation id (attribute ``relation``)."""
        if self._graph is None:
            from ..nxgraph import to_networkx
            self._graph = to_networkx(self.data)
        return self._graph

    @classmethod
    def from_folder(cls, seeds: str | FsPath = defaults.SEEDS, strict: bool = False,
                    use_cache: bool = True) -> "MemoryStore":
        """Load a seed folder, through the on-disk cache unless ``use_cache`` is off.

        The cyclic collector stays off for the whole load (not only within each
        phase): a collection between phases would walk everything loaded so far.
        """
        with gc_paused():
            return cls._load(seeds, strict, use_cache)

    @classmethod
    def _load(cls, seeds: str | FsPath, strict: bool, use_cache: bool) -> "MemoryStore":
        from ..cache import GraphCache
        from ..seedio import display_path

        cache = GraphCache.for_folder(seeds, strict) if use_cache else None
        hit = cache.read() if cache is not None else None
        if hit is not None:
            data, index, names = hit
            data.folder = display_path(seeds)
            return cls(data, index, names)
        # Only changed seed files are read again (no cache: every file, and
        # the adjacency and name index come from the parts' columns too).
        from ..parts import load_parts

        if cache is None:
            loaded = load_parts(seeds, strict, None)
            return cls(loaded.data, loaded.index, loaded.names)
        from ..input import digests

        # The entry is keyed by the bytes this load parsed (see cache.write).
        with digests() as parsed:
            loaded = load_parts(seeds, strict, cache.directory)
        store = cls(loaded.data, loaded.index, loaded.names)
        cache.write(store.data, store.index, store.names, loaded.keys, loaded.sections, parsed)
        return store

    # -- lookup --------------------------------------------------------
    def entity(self, entity_id: str) -> Entity:
        try:
            return self.data.entities[entity_id]
        except KeyError:
            raise EntityNotFound(entity_id) from None

    def resolve(self, text: str) -> Entity:
        # An exact id wins outright (see graph.resolve.pick): no label index needed.
        e = self.data.entities.get(text)
        return e if e is not None else super().resolve(text)

    @property
    def names(self) -> "NameIndex":
        """The name index (see :mod:`graph.names`), built on first use unless cached."""
        if callable(self._names):
            self._names = self._names()       # the cached one, read on first use
        if self._names is None:
            from ..names import NameIndex

            self._names = NameIndex.build(self.data.entities.values())
        return self._names

    def _numbered(self, nums: Sequence[int]) -> list[Entity]:
        """The entities with these index numbers (by row when the index knows
        the rows: no id lookups)."""
        ents, order = self.data.entities, self.index.order
        take = getattr(ents, "take", None)     # RowMap: rows by position
        if order is not None and take is not None:
            return take([order[u] for u in nums])  # type: ignore[no-any-return]
        ids = self.index.ids
        many = getattr(ents, "many", None)
        return many([ids[u] for u in nums]) if many is not None else [ents[ids[u]] for u in nums]

    def _entity_at(self, row: int) -> Entity:
        """The entity in row ``row`` (entities in dataset order)."""
        rows = getattr(self.data.entities, "row", None)
        if rows is not None:
            return rows(row)  # type: ignore[no-any-return]
        if self._rows is None:
            self._rows = list(self.data.entities.values())
        return self._rows[row]

    def exact(self, text: str) -> list[Entity]:
        found = [self._entity_at(r) for r in self.names.exact_rows(normalize(text))]
        return sorted(found, key=lambda e: e.id)

    def find(self, text: str, limit: int | None = 20) -> list[Match]:
        from ..names import matches

        return matches(self.names, text, self._entity_at, limit)

    def candidates(self, text: str) -> Iterable[Entity]:
        return self.data.entities.values()

    def relations_of(self, entity_id: str) -> list[Relation]:
        self.entity(entity_id)
        rels = self.data.relations
        found = {}
        for signed, _ in self.index.incident(self.index.pos[entity_id]):
            rel = rels[signed if signed >= 0 else ~signed]
            found[rel.id] = rel
        return sorted(found.values(), key=lambda r: (r.type, r.id))

    def degrees(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Counted on the adjacency index: a hub's 10,000 relations are not built as
        objects for that. Each relation is one incidence at each end, so a self-loop
        is two at its one entity."""
        index, found = self.index, {}
        for eid in dict.fromkeys(entity_ids):
            self.entity(eid)
            u = index.pos[eid]
            a, b = index.inc_off[u], index.inc_off[u + 1]
            found[eid] = int(b - a - countOf(index.inc_other[a:b], u) // 2)
        return found

    # -- walking (on entity numbers, see graph.csr) ----------------
    def _avoid(self, t: Traversal) -> frozenset[int]:
        pos = self.index.pos
        return frozenset(pos[a] for a in t.avoid if a in pos)

    def _incident(self, u: int, t: Traversal, reverse: bool, avoid: frozenset[int],
                  only: int | None = None,
                  near: set[int] | None = None) -> Iterator[tuple[int, Relation]]:
        """(neighbour, relation) pairs for moves out of ``u`` (into ``u`` if reverse),
        all of them, only those to ``only``, or only those to entities in ``near``."""
        sym = self.schema.symmetric
        rels = self.data.relations
        pairs = self.index.incident(u) if only is None else self.index.between(u, only)
        for signed, v in pairs:
            if v in avoid or (near is not None and v not in near):
                continue
            rel = rels[signed if signed >= 0 else ~signed]
            natural = (signed >= 0) != reverse
            if t.relation_ok(rel) and (natural or not t.directed or sym(rel.type)):
                yield v, rel

    def _walker(self, t: Traversal) -> tuple[Step[int], Through[int], frozenset[int]]:
        index = self.index
        avoid = self._avoid(t)
        if t.rels is None and t.as_of is None and not t.directed:
            # Every relation counts, both ways: step along the neighbour lists.
            nbr, off = index.nbr, index.nbr_off
            if avoid:
                def step(u: int, reverse: bool) -> Iterable[int]:
                    return [v for v in nbr[off[u]:off[u + 1]] if v not in avoid]
            else:
                def step(u: int, reverse: bool) -> Iterable[int]:
                    return nbr[off[u]:off[u + 1]]
        else:
            def step(u: int, reverse: bool) -> Iterable[int]:
                return (v for v, _ in self._incident(u, t, reverse, avoid))

        ents, ids = self.data.entities, index.ids
        via = t.via_types

        def through(u: int) -> bool:
            return via is None or self._is_type(ents[ids[u]], via)

        return step, through, avoid

    def _is_type(self, e: Entity, types: frozenset[str]) -> bool:
        key = (e.type, types)
        ok = self._type_ok.get(key)
        if ok is None:
            ok = self._type_ok[key] = type_matches(self.schema, e, types)
        return ok

    def _hop(self, u: int, v: int, t: Traversal, avoid: frozenset[int]) -> Hop:
        ids = self.index.ids
        rels = sorted((r for _, r in self._incident(u, t, False, avoid, only=v)),
                      key=lambda r: r.id)
        return Hop(ids[u], ids[v], rels)

    def _path(self, nums: list[int], t: Traversal, avoid: frozenset[int],
              hops: dict[tuple[int, int], Hop] | None = None) -> Path:
        """A Path from entity numbers; ``hops`` shares hops among paths of one query."""
        ents, ids = self.data.entities, self.index.ids
        out = []
        for u, v in zip(nums, nums[1:]):
            hop = hops.get((u, v)) if hops is not None else None
            if hop is None:
                hop = self._hop(u, v, t, avoid)
                if hops is not None:
                    hops[(u, v)] = hop
            out.append(hop)
        return Path([ents[ids[i]] for i in nums], out)

    # -- queries -------------------------------------------------------
    def paths(self, a: str, b: str, query: PathQuery = PathQuery()) -> list[Path]:
        self.entity(a), self.entity(b)
        t = query.traversal
        if a in t.avoid or b in t.avoid:
            return []
        step, through, avoid = self._walker(t)
        pos = self.index.pos
        if query.k is None:
            found = shortest_paths(pos[a], pos[b], step, through, query.max_hops,
                                   MAX_SHORTEST_PATHS)
        else:
            found = k_shortest_paths(pos[a], pos[b], step, through, query.max_hops, query.k)
        return order_paths(self._path(p, t, avoid) for p in found)

    def neighbors(self, entity_id: str, depth: int = 1,
                  types: frozenset[str] | None = None,
                  traversal: Traversal = Traversal()) -> Neighborhood:
        center = self.entity(entity_id)
        step, through, avoid = self._walker(traversal)
        ents, ids = self.data.entities, self.index.ids
        start = self.index.pos[entity_id]
        dist, _ = bfs(start, step, through, depth, order=False)
        levels: dict[int, set[int]] = {}
        for v, d in dist.items():
            levels.setdefault(d, set()).add(v)
        hits = []
        for v in sorted(dist, key=lambda n: (dist[n], n)):
            e = ents[ids[v]]
            if v == start or (types is not None and not self._is_type(e, types)):
                continue
            moves = (self._incident(v, traversal, True, avoid, only=start) if dist[v] == 1
                     else self._incident(v, traversal, True, avoid, near=levels[dist[v] - 1]))
            links = sorted({r.id: r for _, r in moves}.values(), key=lambda r: r.id)
            hits.append(NeighborHit(e, dist[v], links))
        return Neighborhood(center, hits)

    def exposure(self, entity_id: str, query: ExposureQuery = ExposureQuery()) -> list[ExposureHit]:
        self.entity(entity_id)
        t = query.traversal
        step, through, avoid = self._walker(t)
        ents, ids = self.data.entities, self.index.ids
        start = self.index.pos[entity_id]
        dist, parent = bfs(start, step, through, query.max_hops)
        hops: dict[tuple[int, int], Hop] = {}
        hits = []
        for v in sorted(dist, key=lambda n: (dist[n], n)):
            e = ents[ids[v]]
            if v == start or (query.types is not None and not self._is_type(e, query.types)):
                continue
            if query.countries is not None and e.country not in query.countries:
                continue
            hits.append(ExposureHit(e, dist[v], self._path(chain(parent, v), t, avoid, hops)))
        return hits

    def stats(self, top: int = 10) -> Stats:
        index = self.index
        ents = self.data.entities
        off = index.inc_off
        ranked = index.ranked()     # most relations first, ties in id order (as nlargest)
        # The entities without relations end the ranking, in id order.
        lone = bisect_left(ranked, True, key=lambda u: off[u] == off[u + 1])
        best = list(ranked[:min(top, lone)])
        components = index.components()
        return Stats(
            entities=len(ents), relations=len(self.data.relations),
            entity_types=sort_counts(count_values(ents, "type")),
            relation_types=sort_counts(count_values(self.data.relations, "type")),
            top=[(e, off[u + 1] - off[u]) for u, e in zip(best, self._numbered(best))],
            isolated=Numbered(self._numbered, ranked[lone:]),
            components=len(components),
            largest_component=max(components, default=0),
            sources=len(self.data.sources))

    def dataset(self, entity_ids: Iterable[str] | None = None) -> Dataset:
        """Like :meth:`Dataset.subset`, but finds the relations through the index
        instead of looking at every relation."""
        if entity_ids is None:
            return self.data
        ents, index = self.data.entities, self.index
        keep = set(entity_ids)
        nums = {index.pos[i] for i in keep if i in index.pos}
        found = {signed if signed >= 0 else ~signed
                 for u in nums for signed, v in index.incident(u) if v in nums}
        rels = [self.data.relations[k] for k in sorted(found)]
        return Dataset(self.schema, {i: ents[i] for i in ents if i in keep}, rels,
                       self.data.cited_sources(rels), self.data.folder)
