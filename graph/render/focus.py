"""Pages around one entity (``kg render --focus X --depth N``) that can grow in the browser.

The page embeds more than it shows: the N hops it opens on plus up to
:data:`EXTRA_HOPS` more rings, as long as the whole stays within
:data:`EMBED_ENTITIES` entities and :data:`EMBED_RELATIONS` relations (a
ring that would cross the budget is left out whole, so every embedded entity
has all its relations up to the last ring). The user expands and collapses
entities over what is embedded; entities whose relations go beyond it carry
``more`` (how many relations the page leaves out), which the side panel shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Dataset
from ..store.base import Store
from .page import PageOptions

EXTRA_HOPS = 2             # rings embedded beyond --depth (when the budget allows)
EMBED_ENTITIES = 1_500     # budget for what a focus page embeds beyond what it shows
EMBED_RELATIONS = 5_000


def focus_page_data(store: Store, selection: Any,
                    options: PageOptions = PageOptions()) -> tuple[Dataset, PageOptions]:
    """The dataset a focus page embeds and the page options that open it on the focus."""
    from ..records import dataset_name
    from ..select import select

    center = store.resolve(selection.focus)
    chosen = select(store, selection)
    for extra in range(1, EXTRA_HOPS + 1):
        wider = select(store, replace(selection, depth=selection.depth + extra))
        if len(wider.entities) > min(EMBED_ENTITIES, options.max_entities) \
                or len(wider.relations) > min(EMBED_RELATIONS, options.max_relations):
            break
        chosen = wider
    embedded: dict[str, int] = {}
    for r in chosen.relations:
        for end in {r.source_id, r.target_id}:
            embedded[end] = embedded.get(end, 0) + 1
    beyond = {}
    rels = selection.rels
    for eid in chosen.entities:
        total = sum(1 for r in store.relations_of(eid) if rels is None or r.type in rels)
        if total > embedded.get(eid, 0):
            beyond[eid] = total - embedded.get(eid, 0)
    title = options.title or f"{center.name} — {dataset_name(chosen)} — kg-explorer"
    return chosen, replace(options, title=title, focus=center.id, depth=selection.depth,
                           beyond=beyond)


def write_page(store: Store, selection: Any, target: str, force: bool = False,
               options: PageOptions = PageOptions()) -> Any:
    """``kg render``: the whole graph, a selection of it, or a focus page; returns the exporter."""
    from ..export import export
    from ..output import check_writable

    if selection.focus is None:
        return export(store, "html", target, force, selection, options=options)
    check_writable(target, force)   # before the slow part
    data, options = focus_page_data(store, selection, options)
    return export(data, "html", target, force, options=options)
