"""One set of answers: every query gives the same JSON on the memory store and on
Neo4j, on the shipped seeds and on a generated folder (benchmarks/generate.py).

Both stores order results the same way (paths by length then entity ids,
neighbours by distance then id, matches by score then name then id), so the
JSON is compared as is; only dataset() (entities and relations by id on
Neo4j, file order in memory) is compared as sets.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import SEEDS
from graph import service
from graph.errors import KgError

pytestmark = pytest.mark.neo4j

QUERY_TEXTS = ["softbank", "SoftBank Group", "Japan", "meti", "ministry", "chip", "ｓｏｆｔ",
               "semiconductr", "fund", "data center", "米国", "zzzz", "a"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    from benchmarks.generate import generate

    out = tmp_path_factory.mktemp("generated") / "gen-r3k"
    generate(out, relations=3000, seed=5)
    return out


def _stores(request, folder: Path):
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore
    from neo4j_support import neo4j_store_for

    memory = MemoryStore(load_dataset(folder))
    neo = neo4j_store_for(request, folder)
    request.addfinalizer(neo.close)
    return memory, neo


def _same(call, memory, neo):
    """call(store) on both stores: equal JSON, or the same KgError message."""
    def run(store):
        try:
            return json.loads(json.dumps(call(store), ensure_ascii=False))
        except KgError as exc:
            return f"{type(exc).__name__}: {exc}"

    expected, got = run(memory), run(neo)
    assert got == expected
    return expected


def _pairs(ids: list[str], n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [tuple(rng.sample(ids, 2)) for _ in range(n)]  # type: ignore[misc]


def _check_all(request, folder: Path, pairs: int, centers: int):
    memory, neo = _stores(request, folder)
    ids = sorted(memory.data.entities)
    rel_types = sorted({r.type for r in memory.data.relations})
    ent_types = sorted({e.type for e in memory.data.entities.values()})
    dates = sorted({d for r in memory.data.relations for d in (r.since, r.until) if d})
    rng = random.Random(11)
    checked = 0

    _same(lambda s: service.stats(s, 10).to_dict(), memory, neo)
    for text in QUERY_TEXTS + [memory.data.entities[i].name[:5] for i in ids[:5]]:
        _same(lambda s: [m.to_dict() for m in service.find(s, text, 20)], memory, neo)
        _same(lambda s: service.show(s, text).to_dict(), memory, neo)
        checked += 2
    for center in rng.sample(ids, min(centers, len(ids))):
        _same(lambda s: service.show(s, center).to_dict(), memory, neo)
        for depth in (1, 2):
            _same(lambda s: service.neighbors(s, center, depth).to_dict(), memory, neo)
        _same(lambda s: service.neighbors(s, center, 2, types=ent_types[:2],
                                          rels=rel_types[::2], directed=True).to_dict(),
              memory, neo)
        _same(lambda s: service.exposure(s, center, max_hops=2).to_dict(), memory, neo)
        _same(lambda s: service.exposure(s, center, types=["firm"], countries=["CN", "JP", "US"],
                                         max_hops=3).to_dict(), memory, neo)
        as_of = rng.choice(dates) if dates else "2025"
        _same(lambda s: service.exposure(s, center, max_hops=3, as_of=as_of,
                                         directed=True).to_dict(), memory, neo)
        checked += 7
    found_paths = 0
    for a, b in _pairs(ids, pairs, 3):
        variants = [
            dict(),
            dict(max_hops=5, k=4),
            dict(directed=True, max_hops=6),
            dict(rels=rel_types[: max(1, len(rel_types) // 2)]),
            dict(via_types=ent_types[: max(1, len(ent_types) // 2)], max_hops=5),
            dict(avoid=[rng.choice(ids)], max_hops=5, k=2),
            dict(as_of=rng.choice(dates) if dates else "2025", max_hops=5),
            dict(max_hops=2),
        ]
        for opts in variants:
            result = _same(lambda s: service.path(s, a, b, **opts).to_dict(), memory, neo)
            found_paths += isinstance(result, dict) and result["found"] > 0
            checked += 1
    sub = service.neighbors(memory, ids[len(ids) // 2], 2).entity_ids()
    for entity_ids in (None, sub):
        m, n = memory.dataset(entity_ids), neo.dataset(entity_ids)
        assert sorted(json.dumps(e.to_dict(), sort_keys=True) for e in n.entities.values()) == \
            sorted(json.dumps(e.to_dict(), sort_keys=True) for e in m.entities.values())
        assert sorted(json.dumps(r.to_dict(), sort_keys=True) for r in n.relations) == \
            sorted(json.dumps(r.to_dict(), sort_keys=True) for r in m.relations)
        assert n.sources == m.sources
    return checked, found_paths


def test_shipped_seeds_same_answers(request):
    checked, found = _check_all(request, SEEDS, pairs=15, centers=12)
    assert checked > 200 and found > 40     # the comparisons include real answers


def test_generated_folder_same_answers(request, generated):
    checked, found = _check_all(request, generated, pairs=15, centers=10)
    assert checked > 200 and found > 40


def test_many_shortest_paths_are_cut_at_the_same_twenty(request, generated):
    """Between hubs there are more than 20 shortest paths: both stores keep the
    same first 20 by entity ids."""
    memory, neo = _stores(request, generated)
    hubs = [e.id for e, _ in memory.stats(8).top]
    cut = 0
    for a, b in [(a, b) for a in hubs for b in hubs if a < b]:
        result = _same(lambda s: service.path(s, a, b, max_hops=4).to_dict(), memory, neo)
        cut += result["found"] == 20
    assert cut > 0
