"""GEXF 1.2 (networkx's writer), the format Gephi opens natively.

Like GraphML (:mod:`graph.export.flat`), plus what Gephi shows: node
``label`` = entity name with its type colour (``viz:color``), edge
``label`` = relation type. GEXF reserves an edge's ``type`` for
directed/undirected, so the relation type is also the edge attribute
``relation_type``; any other attribute named like a GEXF field (``label``,
``weight``, ``start``, ``end``, ``pid``...) is written as ``prop_<name>``.
"""

from __future__ import annotations

import io
from typing import Any

from ..model import Dataset
from .base import Exporter
from .flat import flat_graph

_RESERVED = frozenset({"label", "weight", "type", "start", "end", "pid", "viz", "parents",
                       "spells", "slices", "key", "networkx_key", "id"})


def _rgb(color: str) -> dict[str, Any]:
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


class GEXFExporter(Exporter):
    format = "gexf"
    extension = "gexf"

    def dumps(self, dataset: Dataset) -> bytes:
        import networkx as nx

        schema = dataset.schema

        def node(d: dict[str, Any]) -> dict[str, Any]:
            out = {("prop_" + k if k in _RESERVED - {"type"} else k): v for k, v in d.items()}
            out["label"] = d["name"]
            out["viz"] = {"color": _rgb(schema.color(d["type"]))}
            return out

        def edge(d: dict[str, Any]) -> dict[str, Any]:
            out = {("prop_" + k if k in _RESERVED else k): v for k, v in d.items()
                   if k != "type"}
            out["relation_type"] = out["label"] = d["type"]
            return out

        g = flat_graph(dataset, node, edge)
        for u, v, k, d in g.edges(keys=True, data=True):
            d["id"] = k  # the relation id becomes the GEXF edge id
        buffer = io.BytesIO()
        nx.write_gexf(g, buffer, encoding="utf-8", version="1.2draft")
        return buffer.getvalue()
