"""The incremental cache (graph/parts.py): after any edit, the dataset a cold
load gives, reading only the files that changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import graph.parts as parts
from graph.cache import GraphCache, open_entry
from graph.csr import Index
from graph.errors import ValidationFailed
from graph.export import export
from graph.loader import load_dataset, load_rows
from graph.names import NameIndex
from graph.queries import PathQuery
from graph.store.memory import MemoryStore

# Files that need the folder pass: an entity merged across files (new fields
# and aliases from the second), a content id repeated in two files (~2), an
# explicit id, sources shared between files and a file-level source, a
# mixed-type property column, a CSV file on the fast lane, a types section.
FILES = {
    "a-types.yaml": """
        types:
          entities:
            trust: {parent: organization, color: "#123456"}
          relations:
            backs: {from: [trust], to: [firm]}
        entities:
          - {id: fund-a, type: trust, name: Fund A}
    """,
    "b-firms.csv": (
        "id,type,name,aliases,country,tags,size\n"
        "firm-x,firm,Firm X,FX|Xco,JP,big,3\n"
        "firm-y,firm,Firm Y,,US,,2.5\n"
        "firm-z,firm,Firm Z,,,,\n"
        "gov-jp,government,Government of Japan,,JP,,\n"),
    "c-rels.csv": (
        "from,type,to,id,evidence,source,since,until,amount,currency,confidence\n"
        "fund-a,backs,firm-x,,A backs X.,https://example.org/1,2019,,5,USD,0.9\n"
        "firm-x,supplies,firm-y,,X supplies Y.,,2020-01,2021,,,\n"
        "firm-y,supplies,firm-z,rel-yz,Y supplies Z.,https://example.org/2,,,,,\n"
        "firm-x,supplies,firm-y,,X supplies Y.,,2020-01,2021,,,\n"),
    "d-more.yaml": """
        source: {title: Annual report, publisher: X Co}
        entities:
          - {id: firm-x, type: firm, name: Firm X, description: Makes things, aliases: [Ecks]}
        relations:
          - {from: firm-x, type: supplies, to: firm-y, evidence: X supplies Y., since: 2020-01,
             until: "2021"}
          - {from: gov-jp, type: regulates, to: firm-x, source: "https://example.org/1"}
          - {from: firm-z, type: competes_with, to: firm-y}
    """,
}


@pytest.fixture
def folder(write_seeds) -> Path:
    return write_seeds(FILES)


@pytest.fixture
def cache(cache_env) -> Path:
    return cache_env


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The seed files graph.parts reads (parses) from now on."""
    seen: list[str] = []
    monkeypatch.setattr(parts, "READS", seen)
    return seen


def exported(data, tmp_path: Path, name: str) -> str:
    target = tmp_path / f"{name}.json"
    export(data, "json", str(target), force=True)
    return target.read_text(encoding="utf-8")


def same_indexes(loaded, cold) -> None:
    """The adjacency and name index made from the parts are a fresh build's."""
    if loaded.index is None:
        return
    fresh = Index.build(cold)
    for name in ("ids", "inc_off", "inc", "inc_other", "nbr_off", "nbr"):
        assert list(getattr(loaded.index, name)) == list(getattr(fresh, name)), name
    assert loaded.index.components() == fresh.components()
    assert [list(loaded.index.order)[u] for u in range(len(fresh.ids))] == \
        [list(cold.entities).index(i) for i in fresh.ids]
    names = NameIndex.build(cold.entities.values())
    mine = loaded.names
    n = len(names.lengths)      # (the end mark after no label differs: unused)
    assert (mine.blob, list(mine.starts)[:n + bool(n)], list(mine.lengths), list(mine.rows),
            list(mine.slots)) == (names.blob, list(names.starts)[:n + bool(n)],
                                  list(names.lengths), list(names.rows), list(names.slots))


def check_same_as_cold(folder: Path, cache: Path, tmp_path: Path, strict: bool = False):
    """Load through the parts; assert every row, the JSON export and store
    answers equal the row builder's; the incremental dataset."""
    loaded = parts.load_parts(folder, strict, cache)
    data = loaded.data
    cold = load_rows(folder, strict=strict)
    same_indexes(loaded, cold)
    if loaded.sections is not None:
        # The entry written from the parts' arrays reads back as the cold data
        # (in the parts' directory: the entry refers to their columns).
        entry = GraphCache(folder, strict, cache)
        assert entry.write(data, loaded.index, loaded.names, loaded.keys, loaded.sections)
        back, index, names = entry.read()
        same_indexes(parts.Loaded(back, index=index, names=names()), cold)
        # kg stats's counts by type, kept in the entry (read, not counted)
        from collections import Counter

        from graph.bulk import count_values

        header, _ = open_entry(entry.path)
        assert {"counts.entities.type", "counts.relations.type"} <= \
            {*header["sections"], *header["refs"]}
        assert count_values(back.entities, "type") == Counter(
            e.type for e in cold.entities.values())
        assert count_values(back.relations, "type") == Counter(r.type for r in cold.relations)
        assert list(back.relations) == list(cold.relations)
        assert list(back.entities.values()) == list(cold.entities.values())
    assert list(data.entities) == list(cold.entities)
    assert list(data.entities.values()) == list(cold.entities.values())
    assert list(data.relations) == list(cold.relations)
    assert list(data.sources) == list(cold.sources)
    assert data.schema == cold.schema
    assert exported(data, tmp_path, "inc") == exported(cold, tmp_path, "cold")
    mine, truth = MemoryStore(data), MemoryStore(cold)
    assert mine.stats().to_dict() == truth.stats().to_dict()     # counts by type (Arrow)
    ids = list(cold.entities)
    for a, b in ((ids[0], ids[-1]), (ids[-1], ids[1])) if ids else ():
        assert [p.ids for p in mine.paths(a, b)] == [p.ids for p in truth.paths(a, b)]
    return data


def test_first_load_equals_cold_and_builds_every_part(folder, cache, tmp_path, reads):
    data = check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == sorted(FILES)
    # The folder pass gave the repeated content id its ~2, as a cold load does.
    assert sum(r.id.endswith("~2") for r in data.relations) == 1
    assert data.entities["firm-x"].description == "Makes things"      # merged across files
    assert len(list(cache.glob("*.kgp"))) == len(FILES) - 1      # a types file keeps no part


def test_unchanged_files_are_not_read_again(folder, cache, tmp_path, reads):
    parts.load_parts(folder, False, cache)
    reads.clear()
    check_same_as_cold(folder, cache, tmp_path)
    assert reads == ["a-types.yaml"]            # only the file with a types section


def test_edit_reads_only_the_edited_file(folder, cache, tmp_path, reads):
    parts.load_parts(folder, False, cache)
    reads.clear()
    (folder / "d-more.yaml").write_text(FILES["d-more.yaml"].replace("competes_with",
                                                                      "partners_with")
                                        .replace("Makes things", "Makes more"),
                                        encoding="utf-8")
    data = check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == ["a-types.yaml", "d-more.yaml"]
    assert data.entities["firm-x"].description == "Makes more"


def test_times_only_change_is_not_read_again(folder, cache, tmp_path, reads):
    parts.load_parts(folder, False, cache)
    reads.clear()
    os.utime(folder / "c-rels.csv", (1, 1))       # same bytes: compared by SHA-256
    check_same_as_cold(folder, cache, tmp_path)
    assert reads == ["a-types.yaml"]


def test_add_delete_rename(folder, cache, tmp_path, reads):
    parts.load_parts(folder, False, cache)
    reads.clear()
    (folder / "e-new.yaml").write_text(
        "entities:\n  - {id: firm-w, type: firm, name: Firm W}\n"
        "relations:\n  - {from: firm-w, type: supplies, to: firm-x, evidence: X supplies Y.}\n",
        encoding="utf-8")
    check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == ["a-types.yaml", "e-new.yaml"]
    reads.clear()
    (folder / "e-new.yaml").rename(folder / "0-renamed.yaml")       # now read first
    check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == ["0-renamed.yaml", "a-types.yaml"]
    reads.clear()
    (folder / "0-renamed.yaml").unlink()
    data = check_same_as_cold(folder, cache, tmp_path)
    assert "firm-w" not in data.entities and reads == ["a-types.yaml"]


def test_repeats_across_files_get_suffixes_in_file_order(write_seeds, cache, tmp_path):
    one = "  - {from: a, type: supplies, to: b, evidence: same}\n"
    folder = write_seeds({
        "a.yaml": "entities:\n  - {id: a, type: firm, name: A}\n  - {id: b, type: firm, name: B}\n",
        "b.yaml": "relations:\n" + one, "c.yaml": "relations:\n" + one + one, "d.csv": "from,type,to,evidence\na,supplies,b,same\n"})
    data = check_same_as_cold(folder, cache, tmp_path)
    assert [r.id.rpartition("~")[2] for r in data.relations][1:] == ["2", "3", "4"]


def messages(folder: Path, strict: bool = False) -> str:
    with pytest.raises(ValidationFailed) as err:
        load_dataset(folder, strict=strict)
    return str(err.value)


@pytest.mark.parametrize("name, edit", [
    # the folder pass finds it (each file is fine on its own)
    ("d-more.yaml", lambda t: t.replace("to: firm-y}", "to: firm-q}")),        # unknown end
    ("d-more.yaml", lambda t: t.replace("type: firm, name: Firm X",
                                        "type: government, name: Firm X")),  # merge conflict
    ("d-more.yaml", lambda t: t.replace("competes_with", "competes")),          # unknown type
    ("d-more.yaml", lambda t: t.replace("{from: firm-z", "{id: rel-yz, from: firm-z")),  # dup id
    ("a-types.yaml", lambda t: t.replace("trust: {parent", "trusts: {parent")),  # types gone
    # the file's own part finds it
    ("c-rels.csv", lambda t: t.replace("2019", "2019-13")),                     # bad date
    ("d-more.yaml", lambda t: t.replace("source: {title", "source: {titel")),   # bad source key
])
def test_errors_after_an_edit_are_a_cold_loads(folder, cache, name, edit):
    parts.load_parts(folder, False, cache)
    path = folder / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    want = messages(folder)
    with pytest.raises(ValidationFailed) as err:
        parts.load_parts(folder, False, cache)
    assert str(err.value) == want and ":" in want


def test_strict_end_types_checked_over_the_folder(folder, cache, tmp_path):
    check_same_as_cold(folder, cache, tmp_path, strict=True)
    path = folder / "d-more.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "  - {from: firm-z, type: backs, to: firm-y}\n", encoding="utf-8")
    want = messages(folder, strict=True)
    assert "backs expects trust -> firm" in want
    with pytest.raises(ValidationFailed) as err:
        parts.load_parts(folder, True, cache)
    assert str(err.value) == want
    check_same_as_cold(folder, cache, tmp_path, strict=False)    # a warning only


def test_damaged_part_is_rebuilt(folder, cache, tmp_path, reads, capsys):
    parts.load_parts(folder, False, cache)
    target = parts.part_path(cache, folder.resolve(), False, "c-rels.csv")
    raw = bytearray(target.read_bytes())
    raw[len(raw) // 3] ^= 0xFF                  # inside a column: its CRC-32 fails
    target.write_bytes(bytes(raw))
    reads.clear()
    capsys.readouterr()
    check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == ["a-types.yaml", "c-rels.csv"]
    err = capsys.readouterr().err
    assert err.count("is damaged (checksum mismatch in ") == 1 and "rebuilding it" in err
    reads.clear()
    parts.load_parts(folder, False, cache)      # rebuilt: intact again
    assert reads == ["a-types.yaml"]


def test_cut_short_part_is_rebuilt(folder, cache, tmp_path, reads):
    parts.load_parts(folder, False, cache)
    target = parts.part_path(cache, folder.resolve(), False, "b-firms.csv")
    target.write_bytes(target.read_bytes()[:100])
    reads.clear()
    check_same_as_cold(folder, cache, tmp_path)
    assert sorted(reads) == ["a-types.yaml", "b-firms.csv"]


def test_kg_after_an_edit_answers_as_cold(folder, cache, run_kg):
    first = run_kg("stats", "--seeds", folder, "--format", "json")
    assert first.exit_code == 0, first.output
    path = folder / "d-more.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("competes_with", "partners_with"),
                    encoding="utf-8")
    for args in (("stats",), ("path", "fund-a", "firm-z"), ("neighbors", "firm-y")):
        warm = run_kg(*args, "--seeds", folder, "--format", "json")
        cold = run_kg(*args, "--seeds", folder, "--format", "json", "--no-cache")
        assert warm.exit_code == 0 and warm.output == cold.output


def test_folder_without_entities(write_seeds, cache, tmp_path):
    folder = write_seeds({"a.yaml": "entities: []\n", "b.csv": "id,type,name\n"})
    data = check_same_as_cold(folder, cache, tmp_path)
    assert len(data.entities) == 0 and len(data.relations) == 0


def test_entry_refers_to_parts_and_survives_a_lost_part(folder, cache, capsys):
    """The folder's entry names the parts' columns instead of copying them; a
    part deleted behind its back (another kg's prune) makes the entry a miss
    (not damage): the folder loads through its parts again, answers right."""
    import graph.cache as cache_mod

    folder.joinpath("a-types.yaml").unlink()        # every file then keeps a part
    (folder / "b-firms.csv").write_text(FILES["b-firms.csv"] + "fund-a,fund,Fund A,,,,\n",
                                        encoding="utf-8")
    path = folder / "c-rels.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("backs", "funds"), encoding="utf-8")
    path = folder / "d-more.yaml"           # no entity merged across files either
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("entities:")] + text[text.index("relations:"):],
                    encoding="utf-8")
    MemoryStore.from_folder(folder)
    (entry,) = cache.glob("*.kgc")
    header, _ = cache_mod.open_entry(entry)
    assert "relations.evidence" in header["refs"] and "relations.evidence" not in header["sections"]
    truth = load_rows(folder)
    parts.part_path(cache, folder.resolve(), False, "c-rels.csv").unlink()
    capsys.readouterr()
    store = MemoryStore.from_folder(folder)
    assert [r.evidence for r in store.data.relations] == [r.evidence for r in truth.relations]
    assert "damaged" not in capsys.readouterr().err
    assert parts.part_path(cache, folder.resolve(), False, "c-rels.csv").exists()   # made again
    again = MemoryStore.from_folder(folder)
    assert list(again.data.relations) == list(truth.relations)


@pytest.mark.parametrize("source", ["generated", "mini", "shipped", "parquet"])
def test_real_folders_through_parts_equal_cold(source, cache, tmp_path):
    """Generated data (CSV, the benchmark's shapes), the test fixture, the
    shipped seeds and the shipped seeds as Parquet files: the incremental
    load equals the cold one, first and warm."""
    import shutil

    from conftest import MINI, SEEDS

    folder = tmp_path / "seeds"
    if source == "generated":
        from benchmarks.generate import generate

        generate(folder, 3000, seed=11)
    elif source == "parquet":
        export(load_dataset(SEEDS), "parquet", str(folder))
    else:
        shutil.copytree(MINI if source == "mini" else SEEDS, folder)
    check_same_as_cold(folder, cache, tmp_path)
    check_same_as_cold(folder, cache, tmp_path)         # from the stored parts


_LOADER = """
import json, os, sys, time
from graph.store.memory import MemoryStore

def check(store):
    # Each relation's ends as the store's adjacency gives them: one version.
    for r in store.data.relations:
        assert (r.id, r.target_id) in {(x.id, x.target_id)
                                       for x in store.relations_of(r.source_id)}, r.id

held = MemoryStore.from_folder(sys.argv[1])     # a hit, its parts' columns not read yet
open(sys.argv[3] + "." + str(os.getpid()), "w").close()     # ready
while not os.path.exists(sys.argv[3]):                       # the barrier
    time.sleep(0.005)
for _ in range(int(sys.argv[2])):
    check(MemoryStore.from_folder(sys.argv[1]))
# The store opened before the edits answers from the files it opened.
assert [r.id for r in held.data.relations] == json.loads(sys.argv[4])
check(held)
print("ok")
"""


def test_concurrent_loads_while_a_file_is_edited_leave_a_good_cache(cache, tmp_path):
    """Three processes each open the folder (an entry referring to parts),
    then load it again and again while this one edits a file — they wait at a
    barrier until all are ready, and the edits go on until every child is
    done, so loads, part rewrites and edits overlap. None fails or reports
    damage, each store opened before the edits still answers from its own
    version, every part and entry left is intact, and the next load equals a
    cold one."""
    import json
    import shutil
    import subprocess
    import sys
    import time

    import graph.cache as cache_mod
    from conftest import MINI, ROOT

    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    for _ in range(2):
        MemoryStore.from_folder(folder)
    (entry,) = cache.glob("*.kgc")
    assert cache_mod.open_entry(entry)[0]["refs"]
    before = json.dumps([r.id for r in load_dataset(folder).relations])
    barrier = tmp_path / "go"
    env = {**os.environ, "KG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _LOADER, str(folder), "12", str(barrier),
                               before],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
             for _ in range(3)]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("go.*"))) < len(procs) and time.monotonic() < deadline:
        time.sleep(0.01)
    barrier.touch()
    path = folder / "relations.yaml"
    text = path.read_text(encoding="utf-8")
    i = 0
    while i < 15 or any(p.poll() is None for p in procs):
        # Written whole, then renamed into place (as editors save): every
        # load sees one complete version of the file.
        path.with_suffix(".tmp").write_text(text.replace(
            "relations:\n", f"relations:\n  - {{id: r-new-{i}, from: firm-z, type: supplies, "
            "to: gov-a}\n", 1), encoding="utf-8")
        os.replace(path.with_suffix(".tmp"), path)
        i += 1
        time.sleep(0.01)
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.decode().strip() == "ok", err.decode()
        assert b"damaged" not in err, err.decode()     # a rewritten part is no damage
    for entry in [*cache.glob("*.kgc"), *cache.glob("*.kgp")]:
        header, columns = cache_mod.open_entry(entry)
        column, _ = columns()
        for name in header["sections"]:      # its own bytes (refs: checked on use)
            column(name)                     # raises Damaged if not intact
    store = MemoryStore.from_folder(folder)
    assert list(store.data.relations) == list(load_rows(folder).relations)
    assert next(iter(store.data.relations)).id == f"r-new-{i - 1}"


def test_without_numpy_the_general_route_gives_the_same(cache, tmp_path, monkeypatch):
    """numpy is optional (graph/names.py): without it the parts are still read
    and checked over columns; the indexes and the entry take the general route."""
    import graph.names
    from benchmarks.generate import generate

    folder = tmp_path / "seeds"
    generate(folder, 600, seed=3)
    assert parts.load_parts(folder, False, cache).index is not None    # numpy: made here
    monkeypatch.setattr(graph.names, "has_numpy", lambda: False)
    loaded = parts.load_parts(folder, False, cache)
    assert loaded.index is None and loaded.sections is None
    check_same_as_cold(folder, cache, tmp_path)
    store = MemoryStore.from_folder(folder)
    fresh = Index.build(load_rows(folder))
    assert list(store.index.inc) == list(fresh.inc)
    assert store.index.components() == fresh.components()
    monkeypatch.undo()
    assert list(Index.build(load_dataset(folder)).inc) == list(fresh.inc)   # numpy: the same


def flip_one_evidence_block(part: Path) -> int:
    """Flip a byte of one row's evidence in a part (4 KiB blocks), in a block
    other than the first, the last and row 0's; that row."""
    import graph.cache as cache_mod

    header, columns = cache_mod.open_entry(part)
    body = columns()[0]
    arr = body("relations.evidence")
    begin, crcs = header["sections"]["relations.evidence"][4:6]
    assert len(crcs) >= 4
    offsets = memoryview(arr.buffers()[1]).cast("i")
    text_at = arr.buffers()[2].address - body.body.address

    def block_of(row: int) -> int:
        return (text_at + offsets[row] + 1 - begin) // 4096

    row = next(r for r in range(len(arr)) if block_of(r) not in (0, len(crcs) - 1, block_of(0)))
    at = len(cache_mod.MAGIC) + text_at + offsets[row] + 1
    del arr, body, columns, offsets
    raw = bytearray(part.read_bytes())
    raw[at] ^= 0x01
    part.write_bytes(bytes(raw))
    return row


def test_a_column_kept_in_a_part_is_checked_block_by_block(write_seeds, cache, monkeypatch,
                                                            capsys):
    """The entry's evidence lives in the parts; a warm read checks only the
    blocks of the rows it reads, there too: a flip in one row's block is not
    seen reading another row, and is caught (answer right) reading that row."""
    import graph.cache as cache_mod

    long = "relations:\n" + "".join(
        f"  - {{id: r{i:02d}, from: a, type: supplies, to: b, "
        f"evidence: \"{'Long evidence %02d. ' % i * 16}\"}}\n" for i in range(60))
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: firm, name: A}\n"
                                    "  - {id: b, type: firm, name: B}\n", "long.yaml": long})
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    MemoryStore.from_folder(folder)
    (entry,) = cache.glob("*.kgc")
    assert "relations.evidence" in cache_mod.open_entry(entry)[0]["refs"]
    part = parts.part_path(cache, folder.resolve(), False, "long.yaml")
    row = flip_one_evidence_block(part)
    truth = load_rows(folder)
    capsys.readouterr()
    store = MemoryStore.from_folder(folder)
    rels = store.data.relations
    assert rels[0].evidence == truth.relations[0].evidence
    assert capsys.readouterr().err == ""
    assert rels[row].evidence == truth.relations[row].evidence
    assert "checksum mismatch in relations.evidence, block" in capsys.readouterr().err


def test_unchanged_files_keep_their_ends_from_the_last_entry(tmp_path, cache, monkeypatch):
    """After an edit that leaves the entity ids as they were, the relation
    ends of unchanged files come from the last entry (not looked up again);
    an edit that changes the ids looks every end up. Both equal a cold load."""
    from benchmarks.generate import generate

    folder = tmp_path / "gen"
    generate(folder, 800, seed=21)
    extra = folder / "zz-edit.yaml"
    small = ("entities:\n  - {id: edit-1, type: firm, name: Edit One}\n"
             "relations:\n  - {from: edit-1, type: supplies, to: %s, evidence: %s}\n")
    first = load_dataset(folder)
    other = next(iter(first.entities))
    extra.write_text(small % (other, "One."), encoding="utf-8")
    kept: list[list[bool]] = []
    real = parts._previous_ends

    def recording(entry, ps, digest):
        got = real(entry, ps, digest)
        kept.append([g is not None for g in got])
        return got

    monkeypatch.setattr(parts, "_previous_ends", recording)
    MemoryStore.from_folder(folder)                     # the first entry
    assert kept == [[False] * len(kept[0])]
    n_files = len(kept[0])

    def same_as_cold() -> None:
        store = MemoryStore.from_folder(folder)
        cold = load_rows(folder)
        assert list(store.data.relations) == list(cold.relations)
        fresh = Index.build(cold)
        for name in ("ids", "inc_off", "inc", "inc_other", "nbr_off", "nbr"):
            assert list(getattr(store.index, name)) == list(getattr(fresh, name)), name
        back = MemoryStore.from_folder(folder)          # the entry written after the edit
        assert list(back.data.relations) == list(cold.relations)

    extra.write_text(small % (other, "Two."), encoding="utf-8")   # same ids
    same_as_cold()
    assert kept[-1] == [True] * (n_files - 1) + [False]          # all but the edited file
    extra.write_text(small.replace("edit-1", "edit-2") % (other, "Three."), encoding="utf-8")
    same_as_cold()
    assert kept[-1] == [False] * n_files                         # the ids changed


def test_indexes_are_kept_in_side_files_and_patched(tmp_path, cache, monkeypatch, capsys):
    """The adjacency index (and the relation ends) live in <entry>.index.kgp,
    keyed by the ids and ends: an edit that moves no end (evidence, a name)
    reads it instead of sorting again; one that adds, removes or moves
    relations but keeps the entity ids patches it (Index.patched); one that
    changes the ids builds it again. The name index lives in
    <entry>.names.kgp, keyed by the labels: made again only when a label
    changes. Each time the store, and the entry written after it, equal a cold
    load (rows, adjacency, paths, name index, find); a damaged side file is
    reported, deleted and made again."""
    from benchmarks.generate import generate

    folder = tmp_path / "gen"
    generate(folder, 800, seed=5)
    extra = folder / "zz-edit.yaml"
    first = load_dataset(folder)
    a, b = list(first.entities)[:2]
    rel = "  - {from: edit-1, type: supplies, to: %s, evidence: %s}\n"
    text = "entities:\n  - {id: edit-1, type: firm, name: %s}\nrelations:\n" + rel % (a, "%s")
    calls: list[str] = []
    built, patched = Index.from_rows.__func__, Index.patched

    def counting(cls, *args, **kw):
        if len(args) == 4:              # the folder pass's build (it knows the id order)
            calls.append("built")
        return built(cls, *args, **kw)

    def patching(self, *args):
        calls.append("patched")
        return patched(self, *args)

    monkeypatch.setattr(Index, "from_rows", classmethod(counting))
    monkeypatch.setattr(Index, "patched", patching)
    sorted_names = parts._names

    def naming(ps):
        calls.append("names")
        return sorted_names(ps)

    monkeypatch.setattr(parts, "_names", naming)
    numbered = parts._source_table

    def numbering(ps):
        calls.append("sources")
        return numbered(ps)

    monkeypatch.setattr(parts, "_source_table", numbering)

    def same_as_cold() -> None:
        cold = load_rows(folder)
        fresh = Index.build(cold)
        for store in (MemoryStore.from_folder(folder), MemoryStore.from_folder(folder)):
            assert list(store.data.relations) == list(cold.relations)
            assert list(store.data.sources) == list(cold.sources)
            assert [r.source for r in store.data.relations] == [r.source for r in cold.relations]
            for name in ("ids", "inc_off", "inc", "inc_other", "nbr_off", "nbr"):
                assert list(getattr(store.index, name)) == list(getattr(fresh, name)), name
            assert list(store.index.order) == [list(cold.entities).index(i) for i in fresh.ids]
            assert store.index.components() == fresh.components()
            assert list(store.index.ranked()) == list(fresh.ranked())
            ids = list(cold.entities)
            truth = MemoryStore(cold)
            same_indexes(parts.Loaded(cold, index=store.index, names=store.names), cold)
            for q in ("Edit Renamed", "Edit Zero", "Edt One", cold.entities[a].name):
                assert [(m.entity.id, m.score) for m in store.find(q)] == \
                    [(m.entity.id, m.score) for m in truth.find(q)]
            mine = next(i for i in ids if i.startswith("edit-"))
            for x, y in ((ids[0], ids[-1]), (a, mine), (mine, b)):
                assert [p.ids for p in store.paths(x, y)] == [p.ids for p in truth.paths(x, y)]
                k3 = PathQuery(k=3)         # (walks the incidences, not the neighbours)
                assert [(p.ids, [h.to_dict() for h in p.hops]) for p in store.paths(x, y, k3)] \
                    == [(p.ids, [h.to_dict() for h in p.hops]) for p in truth.paths(x, y, k3)]

    def edit(content: str) -> list[str]:
        extra.write_text(content, encoding="utf-8")
        calls.clear()
        same_as_cold()
        return list(calls)

    assert edit(text % ("Edit One", "One.")) == ["sources", "built", "names"]   # the first
    (side,) = cache.glob("*.index.kgp")
    (names,) = cache.glob("*.names.kgp")
    assert edit(text % ("Edit One", "Two.")) == []                     # evidence: read
    assert edit(text % ("Edit Renamed", "Two.")) == ["names"]          # a name: adjacency read
    sourced = text.replace("}\n", "}\n", 1)[:-2] + ", source: 'https://example.org/n'}\n"
    assert edit(sourced % ("Edit Renamed", "Two.")) == ["sources"]     # a source added
    assert edit(sourced % ("Edit Renamed", "Three.")) == []
    assert edit(text % ("Edit Renamed", "Two.")) == ["sources"]        # ... and removed
    more = text % ("Edit Renamed", "Two.") + rel % (b, "Three.")
    assert edit(more) == ["patched"]                                   # a relation added
    assert edit(more.replace("Three.", "Four.")) == []
    assert edit(text % ("Edit Renamed", "Two.")) == ["patched"]        # ... and removed
    # A relation of another file moved to another end (still the same ids).
    rels = sorted((folder / "relations").glob("*.csv"))[0]
    lines = rels.read_text(encoding="utf-8").splitlines(keepends=True)
    row = lines[3].split(",")
    row[2] = a if row[2] != a else b
    rels.write_text("".join([*lines[:3], ",".join(row), *lines[4:]]), encoding="utf-8")
    assert edit(text % ("Edit Renamed", "Two.")) == ["patched"]
    assert edit(text.replace("edit-1", "edit-0") % ("Edit Zero", "Five.")) == \
        ["built", "names"]                                              # an id changed
    # A flipped byte in each side file: reported once each, deleted, made again.
    for path, section in ((side, "index.inc"), (names, "names.blob")):
        header, _ = open_entry(path)
        at = header["sections"][section][0] + 9
        raw = bytearray(path.read_bytes())
        raw[at] ^= 0x01
        path.write_bytes(bytes(raw))
    capsys.readouterr()
    more = (text % ("Edit Zero", "Six.") + rel % (b, "Seven.")).replace("edit-1", "edit-0")
    assert edit(more) == ["built", "names"]
    err = capsys.readouterr().err
    assert err.count("is damaged") == 2 and "index.kgp" in err and "names.kgp" in err
    assert edit(more.replace("Seven.", "Eight.")) == []


def test_late_columns_of_a_part_are_checked_as_read_after_an_edit(write_seeds, cache,
                                                                   monkeypatch, capsys):
    """After an edit, the unchanged parts' large text columns (parts.LATE) are
    not checked whole when the parts are opened, but block by block as rows
    are read: a flipped byte in one row's evidence is not seen loading, is
    caught (once) reading that row — the row then comes from the seed file
    read again, right — and the part is made again. A flip in the ends (as
    id strings) of a part whose ends must be looked up again (the ids
    changed) sends that load to the cold path: same answer, reported once."""
    import graph.cache as cache_mod

    long = "relations:\n" + "".join(
        f"  - {{id: r{i:02d}, from: a, type: supplies, to: b, "
        f"evidence: \"{'Long evidence %02d. ' % i * 16}\"}}\n" for i in range(60))
    ents = "entities:\n  - {id: a, type: firm, name: A}\n  - {id: b, type: firm, name: B}\n"
    folder = write_seeds({"a.yaml": ents, "long.yaml": long})
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    MemoryStore.from_folder(folder)
    part = parts.part_path(cache, folder.resolve(), False, "long.yaml")
    row = flip_one_evidence_block(part)
    (folder / "a.yaml").write_text(ents.replace("name: A", "name: A2"), encoding="utf-8")
    truth = load_rows(folder)
    capsys.readouterr()
    store = MemoryStore.from_folder(folder)         # the edit path: long.yaml's part mapped
    assert capsys.readouterr().err == ""
    rels = store.data.relations
    assert rels[0].evidence == truth.relations[0].evidence
    assert capsys.readouterr().err == ""
    assert rels[row].evidence == truth.relations[row].evidence
    err = capsys.readouterr().err
    assert err.count("is damaged") == 1 and "relations.evidence" in err
    assert list(rels) == list(truth.relations)
    assert not part.exists() or parts._read_part(
        part, parts._head(folder.resolve(), False, "long.yaml"),
        cache_mod.seed_key(folder / "long.yaml", folder.resolve()),
        folder / "long.yaml") is not None          # made again, intact
    # Ends (id strings) damaged in a part, then an edit that changes the ids.
    MemoryStore.from_folder(folder)
    header, _ = cache_mod.open_entry(part)
    at = len(cache_mod.MAGIC) + header["sections"]["relations.target_id"][0] + 10
    raw = bytearray(part.read_bytes())
    raw[at] ^= 0x01
    part.write_bytes(bytes(raw))
    (folder / "a.yaml").write_text(ents + "  - {id: c, type: firm, name: C}\n", encoding="utf-8")
    capsys.readouterr()
    store = MemoryStore.from_folder(folder)
    assert capsys.readouterr().err.count("is damaged") == 1
    assert list(store.data.relations) == list(load_rows(folder).relations)
    assert list(MemoryStore.from_folder(folder).data.relations) == \
        list(load_rows(folder).relations)
    assert "damaged" not in capsys.readouterr().err


def test_a_damaged_late_column_found_through_the_entry_is_repaired(tmp_path, cache_env, monkeypatch, capsys):
    import graph.cache as cache_mod

    cache = cache_env
    monkeypatch.setattr(cache_mod, "BLOCK", 4096)
    folder = tmp_path / "seeds"
    folder.mkdir()
    ents = "entities:\n  - {id: a, type: firm, name: A}\n  - {id: b, type: firm, name: B}\n"
    (folder / "a.yaml").write_text(ents, encoding="utf-8")
    (folder / "long.yaml").write_text("relations:\n" + "".join(
        f"  - {{id: r{i:02d}, from: a, type: supplies, to: b, "
        f"evidence: \"{'Long evidence %02d. ' % i * 16}\"}}\n" for i in range(60)), encoding="utf-8")
    MemoryStore.from_folder(folder)
    part = parts.part_path(cache, folder.resolve(), False, "long.yaml")
    row = flip_one_evidence_block(part)
    for k in range(3):
        (folder / "a.yaml").write_text(ents.replace("name: A", f"name: A{k}"), encoding="utf-8")
        MemoryStore.from_folder(folder)                    # the edit path (part mapped, LATE unchecked)
        capsys.readouterr()
        store = MemoryStore.from_folder(folder)            # the entry, referring to the part
        assert store.data.relations[row].evidence == load_dataset(folder).relations[row].evidence
        err = capsys.readouterr().err
        # Found once, named as the part it is, and made again: no report after that.
        if k == 0:
            assert "cache part" in err and part.name in err, err
        else:
            assert "damaged" not in err, (k, err)
