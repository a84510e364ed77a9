"""The embedded store: a networkx MultiDiGraph built from a validated Dataset.

Nodes are entity ids (attribute ``entity``); edges are keyed by relation id
(attribute ``relation``). ``store.graph`` is the networkx graph users can get at.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Iterable, Iterator

from ..errors import EntityNotFound
from ..model import Dataset, Entity, Relation
from ..queries import (MAX_SHORTEST_PATHS, ExposureHit, ExposureQuery, Hop, Neighborhood,
                       NeighborHit, Path, PathQuery, Stats, Traversal, order_paths,
                       sort_counts, type_matches)
from ..resolve import normalize
from ..traverse import bfs, chain, k_shortest_paths, shortest_paths
from .base import Store

if TYPE_CHECKING:
    import networkx as nx


class MemoryStore(Store):
    def __init__(self, data: Dataset):
        import networkx as nx

        self.data = data
        self.schema = data.schema
        g = nx.MultiDiGraph()
        g.add_nodes_from((e.id, {"entity": e}) for e in data.entities.values())
        g.add_edges_from((r.source_id, r.target_id, r.id, {"relation": r})
                         for r in data.relations)
        self.graph: nx.MultiDiGraph = g
        self._labels: dict[str, set[str]] | None = None

    @classmethod
    def from_folder(cls, seeds: str | FsPath = "seeds", strict: bool = False,
                    **_: object) -> "MemoryStore":
        from ..loader import load_dataset
        return cls(load_dataset(seeds, strict=strict))

    # -- lookup --------------------------------------------------------
    def entity(self, entity_id: str) -> Entity:
        try:
            return self.data.entities[entity_id]
        except KeyError:
            raise EntityNotFound(entity_id) from None

    def _label_index(self) -> dict[str, set[str]]:
        if self._labels is None:
            index: dict[str, set[str]] = {}
            for e in self.data.entities.values():
                for label in (e.id, *e.labels()):
                    index.setdefault(normalize(label), set()).add(e.id)
            self._labels = index
        return self._labels

    def exact(self, text: str) -> list[Entity]:
        ids = self._label_index().get(normalize(text), set())
        return [self.data.entities[i] for i in sorted(ids)]

    def candidates(self, text: str) -> Iterable[Entity]:
        return self.data.entities.values()

    def relations_of(self, entity_id: str) -> list[Relation]:
        self.entity(entity_id)
        g = self.graph
        rels = {d["relation"].id: d["relation"]
                for _, _, d in g.out_edges(entity_id, data=True)}
        rels.update((d["relation"].id, d["relation"])
                    for _, _, d in g.in_edges(entity_id, data=True))
        return sorted(rels.values(), key=lambda r: (r.type, r.id))

    # -- walking -------------------------------------------------------
    def _incident(self, u: str, t: Traversal, reverse: bool) -> Iterator[tuple[str, Relation]]:
        """(neighbour, relation) pairs for moves out of ``u`` (into ``u`` if reverse)."""
        sym = self.schema.symmetric
        for adj, natural in ((self.graph._succ, not reverse), (self.graph._pred, reverse)):
            for v, keyed in adj[u].items():
                if v in t.avoid:
                    continue
                for data in keyed.values():
                    rel = data["relation"]
                    if t.relation_ok(rel) and (natural or not t.directed or sym(rel.type)):
                        yield v, rel

    def _walker(self, t: Traversal):
        ents = self.data.entities

        def step(u: str, reverse: bool) -> Iterator[str]:
            return (v for v, _ in self._incident(u, t, reverse))

        def through(u: str) -> bool:
            return t.via_types is None or type_matches(self.schema, ents[u], t.via_types)

        return step, through

    def _hop(self, u: str, v: str, t: Traversal) -> Hop:
        rels = sorted((r for w, r in self._incident(u, t, False) if w == v), key=lambda r: r.id)
        return Hop(u, v, rels)

    def _path(self, ids: list[str], t: Traversal) -> Path:
        ents = self.data.entities
        return Path([ents[i] for i in ids],
                    [self._hop(u, v, t) for u, v in zip(ids, ids[1:])])

    # -- queries -------------------------------------------------------
    def paths(self, a: str, b: str, query: PathQuery = PathQuery()) -> list[Path]:
        self.entity(a), self.entity(b)
        t = query.traversal
        if a in t.avoid or b in t.avoid:
            return []
        step, through = self._walker(t)
        if query.k is None:
            found = shortest_paths(a, b, step, through, query.max_hops, MAX_SHORTEST_PATHS)
        else:
            found = k_shortest_paths(a, b, step, through, query.max_hops, query.k)
        return order_paths(self._path(p, t) for p in found)

    def neighbors(self, entity_id: str, depth: int = 1,
                  types: frozenset[str] | None = None,
                  traversal: Traversal = Traversal()) -> Neighborhood:
        center = self.entity(entity_id)
        step, through = self._walker(traversal)
        dist, _ = bfs(entity_id, step, through, depth, order=False)
        hits = []
        for v in sorted(dist, key=lambda n: (dist[n], n)):
            if v == entity_id or not type_matches(self.schema, self.data.entities[v], types):
                continue
            links = sorted({r.id: r for w, r in self._incident(v, traversal, True)
                            if dist.get(w) == dist[v] - 1}.values(), key=lambda r: r.id)
            hits.append(NeighborHit(self.data.entities[v], dist[v], links))
        return Neighborhood(center, hits)

    def exposure(self, entity_id: str, query: ExposureQuery = ExposureQuery()) -> list[ExposureHit]:
        self.entity(entity_id)
        t = query.traversal
        step, through = self._walker(t)
        dist, parent = bfs(entity_id, step, through, query.max_hops)
        hits = []
        for v in sorted(dist, key=lambda n: (dist[n], n)):
            e = self.data.entities[v]
            if v == entity_id or not type_matches(self.schema, e, query.types):
                continue
            if query.countries is not None and e.country not in query.countries:
                continue
            hits.append(ExposureHit(e, dist[v], self._path(chain(parent, v), t)))
        return hits

    def stats(self, top: int = 10) -> Stats:
        import networkx as nx

        g = self.graph
        ents = self.data.entities
        degree = {n: d for n, d in g.degree()}
        ranked = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
        components = list(nx.weakly_connected_components(g)) if len(g) else []
        return Stats(
            entities=len(ents), relations=len(self.data.relations),
            entity_types=sort_counts(Counter(e.type for e in ents.values())),
            relation_types=sort_counts(Counter(r.type for r in self.data.relations)),
            top=[(ents[n], d) for n, d in ranked[:top] if d > 0],
            isolated=[ents[n] for n in sorted(n for n, d in degree.items() if d == 0)],
            components=len(components),
            largest_component=max((len(c) for c in components), default=0),
            sources=len(self.data.sources))

    def dataset(self, entity_ids: Iterable[str] | None = None) -> Dataset:
        return self.data if entity_ids is None else self.data.subset(entity_ids)
