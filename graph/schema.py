"""Entity and relation types: :class:`Schema`, and the built-in types (seed format v1).

Expected from/to types only produce warnings (errors under ``--strict``);
they document intent and catch swapped ``from``/``to``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


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


_ORGS = ("government", "ministry", "agency", "firm", "organization", "fund")
_ANY: tuple[str, ...] = ()

BUILTIN_ENTITY_TYPES: dict[str, EntityType] = {
    e.name: e for e in [
        EntityType("government", color="#c62828", shape="star"),
        EntityType("ministry", color="#ef6c00", shape="triangle"),
        EntityType("agency", color="#f9a825", shape="triangle"),
        EntityType("firm", color="#1565c0", shape="dot"),
        EntityType("project", color="#2e7d32", shape="diamond"),
        EntityType("sector", color="#6a1b9a", shape="hexagon"),
        EntityType("person", color="#00838f", shape="ellipse"),
        EntityType("organization", color="#5d4037", shape="square"),
        EntityType("fund", color="#ad1457", shape="triangleDown"),
        EntityType("location", color="#546e7a", shape="box"),
        EntityType("technology", color="#00695c", shape="hexagon"),
        EntityType("agreement", color="#827717", shape="box"),
    ]
}

BUILTIN_RELATION_TYPES: dict[str, RelationType] = {
    r.name: r for r in [
        RelationType("part_of"),
        RelationType("heads", from_types=("person",),
                     to_types=_ORGS),
        RelationType("works_for", from_types=("person",), to_types=_ORGS),
        RelationType("member_of", to_types=("organization", "agreement", "government")),
        RelationType("owns", from_types=_ORGS + ("person",),
                     to_types=("firm", "fund", "project", "organization", "technology")),
        RelationType("funds", from_types=_ORGS + ("person",),
                     to_types=("project", "firm", "organization", "technology", "fund",
                               "agency", "government", "ministry")),
        RelationType("invests_in", from_types=_ORGS + ("person",),
                     to_types=("firm", "project", "sector", "fund", "technology",
                               "location")),
        RelationType("leads", from_types=_ORGS + ("person",),
                     to_types=("project", "agreement", "organization", "fund")),
        RelationType("participates_in",
                     to_types=("project", "agreement", "organization", "fund")),
        RelationType("operates_in", from_types=_ORGS + ("project",),
                     to_types=("sector", "location", "government")),
        RelationType("supplies", from_types=("firm", "organization", "project", "government",
                                             "agency", "fund"),
                     to_types=("firm", "project", "government", "organization", "ministry",
                               "agency")),
        RelationType("customer_of", from_types=_ORGS + ("project",),
                     to_types=("firm", "organization", "project", "agency")),
        RelationType("produces", from_types=("firm", "project", "organization", "government"),
                     to_types=("technology", "sector")),
        RelationType("competes_with", symmetric=True, label="competes with"),
        RelationType("partners_with", symmetric=True, label="partners with"),
        RelationType("regulates", from_types=("government", "ministry", "agency"),
                     to_types=_ANY),
        RelationType("located_in", to_types=("location", "government")),
        RelationType("party_to", to_types=("agreement",)),
        RelationType("affects"),
        RelationType("related_to"),
    ]
}

ENTITY_KEYS = ("id", "type", "name", "aliases", "country", "description", "tags", "url")
RELATION_KEYS = ("id", "from", "type", "to", "evidence", "source", "status", "since",
                 "until", "amount", "currency", "confidence")
TOP_LEVEL_KEYS = ("source", "entities", "relations", "types")
