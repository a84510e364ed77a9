"""Finding known labels in text with an Aho-Corasick automaton (pyahocorasick).

Labels and text are compared after :func:`graph.resolve.normalize` (case, width
and typographic punctuation folded), so "SoftBank’s" finds "SoftBank" and
"（软银集团）" finds "软银集团". Labels of proper names can require the same
capitalisation as written ("US" must not match "us"). Matches respect word
boundaries, except at the edge of Chinese/Japanese/Korean text, which has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..resolve import normalize

CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"  # kana, Han, Hangul
CJK = re.compile(f"[{CJK_CLASS}]")


@dataclass(frozen=True)
class Hit:
    start: int          # offsets in the original text
    end: int
    label: str          # the label as added
    values: tuple[Any, ...]


class Gazetteer:
    """Labels -> values; :meth:`find` returns the longest non-overlapping hits.

    >>> g = Gazetteer()
    >>> g.add("SoftBank Group", "sb", case_sensitive=True)
    >>> g.add("US", "us", case_sensitive=True)
    >>> [(h.label, h.values) for h in g.find("Thus SoftBank Group’s US arm, with us")]
    [('SoftBank Group', ('sb',)), ('US', ('us',))]
    """

    def __init__(self) -> None:
        self._labels: dict[str, list[tuple[str, Any, bool]]] = {}
        self._automaton: Any = None

    def __len__(self) -> int:
        return len(self._labels)

    def add(self, label: str, value: Any, case_sensitive: bool = False) -> None:
        key = normalize(label)
        if not key:
            return
        entries = self._labels.setdefault(key, [])
        if not any(v == value and l == label for l, v, _ in entries):
            entries.append((label, value, case_sensitive))
        self._automaton = None

    def _build(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for key in self._labels:
            automaton.add_word(key, key)
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def find(self, text: str) -> list[Hit]:
        automaton = self._automaton if self._automaton is not None else self._build()
        if not len(automaton):
            return []
        folded, index = fold(text)
        found: list[Hit] = []
        for end, key in automaton.iter(folded):
            start = end - len(key) + 1
            if not _bounded(folded, start, end + 1, key):
                continue
            o_start, o_end = index[start], index[end] + 1
            case = _case(text[o_start:o_end])
            values = tuple(dict.fromkeys(v for label, v, cs in self._labels[key]
                                         if not cs or _case(label) == case))
            if values:
                label = next(l for l, v, cs in self._labels[key] if v == values[0])
                found.append(Hit(o_start, o_end, label, values))
        out: list[Hit] = []
        for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
            if all(hit.end <= o.start or hit.start >= o.end for o in out):
                out.append(hit)
        return sorted(out, key=lambda h: h.start)


_FOLD: dict[int, str] = {}        # non-ASCII character -> its normalized form


def fold(text: str) -> tuple[str, list[int]]:
    """``normalize`` applied character by character, with a map back to ``text``.

    >>> fold("Ａb’s")
    ("ab's", [0, 1, 2, 3])
    """
    if text.isascii():
        return text.lower(), list(range(len(text)))
    grows = False
    for ch in set(text):
        o = ord(ch)
        if o > 127 and o not in _FOLD:
            _FOLD[o] = " " if ch.isspace() else (normalize(ch) or ch)
        if o > 127 and len(_FOLD[o]) != 1:
            grows = True
    if not grows:           # the common case: one character for one
        return text.translate(_FOLD).lower(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = ch.lower() if ch.isascii() else _FOLD[ord(ch)]
        out.append(f)
        index.extend([i] * len(f))
    return "".join(out), index


def _bounded(folded: str, start: int, end: int, key: str) -> bool:
    if start > 0 and not CJK.match(key[0]) and folded[start - 1].isalnum() \
            and not CJK.match(folded[start - 1]):
        return False
    if end < len(folded) and not CJK.match(key[-1]) and folded[end].isalnum() \
            and not CJK.match(folded[end]):
        return False
    return True


@lru_cache(maxsize=65536)
def _case(text: str) -> tuple[bool, ...]:
    """Capitalisation letter by letter: two labels match case-sensitively when equal ("US" vs "us")."""
    return tuple(c.isupper() for c in text if c.isalpha())
