"""The neutral model shared by the loader, both stores, queries, rendering,
export and ingest: :class:`Entity`, :class:`Relation`, :class:`Source`,
the :class:`Schema` of types, and :class:`Dataset`, a validated folder.

Nothing here imports networkx or a database driver.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Union

Scalar = Union[str, int, float, bool]
PropertyValue = Union[Scalar, list]


@dataclass(frozen=True)
class Source:
    """Where a relation's claim comes from."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None

    def label(self) -> str:
        """A one-line human label, e.g. ``Title (Publisher, 2025)``."""
        head = self.title or self.url or self.publisher or "unknown source"
        extra = [x for x in (self.publisher if self.title else None, self.date) if x]
        return f"{head} ({', '.join(extra)})" if extra else head

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_value(cls, value: Any) -> "Source | None":
        if value is None:
            return None
        if isinstance(value, Source):
            return value
        if isinstance(value, str):
            return cls(title=value)
        return cls(**{k: (str(value[k]) if value.get(k) is not None else None)
                      for k in ("title", "publisher", "url", "date") if k in value})


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    properties: dict[str, PropertyValue] = field(default_factory=dict)

    def labels(self) -> list[str]:
        """Name first, then aliases: every string the entity is known by."""
        return [self.name, *self.aliases]

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON shape (see README, "JSON output")."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name,
                               "aliases": list(self.aliases)}
        for key in ("country", "description", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["tags"] = list(self.tags)
        out["properties"] = dict(self.properties)
        return out


@dataclass(slots=True)
class Relation:
    id: str
    type: str
    source_id: str
    target_id: str
    evidence: str | None = None
    source: Source | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    amount: float | int | None = None
    currency: str | None = None
    confidence: float | None = None
    properties: dict[str, PropertyValue] = field(default_factory=dict)

    def endpoints(self) -> tuple[str, str]:
        return self.source_id, self.target_id

    def other(self, entity_id: str) -> str:
        return self.target_id if entity_id == self.source_id else self.source_id

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON shape (see README, "JSON output")."""
        out: dict[str, Any] = {"id": self.id, "type": self.type,
                               "from": self.source_id, "to": self.target_id}
        for key in ("evidence", "status", "since", "until", "amount", "currency",
                    "confidence"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.source is not None:
            out["source"] = self.source.to_dict()
        out["properties"] = dict(self.properties)
        return out


def relation_id(source_id: str, rtype: str, target_id: str, evidence: str | None,
                since: str | None = None, until: str | None = None) -> str:
    """A stable id for a relation that has none, derived from its content.

    Moving a relation inside or between files keeps its id, so a Neo4j reload
    is a no-op for it.

    >>> relation_id("a", "funds", "b", None)
    'a~funds~b~410d1646'
    """
    return relation_ids([(source_id, rtype, target_id, evidence, since, until)])[0]


def relation_ids(rows: Iterable[tuple[str, str, str, str | None, str | None, str | None]]
                 ) -> list[str]:
    """:func:`relation_id` of many (source_id, rtype, target_id, evidence, since,
    until) at once."""
    sha1, join = hashlib.sha1, "\x1f".join
    return [f"{a}~{t}~{b}~"
            f"{sha1(join((a, t, b, e or '', s or '', u or '')).encode()).hexdigest()[:8]}"
            for a, t, b, e, s, u in rows]


# Field names in constructor order (columns of graph.cache and the loader).
SOURCE_FIELDS = ("title", "publisher", "url", "date")
ENTITY_FIELDS = ("id", "type", "name", "aliases", "country", "description", "tags", "url",
                 "properties")
RELATION_FIELDS = ("id", "type", "source_id", "target_id", "evidence", "source", "status",
                   "since", "until", "amount", "currency", "confidence", "properties")


@dataclass(frozen=True)
class EntityType:
    name: str
    parent: str | None = None
    color: str = "#9e9e9e"
    shape: str = "dot"
    builtin: bool = True


@dataclass(frozen=True)
class RelationType:
    name: str
    symmetric: bool = False
    from_types: tuple[str, ...] = ()   # empty: any
    to_types: tuple[str, ...] = ()
    label: str | None = None
    builtin: bool = True

    @property
    def display(self) -> str:
        return self.label or self.name.replace("_", " ")


@dataclass
class Schema:
    """Entity and relation types known to one seed folder."""

    entity_types: dict[str, EntityType]
    relation_types: dict[str, RelationType]

    @classmethod
    def builtin(cls) -> "Schema":
        from .schema import BUILTIN_ENTITY_TYPES, BUILTIN_RELATION_TYPES
        return cls(dict(BUILTIN_ENTITY_TYPES), dict(BUILTIN_RELATION_TYPES))

    def lineage(self, type_name: str) -> list[str]:
        """The type and its ancestors, nearest first.

        >>> Schema.builtin().lineage("firm")
        ['firm']
        """
        out: list[str] = []
        current: str | None = type_name
        while current is not None and current not in out:
            out.append(current)
            et = self.entity_types.get(current)
            current = et.parent if et else None
        return out

    def is_a(self, type_name: str, wanted: Iterable[str]) -> bool:
        wanted = set(wanted)
        return any(t in wanted for t in self.lineage(type_name))

    def ends_fit(self, rel_type: str, source_type: str, target_type: str) -> bool:
        """Whether a relation of ``rel_type`` may go from ``source_type`` to ``target_type``
        (symmetric types either way). Unknown types fit: they are reported on their own.

        >>> Schema.builtin().ends_fit("funds", "sector", "fund")
        False
        """
        rt = self.relation_types.get(rel_type)
        if (rt is None or source_type not in self.entity_types
                or target_type not in self.entity_types):
            return True

        def fits(a: str, b: str) -> bool:
            return ((not rt.from_types or self.is_a(a, rt.from_types))
                    and (not rt.to_types or self.is_a(b, rt.to_types)))

        return fits(source_type, target_type) or (rt.symmetric and fits(target_type, source_type))

    def color(self, type_name: str) -> str:
        for t in self.lineage(type_name):
            if t in self.entity_types and self.entity_types[t].color:
                return self.entity_types[t].color
        return "#9e9e9e"

    def shape(self, type_name: str) -> str:
        for t in self.lineage(type_name):
            if t in self.entity_types:
                return self.entity_types[t].shape
        return "dot"

    def symmetric(self, rel_type: str) -> bool:
        rt = self.relation_types.get(rel_type)
        return bool(rt and rt.symmetric)

    def to_dict(self) -> dict[str, Any]:
        """Folder-defined (non built-in) types, in the seed ``types:`` shape."""
        out: dict[str, Any] = {}
        for et in self.entity_types.values():
            if not et.builtin:
                out[et.name] = {"parent": et.parent, "color": et.color}
        for rt in self.relation_types.values():
            if not rt.builtin:
                out[rt.name] = {"symmetric": rt.symmetric}
        return out


@dataclass
class Dataset:
    """A validated seed folder: entities by id, relations in file order."""

    schema: Schema
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    folder: str | None = None

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def relation(self, rid: str) -> Relation:
        return self._relations_by_id()[rid]

    def _relations_by_id(self) -> dict[str, Relation]:
        cache = self.__dict__.get("_rel_index")
        if cache is None or len(cache) != len(self.relations):
            cache = {r.id: r for r in self.relations}
            self.__dict__["_rel_index"] = cache
        return cache

    def subset(self, entity_ids: Iterable[str],
               relation_ids: Iterable[str] | None = None) -> "Dataset":
        """A dataset restricted to some entities (and relations among them)."""
        keep = set(entity_ids)
        rel_keep = None if relation_ids is None else set(relation_ids)
        rels = [r for r in self.relations
                if r.source_id in keep and r.target_id in keep
                and (rel_keep is None or r.id in rel_keep)]
        return Dataset(self.schema, {i: e for i, e in self.entities.items() if i in keep},
                       rels, list(self.sources), self.folder)
