"""Quality of ``kg ingest`` against hand-made gold files; prints one markdown table.

    python -m benchmarks.ingest_quality            # every article with a gold file
    python -m benchmarks.ingest_quality -v         # also list misses and extras
    python -m benchmarks.ingest_quality --time     # also time each ingest

Each ``tests/fixtures/ingest/<name>.gold.yaml`` is a hand annotation (a valid
seed file) of the article ``<name>*`` next to it or in ``tests/fixtures/articles/``.
``lithium-mine-deal`` is held out: written after the rules were tuned on the
others, and never used to tune them. The article is ingested against an EMPTY seed
folder, the draft is written as YAML and loaded back through the validator,
then scored. Scoring rules (graph/ingest/score.py):

* entities match by label: any name or alias of one equals any name or alias
  of the other after normalisation (case, width, typographic punctuation);
  one to one, preferring equal names; types are reported separately;
* relations match as (from, type, to) after entity matching; symmetric types
  match either way round; a gold ``related_to`` is found by any extracted
  relation between the pair; an extracted ``related_to`` counts as correct
  when the gold file links the pair in any way, but never recalls a typed
  gold relation;
* "pairs" ignore type and direction: were the same two entities connected?

``--time`` adds wall-clock time for ``ingest()`` + YAML writing, once per
article (a noisy, shared machine: compare articles, not runs); it is off by
default so that the table is reproducible (the README shows it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "ingest"
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def article_for(gold: Path) -> Path:
    stem = gold.name[: -len(".gold.yaml")]
    for folder in (gold.parent, ARTICLES):
        found = sorted(p for p in folder.glob(stem + "*") if not p.name.endswith(".gold.yaml"))
        if found:
            return found[0]
    raise SystemExit(f"no article for {gold}")


def evaluate(gold: Path):
    """(article path, report, seconds) for one gold file."""
    from graph.ingest.gold import draft_dataset
    from graph.ingest.score import score
    from graph.loader import load_dataset

    article = article_for(gold)
    extracted, seconds = draft_dataset(article)
    return article, score(extracted, load_dataset(gold)), seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--time", action="store_true", help="time each ingest")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    print("| article | entities P | entities R | types agree | relations P | relations R "
          "| pairs P | pairs R | gold ents/rels |" + (" time |" if args.time else ""))
    print("|---|---|---|---|---|---|---|---|---|" + ("---|" if args.time else ""))
    details = []
    for gold in sorted(GOLD.glob("*.gold.yaml")):
        article, r, seconds = evaluate(gold)
        e, rel, pairs = r.entities, r.relations, r.pairs
        print(f"| {article.name} | {e.precision:.2f} | {e.recall:.2f} | "
              f"{r.types_agree}/{e.tp} | {rel.precision:.2f} | {rel.recall:.2f} | "
              f"{pairs.precision:.2f} | {pairs.recall:.2f} | {e.tp + e.fn}/{rel.tp + rel.fn} |"
              + (f" {seconds * 1000:.0f} ms |" if args.time else ""))
        details.append((article.name, r))
    if args.verbose:
        for name, r in details:
            print(f"\n## {name}")
            print("missed entities:", ", ".join(r.missed_entities) or "-")
            print("extra entities:", ", ".join(r.extra_entities) or "-")
            print("missed relations:", "; ".join(r.missed_relations) or "-")
            print("extra relations:", "; ".join(r.extra_relations) or "-")


if __name__ == "__main__":
    main()
