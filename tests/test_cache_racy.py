"""A seed file rewritten within one clock tick of being read keeps its size,
mtime and ctime: the cache must then tell it by its bytes, never serve the
rows it read before ("racily clean" files, as git calls them).

File systems stamp times from a coarse clock, so the same (size, mtime, ctime)
for two contents happens but cannot be produced on demand here: these tests
make the clock coarse by giving every seed file one fixed key, taken now.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import graph.cache as cache_mod
import graph.parts as parts
from graph.store.memory import MemoryStore

ENTITIES = "id,type,name\nfirm-a,firm,Alpha\nfirm-b,firm,Bravo\n"
REWRITTEN = ENTITIES.replace("Alpha", "Omega")         # same size


@pytest.fixture
def coarse_clock(monkeypatch):
    """Every seed file's key is (size, t, t) for one t: a rewrite keeps it."""
    def set_to(t: int) -> None:
        monkeypatch.setattr(cache_mod, "seed_key",
                            lambda path, inside: [path.stat().st_size, t, t])
    return set_to


def rewrite_after_read(monkeypatch, path: Path) -> None:
    """The next part made of ``path`` is made from its bytes, then the file
    is rewritten (same size) before its digest could be taken."""
    make = parts._make_part

    def made_then_rewritten(file, *args):
        got = make(file, *args)
        if file.name == path.name:
            path.write_text(REWRITTEN, encoding="utf-8")
            monkeypatch.setattr(parts, "_make_part", make)
        return got
    monkeypatch.setattr(parts, "_make_part", made_then_rewritten)


def test_a_part_read_just_before_a_rewrite_is_not_served(write_seeds, cache_env, coarse_clock,
                                                         monkeypatch):
    folder = write_seeds({"e.csv": ENTITIES})
    coarse_clock(time.time_ns())               # the file changed just now: racy
    rewrite_after_read(monkeypatch, folder / "e.csv")
    first = parts.load_parts(folder, False, cache_env)
    assert first.data.entities["firm-a"].name == "Alpha"      # what was read
    assert parts.part_path(cache_env, folder.resolve(), False, "e.csv").exists()   # kept
    again = parts.load_parts(folder, False, cache_env)
    assert again.data.entities["firm-a"].name == "Omega"      # what the file holds


def test_an_entry_written_just_before_a_rewrite_is_not_served(write_seeds, cache_env,
                                                              coarse_clock):
    folder = write_seeds({"e.csv": ENTITIES})
    coarse_clock(time.time_ns())
    assert MemoryStore.from_folder(folder).entity("firm-a").name == "Alpha"
    assert list(cache_env.glob("*.kgc"))
    (folder / "e.csv").write_text(REWRITTEN, encoding="utf-8")
    assert MemoryStore.from_folder(folder).entity("firm-a").name == "Omega"


def test_old_files_are_still_trusted_by_their_times(write_seeds, cache_env, coarse_clock,
                                                    monkeypatch):
    folder = write_seeds({"e.csv": ENTITIES})
    coarse_clock(time.time_ns() - 10 * cache_mod.RACY_NS)     # long unchanged
    MemoryStore.from_folder(folder)
    hashed: list[Path] = []
    monkeypatch.setattr(cache_mod, "file_hash", lambda p: hashed.append(p) or "")
    assert MemoryStore.from_folder(folder).entity("firm-a").name == "Alpha"
    assert hashed == []                       # same key, not racy: no file read


def test_the_key_is_the_digest_of_the_bytes_parsed(write_seeds, cache_env, coarse_clock,
                                                   monkeypatch):
    import hashlib

    from graph.cache import open_entry

    folder = write_seeds({"e.csv": ENTITIES})
    coarse_clock(time.time_ns())
    rewrite_after_read(monkeypatch, folder / "e.csv")
    parts.load_parts(folder, False, cache_env)
    header, _ = open_entry(parts.part_path(cache_env, folder.resolve(), False, "e.csv"))
    assert header["key"][3] == hashlib.sha256(ENTITIES.encode()).hexdigest()


@pytest.mark.parametrize("linked", [False, True])
def test_a_single_seed_file_read_just_before_a_rewrite_is_not_served(tmp_path, cache_env,
                                                                     coarse_clock, monkeypatch,
                                                                     linked):
    """A seed file given on its own (or through a link) is read by the row
    builder: the entry is keyed by the bytes it parsed (graph.input.digests)."""
    import graph.seedio as seedio

    real = tmp_path / "e.csv"
    real.write_text(ENTITIES, encoding="utf-8")
    given = real
    if linked:
        given = tmp_path / "link.csv"
        given.symlink_to(real)
    coarse_clock(time.time_ns())
    read = seedio.read_regular

    def read_then_rewrite(path, *args, **kwargs):
        data = read(path, *args, **kwargs)
        real.write_text(REWRITTEN, encoding="utf-8")
        monkeypatch.setattr(seedio, "read_regular", read)
        return data
    monkeypatch.setattr(seedio, "read_regular", read_then_rewrite)
    assert MemoryStore.from_folder(given).entity("firm-a").name == "Alpha"
    assert list(cache_env.glob("*.kgc"))
    assert MemoryStore.from_folder(given).entity("firm-a").name == "Omega"


def test_the_window_is_wider_for_times_in_whole_seconds():
    now = 100 * 1_000_000_000
    fine = now - cache_mod.RACY_FINE_NS - 1
    assert not cache_mod.racy([1, fine, fine], now)
    assert cache_mod.racy([1, now - 1_000_000_000, now - 1_000_000_000], now)   # whole seconds
    assert not cache_mod.racy([1, now - 3_000_000_000, now - 3_000_000_000], now)
