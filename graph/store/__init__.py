"""Stores: where a graph lives and where queries run.

:class:`~graph.store.base.Store` is the interface; the embedded
:class:`~graph.store.memory.MemoryStore` and the Neo4j store are peers behind
it. :func:`open_store` opens one from its typed options
(:mod:`graph.store.options`).
"""

from __future__ import annotations

from typing import Any

from ..errors import KgError
from .base import Store
from .options import BACKENDS, BackendOptions, MemoryOptions, Neo4jOptions, backend_options


def open_store(options: BackendOptions | str = "memory", **kwargs: Any) -> Store:
    """Open a store from its options, or from a backend name and keyword options.

    ``strict`` holds on every backend: the memory store refuses a folder with
    type-mismatch warnings as it reads it; on Neo4j the loaded dataset is checked.
    """
    if isinstance(options, str):
        options = backend_options(options, **kwargs)
    elif kwargs:
        raise TypeError("give an options object or keyword options, not both")
    if isinstance(options, MemoryOptions):
        from .memory import MemoryStore
        return MemoryStore.from_folder(options.seeds, strict=options.strict,
                                       use_cache=options.use_cache)
    from .neo4j import Neo4jStore
    store = Neo4jStore.connect(seeds=options.seeds, uri=options.uri, user=options.user,
                               password=options.password, database=options.database,
                               dataset=options.dataset)
    if options.strict:
        try:
            check_strict(store, options.dataset or options.seeds)
        except BaseException:
            store.close()
            raise
    return store


def check_strict(store: Store, name: str) -> None:
    """KgError when a relation's ends do not suit its type: the warnings that
    ``--strict`` turns into errors when a folder is read."""
    data = store.dataset()
    schema, entities = data.schema, data.entities
    bad = [r for r in data.relations
           if not schema.ends_fit(r.type, entities[r.source_id].type,
                                  entities[r.target_id].type)]
    if bad:
        r, n = bad[0], len(bad)
        raise KgError(f"dataset {name!r} has {n} relation{'s' if n != 1 else ''} whose ends do "
                      f"not suit the type (first: {r.id}: {r.type} between "
                      f"{entities[r.source_id].type} and {entities[r.target_id].type}), an error "
                      "under --strict; fix the seeds and reload them, or drop --strict")


__all__ = ["Store", "open_store", "check_strict", "BACKENDS", "BackendOptions", "MemoryOptions",
           "Neo4jOptions", "backend_options"]
