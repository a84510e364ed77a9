"""How entities and relations look in Neo4j — one mapping for every writer.

The Neo4j store (parameterised loads) and the Cypher export (a literal
script) both build on this module, so a graph loaded either way is the same:

* Node ``(:Entity:<TypeLabel>... {id, name, type, aliases, country,
  description, url, tags, kg_dataset, ...properties})``. Labels are
  ``Entity`` plus the entity type and its ancestors (``types:`` parents) in
  CamelCase: a ``chip_maker`` whose parent is ``firm`` is
  ``:Entity:ChipMaker:Firm``, so ``MATCH (f:Firm)`` finds subtypes too.
* Relationship ``[:<TYPE_UPPER> {id, type, evidence, source_title,
  source_publisher, source_url, source_date, status, since, until, amount,
  currency, confidence, kg_dataset, ...properties}]``, always stored in the
  relation's own direction (``funds`` -> ``:FUNDS``).
* ``kg_dataset`` (see :func:`dataset_name`) tags every node and
  relationship; ``(kg_dataset, id)`` is the merge key, so several seed
  folders can share one database.
* Neo4j stores no nulls: absent values are left out. Lists stay lists
  (``aliases``, ``tags``, list properties); a list mixing kinds of values
  becomes a list of strings, since Neo4j lists must be homogeneous.
* A user property never overwrites a core key: a property called ``type``
  or ``kg_dataset`` is stored as ``prop_type`` / ``prop_kg_dataset``.
* Identifiers (labels, relationship types) come from the schema's type
  names, are checked against ``[A-Za-z][A-Za-z0-9_]*`` and are always
  backtick-quoted; string literals escape backslash, quotes and control
  characters (:func:`literal`).
"""

from __future__ import annotations

import math
import re
from pathlib import Path, PurePath
from typing import Any, Mapping

from .errors import KgError
from .model import Dataset, Entity, Relation, Schema, Source

ENTITY_LABEL = "Entity"
DATASET_KEY = "kg_dataset"
NODE_KEYS = ("id", "name", "type", "aliases", "country", "description", "url", "tags",
             DATASET_KEY)
RELATIONSHIP_KEYS = ("id", "type", "evidence", "source_title", "source_publisher",
                     "source_url", "source_date", "status", "since", "until", "amount",
                     "currency", "confidence", DATASET_KEY)
# Written by `kg load` only (graph/store/neo4j_load.py), never by the export:
# normalised search keys (nodes) and a content hash (both), so a reload
# rewrites only what changed. Reserved like the core keys.
INTERNAL_KEYS = ("kg_keys", "kg_hash")

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r"[\\'\"\x00-\x1f\x7f\u2028\u2029]")


def dataset_name(dataset: Dataset) -> str:
    """The ``kg_dataset`` marker: the seed folder's last path part (``seeds`` if none).

    >>> from graph.model import Schema
    >>> dataset_name(Dataset(Schema.builtin(), folder="seeds/us-japan-55b"))
    'us-japan-55b'
    """
    return folder_dataset_name(dataset.folder)


def folder_dataset_name(folder: str | None) -> str:
    """The ``kg_dataset`` marker of a seed folder path (``.`` is named by the real folder).

    >>> folder_dataset_name("seeds/us-japan-55b/")
    'us-japan-55b'
    """
    if not folder:
        return "seeds"
    return PurePath(folder).name or Path(folder).resolve().name or "seeds"


def identifier(name: str) -> str:
    """Check a label or relationship-type name; KgError if Neo4j could misread it."""
    if not _IDENTIFIER.match(name):
        raise KgError(f"{name!r} cannot be a Neo4j label or relationship type; type names "
                      "must start with a letter and use only letters, digits and _")
    return name


def quote(name: str) -> str:
    """A checked identifier in backticks: ``Firm`` -> ```Firm```."""
    return f"`{identifier(name)}`"


def type_label(entity_type: str) -> str:
    """Entity type -> node label: ``state_fund`` -> ``StateFund``.

    >>> type_label("state_fund")
    'StateFund'
    """
    return identifier("".join(part[:1].upper() + part[1:] for part in entity_type.split("_")))


def node_labels(schema: Schema, entity_type: str) -> list[str]:
    """``Entity`` then the type and its ancestors as labels, nearest first."""
    return [ENTITY_LABEL] + [type_label(t) for t in schema.lineage(entity_type)]


def relationship_type(relation_type: str) -> str:
    """Relation type -> relationship type: ``invests_in`` -> ``INVESTS_IN``.

    >>> relationship_type("invests_in")
    'INVESTS_IN'
    """
    return identifier(relation_type.upper())


def _value(value: Any) -> Any:
    if isinstance(value, list) and len({_kind(v) for v in value}) > 1:
        return ["true" if v is True else "false" if v is False else str(v) for v in value]
    return value


def _kind(value: Any) -> type:
    return bool if isinstance(value, bool) else float if isinstance(value, (int, float)) else str


def _with_properties(core: dict[str, Any], properties: dict[str, Any],
                     reserved: tuple[str, ...]) -> dict[str, Any]:
    out = {k: _value(v) for k, v in core.items() if v is not None}
    for key, value in properties.items():
        if value is not None:
            out[f"prop_{key}" if key in reserved else key] = _value(value)
    return out


def node_properties(entity: Entity, dataset: str) -> dict[str, Any]:
    """The property map of an entity's node (nulls left out)."""
    core = {"id": entity.id, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "country": entity.country,
            "description": entity.description, "url": entity.url,
            "tags": list(entity.tags), DATASET_KEY: dataset}
    return _with_properties(core, entity.properties, NODE_KEYS + INTERNAL_KEYS)


def relationship_properties(relation: Relation, dataset: str) -> dict[str, Any]:
    """The property map of a relation's relationship (nulls left out)."""
    src = relation.source
    core = {"id": relation.id, "type": relation.type, "evidence": relation.evidence,
            "source_title": src and src.title, "source_publisher": src and src.publisher,
            "source_url": src and src.url, "source_date": src and src.date,
            "status": relation.status, "since": relation.since, "until": relation.until,
            "amount": relation.amount, "currency": relation.currency,
            "confidence": relation.confidence, DATASET_KEY: dataset}
    return _with_properties(core, relation.properties, RELATIONSHIP_KEYS + INTERNAL_KEYS)


def _user_properties(props: Mapping[str, Any], reserved: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for key in sorted(props):
        if key in reserved:
            continue
        name = key[5:] if key.startswith("prop_") and key[5:] in reserved else key
        out[name] = props[key]
    return out


def entity_from_node(props: Mapping[str, Any]) -> Entity:
    """The entity a node's properties describe: the inverse of :func:`node_properties`.

    >>> entity_from_node({"id": "x", "type": "firm", "name": "X", "prop_type": "t"}).properties
    {'type': 't'}
    """
    return Entity(id=props["id"], type=props["type"], name=props["name"],
                  aliases=list(props.get("aliases") or []), country=props.get("country"),
                  description=props.get("description"), tags=list(props.get("tags") or []),
                  url=props.get("url"),
                  properties=_user_properties(props, NODE_KEYS + INTERNAL_KEYS))


def relation_from_relationship(props: Mapping[str, Any], source_id: str,
                               target_id: str) -> Relation:
    """The relation a relationship's properties describe: the inverse of
    :func:`relationship_properties` (endpoints come from the relationship)."""
    source = {k: props[f"source_{k}"] for k in ("title", "publisher", "url", "date")
              if props.get(f"source_{k}") is not None}
    return Relation(id=props["id"], type=props["type"], source_id=source_id,
                    target_id=target_id, evidence=props.get("evidence"),
                    source=Source(**source) if source else None, status=props.get("status"),
                    since=props.get("since"), until=props.get("until"),
                    amount=props.get("amount"), currency=props.get("currency"),
                    confidence=props.get("confidence"),
                    properties=_user_properties(props, RELATIONSHIP_KEYS + INTERNAL_KEYS))


def literal(value: Any) -> str:
    """A Cypher literal for a property value (strings, numbers, booleans, lists, maps).

    >>> literal("it's\\n")
    "'it\\\\'s\\\\n'"
    >>> literal([1, 2.5, True])
    '[1, 2.5, true]'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not -2**63 <= value < 2**63:
            raise KgError(f"number {value} is too large for Neo4j (64-bit integers)")
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "toFloat('NaN')"
        if math.isinf(value):
            return "toFloat('Infinity')" if value > 0 else "-toFloat('Infinity')"
        return repr(value)
    if isinstance(value, str):
        return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{quote_key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise KgError(f"cannot write {type(value).__name__} value {value!r} to Neo4j")


def quote_key(key: str) -> str:
    """A property key in a map literal: bare when simple, else backticks doubled."""
    return key if _IDENTIFIER.match(key) else "`" + key.replace("`", "``") + "`"


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"
