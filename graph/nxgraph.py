"""A Dataset as a networkx MultiDiGraph (networkx is imported only here, on use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Dataset

if TYPE_CHECKING:
    import networkx as nx


def to_networkx(data: Dataset) -> "nx.MultiDiGraph":
    """Nodes are entity ids (attribute ``entity``); edges are keyed by relation id
    (attribute ``relation``), from source to target.

    >>> from graph.model import Entity, Relation, Schema
    >>> g = to_networkx(Dataset(Schema.builtin(), {"a": Entity("a", "firm", "A"),
    ...     "b": Entity("b", "fund", "B")}, [Relation("r1", "invests_in", "b", "a")]))
    >>> list(g.edges(keys=True))
    [('b', 'a', 'r1')]
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_nodes_from((e.id, {"entity": e}) for e in data.entities.values())
    g.add_edges_from((r.source_id, r.target_id, r.id, {"relation": r}) for r in data.relations)
    return g
