"""The Neo4j store's own parts (graph/store/neo4j.py): the as-of filter and the
fuzzy name search done in Cypher, custom types read back from Neo4j, and
names checked before they reach query text."""

from __future__ import annotations

import random

import pytest

from conftest import SEEDS
from graph.queries import ExposureQuery, PathQuery, Traversal, active

pytestmark = pytest.mark.neo4j

PERIODS = [("2024", None), (None, "2023"), ("2024-02", "2024-02"), ("2024-02-29", None),
           (None, "2024-02-28"), ("2023-06", "2025"), ("2025-01-01", "2025-01-01"),
           ("2026", "2027-06"), (None, None), ("2020-12-31", "2021-01-01")]
AS_OF = ["2019", "2020-12", "2020-12-31", "2021", "2023", "2023-06", "2023-12-31", "2024",
         "2024-01", "2024-02", "2024-02-28", "2024-02-29", "2024-03-01", "2025", "2025-01",
         "2025-01-02", "2026-12-31", "2027-06", "2027-06-30", "2027-07", "2030"]


def both(request, folder):
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore
    from neo4j_support import neo4j_store_for

    neo = neo4j_store_for(request, folder)
    request.addfinalizer(neo.close)
    return MemoryStore(load_dataset(folder)), neo


def test_as_of_in_cypher_is_graph_queries_active(request, write_seeds):
    lines = ["entities:", "  - {id: hub, type: fund, name: Hub}"]
    rels = ["relations:"]
    for i, (since, until) in enumerate(PERIODS):
        lines.append(f"  - {{id: p{i}, type: project, name: P{i}}}")
        period = "".join(f", {k}: '{v}'" for k, v in (("since", since), ("until", until)) if v)
        rels.append(f"  - {{id: r{i}, from: hub, type: funds, to: p{i}{period}}}")
    memory, neo = both(request, write_seeds({"s.yaml": "\n".join(lines + rels) + "\n"}))
    for as_of in AS_OF:
        t = Traversal(as_of=as_of)
        expected = sorted(f"p{i}" for i in range(len(PERIODS))
                          if active(memory.data.relation(f"r{i}"), as_of))
        for store in (memory, neo):
            assert [h.entity.id for h in store.neighbors("hub", 1, traversal=t).hits] == \
                expected, (as_of, store)
    answers = {tuple(h.entity.id for h in memory.neighbors("hub", 1,
                                                           traversal=Traversal(as_of=d)).hits)
               for d in AS_OF}
    assert len(answers) > 8        # the dates really split the periods


def _typos(name: str, rng: random.Random) -> list[str]:
    out = [name.upper(), name[:-1], name[1:], name[: len(name) // 2]]
    if len(name) > 3:
        i = rng.randrange(len(name) - 1)
        out.append(name[:i] + name[i + 1] + name[i] + name[i + 2:])      # swapped letters
        out.append(name[:i] + "x" + name[i + 1:])                          # a wrong letter
    return out


def test_fuzzy_find_gives_the_memory_ranking(request):
    memory, neo = both(request, SEEDS)
    rng = random.Random(2)
    names = [e.name for e in memory.data.entities.values()] + \
        [a for e in memory.data.entities.values() for a in e.aliases]
    fuzzy = 0
    for name in rng.sample(names, 25):
        for text in _typos(name, rng):
            expected = [m.to_dict() for m in memory.find(text, 50)]
            assert [m.to_dict() for m in neo.find(text, 50)] == expected, text
            fuzzy += any(m["score"] < 60 for m in expected)
    assert fuzzy > 10        # fuzzy matches (score 40-50) were really compared


def test_custom_types_come_back_from_neo4j(request, write_seeds):
    folder = write_seeds({"s.yaml": """
        types:
          entities:
            chip_maker: {parent: firm, color: "#123456"}
          relations:
            rivals: {symmetric: true}
        entities:
          - {id: a, type: firm, name: A}
          - {id: b, type: chip_maker, name: B}
          - {id: c, type: project, name: C}
          - {id: d, type: firm, name: D}
        relations:
          - {from: a, type: supplies, to: b}
          - {from: b, type: supplies, to: d}
          - {from: a, type: participates_in, to: c}
          - {from: d, type: participates_in, to: c}
          - {from: d, type: rivals, to: a}
        """})
    memory, neo = both(request, folder)
    assert neo.schema.entity_types["chip_maker"].parent == "firm"
    assert neo.schema.color("chip_maker") == "#123456" and neo.schema.symmetric("rivals")
    for q in (PathQuery(Traversal(via_types=frozenset({"firm"}))),
              PathQuery(Traversal(via_types=frozenset({"project"}))),
              PathQuery(Traversal(directed=True, rels=frozenset({"rivals"})))):
        assert [p.to_dict() for p in neo.paths("a", "d", q)] == \
            [p.to_dict() for p in memory.paths("a", "d", q)]
    q = ExposureQuery(types=frozenset({"firm"}))
    assert [h.to_dict() for h in neo.exposure("a", q)] == \
        [h.to_dict() for h in memory.exposure("a", q)]
    assert [h.entity.id for h in neo.exposure("a", q)] == ["b", "d"]      # b is a chip_maker


def test_names_are_checked_before_they_reach_query_text(request):
    from graph.errors import KgError
    from conftest import MINI

    _, neo = both(request, MINI)
    evil = frozenset({"funds`]-() DETACH DELETE a //"})
    with pytest.raises(KgError, match="cannot be a Neo4j label or relationship type"):
        neo.paths("fund-a", "firm-x", PathQuery(Traversal(rels=evil)))
    assert neo.stats().entities == 12
