"""Scores of ``kg ingest`` on the TSV-annotated corpora; prints markdown tables.

    python -m benchmarks.ingest_corpus              # dev, held-out and ingest-eval tables
    python -m benchmarks.ingest_corpus -v           # also list every failure
    python -m benchmarks.ingest_corpus --time       # also time each ingest
    python -m benchmarks.ingest_corpus --long       # seconds per MB as one article grows
    python -m benchmarks.ingest_corpus --hostile    # seconds per MB of adversarial text

Corpora: ``tests/fixtures/ingest-corpus/dev`` (the rules are tuned on it),
``tests/fixtures/ingest-corpus/heldout`` (never tuned on) and the external
``../shared/ingest-eval`` when it is there ($KG_INGEST_EVAL names another
folder; never tuned on). Every article is
ingested against an EMPTY seed folder, the draft written as YAML and loaded back
through the validator, then scored by ``graph/ingest/gold.py`` (the scoring of
the external set's README): entities P/R (optional gold entities neither count
nor hurt), share of matched entities with the right type, typed relations
(precision over relations other than ``related_to``, recall over all gold
relations), endpoints ignoring type, and bracketed CJK aliases (recall; "wrong"
counts CJK names put on an entity that does not own them). Under a split's total,
the articles each round added are totalled apart (``ROUNDS``: d01-d20 / d21-d28 / d29-d34,
h01-h08 / h09-h16 / h17-h22 / h23-h28 / h29-h34 / h35-h40 / h41-h46 / h47-h52 / h53-h58), so the newest untuned articles can be read on their own.

Failure kinds, per article: ``miss`` gold entities not found, ``extra`` drafted
entities not in the gold, ``type`` matched entities with the wrong type,
``rel-ends`` gold relations missed although both ends were found, ``rel-ent``
gold relations missed because an end was not found, ``rel-type`` drafted
relations between a gold pair with a wrong type, ``rel-extra`` drafted relations
between entities the gold does not link.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "ingest-corpus"
EVAL = Path(os.environ.get("KG_INGEST_EVAL", ROOT.parent / "shared" / "ingest-eval"))
SPLITS = {"dev": CORPUS / "dev", "held-out": CORPUS / "heldout", "ingest-eval": EVAL}
# Sub-totals printed under a split's total: the articles each round added (first stem, last stem).
ROUNDS = {"dev": (("d01–d20", "d01", "d20"), ("d21–d28", "d21", "d28"), ("d29–d34", "d29", "d34")),
          "held-out": (("h01–h08", "h01", "h08"), ("h09–h16", "h09", "h16"), ("h01–h16", "h01", "h16"),
                       ("h17–h22", "h17", "h22"), ("h01–h22", "h01", "h22"),
                       ("h23–h28", "h23", "h28"), ("h01–h28", "h01", "h28"),
                       ("h29–h34", "h29", "h34"), ("h01–h34", "h01", "h34"),
                       ("h35–h40", "h35", "h40"), ("h01–h40", "h01", "h40"),
                       ("h41–h46", "h41", "h46"), ("h01–h46", "h01", "h46"),
                       ("h47–h52", "h47", "h52"), ("h01–h52", "h01", "h52"),
                       ("h53–h58", "h53", "h58"))}


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def failure_kinds(rep) -> dict[str, int]:
    """Counts of each kind of failure (see the module docstring)."""
    from graph.ingest.gold import gold_key

    missing = {gold_key(m.split(" ", 1)[1]) for m in rep.missed_entities}
    ends = sum(1 for m in rep.missed_relations
               if any(gold_key(n) in missing for n in _ends(m)))
    return {"miss": len(rep.missed_entities),
            "extra": len(rep.extra_entities),
            "type": len(rep.wrong_types),
            "rel-ends": len(rep.missed_relations) - ends,
            "rel-ent": ends,
            "rel-type": len(rep.wrong_type_relations),
            "rel-extra": len(rep.wrong_relations)}


def _ends(missed: str) -> tuple[str, str]:
    """The two names of a missed-relation line 'A type|type B' (type has no spaces)."""
    import re

    m = re.match(r"(.+?) ([a-z_|]+) (.+)$", missed)
    return (m.group(1), m.group(3)) if m else ("", "")


def run(splits: dict[str, Path], verbose: bool = False, timed: bool = False) -> list[tuple]:
    from graph.ingest.gold import evaluate, gold_pairs_in, totals

    results = []
    for split, folder in splits.items():
        if not folder.is_dir():
            print(f"\n({split}: {folder} not found, skipped)")
            continue
        print(f"\n**{split}**\n")
        print("| article | entities P / R | type right | typed rel. P* / R | endpoints P / R "
              "| CJK aliases R (wrong) | failures |" + (" time |" if timed else ""))
        print("|---|---|---|---|---|---|---|" + ("---|" if timed else ""))
        reports = []
        for article, ents, rels in gold_pairs_in(folder):
            rep, seconds = evaluate(article, ents, rels)
            results.append((split, article.stem, rep, seconds))
            reports.append(rep)
            kinds = failure_kinds(rep)
            fails = ", ".join(f"{k} {v}" for k, v in kinds.items() if v)
            print(_row(article.stem, rep, fails) + (f" {seconds:.2f} s |" if timed else ""))
            if verbose:
                _details(rep)
        print(_row(f"**all {split}**", totals(reports), "") + (" |" if timed else ""))
        stems = [r[1] for r in results if r[0] == split]
        for label, first, last in ROUNDS.get(split, ()):
            part = [rep for stem, rep in zip(stems, reports) if first <= stem[:3] <= last]
            if part and len(part) < len(reports):
                print(_row(f"{split} {label}", totals(part), "") + (" |" if timed else ""))
    return results


def _row(name: str, r, fails: str) -> str:
    return (f"| {name} | {_fmt(r.entities.precision)} / {_fmt(r.entities.recall)} "
            f"| {_fmt(r.type_accuracy)} | {_fmt(r.typed_strict.precision)} / "
            f"{_fmt(r.typed.recall)} | {_fmt(r.endpoints.precision)} / "
            f"{_fmt(r.endpoints.recall)} | {_fmt(r.cjk.recall)} ({r.cjk.fp}) | {fails} |")


def _details(rep) -> None:
    for title, items in (("missed entities", rep.missed_entities),
                         ("extra entities", rep.extra_entities),
                         ("wrong types", rep.wrong_types),
                         ("missed relations", rep.missed_relations),
                         ("wrong-type relations", rep.wrong_type_relations),
                         ("relations the gold does not have", rep.wrong_relations),
                         ("CJK missed", rep.cjk_missed), ("CJK on a wrong entity", rep.cjk_wrong)):
        if items:
            print(f"|  | {title}: " + "; ".join(items).replace("|", "/") + " |||||||")


def _invented(i: int) -> str:
    """A distinct invented word for each i ("Bakedo", "Cakedo", ...)."""
    consonants, vowels, out = "bcdfgklmnprstvz", "aeiou", ""
    for _ in range(4):
        out += consonants[i % 15] + vowels[(i // 15) % 5]
        i //= 75
    return out.capitalize()


def _distinct(n: int) -> str:
    """n short paragraphs, each naming firms, banks and places no other paragraph names."""
    return " ".join(f"{_invented(i)} Holdings opened a battery plant in {_invented(i + 7)}ville. "
                    f"{_invented(i)} Corp, known as {_invented(i)}, said {_invented(i + 3)} Bank of "
                    f"{_invented(i + 5)} Group agreed. Financing comes from {_invented(i + 3)} Bank."
                    for i in range(n))


def long_articles(sizes: tuple[int, ...] = (1, 2, 4, 8)) -> None:
    """Time one long article, k times longer for each k: the whole corpus repeated k times
    (the same names again) and k blocks of paragraphs that each name new firms and places (the
    entity table grows with the text). Seconds per MB should stay flat as k grows: a pass
    quadratic in the article's length, or in its number of entities, shows as a rising ratio."""
    import statistics
    import time

    from graph.ingest import extract
    from graph.ingest.doc import Article

    corpus = "\n\n".join(p.read_text(encoding="utf-8") for split in ("dev", "heldout")
                         for p in sorted((CORPUS / split).glob("*.txt")))
    for label, make in (("the corpus repeated", lambda k: "\n\n".join([corpus] * k)),
                        ("distinct names", lambda k: _distinct(300 * k))):
        print(f"\n{label}\n")
        print("| k | size | median of 3 | s per MB | per MB against k = 1 |")
        print("|---:|---:|---:|---:|---:|")
        base = 0.0
        for k in sizes:
            article = make(k)
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                extract([Article("long.txt", article)])
                runs.append(time.perf_counter() - start)
            mb = len(article.encode("utf-8")) / 1e6
            per_mb = statistics.median(runs) / mb
            base = base or per_mb
            print(f"| {k} | {mb:.2f} MB | {statistics.median(runs):.2f} s | {per_mb:.1f} | "
                  f"{per_mb / base:.2f}x |")


# Text shaped to make rules backtrack or compare every pair of names: each repeated to about 60 KB.
HOSTILE = {
    "unclosed brackets": "Kappa (",
    "nested brackets": "Kappa (华光 (",
    "possessives": "Kappa's ",
    "one hyphenated word": "Kappa-",
    "initials": "K.",
    "capitalised words": "Kappa Zeta Holdings ",
    "'owned by A and by' runs": "owned by Kappa Holdings and by ",
    "a list of names": "Kappa Holdings, ",
}


def hostile_articles(size: int = 60_000) -> None:
    """Seconds per MB of one article of each HOSTILE shape, against the corpus read as one article
    in the same run (the floor): no shape should cost many times the prose rate."""
    import statistics
    import time

    from graph.ingest import extract
    from graph.ingest.doc import Article

    def per_mb(article: str) -> tuple[float, float]:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            extract([Article("hostile.txt", article)])
            runs.append(time.perf_counter() - start)
        return statistics.median(runs), statistics.median(runs) / (len(article.encode("utf-8")) / 1e6)

    corpus = "\n\n".join(p.read_text(encoding="utf-8") for split in ("dev", "heldout")
                         for p in sorted((CORPUS / split).glob("*.txt")))
    seconds, floor = per_mb(corpus)
    print("| text | size | median of 3 | s per MB | against the corpus |")
    print("|---|---:|---:|---:|---:|")
    print(f"| the corpus as one article | {len(corpus.encode()) / 1e6:.2f} MB | {seconds:.2f} s | {floor:.1f} | 1.00x |")
    for label, unit in HOSTILE.items():
        article = "Title\n\n" + unit * (size // len(unit)) + " said.\n"
        seconds, rate = per_mb(article)
        print(f"| {label} | {len(article.encode()) / 1e6:.2f} MB | {seconds:.2f} s | {rate:.1f} | {rate / floor:.2f}x |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failure")
    parser.add_argument("--time", action="store_true", help="time each ingest")
    parser.add_argument("--split", choices=sorted(SPLITS), action="append",
                        help="only this corpus (repeatable)")
    parser.add_argument("--long", action="store_true",
                        help="time one long article (the corpus repeated) instead of scoring")
    parser.add_argument("--hostile", action="store_true",
                        help="time adversarial text (seconds per MB against the corpus) instead of scoring")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.long:
        long_articles()
        return
    if args.hostile:
        hostile_articles()
        return
    chosen = {k: v for k, v in SPLITS.items() if not args.split or k in args.split}
    print("P* = precision over drafted relations other than related_to; R over all gold "
          "relations. Empty seed folder.")
    run(chosen, args.verbose, args.time)


if __name__ == "__main__":
    main()
