"""The on-disk cache of loaded seed folders (graph/cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph import cache as cache_mod
from graph import parts as parts_mod
from graph.cache import GraphCache, cache_dir
from graph.loader import load_rows as load_dataset  # the row builder: the truth a load is held to
from graph.seedio import seed_files
from graph.store.memory import MemoryStore

from conftest import MINI, ROOT

# The side files kept beside a folder's entry (graph/parts.py: <entry>.<side>.kgp).
SIDES = ("entities", "index", "names", "relations", "sources")


@pytest.fixture
def seeds(tmp_path) -> Path:
    import shutil
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


def loads(monkeypatch) -> list[str]:
    """Record every real (uncached) load of a folder: a cold one, or one
    through the per-file parts (counted once, also when it falls back)."""
    import graph.builder as builder
    import graph.loader as loader
    import graph.parts as parts
    calls: list[str] = []
    inside: list[int] = []
    real, real_parts, real_rows = loader.load_dataset, parts.load_parts, builder.load_rows

    def counting(folder, *a, **kw):
        return nested(real, folder, *a, **kw)

    def counting_parts(folder, *a, **kw):
        return nested(real_parts, folder, *a, **kw)

    def counting_rows(folder, *a, **kw):
        return nested(real_rows, folder, *a, **kw)

    def nested(load, folder, *a, **kw):
        # A cold load goes through the parts too: one load, counted once.
        if not inside:
            calls.append(str(folder))
        inside.append(1)
        try:
            return load(folder, *a, **kw)
        finally:
            inside.pop()

    monkeypatch.setattr(loader, "load_dataset", counting)
    monkeypatch.setattr(parts, "load_parts", counting_parts)
    monkeypatch.setattr(builder, "load_rows", counting_rows)
    return calls


def same(a, b) -> None:
    assert a.entities == b.entities
    assert a.relations == b.relations
    assert a.sources == b.sources
    assert a.schema == b.schema


def same_store(store, truth) -> None:
    """Every part of a store (facts, adjacency, name index) as a fresh build has it."""
    from graph.bulk import count_values
    from graph.csr import Index
    from graph.names import NameIndex

    fresh = Index.build(truth)
    # kg stats's parts kept apart (counts by type, the degree ranking) first:
    # before the columns they summarise are read.
    for table in ("entities", "relations"):
        assert count_values(getattr(store.data, table), "type") == \
            count_values(getattr(truth, table), "type"), table
    assert list(store.index.ranked()) == list(fresh.ranked())
    same(store.data, truth)
    for name in ("ids", "inc_off", "inc", "inc_other", "nbr_off", "nbr"):
        assert list(getattr(store.index, name)) == list(getattr(fresh, name)), name
    assert store.index.components() == fresh.components()
    names = NameIndex.build(truth.entities.values())
    assert (store.names.blob, list(store.names.rows)) == (names.blob, list(names.rows))
    first = next(iter(truth.entities.values()))
    assert [m.entity.id for m in store.find(first.name)] == \
        [m.entity.id for m in store.find(first.name)]
    assert store.entity(first.id) == first


def test_cache_dir_order(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "a"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kg-explorer" / "graphs"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "kg-explorer" / "graphs"


def test_second_load_is_a_hit_with_identical_data(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    first = MemoryStore.from_folder(seeds)
    assert len(calls) == 1
    files = list(cache_env.iterdir())
    # The folder's entry, one part per seed file (graph/parts.py) and the
    # entry's side files (<entry>.index.kgp, .names.kgp, .sources.kgp).
    assert sorted(p.suffix for p in files) == \
        [".kgc"] + [".kgp"] * (len(seed_files(seeds)) + len(SIDES))
    assert sorted(p.name.split(".", 1)[1] for p in files if p.name.count(".") == 2) == \
        [f"{side}.kgp" for side in SIDES]
    assert not any(p.suffix in (".kgc", ".kgp") for p in seeds.rglob("*"))  # outside the folder
    second = MemoryStore.from_folder(seeds)
    assert len(calls) == 1                       # no second parse
    same(first.data, second.data)
    assert second.index.ids == first.index.ids
    assert [p.ids for p in second.paths("fund-a", "firm-x")] == \
        [p.ids for p in first.paths("fund-a", "firm-x")]


def test_content_change_invalidates_even_with_same_size_and_mtime(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds)
    path = seeds / "firms.csv"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Xeno Chips", "Xeno Chipz")
    assert len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))   # stat looks unchanged
    store = MemoryStore.from_folder(seeds)
    assert len(calls) == 2
    assert store.entity("firm-x").name == "Xeno Chipz"


def test_new_or_removed_file_invalidates(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds)
    (seeds / "more.yaml").write_text("entities:\n  - {id: extra, type: firm, name: Extra}\n",
                                     encoding="utf-8")
    assert "extra" in MemoryStore.from_folder(seeds).data.entities
    (seeds / "more.yaml").unlink()
    assert "extra" not in MemoryStore.from_folder(seeds).data.entities
    assert len(calls) == 3


def test_version_change_invalidates(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds)
    monkeypatch.setattr(cache_mod, "__version__", graph.__version__ + ".dev1")
    MemoryStore.from_folder(seeds)
    assert len(calls) == 2


def test_strict_flag_has_its_own_entry(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds, strict=False)
    MemoryStore.from_folder(seeds, strict=True)
    assert len(calls) == 2
    MemoryStore.from_folder(seeds, strict=True)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", "half", "one-byte-short"])
def test_damaged_entry_is_reported_once_deleted_and_rebuilt(seeds, cache_env, monkeypatch,
                                                              capsys, damage):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    data = cached.read_bytes()
    cached.write_bytes(data[: len(data) // 2] if damage == "half"
                       else data[:-1] if damage == "one-byte-short" else damage)
    capsys.readouterr()
    store = MemoryStore.from_folder(seeds)
    assert len(calls) == 2
    err = capsys.readouterr().err
    assert err.count("is damaged") == 1 and "deleted, rebuilding it" in err
    same(store.data, load_dataset(seeds))
    MemoryStore.from_folder(seeds)               # rewritten: a hit again, nothing said
    assert len(calls) == 2
    assert capsys.readouterr().err == ""


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_every_flipped_byte_is_detected_and_rebuilt_with_the_right_facts(seeds, cache_env,
                                                                          monkeypatch, capsys):
    """A flip anywhere (magic, header, padding of a section, any table) never
    changes an answer: the entry is refused and rebuilt."""
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    good = cached.read_bytes()
    header, _ = cache_mod.open_entry(cached)
    body = len(cache_mod.MAGIC)
    trailer = len(good) - cache_mod._TRAILER - len(cache_mod.MAGIC)
    head = trailer - int.from_bytes(good[trailer:trailer + 8], "little")
    offsets = sorted({0, 7, 9, head - 1, head, (head + trailer) // 2, trailer - 1, trailer,
                      trailer + 9, len(good) - 1, len(good) // 3, len(good) // 2,
                      *(body + s[0] + s[1] // 2 for s in header["sections"].values()),
                      *(body + s[0] - 1 for s in header["sections"].values() if s[0])})
    truth = load_dataset(seeds)
    calls = loads(monkeypatch)
    for at in offsets:
        if at >= len(good):
            continue
        cached.write_bytes(good)
        _flip(cached, at)
        if cached.read_bytes() == good:
            continue
        capsys.readouterr()
        store = MemoryStore.from_folder(seeds)
        same_store(store, truth)
        assert "is damaged" in capsys.readouterr().err
    assert len(calls) >= len(offsets) - 1


def test_a_flipped_fact_byte_never_reaches_an_answer(seeds, cache_env, monkeypatch, capsys):
    """The issue's case: one byte of a country code flipped inside a valid entry."""
    MemoryStore.from_folder(seeds)
    truth = load_dataset(seeds)
    country = next(e.country for e in truth.entities.values() if e.country)
    # In the folder's entry, or in the part of a seed file it refers to.
    cached = next(p for p in sorted(cache_env.iterdir()) if country.encode() in p.read_bytes())
    data = bytearray(cached.read_bytes())
    at = data.rfind(country.encode())
    assert at > 0
    data[at] = ord("A") if data[at] != ord("A") else ord("B")
    cached.write_bytes(bytes(data))
    store = MemoryStore.from_folder(seeds)
    same(store.data, truth)                      # the country column is checked when first read
    assert "checksum mismatch" in capsys.readouterr().err


_PLANT = r"""
import os, pickle, struct, sys
class Boom:
    def __reduce__(self):
        return (os.system, ("touch " + sys.argv[2],))
payload = pickle.dumps(Boom())
open(sys.argv[1], "wb").write(b"kg-explorer-cache\n" + payload + payload)
"""


@pytest.mark.parametrize("magic", ["old", "ours"])
def test_planted_pickle_is_never_executed(seeds, cache_env, tmp_path, run_kg, magic):
    run_kg("stats", "--seeds", seeds)
    (cached,) = cache_env.glob("*.kgc")
    marker = tmp_path / "PWNED"
    subprocess.run([sys.executable, "-c", _PLANT, str(cached), str(marker)], check=True)
    if magic == "ours":     # our magic around the pickle, with a plausible trailer
        body = cached.read_bytes()
        cached.write_bytes(cache_mod.MAGIC + body + (len(body)).to_bytes(8, "little")
                           + b"\0" * 32 + cache_mod.MAGIC)
    result = run_kg("stats", "--seeds", seeds)
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    # The old pickle-based format's file name is cleaned up, never read.
    legacy = cache_env / (cached.stem + ".pickle")
    subprocess.run([sys.executable, "-c", _PLANT, str(legacy), str(marker)], check=True)
    assert run_kg("stats", "--seeds", seeds).exit_code == 0
    assert not marker.exists()
    cache_mod.prune(cache_env)
    assert not legacy.exists()


def test_no_pickle_anywhere_in_the_cache_code():
    for name in ("cache.py", "columns.py", "bulk.py"):
        text = (ROOT / "graph" / name).read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle." not in text


def test_no_cache_bypasses_reading_and_writing(seeds, cache_env, monkeypatch):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds, use_cache=False)
    assert not cache_env.exists() or not any(cache_env.iterdir())
    MemoryStore.from_folder(seeds)
    MemoryStore.from_folder(seeds, use_cache=False)
    assert len(calls) == 3


def test_cli_no_cache_option(seeds, cache_env, run_kg):
    result = run_kg("stats", "--seeds", seeds, "--no-cache")
    assert result.exit_code == 0, result.output
    assert not cache_env.exists() or not any(cache_env.iterdir())
    result = run_kg("path", "fund-a", "firm-x", "--seeds", seeds)
    assert result.exit_code == 0, result.output
    assert len(list(cache_env.glob("*.kgc"))) == 1
    cached = run_kg("path", "fund-a", "firm-x", "--seeds", seeds)
    assert cached.output == result.output


def test_invalid_folder_is_never_cached(write_seeds, cache_env, run_kg):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: frim, name: A}\n"})
    for _ in range(2):
        result = run_kg("stats", "--seeds", folder)
        assert result.exit_code == 1
        assert result.output.startswith("Error: ")
    # No entry for the folder (a file's part holds only rows that passed the
    # file's own checks: the folder's are made again each load).
    assert not cache_env.exists() or not any(cache_env.glob("*.kgc"))


_WRITER = """
import sys
from graph.cache import GraphCache
from graph.loader import load_dataset
from graph.seedio import seed_files
from graph.store.memory import MemoryStore
store = MemoryStore(load_dataset(sys.argv[1]))
for _ in range(int(sys.argv[2])):
    assert GraphCache(sys.argv[1], False).write(store.data, store.index, store.names)
print("ok")
"""


def test_concurrent_writers_never_expose_a_partial_file(seeds, cache_env, monkeypatch):
    """Two processes rewrite the cache entry over and over while this one keeps
    reading it: every read sees a complete, intact entry, and the last one is a hit."""
    env = {**os.environ, "KG_CACHE_DIR": str(cache_env), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(seeds), "150"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
             for _ in range(2)]
    target = GraphCache(seeds, False).path
    complete = 0
    while any(p.poll() is None for p in procs):
        try:
            header, columns = cache_mod.open_entry(target)
        except FileNotFoundError:
            continue
        column, _ = columns()                        # raises Damaged if not intact
        assert len(column("relations.id")) == len(column("relations.type")) > 0
        complete += 1
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        assert out.decode().strip() == "ok"
    assert complete > 0
    assert not list(cache_env.glob("*.tmp"))         # no temp files left behind
    calls = loads(monkeypatch)
    store = MemoryStore.from_folder(seeds)
    assert calls == []
    same(store.data, load_dataset(seeds))


def test_concurrent_cold_kg_runs_agree_and_leave_a_good_entry(seeds, cache_env):
    env = {**os.environ, "KG_CACHE_DIR": str(cache_env), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "cli", "path", "fund-a", "firm-x", "--seeds", str(seeds),
           "--format", "json"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=ROOT) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e.decode() for _, e in outs]
    assert len({o for o, _ in outs}) == 1
    assert all(e == b"" for _, e in outs)
    (entry,) = cache_env.glob("*.kgc")
    header, columns = cache_mod.open_entry(entry)
    column, kinds = columns()
    for name in kinds:
        column(name)                                 # raises Damaged if not intact
    warm = subprocess.run(cmd, env=env, capture_output=True, cwd=ROOT)
    assert warm.stdout == outs[0][0] and warm.stderr == b""


def test_prune_drops_least_recently_used_first(tmp_path, cache_env, write_seeds):
    folders = [write_seeds({"a.yaml": f"entities:\n  - {{id: e{i}, type: firm, name: E{i}}}\n"},
                           folder=f"s{i}") for i in range(3)]
    for i, f in enumerate(folders):
        MemoryStore.from_folder(f)
        os.utime(GraphCache(f, False).path, (1000 + i, 1000 + i))
    MemoryStore.from_folder(folders[0])          # a hit: now the most recently used
    sizes = {e.path: e.size for e in cache_mod.entries(cache_env)}
    # entries, parts and the entries' side files
    assert sorted(p.suffix for p in sizes) == [".kgc"] * 3 + [".kgp"] * (3 + 3 * len(SIDES))
    assert sum(p.name.count(".") == 2 for p in sizes) == 3 * len(SIDES)
    oldest = GraphCache(folders[1], False).path
    header, _ = cache_mod.open_entry(oldest)
    its_parts = {cache_env / piece[0] for _, pieces in header["refs"].values() for piece in pieces}
    assert its_parts        # the entry refers to its part's columns
    # Its parts are older than the entry, yet go with it, not before others;
    # so do the entries' trigram files (graph.names), whatever their times.
    sides = [GraphCache(f, False).trigram_path for f in folders[:2]]
    for p in sides:
        p.write_bytes(b"trigrams")
    for p in [*its_parts, *sides]:
        os.utime(p, (10, 10))
    total = sum(e.size for e in cache_mod.entries(cache_env))
    removed = cache_mod.prune(cache_env, total - 1)
    assert [e.path for e in removed] == [oldest, *sorted(its_parts), sides[1]]
    assert GraphCache(folders[0], False).path.exists() and sides[0].exists()


def test_prune_never_leaves_an_entry_without_its_parts(tmp_path, cache_env, write_seeds,
                                                       monkeypatch, capsys):
    """A bound that fits one folder's files: writing the second folder's
    entry removes the first folder's entry together with its parts (never the
    parts alone), and loading the first folder again is a plain miss, with no
    damage reported."""
    folders = [write_seeds({"a.yaml": f"entities:\n  - {{id: e{i}, type: firm, name: E{i}}}\n",
                            "b.yaml": f"entities:\n  - {{id: f{i}, type: firm, name: F{i}}}\n"},
                           folder=f"s{i}") for i in range(2)]
    MemoryStore.from_folder(folders[0])
    one = sum(e.size for e in cache_mod.entries(cache_env))
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", str(one + one // 2))
    MemoryStore.from_folder(folders[1])
    left = {e.path.suffix for e in cache_mod.entries(cache_env)}
    # one entry, its two parts and its side files
    assert left == {".kgc", ".kgp"} and len(cache_mod.entries(cache_env)) == 3 + len(SIDES)
    assert not GraphCache(folders[0], False).path.exists()
    capsys.readouterr()
    store = MemoryStore.from_folder(folders[0])
    assert "damaged" not in capsys.readouterr().err
    assert set(store.data.entities) == {"e0", "f0"}


def test_writes_prune_to_the_size_bound(tmp_path, cache_env, write_seeds, monkeypatch):
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "1")
    for i in range(3):
        f = write_seeds({"a.yaml": f"entities:\n  - {{id: e{i}, type: firm, name: E{i}}}\n"},
                        folder=f"s{i}")
        MemoryStore.from_folder(f)
        kept = [e.path for e in cache_mod.entries(cache_env)]
        # The entry just written, and the parts it refers to (no other folder's).
        assert [p for p in kept if p.suffix == ".kgc"] == [GraphCache(f, False).path]
        header, _ = cache_mod.open_entry(GraphCache(f, False).path)
        assert {p.name for p in kept if p.suffix == ".kgp"} == \
            {piece[0] for _, pieces in header["refs"].values() for piece in pieces}


def test_cli_cache_path_clear_prune(seeds, cache_env, run_kg):
    result = run_kg("cache", "path")
    assert result.exit_code == 0 and result.output.strip() == str(cache_env)
    assert run_kg("stats", "--seeds", seeds).exit_code == 0
    (entry,) = cache_env.glob("*.kgc")
    result = run_kg("cache", "prune")
    assert result.exit_code == 0 and result.output.startswith("removed 0 entries")
    result = run_kg("cache", "prune", "--max-bytes", "0", "--format", "json")
    assert result.exit_code == 0
    import json
    removed = [r["path"] for r in json.loads(result.output)["removed"]]
    # and its parts and side files
    assert str(entry) in removed and len(removed) == 1 + len(SIDES) + len(seed_files(seeds))
    assert not entry.exists()
    run_kg("stats", "--seeds", seeds)
    result = run_kg("cache", "clear")
    assert result.exit_code == 0
    assert result.output.startswith(f"removed {1 + len(SIDES) + len(seed_files(seeds))} entries")
    assert not list(cache_env.glob("*.kgc"))


def _flip_in_section(entry: Path, name: str) -> None:
    """Flip a byte of a column: in the entry, or, when the entry refers to the
    seed files' parts for it, in the last part's copy."""
    header, _ = cache_mod.open_entry(entry)
    if name in header.get("refs", {}):
        part = entry.parent / header["refs"][name][1][-1][0]
        return _flip_in_section(part, name)
    off, length = header["sections"][name][:2]
    _flip(entry, len(cache_mod.MAGIC) + off + length // 2)


def test_a_lazily_read_column_is_checked_at_first_use_and_answers_stay_right(
        seeds, cache_env, monkeypatch, capsys):
    """A flip inside a column that is read only when a query needs it (the
    relations' evidence) is not seen at open, is caught when first used,
    reported once, and the values come from a fresh load; the entry is rebuilt."""
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    _flip_in_section(cached, "relations.evidence")
    truth = load_dataset(seeds)
    calls = loads(monkeypatch)
    store = MemoryStore.from_folder(seeds)
    assert calls == [] and capsys.readouterr().err == ""     # not read yet: not checked yet
    assert [r.evidence for r in store.data.relations] == [r.evidence for r in truth.relations]
    err = capsys.readouterr().err
    assert err.count("is damaged") == 1 and "checksum mismatch in relations.evidence" in err
    assert len(calls) == 1
    same(store.data, truth)
    assert capsys.readouterr().err == ""                     # reported once only
    again = MemoryStore.from_folder(seeds)                   # the rebuilt entry: a clean hit
    same(again.data, truth)
    assert len(calls) == 1 and capsys.readouterr().err == ""


def test_every_lazily_read_column_is_checked(seeds, cache_env, monkeypatch, capsys):
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    good = {p: p.read_bytes() for p in cache_env.iterdir()}     # the entry and its parts
    header, _ = cache_mod.open_entry(cached)
    truth = load_dataset(seeds)
    assert header["refs"]
    for name in [*header["sections"], *header["refs"]]:
        for p, raw in good.items():
            p.write_bytes(raw)
        _flip_in_section(cached, name)
        capsys.readouterr()
        same_store(MemoryStore.from_folder(seeds), truth)
        assert f"checksum mismatch in {name}" in capsys.readouterr().err, name


def test_a_warm_hit_looks_ids_up_by_bisection_then_by_dict(seeds, cache_env, monkeypatch):
    """Ids resolve the same through the cached index's bisection and, past the
    lookup budget, its dict; unknown ids (even ones sorting first or last) miss."""
    import graph.columns as columns
    from graph.csr import Index

    truth = load_dataset(seeds)
    fresh = Index.build(truth)
    MemoryStore.from_folder(seeds)
    monkeypatch.setattr(columns, "BISECT_LOOKUPS", len(truth.entities) + 3)
    store = MemoryStore.from_folder(seeds)
    for i, entity_id in enumerate(truth.entities):
        assert store.index.pos[entity_id] == fresh.pos[entity_id]
        assert store.data.entities[entity_id] == truth.entities[entity_id]
    for missing in ("", "\0", "\U0010ffff", "zzzz-not-there", 3):
        assert missing not in store.data.entities
        assert store.data.entities.get(missing) is None
    assert store.index.pos._dict is not None          # the budget ran out: a dict now
    assert list(store.data.entities) == list(truth.entities)


def _text_at(entry: Path, name: str, row: int) -> int:
    """Where in the entry file the text of ``row`` of the text column ``name`` starts."""
    header, columns = cache_mod.open_entry(entry)
    body = columns()[0]
    arr = body(name)
    offsets = memoryview(arr.buffers()[1]).cast("i")
    return len(cache_mod.MAGIC) + arr.buffers()[2].address - body.body.address + offsets[row]


@pytest.fixture
def long_seeds(seeds) -> Path:
    """The mini folder with 60 more relations of 300 characters of evidence each."""
    lines = ["relations:"] + [
        f"  - {{id: r-long-{i:02d}, from: firm-x, type: operates_in, to: sector-s, "
        f"evidence: \"{'Long evidence %02d. ' % i * 16}\"}}" for i in range(60)]
    (seeds / "long.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seeds


@pytest.fixture
def whole_entry(monkeypatch) -> None:
    """The entry holding every column (as the general route writes it); a
    column kept in the parts is checked block by block the same way there
    (tests/test_cache_parts.py)."""
    monkeypatch.setattr(parts_mod, "REFER", False)


@pytest.mark.usefixtures("whole_entry")
def test_a_large_column_is_checked_block_by_block(long_seeds, cache_env, monkeypatch, capsys):
    """A large text column is checked a block at a time, as rows are read: a
    flip in the block of one relation's evidence is not seen while other
    blocks are read, is caught before that relation's evidence is used, and
    the value comes from a fresh load (the entry is deleted and rebuilt)."""
    seeds = long_seeds
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    header, _ = cache_mod.open_entry(cached)
    assert len(header["sections"]["relations.evidence"][5]) >= 4
    truth = load_dataset(seeds)
    begin, blocks = header["sections"]["relations.evidence"][4:6]

    def block_of(row: int) -> int:
        at = _text_at(cached, "relations.evidence", row) + 1
        return (at - len(cache_mod.MAGIC) - begin) // 4096

    # A row in a middle block (the first and last are checked at open), not row 0's.
    last = next(r for r in range(len(truth.relations)) if truth.relations[r].evidence
                and block_of(r) not in (0, len(blocks) - 1, block_of(0)))
    _flip(cached, _text_at(cached, "relations.evidence", last) + 1)
    calls = loads(monkeypatch)
    store = MemoryStore.from_folder(seeds)
    rels = store.data.relations
    assert rels[0].evidence == truth.relations[0].evidence       # another block: fine
    assert calls == [] and capsys.readouterr().err == ""
    assert rels[last].evidence == truth.relations[last].evidence  # the damaged block
    err = capsys.readouterr().err
    assert err.count("is damaged") == 1 and "relations.evidence, block" in err
    assert len(calls) == 1
    same(store.data, truth)
    again = MemoryStore.from_folder(seeds)                   # the rebuilt entry: a clean hit
    same(again.data, truth)
    assert len(calls) == 1 and capsys.readouterr().err == ""


@pytest.mark.usefixtures("whole_entry")
@pytest.mark.parametrize("part", ["offsets", "validity"])
def test_a_damaged_row_position_is_caught_before_it_is_followed(long_seeds, cache_env,
                                                                monkeypatch, capsys, part):
    """The offsets (and null bits) saying where a row's text is are checked
    before they are used, so a flipped offset never points a read elsewhere."""
    seeds = long_seeds
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    header, columns = cache_mod.open_entry(cached)
    body = columns()[0]
    arr = body("relations.evidence")
    assert arr.null_count > 0 and len(header["sections"]["relations.evidence"][5]) >= 4
    buf = arr.buffers()[1 if part == "offsets" else 0]
    at = len(cache_mod.MAGIC) + buf.address - body.body.address + buf.size - 2
    del arr, buf, body, columns
    truth = load_dataset(seeds)
    _flip(cached, at)
    store = MemoryStore.from_folder(seeds)
    rels = store.data.relations
    assert rels[-1].evidence == truth.relations[-1].evidence
    assert "checksum mismatch in relations.evidence, block" in capsys.readouterr().err
    assert [r.evidence for r in rels] == [r.evidence for r in truth.relations]


@pytest.mark.usefixtures("whole_entry")
def test_a_number_column_is_checked_block_by_block(seeds, cache_env, monkeypatch, capsys):
    """Number columns are read row by row too: a flip in one block of the
    relations' confidence is caught when a row in that block is read."""
    lines = ["relations:"] + [
        f"  - {{id: r-many-{i:04d}, from: firm-x, type: operates_in, to: sector-s, "
        f"confidence: 0.{i % 97 + 1:02d}}}" for i in range(2000)]
    (seeds / "many.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    header, columns = cache_mod.open_entry(cached)
    body = columns()[0]
    arr = body("relations.confidence")
    assert str(arr.type) == "double" and len(header["sections"]["relations.confidence"][5]) >= 4
    begin = header["sections"]["relations.confidence"][4]
    values_at = arr.buffers()[1].address - body.body.address
    row = len(arr) // 2                 # a row in a middle block
    assert 0 < (values_at + 8 * row - begin) // 4096 < len(header["sections"]
                                                           ["relations.confidence"][5]) - 1
    del arr, body, columns
    truth = load_dataset(seeds)
    _flip(cached, len(cache_mod.MAGIC) + values_at + 8 * row + 7)
    calls = loads(monkeypatch)
    store = MemoryStore.from_folder(seeds)
    rels = store.data.relations
    assert rels[0].confidence == truth.relations[0].confidence
    assert calls == [] and capsys.readouterr().err == ""
    assert rels[row].confidence == truth.relations[row].confidence
    assert "checksum mismatch in relations.confidence, block" in capsys.readouterr().err
    assert [r.confidence for r in rels] == [r.confidence for r in truth.relations]


_KG = "import sys; from cli.main import cli; cli(sys.argv[1:])"


def kg_process(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``kg`` in its own process (KG_CACHE_DIR from the test), failing after
    ``timeout`` seconds rather than hanging the test run."""
    return subprocess.run([sys.executable, "-c", _KG, *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_seed_file_replaced_by_a_fifo_is_refused_not_waited_on(seeds, cache_env):
    """An empty seed file (size 0, as a FIFO's) cached, then replaced by a FIFO:
    the cache does not open it for hashing and wait for a writer forever; the
    folder loads cold, which refuses the FIFO."""
    empty = seeds / "x.yaml"
    empty.write_text("", encoding="utf-8")
    assert kg_process("stats", "--seeds", str(seeds)).returncode == 0
    assert kg_process("stats", "--seeds", str(seeds)).returncode == 0     # warm
    empty.unlink()
    os.mkfifo(empty)
    done = kg_process("stats", "--seeds", str(seeds), timeout=60)
    assert done.returncode == 1
    assert "FIFO" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(OSError, match="not a regular file"):
        cache_mod.file_hash(empty)


@pytest.mark.parametrize("route", ["entry", "parts"])
def test_a_seed_file_linked_out_of_the_folder_is_not_reused(seeds, cache_env, tmp_path, run_kg,
                                                            route):
    """A cached seed file moved out of the folder and linked back: a cold load
    refuses the link, and so does the cache — its entry (``entry``) and, when
    another file changed too, its part (``parts``)."""
    assert run_kg("stats", "--seeds", seeds).exit_code == 0
    assert run_kg("stats", "--seeds", seeds).exit_code == 0       # warm
    outside = tmp_path / "out"
    outside.mkdir()
    os.replace(seeds / "firms.csv", outside / "firms.csv")
    (seeds / "firms.csv").symlink_to(Path("..") / "out" / "firms.csv")
    if route == "parts":
        with (seeds / "relations.yaml").open("a", encoding="utf-8") as fh:
            fh.write("\n")
    done = run_kg("stats", "--seeds", seeds)
    assert done.exit_code == 1
    assert "symbolic link to a file outside the folder" in done.output
    assert run_kg("stats", "--seeds", seeds, "--no-cache").output == done.output


def test_an_open_store_keeps_its_parts_when_another_kg_rewrites_them(seeds, cache_env):
    """An entry that refers to parts, opened; then a seed file is edited and
    another ``kg`` rewrites that file's part and the folder's entry. The open
    store still answers from the files it opened (the old relations, with
    their right ends), reports no damage and deletes nothing."""
    truth = load_dataset(seeds)
    for _ in range(2):
        assert kg_process("stats", "--seeds", str(seeds)).returncode == 0
    entry = GraphCache(seeds, False).path
    header, _ = cache_mod.open_entry(entry)
    assert "relations.evidence" in header["refs"]
    kg = graph.open(str(seeds))
    path = seeds / "relations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("relations:\n", "relations:\n  - {id: r-new, from: firm-z, "
                                 "type: supplies, to: gov-a, evidence: \"NEW FIRST\"}\n", 1),
                    encoding="utf-8")
    other = kg_process("stats", "--seeds", str(seeds))
    assert other.returncode == 0 and "damaged" not in other.stderr
    written = entry.stat().st_ino
    shown = {(r["id"], r["from"], r["type"], r["to"], r.get("evidence"))
             for r in kg.show("min-a").to_dict()["relations"]}
    expected = {(r.id, r.source_id, r.type, r.target_id, r.evidence)
                for r in truth.relations if "min-a" in (r.source_id, r.target_id)}
    assert shown == expected
    assert entry.exists() and entry.stat().st_ino == written     # the new entry stays
    fresh = graph.open(str(seeds))
    assert "r-new" in {r["id"] for r in fresh.show("gov-a").to_dict()["relations"]}


def test_a_damaged_column_after_the_folder_changed_is_an_error_not_a_mix(seeds, cache_env,
                                                                         capsys):
    """A column found damaged on first use is taken from a fresh load only when
    the seed files are still the entry's: after an edit, the command fails with
    one clear message instead of pairing the new file's rows with the old
    entry's adjacency."""
    from graph.errors import KgError

    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.glob("*.kgc")
    store = MemoryStore.from_folder(seeds)
    _flip_in_section(cached, "relations.source_id")
    path = seeds / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "relations:\n", "relations:\n  - {id: r-new, from: firm-z, type: supplies, to: gov-a}\n",
        1), encoding="utf-8")
    with pytest.raises(KgError, match="changed while kg was reading it"):
        [r.source_id for r in store.data.relations]
