"""Which part of the graph a page or an export shows: one filter for both.

The whole graph, or the ego graph within ``depth`` hops of ``focus``; then
only entities of some types (counting subtypes) and relations of some types.
Everything goes through the :class:`~graph.store.base.Store` interface, so
it works the same on every backend.
"""

from __future__ import annotations

from .model import Dataset
from .queries import Selection, Subgraph, Traversal, type_matches
from .service import check_types, traversal
from .store.base import Store

__all__ = ["Selection", "Subgraph", "select"]


def select(store: Store, selection: Selection = Selection()) -> Dataset:
    """The dataset a selection describes (unknown names and types raise KgError).

    With a focus, the walk follows only ``rels`` (when given) and the focus
    entity is always kept, whatever its type.
    """
    from .errors import InputError

    if selection.depth < 1:
        raise InputError(f"--depth must be a positive number, got {selection.depth}")
    if selection.focus is None and selection.depth != 1:
        raise InputError("--depth only applies around an entity: add --focus ENTITY")
    types = check_types(store.schema, selection.types, "entity")
    walk: Traversal = traversal(store, rels=selection.rels)
    keep_center: str | None = None
    if selection.focus is None:
        data = store.dataset()
    else:
        center = store.resolve(selection.focus)
        keep_center = center.id
        data = store.dataset(store.neighbors(center.id, selection.depth,
                                             traversal=walk).entity_ids())
    if types is None and walk.rels is None:
        return data
    entity_ids = [e.id for e in data.entities.values()
                  if e.id == keep_center or type_matches(store.schema, e, types)]
    relation_ids = None if walk.rels is None else [r.id for r in data.relations
                                                   if walk.relation_ok(r)]
    return data.subset(entity_ids, relation_ids)
