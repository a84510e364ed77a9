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
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from .resolve import (CONTAINS, EXACT, FUZZY, FUZZY_MAX_GAP, FUZZY_RATIO, PREFIX, Match,
                      normalize_many)

if TYPE_CHECKING:
    import numpy as np

    from .model import Entity

# A label's slot in its entity: 0 the id, 1 the name, 2 + i alias i.
_ID, _NAME = 0, 1


class NameIndex:
    """Normalised labels, shortest first, with the entity row and slot of each."""

    def __init__(self, blob: bytes, starts: "array[int]", lengths: Sequence[int],
                 rows: Sequence[int], slots: Sequence[int],
                 trigrams: "Trigrams | Callable[[], Trigrams | None] | None" = None,
                 recover: "Callable[[Exception], NameIndex] | None" = None,
                 remake: "Callable[[Exception], Trigrams | None] | None" = None) -> None:
        self.blob = blob          # labels joined by "\n" (UTF-8)
        self.starts = starts      # byte offset of each label in blob, then len(blob) + 1
        self.lengths = lengths    # characters in each label (ascending)
        self.rows, self.slots = rows, slots
        self._texts: list[str] | None = None
        self._windows = 0           # windows of labels decoded so far
        self._last: tuple[str, dict[int, tuple[float, int, int]]] | None = None
        self._trigrams = trigrams   # a function: read (or built) on the first pruned lookup
        self._remake = remake       # fresh posting lists when the kept ones prove damaged
        self._recover = recover     # the index to use when a cached part proves damaged
        self._fallback: NameIndex | None = None

    @property
    def trigrams(self) -> "Trigrams | None":
        """The trigram posting lists (see :class:`Trigrams`), when there are
        any: the cache gives a function that reads them from their own file
        (graph/cache.py), or builds and keeps them there, on the first fuzzy
        lookup that needs them; a fresh index answers by scanning."""
        if callable(self._trigrams):
            self._trigrams = self._trigrams()
        return self._trigrams

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

    def texts(self, lo: int = 0, hi: int | None = None) -> list[str]:
        """Normalised labels ``lo`` to ``hi`` (every one by default): made from
        the blob when fuzzy matching needs them, only those in the length window."""
        hi = len(self) if hi is None else hi
        self._windows += 1
        if self._texts is None and (self._windows > 1 or (lo, hi) == (0, len(self))):
            # A second query in this process: decode every label once, keep them.
            self._texts = self.blob.decode().split("\n") if len(self) else []
        if self._texts is not None:
            return self._texts[lo:hi]
        if lo >= hi:
            return []
        return self.blob[self.starts[lo]:self.starts[hi] - 1].decode().split("\n")

    # -- queries -----------------------------------------------------------
    def _substring_hits(self, q: str) -> dict[int, tuple[float, int, int]]:
        """Entity row -> (score, -slot, label) of its best exact/prefix/contains label
        (the last query's kept: name resolution asks for exact hits, then matches)."""
        if self._last is not None and self._last[0] == q:
            return dict(self._last[1])
        best = self._scan(q)
        self._last = (q, best)
        return dict(best)

    def _scan(self, q: str) -> dict[int, tuple[float, int, int]]:
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

    def _window(self, q: str) -> tuple[int, int]:
        """Label numbers ``lo`` to ``hi``: the lengths a fuzzy match may have."""
        return (bisect_left(self.lengths, len(q) - FUZZY_MAX_GAP + 1),
                bisect_right(self.lengths, len(q) + FUZZY_MAX_GAP - 1))

    def _fuzzy_hits(self, q: str, skip: Mapping[int, object], want: int | None
                    ) -> dict[int, tuple[float, int, int]]:
        """Entity row -> key of its best fuzzy label, for rows not in ``skip``:
        every one when ``want`` is None, else at least the ``want`` best (and
        every one tying with the last of them)."""
        lo, hi = self._window(q)
        # The posting lists are asked for (read, or built) only when they can help.
        tri = None if want is None or hi - lo <= PROBE or len(q.encode()) < 3 else self.trigrams
        if want is not None and tri is not None:
            try:
                return self._fuzzy_pruned(q, skip, want, lo, hi, tri)
            except Exception as exc:
                if self._remake is None:
                    raise
                remake, self._remake = self._remake, None
                self._trigrams = tri = remake(exc)    # raises again unless it is damage
                if tri is not None:
                    return self._fuzzy_pruned(q, skip, want, lo, hi, tri)
        return self._score(q, range(lo, hi), skip, FUZZY_RATIO * 100 - 1e-9)

    def _fuzzy_pruned(self, q: str, skip: Mapping[int, object], want: int, lo: int, hi: int,
                      tri: "Trigrams") -> dict[int, tuple[float, int, int]]:
        """Fuzzy hits without scoring every label of the window.

        First the :data:`PROBE` labels sharing the most trigrams with ``q``
        are scored; when ``want`` entities reach ratio ``s`` there, only labels
        that could reach ``s`` matter, and those share at least
        :func:`shared_needed` of ``q``'s trigrams (lengths where that bound is
        not positive are scored whole). The answer is a superset of the
        ``want`` best, so the ranking is that of a full scan."""
        import numpy as np

        shared = tri.shared(trigram_codes(q.encode()), lo, hi)
        probe = np.argpartition(-shared, PROBE)[:PROBE]
        best = self._score(q, (lo + probe).tolist(), skip, FUZZY_RATIO * 100 - 1e-9)
        ratios = sorted((10 * (key[0] - FUZZY) for key in best.values()), reverse=True)
        s = ratios[want - 1] if len(ratios) >= want else FUZZY_RATIO * 100
        seen = np.zeros(hi - lo, dtype=bool)
        seen[probe] = True
        todo = []
        for n in sorted(set(self.lengths[lo:hi])):
            a, b = bisect_left(self.lengths, n, lo, hi), bisect_right(self.lengths, n, lo, hi)
            need = shared_needed(q, n, s / 100)
            if need is None:
                continue                        # no label of this length reaches s
            part = np.arange(a - lo, b - lo) if need <= 0 else \
                a - lo + np.flatnonzero(shared[a - lo:b - lo] >= need)
            todo.append(part[~seen[part]])
        rest = np.concatenate(todo).tolist() if todo else []
        # rapidfuzz's cutoff is not exact at the boundary: a little below s
        # (a superset: ranked below the ``want`` found, it is cut by the limit).
        for row, key in self._score(q, [lo + j for j in rest], skip, s - 0.01).items():
            old = best.get(row)
            if old is None or key[:2] > old[:2]:
                best[row] = key
        return best

    def _score(self, q: str, labels: Sequence[int], skip: Mapping[int, object], cutoff: float
               ) -> dict[int, tuple[float, int, int]]:
        """Entity row -> key of its best label among ``labels`` whose ratio to
        ``q`` reaches ``cutoff`` (percent, rapidfuzz's ``score_cutoff``)."""
        from rapidfuzz import fuzz, process

        if isinstance(labels, range):
            texts = self.texts(labels.start, labels.stop)
        else:
            texts = [self.label(k) for k in labels]
        best: dict[int, tuple[float, int, int]] = {}
        rows, slots = self.rows, self.slots
        found = process.extract(q, texts, scorer=fuzz.ratio, processor=None,
                                score_cutoff=cutoff, limit=None)
        for _, ratio, j in found:
            k = labels[j]
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
        normalised query ``q``; fuzzy matches only while fewer than ``limit``
        (enough of them to fill ``limit``)."""
        if self._fallback is not None:
            return self._fallback.search(q, limit)
        if not q:
            return {}
        best = self._substring_hits(q)
        if limit is None or len(best) < limit:
            try:
                best.update(self._fuzzy_hits(q, best, None if limit is None
                                             else limit - len(best)))
            except Exception as exc:
                if self._recover is None:
                    raise
                self._fallback = self._recover(exc)   # raises again unless it is damage
                return self._fallback.search(q, limit)
        return best

    def exact_rows(self, q: str) -> list[int]:
        """Rows of entities with a label equal to the normalised ``q``."""
        return sorted(row for row, (s, _, _) in self._substring_hits(q).items() if s >= EXACT)

    def label(self, k: int) -> str:
        """Normalised label number ``k``."""
        return self.blob[self.starts[k]:self.starts[k + 1] - 1].decode()


PROBE = 256
"""Labels scored first, those sharing the most trigrams with the query."""
BUILD_CHUNK = 100_000
BUILDS: list[int] = []
"""The label count of every set of posting lists built in this process (tests
count them: loading, and writing the cache, build none)."""


def trigram_codes(data: bytes) -> list[int]:
    """The distinct byte trigrams of ``data`` as 24-bit numbers, sorted."""
    return sorted({data[i] << 16 | data[i + 1] << 8 | data[i + 2] for i in range(len(data) - 2)})


def shared_needed(q: str, n: int, ratio: float) -> int | None:
    """How many distinct byte trigrams of ``q`` a label of ``n`` characters
    shares with it at least, if their similarity ``2 × LCS / (len(q) + n)`` is
    ``ratio`` or more (None: no such label).

    Every character of ``q`` outside the longest common subsequence breaks at
    most its byte length + 2 of ``q``'s byte trigrams, every run of the
    label's characters between two matched ones at most 2 (the q-gram lemma,
    for insertions and deletions), and a trigram repeated in ``q`` counts once.

    >>> shared_needed("rhoka materials llc", 19, 0.9)
    12
    >>> shared_needed("rhoka materials llc", 19, 0.72) < 0
    True
    """
    import math

    data = q.encode()
    m = len(q)
    common = math.ceil(ratio * (m + n) / 2 - 1e-9)
    if common > min(m, n):
        return None
    widest = max(map(len, map(str.encode, q)), default=1)
    repeats = max(len(data) - 2, 0) - len(trigram_codes(data))
    return len(data) - 2 - (widest + 2) * (m - common) - 2 * (n - common) - repeats


def has_numpy() -> bool:
    """Whether numpy can be imported (without importing it)."""
    from importlib.util import find_spec

    return find_spec("numpy") is not None


class Trigrams:
    """Posting lists of the labels' byte trigrams: for each trigram (24-bit
    code, ascending), the numbers of the labels holding it, ascending. Kept in
    the cache in a file of their own beside the entry (graph/cache.py); ``check(lo, hi)``, when given, checks the
    cache blocks of the memory addresses ``lo`` to ``hi`` before a list is read.

    Built and counted with numpy, an optional dependency: where numpy is
    installed pyarrow imports it when it starts anyway (about 0.1 s of CPU on
    every command), so ``kg`` does not require it; without it, fuzzy matching
    scores the whole length window as before (same answers, slower)."""

    def __init__(self, codes: Sequence[int], offsets: Sequence[int], labels: "np.ndarray",
                 check: Callable[[int, int], None] | None = None) -> None:
        self.codes, self.offsets, self.labels, self.check = codes, offsets, labels, check

    @classmethod
    def build(cls, blob: bytes, starts: Sequence[int]) -> "Trigrams":
        """The posting lists of the labels in ``blob`` (joined by newlines),
        made :data:`BUILD_CHUNK` labels at a time (then merged code by code),
        so the memory it takes stays near that of the lists themselves."""
        import numpy as np

        n = len(starts) - 1
        BUILDS.append(n)
        at = np.asarray(starts, dtype=np.int64)
        parts = [_chunk_postings(blob, at, a, min(n, a + BUILD_CHUNK))
                 for a in range(0, n, BUILD_CHUNK)]
        parts = [p for p in parts if len(p[0])]
        if not parts:
            return cls([], [0], np.zeros(0, np.int32))
        codes = np.unique(np.concatenate([p[0] for p in parts]))
        total = np.zeros(len(codes), dtype=np.int64)
        for u, first, lab in parts:
            total[np.searchsorted(codes, u)] += np.diff(np.append(first, len(lab)))
        offsets = np.concatenate(([0], np.cumsum(total)))
        out = np.empty(int(offsets[-1]), dtype=np.int32)
        fill = offsets[:-1].tolist()
        for u, first, lab in parts:     # chunks in label order: each list stays ascending
            ends = np.append(first, len(lab)).tolist()
            for i, j, k in zip(np.searchsorted(codes, u).tolist(), ends, ends[1:]):
                out[fill[i]:fill[i] + k - j] = lab[j:k]
                fill[i] += k - j
        return cls(codes.tolist(), offsets.tolist(), out)

    def shared(self, codes: Sequence[int], lo: int, hi: int) -> "np.ndarray":
        """For labels ``lo`` to ``hi``: how many of ``codes`` each holds."""
        import numpy as np

        parts = [np.zeros(0, np.int32)]
        for c in codes:
            i = bisect_left(self.codes, c)
            if i == len(self.codes) or self.codes[i] != c:
                continue
            a, b = self.offsets[i], self.offsets[i + 1]
            if self.check is not None:
                at = self.labels.ctypes.data
                self.check(at + 4 * a, at + 4 * b)
            seg = self.labels[a:b]
            parts.append(seg[np.searchsorted(seg, lo):np.searchsorted(seg, hi)])
        return np.bincount(np.concatenate(parts) - lo, minlength=hi - lo)


def _chunk_postings(blob: bytes, at: "np.ndarray", a: int, b: int
                    ) -> "tuple[np.ndarray, np.ndarray, np.ndarray]":
    """Labels ``a`` to ``b``: their distinct trigram codes (ascending), where
    each code's labels start, and the labels (ascending for each code)."""
    import numpy as np

    data = np.frombuffer(blob, np.uint8, int(at[b] - 1 - at[a]), int(at[a]))
    inside = (data[:-2] != 10) & (data[1:-1] != 10) & (data[2:] != 10)
    if not inside.any():        # no label of three bytes or more
        return np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0, np.int32)
    sizes: Any = np.diff(at[a:b + 1])
    label = np.repeat(np.arange(a, b, dtype=np.int32), sizes)[:len(data) - 2][inside]
    code = data[:-2][inside].astype(np.int32) << 16
    code |= data[1:-1][inside].astype(np.int32) << 8
    code |= data[2:][inside]
    order = np.argsort(code, kind="stable")      # stable: labels stay ascending
    code, label = code[order], label[order]
    keep = np.ones(len(code), dtype=bool)
    keep[1:] = (code[1:] != code[:-1]) | (label[1:] != label[:-1])
    code, label = code[keep], label[keep]
    first = np.flatnonzero(np.concatenate(([True], code[1:] != code[:-1])))
    return code[first], first, label


def matches(index: NameIndex, query: str, entity_at: Any, limit: int | None) -> list[Match]:
    """:class:`Match` objects, best first, for ``query``; ``entity_at(row)``
    gives the entity of a row."""
    from .resolve import normalize, order

    found = list(index.search(normalize(query), limit).items())
    if limit is not None and len(found) > limit:
        # Entities are made only for the matches that can make the first
        # ``limit``: those scoring at least the limit-th best (ties go by name).
        cut = sorted((key[0] for _, key in found), reverse=True)[limit - 1]
        found = [(row, key) for row, key in found if key[0] >= cut]
    out = []
    for row, (score, neg_slot, _) in found:
        e = entity_at(row)
        slot = -neg_slot
        field, label = (("id", e.id) if slot == _ID else ("name", e.name) if slot == _NAME
                        else ("alias", e.aliases[slot - 2]))
        out.append(Match(e, score, label, field))
    return order(out, limit)
