"""Entities and relations as flat attribute maps for XML graph formats.

GraphML and GEXF only know scalar attributes, and each attribute needs one
type. So, starting from the Neo4j property maps (:mod:`graph.records`,
one flattening for every format):

* list values (``aliases``, ``tags``, list properties) become JSON arrays in
  a string attribute; the graph attribute ``kg_json_attributes`` names them;
* an attribute holding different kinds of values across items (``7`` on one
  node, ``"n/a"`` on another) is written as text everywhere (ints mixed with
  floats become floats);
* characters XML 1.0 cannot carry (most control characters) are refused
  (validation already refuses them in seeds; nothing is silently replaced);
* missing values are simply absent;
* node ids are entity ids; edge ids (and keys) are relation ids, also in the
  edge attribute ``relation_id`` for readers that drop edge ids (igraph).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..model import Dataset
from ..errors import KgError
from ..output import json_text
from ..records import dataset_name, node_properties, relationship_properties
from ..rules import bad_character

if TYPE_CHECKING:
    import networkx as nx

JSON_ATTRIBUTES_KEY = "kg_json_attributes"
RELATION_ID_KEY = "relation_id"   # igraph's GraphML reader loses edge ids

Rows = list[tuple[Any, dict[str, Any]]]


def flat_graph(dataset: Dataset,
               node_hook: Callable[[dict[str, Any]], dict[str, Any]] = lambda d: d,
               edge_hook: Callable[[dict[str, Any]], dict[str, Any]] = lambda d: d,
               ) -> "nx.MultiDiGraph":
    """A networkx MultiDiGraph with flat, single-typed attributes (edge key = relation id).

    ``node_hook``/``edge_hook`` rename or add attributes for one format.
    """
    import networkx as nx

    name = dataset_name(dataset)
    json_keys: set[str] = set()
    nodes: Rows = [(e.id, node_hook(_encode(node_properties(e, name), json_keys)))
                   for e in dataset.entities.values()]
    edges: Rows = [((r.source_id, r.target_id, r.id),
                    edge_hook({**_encode(relationship_properties(r, name), json_keys),
                               RELATION_ID_KEY: r.id}))
                   for r in dataset.relations]
    _one_type_per_key(nodes)
    _one_type_per_key(edges)
    g = nx.MultiDiGraph(name=name, **{JSON_ATTRIBUTES_KEY: json_text(sorted(json_keys))})
    g.add_nodes_from(nodes)
    g.add_edges_from((u, v, k, d) for (u, v, k), d in edges)
    return g


def _encode(props: dict[str, Any], json_keys: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if key == "id":
            continue  # the node / edge id carries it
        if isinstance(value, list):
            json_keys.add(key)
            value = json_text(value)
        for text in (key, value):
            if isinstance(text, str) and bad_character(text) is not None:
                raise KgError(f"property {key!r} holds {bad_character(text)}, which XML "
                              "cannot carry; remove it from the seed")
        out[key] = value
    return out


def _one_type_per_key(rows: Rows) -> None:
    kinds: dict[str, set[type]] = {}
    for _, data in rows:
        for key, value in data.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, seen in kinds.items():
        if len(seen) < 2:
            continue
        convert: Callable[[Any], Any] = float if seen == {int, float} else _text
        for _, data in rows:
            if key in data:
                data[key] = convert(data[key])


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
