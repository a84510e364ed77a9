"""One library call per query command: names in, checked options, results out.

Resolving names, checking type names and option values, and building query
options happen here, once, for every store; the store computes the answer.
:class:`graph.api.KG` (``graph.open``) is the public face of these functions.
"""

from __future__ import annotations

from typing import Iterable

from . import defaults
from .errors import InputError, UnknownType
from .model import Schema
from .queries import (ExposureQuery, names_of, ExposureResult, FindResult, NeighborsResult, PathQuery,
                      PathResult, ShowResult, Stats, Traversal)
from .store.base import Store
from .rules import ISO_COUNTRIES, date_prefix
from .validate import did_you_mean

__all__ = ["check_types", "names_of", "positive", "traversal", "find", "show", "neighbors", "path", "exposure", "stats",
           "ShowResult", "PathResult", "ExposureResult", "NeighborsResult", "FindResult"]


def check_types(schema: Schema, names: Iterable[str] | None, kind: str) -> frozenset[str] | None:
    """Known entity/relation type names, or UnknownType with a suggestion."""
    names = None if names is None else names_of(names)
    if not names:
        return None     # not given (an empty --type list is not "no type at all")
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
            as_of = date_prefix(str(as_of))
        except ValueError as exc:
            raise InputError(f"--as-of: {exc}") from None
    return Traversal(rels=check_types(store.schema, rels, "relation"),
                     via_types=check_types(store.schema, via_types, "entity"),
                     avoid=frozenset(store.resolve(a).id
                                     for a in ([avoid] if isinstance(avoid, str) else avoid)),
                     as_of=as_of, directed=directed)


def positive(name: str, value: int | None, allow_zero: bool = False) -> None:
    """InputError unless ``value`` is a positive whole number (or None)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name} must be a whole number, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        raise InputError(f"{name} must be a positive number, got {value}")


def find(store: Store, text: str, limit: int = defaults.FIND_LIMIT) -> FindResult:
    positive("--limit", limit)
    return FindResult(text, store.find(text, limit))


def show(store: Store, name: str) -> ShowResult:
    e = store.resolve(name)
    rels = store.relations_of(e.id)
    others = store.entities_of([e.id, *(r.other(e.id) for r in rels)])
    return ShowResult(e, rels, others)


def neighbors(store: Store, name: str, depth: int = defaults.DEPTH,
              types: Iterable[str] | None = None, rels: Iterable[str] | None = None,
              as_of: str | None = None, directed: bool = False) -> NeighborsResult:
    positive("--depth", depth)
    e = store.resolve(name)
    hood = store.neighbors(e.id, depth, check_types(store.schema, types, "entity"),
                           traversal(store, rels=rels, as_of=as_of, directed=directed))
    return NeighborsResult(hood.center, hood.hits, depth)


def path(store: Store, a: str, b: str, max_hops: int = defaults.PATH_MAX_HOPS,
         k: int | None = None, directed: bool = False, rels: Iterable[str] | None = None,
         via_types: Iterable[str] | None = None, avoid: Iterable[str] = (),
         as_of: str | None = None) -> PathResult:
    positive("--max-hops", max_hops)
    positive("--k", k)
    ea, eb = store.resolve(a), store.resolve(b)
    if ea.id == eb.id:
        raise InputError(f"{a!r} and {b!r} are the same entity ({ea.id}); name two different ones")
    q = PathQuery(traversal(store, rels, via_types, avoid, as_of, directed), max_hops, k)
    return PathResult(ea, eb, store.paths(ea.id, eb.id, q), q)


def exposure(store: Store, name: str, types: Iterable[str] | None = None,
             countries: Iterable[str] | None = None,
             max_hops: int = defaults.EXPOSURE_MAX_HOPS, rels: Iterable[str] | None = None,
             directed: bool = False, as_of: str | None = None) -> ExposureResult:
    positive("--max-hops", max_hops)
    codes = frozenset(c.upper() for c in names_of(countries)) if countries is not None else None
    if codes:
        bad = sorted(c for c in codes if c not in ISO_COUNTRIES)
        if bad:
            raise InputError(f"--country {bad[0]!r} is not an ISO 3166-1 alpha-2 code "
                             "(like CN, JP, US)")
    e = store.resolve(name)
    q = ExposureQuery(traversal(store, rels=rels, as_of=as_of, directed=directed),
                      check_types(store.schema, types, "entity"), codes or None, max_hops)
    return ExposureResult(e, store.exposure(e.id, q), q)


def stats(store: Store, top: int = defaults.STATS_TOP) -> Stats:
    positive("--top", top, allow_zero=True)
    return store.stats(top)
