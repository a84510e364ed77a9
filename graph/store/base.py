"""The store interface every backend implements.

Query *meaning* is in :mod:`graph.queries`; a store only computes it. The
shared test suite (``tests/test_store_queries.py``) runs against every store.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Iterable

from ..model import Dataset, Entity, Relation, Schema
from ..queries import (ExposureHit, ExposureQuery, Neighborhood, Path, PathQuery, Stats,
                       Traversal)
from ..resolve import Match, pick, rank


class Store(ABC):
    """A graph of entities and relations that answers queries."""

    schema: Schema

    # -- lookup --------------------------------------------------------
    @abstractmethod
    def entity(self, entity_id: str) -> Entity:
        """The entity with this exact id (EntityNotFound otherwise)."""

    @abstractmethod
    def exact(self, text: str) -> list[Entity]:
        """Entities whose id, name or an alias equals ``text`` once normalised."""

    @abstractmethod
    def candidates(self, text: str) -> Iterable[Entity]:
        """A superset of the entities :func:`graph.resolve.score` could match."""

    def find(self, text: str, limit: int | None = 20) -> list[Match]:
        """Entities matching ``text`` by id, name or alias, best first."""
        return rank(text, self.candidates(text), limit)

    def resolve(self, text: str) -> Entity:
        """The one entity ``text`` names (EntityNotFound / AmbiguousEntity otherwise)."""
        exact = self.exact(text)
        return pick(text, exact, [] if exact else self.find(text, 5))

    def entities_of(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        """:meth:`entity` of several ids (each once, in the order given; EntityNotFound
        for the first unknown one). A store over a network answers in one round trip."""
        return {eid: self.entity(eid) for eid in dict.fromkeys(entity_ids)}

    @abstractmethod
    def relations_of(self, entity_id: str) -> list[Relation]:
        """Every relation in or out of an entity, by (type, id)."""

    def relations_of_many(self, entity_ids: Iterable[str]) -> dict[str, list[Relation]]:
        """:meth:`relations_of` of several entities (each once, in the order given;
        EntityNotFound for the first unknown one). A store over a network answers in
        one round trip."""
        return {eid: self.relations_of(eid) for eid in dict.fromkeys(entity_ids)}

    def degrees(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """How many relations each entity has (each once, in the order given;
        EntityNotFound for the first unknown one)."""
        return {eid: len(rels) for eid, rels in self.relations_of_many(entity_ids).items()}

    # -- queries -------------------------------------------------------
    @abstractmethod
    def neighbors(self, entity_id: str, depth: int = 1,
                  types: frozenset[str] | None = None,
                  traversal: Traversal = Traversal()) -> Neighborhood:
        """Entities within ``depth`` moves (listed if of ``types``)."""

    @abstractmethod
    def paths(self, a: str, b: str, query: PathQuery = PathQuery()) -> list[Path]:
        """Shortest connections between two entity ids (see graph.queries)."""

    @abstractmethod
    def exposure(self, entity_id: str, query: ExposureQuery = ExposureQuery()) -> list[ExposureHit]:
        """Entities of the wanted types/countries within reach, nearest first."""

    @abstractmethod
    def stats(self, top: int = 10) -> Stats:
        """Counts, most connected and isolated entities, components."""

    @abstractmethod
    def dataset(self, entity_ids: Iterable[str] | None = None) -> Dataset:
        """The whole graph, or the part induced by some entities, as a Dataset."""

    def close(self) -> None:
        """Release connections; the default has none."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
