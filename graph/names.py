"""The name index: every entity's id, name and aliases, normalised, for
``kg find``, name resolution and "did you mean".

Built once at load time and kept in the cache (:mod:`graph.columns`), so a
query never normalises or scores every label. The ranking rules are those of
:func:`graph.resolve.score` (exact > prefix > contains > fuzzy; the best label
of each entity counts; ties by name then id), found without looking at every
label:

* exact, prefix and contains matches: one substring search of the query in
  all the labels joined by newlines (a normalised label has no newline), a
  C-level ``bytes.find`` that jumps from hit to hit;
* fuzzy matches (only when fewer than ``limit`` entities matched above, since
  a fuzzy score is below every other): :func:`rapidfuzz.process.extract` with
  :func:`graph.resolve.fuzzy_ratio`'s measure, over the labels whose length is
  within ``FUZZY_MAX_GAP`` of the query's — labels are stored by length, so
  that is one slice.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .resolve import (CONTAINS, EXACT, FUZZY, FUZZY_MAX_GAP, FUZZY_RATIO, PREFIX, Match,
                      normalize_many)

if TYPE_CHECKING:
    from .model import Entity

# A label's slot in its entity: 0 the id, 1 the name, 2 + i alias i.
_ID, _NAME = 0, 1


class NameIndex:
    """Normalised labels, shortest first, with the entity row and slot of each."""

    def __init__(self, blob: bytes, starts: "array[int]", lengths: Sequence[int],
                 rows: Sequence[int], slots: Sequence[int]) -> None:
        self.blob = blob          # labels joined by "\n" (UTF-8)
        self.starts = starts      # byte offset of each label in blob, then len(blob) + 1
        self.lengths = lengths    # characters in each label (ascending)
        self.rows, self.slots = rows, slots
        self._texts: list[str] | None = None

    @classmethod
    def build(cls, entities: Iterable["Entity"]) -> "NameIndex":
        """The index of ``entities`` (rows numbered in iteration order)."""
        rows: list[int] = []
        slots: list[int] = []
        labels: list[str] = []
        for row, e in enumerate(entities):
            aliases = e.aliases
            rows.extend([row] * (2 + len(aliases)))
            slots.extend(range(2 + len(aliases)))
            labels.append(e.id)
            labels.append(e.name)
            labels.extend(aliases)
        normal = normalize_many(labels)
        lengths = list(map(len, normal))
        order = sorted(range(len(normal)), key=lengths.__getitem__)
        texts = [normal[k] for k in order]
        return cls.from_parts(texts, [lengths[k] for k in order], [rows[k] for k in order],
                              [slots[k] for k in order])

    @classmethod
    def from_parts(cls, texts: list[str], lengths: Any, rows: Any, slots: Any) -> "NameIndex":
        """From normalised labels in length order (and their lengths, rows, slots)."""
        blob = "\n".join(texts).encode()
        starts = array("q", [0])
        pos = 0
        for size in map(len, map(str.encode, texts)) if not blob.isascii() else lengths:
            pos += size + 1
            starts.append(pos)
        index = cls(blob, starts, array("i", lengths), array("i", rows), array("i", slots))
        index._texts = texts
        return index

    def __len__(self) -> int:
        return len(self.rows)

    def texts(self) -> list[str]:
        """Every normalised label (made from the blob once, when fuzzy matching needs it)."""
        if self._texts is None:
            self._texts = self.blob.decode().split("\n") if self.blob or len(self) else []
        return self._texts

    # -- queries -----------------------------------------------------------
    def _substring_hits(self, q: str) -> dict[int, tuple[float, int, int]]:
        """Entity row -> (score, -slot, label) of its best exact/prefix/contains label."""
        needle = q.encode()
        blob, starts, lengths = self.blob, self.starts, self.lengths
        rows, slots = self.rows, self.slots
        best: dict[int, tuple[float, int, int]] = {}
        qlen = len(q)
        at = blob.find(needle)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            n = lengths[k]
            if at == starts[k]:
                s = (EXACT + (slots[k] <= _NAME)) if n == qlen else PREFIX + 10 * qlen / n
            else:
                s = CONTAINS + 10 * qlen / n
            key = (s, -slots[k], k)
            row = rows[k]
            old = best.get(row)
            if old is None or key[:2] > old[:2]:
                best[row] = key
            # Later hits in this label score no better: go on from the next one.
            at = blob.find(needle, starts[k + 1])
        return best

    def _fuzzy_hits(self, q: str, skip: Mapping[int, object]) -> dict[int, tuple[float, int, int]]:
        from rapidfuzz import fuzz, process

        lo = bisect_left(self.lengths, len(q) - FUZZY_MAX_GAP + 1)
        hi = bisect_right(self.lengths, len(q) + FUZZY_MAX_GAP - 1)
        best: dict[int, tuple[float, int, int]] = {}
        rows, slots = self.rows, self.slots
        found = process.extract(q, self.texts()[lo:hi], scorer=fuzz.ratio, processor=None,
                                score_cutoff=FUZZY_RATIO * 100 - 1e-9, limit=None)
        for _, ratio, j in found:
            k = lo + j
            row = rows[k]
            if row in skip:
                continue
            key = (FUZZY + ratio / 10, -slots[k], k)
            old = best.get(row)
            if old is None or key[:2] > old[:2]:
                best[row] = key
        return best

    def search(self, q: str, limit: int | None) -> dict[int, tuple[float, int, int]]:
        """Entity row -> (score, -slot, label number) of its best label, for the
        normalised query ``q``; fuzzy matches only while fewer than ``limit``."""
        if not q:
            return {}
        best = self._substring_hits(q)
        if limit is None or len(best) < limit:
            best.update(self._fuzzy_hits(q, best))
        return best

    def exact_rows(self, q: str) -> list[int]:
        """Rows of entities with a label equal to the normalised ``q``."""
        return sorted(row for row, (s, _, _) in self._substring_hits(q).items() if s >= EXACT)

    def label(self, k: int) -> str:
        """Normalised label number ``k``."""
        return self.blob[self.starts[k]:self.starts[k + 1] - 1].decode()


def matches(index: NameIndex, query: str, entity_at: Any, limit: int | None) -> list[Match]:
    """:class:`Match` objects, best first, for ``query``; ``entity_at(row)``
    gives the entity of a row."""
    from .resolve import normalize, order

    found = index.search(normalize(query), limit)
    out = []
    for row, (score, neg_slot, _) in found.items():
        e = entity_at(row)
        slot = -neg_slot
        field, label = (("id", e.id) if slot == _ID else ("name", e.name) if slot == _NAME
                        else ("alias", e.aliases[slot - 2]))
        out.append(Match(e, score, label, field))
    return order(out, limit)
