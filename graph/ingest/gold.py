"""Gold annotations in the TSV format of the external evaluation set, and their scorer.

A gold annotation of ``article.txt`` is two files:

- ``*.entities.tsv`` (or ``gold-N-entities.tsv``): ``type<TAB>canonical<TAB>alias|alias``;
  a type written ``?type`` marks an optional entity (not counted in recall, but
  matching it is not a false positive);
- ``*.relations.tsv``: ``from<TAB>type|type<TAB>to`` with canonical names; several
  accepted types are separated by ``|``; direction matters except for
  ``competes_with``, ``partners_with`` and ``related_to``.

Lines starting with ``#`` are comments. Scoring (:func:`score_gold`):

- names match after NFKC, lower case, straight quotes, hyphens as spaces, a
  leading "the"/"PT" and trailing trivial company suffixes dropped
  (:func:`gold_key`); an extracted entity matches a gold entity when one of its
  labels equals one of the gold entity's; a second extracted entity matching
  the same gold entity is a false positive (a duplicate);
- a relation matches when both ends match and its type is one of the accepted
  ones; "endpoints" ignores the type; typed precision is also given without
  ``related_to``;
- a bracketed CJK name of the article counts as found when it is a label of the
  extracted entity matched to the gold entity that has it; a CJK label on an
  extracted entity whose gold entity does not have it is a wrong alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import KgError
from ..model import Dataset
from ..resolve import normalize
from .score import Score as Counts
from .score import mixed_score

SYMMETRIC = frozenset({"competes_with", "partners_with", "related_to"})
_SUFFIXES = frozenset("inc ltd co corp corporation company plc llc ag se nv sa gmbh tbk".split())
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "-": " "})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BRACKETED = re.compile(r"[(（]([^()（）]{1,40})[)）]")


class GoldError(KgError):
    """A gold file that does not parse or names an entity it does not define."""


def gold_key(name: str) -> str:
    """The form names are compared in.

    >>> gold_key("The Mitsui & Co.") == gold_key("mitsui &")
    True
    >>> gold_key("PT Aneka Tambang Tbk")
    'aneka tambang'
    """
    text = normalize(name).translate(_QUOTES)
    words = [w for w in re.split(r"[\s,]+", text.replace(".", " ")) if w]
    while words and words[0] in ("the", "pt"):
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@dataclass
class GoldEntity:
    type: str
    name: str
    aliases: list[str]
    optional: bool

    def keys(self) -> set[str]:
        return {gold_key(x) for x in [self.name, *self.aliases]}


@dataclass
class GoldRelation:
    source: str
    types: tuple[str, ...]
    target: str


@dataclass
class Gold:
    entities: list[GoldEntity]
    relations: list[GoldRelation]

    def entity(self, name: str) -> GoldEntity | None:
        return next((e for e in self.entities if e.name == name), None)


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.rstrip("\n").split("\t")


def load_gold(entities: Path, relations: Path) -> Gold:
    """Read a gold pair; every relation end must be a canonical name of the entities file."""
    ents: list[GoldEntity] = []
    for n, cols in _rows(entities):
        if len(cols) < 2:
            raise GoldError(f"{entities}:{n}: expected type<TAB>name[<TAB>aliases], fix the line")
        etype = cols[0].strip()
        aliases = [a.strip() for a in cols[2].split("|") if a.strip()] if len(cols) > 2 else []
        ents.append(GoldEntity(etype.lstrip("?"), cols[1].strip(), aliases, etype.startswith("?")))
    names = {e.name for e in ents}
    rels: list[GoldRelation] = []
    for n, cols in _rows(relations):
        if len(cols) != 3:
            raise GoldError(f"{relations}:{n}: expected from<TAB>type<TAB>to, fix the line")
        a, t, b = (c.strip() for c in cols)
        for end in (a, b):
            if end not in names:
                raise GoldError(f"{relations}:{n}: {end!r} is not a name in {entities.name}, "
                                "add it there or fix the spelling")
        rels.append(GoldRelation(a, tuple(t.split("|")), b))
    return Gold(ents, rels)


@dataclass
class GoldReport:
    entities: Counts
    types_right: int
    matched: int
    typed: Counts             # precision over every extracted relation
    typed_strict: Counts      # precision over relations other than related_to
    endpoints: Counts
    cjk: Counts               # tp: found, fn: missed, fp: CJK label on a wrong entity
    missed_entities: list[str] = field(default_factory=list)
    extra_entities: list[str] = field(default_factory=list)
    wrong_types: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    wrong_relations: list[str] = field(default_factory=list)
    wrong_type_relations: list[str] = field(default_factory=list)
    cjk_missed: list[str] = field(default_factory=list)
    cjk_wrong: list[str] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.types_right / self.matched if self.matched else 1.0


def _match(dataset: Dataset, gold: Gold) -> tuple[dict[str, int], list[str]]:
    """Extracted id -> gold index (one to one), and the extracted ids that are duplicates."""
    keys = [e.keys() for e in gold.entities]
    out: dict[str, int] = {}
    dupes: list[str] = []
    taken: set[int] = set()
    for x in dataset.entities.values():
        labels = {gold_key(a) for a in x.labels()}
        name = gold_key(x.name)
        cands = [i for i, k in enumerate(keys) if labels & k]
        if not cands:
            continue
        free = [i for i in cands if i not in taken]
        if not free:
            dupes.append(x.id)
            continue
        best = max(free, key=lambda i: (gold_key(gold.entities[i].name) == name,
                                        name in keys[i], len(labels & keys[i]), -i))
        out[x.id] = best
        taken.add(best)
    return out, dupes


def score_gold(dataset: Dataset, gold: Gold, text: str = "") -> GoldReport:
    """Score an extracted dataset (a draft loaded back) against a gold annotation."""
    matched, dupes = _match(dataset, gold)
    ge = gold.entities
    required = [i for i, g in enumerate(ge) if not g.optional]
    hit = set(matched.values())
    ents = Counts(tp=sum(1 for i in required if i in hit),
                  fp=len(dataset.entities) - len(matched),
                  fn=sum(1 for i in required if i not in hit))
    rep = GoldReport(ents, 0, len(matched), Counts(), Counts(), Counts(), Counts())
    for x, i in matched.items():
        if dataset.entities[x].type == ge[i].type:
            rep.types_right += 1
        else:
            rep.wrong_types.append(f"{ge[i].name}: {dataset.entities[x].type} "
                                   f"(gold {ge[i].type})")
    rep.missed_entities = [f"{ge[i].type} {ge[i].name}" for i in required if i not in hit]
    rep.extra_entities = [f"{dataset.entities[x].type} {dataset.entities[x].name}"
                          + (" (duplicate)" if x in dupes else "")
                          for x in dataset.entities if x not in matched]
    index = {g.name: i for i, g in enumerate(ge)}

    def pair(a: int, b: int, t: str) -> tuple[int, int]:
        return (min(a, b), max(a, b)) if t in SYMMETRIC else (a, b)

    gold_typed: dict[tuple[int, int, str], int] = {}
    gold_pairs: dict[frozenset[int], list[int]] = {}
    for n, g in enumerate(gold.relations):
        ga, gb = index[g.source], index[g.target]
        for t in g.types:
            gold_typed[(*pair(ga, gb, t), t)] = n
        gold_pairs.setdefault(frozenset((ga, gb)), []).append(n)
    found: set[int] = set()
    found_pairs: set[int] = set()
    correct = correct_strict = strict = ends_ok = 0
    names = {x: dataset.entities[x].name for x in dataset.entities}
    for r in dataset.relations:
        a, b = matched.get(r.source_id), matched.get(r.target_id)
        label = f"{names.get(r.source_id, r.source_id)} {r.type} {names.get(r.target_id, r.target_id)}"
        typed_strict = r.type != "related_to"
        strict += typed_strict
        if a is None or b is None:
            rep.wrong_relations.append(label)
            continue
        pairs = gold_pairs.get(frozenset((a, b)), [])
        if pairs:
            ends_ok += 1
            found_pairs.update(pairs)
        gold_n = gold_typed.get((*pair(a, b, r.type), r.type))
        if gold_n is not None:
            found.add(gold_n)
            correct += 1
            correct_strict += typed_strict
        elif pairs:
            rep.wrong_type_relations.append(label)
        else:
            rep.wrong_relations.append(label)
    total = len(gold.relations)
    # precision over the drafted relations, recall over the gold ones (their counts differ)
    rep.typed = mixed_score(Counts(tp=correct, fp=len(dataset.relations) - correct),
                       Counts(tp=len(found), fn=total - len(found)))
    rep.typed_strict = Counts(tp=correct_strict, fp=strict - correct_strict)
    rep.endpoints = Counts(tp=len(found_pairs), fp=len(dataset.relations) - ends_ok,
                           fn=total - len(found_pairs))
    rep.missed_relations = [f"{r.source} {'|'.join(r.types)} {r.target}"
                            for n, r in enumerate(gold.relations) if n not in found]
    _score_cjk(rep, dataset, gold, matched, text)
    return rep


def _score_cjk(rep: GoldReport, dataset: Dataset, gold: Gold, matched: dict[str, int],
               text: str) -> None:
    bracketed = {gold_key(m.group(1)) for m in _BRACKETED.finditer(text) if has_cjk(m.group(1))}
    by_gold = {i: x for x, i in matched.items()}
    for i, g in enumerate(gold.entities):
        for label in [g.name, *g.aliases]:
            key = gold_key(label)
            if not has_cjk(label) or key not in bracketed:
                continue
            x = by_gold.get(i)
            if x is not None and key in {gold_key(a) for a in dataset.entities[x].labels()}:
                rep.cjk.tp += 1
            else:
                rep.cjk.fn += 1
                rep.cjk_missed.append(f"{label} ({g.name})")
    for x, e in dataset.entities.items():
        own = gold.entities[matched[x]].keys() if x in matched else set()
        for label in e.labels():
            if has_cjk(label) and gold_key(label) not in own:
                rep.cjk.fp += 1
                rep.cjk_wrong.append(f"{label} on {e.name}")


def gold_pairs_in(folder: Path) -> list[tuple[Path, Path, Path]]:
    """(article, entities, relations) for every annotated article in a folder, by name.

    Understands both layouts: ``name.txt`` + ``name.entities.tsv`` +
    ``name.relations.tsv``, and ``article-N.txt`` + ``gold-N-entities.tsv`` +
    ``gold-N-relations.tsv``.
    """
    out: list[tuple[Path, Path, Path]] = []
    for article in sorted(folder.glob("*.txt")):
        stem = article.stem
        candidates: Sequence[tuple[Path, Path]] = [
            (folder / f"{stem}.entities.tsv", folder / f"{stem}.relations.tsv"),
            (folder / f"gold-{stem.removeprefix('article-')}-entities.tsv",
             folder / f"gold-{stem.removeprefix('article-')}-relations.tsv")]
        for ents, rels in candidates:
            if ents.is_file() and rels.is_file():
                out.append((article, ents, rels))
                break
    return out


def draft_dataset(article: Path) -> tuple[Dataset, float]:
    """Ingest one article against an empty seed folder and load the draft back.

    Returns the loaded draft and the seconds taken by extraction and YAML writing.
    """
    import tempfile
    import time

    from ..loader import load_dataset
    from .pipeline import ingest
    from .writer import draft_yaml

    start = time.perf_counter()
    text = draft_yaml(ingest([str(article)]))
    seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.yaml"
        draft.write_text(text, encoding="utf-8")
        return load_dataset(draft), seconds


def evaluate(article: Path, entities: Path, relations: Path) -> tuple[GoldReport, float]:
    """Score one article's draft (see :func:`draft_dataset`) against its gold pair."""
    gold = load_gold(entities, relations)
    dataset, seconds = draft_dataset(article)
    return score_gold(dataset, gold, article.read_text(encoding="utf-8")), seconds


@dataclass
class Totals:
    """Micro-averaged scores over several articles."""

    entities: Counts = field(default_factory=Counts)
    typed_strict: Counts = field(default_factory=Counts)
    typed: Counts = field(default_factory=Counts)
    endpoints: Counts = field(default_factory=Counts)
    cjk: Counts = field(default_factory=Counts)
    types_right: int = 0
    matched: int = 0

    @property
    def type_accuracy(self) -> float:
        return self.types_right / self.matched if self.matched else 1.0


def totals(reports: Sequence[GoldReport]) -> Totals:
    """Add up the counts of several reports (recall of typed relations over all gold ones)."""
    out = Totals()
    for rep in reports:
        for name in ("entities", "typed_strict", "typed", "endpoints", "cjk"):
            mine, theirs = getattr(out, name), getattr(rep, name)
            mine.tp += theirs.tp
            mine.fp += theirs.fp
            mine.fn += theirs.fn
        out.types_right += rep.types_right
        out.matched += rep.matched
    return out
