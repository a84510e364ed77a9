"""Naming entities: by id, name or alias, case-insensitively, in any script.

The scoring lives here once; each store only supplies candidates.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from .errors import AmbiguousEntity, EntityNotFound
from .model import Entity

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
            ratio = (difflib.SequenceMatcher(None, q, n).ratio()
                     if abs(len(q) - len(n)) < FUZZY_MAX_GAP else 0)
            if ratio < FUZZY_RATIO:
                continue
            s = FUZZY + 10 * ratio
        if best is None or s > best.score:
            best = Match(entity, s, label, field)
    return best


def rank(query: str, entities: Iterable[Entity], limit: int | None = 20) -> list[Match]:
    """Matches best first; ties by name then id so both stores agree."""
    found = [m for m in (score(query, e) for e in entities) if m is not None]
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
