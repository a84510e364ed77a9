"""Entities and relations as flat property records — one mapping for every writer.

The Neo4j store (``kg load``), the Cypher export and the flat exporters
(GraphML, GEXF) all start from these maps, so a graph written any way has
the same keys and values:

* an entity is ``{id, name, type, aliases, country, description, url, tags,
  kg_dataset, ...properties}``;
* a relation is ``{id, type, evidence, source_title, source_publisher,
  source_url, source_date, status, since, until, amount, currency,
  confidence, kg_dataset, ...properties}``;
* ``kg_dataset`` (see :func:`dataset_name`) names the seed folder, so
  several folders can share one Neo4j database;
* absent values are left out (Neo4j stores no nulls); lists stay lists, and
  a list mixing kinds of values becomes a list of strings (Neo4j lists are
  homogeneous).

User property names go through :func:`property_key`, a bijection onto keys
that never collide with the core keys and never hold a character that a
reader could decode or choke on (see there); :func:`property_name` inverts it.
How these records become Neo4j labels, relationship types and Cypher text is
:mod:`graph.neo4j_names`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePath
from typing import Any, Mapping

from .model import Dataset, Entity, Relation, Source

DATASET_KEY = "kg_dataset"
NODE_KEYS = ("id", "name", "type", "aliases", "country", "description", "url", "tags",
             DATASET_KEY)
RELATIONSHIP_KEYS = ("id", "type", "evidence", "source_title", "source_publisher",
                     "source_url", "source_date", "status", "since", "until", "amount",
                     "currency", "confidence", DATASET_KEY)
# Written by `kg load` only (graph/store/neo4j_load.py), never by the exports:
# normalised search keys (nodes) and a content hash (both), so a reload
# rewrites only what changed. Reserved like the core keys.
INTERNAL_KEYS = ("kg_keys", "kg_hash")
NODE_RESERVED = frozenset(NODE_KEYS + INTERNAL_KEYS)
RELATIONSHIP_RESERVED = frozenset(RELATIONSHIP_KEYS + INTERNAL_KEYS)

RESERVED_PREFIX = "prop_"   # a user property named like a core key, or starting with prop_
ENCODED_PREFIX = "kgx_"     # a user property name with characters no key may hold, in hex
# Unicode categories a key may not hold: controls, format characters (bidi
# overrides, zero-width), surrogates, private use, unassigned, line and
# paragraph separators. Backslash and backtick are refused too: Neo4j decodes
# \uXXXX escapes before it reads an identifier, even inside backticks.
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_BAD_CHARS = frozenset("\\`")


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


def plain_key(name: str) -> bool:
    """Whether ``name`` can be a key as it is: non-empty, printable, no ``\\`` or backtick."""
    return bool(name) and not any(
        ch in _BAD_CHARS or unicodedata.category(ch) in _BAD_CATEGORIES for ch in name)


def property_key(name: str, reserved: frozenset[str]) -> str:
    """The record key of user property ``name`` (``reserved``: the core keys).

    * a plain name (:func:`plain_key`) stays as it is, unless it is a core
      key or starts with ``prop_`` or ``kgx_``: then it gets ``prop_`` in front;
    * any other name (control characters, backslash, backtick, empty, or a
      ``kgx_`` name) becomes ``kgx_`` and its UTF-8 bytes in hex.

    The three cases give keys with different beginnings, so no two names
    share a key and no name takes a core key; :func:`property_name` inverts it.

    >>> [property_key(n, NODE_RESERVED) for n in ("employees", "type", "prop_type", "a`b")]
    ['employees', 'prop_type', 'prop_prop_type', 'kgx_616062']
    """
    if plain_key(name) and not name.startswith(ENCODED_PREFIX):
        if name in reserved or name.startswith(RESERVED_PREFIX):
            return RESERVED_PREFIX + name
        return name
    return ENCODED_PREFIX + name.encode("utf-8", "surrogatepass").hex()


def property_name(key: str) -> str:
    """The user property name of a (non-core) record key: the inverse of :func:`property_key`.

    >>> [property_name(k) for k in ("employees", "prop_type", "prop_prop_type", "kgx_616062")]
    ['employees', 'type', 'prop_type', 'a`b']
    """
    if key.startswith(RESERVED_PREFIX):
        return key[len(RESERVED_PREFIX):]
    if key.startswith(ENCODED_PREFIX):
        try:
            return bytes.fromhex(key[len(ENCODED_PREFIX):]).decode("utf-8", "surrogatepass")
        except ValueError:      # not written by kg: keep the key as it is
            return key
    return key


def _value(value: Any) -> Any:
    if isinstance(value, list) and len({_kind(v) for v in value}) > 1:
        return ["true" if v is True else "false" if v is False else str(v) for v in value]
    return value


def _kind(value: Any) -> type:
    return bool if isinstance(value, bool) else float if isinstance(value, (int, float)) else str


def _with_properties(core: dict[str, Any], properties: dict[str, Any],
                     reserved: frozenset[str]) -> dict[str, Any]:
    out = {k: _value(v) for k, v in core.items() if v is not None}
    for key, value in properties.items():
        if value is not None:
            out[property_key(key, reserved)] = _value(value)
    return out


def node_properties(entity: Entity, dataset: str) -> dict[str, Any]:
    """The property map of an entity's node (nulls left out)."""
    core = {"id": entity.id, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "country": entity.country,
            "description": entity.description, "url": entity.url,
            "tags": list(entity.tags), DATASET_KEY: dataset}
    return _with_properties(core, entity.properties, NODE_RESERVED)


def relationship_properties(relation: Relation, dataset: str) -> dict[str, Any]:
    """The property map of a relation's relationship (nulls left out)."""
    src = relation.source
    core = {"id": relation.id, "type": relation.type, "evidence": relation.evidence,
            "source_title": src and src.title, "source_publisher": src and src.publisher,
            "source_url": src and src.url, "source_date": src and src.date,
            "status": relation.status, "since": relation.since, "until": relation.until,
            "amount": relation.amount, "currency": relation.currency,
            "confidence": relation.confidence, DATASET_KEY: dataset}
    return _with_properties(core, relation.properties, RELATIONSHIP_RESERVED)


def _user_properties(props: Mapping[str, Any], reserved: frozenset[str]) -> dict[str, Any]:
    return {property_name(key): props[key] for key in sorted(props) if key not in reserved}


def entity_from_node(props: Mapping[str, Any]) -> Entity:
    """The entity a node's properties describe: the inverse of :func:`node_properties`.

    >>> entity_from_node({"id": "x", "type": "firm", "name": "X", "prop_type": "t"}).properties
    {'type': 't'}
    """
    return Entity(id=props["id"], type=props["type"], name=props["name"],
                  aliases=list(props.get("aliases") or []), country=props.get("country"),
                  description=props.get("description"), tags=list(props.get("tags") or []),
                  url=props.get("url"),
                  properties=_user_properties(props, NODE_RESERVED))


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
                    properties=_user_properties(props, RELATIONSHIP_RESERVED))
