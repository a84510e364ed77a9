"""One library call per query command: names in, checked options, results out.

The CLI parses options and prints; everything between (resolving names,
checking type names, building query options) happens here, for every store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .errors import InputError, UnknownType
from .model import Entity, Relation, Schema
from .queries import (DEFAULT_MAX_HOPS, ExposureHit, ExposureQuery, Neighborhood, Path,
                      PathQuery, Stats, Traversal)
from .resolve import Match
from .store.base import Store
from .validate import ISO_COUNTRIES, date_prefix, did_you_mean


def check_types(schema: Schema, names: Iterable[str] | None, kind: str) -> frozenset[str] | None:
    """Known entity/relation type names, or UnknownType with a suggestion."""
    if names is None:
        return None
    known = schema.entity_types if kind == "entity" else schema.relation_types
    for name in names:
        if name not in known:
            raise UnknownType(f"unknown {kind} type {name!r}{did_you_mean(name, known)}; "
                              f"known: {', '.join(sorted(known))}")
    return frozenset(names)


def traversal(store: Store, rels: Iterable[str] | None = None,
              via_types: Iterable[str] | None = None, avoid: Iterable[str] = (),
              as_of: str | None = None, directed: bool = False) -> Traversal:
    """Check user-given filters and build a :class:`Traversal`."""
    if as_of is not None:
        try:
            as_of = date_prefix(as_of)
        except ValueError as exc:
            raise InputError(f"--as-of: {exc}") from None
    return Traversal(rels=check_types(store.schema, rels, "relation"),
                     via_types=check_types(store.schema, via_types, "entity"),
                     avoid=frozenset(store.resolve(a).id for a in avoid),
                     as_of=as_of, directed=directed)


def _positive(name: str, value: int | None, allow_zero: bool = False) -> None:
    if value is not None and (value < 0 or (value == 0 and not allow_zero)):
        raise InputError(f"{name} must be a positive number, got {value}")


def find(store: Store, text: str, limit: int = 20) -> list[Match]:
    return store.find(text, limit)


@dataclass
class ShowResult:
    entity: Entity
    relations: list[Relation]
    others: dict[str, Entity]

    def to_dict(self) -> dict:
        return {"entity": self.entity.to_dict(),
                "relations": [{**r.to_dict(), "direction": "out" if r.source_id == self.entity.id
                               else "in", "other": {"id": o.id, "type": o.type, "name": o.name}}
                              for r in self.relations for o in [self.others[r.other(self.entity.id)]]]}


def show(store: Store, name: str) -> ShowResult:
    e = store.resolve(name)
    rels = store.relations_of(e.id)
    others = {i: store.entity(i) for i in {r.other(e.id) for r in rels} | {e.id}}
    return ShowResult(e, rels, others)


def neighbors(store: Store, name: str, depth: int = 1, types: Iterable[str] | None = None,
              rels: Iterable[str] | None = None, as_of: str | None = None,
              directed: bool = False) -> Neighborhood:
    _positive("--depth", depth)
    e = store.resolve(name)
    return store.neighbors(e.id, depth, check_types(store.schema, types, "entity"),
                           traversal(store, rels=rels, as_of=as_of, directed=directed))


@dataclass
class PathResult:
    source: Entity
    target: Entity
    paths: list[Path]
    query: PathQuery

    def to_dict(self) -> dict:
        return {"from": self.source.to_dict(), "to": self.target.to_dict(),
                "max_hops": self.query.max_hops, "k": self.query.k,
                "filters": self.query.traversal.to_dict(),
                "found": len(self.paths), "paths": [p.to_dict() for p in self.paths]}


def path(store: Store, a: str, b: str, max_hops: int = DEFAULT_MAX_HOPS, k: int | None = None,
         directed: bool = False, rels: Iterable[str] | None = None,
         via_types: Iterable[str] | None = None, avoid: Iterable[str] = (),
         as_of: str | None = None) -> PathResult:
    _positive("--max-hops", max_hops)
    _positive("--k", k)
    ea, eb = store.resolve(a), store.resolve(b)
    if ea.id == eb.id:
        raise InputError(f"{a!r} and {b!r} are the same entity ({ea.id}); name two different ones")
    q = PathQuery(traversal(store, rels, via_types, avoid, as_of, directed), max_hops, k)
    return PathResult(ea, eb, store.paths(ea.id, eb.id, q), q)


@dataclass
class ExposureResult:
    center: Entity
    hits: list[ExposureHit]
    query: ExposureQuery

    def to_dict(self) -> dict:
        q = self.query
        return {"entity": self.center.to_dict(), "max_hops": q.max_hops,
                "types": sorted(q.types) if q.types else None,
                "countries": sorted(q.countries) if q.countries else None,
                "filters": q.traversal.to_dict(),
                "found": len(self.hits), "exposed": [h.to_dict() for h in self.hits]}


def exposure(store: Store, name: str, types: Iterable[str] | None = None,
             countries: Iterable[str] | None = None, max_hops: int = 3,
             rels: Iterable[str] | None = None, directed: bool = False,
             as_of: str | None = None) -> ExposureResult:
    _positive("--max-hops", max_hops)
    codes = None
    if countries is not None:
        codes = frozenset(c.upper() for c in countries)
        bad = sorted(c for c in codes if c not in ISO_COUNTRIES)
        if bad:
            raise InputError(f"--country {bad[0]!r} is not an ISO 3166-1 alpha-2 code "
                             "(like CN, JP, US)")
    e = store.resolve(name)
    q = ExposureQuery(traversal(store, rels=rels, as_of=as_of, directed=directed),
                      check_types(store.schema, types, "entity"), codes, max_hops)
    return ExposureResult(e, store.exposure(e.id, q), q)


def stats(store: Store, top: int = 10) -> Stats:
    return store.stats(top)
