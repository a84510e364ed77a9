"""The server's one door into the library.

Everything the server asks of the graph goes through :class:`Explorer`, so
moving to another library entry point (one ``KG`` object) changes this module
only. Results are returned as objects with ``to_dict()``: the documents the
CLI prints with ``--format json``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import KgError, TooLarge


START_CANDIDATES = 2000     # best connected entities considered for the explorer's start
START_RELATIONS = 300       # ... and the most relations the start entity may have


@dataclass(frozen=True)
class Source:
    """Where the graph comes from: what :func:`open_explorer` needs to (re)open it."""

    seeds: str
    backend: str = "memory"
    strict: bool = False
    use_cache: bool = True
    neo4j: tuple[tuple[str, Any], ...] = ()     # connection options (password included)

    @classmethod
    def of(cls, seeds: str, backend: str, options: dict[str, Any]) -> "Source":
        """The source :func:`graph.open` ``(seeds, backend, **options)`` opens."""
        rest = {k: v for k, v in options.items() if k not in ("strict", "use_cache")}
        return cls(seeds, backend, bool(options.get("strict", False)),
                   bool(options.get("use_cache", True)), tuple(sorted(rest.items())))

    def open_options(self) -> dict[str, Any]:
        """The keyword arguments of :func:`graph.open` for this source."""
        options: dict[str, Any] = {"strict": self.strict, **dict(self.neo4j)}
        if not self.use_cache:
            options["use_cache"] = False     # on Neo4j: an error, as on the CLI
        return options

    @property
    def watches_folder(self) -> bool:
        """Whether the data is the seed folder itself (memory), not a database loaded from it."""
        return self.backend == "memory"


class Explorer:
    """Read-only queries over one open graph (a :class:`graph.api.KG`)."""

    def __init__(self, kg: Any, source: Source):
        self.kg = kg
        self.store = kg.store
        self.source = source
        self._overview: Any = None
        self._lock = threading.Lock()

    def overview(self) -> Any:
        """``kg stats --top START_CANDIDATES``, computed once (counts, the best connected)."""
        with self._lock:
            if self._overview is None:
                self._overview = self.stats(START_CANDIDATES)
            return self._overview

    def start_entity(self) -> tuple[str, int] | None:
        """Where the explorer starts on a graph too big for one page, and with how many
        relations: the best connected entity whose neighbourhood stays small enough to
        draw at once (else the best connected one)."""
        top = self.overview().top
        if not top:
            return None
        e, degree = next(((e, d) for e, d in top if d <= START_RELATIONS), top[0])
        return e.id, degree

    def whole_graph_fits(self, max_entities: int, max_relations: int) -> bool:
        """Whether the whole graph is within the page limits (checked before fetching it)."""
        s = self.overview()
        return bool(s.entities <= max_entities and s.relations <= max_relations)

    # -- the CLI's query commands ------------------------------------------
    def find(self, text: str, limit: int) -> Any:
        return self.kg.find(text, limit=limit)

    def show(self, entity: str) -> Any:
        return self.kg.show(entity)

    def neighbors(self, entity: str, depth: int, types: frozenset[str] | None,
                  rels: frozenset[str] | None, as_of: str | None, directed: bool) -> Any:
        return self.kg.neighbors(entity, depth=depth, types=types, rels=rels, as_of=as_of,
                                 directed=directed)

    def path(self, a: str, b: str, max_hops: int, k: int | None, directed: bool,
             rels: frozenset[str] | None, via_types: frozenset[str] | None,
             avoid: Iterable[str], as_of: str | None) -> Any:
        return self.kg.path(a, b, max_hops=max_hops, k=k, directed=directed, rels=rels,
                            via_types=via_types, avoid=tuple(avoid), as_of=as_of)

    def exposure(self, entity: str, types: frozenset[str] | None,
                 countries: frozenset[str] | None, max_hops: int,
                 rels: frozenset[str] | None, directed: bool, as_of: str | None) -> Any:
        return self.kg.exposure(entity, types=types, countries=countries, max_hops=max_hops,
                                rels=rels, directed=directed, as_of=as_of)

    def stats(self, top: int) -> Any:
        return self.kg.stats(top=top)

    # -- pages (the page's data is what they embed) ------------------------------
    def selection_page(self, focus: str | None, depth: int, types: frozenset[str] | None,
                       rels: frozenset[str] | None, max_entities: int, max_relations: int
                       ) -> str:
        """The page ``kg render --focus ... --depth ... --type ... --rel ...`` writes."""
        if focus is None and not self.whole_graph_fits(max_entities, max_relations):
            s = self.overview()
            raise TooLarge(f"the whole graph ({s.entities:,} entities, {s.relations:,} "
                           "relations) is too big for one page; pick a part with focus= "
                           "and depth=")
        if focus is None:
            selection = self.kg.select(depth=depth, types=types, rels=rels)
        else:       # walked within the limits: a too big one is refused before it is built
            from ..queries import Selection, Subgraph
            from ..select import select

            chosen = Selection.of(focus, depth, types, rels)
            selection = Subgraph(chosen, select(self.store, chosen, max_entities,
                                                max_relations))
        return str(self.kg.page(selection, max_entities=max_entities,
                                max_relations=max_relations))

    def result_page(self, result: Any, max_entities: int, max_relations: int) -> str:
        """The page ``kg path/neighbors/exposure ... --html`` writes for a result."""
        return str(self.kg.page(result, max_entities=max_entities, max_relations=max_relations))

    def records_around(self, entity: str, depth: int, rels: frozenset[str] | None,
                       as_of: str | None, max_entities: int) -> dict[str, Any]:
        """What the live page merges in when it expands an entity: the entities within
        ``depth`` hops and the relations that reach them (each entity's relations to the
        ring one step nearer, as ``kg neighbors`` lists them), as the page's own records;
        an entity with relations beyond carries ``more`` (how many)."""
        index = getattr(self.store, "index", None)
        if index is not None and hasattr(index, "incident") and hasattr(index, "ids"):
            center, hits = self._rings_on_index(index, entity, depth, rels, as_of,
                                                max_entities)
        else:
            ball = self.kg.neighbors(entity, depth=depth, rels=rels, as_of=as_of)
            _check_ball(ball.center, len(ball.hits) + 1, depth, max_entities)
            center, hits = ball.center, [(h.entity, h.relations) for h in ball.hits]
        return {"center": center.id,
                **self.records([center, *(e for e, _ in hits)],
                               [r for _, links in hits for r in links])}

    def _rings_on_index(self, index: Any, entity: str, depth: int,
                        rels: frozenset[str] | None, as_of: str | None, max_entities: int
                        ) -> tuple[Any, list[tuple[Any, list[Any]]]]:
        """The memory store's ``kg neighbors`` answer (same hits, order and relations),
        walked on its adjacency index: each entity's relations to the ring one step
        nearer are found from that nearer ring, so the outer ring's (many) entities are
        never scanned, and a ball over ``max_entities`` is refused before anything is
        built."""
        from ..service import positive, traversal

        positive("--depth", depth)           # the checks service.neighbors makes, in order
        center = self.store.resolve(entity)
        walk = traversal(self.store, rels=rels, as_of=as_of)
        relations, ids = self.store.data.relations, index.ids
        filtered = walk.rels is not None or walk.as_of is not None
        ok: dict[int, bool] = {}
        start = index.pos[center.id]
        dist = {start: 0}
        links: dict[int, set[int]] = {}
        ring = [start]
        for d in range(1, depth + 1):
            nxt = []
            for u in ring:
                for signed, v in index.incident(u):
                    k = signed if signed >= 0 else ~signed
                    if filtered:
                        good = ok.get(k)
                        if good is None:
                            good = ok[k] = walk.relation_ok(relations[k])
                        if not good:
                            continue
                    seen = dist.get(v)
                    if seen is None:
                        dist[v] = d
                        links[v] = {k}
                        nxt.append(v)
                    elif seen == d:
                        links[v].add(k)
            ring = nxt
        _check_ball(center, len(dist), depth, max_entities)
        ents = self.store.data.entities
        return center, [(ents[ids[v]], sorted((relations[k] for k in links[v]),
                                              key=lambda r: str(r.id)))
                        for v in sorted(links, key=lambda n: (dist[n], n))]

    def path_records(self, result: Any) -> dict[str, Any]:
        """``kg path``'s answer and the page's records of what is on its paths."""
        return {"result": result.to_dict(),
                **self.records([result.source, result.target,
                                *(e for p in result.paths for e in p.entities)],
                               [r for p in result.paths for h in p.hops for r in h.relations])}

    def records(self, entities: Iterable[Any], relations: Iterable[Any]) -> dict[str, Any]:
        """The page's records of some entities and relations (each once, in order); an
        entity with more relations than these carries ``more`` (how many)."""
        ents = {e.id: e for e in entities}
        rels = {r.id: r for r in relations}
        inside: dict[str, int] = {}
        for r in rels.values():
            for end in {r.source_id, r.target_id}:
                inside[end] = inside.get(end, 0) + 1
        out = []
        degrees = self.store.degrees(ents)
        for e in ents.values():
            record = _compact(e.to_dict())
            more = degrees[e.id] - inside.get(e.id, 0)
            if more > 0:
                record["more"] = more
            out.append(record)
        return {"entities": out, "relations": [_compact(r.to_dict()) for r in rels.values()]}

    def beyond(self, data: Any) -> dict[str, int]:
        """Entity id -> how many of its relations ``data`` leaves out (when any)."""
        records = self.records(data.entities.values(), data.relations)["entities"]
        return {r["id"]: r["more"] for r in records if "more" in r}

    def start_page(self, max_entities: int, max_relations: int) -> str:
        """The page the live explorer opens on: the whole graph when it fits, else
        :meth:`start_entity` and its neighbours (or it alone when they are too many),
        as a focus page the user expands from."""
        from dataclasses import replace

        from ..render.page import PageOptions, render_page

        if self.whole_graph_fits(max_entities, max_relations):
            return self.selection_page(None, 1, None, None, max_entities, max_relations)
        limits = PageOptions(max_entities=max_entities, max_relations=max_relations)
        start = self.start_entity()
        if start is None:
            return render_page(self.store.dataset([]), limits)
        focus, degree = start
        ids = self.store.neighbors(focus, 1).entity_ids() if degree <= START_RELATIONS else []
        for chosen in (ids, [focus]):
            data = self.store.dataset(chosen or [focus])
            options = replace(limits, focus=focus, depth=1, beyond=self.beyond(data),
                              subtitle=(f"within 1 hop of {focus}" if len(data.entities) > 1
                                        else f"{data.entities[focus].name}: {degree:,} "
                                             "relations; search or expand"))
            try:
                return render_page(data, options)
            except TooLarge:      # the neighbours are over the page limits: it alone
                continue
        raise AssertionError("a page of one entity is never too large")

    def close(self) -> None:
        self.kg.close()


def _check_ball(center: Any, size: int, depth: int, max_entities: int) -> None:
    """TooLarge when a neighbourhood of ``size`` entities is over the page's limit."""
    if size > max_entities:
        raise TooLarge(f"{center.name} has {size:,} entities within "
                       f"{depth} hop{'s' if depth != 1 else ''}, over the page's limit of "
                       f"{max_entities:,}; filter with rel= or expand a less connected "
                       "entity")


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """A record as pages embed it: empty lists and maps left out."""
    return {k: v for k, v in record.items() if v or type(v) not in (list, dict)}


def open_explorer(source: Source) -> Explorer:
    """Open the graph a :class:`Source` names (a folder is loaded through the cache)."""
    from .. import api

    return Explorer(api.open(source.seeds, source.backend, **source.open_options()), source)


def folder_fingerprint(seeds: str) -> tuple[Any, ...] | None:
    """Path, size, mtime and ctime of every seed file (None when the folder cannot be read)."""
    from pathlib import Path

    from ..seedio import seed_files

    folder = Path(seeds)
    try:
        files = [folder] if folder.is_file() else seed_files(folder)
        return tuple((str(p), st.st_size, st.st_mtime_ns, st.st_ctime_ns)
                     for p in files for st in [p.stat()])
    except (OSError, KgError):
        return None
