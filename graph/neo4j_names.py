"""How flat records (:mod:`graph.records`) are named and written in Neo4j.

* Node labels are ``Entity`` plus the entity type and its ancestors
  (``types:`` parents) in CamelCase: a ``chip_maker`` whose parent is
  ``firm`` is ``:Entity:ChipMaker:Firm``, so ``MATCH (f:Firm)`` finds
  subtypes too. Relationship types are the relation type upper-cased
  (``funds`` -> ``:FUNDS``), always in the relation's own direction.
* Labels and relationship types come from the schema's type names and are
  checked against ``[A-Za-z][A-Za-z0-9_]*``; property keys are record keys,
  which never hold a backslash, backtick or control character
  (:func:`graph.records.property_key`). Every identifier is written in
  backticks, so no keyword and no ``\\uXXXX`` decoding by the server can
  change what it names.
* String literals escape backslash, quotes and control characters
  (:func:`literal`); integers must fit Neo4j's 64 bits.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable

from .errors import KgError
from .model import Entity, Relation, Schema
from .records import plain_key
from .rules import INT_MAX, INT_MIN

ENTITY_LABEL = "Entity"

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r"[\\'\"\x00-\x1f\x7f\u2028\u2029]")


def identifier(name: str) -> str:
    """Check a label or relationship-type name; KgError if Neo4j could misread it."""
    if not _IDENTIFIER.fullmatch(name):
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


def unstorable(value: Any) -> str | None:
    """Why Neo4j cannot hold ``value`` (a property value), or None if it can.

    >>> unstorable(10**29)
    'the number 100000000000000000000000000000 is too large for Neo4j (64-bit integers)'
    """
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return None
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            return f"the number {value} is too large for Neo4j (64-bit integers)"
        return None
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"the text {value[:40]!r} is not valid Unicode (a lone surrogate)"
        return None
    if isinstance(value, (list, tuple)):
        return next((why for why in map(unstorable, value) if why), None)
    return f"a {type(value).__name__} value cannot be a Neo4j property"


def check_storable(what: str, props: Iterable[tuple[str, Any]]) -> None:
    """KgError naming ``what`` (``entity 'x'``) and the key of the first value
    Neo4j cannot hold."""
    for key, value in props:
        why = unstorable(value)
        if why:
            raise KgError(f"{what}, {key}: {why}; change the value in the seed file "
                          "(a quoted text value keeps any number)")


def check_entity(entity: Entity) -> None:
    """KgError if a property of ``entity`` cannot be stored in Neo4j (the other
    fields are text, already checked by the loader)."""
    check_storable(f"entity {entity.id!r}", entity.properties.items())


def check_relation(relation: Relation) -> None:
    """KgError if the amount or a property of ``relation`` cannot be stored in Neo4j."""
    check_storable(f"relation {relation.id!r}",
                   [("amount", relation.amount), *relation.properties.items()])


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
        if not INT_MIN <= value <= INT_MAX:
            raise KgError(unstorable(value))
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "toFloat('NaN')"
        if math.isinf(value):
            return "toFloat('Infinity')" if value > 0 else "-toFloat('Infinity')"
        return repr(value)
    if isinstance(value, str):
        why = unstorable(value)
        if why:
            raise KgError(why)
        return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{quote_key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise KgError(f"cannot write {type(value).__name__} value {value!r} to Neo4j")


def quote_key(key: str) -> str:
    """A record key in a map literal: bare when it is a simple identifier, else
    in backticks. Record keys hold no backslash, backtick or control character
    (:func:`graph.records.property_key`), so nothing in the quoted key can be
    decoded or end the identifier; any other key is refused.

    >>> quote_key("kg_dataset"), quote_key("market cap")
    ('kg_dataset', '`market cap`')
    """
    if _IDENTIFIER.fullmatch(key):
        return key
    if not plain_key(key):
        raise KgError(f"{key!r} cannot be a Neo4j property key in Cypher text")
    return f"`{key}`"


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"
