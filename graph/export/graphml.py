"""GraphML (networkx's writer): readable by networkx, igraph, Gephi, yEd, Cytoscape.

Node ids are entity ids, edge ids are relation ids; attributes as in
:mod:`graph.export.flat`.
"""

from __future__ import annotations

import io

from ..model import Dataset
from .base import Exporter
from .flat import flat_graph


class GraphMLExporter(Exporter):
    format = "graphml"
    extension = "graphml"

    def dumps(self, dataset: Dataset) -> bytes:
        import networkx as nx

        buffer = io.BytesIO()
        nx.write_graphml_xml(flat_graph(dataset), buffer, encoding="utf-8")
        return buffer.getvalue()
