"""Built-in entity and relation types (seed format v1).

Expected from/to types only produce warnings (errors under ``--strict``);
they document intent and catch swapped ``from``/``to``.
"""

from __future__ import annotations

from .model import EntityType, RelationType

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
                               "agency")),
        RelationType("invests_in", from_types=_ORGS + ("person",),
                     to_types=("firm", "project", "sector", "fund", "technology",
                               "location")),
        RelationType("leads", from_types=_ORGS + ("person",),
                     to_types=("project", "agreement", "organization", "fund")),
        RelationType("participates_in",
                     to_types=("project", "agreement", "organization", "fund")),
        RelationType("operates_in", from_types=_ORGS + ("project",),
                     to_types=("sector", "location")),
        RelationType("supplies", from_types=("firm", "organization", "project", "government"),
                     to_types=("firm", "project", "government", "organization")),
        RelationType("customer_of", from_types=_ORGS + ("project",),
                     to_types=("firm", "organization")),
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
