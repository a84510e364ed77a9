"""Neo4j side of the dual-store suite (filled in with the Neo4j store)."""

from __future__ import annotations

from conftest import require


def neo4j_store_for(request, folder):
    try:
        import graph.store.neo4j  # noqa: F401
    except ImportError:
        require(False, "the Neo4j store (graph/store/neo4j.py) is not built yet")
    raise NotImplementedError
