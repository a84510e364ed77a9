"""Naming entities: by id, name or alias, case-insensitively, in any script.

The ranking rules live here once. Every label (id, name, alias) is compared
after :func:`normalize`; a label scores

* exact: 100 (101 for the id or the name, so they beat an alias);
* prefix: 80 + 10 × len(query) / len(label);
* contains: 60 + 10 × len(query) / len(label);
* fuzzy: 40 + 10 × ratio, when the lengths differ by less than
  ``FUZZY_MAX_GAP`` and ratio (:func:`fuzzy_ratio`, rapidfuzz's normalised
  Indel similarity ``2 × LCS / (len(a) + len(b))``) is at least ``FUZZY_RATIO``.

An entity counts with its best label (the first in id, name, alias order on
a tie); matches are ordered by score, then normalised name, then id. The
memory store finds them through :class:`graph.names.NameIndex` without
scoring every label; other stores supply candidates to :func:`rank`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from .errors import AmbiguousEntity, EntityNotFound
from .model import Entity

if TYPE_CHECKING:
    import pyarrow as pa

_PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-",
                        "–": "-", "—": "-"})

EXACT, PREFIX, CONTAINS, FUZZY = 100, 80, 60, 40
FUZZY_RATIO, FUZZY_MAX_GAP = 0.72, 8   # difflib ratio at least; lengths differ by less


def normalize(text: str) -> str:
    """Fold case, width and typographic punctuation so names compare as people mean them.

    >>> normalize("  Japan’s  $55B ") == normalize("JAPAN'S $55b")
    True
    >>> normalize("（软银集团）")
    '(软银集团)'
    """
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    return " ".join(folded.split())


def normalize_many(texts: list[str]) -> list[str]:
    """:func:`normalize` of each text (ASCII ones by a faster equal route)."""
    return [" ".join(t.lower().split()) if t.isascii() else normalize(t) for t in texts]


def normalize_column(texts: "pa.Array") -> "pa.Array":
    """:func:`normalize_many` of an Arrow string array without nulls whose
    only whitespace is spaces and tabs (a CSV cell's): ASCII texts by Arrow
    kernels (lower case, runs of blanks to one space, trimmed), the others
    by :func:`normalize`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ascii_ = pc.string_is_ascii(texts)
    out = pc.utf8_trim(pc.replace_substring_regex(pc.ascii_lower(texts), "[ \t]+", " "), " ")
    other = pc.invert(ascii_)
    if pc.any(other).as_py():
        rest = [normalize(t) for t in texts.filter(other).to_pylist()]
        out = pc.replace_with_mask(out, other, pa.array(rest, pa.string()))
    return out


def fuzzy_ratio(a: str, b: str) -> float:
    """Similarity of two normalised labels, 0..1: ``2 × LCS / (len(a) + len(b))``.

    >>> fuzzy_ratio("xeno chip", "xeno chips")
    0.9473684210526316
    """
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b)) / 100


@dataclass(frozen=True)
class Match:
    entity: Entity
    score: float
    matched: str      # the id, name or alias that matched
    field: str        # "id", "name" or "alias"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.entity.id, "type": self.entity.type, "name": self.entity.name,
                "matched": self.matched, "field": self.field, "score": round(self.score, 3)}


def score(query: str, entity: Entity) -> Match | None:
    """How well ``query`` names ``entity``: exact > prefix > contains > fuzzy."""
    q = normalize(query)
    if not q:
        return None
    best: Match | None = None
    labels = [("id", entity.id), ("name", entity.name)] + [("alias", a) for a in entity.aliases]
    for field, label in labels:
        s: float
        n = normalize(label)
        if n == q:
            s = EXACT + (1 if field != "alias" else 0)
        elif n.startswith(q):
            s = PREFIX + 10 * len(q) / len(n)
        elif q in n:
            s = CONTAINS + 10 * len(q) / len(n)
        else:
            ratio = fuzzy_ratio(q, n) if abs(len(q) - len(n)) < FUZZY_MAX_GAP else 0
            if ratio < FUZZY_RATIO - 1e-9:
                continue
            s = FUZZY + 10 * ratio
        if best is None or s > best.score:
            best = Match(entity, s, label, field)
    return best


def rank(query: str, entities: Iterable[Entity], limit: int | None = 20) -> list[Match]:
    """Matches best first; ties by name then id so both stores agree."""
    return order([m for m in (score(query, e) for e in entities) if m is not None], limit)


def order(found: list[Match], limit: int | None) -> list[Match]:
    """Best first: score, then normalised name, then id (the first ``limit``)."""
    found.sort(key=lambda m: (-m.score, normalize(m.entity.name), m.entity.id))
    return found if limit is None else found[:limit]


def pick(query: str, exact: list[Entity], candidates: list[Match]) -> Entity:
    """Choose the entity ``query`` names, given exact label hits and ranked candidates.

    An id wins outright; several exact name/alias hits are ambiguous; no exact
    hit is "not found" with the best candidates as suggestions.
    """
    for e in exact:
        if e.id == query:
            return e
    by_id = [e for e in exact if normalize(e.id) == normalize(query)]
    if len(by_id) == 1:
        return by_id[0]
    unique = {e.id: e for e in exact}
    if len(unique) == 1:
        return next(iter(unique.values()))
    if len(unique) > 1:
        raise AmbiguousEntity(query, [f"{e.id} ({e.type} {e.name!r})"
                                      for e in sorted(unique.values(), key=lambda e: e.id)])
    raise EntityNotFound(query, [f"{m.entity.id} ({m.entity.name})" for m in candidates[:5]])
