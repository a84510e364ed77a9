"""A Parquet copy of the shipped seeds answers exactly like the YAML seeds, on
every store (memory and a real Neo4j: the store_for fixture in conftest)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import SEEDS
from graph import service
from graph.errors import KgError


@pytest.fixture(scope="module")
def parquet_seeds(tmp_path_factory) -> Path:
    from graph.export import export
    from graph.loader import load_dataset

    out = tmp_path_factory.mktemp("parquet") / "seeds-parquet"
    export(load_dataset(SEEDS), "parquet", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["entities.parquet", "relations.parquet"]
    return out


def answers(store) -> list:
    """The JSON of a fixed set of queries (or the error each gives)."""
    def run(call):
        try:
            return json.loads(json.dumps(call(), ensure_ascii=False))
        except KgError as exc:
            return f"{type(exc).__name__}: {exc}"

    data = store.dataset()
    ids = sorted(e.id for e in data.entities.values())
    rng = random.Random(4)
    out = [run(lambda: service.stats(store, 10).to_dict())]
    for text in ("softbank", "Japan", "meti", "semiconductr", "米国", "zzzz"):
        out.append(run(lambda: service.find(store, text, 20).to_dict()))
        out.append(run(lambda: service.show(store, text).to_dict()))
    for center in rng.sample(ids, 8):
        out.append(run(lambda: service.neighbors(store, center, 2).to_dict()))
        out.append(run(lambda: service.exposure(store, center, max_hops=3).to_dict()))
        out.append(run(lambda: service.exposure(store, center, max_hops=3, as_of="2025-06",
                                                directed=True).to_dict()))
    for _ in range(12):
        a, b = rng.sample(ids, 2)
        out.append(run(lambda: service.path(store, a, b, max_hops=5, k=3).to_dict()))
    out.append(sorted(json.dumps(e.to_dict(), sort_keys=True) for e in data.entities.values()))
    out.append(sorted(json.dumps(r.to_dict(), sort_keys=True) for r in data.relations))
    return out


def test_parquet_copy_answers_like_the_yaml_seeds(store_for, parquet_seeds):
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore

    expected = answers(MemoryStore(load_dataset(SEEDS)))
    got = answers(store_for(parquet_seeds))
    assert got == expected
    paths = [a for a in expected if isinstance(a, dict) and "found" in a]
    assert sum(p["found"] > 0 for p in paths) >= 6      # real answers were compared
    assert len(expected[-1]) == 102
