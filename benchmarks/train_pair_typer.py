"""Train the pair typer (``graph/ingest/pairs.py``) on the development corpus's gold only.

    python -m benchmarks.train_pair_typer            # rebuild graph/ingest/data/pair_typer.json
    python -m benchmarks.train_pair_typer --check    # fail unless the committed file is what it gives
    python -m benchmarks.train_pair_typer --cv       # leave-articles-out cross-validation on dev

Every dev article is ingested with the pair typer off (rules only, empty seed folder); each pair
of entities named in one sentence is an instance, labelled with the gold relation between the
gold entities the two drafted entities match ("owns>" left owns right, "owns<" the reverse,
"competes_with=" symmetric), else "none". A multinomial logistic regression (L2, full-batch
AdaGrad, a fixed number of steps from zero weights: deterministic) is fitted with numpy (the
test extra; inference is plain Python). Features seen fewer than twice are dropped; weights are
rounded to 4 decimals and those under 0.001 left out, so the JSON file stays small.

``--cv`` splits the dev articles into 5 folds (by stem order, article i in fold i mod 5),
trains on four, drafts the fifth with those weights at several thresholds and scores the drafts
with the gold scorer, against the rules alone on the same articles. The held-out articles and
ingest-eval are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "ingest-corpus" / "dev"
OUT = ROOT / "graph" / "ingest" / "data" / "pair_typer.json"
L2 = 0.002
STEPS = 300
RATE = 0.5
MIN_COUNT = 2
THRESHOLD = 0.5
FOLDS = 5


@dataclass
class Instance:
    article: str
    features: tuple[str, ...]
    label: str
    pair: tuple[int, int] = (0, 0)     # entity keys, left first
    typed: bool = False                # a rule drafted a typed relation between the two
    drafted: tuple[str, ...] = ()      # the rules' classes for the pair ("owns>", ...)


def instances(articles: Sequence[tuple[Path, Path, Path]]) -> list[Instance]:
    """The labelled pairs of these articles (drafted with the pair typer off)."""
    from graph.ingest import pairs
    from graph.ingest.gold import gold_key, load_gold
    from graph.ingest.pipeline import ingest

    out: list[Instance] = []
    token = pairs.disable()
    try:
        for article, ents, rels in articles:
            gold = load_gold(ents, rels)
            draft = ingest([str(article)])
            keys = [g.keys() for g in gold.entities]
            match: dict[int, str] = {}
            types: dict[int, str] = {}
            for e in draft.entities:
                types[e.key] = e.type
                labels = {gold_key(x) for x in e.labels()}
                hit = next((gold.entities[i].name for i, k in enumerate(keys) if labels & k), None)
                if hit is not None:
                    match[e.key] = hit
            rel = {(r.source, r.target): r.types for r in gold.relations}
            typed = {frozenset((r.source, r.target)) for r in draft.relations
                     if r.type != "related_to"}
            drafted: dict[tuple[int, int], list[str]] = {}
            for r in draft.relations:
                if r.type != "related_to":
                    drafted.setdefault((r.source, r.target), []).append(pairs.label_of(r.type, True))
                    drafted.setdefault((r.target, r.source), []).append(pairs.label_of(r.type, False))
            for site in draft.sites:
                a, b = match.get(site.left), match.get(site.right)
                label = pairs.NONE
                for forward, pair in ((True, (a, b)), (False, (b, a))):
                    if label == pairs.NONE and pair in rel:
                        ok = [pairs.label_of(t, forward) for t in rel[pair]]
                        fitting = [c for c in ok if c.endswith("=") or
                                   (site.left in types and site.right in types and
                                    pairs.fits(c, types[site.left], types[site.right]))]
                        label = (fitting or ok)[0]
                out.append(Instance(article.stem, site.features, label, (site.left, site.right),
                                    frozenset((site.left, site.right)) in typed,
                                    tuple(drafted.get((site.left, site.right), ()))))
    finally:
        pairs._disabled.reset(token)
    return out


def train(data: Sequence[Instance], threshold: float = THRESHOLD) -> dict[str, Any]:
    """Fit the weights; returns the JSON-ready model."""
    import numpy as np

    from graph.ingest.pairs import NONE

    classes = [NONE] + sorted({d.label for d in data} - {NONE})
    counts: dict[str, int] = {}
    for d in data:
        for f in d.features:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, d in enumerate(data):
        for f in d.features:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    row = np.array(rows, dtype=np.int64)
    col = np.array(cols, dtype=np.int64)
    n, k = len(data), len(classes)
    y = np.zeros((n, k))
    y[np.arange(n), [classes.index(d.label) for d in data]] = 1.0
    w = np.zeros((len(names), k))
    b = np.zeros(k)
    gw = np.full_like(w, 1e-8)
    gb = np.full_like(b, 1e-8)
    for _ in range(STEPS):
        gathered = w[col]
        scores = np.stack([np.bincount(row, gathered[:, c], minlength=n) for c in range(k)], 1)
        scores += b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - y) / n
        spread = err[row]
        grad_w = np.stack([np.bincount(col, spread[:, c], minlength=len(names))
                           for c in range(k)], 1)
        grad_w += L2 * w
        grad_b = err.sum(axis=0)
        gw += grad_w ** 2
        gb += grad_b ** 2
        w -= RATE * grad_w / np.sqrt(gw)
        b -= RATE * grad_b / np.sqrt(gb)
    weights: dict[str, dict[str, float]] = {}
    for f, i in index.items():
        kept = {str(c): round(float(w[i, c]), 4) for c in range(k) if abs(w[i, c]) >= 0.001}
        if kept:
            weights[f] = kept
    return {"about": "pair typer weights (graph/ingest/pairs.py), trained on the dev corpus "
                     "by benchmarks/train_pair_typer.py; numbers only",
            "articles": sorted({d.article for d in data}), "instances": n,
            "threshold": threshold, "classes": classes,
            "bias": [round(float(x), 4) for x in b], "weights": weights}


def dumps(model: dict[str, Any]) -> str:
    return json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def dev_articles() -> list[tuple[Path, Path, Path]]:
    from graph.ingest.gold import gold_pairs_in
    return gold_pairs_in(DEV)


def cross_validate(thresholds: Sequence[float]) -> None:
    from graph.ingest import pairs
    from graph.ingest.gold import evaluate, totals

    articles = dev_articles()
    data = instances(articles)
    folds = [[a for i, a in enumerate(articles) if i % FOLDS == f] for f in range(FOLDS)]
    reports: dict[float | None, list[Any]] = {t: [] for t in [None, *thresholds]}
    for fold in folds:
        stems = {a.stem for a, _, _ in fold}
        model = train([d for d in data if d.article not in stems])
        token = pairs.disable()
        try:
            reports[None] += [evaluate(*a)[0] for a in fold]
        finally:
            pairs._disabled.reset(token)
        for t in thresholds:
            model["threshold"] = t
            tok = pairs.use_model(pairs.PairModel.from_json(model))
            try:
                reports[t] += [evaluate(*a)[0] for a in fold]
            finally:
                pairs._override.reset(tok)
    print(f"Leave-articles-out cross-validation on dev ({len(articles)} articles, {FOLDS} folds)\n")
    print("| drafts | typed rel. P* / R | endpoints P / R | typed P* counts |")
    print("|---|---|---|---|")
    for t, reps in reports.items():
        tot = totals(reps)
        s = tot.typed_strict
        name = "rules only" if t is None else f"rules + pair typer, p >= {t}"
        print(f"| {name} | {s.precision:.3f} / {tot.typed.recall:.3f} | "
              f"{tot.endpoints.precision:.3f} / {tot.endpoints.recall:.3f} | "
              f"{s.tp} right of {s.tp + s.fp}; R {tot.typed.tp} of {tot.typed.tp + tot.typed.fn} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--cv", action="store_true", help="cross-validate on dev")
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7,0.8")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.cv:
        cross_validate([float(t) for t in args.thresholds.split(",")])
        return 0
    text = dumps(train(instances(dev_articles())))
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("pair typer weights: " + ("reproduced" if same else "DIFFER from the committed file"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
