"""A Cypher script of parameter-free MERGE statements (``cypher-shell -f``).

The node and relationship model, labels and quoting are those of
:mod:`graph.neo4j_model`, shared with the Neo4j store. Statements merge on
``(kg_dataset, id)``, so running the script twice changes nothing.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import UnknownType
from ..model import Dataset, Entity, Relation
from ..neo4j_model import (DATASET_KEY, ENTITY_LABEL, dataset_name, literal, node_labels,
                           node_properties, quote, relationship_properties,
                           relationship_type)
from ..validate import plural
from .base import Exporter

INDEX = (f"CREATE INDEX kg_entity_key IF NOT EXISTS FOR (n:{quote(ENTITY_LABEL)}) "
         f"ON (n.{DATASET_KEY}, n.id);")


def _key(dataset: str, item_id: str) -> str:
    return f"{{{DATASET_KEY}: {literal(dataset)}, id: {literal(item_id)}}}"


def merge_node(dataset: Dataset, entity: Entity, name: str) -> str:
    if entity.type not in dataset.schema.entity_types:
        raise UnknownType(f"entity {entity.id!r} has type {entity.type!r}, "
                          "which the schema does not define")
    labels = "".join(f":{quote(label)}" for label in node_labels(dataset.schema, entity.type)[1:])
    return (f"MERGE (n:{quote(ENTITY_LABEL)} {_key(name, entity.id)}) "
            f"SET n = {literal(node_properties(entity, name))}, n{labels};")


def merge_relationship(dataset: Dataset, relation: Relation, name: str) -> str:
    if relation.type not in dataset.schema.relation_types:
        raise UnknownType(f"relation {relation.id!r} has type {relation.type!r}, "
                          "which the schema does not define")
    label = quote(ENTITY_LABEL)
    return (f"MATCH (a:{label} {_key(name, relation.source_id)}), "
            f"(b:{label} {_key(name, relation.target_id)}) "
            f"MERGE (a)-[r:{quote(relationship_type(relation.type))} "
            f"{_key(name, relation.id)}]->(b) "
            f"SET r = {literal(relationship_properties(relation, name))};")


def statements(dataset: Dataset, name: str | None = None) -> Iterator[str]:
    """The index, then one MERGE per entity, then one per relation."""
    name = name or dataset_name(dataset)
    yield INDEX
    for entity in dataset.entities.values():
        yield merge_node(dataset, entity, name)
    for relation in dataset.relations:
        yield merge_relationship(dataset, relation, name)


class CypherExporter(Exporter):
    format = "cypher"
    extension = "cypher"

    def dumps(self, dataset: Dataset) -> str:
        name = dataset_name(dataset)
        head = (f"// kg-explorer export of {name!r}: "
                f"{plural(len(dataset.entities), 'entity', 'entities')}, "
                f"{plural(len(dataset.relations), 'relation')}.\n"
                "// Load into Neo4j with: cypher-shell -f FILE (model: graph/neo4j_model.py)\n")
        return head + "\n".join(statements(dataset, name)) + "\n"
