"""Node-link JSON: the whole dataset in one document, for scripts and D3.

Shape (``version`` 1; stable)::

    {"format": "kg-explorer/node-link", "version": 1,
     "directed": true, "multigraph": true,
     "graph": {"name": "us-japan-55b", "folder": "seeds/us-japan-55b",
               "sources": [{"title": ..., "publisher": ..., "url": ..., "date": ...}],
               "entity_types": {"firm": {"color": "#1565c0", "shape": "dot",
                                         "parent": null}, ...},
               "relation_types": {"funds": {"symmetric": false, "label": "funds"}, ...}},
     "nodes": [<entity>, ...],     # Entity JSON: id, type, name, aliases, country?,
                                   #   description?, url?, tags, properties
     "links": [<relation>, ...]}   # Relation JSON: id, type, from, to, evidence?,
                                   #   status?, since?, until?, amount?, currency?,
                                   #   confidence?, source?, properties

Entities and relations use the same JSON as ``kg show --format json``. The
types listed are those the nodes and links use. networkx reads it with
``nx.node_link_graph(data, source="from", target="to", key="id", edges="links")``.
"""

from __future__ import annotations

from typing import Any

from ..model import Dataset
from ..output import json_text
from ..records import dataset_name
from .base import Exporter

FORMAT_ID = "kg-explorer/node-link"


def node_link(dataset: Dataset) -> dict[str, Any]:
    """The node-link document for a dataset."""
    schema = dataset.schema
    etypes = sorted({e.type for e in dataset.entities.values()})
    rtypes = sorted({r.type for r in dataset.relations})
    return {
        "format": FORMAT_ID, "version": 1, "directed": True, "multigraph": True,
        "graph": {
            "name": dataset_name(dataset), "folder": dataset.folder,
            "sources": [s.to_dict() for s in dataset.sources],
            "entity_types": {t: {"color": schema.color(t), "shape": schema.shape(t),
                                 "parent": (schema.entity_types[t].parent
                                            if t in schema.entity_types else None)}
                             for t in etypes},
            "relation_types": {t: {"symmetric": schema.symmetric(t),
                                   "label": (schema.relation_types[t].display
                                             if t in schema.relation_types else t)}
                               for t in rtypes},
        },
        "nodes": [e.to_dict() for e in dataset.entities.values()],
        "links": [r.to_dict() for r in dataset.relations],
    }


class JSONExporter(Exporter):
    format = "json"
    extension = "json"

    def dumps(self, dataset: Dataset) -> str:
        return json_text(node_link(dataset), indent=1) + "\n"
