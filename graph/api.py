"""The public entry object: ``graph.open(...)`` -> :class:`KG`.

The CLI, a notebook and a server all call these methods; each takes the
CLI's options as keyword arguments (same names, same defaults, from
:mod:`graph.defaults`) and returns a result whose ``to_dict()`` is the CLI's
``--format json`` document, ``text()`` the CLI's text, and which shows itself
in Jupyter.

>>> import graph
>>> with graph.open("tests/fixtures/mini") as kg:
...     print(kg.path("gov-a", "proj-1").text().splitlines()[0])
1 path from Government of Aland to Port Project:

A KG only reads: one object serves many threads at once (the stores keep no
per-call state; Neo4j sessions are made per query).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from . import defaults, service
from .queries import (ExposureResult, FindResult, NeighborsResult, PathResult, Result,
                      ShowResult, Stats)
from .select import Selection, Subgraph, focus_rings, select
from .store import open_store
from .store.options import BackendOptions, Neo4jOptions, backend_options

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import BinaryIO

    import networkx as nx

    from .ingest import Draft

    from .cache import CacheEntry
    from .export import Written
    from .model import Dataset, Schema
    from .present import Rows
    from .store.neo4j_load import LoadSummary
    from .render.page import PageOptions
    from .store.base import Store
    from .validate import Report

Names = Iterable[str] | str | None
R = TypeVar("R", bound=Result)


def open(seeds: str = defaults.SEEDS, backend: str = defaults.BACKEND,  # noqa: A001
         **options: Any) -> "KG":
    """Open a graph: a seed folder (``backend="memory"``), or the dataset ``kg load``
    wrote into Neo4j (``backend="neo4j"``; ``uri``, ``user``, ``password``,
    ``database``, ``dataset`` as on the CLI, ``None`` for the environment's).

    Options a backend does not take are an error (see :mod:`graph.store.options`).
    """
    return KG.open(backend_options(backend, seeds=str(seeds), **options))


def focus_page_data(store: "Store", selection: Selection,
                    options: "PageOptions | None" = None) -> tuple["Dataset", "PageOptions"]:
    """The dataset a focus page embeds and the page options that open it on the focus."""
    from .render.focus import focus_options
    from .render.page import PageOptions

    options = options or PageOptions()
    center, data, beyond = focus_rings(store, selection, options.max_entities,
                                       options.max_relations)
    return data, focus_options(center, data, beyond, selection.depth, options)


def validate_folder(folder: str = defaults.SEEDS, strict: bool = False) -> "Validation":
    """Check a seed folder and report every problem (``kg validate``)."""
    from .loader import load_folder

    _, report = load_folder(folder, strict=strict)
    return Validation(str(folder), report)


def load(folder: str = defaults.SEEDS, *, strict: bool = False,
         batch_size: int = defaults.NEO4J_BATCH_SIZE, **connection: Any) -> "LoadSummary":
    """Validate a seed folder and bring its Neo4j dataset up to date (``kg load``).

    ``connection``: ``uri``, ``user``, ``password``, ``database``, ``dataset``, as
    for :func:`open` with ``backend="neo4j"``.
    """
    from .store.neo4j_load import load_folder

    o = _neo4j(folder, strict=strict, **connection)
    return load_folder(o.seeds, strict=o.strict, batch_size=batch_size, dataset=o.dataset,
                       uri=o.uri, user=o.user, password=o.password, database=o.database)


def cypher(query: str, params: dict[str, Any] | None = None, *, limit: int | None = None,
           timeout: float = defaults.CYPHER_TIMEOUT, seeds: str = defaults.SEEDS,
           **connection: Any) -> "Rows":
    """Run a read-only Cypher query on Neo4j (``kg cypher``); ``$dataset`` is the kg
    dataset (``dataset``, else the seed folder's name)."""
    from .present import Rows
    from .records import folder_dataset_name
    from .store.neo4j_conn import cypher as run

    o = _neo4j(seeds, **connection)
    values = {"dataset": o.dataset or folder_dataset_name(o.seeds), **(params or {})}
    keys, rows = run(query, values, limit, timeout, uri=o.uri, user=o.user,
                     password=o.password, database=o.database)
    return Rows(keys, rows)


def draft_seeds(articles: "Sequence[str]", output: str | None = None, *,
                seeds: str | None = defaults.SEEDS, force: bool = False,
                replace_seed_file: bool = False, max_bytes: int | None = None,
                stdin: "BinaryIO | None" = None) -> "DraftResult":
    """Draft seed entities and relations from news articles (``kg ingest``).

    ``articles`` are paths (``-`` reads ``stdin``); entities of the seed folder
    ``seeds`` are reused by id (``None``: no seed folder). With ``output`` the
    draft's YAML is written there (``-``: stdout), under the same rules as the
    CLI: never over a file without ``force``, never over a file of the seed
    folder holding entities or relations the draft lacks without
    ``replace_seed_file`` (a ``.bak`` copy is kept). ``.yaml`` is the draft.
    """
    from . import ingest as lib
    from .output import check_writable

    if output is not None:
        check_writable(output, force)
    dataset = lib.seed_dataset(seeds) if seeds is not None else None
    draft = lib.ingest(articles, dataset,
                       lib.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes, stdin=stdin)
    backup = None
    if output is not None:
        backup = lib.write_draft(draft, output, force, seeds, replace_seed_file)
    return DraftResult(draft, output, backup)


class DraftResult:
    """A ``kg ingest`` draft: ``yaml`` is the seed file, ``text()`` the line
    ``kg ingest`` prints on stderr."""

    def __init__(self, draft: "Draft", output: str | None, backup: "Path | None"):
        self.draft, self.output, self.backup = draft, output, backup

    @property
    def yaml(self) -> str:
        from .ingest import draft_yaml
        return draft_yaml(self.draft)

    def text(self) -> str:
        from .ingest import summary
        return summary(self.draft, self.output or "-", self.backup)

    def __repr__(self) -> str:
        return f"<DraftResult: {len(self.draft.entities)} entities, " \
               f"{len(self.draft.relations)} relations>"


def _neo4j(seeds: str, **options: Any) -> "Neo4jOptions":
    o = backend_options("neo4j", seeds=str(seeds), **options)
    assert isinstance(o, Neo4jOptions)
    return o


def prune_cache(max_bytes: int | None = None) -> "CacheRemoval":
    """Delete least recently used cache entries until the cache fits ``max_bytes``
    (default $KG_CACHE_MAX_BYTES, else 2 GiB) (``kg cache prune``)."""
    from .cache import prune

    return CacheRemoval(prune(limit=max_bytes))


def clear_cache() -> "CacheRemoval":
    """Delete every cache entry (``kg cache clear``)."""
    from .cache import clear

    return CacheRemoval(clear())


class CacheRemoval:
    """What ``kg cache clear|prune`` removed."""

    def __init__(self, removed: "list[CacheEntry]"):
        self.removed = removed

    def to_dict(self) -> dict[str, Any]:
        from .cache import removed_dict
        return removed_dict(self.removed)

    def text(self) -> str:
        from .cache import removed_text
        return removed_text(self.removed)


class Validation(Result):
    """``kg validate``: every problem in a seed folder, in file order."""

    def __init__(self, folder: str, report: "Report"):
        super().__init__()
        self.folder, self.report = folder, report

    @property
    def ok(self) -> bool:
        return self.report.ok

    def to_dict(self) -> dict[str, Any]:
        return self.report.to_dict()

    def text(self) -> str:
        from .present import report_text
        return report_text(self.report, self.folder)

    def __repr__(self) -> str:
        return f"<Validation {self.folder}: {self.report.summary()}>"


class KG:
    """A graph to explore: queries, selections, pages, exports.

    Made by :func:`open` (or :meth:`KG.open` from typed options, or around a
    store you made). Close it (or use ``with``) to release a Neo4j connection.
    """

    def __init__(self, store: "Store", options: BackendOptions | None = None):
        self.store = store
        self.options = options
        self._presenter = _Presenter(self)
        self._nx: "nx.MultiDiGraph | None" = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, options: BackendOptions) -> "KG":
        return cls(open_store(options), options)

    @property
    def schema(self) -> "Schema":
        return self.store.schema

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KG":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = repr(self.options) if self.options is not None else type(self.store).__name__
        return f"<KG {where}>"

    def _shown(self, result: R) -> R:
        result.presenter = self._presenter
        return result

    # -- queries (kg find/show/neighbors/path/exposure/stats) -------------------
    def find(self, text: str, *, limit: int = defaults.FIND_LIMIT) -> FindResult:
        """Entities whose id, name or alias matches ``text``, best first."""
        return self._shown(service.find(self.store, text, limit))

    def show(self, entity: str) -> ShowResult:
        """An entity (name, id or alias), every relation in or out, with evidence."""
        return self._shown(service.show(self.store, entity))

    def neighbors(self, entity: str, *, depth: int = defaults.DEPTH, types: Names = None,
                  rels: Names = None, as_of: str | None = None,
                  directed: bool = False) -> NeighborsResult:
        """Entities within ``depth`` hops of ``entity``."""
        return self._shown(service.neighbors(self.store, entity, depth, types, rels, as_of,
                                             directed))

    def path(self, a: str, b: str, *, max_hops: int = defaults.PATH_MAX_HOPS,
             k: int | None = None, directed: bool = False, rels: Names = None,
             via_types: Names = None, avoid: Iterable[str] | str = (),
             as_of: str | None = None) -> PathResult:
        """Shortest connection(s) from ``a`` to ``b`` (``k``: the k shortest), with evidence."""
        return self._shown(service.path(self.store, a, b, max_hops, k, directed, rels,
                                        via_types, avoid, as_of))

    def exposure(self, entity: str, *, types: Names = None, countries: Names = None,
                 max_hops: int = defaults.EXPOSURE_MAX_HOPS, rels: Names = None,
                 directed: bool = False, as_of: str | None = None) -> ExposureResult:
        """Every entity of some types/countries reachable from ``entity``, with a path."""
        return self._shown(service.exposure(self.store, entity, types, countries, max_hops,
                                            rels, directed, as_of))

    def stats(self, *, top: int = defaults.STATS_TOP) -> Stats:
        """Counts by type, most connected and isolated entities, components."""
        return self._shown(service.stats(self.store, top))

    # -- selections, pages, exports ----------------------------------------------
    def select(self, *, focus: str | None = None, depth: int = defaults.DEPTH,
               types: Names = None, rels: Names = None) -> Subgraph:
        """The graph (or the part within ``depth`` hops of ``focus``, of some entity and
        relation types) that ``render`` and ``export`` write."""
        selection = Selection.of(focus, depth, types, rels)
        return self._shown(Subgraph(selection, select(self.store, selection)))

    def subgraph(self, result: Result) -> "Dataset":
        """The graph a result's page shows: what its entities induce."""
        from .render.result import result_nodes

        if isinstance(result, Subgraph):
            return result.dataset
        return self.store.dataset(result_nodes(result))

    def page(self, result: Result | None = None, *, title: str | None = None,
             max_entities: int | None = None, max_relations: int | None = None) -> str:
        """The explorer page (HTML, as ``kg render`` writes it) of the whole graph, a
        selection (:meth:`select`) or a path/neighbors/exposure result (highlighted)."""
        from .render.page import render_page
        from .render.result import result_page

        if result is None:
            result = self.select()
        options = _page_options(title, (result.selection.describe() or None)
                                if isinstance(result, Subgraph) else None,
                                max_entities, max_relations)
        if isinstance(result, Subgraph):
            return render_page(*self.selection_page(result, options))
        return result_page(self.subgraph(result), result, options)

    def selection_page(self, part: Subgraph, options: "PageOptions | None" = None
                       ) -> tuple["Dataset", "PageOptions"]:
        """The data and page options ``kg render`` uses for a selection: the selection
        itself, or around a focus, the page that can grow (more rings embedded)."""
        from .render.page import PageOptions

        options = options or PageOptions(subtitle=part.selection.describe() or None)
        if part.selection.focus is None:
            return part.dataset, options
        return focus_page_data(self.store, part.selection, options)

    def write_page(self, result: Result, output: str, *, force: bool = False) -> str:
        """Write :meth:`page` of a result to ``output`` (never over a file without
        ``force``); returns the path (``kg path/neighbors/exposure --html``)."""
        from .output import check_writable, write_output

        check_writable(output, force)
        write_output(output, self.page(result), force)
        return output

    def render(self, output: str = defaults.RENDER_OUTPUT, *, focus: str | None = None,
               depth: int = defaults.DEPTH, types: Names = None, rels: Names = None,
               title: str | None = None, max_entities: int | None = None,
               max_relations: int | None = None, force: bool = False) -> "Written":
        """Write the interactive page of the graph or a selection (``kg render``)."""
        selection = Selection.of(focus, depth, types, rels)
        options = _page_options(title, selection.describe() or None, max_entities,
                                max_relations)
        if selection.focus is None:
            return self._write("html", output, selection, force, options=options)
        from .export import Written, export
        from .output import check_writable

        check_writable(output, force)    # before the slow part
        data, options = focus_page_data(self.store, selection, options)
        return Written.of(export(data, "html", output, force, options=options))

    def export(self, fmt: str, output: str | None = None, *, focus: str | None = None,
               depth: int = defaults.DEPTH, types: Names = None, rels: Names = None,
               force: bool = False) -> "Written":
        """Write the graph or a selection as graphml, gexf, json, csv, parquet or cypher
        (``kg export``)."""
        return self._write(fmt, output, Selection.of(focus, depth, types, rels),
                           force)

    def _write(self, fmt: str, output: str | None, selection: Selection, force: bool,
               **options: Any) -> "Written":
        from .export import Written, exporter_for

        exporter = exporter_for(fmt, output, force, **options)   # checks the target first
        exporter.write(select(self.store, selection))
        exporter.finalize()
        return Written.of(exporter)

    def to_networkx(self, subgraph: Subgraph | None = None) -> "nx.MultiDiGraph":
        """The graph (or a selection) as a networkx MultiDiGraph: nodes are entity ids
        (attribute ``entity``), edges keyed by relation id (attribute ``relation``).
        The whole graph is built once and shared: copy it before changing it."""
        from .nxgraph import to_networkx

        if subgraph is not None:
            return to_networkx(subgraph.dataset)
        with self._lock:
            if self._nx is None:
                self._nx = to_networkx(self.store.dataset())
            return self._nx


def _page_options(title: str | None, subtitle: str | None, max_entities: int | None,
                  max_relations: int | None) -> "PageOptions":
    from .render.page import PageOptions

    base = PageOptions()
    return PageOptions(title=title, subtitle=subtitle,
                       max_entities=base.max_entities if max_entities is None else max_entities,
                       max_relations=base.max_relations if max_relations is None
                       else max_relations)


class _Presenter:
    """How a KG's results look: the CLI's text, and in notebooks an HTML table
    (find, stats) or the explorer page in a sandboxed iframe."""

    def __init__(self, kg: KG):
        self.kg = kg

    def text(self, result: Result) -> str:
        from .present import result_text
        return result_text(result, self.kg.schema)

    def html(self, result: Result) -> str:
        from .present import result_html
        from .render.result import iframe

        table = result_html(result)
        return table if table is not None else iframe(self.kg.page(result))


__all__ = ["open", "validate_folder", "load", "cypher", "prune_cache", "clear_cache", "KG",
           "Validation", "CacheRemoval"]
