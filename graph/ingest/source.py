"""The draft's ``source`` block: title, file name, date (stage 8a)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Source
from .doc import Article, Block
from .lexicon import MONTHS

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})\b")


def article_source(article: Article, blocks: list[Block]) -> Source:
    """Title from the markup or the first heading (else the first line); the file
    name as ``url`` unless the page gives its own; the first date in the opening lines."""
    title = article.title
    if not title:
        heading = next((b.text for b in blocks if b.kind == "heading"), None)
        title = heading or (blocks[0].text if blocks else None)
    if title and len(title) > 200:
        title = title[:197].rstrip() + "..."
    url = article.url or (Path(article.name).name if article.name != "-" else None)
    date = article.date or next((d for b in blocks[:8] if (d := find_date(b.text))), None)
    return Source(title=title or None, url=url, date=date)


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``.

    >>> find_date("Berlin, August 20, 2024"), find_date("Lima, 14 November 2024")
    ('2024-08-20', '2024-11-14')
    """
    found = []
    for m in _ISO.finditer(text):
        found.append((m.start(), f"{m.group(1)}-{m.group(2)}-{m.group(3)}"))
    for m in _MDY.finditer(text):
        month = _month(m.group(1))
        if month:
            found.append((m.start(), f"{m.group(3)}-{month:02d}-{int(m.group(2)):02d}"))
    for m in _DMY.finditer(text):
        month = _month(m.group(2))
        if month:
            found.append((m.start(), f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"))
    return min(found)[1] if found else None


def _month(word: str) -> int | None:
    w = word.lower()
    for i, name in enumerate(MONTHS, 1):
        if w == name or (len(w) >= 3 and name.startswith(w)):
            return i
    return None
