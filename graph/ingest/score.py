"""Precision and recall of a draft against a hand-made gold seed file.

Scoring rules (also printed by ``benchmarks/ingest_quality.py``):

- Entities match by label: an extracted and a gold entity are the same when any
  name or alias of one equals any name or alias of the other after
  :func:`graph.resolve.normalize`. Matching is one-to-one, gold entities in
  file order, preferring equal names, then the largest label overlap. Types are
  not part of the match; their agreement is reported separately.
- Relations match after entity matching, as (from, type, to). Symmetric types
  (competes_with, partners_with) match in either direction.
- ``related_to`` means "related, type unspecified": a gold ``related_to`` is
  found by any extracted relation between the pair (either direction); an
  extracted ``related_to`` is correct (for precision) when the gold file links
  the pair in any way, but it never recalls a typed gold relation.
- "Pairs" scores ignore type and direction: did the draft connect the two
  entities the gold file connects?
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Dataset, Entity, Schema
from ..resolve import normalize


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    entities: Score
    relations: Score
    pairs: Score
    types_agree: int = 0
    matched: dict[str, str] = field(default_factory=dict)       # extracted id -> gold id
    missed_entities: list[str] = field(default_factory=list)
    extra_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    extra_relations: list[str] = field(default_factory=list)


def _labels(e: Entity) -> set[str]:
    return {normalize(x) for x in e.labels()}


def match_entities(extracted: Dataset, gold: Dataset) -> dict[str, str]:
    """Extracted id -> gold id, one to one."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for g in gold.entities.values():
        gl = _labels(g)
        best, best_key = None, None
        for x in extracted.entities.values():
            if x.id in used:
                continue
            overlap = len(gl & _labels(x))
            if not overlap:
                continue
            key = (normalize(x.name) == normalize(g.name), overlap)
            if best_key is None or key > best_key:
                best, best_key = x, key
        if best is not None:
            out[best.id] = g.id
            used.add(best.id)
    return out


def score(extracted: Dataset, gold: Dataset) -> Report:
    schema = Schema.builtin()
    matched = match_entities(extracted, gold)
    ents = Score(tp=len(matched), fp=len(extracted.entities) - len(matched),
                 fn=len(gold.entities) - len(matched))
    types_agree = sum(1 for x, g in matched.items()
                      if extracted.entities[x].type == gold.entities[g].type)

    def key(a: str, t: str, b: str) -> tuple[frozenset[str] | str, ...]:
        return (frozenset((a, b)), t) if schema.symmetric(t) else (a, t, b)

    gold_keys = {key(r.source_id, r.type, r.target_id) for r in gold.relations if r.type != "related_to"}
    gold_pairs = {frozenset(r.endpoints()) for r in gold.relations}
    gold_loose = {frozenset(r.endpoints()) for r in gold.relations if r.type == "related_to"}
    got_keys, got_pairs, correct = set(), set(), 0
    extra = []
    for r in extracted.relations:
        a, b = matched.get(r.source_id), matched.get(r.target_id)
        ok = False
        if a is not None and b is not None:
            pair = frozenset((a, b))
            got_pairs.add(pair)
            k = key(a, r.type, b)
            if k in gold_keys:
                got_keys.add(k)
                ok = True
            elif pair in gold_loose or (r.type == "related_to" and pair in gold_pairs):
                ok = True
        correct += ok
        if not ok:
            extra.append(f"{r.source_id} {r.type} {r.target_id}")
    missed = []
    found = 0
    for r in gold.relations:
        pair = frozenset(r.endpoints())
        hit = pair in got_pairs if r.type == "related_to" else \
            key(r.source_id, r.type, r.target_id) in got_keys
        found += hit
        if not hit:
            missed.append(f"{r.source_id} {r.type} {r.target_id}")
    rels = Score(tp=found, fp=len(extracted.relations) - correct, fn=len(gold.relations) - found)
    # precision uses the count of correct extracted relations, recall the found gold ones
    rels_p = Score(tp=correct, fp=len(extracted.relations) - correct)
    pairs = Score(tp=len(got_pairs & gold_pairs), fp=len(got_pairs - gold_pairs),
                  fn=len(gold_pairs - got_pairs))
    report = Report(ents, mixed_score(rels_p, rels), pairs, types_agree, matched)
    report.missed_entities = [g for g in gold.entities if g not in set(matched.values())]
    report.extra_entities = [x for x in extracted.entities if x not in matched]
    report.missed_relations = missed
    report.extra_relations = extra
    return report


class _Mixed(Score):
    """Precision over extracted relations, recall over gold ones (their counts differ)."""

    def __init__(self, p: Score, r: Score):
        super().__init__(r.tp, p.fp, r.fn)
        self._p = p

    @property
    def precision(self) -> float:
        return self._p.precision


def mixed_score(p: Score, r: Score) -> Score:
    """Precision from ``p`` and recall from ``r`` (typed relations: precision
    counts only relations other than related_to)."""
    return _Mixed(p, r)
