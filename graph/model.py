"""The neutral model shared by the loader, both stores, queries, rendering,
export and ingest: :class:`Entity`, :class:`Relation`, :class:`Source`,
the :class:`Schema` of types, and :class:`Dataset`, a validated folder.

Nothing here imports networkx or a database driver.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence, Union

# The types live in graph.schema (which imports nothing from here); they are
# named here too because everything else thinks of them as part of the model.
from .schema import EntityType as EntityType
from .schema import RelationType as RelationType
from .schema import Schema as Schema

Scalar = Union[str, int, float, bool]
PropertyValue = Union[Scalar, list[Scalar]]


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


CONTENT_SEP = "\x1f"     # between a relation's fields in what its content id hashes


def relation_ids(rows: Iterable[tuple[str, str, str, str | None, str | None, str | None]]
                 ) -> list[str]:
    """:func:`relation_id` of many (source_id, rtype, target_id, evidence, since,
    until) at once."""
    rows = list(rows)
    join = CONTENT_SEP.join
    hashes = content_hashes(join((a, t, b, e or "", s or "", u or "")).encode()
                            for a, t, b, e, s, u in rows)
    return [f"{a}~{t}~{b}~{h}" for (a, t, b, *_), h in zip(rows, hashes)]


def content_hashes(joined: Iterable[bytes]) -> list[str]:
    """The hash part of content ids: 8 hex digits of the SHA-1 of each
    relation's fields joined by :data:`CONTENT_SEP` (missing ones empty)."""
    sha1 = hashlib.sha1
    return [sha1(b).hexdigest()[:8] for b in joined]


# Field names in constructor order (columns of graph.cache and the loader).
SOURCE_FIELDS = ("title", "publisher", "url", "date")
ENTITY_FIELDS = ("id", "type", "name", "aliases", "country", "description", "tags", "url",
                 "properties")
RELATION_FIELDS = ("id", "type", "source_id", "target_id", "evidence", "source", "status",
                   "since", "until", "amount", "currency", "confidence", "properties")


def cited_sources(sources: Sequence[Source], relations: Iterable[Relation],
                  cache: dict[str, Any] | None = None) -> list[Source]:
    """The ``sources`` some of ``relations`` cite, in the order of ``sources`` (a
    source cited but not listed comes last). ``cache`` keeps the position of each
    source between calls on the same list (an object's ``__dict__``)."""
    cited = {r.source for r in relations if r.source is not None}
    if not cited:
        return []
    known: dict[Source, int] | None = None if cache is None else cache.get("_source_pos")
    if known is None or cache is None or cache.get("_source_len") != len(sources):
        known = {s: i for i, s in reversed(list(enumerate(sources)))}
        if cache is not None:
            cache["_source_pos"], cache["_source_len"] = known, len(sources)
    pos = known
    return sorted(cited, key=lambda s: (pos.get(s, len(pos)),
                                        tuple(v or "" for v in s.__dict__.values())))


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
                       rels, self.cited_sources(rels), self.folder)

    def cited_sources(self, relations: Iterable["Relation"]) -> list[Source]:
        """The sources some of the relations cite, in this dataset's order (what a
        part of it carries: not every source of the whole)."""
        return cited_sources(self.sources, relations, self.__dict__)
