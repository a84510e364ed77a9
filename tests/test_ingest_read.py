"""Stage 1: reading articles, and every bad input named in issue 5."""

from __future__ import annotations

import io
import time

import pytest

from graph.errors import InputError
from graph.ingest import extract, read_article
from graph.ingest.htmltext import html_to_text
from graph.ingest.read import DEFAULT_MAX_BYTES
from ingest_support import INGEST


def test_reads_text_and_normalises_line_ends(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffFirst line\r\nSecond line\r\n".encode("utf-8"))
    a = read_article(str(p))
    assert a.kind == "text" and a.text == "First line\nSecond line\n"


def test_kind_from_suffix_and_sniffed_html(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n", encoding="utf-8")
    (tmp_path / "page").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    assert read_article(str(tmp_path / "a.md")).kind == "markdown"
    assert read_article(str(tmp_path / "page")).kind == "html"


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("SoftBank Group (软银集团) invests.".encode("utf-16"))
    assert "软银集团" in read_article(str(p)).text


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.txt: empty file, nothing to ingest"):
        read_article(str(p))


def test_binary_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary file, not a text article"):
        read_article(str(p))


def test_non_utf8_text_names_line_and_byte(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("ok line\nCaf\xe9 society\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt:2: not UTF-8 text \(byte 0xe9\)"):
        read_article(str(p))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="nope.txt does not exist"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder"):
        read_article(str(tmp_path))


def test_huge_file_is_refused_quickly(tmp_path):
    p = tmp_path / "huge.txt"
    line = b"Japan and the United States agreed on a deal. " * 20 + b"\n"
    with open(p, "wb") as fh:
        for _ in range(20_000_000 // len(line) + 1):
            fh.write(line)
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"huge\.txt is 20\.0 MB, over the 5 MB limit.*--max-bytes"):
        read_article(str(p))
    assert time.perf_counter() - start < 1.0      # refused from the size, not read
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_stdin_limit():
    with pytest.raises(InputError, match="<stdin> is over the 10-byte limit for one article"):
        read_article("-", max_bytes=10, stdin=io.BytesIO(b"x" * 11))
    assert read_article("-", stdin=io.BytesIO(b"Plain words.")).text == "Plain words."


def test_html_scripts_styles_and_navigation_are_ignored():
    page = html_to_text("""<html><head><title>Story | Site</title>
        <meta property="article:published_time" content="2024-11-14T08:00:00Z">
        <link rel="canonical" href="https://example.org/story">
        <style>.x{content:"Hidden Style Corp"}</style>
        <script>var s = "Hidden Script Holdings";</script></head>
        <body><nav>Home &gt; Ports</nav><h1>Big port deal</h1>
        <p>Acme Shipping Group bought it.<script>document.write("Ghost Ltd")</script></p>
        <footer>&copy; Site</footer></body></html>""")
    assert page.text == "# Big port deal\nAcme Shipping Group bought it."
    assert (page.title, page.date, page.url) == ("Big port deal", "2024-11-14",
                                                "https://example.org/story")


def test_html_title_falls_back_to_title_tag():
    assert html_to_text("<title>Story – Site</title><p>x</p>").title == "Story"


def test_html_fixture_entities_never_come_from_scripts():
    draft = extract([read_article(str(INGEST / "port-acquisition.html"))])
    names = {label for e in draft.entities for label in e.labels()}
    assert "COSCO Shipping Ports" in names
    for hidden in ("Shanghai International Port Group", "Hamburg Port Authority",
                   "Rotterdam Logistics Daily", "Maritime Weekly"):
        assert not any(hidden in n for n in names)
