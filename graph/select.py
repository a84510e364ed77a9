"""Which part of the graph a page or an export shows: one filter for both.

The whole graph, or the ego graph within ``depth`` hops of ``focus``; then
only entities of some types (counting subtypes) and relations of some types.
Everything goes through the :class:`~graph.store.base.Store` interface, so
it works the same on every backend.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Dataset, Entity
from .queries import Selection, Subgraph, Traversal, type_matches
from .service import check_types, traversal
from .store.base import Store

__all__ = ["Selection", "Subgraph", "select", "focus_rings"]

EXTRA_HOPS = 2             # rings a focus page embeds beyond --depth (when the budget allows)
EMBED_ENTITIES = 1_500     # budget for what a focus page embeds beyond what it shows
EMBED_RELATIONS = 5_000


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


def focus_rings(store: Store, selection: Selection, max_entities: int = EMBED_ENTITIES,
                max_relations: int = EMBED_RELATIONS) -> tuple[Entity, Dataset, dict[str, int]]:
    """What a page around ``selection.focus`` embeds, so it can grow in the browser.

    The selection plus up to :data:`EXTRA_HOPS` more rings, as long as the
    whole stays within the embedding budget (and the page limits); a ring that
    would cross it is left out whole, so every embedded entity has all its
    relations up to the last ring. Returns the focus entity, the dataset, and
    for entities whose relations go beyond it, how many relations are left out.
    """
    if selection.focus is None:
        raise ValueError("focus_rings needs a selection with a focus")
    center = store.resolve(selection.focus)
    chosen = select(store, selection)
    for extra in range(1, EXTRA_HOPS + 1):
        wider = select(store, replace(selection, depth=selection.depth + extra))
        if len(wider.entities) > min(EMBED_ENTITIES, max_entities) \
                or len(wider.relations) > min(EMBED_RELATIONS, max_relations):
            break
        chosen = wider
    embedded: dict[str, int] = {}
    for r in chosen.relations:
        for end in {r.source_id, r.target_id}:
            embedded[end] = embedded.get(end, 0) + 1
    beyond: dict[str, int] = {}
    rels = selection.rels
    for eid in chosen.entities:
        total = sum(1 for r in store.relations_of(eid) if rels is None or r.type in rels)
        if total > embedded.get(eid, 0):
            beyond[eid] = total - embedded.get(eid, 0)
    return center, chosen, beyond
