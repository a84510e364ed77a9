"""A learned pair typer: which relation, if any, a sentence states between two entities it names.

The hand-written rules (:mod:`.verbs`, :mod:`.relations`) are precise but each reads one
construction; this stage reads every pair of entities named in one sentence (and, after
"It"/"The company" opening a sentence, the firm the text was last about with each entity of
that sentence) through a multinomial logistic regression over simple features: the words
between and around the two mentions, their entity types, order and distance. The weights
were trained on the development corpus's gold only (``benchmarks/train_pair_typer.py``
rebuilds ``data/pair_typer.json`` exactly) and are plain numbers in JSON; inference is plain
Python, so ``kg ingest`` stays deterministic and needs no model download.

A learned relation is added only for a pair no rule typed, when the model's probability for a
relation type that fits the two entity types reaches the threshold stored with the weights.
"""

from __future__ import annotations

import contextvars
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..model import Schema

DATA = Path(__file__).resolve().parent / "data" / "pair_typer.json"
NONE = "none"
_WORD = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?|\d+(?:[.,]\d+)*%?|[$€£¥₩]|[;:,()（）]")
_CJK_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_COREF = re.compile(r"^\s*(?:It|The\s+(?:company|group|firm|venture|bank|lender|developer|"
                    r"maker|operator|utility|carrier|producer|builder))\b")


@dataclass(frozen=True)
class Site:
    """Two entities named in one sentence (left one first), with the features the model reads."""

    article: int
    text: str
    left: int                      # entity keys
    right: int
    features: tuple[str, ...]


@dataclass(frozen=True)
class PairModel:
    """Weights per feature and class (``"owns>"``: left owns right; ``"<"`` the reverse;
    ``"="`` a symmetric type), a bias per class, and the probability a learned relation needs."""

    classes: tuple[str, ...]
    weights: Mapping[str, Mapping[int, float]]
    bias: tuple[float, ...]
    threshold: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PairModel:
        classes = tuple(data["classes"])
        weights = {f: {int(c): float(w) for c, w in row.items()} for f, row in data["weights"].items()}
        return cls(classes, weights, tuple(float(b) for b in data["bias"]), float(data["threshold"]))

    def probabilities(self, features: Iterable[str]) -> list[float]:
        scores = list(self.bias)
        for f in features:
            for c, w in self.weights.get(f, {}).items():
                scores[c] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


_override: contextvars.ContextVar[PairModel | None] = contextvars.ContextVar("pair_model",
                                                                             default=None)
_disabled: contextvars.ContextVar[bool] = contextvars.ContextVar("pair_model_off", default=False)


@cache
def shipped_model() -> PairModel | None:
    """The committed weights; None when the data file is absent."""
    if not DATA.is_file():
        return None
    return PairModel.from_json(json.loads(DATA.read_text(encoding="utf-8")))


def current_model() -> PairModel | None:
    if _disabled.get():
        return None
    return _override.get() or shipped_model()


def use_model(model: PairModel | None) -> contextvars.Token[PairModel | None]:
    """Use these weights (cross-validation); ``None`` means the shipped ones."""
    return _override.set(model)


def disable(off: bool = True) -> contextvars.Token[bool]:
    """Rules only (training reads the pairs the rules' entities give, untouched by the model)."""
    return _disabled.set(off)


def stem(word: str) -> str:
    """A crude lemma: lower case, plural and tense endings dropped ("supplies" -> "suppl")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for end in ("ies", "ied", "ing", "ed", "es", "s", "y"):
        if len(w) > len(end) + 2 and w.endswith(end):
            return w[: -len(end)]
    return w


def _words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(_CJK_PAREN.sub(" ( ) ", text))]


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else \
        "5-8" if n <= 8 else "9-15" if n <= 15 else "16+"


@cache
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from .verbs import CUES
    return tuple((c.type, re.compile(rf"\b(?:{c.words})\b", re.I)) for c in CUES)


_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s+and\b|\bsaid\b|\bsays\b|:\s|[“”\"]")


def _cue_types(text: str) -> set[str]:
    return {rtype for rtype, pattern in _cues() if pattern.search(text)}


def features(text: str, left: tuple[int, int], right: tuple[int, int], left_type: str,
             right_type: str, between: int, coref: bool = False,
             first: bool = False) -> tuple[str, ...]:
    """The features of one pair: ``left`` is the earlier mention's span (for a coreferent
    subject, the span of "It"/"The company"), ``between`` the number of entity mentions
    between the two."""
    tt = f"{left_type}>{right_type}"
    mid = _words(text[left[1]:right[0]])
    before = _words(text[:left[0]])[-2:]
    after = _words(text[right[1]:])[:2]
    out = [f"tt={tt}", f"d={_bucket(len(mid))}", f"nb={min(between, 2)}",
           f"tt|d={tt}|{_bucket(len(mid))}"]
    gap = text[left[1]:right[0]]
    out += [f"cue={c}" for c in sorted(_cue_types(gap))]
    out += [f"tt|cue={tt}|{c}" for c in sorted(_cue_types(gap))]
    out += [f"cueR={c}" for c in sorted(_cue_types(text[right[1]:right[1] + 40]))]
    out += [f"cueL={c}" for c in sorted(_cue_types(text[max(0, left[0] - 40):left[0]]))]
    if _CLAUSE_BREAK.search(gap):
        out.append("break")
    if first:
        out.append(f"first|tt={tt}")
    if coref:
        out.append("coref")
        out.append(f"coref|tt={tt}")
    seen = mid if len(mid) <= 12 else mid[:6] + mid[-6:]
    out += [f"w={w}" for w in dict.fromkeys(seen)]
    out += [f"tl|w={left_type}|{w}" for w in dict.fromkeys(seen[:4])]
    if mid:
        out += [f"w1={mid[0]}", f"wl={mid[-1]}", f"tt|w1={tt}|{mid[0]}", f"tt|wl={tt}|{mid[-1]}"]
        out += [f"bg={a}_{b}" for a, b in zip(mid[:5], mid[1:6])]
    else:
        out.append(f"adjacent|tt={tt}")
    out += [f"l-{i}={w}" for i, w in enumerate(reversed(before), 1)]
    out += [f"r+{i}={w}" for i, w in enumerate(after, 1)]
    if after:
        out.append(f"tt|r+1={tt}|{after[0]}")
    if before:
        out.append(f"tt|l-1={tt}|{before[-1]}")
    return tuple(out)


def label_of(gold_type: str, forward: bool) -> str:
    """A class name: the gold type and whether it runs left to right."""
    if Schema.builtin().symmetric(gold_type) or gold_type == "related_to":
        return f"{gold_type}="
    return f"{gold_type}{'>' if forward else '<'}"


def fits(cls: str, left_type: str, right_type: str) -> bool:
    """Whether a class's relation type takes these two entity types in its direction."""
    rtype, arrow = cls[:-1], cls[-1]
    src, dst = (right_type, left_type) if arrow == "<" else (left_type, right_type)
    rt = Schema.builtin().relation_types[rtype]
    return (not rt.from_types or src in rt.from_types) and (not rt.to_types or dst in rt.to_types)


def coref_opening(text: str) -> tuple[int, int] | None:
    """The span of "It"/"The company" opening a sentence, when it does."""
    m = _COREF.match(text)
    return (m.end() - len(m.group(0).lstrip()), m.end()) if m else None


def predict(model: PairModel, sites: Iterable[Site],
            types: Mapping[int, str]) -> dict[tuple[int, int], tuple[str, float, Site]]:
    """Best fitting relation per ordered pair (source, target) over all its sites:
    (type, probability, the site that said it most strongly)."""
    best: dict[frozenset[int], tuple[float, str, int, int, Site]] = {}
    for site in sites:
        lt, rt = types[site.left], types[site.right]
        probs = model.probabilities(site.features)
        for i, cls in enumerate(model.classes):
            if cls == NONE or cls.endswith("=") and cls.startswith("related_to") \
                    or not fits(cls, lt, rt):
                continue
            p = probs[i]
            src, dst = (site.right, site.left) if cls.endswith("<") else (site.left, site.right)
            key = frozenset((site.left, site.right))
            if key not in best or p > best[key][0]:
                best[key] = (p, cls[:-1], src, dst, site)
    return {(src, dst): (rtype, p, site) for p, rtype, src, dst, site in best.values()}
