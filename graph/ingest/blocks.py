"""Cleaned text -> blocks: headings, bullets and paragraphs (stage 2).

Markdown markup (``#``, emphasis, links, list markers) is removed; in plain
text a short line without closing punctuation is a heading. Hard-wrapped
paragraph lines are joined back together.
"""

from __future__ import annotations

import re

from .doc import Block

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦‣●]|\d{1,3}[.)])\s+(.*)$")
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# "Market Impact: Increased investment ..." -> the label is layout, not content.
# (not a party's label, which is content: "Lenders: Mizuho Bank", "Main Customer: X")
_LABEL = re.compile(r"^(?!(?:[A-Z][\w-]*\s+){0,2}(?:Suppliers?|Vendors?|Customers?|Buyers?|Clients?|Offtakers?|"
                    r"Lenders?|Financiers?|Investors?|Owners?|Shareholders?|Partners?|Rivals?|Competitors?):)"
                    r"((?:[A-Z][\w’'&-]*|of|and|from|the|for|to|in)(?:\s+(?:[A-Z][\w’'&-]*|of|and|"
                    r"from|the|for|to|in)){0,4}):\s+(?=\S)")
_CLOSING = tuple(".!?;:,\"”’)…")
_DATE_LINE = re.compile(
    r"^(?:[A-Z][\w .’'-]{0,30},\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\s*$")


def split_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Blocks of ``text`` in order.

    >>> [(b.kind, b.text) for b in split_blocks("Big News\\nIt rained\\non Monday.")]
    [('heading', 'Big News'), ('para', 'It rained on Monday.')]
    """
    blocks: list[Block] = []
    current: Block | None = None
    plain_heading = False
    for raw in text.split("\n"):
        line = _clean(raw, markdown)
        if not line.strip() or _RULE.match(line):
            current = None
            continue
        heading = _MD_HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            current, plain_heading = None, False
            blocks.append(Block(_strip(heading.group(1)), "heading"))
            continue
        if bullet:
            body = _LABEL.sub("", _strip(bullet.group(1)), count=1)
            current = Block(body, "bullet")
            blocks.append(current)
            continue
        line = _strip(line)
        if current is None and blocks and blocks[-1].kind == "heading" and plain_heading \
                and line[:1].islower():
            current = blocks[-1]         # not a heading after all: a wrapped line
            current.kind = "para"
        if current is not None and _continues(current.text, line):
            current.text += " " + line
            continue
        kind = "heading" if _is_heading(line) else "para"
        plain_heading = kind == "heading"
        current = None if kind == "heading" else Block(line, kind)
        blocks.append(current or Block(line, kind))
    return [b for b in blocks if b.text]


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line))


def _clean(line: str, markdown: bool) -> str:
    if not markdown:
        return line
    line = re.sub(r"^\s*>\s?", "", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    for _ in range(2):
        line = _EMPHASIS.sub(r"\2", line)
    return line


def _strip(text: str) -> str:
    return " ".join(text.split())


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one is unfinished and this one goes on."""
    if previous.endswith((".", "!", "?", "”", '"', ":")):
        return False
    return line[:1].islower() or previous.endswith((",", "-", " and", " or", " the", " of"))


def _is_heading(line: str) -> bool:
    words = line.split()
    return (len(words) <= 14 and len(line) <= 120 and not line.endswith(_CLOSING)
            and (line[:1].isupper() or line[:1].isdigit()) and not is_date_line(line))
