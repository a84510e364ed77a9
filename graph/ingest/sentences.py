"""Blocks -> sentences (stage 3), numbered, with the section each is in.

A heading starts a new section; later stages use sections to know what "the
project" refers to. Abbreviations and initials ("U.S.", "C.C. Wei", "Inc.")
do not end a sentence. Very long runs without punctuation are cut so that no
later stage sees unbounded text.
"""

from __future__ import annotations

import re

from .doc import Block, Sentence
from .gazetteer import CJK_CLASS
from .lexicon import ABBREVIATIONS

MAX_SENTENCE = 2000
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9" + CJK_CLASS + "])")
_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")


def split_sentences(blocks: list[Block]) -> list[Sentence]:
    """Sentences of all blocks, in order.

    >>> [s.text for s in split_sentences([Block("Mr. Wu met U.S. staff. They agreed.")])]
    ['Mr. Wu met U.S. staff.', 'They agreed.']
    """
    out: list[Sentence] = []
    section = 0
    for block in blocks:
        if block.kind == "heading":
            section += 1
            out.append(Sentence(block.text[:MAX_SENTENCE], len(out), section, heading=True))
            continue
        for text in _split(block.text):
            out.append(Sentence(text, len(out), section))
    return out


def _split(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = text[:m.start() + 1].rsplit(None, 1)[-1].rstrip(".").lstrip("(“\"")
        if word.lower() in ABBREVIATIONS or _INITIALS.match(word):
            continue
        parts.append(text[start:m.end()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    out: list[str] = []
    for part in parts:
        while len(part) > MAX_SENTENCE:
            cut = part.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > 0 else MAX_SENTENCE
            out.append(part[:cut])
            part = part[cut:].strip()
        if part:
            out.append(part)
    return out
