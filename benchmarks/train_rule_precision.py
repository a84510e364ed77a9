"""Count how often each relation rule is right on the dev corpus (``graph/ingest/calibration.py``).

    python -m benchmarks.train_rule_precision           # rebuild graph/ingest/data/rule_precision.json
    python -m benchmarks.train_rule_precision --check   # exit 1 unless the committed file is what it gives
    python -m benchmarks.train_rule_precision --cv      # leave-articles-out cross-validation on dev

Every dev article is drafted with the calibration off (empty seed folder); each typed relation
(not ``related_to``) is right when the gold has it between the gold entities its two ends match
(symmetric types either way). Counts are kept per rule, rule + relation type, and rule +
relation type + the two entity types. Only the dev gold is read; ``--cv`` splits dev into 5
folds (article i in fold i mod 5), counts on four, drafts the fifth with those counts and
scores it with the gold scorer, against the rules' drafts unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "ingest-corpus" / "dev"
OUT = ROOT / "graph" / "ingest" / "data" / "rule_precision.json"
M = 4.0
THRESHOLD = 0.4
FOLDS = 5

Row = tuple[str, str, str, str, str, bool]   # article, rule, type, source type, target type, right


def drafted(articles: Sequence[tuple[Path, Path, Path]]) -> list[Row]:
    """Every typed relation the rules draft for these articles, and whether the gold has it."""
    from graph.ingest import calibration
    from graph.ingest.gold import SYMMETRIC, gold_key, load_gold
    from graph.ingest.pipeline import ingest

    out: list[Row] = []
    token = calibration.disable()
    try:
        for article, ents, rels in articles:
            gold = load_gold(ents, rels)
            draft = ingest([str(article)])
            keys = [g.keys() for g in gold.entities]
            match: dict[int, str] = {}
            for e in draft.entities:
                labels = {gold_key(x) for x in e.labels()}
                hit = next((gold.entities[i].name for i, k in enumerate(keys) if labels & k), None)
                if hit is not None:
                    match[e.key] = hit
            types = {e.key: e.type for e in draft.entities}
            truth = {(g.source, t, g.target) for g in gold.relations for t in g.types}
            truth |= {(b, t, a) for a, t, b in truth if t in SYMMETRIC}
            for r in draft.relations:
                if r.type == "related_to":
                    continue
                right = (match.get(r.source), r.type, match.get(r.target)) in truth
                out.append((article.stem, r.rule.split("+")[0], r.type,
                            types.get(r.source, ""), types.get(r.target, ""), right))
    finally:
        calibration.enable(token)
    return out


def count(rows: Sequence[Row]) -> dict[str, Any]:
    """The JSON-ready counts (sorted keys: the file is the same for the same rows)."""
    from graph.ingest.calibration import keys

    counts: dict[str, list[int]] = {}
    for _, rule, rtype, st, tt, right in rows:
        for key in keys(rule, rtype, st, tt):
            c = counts.setdefault(key, [0, 0])
            c[0] += int(right)
            c[1] += 1
    prior = sum(r[5] for r in rows) / len(rows) if rows else 0.5
    return {"about": "right/drafted typed relations per rule on the dev corpus "
                     "(benchmarks/train_rule_precision.py); numbers only",
            "articles": len({r[0] for r in rows}), "prior": round(prior, 4), "m": M,
            "threshold": THRESHOLD, "counts": dict(sorted(counts.items()))}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def dev_articles() -> list[tuple[Path, Path, Path]]:
    from graph.ingest.gold import gold_pairs_in
    return gold_pairs_in(DEV)


def cross_validate(thresholds: Sequence[float]) -> None:
    from graph.ingest import calibration
    from graph.ingest.gold import evaluate, totals

    articles = dev_articles()
    rows = drafted(articles)
    reports: dict[float | None, list[Any]] = {t: [] for t in [None, *thresholds]}
    for f in range(FOLDS):
        fold = [a for i, a in enumerate(articles) if i % FOLDS == f]
        stems = {a.stem for a, _, _ in fold}
        data = count([r for r in rows if r[0] not in stems])
        token = calibration.disable()
        try:
            reports[None] += [evaluate(*a)[0] for a in fold]
        finally:
            calibration.enable(token)
        for t in thresholds:
            data["threshold"] = t
            tok = calibration.use(calibration.RulePrecision.from_json(data))
            try:
                reports[t] += [evaluate(*a)[0] for a in fold]
            finally:
                calibration.restore(tok)
    print(f"Leave-articles-out cross-validation on dev ({len(articles)} articles, {FOLDS} folds)\n")
    print("| drafts | typed rel. P* / R | endpoints P / R | counts |")
    print("|---|---|---|---|")
    for t, reps in reports.items():
        tot = totals(reps)
        s = tot.typed_strict
        name = "rules as drafted" if t is None else f"estimated precision < {t} -> related_to"
        print(f"| {name} | {s.precision:.3f} / {tot.typed.recall:.3f} | "
              f"{tot.endpoints.precision:.3f} / {tot.endpoints.recall:.3f} | "
              f"P* {s.tp} of {s.tp + s.fp}, R {tot.typed.tp} of {tot.typed.tp + tot.typed.fn} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--cv", action="store_true", help="cross-validate on dev")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.cv:
        cross_validate([float(t) for t in args.thresholds.split(",")])
        return 0
    text = dumps(count(drafted(dev_articles())))
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("rule precision counts: " + ("reproduced" if same else "DIFFER from the committed file"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
