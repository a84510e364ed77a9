"""kg-explorer: seed files -> validated graph -> evidence-backed queries.

The package is the library; `cli/` is a thin click layer over it::

    import graph
    kg = graph.open("seeds")            # or backend="neo4j", uri=..., dataset=...
    kg.path("softbank-group", "smic", k=3).to_dict()

Names are loaded on first use and heavy dependencies (networkx, neo4j, jinja2)
inside the functions that need them, so importing :mod:`graph` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {"open": "api", "validate_folder": "api", "load": "api", "cypher": "api",
         "prune_cache": "api", "clear_cache": "api", "draft_seeds": "api",
         "DraftResult": "api", "KG": "api", "Validation": "api",
         "MemoryOptions": "store.options", "Neo4jOptions": "store.options",
         "Selection": "queries", "Subgraph": "queries", "FindResult": "queries",
         "ShowResult": "queries", "NeighborsResult": "queries", "PathResult": "queries",
         "ExposureResult": "queries", "Stats": "queries", "Written": "export",
         "KgError": "errors"}

if TYPE_CHECKING:
    from .api import (KG, DraftResult, Validation, clear_cache, cypher, draft_seeds, load,
                      prune_cache, validate_folder)
    from .api import open as open
    from .errors import KgError
    from .export import Written
    from .queries import (ExposureResult, FindResult, NeighborsResult, PathResult, Selection,
                          ShowResult, Stats, Subgraph)
    from .store.options import MemoryOptions, Neo4jOptions

__all__ = ["ExposureResult", "FindResult", "KG", "KgError", "MemoryOptions", "Neo4jOptions",
           "NeighborsResult", "PathResult", "Selection", "ShowResult", "Stats", "Subgraph",
           "Validation", "Written", "DraftResult", "clear_cache", "cypher", "draft_seeds", "load",
           "prune_cache",
           "validate_folder", "__version__"]
# (not "open": `from graph import *` must not replace the built-in open)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
