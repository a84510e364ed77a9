"""What the queries mean: options, result shapes and the rules both stores share.

A store computes results; this module defines them, so the embedded store and
Neo4j can be held to one test suite:

* Paths are sequences of distinct entities. Each hop carries every relation
  between its two entities that passes the filters, in relation-id order, and
  each relation keeps its true direction.
* Undirected by default: a relation can be walked either way. With
  ``directed``, only from -> to, except symmetric types (competes_with...).
* Ties are broken by the sequence of entity ids, so answers are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Protocol, Sequence

from .model import Dataset, Entity, Relation, Schema
from .resolve import Match
from .rules import date_bounds, date_prefix
from . import defaults
from .defaults import EXPOSURE_MAX_HOPS, PATH_MAX_HOPS
from .defaults import MAX_SHORTEST_PATHS as MAX_SHORTEST_PATHS   # stores import it from here

DEFAULT_MAX_HOPS = PATH_MAX_HOPS


@dataclass(frozen=True)
class Traversal:
    """Which relations and entities a walk may use."""

    rels: frozenset[str] | None = None          # allowed relation types
    via_types: frozenset[str] | None = None     # allowed types of intermediate entities
    avoid: frozenset[str] = frozenset()          # entity ids never entered
    as_of: str | None = None                     # date prefix
    directed: bool = False

    def __post_init__(self) -> None:
        if self.as_of is not None:
            object.__setattr__(self, "as_of", date_prefix(self.as_of))

    def relation_ok(self, rel: Relation) -> bool:
        if self.rels is not None and rel.type not in self.rels:
            return False
        return self.as_of is None or active(rel, self.as_of)

    def steps(self, rel: Relation, schema: Schema) -> list[tuple[str, str]]:
        """The (from, to) moves this relation allows."""
        forward = (rel.source_id, rel.target_id)
        if self.directed and not schema.symmetric(rel.type):
            return [forward]
        return [forward, (rel.target_id, rel.source_id)]

    def to_dict(self) -> dict[str, Any]:
        return {"rels": sorted(self.rels) if self.rels is not None else None,
                "via_types": sorted(self.via_types) if self.via_types is not None else None,
                "avoid": sorted(self.avoid), "as_of": self.as_of, "directed": self.directed}


def active(rel: Relation, as_of: str) -> bool:
    """Whether a relation's since/until period overlaps the as-of date prefix.

    >>> from .model import Relation
    >>> active(Relation("r", "funds", "a", "b", since="2026", until="2027-06"), "2027")
    True
    >>> active(Relation("r", "funds", "a", "b", since="2026"), "2025-12-31")
    False
    """
    start, end = date_bounds(as_of)
    if rel.since and date_bounds(rel.since)[0] > end:
        return False
    if rel.until and date_bounds(rel.until)[1] < start:
        return False
    return True


@dataclass(frozen=True)
class PathQuery:
    traversal: Traversal = Traversal()
    max_hops: int = DEFAULT_MAX_HOPS
    k: int | None = None          # None: every shortest path (up to MAX_SHORTEST_PATHS)


@dataclass(frozen=True)
class ExposureQuery:
    traversal: Traversal = Traversal()
    types: frozenset[str] | None = None
    countries: frozenset[str] | None = None
    max_hops: int = EXPOSURE_MAX_HOPS


@dataclass
class Hop:
    source: str      # entity walked from
    target: str      # entity walked to
    relations: list[Relation]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target,
                "relations": [r.to_dict() for r in self.relations]}


@dataclass
class Path:
    entities: list[Entity]
    hops: list[Hop]

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.entities]

    def relation_ids(self) -> list[str]:
        return [r.id for h in self.hops for r in h.relations]

    def to_dict(self) -> dict[str, Any]:
        return {"length": self.length,
                "entities": [brief(e) for e in self.entities],
                "hops": [h.to_dict() for h in self.hops]}


class Presenter(Protocol):
    """Turns results into text and HTML. The layers above queries know how (text
    tables, the explorer page); :func:`graph.open` attaches one to every result."""

    def text(self, result: "Result") -> str: ...

    def html(self, result: "Result") -> str: ...


@dataclass
class Result:
    """A query answer. ``to_dict()`` is the CLI's ``--format json`` document;
    ``text()`` the CLI's text; in Jupyter it shows itself (``_repr_html_``)."""

    presenter: Presenter | None = field(default=None, kw_only=True, repr=False,
                                        compare=False)

    def to_dict(self) -> Any:
        raise NotImplementedError

    def text(self) -> str:
        if self.presenter is None:
            raise TypeError(f"this {type(self).__name__} was made without a presenter; "
                            "results from graph.open(...) have one")
        return self.presenter.text(self)

    def _repr_html_(self) -> str | None:
        return None if self.presenter is None else self.presenter.html(self)

    def __repr__(self) -> str:
        """Short (a notebook keeps it beside the HTML): the first line of the text."""
        if self.presenter is None:
            return f"<{type(self).__name__}>"
        first = self.text().splitlines()[:1]
        return f"<{type(self).__name__}: {first[0] if first else ''}>"


@dataclass
class NeighborHit:
    entity: Entity
    distance: int
    relations: list[Relation]   # relations linking it to entities one step nearer

    def to_dict(self) -> dict[str, Any]:
        return {**brief(self.entity), "distance": self.distance,
                "relations": [r.to_dict() for r in self.relations]}


@dataclass
class Neighborhood:
    center: Entity
    hits: list[NeighborHit]

    def entity_ids(self) -> list[str]:
        return [self.center.id] + [h.entity.id for h in self.hits]

    def relation_ids(self) -> list[str]:
        return sorted({r.id for h in self.hits for r in h.relations})

    def to_dict(self) -> dict[str, Any]:
        return {"center": brief(self.center), "neighbors": [h.to_dict() for h in self.hits]}


@dataclass
class ExposureHit:
    entity: Entity
    distance: int
    path: Path

    def to_dict(self) -> dict[str, Any]:
        return {**brief(self.entity), "country": self.entity.country,
                "distance": self.distance, "path": self.path.to_dict()}


@dataclass(repr=False)
class Stats(Result):
    entities: int
    relations: int
    entity_types: dict[str, int]
    relation_types: dict[str, int]
    top: list[tuple[Entity, int]]
    isolated: Sequence[Entity]
    components: int
    largest_component: int
    sources: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"entities": self.entities, "relations": self.relations,
                "entity_types": self.entity_types, "relation_types": self.relation_types,
                "most_connected": [{**brief(e), "degree": d} for e, d in self.top],
                "isolated": [brief(e) for e in self.isolated],
                "components": self.components, "largest_component": self.largest_component}


@dataclass(repr=False)
class FindResult(Result):
    """``kg find``: entities matching a text, best first (a sequence of Match)."""

    query: str
    matches: list[Match]

    def __iter__(self) -> Iterator[Match]:
        return iter(self.matches)

    def __len__(self) -> int:
        return len(self.matches)

    def __getitem__(self, i: int) -> Match:
        return self.matches[i]

    def to_dict(self) -> list[dict[str, Any]]:
        return [m.to_dict() for m in self.matches]


@dataclass(repr=False)
class ShowResult(Result):
    """``kg show``: an entity, every relation in or out, and the entities at the other ends."""

    entity: Entity
    relations: list[Relation]
    others: dict[str, Entity]

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.to_dict(),
                "relations": [{**r.to_dict(), "direction": "out" if r.source_id == self.entity.id
                               else "in", "other": brief(self.others[r.other(self.entity.id)])}
                              for r in self.relations]}


@dataclass(repr=False)
class NeighborsResult(Neighborhood, Result):
    """``kg neighbors``: entities within ``depth`` moves of ``center``, nearest first."""

    depth: int = defaults.DEPTH
    __repr__ = Result.__repr__


@dataclass(repr=False)
class PathResult(Result):
    """``kg path``: the shortest (or k shortest) connections from ``source`` to ``target``."""

    source: Entity
    target: Entity
    paths: list[Path]
    query: PathQuery

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source.to_dict(), "to": self.target.to_dict(),
                "max_hops": self.query.max_hops, "k": self.query.k,
                "filters": self.query.traversal.to_dict(),
                "found": len(self.paths), "paths": [p.to_dict() for p in self.paths]}


@dataclass(repr=False)
class ExposureResult(Result):
    """``kg exposure``: entities of the wanted types/countries within reach, nearest first."""

    center: Entity
    hits: list[ExposureHit]
    query: ExposureQuery

    def to_dict(self) -> dict[str, Any]:
        q = self.query
        return {"entity": self.center.to_dict(), "max_hops": q.max_hops,
                "types": sorted(q.types) if q.types else None,
                "countries": sorted(q.countries) if q.countries else None,
                "filters": q.traversal.to_dict(),
                "found": len(self.hits), "exposed": [h.to_dict() for h in self.hits]}


@dataclass(frozen=True)
class Selection:
    """What to keep (all ``None``: the whole graph)."""

    focus: str | None = None            # an entity name, id or alias
    depth: int = defaults.DEPTH
    types: frozenset[str] | None = None  # entity types (subtypes included)
    rels: frozenset[str] | None = None   # relation types

    @classmethod
    def of(cls, focus: str | None = None, depth: int = defaults.DEPTH,
           types: Iterable[str] | None = None,
           rels: Iterable[str] | None = None) -> "Selection":
        """A selection from user input: a type name or several (lists, comma-separated)."""
        def names(values: Iterable[str] | None) -> frozenset[str] | None:
            found = names_of(values) if values is not None else []
            return frozenset(found) if found else None

        return cls(focus, depth, names(types), names(rels))

    def to_dict(self) -> dict[str, Any]:
        return {"focus": self.focus, "depth": self.depth,
                "types": sorted(self.types) if self.types else None,
                "rels": sorted(self.rels) if self.rels else None}

    def describe(self) -> str:
        """A short human summary, e.g. ``within 2 hops of smic; types firm``."""
        parts: list[str] = []
        if self.focus is not None:
            parts.append(f"within {self.depth} hop{'s' if self.depth != 1 else ''} "
                         f"of {self.focus}")
        if self.types:
            parts.append("types " + ", ".join(sorted(self.types)))
        if self.rels:
            parts.append("relations " + ", ".join(sorted(self.rels)))
        return "; ".join(parts)


@dataclass(repr=False)
class Subgraph(Result):
    """The part of the graph a selection picks (``graph.open(...).select(...)``)."""

    selection: Selection
    dataset: Dataset

    def to_dict(self) -> dict[str, Any]:
        return {"selection": self.selection.to_dict(),
                "entities": [brief(e) for e in self.dataset.entities.values()],
                "relations": [r.to_dict() for r in self.dataset.relations]}


def names_of(values: Iterable[str]) -> list[str]:
    """A name or several: a lone string is one name, not its characters; commas separate.

    >>> names_of("firm,fund"), names_of(["firm", " project"])
    (['firm', 'fund'], ['firm', 'project'])
    """
    items = [values] if isinstance(values, str) else list(values)
    return [n.strip() for item in items for n in item.split(",") if n.strip()]


def brief(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "type": entity.type, "name": entity.name}


def sort_counts(counts: dict[str, int]) -> dict[str, int]:
    """Largest first, then by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def order_paths(paths: Iterable[Path]) -> list[Path]:
    """Shortest first; equal lengths by entity-id sequence."""
    return sorted(paths, key=lambda p: (p.length, p.ids))


def type_matches(schema: Schema, entity: Entity, types: Iterable[str] | None) -> bool:
    """Whether an entity is one of ``types``, counting subtypes (``types:`` parents)."""
    return types is None or schema.is_a(entity.type, types)
