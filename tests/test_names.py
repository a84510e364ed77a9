"""The name index (graph/names.py) gives exactly the ranking of scoring every
label with graph.resolve.score, without looking at every label."""

from __future__ import annotations

import random

import pytest

from graph.loader import load_dataset
from graph.names import NameIndex
from graph.resolve import rank
from graph.store.memory import MemoryStore

from conftest import MINI, SEEDS


def _queries(store: MemoryStore, rng: random.Random, n: int) -> list[str]:
    ents = list(store.data.entities.values())
    labels = [label for e in rng.sample(ents, min(n, len(ents))) for label in (e.id, *e.labels())]
    out = ["", " ", "a", "ch", "中", "ｍｏｔ", "xyzzy-no-such-thing", "Japan’s"]
    for label in labels:
        out += [label, label.upper(), label[:-1], label[1:], label[: max(1, len(label) // 2)],
                label[len(label) // 3: 2 * len(label) // 3]]
        if len(label) > 3:
            i = rng.randrange(len(label) - 1)
            out.append(label[:i] + label[i + 1] + label[i] + label[i + 2:])
            out.append(label[:i] + "x" + label[i + 1:])
    return out


def _same_as_brute_force(store: MemoryStore, queries: list[str], limits=(20, 5, None)) -> int:
    entities = list(store.data.entities.values())
    fuzzy = 0
    for q in queries:
        for limit in limits:
            want = [m.to_dict() for m in rank(q, entities, limit)]
            got = [m.to_dict() for m in store.find(q, limit)]
            assert got == want, (q, limit)
            fuzzy += any(m["score"] < 60 for m in want)
    return fuzzy


@pytest.mark.parametrize("folder", [MINI, SEEDS])
def test_index_ranks_like_scoring_every_label(folder):
    store = MemoryStore(load_dataset(folder))
    fuzzy = _same_as_brute_force(store, _queries(store, random.Random(3), 40))
    assert fuzzy > 5          # fuzzy matches were really compared


def test_index_on_a_generated_folder_and_through_the_cache(tmp_path, monkeypatch):
    from benchmarks.generate import generate

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "gen"
    generate(folder, 3000, seed=4)
    cold = MemoryStore.from_folder(folder)
    warm = MemoryStore.from_folder(folder)
    assert warm.names is not cold.names and warm.names.blob == cold.names.blob
    queries = _queries(warm, random.Random(5), 12)
    assert _same_as_brute_force(warm, queries, limits=(20, None)) > 5


def test_exact_and_resolve_use_the_index():
    store = MemoryStore(load_dataset(MINI))
    brute = {e.id for e in store.data.entities.values()
             if "xeno chips" in [label.casefold() for label in (e.id, *e.labels())]}
    assert [e.id for e in store.exact("  XENO   chips ")] == sorted(brute) == ["firm-x"]
    assert store.resolve("Xeno Chips").id == "firm-x"


def test_ranking_rules_on_the_shipped_seeds_are_unchanged():
    """Results the README shows and strategists rely on."""
    store = MemoryStore(load_dataset(SEEDS))
    top = store.find("softbank", 3)
    assert top[0].entity.id == "softbank-group" and top[0].field in ("id", "name", "alias")
    assert store.resolve("SoftBank Group").id == "softbank-group"
    assert store.find("Softbnak Group", 1)[0].entity.id == "softbank-group"   # fuzzy


def test_empty_index():
    index = NameIndex.build([])
    assert len(index) == 0 and index.search("x", 20) == {} and index.texts() == []
