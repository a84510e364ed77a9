"""Which part of the graph a page or an export shows: one filter for both.

The whole graph, or the ego graph within ``depth`` hops of ``focus``; then
only entities of some types (counting subtypes) and relations of some types.
Everything goes through the :class:`~graph.store.base.Store` interface, so
it works the same on every backend.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from .errors import TooLarge
from .model import Dataset, Entity
from .queries import Selection, Subgraph, Traversal, type_matches
from .service import check_types, traversal
from .store.base import Store

__all__ = ["Selection", "Subgraph", "select", "focus_rings"]

EXTRA_HOPS = 2             # rings a focus page embeds beyond --depth (when the budget allows)
EMBED_ENTITIES = 1_500     # budget for what a focus page embeds beyond what it shows
EMBED_RELATIONS = 5_000
WALK_BATCH = 500           # entities of a ring whose relations are fetched at once,
WALK_RELATIONS = 20_000    # and how many relations they may have between them


def select(store: Store, selection: Selection = Selection(),
           max_entities: int | None = None, max_relations: int | None = None) -> Dataset:
    """The dataset a selection describes (unknown names and types raise KgError).

    With a focus, the walk follows only ``rels`` (when given) and the focus
    entity is always kept, whatever its type. With limits, a focus selection
    that would keep more entities or relations raises TooLarge as soon as the
    walk has counted past them, before anything is built.
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
        data = store.dataset(_ball(store, center, selection.depth, walk, types,
                                   max_entities, max_relations))
    if types is None and walk.rels is None:
        return data
    entity_ids = [e.id for e in data.entities.values()
                  if e.id == keep_center or type_matches(store.schema, e, types)]
    relation_ids = None if walk.rels is None else [r.id for r in data.relations
                                                   if walk.relation_ok(r)]
    return data.subset(entity_ids, relation_ids)


def _ball(store: Store, center: Entity, depth: int, walk: Traversal,
          types: frozenset[str] | None, max_entities: int | None,
          max_relations: int | None) -> list[str]:
    """Ids of the entities within ``depth`` moves of ``center`` (the ids
    ``store.neighbors(...).entity_ids()`` gives), walked ring by ring.

    Counts as it goes what the selection keeps (the centre and entities of
    ``types``; the relations among them that ``walk`` allows, as seen from the
    entities it expands: a lower bound of the final count) and raises
    TooLarge as soon as either count passes its limit, at the latest after
    the batch (see :func:`_batches`) that passed it. The store is asked twice
    per batch, degrees then relations (round trips on Neo4j, not two per entity).
    """
    ball = {center.id}
    order = [center.id]
    kept = {center.id}
    counted: set[str] = set()
    ring = [center.id]
    for _ in range(depth):
        nxt: list[str] = []
        for part in _batches(store, ring):     # one look-up per batch of a ring
            incident = store.relations_of_many(part)
            found: list[str] = []
            for eid in part:
                for r in incident[eid]:
                    if not walk.relation_ok(r):
                        continue
                    for a, b in walk.steps(r, store.schema):
                        if a != eid or b in ball:
                            continue
                        ball.add(b)
                        order.append(b)
                        found.append(b)
            typed = None if types is None else store.entities_of(found)
            for b in found:
                if typed is None or type_matches(store.schema, typed[b], types):
                    kept.add(b)
                    if max_entities is not None and len(kept) > max_entities:
                        raise _too_large(f"over {max_entities:,} entities",
                                         max_entities, max_relations)
            for eid in part:
                for r in incident[eid]:
                    if (r.source_id in kept and r.target_id in kept and r.id not in counted
                            and walk.relation_ok(r)):
                        counted.add(r.id)
                        if max_relations is not None and len(counted) > max_relations:
                            raise _too_large(f"over {max_relations:,} relations",
                                             max_entities, max_relations)
            nxt.extend(found)
        ring = nxt
    return order


def _batches(store: Store, ring: list[str]) -> Iterator[list[str]]:
    """``ring`` in batches of at most :data:`WALK_BATCH` entities whose relations
    number at most :data:`WALK_RELATIONS` (a batch holds at least one entity), so
    a walk never builds much more than a limit before it can stop."""
    start = 0
    while start < len(ring):
        chunk = ring[start:start + WALK_BATCH]
        degrees = store.degrees(chunk)
        end = total = 0
        for eid in chunk:
            total += degrees[eid]
            if end and total > WALK_RELATIONS:
                break
            end += 1
        yield chunk[:end]
        start += end


def _too_large(what: str, max_entities: int | None, max_relations: int | None) -> TooLarge:
    """The refusal of a selection found too big while walking (as the page's own check)."""
    limits = " / ".join(f"{n:,} {unit}" for n, unit in ((max_entities, "entities"),
                                                       (max_relations, "relations"))
                        if n is not None)
    return TooLarge(f"the page would show {what}, more than the limit of {limits}; narrow "
                    "it with --focus ENTITY --depth N, --type TYPE or --rel TYPE (or raise "
                    "the limits with --max-entities/--max-relations)")


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
    chosen = select(store, selection, max_entities, max_relations)
    budget = min(EMBED_ENTITIES, max_entities), min(EMBED_RELATIONS, max_relations)
    for extra in range(1, EXTRA_HOPS + 1):
        try:
            wider = select(store, replace(selection, depth=selection.depth + extra), *budget)
        except TooLarge:
            break
        if len(wider.entities) > budget[0] or len(wider.relations) > budget[1]:
            break
        chosen = wider
    embedded: dict[str, int] = {}
    for r in chosen.relations:
        for end in {r.source_id, r.target_id}:
            embedded[end] = embedded.get(end, 0) + 1
    beyond: dict[str, int] = {}
    rels = selection.rels
    for eid, incident in store.relations_of_many(chosen.entities).items():
        total = sum(1 for r in incident if rels is None or r.type in rels)
        if total > embedded.get(eid, 0):
            beyond[eid] = total - embedded.get(eid, 0)
    return center, chosen, beyond
