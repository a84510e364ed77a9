"""Stores: where a graph lives and where queries run.

:class:`~graph.store.base.Store` is the interface; the embedded
:class:`~graph.store.memory.MemoryStore` (networkx) and the Neo4j store are
peers behind it. :func:`open_store` picks one by name.
"""

from __future__ import annotations

from typing import Any

from .base import Store

BACKENDS = ("memory", "neo4j")


def open_store(backend: str = "memory", **options: Any) -> Store:
    """Open a store by backend name; options are backend specific."""
    if backend == "memory":
        from .memory import MemoryStore
        return MemoryStore.from_folder(**options)
    if backend == "neo4j":
        from .neo4j import Neo4jStore  # type: ignore[import-not-found]
        return Neo4jStore.connect(**options)
    from ..errors import KgError
    raise KgError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")


__all__ = ["Store", "open_store", "BACKENDS"]
