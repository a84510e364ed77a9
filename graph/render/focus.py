"""Pages around one entity (``kg render --focus X --depth N``) that can grow in the browser.

The page embeds more than it shows (:func:`graph.select.focus_rings` chooses
what): the N hops it opens on plus more rings within a budget. The user
expands and collapses entities over what is embedded; entities whose
relations go beyond it carry ``more`` (how many relations the page leaves
out), which the side panel shows.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Dataset, Entity
from .page import PageOptions


def focus_options(center: Entity, data: Dataset, beyond: dict[str, int], depth: int,
                  options: PageOptions = PageOptions()) -> PageOptions:
    """Page options that open a focus page on ``center``, ``depth`` hops shown."""
    from ..records import dataset_name

    title = options.title or f"{center.name} — {dataset_name(data)} — kg-explorer"
    return replace(options, title=title, focus=center.id, depth=depth, beyond=beyond)
