"""The on-disk cache of loaded seed folders (graph/cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph import cache as cache_mod
from graph.cache import GraphCache, cache_dir
from graph.loader import load_dataset
from graph.store.memory import MemoryStore

from conftest import MINI, ROOT


@pytest.fixture
def cache_env(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(where))
    return where


@pytest.fixture
def seeds(tmp_path) -> Path:
    import shutil
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


def loads(monkeypatch) -> list[str]:
    """Record every real (uncached) load of a folder."""
    import graph.loader as loader
    calls: list[str] = []
    real = loader.load_dataset

    def counting(folder, *a, **kw):
        calls.append(str(folder))
        return real(folder, *a, **kw)

    monkeypatch.setattr(loader, "load_dataset", counting)
    return calls


def same(a, b) -> None:
    assert a.entities == b.entities
    assert a.relations == b.relations
    assert a.sources == b.sources
    assert a.schema == b.schema


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
    assert len(files) == 1 and files[0].suffix == ".pickle"
    assert not any(p.name.endswith(".pickle") for p in seeds.rglob("*"))  # outside the folder
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


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_corrupted_cache_file_is_rebuilt_silently(seeds, cache_env, monkeypatch, damage):
    calls = loads(monkeypatch)
    MemoryStore.from_folder(seeds)
    (cached,) = cache_env.iterdir()
    data = cached.read_bytes()
    cached.write_bytes(data[: len(data) // 2] if damage is None else damage)
    store = MemoryStore.from_folder(seeds)
    assert len(calls) == 2
    same(store.data, load_dataset(seeds))
    MemoryStore.from_folder(seeds)               # rewritten: a hit again
    assert len(calls) == 2


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
    assert len(list(cache_env.iterdir())) == 1
    cached = run_kg("path", "fund-a", "firm-x", "--seeds", seeds)
    assert cached.output == result.output


def test_invalid_folder_is_never_cached(write_seeds, cache_env, run_kg):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: frim, name: A}\n"})
    for _ in range(2):
        result = run_kg("stats", "--seeds", folder)
        assert result.exit_code == 1
        assert result.output.startswith("Error: ")
    assert not cache_env.exists() or not any(cache_env.iterdir())


_WRITER = """
import sys
from graph.cache import GraphCache
from graph.loader import load_dataset
from graph.store.csr import Index
data = load_dataset(sys.argv[1])
index = Index.build(data)
for _ in range(int(sys.argv[2])):
    assert GraphCache(sys.argv[1], False).write(data, index)
print("ok")
"""


def test_concurrent_writers_never_expose_a_partial_file(seeds, cache_env, monkeypatch):
    """Two processes rewrite the cache file over and over while this one keeps
    reading it: every read sees a complete file, and the last one is a hit."""
    import io
    import pickle

    env = {**os.environ, "KG_CACHE_DIR": str(cache_env), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(seeds), "300"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
             for _ in range(2)]
    target = GraphCache(seeds, False).path
    complete = 0
    while any(p.poll() is None for p in procs):
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            continue
        fh = io.BytesIO(data)
        assert fh.read(len(cache_mod._MAGIC)) == cache_mod._MAGIC
        pickle.load(fh)                              # head
        body = pickle.load(fh)                       # body: raises if cut short
        assert fh.read() == b""
        assert body["dataset"]["relations"]
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
