"""Query results as page highlights: which entities and relations to emphasise,
and the chains to list, in order, in the side panel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..queries import ExposureResult, Neighborhood, Path, PathResult


@dataclass
class Highlight:
    kind: str                       # "path", "neighbors" or "exposure"
    title: str
    nodes: list[str]                # emphasised entity ids, in result order (the page shows
                                    # the graph induced by them)
    edges: list[str]                # emphasised relation ids
    items: list[dict[str, Any]] = field(default_factory=list)   # see _chain
    note: str | None = None         # e.g. "No path within 4 hops."

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "nodes": self.nodes,
                "edges": self.edges, "items": self.items, "note": self.note}


def _chain(path: Path, **extra: Any) -> dict[str, Any]:
    """``{"nodes": [ids in walk order], "hops": [[relation ids], ...]}`` plus extras."""
    return {"nodes": path.ids, "hops": [[r.id for r in h.relations] for h in path.hops],
            **extra}


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def from_result(result: Any) -> Highlight:
    """A Highlight for a ``kg path``, ``kg neighbors`` or ``kg exposure`` result."""
    if isinstance(result, PathResult):
        a, b = result.source, result.target
        nodes = _unique([a.id] + [i for p in result.paths for i in p.ids] + [b.id])
        note = None if result.paths else (f"No path from {a.name} to {b.name} within "
                                          f"{result.query.max_hops} hops.")
        return Highlight("path", f"Paths from {a.name} to {b.name}", nodes,
                         _unique([r for p in result.paths for r in p.relation_ids()]),
                         [_chain(p) for p in result.paths], note)
    if isinstance(result, Neighborhood):
        c = result.center
        nodes = result.entity_ids()
        items = [{"nodes": [h.entity.id], "hops": [], "distance": h.distance,
                  "via": [r.id for r in h.relations]} for h in result.hits]
        return Highlight("neighbors", f"Neighbours of {c.name}", nodes,
                         result.relation_ids(), items,
                         None if result.hits else f"{c.name} has no neighbours here.")
    if isinstance(result, ExposureResult):
        c = result.center
        nodes = _unique([c.id] + [i for h in result.hits for i in h.path.ids])
        return Highlight("exposure", f"Exposure of {c.name}", nodes,
                         _unique([r for h in result.hits for r in h.path.relation_ids()]),
                         [_chain(h.path, distance=h.distance, target=h.entity.id)
                          for h in result.hits],
                         None if result.hits else f"Nothing reachable from {c.name} "
                                                  "matches the filters.")
    raise TypeError(f"cannot highlight a {type(result).__name__}")
