"""Reading one article: bytes -> checked, decoded text (stage 1).

Refuses, with one clear line, what is not a readable article: a missing file,
a folder, a binary file, text that is not UTF-8, an empty file, a file over the
size limit. HTML is turned into text by :mod:`graph.ingest.htmltext`.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..input import MAX_FILE_BYTES, UnsafeFile, read_regular
from .doc import Article

DEFAULT_MAX_BYTES = 5_000_000
KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
         ".html": "html", ".htm": "html", ".xhtml": "html"}


def read_article(name: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 stdin: BinaryIO | None = None) -> Article:
    """Read ``name`` (a path, or ``-`` for stdin) into an :class:`Article`.

    ``max_bytes`` of 0 means no limit.
    """
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1) if max_bytes else stream.read()
        shown, kind = "<stdin>", None
        if max_bytes and len(data) > max_bytes:
            raise InputError(_too_big(shown, None, max_bytes))
    else:
        path = Path(name)
        shown = name
        if not path.exists():
            raise InputError(f"{name} does not exist")
        if path.is_dir():
            raise InputError(f"{name} is a folder; give article files (.txt, .md, .html)")
        # Only a regular file, read with a bound however big it claims to be
        # (/dev/zero says 0 bytes); a FIFO is refused without waiting on it.
        try:
            data = read_regular(path, name, max_bytes or MAX_FILE_BYTES, what="article")
        except UnsafeFile as exc:
            if exc.over_limit and max_bytes:
                raise InputError(_too_big(name, exc.size, max_bytes)) from None
            raise
        kind = KINDS.get(path.suffix.lower())
    text = decode(data, shown)
    if kind is None:
        kind = "html" if _looks_like_html(text) else "text"
    if kind == "html":
        from .htmltext import html_to_text
        page = html_to_text(text)
        return Article(name, page.text, "html", page.title, page.date, page.url)
    return Article(name, text, kind)


def decode(data: bytes, shown: str) -> str:
    """UTF-8 (or BOM-marked UTF-16) text, NFC-normalised, with ``\\n`` line ends."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{shown}: broken UTF-16 text; save the article as UTF-8") from None
    else:
        head = data[:8192]
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if b"\x00" in head or (head and controls / len(head) > 0.1):
            raise InputError(f"{shown}: binary file, not a text article; "
                             "give a .txt, .md or .html file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(f"{shown}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                             "save the article as UTF-8") from None
    if not text.strip():
        raise InputError(f"{shown}: empty file, nothing to ingest")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _too_big(shown: str, size: int | None, max_bytes: int) -> str:
    limit = f"{max_bytes / 1e6:g} MB" if max_bytes >= 1e6 else f"{max_bytes:,}-byte"
    what = f" is {size / 1e6:.1f} MB," if size is not None else " is"
    return (f"{shown}{what} over the {limit} limit for one article; "
            "split it, or raise the limit with --max-bytes")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head
