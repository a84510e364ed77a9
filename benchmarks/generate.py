"""Deterministic synthetic seed folders in the v1 CSV format, for benchmarks.

``python -m benchmarks.generate OUT --relations 100000`` writes a folder that
``kg validate`` accepts with 0 errors and 0 warnings:

* a realistic type mix (firms >> projects > sectors > ministries > governments),
* heavy-tailed degrees (Pareto weights: a few hubs, a long tail),
* names with aliases in several scripts (Latin, CJK, Cyrillic, Hangul, Greek),
* a few long supplier chains hanging off the main graph,
* only relation types whose built-in from/to types fit (see graph/schema.py).

The same ``--seed`` always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
from bisect import bisect
from pathlib import Path

ISO = ("US JP CN DE FR GB KR IN TW NL SG CA AU IT ES SE CH BR MX ID VN TH MY PH PL BE AT DK FI "
       "NO IE IL AE SA TR ZA AR CL CO PE EG NG KE MA PK BD LK NZ CZ HU RO PT GR UA KZ QA KW OM "
       "BH JO LB HR SI SK BG RS EE LV LT LU MT CY IS").split()

_SYL = ("ka ta na ri ko mi su to ya ha shi ne mo ra zen ion tek ver sol nor bel cor fin gal "
        "lum mar nex orb pax quin rho sig tal ul vor wex xan yor zet al bri cam dor eva fal").split()
_HAN = "华中国电子科技集团新能源工业控股发展建设投资半导体材料精密机械汽车重工航天通信网络数据云智能"
_KATA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
_HANGUL = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초"
_CYR = {"a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
        "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
        "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "ы", "z": "з"}
_GREEK = {"a": "α", "b": "β", "d": "δ", "e": "ε", "g": "γ", "i": "ι", "k": "κ", "l": "λ",
          "m": "μ", "n": "ν", "o": "ο", "p": "π", "r": "ρ", "s": "σ", "t": "τ", "u": "υ",
          "x": "ξ", "z": "ζ", "c": "κ", "h": "χ", "f": "φ", "v": "β", "w": "ω",
          "y": "υ", "j": "ι", "q": "κ"}
_FIRM_SUFFIX = ("Industries", "Holdings", "Semiconductor", "Electric", "Materials", "Logistics",
                "Systems", "Energy", "Precision", "Heavy Industries", "Chemicals", "Networks")
_FORM = ("Inc.", "Co., Ltd.", "GmbH", "S.A.", "K.K.", "PLC", "AG", "LLC")
_PROJECT = ("Port", "Fab", "Grid", "Data Center", "Rail Link", "LNG Terminal", "Battery Plant",
            "Smelter", "Pipeline", "Cable", "Refinery", "Wind Farm")
_SECTOR = ("Semiconductors", "Shipbuilding", "Critical Minerals", "Pharmaceuticals", "AI Compute",
           "Energy Storage", "Nuclear", "Steel", "Telecom", "Aerospace", "Robotics", "Biotech")
_MINISTRY = ("Trade", "Finance", "Energy", "Defense", "Industry", "Economy", "Transport",
             "Science", "Foreign Affairs", "Digital Affairs")

# (from type, relation type, to type, weight): every one fits the built-in schema.
TEMPLATES = (
    ("firm", "supplies", "firm", 30), ("firm", "customer_of", "firm", 10),
    ("firm", "owns", "firm", 6), ("firm", "invests_in", "firm", 4),
    ("firm", "partners_with", "firm", 4), ("firm", "competes_with", "firm", 4),
    ("firm", "participates_in", "project", 8), ("firm", "leads", "project", 3),
    ("firm", "supplies", "project", 5), ("firm", "funds", "project", 2),
    ("firm", "operates_in", "sector", 8), ("firm", "produces", "sector", 2),
    ("firm", "located_in", "government", 2),
    ("project", "operates_in", "sector", 3), ("project", "affects", "sector", 1),
    ("project", "customer_of", "firm", 2),
    ("ministry", "funds", "project", 1.5), ("ministry", "leads", "project", 0.5),
    ("ministry", "regulates", "firm", 2), ("ministry", "regulates", "sector", 0.5),
    ("ministry", "funds", "firm", 0.5),
    ("government", "owns", "firm", 0.5), ("government", "funds", "project", 0.5),
    ("government", "regulates", "sector", 0.2), ("government", "invests_in", "sector", 0.3),
)
MONEY = {"funds", "invests_in", "owns"}
CHAINS, CHAIN_LENGTH = 4, 12
ENTITY_HEADER = ["id", "type", "name", "aliases", "country", "tags", "founded"]
RELATION_HEADER = ["from", "type", "to", "evidence", "source", "since", "until", "amount",
                   "currency", "confidence"]
ROWS_PER_FILE = 100_000


def type_counts(entities: int) -> dict[str, int]:
    """firms >> projects > sectors > ministries > governments (at least a few of each)."""
    gov = max(3, min(len(ISO), entities // 2000))
    ministries = max(gov * 2, entities // 200)
    sectors = max(10, entities // 70)
    projects = max(20, entities * 12 // 100)
    firms = entities - gov - ministries - sectors - projects - CHAINS * CHAIN_LENGTH
    if firms < projects:
        raise SystemExit(f"--entities {entities} is too small; use at least 400")
    return {"government": gov, "ministry": ministries, "sector": sectors, "project": projects,
            "firm": firms}


class _Names:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self) -> str:
        return "".join(self.rng.choice(_SYL) for _ in range(self.rng.randint(2, 3))).capitalize()

    def aliases(self, name: str) -> list[str]:
        rng = self.rng
        out = []
        letters = [w[0] for w in name.split() if w[0].isalpha()]
        if len(letters) > 1 and rng.random() < 0.5:
            out.append("".join(letters).upper())
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            script = rng.randrange(5)
            if script == 0:
                out.append("".join(rng.choice(_HAN) for _ in range(rng.randint(2, 6))))
            elif script == 1:
                out.append("".join(rng.choice(_KATA) for _ in range(rng.randint(3, 7))))
            elif script == 2:
                out.append("".join(rng.choice(_HANGUL) for _ in range(rng.randint(2, 5))))
            elif script == 3:
                out.append("".join(_CYR.get(c, c) for c in name.lower()).title())
            else:
                out.append("".join(_GREEK.get(c, c) for c in name.lower()).title())
        return out


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split()[:3]).strip("-")


def generate(out: str | Path, relations: int, entities: int | None = None, seed: int = 1) -> dict:
    """Write a seed folder with about ``relations`` relations; return a summary."""
    rng = random.Random(seed)
    names = _Names(rng)
    entities = entities or max(400, relations // 5)
    counts = type_counts(entities)
    root = Path(out)
    (root / "entities").mkdir(parents=True, exist_ok=True)
    (root / "relations").mkdir(parents=True, exist_ok=True)
    by_type: dict[str, list[str]] = {t: [] for t in counts}
    country: dict[str, str] = {}
    rows: list[tuple[str, list[list[str]]]] = []
    govs = ISO[: counts["government"]]

    def add(etype: str, eid: str, name: str, cc: str, tags: str = "", founded: str = "") -> list[str]:
        by_type[etype].append(eid)
        country[eid] = cc
        return [eid, etype, name, "|".join(names.aliases(name)), cc, tags, founded]

    gov_rows = [add("government", f"gov-{cc.lower()}", f"Government of {cc}", cc,
                    "sovereign") for cc in govs]
    min_rows = []
    for i in range(counts["ministry"]):
        cc = govs[i % len(govs)]
        topic = _MINISTRY[(i // len(govs)) % len(_MINISTRY)]
        name = f"Ministry of {topic} {names.word()} {cc}"
        min_rows.append(add("ministry", f"min-{_slug(topic)}-{cc.lower()}-{i}", name, cc))
    sec_rows = [add("sector", f"sector-{i}", f"{_SECTOR[i % len(_SECTOR)]} {names.word()}", "")
                for i in range(counts["sector"])]
    proj_rows = []
    for i in range(counts["project"]):
        name = f"{names.word()} {rng.choice(_PROJECT)}"
        proj_rows.append(add("project", f"proj-{_slug(name)}-{i}", name, rng.choice(govs),
                             founded=str(rng.randint(2000, 2030))))
    firm_rows = []
    for i in range(counts["firm"]):
        name = f"{names.word()} {rng.choice(_FIRM_SUFFIX)} {rng.choice(_FORM)}"
        firm_rows.append(add("firm", f"{_slug(name)}-{i}", name, rng.choice(govs),
                             "listed" if rng.random() < 0.2 else "",
                             str(rng.randint(1900, 2024))))
    chain_rows = []
    for c in range(CHAINS):
        for j in range(CHAIN_LENGTH):
            chain_rows.append([f"chain-{c}-{j:02d}", "firm", f"Tier {j + 1} Supplier {c}", "",
                               rng.choice(govs), "chain", ""])
    rows += [("entities/governments.csv", gov_rows), ("entities/ministries.csv", min_rows),
             ("entities/sectors.csv", sec_rows), ("entities/projects.csv", proj_rows),
             ("entities/chains.csv", chain_rows)]
    for n, start in enumerate(range(0, len(firm_rows), ROWS_PER_FILE)):
        rows.append((f"entities/firms-{n:02d}.csv", firm_rows[start:start + ROWS_PER_FILE]))

    # Heavy tails: each entity gets a Pareto weight; endpoints are drawn by weight.
    pickers = {}
    for etype, ids in by_type.items():
        weights = [rng.paretovariate(1.2) for _ in ids]
        pickers[etype] = (ids, list(itertools.accumulate(weights)))

    def pick(etype: str) -> str:
        ids, cum = pickers[etype]
        return ids[bisect(cum, rng.random() * cum[-1])] if len(ids) > 1 else ids[0]

    rel_rows: list[list[str]] = []
    for i, mid in enumerate(by_type["ministry"]):
        rel_rows.append(_relation(rng, mid, "part_of", f"gov-{country[mid].lower()}"))
    for c in range(CHAINS):
        head = pick("firm")
        rel_rows.append(_relation(rng, f"chain-{c}-00", "supplies", head))
        for j in range(1, CHAIN_LENGTH):
            rel_rows.append(_relation(rng, f"chain-{c}-{j:02d}", "supplies", f"chain-{c}-{j - 1:02d}"))
    templates = [t[:3] for t in TEMPLATES]
    cum_t = list(itertools.accumulate(t[3] for t in TEMPLATES))
    seen: set[tuple[str, str, str]] = set()
    while len(rel_rows) < relations:
        a_type, rtype, b_type = templates[bisect(cum_t, rng.random() * cum_t[-1])]
        a, b = pick(a_type), pick(b_type)
        if rtype == "located_in":
            b = f"gov-{country[a].lower()}"
        if a == b or (a, rtype, b) in seen:
            continue   # real data rarely repeats a claim; hubs would otherwise repeat it
        seen.add((a, rtype, b))
        rel_rows.append(_relation(rng, a, rtype, b))
    for n, start in enumerate(range(0, len(rel_rows), ROWS_PER_FILE)):
        rows.append((f"relations/relations-{n:02d}.csv", rel_rows[start:start + ROWS_PER_FILE]))

    for name, body in rows:
        header = ENTITY_HEADER if name.startswith("entities") else RELATION_HEADER
        with open(root / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(body)
    total = sum(len(v) for v in by_type.values()) + CHAINS * CHAIN_LENGTH
    return {"folder": str(root), "entities": total,
            "relations": len(rel_rows), "files": len(rows), "types": dict(counts)}


_EVIDENCE = {
    "supplies": "{a} supplies components to {b} under a multi-year contract.",
    "customer_of": "{a} buys from {b} according to its annual report.",
    "owns": "{a} holds a controlling stake in {b}.",
    "invests_in": "{a} disclosed an equity investment in {b}.",
    "partners_with": "{a} and {b} announced a joint venture.",
    "competes_with": "{a} and {b} compete for the same customers.",
    "funds": "{a} committed funding to {b}.",
}


def _relation(rng: random.Random, a: str, rtype: str, b: str) -> list[str]:
    evidence = _EVIDENCE.get(rtype, "{a} " + rtype.replace("_", " ") + " {b}.").format(a=a, b=b)
    source = (f"https://example.org/filings/{rng.randrange(10**6)}" if rng.random() < 0.3 else "")
    since = until = amount = currency = confidence = ""
    if rng.random() < 0.4:
        year = rng.randint(2005, 2030)
        since = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(year)
        if rng.random() < 0.25:
            until = str(year + rng.randint(1, 10))
    if rtype in MONEY and rng.random() < 0.6:
        amount = str(rng.randint(1, 5000) * 1_000_000)
        currency = rng.choice(("USD", "JPY", "EUR", "CNY"))
    if rng.random() < 0.2:
        confidence = f"{rng.randint(50, 100) / 100:.2f}"
    return [a, rtype, b, evidence, source, since, until, amount, currency, confidence]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write (created)")
    parser.add_argument("--relations", type=int, default=10_000)
    parser.add_argument("--entities", type=int, help="default: relations / 5")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    summary = generate(args.out, args.relations, args.entities, args.seed)
    print(f"{summary['folder']}: {summary['entities']} entities, {summary['relations']} "
          f"relations in {summary['files']} files")


if __name__ == "__main__":
    main()
