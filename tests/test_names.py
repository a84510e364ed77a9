"""The name index (graph/names.py) gives exactly the ranking of scoring every
label with graph.resolve.score, without looking at every label."""

from __future__ import annotations

import os
import random

import pytest

from graph.loader import load_dataset
from graph.names import NameIndex
from graph.resolve import rank
from graph.store.memory import MemoryStore

from conftest import MINI, SEEDS, require


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


def test_without_numpy_fuzzy_matching_scans_the_window(tmp_path, monkeypatch):
    """numpy is optional: without it no posting lists are built or cached and
    fuzzy matches come from scoring the whole length window, ranked the same."""
    import graph.names as names
    from benchmarks.generate import generate

    monkeypatch.setattr(names, "has_numpy", lambda: False)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "gen"
    generate(folder, 600, seed=9)
    MemoryStore.from_folder(folder)
    warm = MemoryStore.from_folder(folder)
    assert warm.names.trigrams is None
    assert _same_as_brute_force(warm, _queries(warm, random.Random(9), 6), limits=(20,)) > 0


@pytest.mark.parametrize("probe", [2, 16])
def test_trigram_pruning_ranks_like_scoring_every_label(tmp_path, monkeypatch, probe):
    """With few labels probed first, the trigram bound prunes most of the
    window and the answers stay those of scoring every label (through the
    cache too, where the posting lists are read block by block)."""
    import graph.names as names
    from benchmarks.generate import generate

    require(names.has_numpy(), "numpy is not installed (the trigram pruning needs it)")
    monkeypatch.setattr(names, "PROBE", probe)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "gen"
    generate(folder, 3000, seed=6)
    MemoryStore.from_folder(folder)
    warm = MemoryStore.from_folder(folder)
    scored: list[int] = []
    real = names.NameIndex._score

    def counting(self, q, labels, skip, cutoff):
        scored.append(len(labels))
        return real(self, q, labels, skip, cutoff)

    monkeypatch.setattr(names.NameIndex, "_score", counting)
    queries = _queries(warm, random.Random(7), 15)
    assert _same_as_brute_force(warm, queries, limits=(20, 5)) > 5
    from graph.resolve import normalize

    window = sum(hi - lo for lo, hi in map(warm.names._window, map(normalize, queries)))
    print(sum(scored), 2 * window)
    assert 0 < sum(scored) < 2 * window * 0.8     # two limits a query: fewer labels than full scans


def test_shared_trigrams_bound_holds_for_every_fuzzy_match():
    """shared_needed never exceeds the trigrams a label reaching the ratio shares."""
    from rapidfuzz import fuzz

    from graph.names import shared_needed, trigram_codes

    rng = random.Random(11)
    alphabet = "abcde fgé中"
    for _ in range(3000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 14)))
        b = list(a)
        for _ in range(rng.randint(0, 4)):
            op = rng.randrange(3)
            at = rng.randrange(len(b) + 1)
            if op == 0:
                b.insert(at, rng.choice(alphabet))
            elif b and at < len(b):
                if op == 1:
                    del b[at]
                else:
                    b[at] = rng.choice(alphabet)
        label = "".join(b)
        ratio = fuzz.ratio(a, label) / 100
        need = shared_needed(a, len(label), ratio)
        assert need is not None
        both = set(trigram_codes(a.encode())) & set(trigram_codes(label.encode()))
        assert len(both) >= need, (a, label, ratio, need)


def _typo(store: MemoryStore) -> str:
    """A misspelt name (two letters swapped, one added): a fuzzy query."""
    query = next(e.name for e in store.data.entities.values() if len(e.name) > 12)
    return query[:4] + query[5] + query[4] + query[6:] + "x"


def test_damaged_posting_lists_are_caught_and_answers_stay_right(tmp_path, monkeypatch, capsys):
    """A flipped byte in the kept trigram posting list a query reads is caught
    before the list is used; the damage is reported once, the trigram file
    (not the entry) made again, and the query answered right."""
    import graph.cache as cache_mod
    import graph.names as names
    from benchmarks.generate import generate
    from graph.resolve import normalize

    require(names.has_numpy(), "numpy is not installed (the trigram pruning needs it)")
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    monkeypatch.setattr(names, "PROBE", 8)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "gen"
    generate(folder, 3000, seed=8)
    MemoryStore.from_folder(folder)
    (entry,) = (tmp_path / "cache").glob("*.kgc")
    probe = MemoryStore.from_folder(folder)
    typo = _typo(probe)
    probe.find(typo, 20)                        # builds and keeps the posting lists
    (side,) = (tmp_path / "cache").glob("*.kgt")
    tri = probe.names.trigrams
    code = names.trigram_codes(normalize(typo).encode())[3]
    i = [*tri.codes].index(code)
    _, columns = cache_mod.open_entry(side)
    base = columns()[0]
    arr = base("tri.label")
    # Where in the file the posting list of one of the typo's trigrams starts.
    at = len(cache_mod.MAGIC) + arr.buffers()[1].address - base.body.address + 4 * tri.offsets[i]
    del arr, base, columns, tri, probe
    data = bytearray(side.read_bytes())
    data[at] ^= 0x01
    side.write_bytes(bytes(data))
    entry_bytes = entry.read_bytes()
    capsys.readouterr()
    built = len(names.BUILDS)
    store = MemoryStore.from_folder(folder)
    assert _same_as_brute_force(store, [typo], limits=(20, 5)) >= 0
    err = capsys.readouterr().err
    assert err.count("is damaged") == 1 and "tri.label" in err and ".kgt" in err
    assert len(names.BUILDS) == built + 1 and side.read_bytes() != bytes(data)
    assert entry.read_bytes() == entry_bytes            # the entry was not rebuilt
    again = MemoryStore.from_folder(folder)
    assert _same_as_brute_force(again, [typo], limits=(20,)) >= 0
    assert len(names.BUILDS) == built + 1 and capsys.readouterr().err == ""


def test_posting_lists_are_built_by_the_first_fuzzy_lookup_not_by_edits(tmp_path, monkeypatch):
    """Loading and writing the cache (the first load, and the load after a
    one-file edit) build no posting lists; the first fuzzy lookup that needs
    them builds them into their own file, later processes reuse it, and the
    ranking is a full scan's whether the file exists, is stale or is gone."""
    import graph.names as names
    from benchmarks.generate import generate

    require(names.has_numpy(), "numpy is not installed (the trigram pruning needs it)")
    monkeypatch.setattr(names, "PROBE", 8)
    monkeypatch.setattr(names, "BUILDS", [])
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    folder = tmp_path / "gen"
    generate(folder, 3000, seed=12)
    first = MemoryStore.from_folder(folder)
    assert names.BUILDS == [] and not list(cache.glob("*.kgt"))
    typo = _typo(first)
    assert _same_as_brute_force(first, [typo], limits=(20,)) >= 0   # fresh index: a scan
    assert names.BUILDS == [] and not list(cache.glob("*.kgt"))

    warm = MemoryStore.from_folder(folder)
    queries = [typo, *_queries(warm, random.Random(13), 4)]
    assert _same_as_brute_force(warm, queries, limits=(20, 5)) > 0
    assert len(names.BUILDS) == 1 and len(list(cache.glob("*.kgt"))) == 1
    (side,) = cache.glob("*.kgt")
    kept = side.read_bytes()
    assert _same_as_brute_force(MemoryStore.from_folder(folder), queries, (20, 5)) > 0
    assert len(names.BUILDS) == 1                            # read, not built again

    # An edit: a small YAML file beside the others, with a name near the typo.
    (folder / "zz-edit.yaml").write_text(
        "entities:\n  - {id: edit-1, type: firm, name: \"%s\"}\n" % typo[:-1].replace('"', ""),
        encoding="utf-8")
    edited = MemoryStore.from_folder(folder)                 # through the parts
    assert len(names.BUILDS) == 1 and side.read_bytes() == kept
    assert _same_as_brute_force(edited, queries, limits=(20,)) > 0
    assert len(names.BUILDS) == 1
    after = MemoryStore.from_folder(folder)                  # the stale file is not used
    assert any(m.entity.id == "edit-1" for m in after.find(typo, 5))
    assert len(names.BUILDS) == 2 and side.read_bytes() != kept
    assert _same_as_brute_force(after, queries, limits=(20, 5)) > 0

    side.unlink()                                            # gone: made again
    assert _same_as_brute_force(MemoryStore.from_folder(folder), queries, (20, 5)) > 0
    assert len(names.BUILDS) == 3 and side.exists()


def test_trigram_file_is_pruned_with_its_entry(tmp_path, monkeypatch):
    """The trigram file counts in the cache's size and goes with its entry:
    a write that prunes to a tiny bound keeps the entry, its parts and its
    trigram file; clearing the cache removes it too."""
    import graph.cache as cache_mod
    import graph.names as names
    from benchmarks.generate import generate

    require(names.has_numpy(), "numpy is not installed (the trigram pruning needs it)")
    monkeypatch.setattr(names, "PROBE", 8)
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    folder = tmp_path / "gen"
    generate(folder, 1500, seed=14)
    MemoryStore.from_folder(folder)
    warm = MemoryStore.from_folder(folder)
    warm.find(_typo(warm), 20)
    (side,) = cache.glob("*.kgt")
    assert side in [e.path for e in cache_mod.entries(cache)]
    (cache / "other.kgc").write_bytes(b"x" * 1000)       # another folder's entry, older
    os.utime(cache / "other.kgc", (1, 1))
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "1")
    (folder / "zz.yaml").write_text("entities:\n  - {id: zz-1, type: firm, name: Zed}\n",
                                    encoding="utf-8")
    MemoryStore.from_folder(folder)                        # a write, then pruning
    assert side.exists() and not (cache / "other.kgc").exists()
    assert any(cache.glob("*.kgc")) and any(cache.glob("*.kgp"))
    cache_mod.clear(cache)
    assert not side.exists() and not any(cache.iterdir())


_FINDER = """
import sys
import graph.names as names
from graph.store.memory import MemoryStore
names.PROBE = 8
folder, query, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
first = None
for _ in range(rounds):
    got = [(m.entity.id, m.score) for m in MemoryStore.from_folder(folder).find(query, 20)]
    assert first is None or got == first, (got, first)
    first = got
print("ok", len(names.BUILDS) > 0)
"""


def test_concurrent_finds_leave_a_good_trigram_file(tmp_path, monkeypatch):
    """Three processes find a typo again and again, each building (or reading)
    the trigram file while a name is edited: none fails, answers are those of
    a full scan at the end, and the file left is intact."""
    import subprocess
    import sys

    import graph.cache as cache_mod
    import graph.names as names
    from benchmarks.generate import generate
    from conftest import ROOT

    require(names.has_numpy(), "numpy is not installed (the trigram pruning needs it)")
    cache = tmp_path / "cache"
    folder = tmp_path / "gen"
    generate(folder, 1500, seed=16)
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    monkeypatch.setattr(names, "PROBE", 8)
    store = MemoryStore.from_folder(folder)
    typo = _typo(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _FINDER, str(folder), typo, "4"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
             for _ in range(3)]
    for i in range(3):
        (folder / "zz.yaml").write_text(
            f"entities:\n  - {{id: zz-1, type: firm, name: Zed {i}}}\n", encoding="utf-8")
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.decode().startswith("ok"), err.decode()
    MemoryStore.from_folder(folder)
    final = MemoryStore.from_folder(folder)
    assert _same_as_brute_force(final, [typo], limits=(20, 5)) >= 0
    (side,) = cache.glob("*.kgt")
    header, columns = cache_mod.open_entry(side)
    column, _ = columns()
    for name in header["sections"]:
        column(name)                        # raises Damaged if not intact
