"""A Cypher script of parameter-free MERGE statements (``cypher-shell -f``).

The records are those of :mod:`graph.records` and the labels, quoting and
literals those of :mod:`graph.neo4j_names`, shared with ``kg load``, so the
script gives the graph ``kg load`` writes. Statements merge on
``(kg_dataset, id)``, so running the script twice changes nothing.

Nothing from the seeds reaches the script except inside a string literal
(backslashes, quotes and control characters escaped) or as a property key
that holds no backslash, backtick or control character (user property names
that do are written hex-encoded, see :func:`graph.records.property_key`):
Neo4j decodes ``\\uXXXX`` anywhere in a query, even in comments and inside
backticks, and a key or value could otherwise end its token. One statement
per line.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import UnknownType
from ..model import Dataset, Entity, Relation
from ..neo4j_names import (ENTITY_LABEL, check_entity, check_relation, literal, node_labels,
                           quote, relationship_type)
from ..records import DATASET_KEY, dataset_name, node_properties, relationship_properties
from ..validate import plural
from .base import Exporter

# The same constraint `kg load` creates (graph/store/neo4j_load.py).
SCHEMA = (f"CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:{quote(ENTITY_LABEL)}) "
          f"REQUIRE (n.{DATASET_KEY}, n.id) IS UNIQUE;")


def _key(dataset: str, item_id: str) -> str:
    return f"{{{DATASET_KEY}: {literal(dataset)}, id: {literal(item_id)}}}"


def merge_node(dataset: Dataset, entity: Entity, name: str) -> str:
    if entity.type not in dataset.schema.entity_types:
        raise UnknownType(f"entity {entity.id!r} has type {entity.type!r}, "
                          "which the schema does not define")
    labels = "".join(f":{quote(label)}" for label in node_labels(dataset.schema, entity.type)[1:])
    check_entity(entity)
    props = node_properties(entity, name)
    return (f"MERGE (n:{quote(ENTITY_LABEL)} {_key(name, entity.id)}) "
            f"SET n = {literal(props)}, n{labels};")


def merge_relationship(dataset: Dataset, relation: Relation, name: str) -> str:
    if relation.type not in dataset.schema.relation_types:
        raise UnknownType(f"relation {relation.id!r} has type {relation.type!r}, "
                          "which the schema does not define")
    label = quote(ENTITY_LABEL)
    check_relation(relation)
    props = relationship_properties(relation, name)
    return (f"MATCH (a:{label} {_key(name, relation.source_id)}), "
            f"(b:{label} {_key(name, relation.target_id)}) "
            f"MERGE (a)-[r:{quote(relationship_type(relation.type))} "
            f"{_key(name, relation.id)}]->(b) "
            f"SET r = {literal(props)};")


def statements(dataset: Dataset, name: str | None = None) -> Iterator[str]:
    """The key constraint, then one MERGE per entity, then one per relation."""
    name = name or dataset_name(dataset)
    yield SCHEMA
    for entity in dataset.entities.values():
        yield merge_node(dataset, entity, name)
    for relation in dataset.relations:
        yield merge_relationship(dataset, relation, name)


class CypherExporter(Exporter):
    format = "cypher"
    extension = "cypher"

    def dumps(self, dataset: Dataset) -> str:
        name = dataset_name(dataset)
        # The name is in a comment: literal() keeps it on one line with every
        # backslash doubled, so no \uXXXX in it can turn into a line break.
        head = (f"// kg-explorer export of {literal(name)}: "
                f"{plural(len(dataset.entities), 'entity', 'entities')}, "
                f"{plural(len(dataset.relations), 'relation')}.\n"
                "// Load into Neo4j with: cypher-shell -f FILE "
                "(model: graph/records.py, graph/neo4j_names.py)\n")
        return head + "\n".join(statements(dataset, name)) + "\n"
