"""Issue #9 items 3 and 13: special files in and out.

Seed folders read only regular files, follow links only inside the folder and
bound every read; outputs replace only regular files; `kg ingest` reads
articles through the same bounded reader.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from graph.errors import KgError, OutputExists
from graph.input import UnsafeFile, read_regular
from graph.loader import load_folder
from graph.output import check_writable, write_output

OK = "entities:\n  - {id: a, type: firm, name: Alpha}\n"


def errors(folder: Path) -> list[str]:
    _, report = load_folder(folder)
    return [str(i) for i in report.errors]


def watchdog(seconds: float = 10.0):
    """Fail (instead of hanging the suite) if the test blocks on a FIFO."""
    timer = threading.Timer(seconds, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    return timer


# -- the reader -------------------------------------------------------------
def test_reader_refuses_every_kind_of_special_file(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    timer = watchdog()
    try:
        for path, kind in ((fifo, "FIFO"), (Path("/dev/zero"), "character device"),
                           (tmp_path, "folder")):
            with pytest.raises(UnsafeFile, match=kind):
                read_regular(path, str(path))
    finally:
        timer.cancel()


def test_reader_bounds_what_it_reads(tmp_path):
    f = tmp_path / "f.txt"
    f.write_bytes(b"x" * 101)
    assert read_regular(f, "f", limit=101) == b"x" * 101
    with pytest.raises(UnsafeFile, match="over the 100 bytes limit") as info:
        read_regular(f, "f", limit=100)
    assert info.value.over_limit and info.value.size == 101


def test_reader_follows_links_only_inside_the_folder(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    (root / "real.yaml").write_text("x")
    (tmp_path / "outside.yaml").write_text("secret")
    (root / "in.yaml").symlink_to(root / "real.yaml")
    (root / "out.yaml").symlink_to(tmp_path / "outside.yaml")
    (root / "dangling.yaml").symlink_to(tmp_path / "nothing")
    assert read_regular(root / "in.yaml", "in", inside=root) == b"x"
    for name in ("out.yaml", "dangling.yaml"):
        with pytest.raises(UnsafeFile, match="outside the folder"):
            read_regular(root / name, name, inside=root)


# -- seed folders -----------------------------------------------------------
def test_seed_link_to_dev_zero_is_refused_quickly(write_seeds):
    folder = write_seeds({"ok.yaml": OK})
    (folder / "z.yaml").symlink_to("/dev/zero")
    start = time.monotonic()
    found = errors(folder)
    assert time.monotonic() - start < 5
    assert found == [f"{folder}/z.yaml: error: symbolic link to a file outside the folder "
                     f"{folder}; copy the seed file into the folder instead"]


def test_seed_fifo_does_not_hang(write_seeds):
    folder = write_seeds({"ok.yaml": OK})
    os.mkfifo(folder / "p.yaml")
    timer = watchdog()
    try:
        found = errors(folder)
    finally:
        timer.cancel()
    assert found == [f"{folder}/p.yaml: error: a FIFO (named pipe), not a regular seed file; "
                     "remove it or give a regular file"]


def test_seed_link_outside_is_never_read_nor_printed(write_seeds, tmp_path, run_kg):
    secret = tmp_path / "shadow"
    secret.write_text("toor:SECRET-HASH:19000:0:99999:7:::\n")
    folder = write_seeds({"ok.yaml": OK})
    (folder / "x.csv").symlink_to(secret)
    r = run_kg("validate", folder)
    assert r.exit_code == 1
    assert "SECRET" not in r.output and "toor" not in r.output
    assert "x.csv: error: symbolic link to a file outside the folder" in r.output


def test_links_inside_the_folder_still_work(write_seeds):
    folder = write_seeds({"data/a.yaml": OK})
    (folder / "alias.yaml").symlink_to(folder / "data" / "a.yaml")
    dataset, report = load_folder(folder)
    assert report.ok and list(dataset.entities) == ["a"]


def test_seed_file_given_by_name_may_be_a_link(tmp_path, write_seeds):
    folder = write_seeds({"a.yaml": OK})
    link = tmp_path / "elsewhere.yaml"
    link.symlink_to(folder / "a.yaml")
    dataset, report = load_folder(link)
    assert report.ok and list(dataset.entities) == ["a"]


def test_wide_csv_header_is_refused_fast(write_seeds):
    header = "id,type,name," + ",".join(f"c{i}" for i in range(100_000))
    folder = write_seeds({"wide.csv": header + "\na,firm,A" + "," * 100_000 + "\n"})
    start = time.monotonic()
    found = errors(folder)
    assert time.monotonic() - start < 5          # was 97 s (quadratic)
    assert found == [f"{folder}/wide.csv:1: error: CSV header has 100,003 columns, over the "
                     "limit of 1,000; split the properties over several files"]


def test_repeated_header_columns_found_in_linear_time(write_seeds):
    header = ",".join(["id", "type", "name"] + [f"c{i}" for i in range(999)] + ["c5"])[:]
    folder = write_seeds({"e.csv": ",".join(header.split(",")[:1000]) + ",c5\n"})
    assert errors(folder) == [f"{folder}/e.csv:1: error: CSV header has 1,001 columns, over "
                              "the limit of 1,000; split the properties over several files"]
    folder = write_seeds({"e.csv": "id,type,name,x,y,x,y\n"}, folder="two")
    assert errors(folder) == [f"{folder}/e.csv:1: error: CSV header repeats column(s) x, y"]


def test_bad_header_echo_is_bounded(write_seeds):
    folder = write_seeds({"e.csv": "q" * 500 + ",r\n"})
    (msg,) = errors(folder)
    assert len(msg) < 300 and msg.endswith("…")


# -- outputs ----------------------------------------------------------------
def special_targets(tmp_path: Path) -> list[tuple[Path, str]]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    regular = tmp_path / "regular.txt"
    regular.write_text("keep")
    link = tmp_path / "link.txt"
    link.symlink_to(regular)
    return [(fifo, "FIFO"), (link, "symbolic link"), (Path("/dev/null"), "character device")]


def test_outputs_never_replace_anything_but_a_regular_file(tmp_path):
    timer = watchdog()
    try:
        for target, kind in special_targets(tmp_path):
            before = os.lstat(target)
            for attempt in (lambda: write_output(target, "x", force=True),
                            lambda: check_writable(target, force=True)):
                with pytest.raises(KgError, match=f"is a {kind}.*not a regular file"):
                    attempt()
            after = os.lstat(target)
            assert (stat.S_IFMT(after.st_mode), after.st_ino) == \
                   (stat.S_IFMT(before.st_mode), before.st_ino)
    finally:
        timer.cancel()
    assert (tmp_path / "regular.txt").read_text() == "keep"


def test_regular_files_are_still_replaced_with_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(OutputExists):
        write_output(target, "new")
    write_output(target, "new", force=True)
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]   # no temporary left


@pytest.mark.parametrize("command", [
    ("export", "--format", "graphml"), ("export", "--format", "json"), ("render",)])
def test_cli_outputs_refuse_special_files(run_kg, tmp_path, command):
    from conftest import MINI

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    timer = watchdog()
    try:
        r = run_kg(*command, "--seeds", MINI, "--no-cache", "-o", fifo, "--force")
    finally:
        timer.cancel()
    assert r.exit_code == 1
    assert r.output == (f"Error: {fifo} is a FIFO (named pipe), not a regular file; kg only "
                        "replaces regular files: give another file name (or -o - for stdout)\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_csv_export_does_not_delete_a_special_stale_file(tmp_path, mini_dataset):
    from graph.export import export

    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "types.yaml")
    with pytest.raises(KgError, match="types.yaml is a FIFO"):
        export(mini_dataset, "csv", str(out), force=True)
    assert stat.S_ISFIFO(os.lstat(out / "types.yaml").st_mode)


# -- ingest -----------------------------------------------------------------
def test_ingest_refuses_dev_zero_and_fifo_articles(run_kg, tmp_path):
    from conftest import MINI

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    timer = watchdog()
    try:
        for article, kind in (("/dev/zero", "a character device"),
                              (fifo, "a FIFO (named pipe)")):
            r = run_kg("ingest", article, "--seeds", MINI, "-o", tmp_path / "d.yaml")
            assert r.exit_code == 1
            assert r.output.endswith(f"{article}: {kind}, not a regular article; remove it or "
                                     "give a regular file\n"), r.output
    finally:
        timer.cancel()


def test_ingest_with_no_limit_still_refuses_dev_zero(tmp_path):
    from graph.ingest import read_article

    with pytest.raises(UnsafeFile, match="character device"):
        read_article("/dev/zero", max_bytes=0)


def test_ingest_never_replaces_dev_null(run_kg, tmp_path):
    from conftest import ARTICLE

    before = os.lstat("/dev/null")
    r = run_kg("ingest", ARTICLE, "--seeds", tmp_path / "none", "-o", "/dev/null", "--force")
    assert r.exit_code == 1 and "/dev/null is a character device" in r.output
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
