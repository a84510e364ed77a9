"""The Neo4j store: queries run on the server with Cypher, over one kg dataset.

What the answers mean is defined in :mod:`graph.queries` and
:mod:`graph.traverse`; the shared suite (tests/test_store_queries.py) holds
this store and the memory store to the same answers. How entities and
relations look in Neo4j is :mod:`graph.records` and :mod:`graph.neo4j_names`; ``kg load``
(:mod:`.neo4j_load`) writes them.

* Paths: ``ALL SHORTEST`` over a quantified pattern with a literal upper hop
  bound, both ends bound by the unique ``(kg_dataset, id)``; every filter is a
  predicate inside the pattern, so it applies during the search. The server
  returns node-id sequences, deduplicated and ordered; ``--k`` runs Yen's
  method (:func:`graph.traverse.k_shortest_paths`) with the spur searches
  on the server.
* Neighbours and exposure: a breadth-first walk, one query per level, each
  returning only the edges leaving the current frontier.
* Every value is a parameter; the only names in query text are the
  ``Entity``/``KgDataset`` labels, backtick-quoted.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable, TypeVar

from ..errors import EntityNotFound, KgError
from ..model import Dataset, Entity, Relation, Source, cited_sources
from ..neo4j_names import ENTITY_LABEL, quote, relationship_type
from ..records import (DATASET_KEY, entity_from_node, folder_dataset_name,
                       relation_from_relationship)
from ..queries import (MAX_SHORTEST_PATHS, ExposureHit, ExposureQuery, Hop, Neighborhood,
                       NeighborHit, Path, PathQuery, Stats, Traversal, order_paths,
                       sort_counts)
from ..resolve import FUZZY_MAX_GAP, FUZZY_RATIO, normalize
from ..traverse import chain, k_shortest_paths
from ..rules import date_bounds
from .base import Store
from .neo4j_conn import Connection
from .neo4j_load import META_LABEL, datasets, schema_from_json

T = TypeVar("T")
E = quote(ENTITY_LABEL)
DS = DATASET_KEY
# A relationship as [start id, end id, properties]. Results are collected into
# one list on the server: the driver's per-record cost dominates large results.
_REL = "[startNode(r).id, endNode(r).id, properties(r)]"


_BATCH = 1_000      # ids per round trip of the many-at-once look-ups


def _rel(item: list[Any]) -> Relation:
    return relation_from_relationship(item[2], item[0], item[1])


def _known(found: dict[str, T], entity_id: str) -> T:
    """``found[entity_id]``, or EntityNotFound when the dataset has no such entity."""
    if entity_id not in found:
        raise EntityNotFound(entity_id)
    return found[entity_id]


class Neo4jStore(Store):
    """One kg dataset (``kg_dataset`` = ``name``) in a Neo4j database."""

    def __init__(self, conn: Connection, name: str, meta: dict[str, Any]):
        self.conn = conn
        self.name = name
        self.meta = meta
        self.schema = schema_from_json(meta["schema"])

    @classmethod
    def connect(cls, seeds: str = "seeds", uri: str | None = None,
                user: str | None = None, password: str | None = None,
                database: str | None = None, dataset: str | None = None) -> "Neo4jStore":
        """Open dataset ``dataset`` (default: the seed folder's name, as ``kg load`` names it)."""
        name = dataset or folder_dataset_name(str(seeds))
        conn = Connection.open(uri, user, password, database)
        try:
            rows = conn.read(f"MATCH (d:{quote(META_LABEL)} {{{DS}: $ds}}) "
                             "RETURN properties(d) AS d", ds=name)
            meta = rows[0]["d"] if rows else None
            if meta is None or not meta.get("schema"):
                others = [d["dataset"] for d in datasets(conn)
                          if d["dataset"] != name and d["entities"] is not None]
                hint = (f" (it has: {', '.join(others)}; pick one with --neo4j-dataset)"
                        if others else "")
                state = "never finished loading" if meta else "is not loaded"
                raise KgError(f"kg dataset {name!r} {state} in Neo4j "
                              f"({conn.settings.where}){hint}; load it with "
                              f"`kg load --backend neo4j {seeds}`")
        except BaseException:
            conn.close()
            raise
        return cls(conn, name, meta)

    def close(self) -> None:
        self.conn.close()

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self.conn.read(query, ds=self.name, **params)

    def _list(self, query: str, **params: Any) -> list[Any]:
        """The one collected list a query returns (as ``AS items``)."""
        items: list[Any] = self.conn.read(query, ds=self.name, **params)[0]["items"]
        return items

    # -- lookup --------------------------------------------------------
    def _entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        items = self._list(f"UNWIND $ids AS id MATCH (n:{E} {{{DS}: $ds, id: id}}) "
                           "RETURN collect(properties(n)) AS items", ids=list(dict.fromkeys(ids)))
        return {p["id"]: entity_from_node(p) for p in items}

    def entity(self, entity_id: str) -> Entity:
        found = self._entities([entity_id])
        if not found:
            raise EntityNotFound(entity_id)
        return found[entity_id]

    def entities_of(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        ids = list(dict.fromkeys(entity_ids))
        found: dict[str, Entity] = {}
        for start in range(0, len(ids), _BATCH):
            found.update(self._entities(ids[start:start + _BATCH]))
        return {eid: _known(found, eid) for eid in ids}

    def resolve(self, text: str) -> Entity:
        found = self._entities([text])          # an exact id wins outright
        return found[text] if found else super().resolve(text)

    def exact(self, text: str) -> list[Entity]:
        rows = self._read(f"MATCH (n:{E} {{{DS}: $ds}}) WHERE $q IN n.kg_keys "
                          "RETURN properties(n) AS p ORDER BY n.id", q=normalize(text))
        return [entity_from_node(row["p"]) for row in rows]

    def candidates(self, text: str) -> Iterable[Entity]:
        """Entities with a key that contains the query, or that could pass the fuzzy test.

        :func:`graph.resolve.score` accepts a fuzzy match when difflib's ratio
        ``2*M/(len(q)+len(k))`` is at least FUZZY_RATIO and the lengths differ
        by less than FUZZY_MAX_GAP. ``M`` is at most the characters the two
        share (as multisets), so that bound, checked here, lets through a
        superset; :func:`graph.resolve.rank` then scores it like memory does.
        """
        q = normalize(text)
        if not q:
            return []
        counts = Counter(q)
        items = self._list(
            f"MATCH (n:{E} {{{DS}: $ds}}) WHERE any(k IN n.kg_keys WHERE k CONTAINS $q OR "
            "(abs(size(k) - $qlen) < $gap AND 2.0 * reduce(m = 0, i IN range(0, size($chars) - 1) |"
            " m + CASE WHEN size(k) - size(replace(k, $chars[i], '')) < $counts[i]"
            " THEN size(k) - size(replace(k, $chars[i], '')) ELSE $counts[i] END) "
            ">= $ratio * (size(k) + $qlen) - 0.001)) RETURN collect(properties(n)) AS items",
            q=q, qlen=len(q), chars=list(counts), counts=list(counts.values()),
            gap=FUZZY_MAX_GAP, ratio=FUZZY_RATIO)
        return [entity_from_node(p) for p in items]

    def relations_of(self, entity_id: str) -> list[Relation]:
        return self.relations_of_many([entity_id])[entity_id]

    def degrees(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Counted on the server (a relation is not sent to be counted)."""
        ids = list(dict.fromkeys(entity_ids))
        found: dict[str, int] = {}
        for start in range(0, len(ids), _BATCH):
            items = self._list(
                f"UNWIND $ids AS id MATCH (n:{E} {{{DS}: $ds, id: id}}) "
                f"CALL (n) {{ OPTIONAL MATCH (n)-[r]-() WHERE r.{DS} = $ds "
                "RETURN count(DISTINCT r) AS degree } "
                "RETURN collect([n.id, degree]) AS items", ids=ids[start:start + _BATCH])
            found.update((eid, int(degree)) for eid, degree in items)
        return {eid: _known(found, eid) for eid in ids}

    def relations_of_many(self, entity_ids: Iterable[str]) -> dict[str, list[Relation]]:
        ids = list(dict.fromkeys(entity_ids))
        found: dict[str, list[Relation]] = {}
        for start in range(0, len(ids), _BATCH):
            items = self._list(
                f"UNWIND $ids AS id MATCH (n:{E} {{{DS}: $ds, id: id}}) "
                f"OPTIONAL MATCH (n)-[r]-() WHERE r.{DS} = $ds "
                f"WITH n, [x IN collect(DISTINCT {_REL}) WHERE x[0] IS NOT NULL] AS rs "
                "RETURN collect([n.id, rs]) AS items", ids=ids[start:start + _BATCH])
            for eid, rs in items:
                rels = {r.id: r for r in map(_rel, rs)}
                found[eid] = sorted(rels.values(), key=lambda r: (r.type, r.id))
        return {eid: _known(found, eid) for eid in ids}

    # -- the walk's filters, as Cypher over (x)-[r]-(y) -----------------
    def _step(self, t: Traversal, x: str, y: str, exclude: Iterable[str] = ()
              ) -> tuple[str, dict[str, Any]]:
        """A predicate allowing the move x -> y over r, and its parameters."""
        conds = [f"r.{DS} = $ds"]
        params: dict[str, Any] = {}
        if t.rels is not None:
            conds.append("type(r) IN $rel_types")
            params["rel_types"] = sorted({relationship_type(n) for n in t.rels})
        if t.as_of is not None:
            # date_bounds in Cypher: a prefix padded to its first / last day.
            # ("2027-06" -> "2027-06-31" compares like the real last day.)
            start, end = date_bounds(t.as_of)
            conds.append("(r.since IS NULL OR "
                         "r.since + substring('0000-01-01', size(r.since)) <= $as_of_end)")
            conds.append("(r.until IS NULL OR "
                         "r.until + substring('0000-12-31', size(r.until)) >= $as_of_start)")
            params.update(as_of_start=start, as_of_end=end)
        if t.directed:
            conds.append(f"(startNode(r) = {x} OR type(r) IN $symmetric)")
            params["symmetric"] = sorted(relationship_type(n) for n, rt in
                                         self.schema.relation_types.items() if rt.symmetric)
        banned = sorted(set(t.avoid) | set(exclude))
        if banned:
            conds.append(f"NOT {y}.id IN $exclude")
            params["exclude"] = banned
        return " AND ".join(conds), params

    def _via(self, t: Traversal) -> list[str] | None:
        """Entity types an intermediate entity may have (subtypes included)."""
        if t.via_types is None:
            return None
        return sorted(n for n in self.schema.entity_types if self.schema.is_a(n, t.via_types))

    # -- paths ---------------------------------------------------------
    def _shortest(self, t: Traversal, types: dict[str, str], a: str, b: str, max_hops: int,
                  limit: int, banned: frozenset[str] = frozenset(),
                  banned_steps: frozenset[tuple[str, str]] = frozenset()) -> list[list[str]]:
        """Up to ``limit`` shortest simple paths a -> b, smallest id sequences first."""
        if a == b or a in banned or b in banned or max_hops < 1:
            return []
        cond, params = self._step(t, "x", "y", banned)
        via = self._via(t)
        if via is not None:
            cond += " AND (y = b OR y.type IN $via)"
            params["via"] = via
        if banned_steps:
            cond += " AND NOT [x.id, y.id] IN $banned_steps"
            params["banned_steps"] = [list(s) for s in sorted(banned_steps)]
        rows = self._read(
            f"MATCH (a:{E} {{{DS}: $ds, id: $a}}), (b:{E} {{{DS}: $ds, id: $b}}) "
            f"MATCH p = ALL SHORTEST (a)((x)-[r]-(y) WHERE {cond}){{1,{int(max_hops)}}}(b) "
            "WITH DISTINCT [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.type] AS types "
            "RETURN ids, types ORDER BY ids LIMIT $limit",
            a=a, b=b, limit=limit, **params)
        for row in rows:
            types.update(zip(row["ids"], row["types"]))
        return sorted(row["ids"] for row in rows)

    def _build_paths(self, found: list[list[str]], t: Traversal) -> list[Path]:
        """Entities and hops (every relation passing the filters) for id sequences."""
        if not found:
            return []
        pairs = sorted({tuple(sorted(p)) for ids in found for p in zip(ids, ids[1:])})
        [row] = self._read(      # one round trip: the relations of the hops, the entities
            f"CALL () {{ UNWIND $pairs AS pair "
            f"MATCH (u:{E} {{{DS}: $ds, id: pair[0]}})-[r]-(v:{E} {{{DS}: $ds, id: pair[1]}}) "
            f"WHERE r.{DS} = $ds RETURN collect({_REL}) AS rels }} "
            f"CALL () {{ UNWIND $ids AS id MATCH (n:{E} {{{DS}: $ds, id: id}}) "
            "RETURN collect(properties(n)) AS nodes } RETURN rels, nodes",
            pairs=[list(p) for p in pairs], ids=sorted({i for ids in found for i in ids}))
        between: dict[frozenset[str], dict[str, Relation]] = {}
        for rel in map(_rel, row["rels"]):
            between.setdefault(frozenset(rel.endpoints()), {})[rel.id] = rel
        ents = {p["id"]: entity_from_node(p) for p in row["nodes"]}

        def hop(u: str, v: str) -> Hop:
            rels = [r for r in between.get(frozenset((u, v)), {}).values()
                    if t.relation_ok(r) and (u, v) in t.steps(r, self.schema)]
            return Hop(u, v, sorted(rels, key=lambda r: r.id))

        return [Path([ents[i] for i in ids], [hop(u, v) for u, v in zip(ids, ids[1:])])
                for ids in found]

    def paths(self, a: str, b: str, query: PathQuery = PathQuery()) -> list[Path]:
        ends = self._entities([a, b])
        for i in (a, b):
            if i not in ends:
                raise EntityNotFound(i)
        start, end = ends[a], ends[b]
        t = query.traversal
        if a in t.avoid or b in t.avoid:
            return []
        types = {a: start.type, b: end.type}
        via = self._via(t)

        def search(a: str, b: str, max_hops: int, limit: int,
                   banned: frozenset[str] = frozenset(),
                   banned_steps: frozenset[tuple[str, str]] = frozenset()) -> list[list[str]]:
            return self._shortest(t, types, a, b, max_hops, limit, banned, banned_steps)

        def through(u: str) -> bool:
            return via is None or types[u] in via

        if query.k is None:
            found = search(a, b, query.max_hops, MAX_SHORTEST_PATHS)
        else:
            found = k_shortest_paths(a, b, None, through, query.max_hops, query.k,
                                     search=search)
        return order_paths(self._build_paths(found, t))

    # -- breadth-first walks -------------------------------------------
    def _bfs(self, start: Entity, t: Traversal, max_depth: int, all_links: bool = False
             ) -> tuple[dict[str, int], dict[str, str], dict[str, str],
                        dict[str, dict[str, Relation]]]:
        """Distances, parents, entity types and the relations that reach each entity
        from its parent (with ``all_links``: from every entity one level nearer).

        One query per level, one row per newly reached entity. Matches
        :func:`graph.traverse.bfs` with ``order``: the frontier is kept in
        discovery order and a new entity's parent is the first frontier entity
        that reaches it and may be passed through.
        """
        via = self._via(t)
        cond, params = self._step(t, "u", "v")
        links = "reduce(a = [], x IN links | a + x.rs)" if all_links else "first.rs"
        query = (
            f"UNWIND range(0, size($frontier) - 1) AS i "
            f"MATCH (u:{E} {{{DS}: $ds, id: $frontier[i]}})-[r]-(v) "
            f"WHERE {cond} AND NOT v.id IN $seen "
            "WITH v, i, collect(r) AS rs "
            "WITH v, collect({i: i, rs: rs}) AS links "
            "WITH v, links, reduce(p = null, x IN links | CASE WHEN $expand[x.i] AND "
            "(p IS NULL OR x.i < p.i) THEN x ELSE p END) AS first WHERE first IS NOT NULL "
            f"RETURN collect([v.id, v.type, first.i, [r IN {links} | {_REL}]]) AS items")
        dist = {start.id: 0}
        parent: dict[str, str] = {}
        types = {start.id: start.type}
        linked: dict[str, dict[str, Relation]] = {}
        frontier = [start.id]
        depth = 0
        while frontier and depth < max_depth:
            depth += 1
            expand = [u == start.id or via is None or types[u] in via for u in frontier]
            rows = self._list(query, frontier=frontier, expand=expand, seen=list(dist),
                              **params)
            rows.sort(key=lambda row: (row[2], row[0]))
            previous, frontier = frontier, []
            for vid, vtype, i, rels in rows:
                dist[vid], parent[vid], types[vid] = depth, previous[i], vtype
                linked[vid] = {rel.id: rel for rel in map(_rel, rels)}
                frontier.append(vid)
        return dist, parent, types, linked

    def neighbors(self, entity_id: str, depth: int = 1,
                  types: frozenset[str] | None = None,
                  traversal: Traversal = Traversal()) -> Neighborhood:
        center = self.entity(entity_id)
        dist, _, kinds, linked = self._bfs(center, traversal, depth, all_links=True)
        keep = sorted((v for v in dist if v != entity_id and
                       (types is None or self.schema.is_a(kinds[v], types))),
                      key=lambda v: (dist[v], v))
        ents = self._entities(keep)
        return Neighborhood(center, [
            NeighborHit(ents[v], dist[v], sorted(linked[v].values(), key=lambda r: r.id))
            for v in keep])

    def exposure(self, entity_id: str, query: ExposureQuery = ExposureQuery()) -> list[ExposureHit]:
        center = self.entity(entity_id)
        dist, parent, kinds, linked = self._bfs(center, query.traversal, query.max_hops)
        keep = [v for v in sorted(dist, key=lambda n: (dist[n], n))
                if v != entity_id and (query.types is None or
                                       self.schema.is_a(kinds[v], query.types))]
        chains = {v: chain(parent, v) for v in keep}
        ents = self._entities(i for ids in chains.values() for i in ids)
        if query.countries is not None:
            keep = [v for v in keep if ents[v].country in query.countries]

        def hop(u: str, v: str) -> Hop:     # v's parent is u: linked[v] are the u -> v moves
            return Hop(u, v, sorted(linked[v].values(), key=lambda r: r.id))

        return [ExposureHit(ents[v], dist[v], Path([ents[i] for i in chains[v]],
                                                    [hop(u, w) for u, w in
                                                     zip(chains[v], chains[v][1:])]))
                for v in keep]

    # -- the whole dataset ---------------------------------------------
    def stats(self, top: int = 10) -> Stats:
        etypes = self._read(f"MATCH (n:{E} {{{DS}: $ds}}) RETURN n.type AS t, count(*) AS c")
        rtypes = self._read(f"MATCH (:{E} {{{DS}: $ds}})-[r]->() WHERE r.{DS} = $ds "
                            "RETURN r.type AS t, count(*) AS c")
        degree = (f"MATCH (n:{E} {{{DS}: $ds}}) "
                  f"WITH n, COUNT {{ (n)-[r]->() WHERE r.{DS} = $ds }} + "
                  f"COUNT {{ (n)<-[r]-() WHERE r.{DS} = $ds }} AS d ")
        ranked = self._read(degree + "WHERE d > 0 RETURN properties(n) AS p, d "
                            "ORDER BY d DESC, n.id LIMIT $top", top=top)
        isolated = self._list(degree + "WITH n WHERE d = 0 ORDER BY n.id "
                              "RETURN collect(properties(n)) AS items")
        return Stats(
            entities=sum(r["c"] for r in etypes), relations=sum(r["c"] for r in rtypes),
            entity_types=sort_counts({r["t"]: r["c"] for r in etypes}),
            relation_types=sort_counts({r["t"]: r["c"] for r in rtypes}),
            top=[(entity_from_node(r["p"]), r["d"]) for r in ranked],
            isolated=[entity_from_node(p) for p in isolated],
            components=self.meta.get("components", 0),
            largest_component=self.meta.get("largest_component", 0),
            sources=len(self._sources()))

    def _sources(self) -> list[Source]:
        return [Source(**s) for s in json.loads(self.meta.get("sources") or "[]")]

    def dataset(self, entity_ids: Iterable[str] | None = None) -> Dataset:
        """Entities by id, relations by id (the whole dataset, or the part induced
        by ``entity_ids``)."""
        if entity_ids is None:
            nodes = self._list(f"MATCH (n:{E} {{{DS}: $ds}}) WITH n ORDER BY n.id "
                               "RETURN collect(properties(n)) AS items")
            rels = self._list(f"MATCH (:{E} {{{DS}: $ds}})-[r]->() WHERE r.{DS} = $ds "
                              f"WITH r ORDER BY r.id RETURN collect({_REL}) AS items")
            ents = {p["id"]: entity_from_node(p) for p in nodes}
        else:
            ids = sorted(set(entity_ids))
            ents = dict(sorted(self._entities(ids).items()))
            rels = self._list(
                f"UNWIND $ids AS id MATCH (:{E} {{{DS}: $ds, id: id}})-[r]->(b:{E}) "
                f"WHERE r.{DS} = $ds AND b.{DS} = $ds AND b.id IN $ids "
                f"WITH r ORDER BY r.id RETURN collect({_REL}) AS items", ids=ids)
        relations = [_rel(item) for item in rels]
        sources = self._sources()
        return Dataset(self.schema, ents, relations,
                       sources if entity_ids is None else cited_sources(sources, relations),
                       self.meta.get("folder"))
