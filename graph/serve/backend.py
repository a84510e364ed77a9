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
from ..store.base import Store


@dataclass
class FindResult:
    """``kg find`` matches (the CLI prints the list of their dicts)."""

    matches: list[Any]

    def __len__(self) -> int:
        return len(self.matches)

    def to_dict(self) -> list[dict[str, Any]]:
        return [m.to_dict() for m in self.matches]


@dataclass(frozen=True)
class Source:
    """Where the graph comes from: what :func:`open_explorer` needs to (re)open it."""

    seeds: str
    backend: str = "memory"
    strict: bool = False
    use_cache: bool = True
    neo4j: tuple[tuple[str, Any], ...] = ()     # connection options (password included)

    @property
    def watches_folder(self) -> bool:
        """Whether the data is the seed folder itself (memory), not a database loaded from it."""
        return self.backend == "memory"


class Explorer:
    """Read-only queries over one open store."""

    def __init__(self, store: Store, source: Source):
        self.store = store
        self.source = source
        self._overview: Any = None
        self._lock = threading.Lock()

    def overview(self) -> Any:
        """``kg stats --top 1``, computed once (counts, the most connected entity)."""
        with self._lock:
            if self._overview is None:
                self._overview = self.stats(1)
            return self._overview

    def start_entity(self) -> str | None:
        """Where the explorer starts on a graph too big for one page: the most connected entity."""
        top = self.overview().top
        return top[0][0].id if top else None

    def whole_graph_fits(self, limits: Any) -> bool:
        """Whether the whole graph is within the page limits (checked before fetching it)."""
        s = self.overview()
        return bool(s.entities <= limits.max_entities and s.relations <= limits.max_relations)

    # -- the CLI's query commands ------------------------------------------
    def find(self, text: str, limit: int) -> FindResult:
        from .. import service

        return FindResult(service.find(self.store, text, limit))

    def show(self, entity: str) -> Any:
        from .. import service

        return service.show(self.store, entity)

    def neighbors(self, entity: str, depth: int, types: frozenset[str] | None,
                  rels: frozenset[str] | None, as_of: str | None, directed: bool) -> Any:
        from .. import service

        return service.neighbors(self.store, entity, depth, types, rels, as_of, directed)

    def path(self, a: str, b: str, max_hops: int, k: int | None, directed: bool,
             rels: frozenset[str] | None, via_types: frozenset[str] | None,
             avoid: Iterable[str], as_of: str | None) -> Any:
        from .. import service

        return service.path(self.store, a, b, max_hops, k, directed, rels, via_types,
                            tuple(avoid), as_of)

    def exposure(self, entity: str, types: frozenset[str] | None,
                 countries: frozenset[str] | None, max_hops: int,
                 rels: frozenset[str] | None, directed: bool, as_of: str | None) -> Any:
        from .. import service

        return service.exposure(self.store, entity, types, countries, max_hops, rels,
                                directed, as_of)

    def stats(self, top: int) -> Any:
        from .. import service

        return service.stats(self.store, top)

    # -- pages and the page's data -------------------------------------------
    def selection_dataset(self, focus: str | None, depth: int, types: frozenset[str] | None,
                          rels: frozenset[str] | None, limits: Any) -> tuple[Any, Any]:
        """(dataset, options) for a selection, as ``kg render`` builds them; ``limits``
        are PageOptions carrying the size limits."""
        from dataclasses import replace

        from ..select import Selection, select

        selection = Selection(focus, depth, types, rels)
        if focus is None and not self.whole_graph_fits(limits):
            s = self.overview()
            raise TooLarge(f"the whole graph ({s.entities:,} entities, {s.relations:,} "
                           "relations) is too big for one page; pick a part with focus= "
                           "and depth=")
        options = replace(limits, subtitle=selection.describe() or None)
        if focus is not None:       # a focus page: opens on the focus, embeds a budgeted margin
            from ..render.focus import focus_page_data

            return focus_page_data(self.store, selection, options)
        return select(self.store, selection), options

    def result_dataset(self, result: Any) -> tuple[Any, Any]:
        """(dataset, highlight) for a query result, as ``kg path ... --html`` builds them."""
        from ..render.highlight import from_result

        highlight = from_result(result)
        return self.store.dataset(highlight.nodes), highlight

    def records_around(self, entity: str, depth: int, rels: frozenset[str] | None,
                       as_of: str | None, max_entities: int) -> dict[str, Any]:
        """What the live page merges in when it expands an entity: the entities within
        ``depth`` hops and every relation among them, as the page's own records (those
        of ``kg export json``); an entity with relations beyond carries ``more`` (how many)."""
        from .. import service

        ball = service.neighbors(self.store, entity, depth, None, rels, as_of)
        ids = ball.entity_ids()
        if len(ids) > max_entities:
            raise TooLarge(f"{ball.center.name} has {len(ids):,} entities within {depth} "
                           f"hop{'s' if depth != 1 else ''}, over the page's limit of "
                           f"{max_entities:,}; filter with rel= or expand a less connected "
                           "entity")
        return {"center": ball.center.id, **self.records(ids)}

    def records(self, ids: list[str]) -> dict[str, Any]:
        """The page's records of some entities and the relations among them; an entity
        with relations beyond them carries ``more`` (how many)."""
        data = self.store.dataset(ids)
        inside: dict[str, int] = {}
        for r in data.relations:
            for end in {r.source_id, r.target_id}:
                inside[end] = inside.get(end, 0) + 1
        entities = []
        for e in data.entities.values():
            record = _compact(e.to_dict())
            beyond = len(self.store.relations_of(e.id)) - inside.get(e.id, 0)
            if beyond > 0:
                record["more"] = beyond
            entities.append(record)
        return {"entities": entities, "relations": [_compact(r.to_dict()) for r in data.relations]}

    def page_data(self, dataset: Any, options: Any, highlight: Any = None) -> dict[str, Any]:
        """The JSON document a page embeds (TooLarge above the options' size limits)."""
        from ..render.page import check_size, page_data

        check_size(dataset, options)
        return page_data(dataset, options, highlight)

    def page(self, dataset: Any, options: Any, highlight: Any = None) -> str:
        """The self-contained page ``kg render`` (or ``--html``) writes for this data."""
        from ..render.page import render_page

        return render_page(dataset, options, highlight)

    def close(self) -> None:
        self.store.close()


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """A record as pages embed it: empty lists and maps left out."""
    return {k: v for k, v in record.items() if v or type(v) not in (list, dict)}


def open_explorer(source: Source) -> Explorer:
    """Open the store a :class:`Source` names (loading the folder through the cache)."""
    from ..store import open_store

    store = open_store(source.backend, seeds=source.seeds, strict=source.strict,
                       use_cache=source.use_cache, **dict(source.neo4j))
    return Explorer(store, source)


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
