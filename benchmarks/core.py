"""Issue #11's table: the loading wing at 1M relations, before and after, next
to the floors, all measured in one run (whole processes unless noted).

    python -m benchmarks.core --before /work/main          # about 15 min at 1M
    python -m benchmarks.core --size 100k --runs 3          # a quick look

``--before DIR`` is another checkout of kg-explorer (e.g. main without this
work): its ``graph``/``cli`` are put first on PYTHONPATH, with a cache
directory of its own. Floors: ``python -c "import click"`` (for ``kg
--help``), and a whole Python process that reads both CSV sets with pyarrow,
maps ids to ints and builds a numpy CSR adjacency (for the cold load).
Prints a markdown table; timings are medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import OUT, ROOT, SIZES, folder_for

FLOOR = r"""
import sys, glob
import numpy as np
import pyarrow as pa, pyarrow.compute as pc, pyarrow.csv as pv
folder = sys.argv[1]
opts = pv.ConvertOptions(strings_can_be_null=False)
tables = [pv.read_csv(p, convert_options=opts) for p in sorted(glob.glob(folder + "/**/*.csv", recursive=True))]
ents = pa.concat_tables([t.select(["id", "type", "name"]) for t in tables if "id" in t.column_names and "from" not in t.column_names])
rels = pa.concat_tables([t.select(["from", "type", "to"]) for t in tables if "from" in t.column_names])
ids = ents.column("id").combine_chunks()
src = pc.index_in(rels.column("from"), value_set=ids).to_numpy()
dst = pc.index_in(rels.column("to"), value_set=ids).to_numpy()
n = len(ids)
order = np.argsort(src, kind="stable")
offsets = np.zeros(n + 1, dtype=np.int64)
np.cumsum(np.bincount(src, minlength=n), out=offsets[1:])
targets = dst[order]
print(n, len(targets), int(offsets[-1]))
"""

INPROCESS = r"""
import json, statistics, sys, time
from graph.store.memory import MemoryStore
from graph.errors import KgError
store = MemoryStore.from_folder(sys.argv[1])
queries = json.loads(sys.argv[2])
misses = json.loads(sys.argv[3])
def timed(fn, text):
    t = time.perf_counter()
    try:
        fn(text)
    except KgError:
        pass
    return time.perf_counter() - t
find = [timed(lambda q: store.find(q, 20), q) for q in queries]
miss = [timed(store.resolve, q) for q in misses]
print(json.dumps({"find": statistics.median(find), "find_max": max(find),
                  "miss": statistics.median(miss), "miss_max": max(miss)}))
"""


def run(args: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)
        ) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, stdout) of a child process, run in the
    checkout named by PYTHONPATH (``python -m`` puts the working directory first)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env,
                                cwd=env.get("PYTHONPATH") or ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if code not in ok:
            raise SystemExit(f"{' '.join(args)} failed ({code}):\n{err.read().decode()}")
    return wall, usage.ru_maxrss / 1024, text


def median(args: list[str], env: dict[str, str], runs: int, ok: tuple[int, ...] = (0,)
           ) -> float:
    return statistics.median(run(args, env, ok)[0] for _ in range(runs))


def sample(folder: Path) -> dict[str, object]:
    """A reachable pair, names to find and typos for "did you mean" (from the files)."""
    import csv

    rel = next((folder / "relations").glob("*.csv"))
    with open(rel, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    ent = max((folder / "entities").glob("*.csv"), key=lambda p: p.stat().st_size)
    with open(ent, encoding="utf-8", newline="") as fh:
        ents = [r for _, r in zip(range(5000), csv.DictReader(fh))]
    names = [e["name"] for e in ents[len(ents) // 20::len(ents) // 10]][:10]
    typos = [n[:3] + n[4] + n[3] + n[5:] + "x" for n in names]
    return {"pair": (rows[len(rows) // 2]["from"], rows[len(rows) // 3]["to"]),
            "find": names[:5] + [n.split()[0] for n in names[5:8]] + typos[:2],
            "misses": typos}


def measure(name: str, code: Path, folder: Path, cache: Path, runs: int, cold_runs: int,
            picks: dict, log) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code), "KG_CACHE_DIR": str(cache)}
    kg = [sys.executable, "-m", "cli"]
    seeds = ["--seeds", str(folder)]
    out: dict[str, float] = {}
    log(f"[{name}] kg --help")
    out["help"] = median([*kg, "--help"], env, runs)
    log(f"[{name}] cold load x{cold_runs}")
    colds = [run([*kg, "stats", *seeds, "--no-cache"], env) for _ in range(cold_runs)]
    out["cold"] = statistics.median(c[0] for c in colds)
    out["cold_rss"] = max(c[1] for c in colds)
    log(f"[{name}] first command (load + cache write)")
    first = run([*kg, "stats", *seeds], env)
    out["first"], out["first_rss"] = first[0], first[1]
    log(f"[{name}] warm commands")
    out["stats"] = median([*kg, "stats", *seeds], env, runs)
    a, b = picks["pair"]
    out["path"] = median([*kg, "path", a, b, *seeds], env, runs, ok=(0, 1))
    out["find"] = median([*kg, "find", picks["find"][0], *seeds], env, runs)
    out["miss"] = median([*kg, "neighbors", picks["misses"][0], *seeds], env, runs, ok=(1,))
    log(f"[{name}] in-process find and did-you-mean")
    many = 10 if name == "after" else 2        # the old scan takes seconds per query
    _, _, text = run([sys.executable, "-c", INPROCESS, str(folder),
                      json.dumps(picks["find"][:many]), json.dumps(picks["misses"][:many])], env)
    inproc = json.loads(text)
    out["find_in"], out["miss_in"] = inproc["find"], inproc["miss"]
    log(f"[{name}] edit one small YAML beside the CSV files")
    extra = folder / "zz-edited.yaml"
    # Three kinds of edit, each followed by `kg stats` and by `kg path`: a
    # name (the labels change), a relation's evidence (nothing indexed
    # changes), a relation added (the adjacency changes; the ids do not).
    a, b = picks["pair"]
    one = "  - {{from: edited-0, type: supplies, to: {to}, evidence: \"{ev}\"}}\n"

    def yaml(name: str, evidence: str, added: bool) -> str:
        rels = one.format(to=a, ev=evidence) + (one.format(to=b, ev="Added.") if added else "")
        return f"entities:\n  - {{id: edited-0, type: firm, name: {name}}}\nrelations:\n{rels}"
    try:
        extra.write_text(yaml("Edited", "Edit 0.", False), encoding="utf-8")
        run([*kg, "stats", *seeds], env)
        times = []
        i = 0
        for kind in ("name", "evidence", "relation"):
            for command in (["stats"], ["path", a, b]):
                i += 1
                extra.write_text(yaml(f"Edited {i}" if kind == "name" else "Edited 2",
                                      f"Edit {i}.", kind == "relation" and i % 2 == 1),
                                 encoding="utf-8")
                times.append(run([*kg, *command, *seeds], env, ok=(0, 1))[0])
        out["edit"] = statistics.median(times)
    finally:
        extra.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="1m", choices=sorted(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    args = parser.parse_args(argv)
    started = time.time()

    def log(msg: str) -> None:
        print(f"# {time.time() - started:6.0f}s {msg}", file=sys.stderr, flush=True)

    folder = folder_for(args.size, 1, log)
    picks = sample(folder)
    env = dict(os.environ)
    log("floors")
    floors = {"help": median([sys.executable, "-c", "import click"], env, args.runs)}
    floor_runs = [run([sys.executable, "-c", FLOOR, str(folder)], env)
                  for _ in range(args.cold_runs)]
    floors["cold"] = statistics.median(r[0] for r in floor_runs)
    floors["cold_rss"] = max(r[1] for r in floor_runs)
    versions = ([("before", args.before)] if args.before else []) + [("after", ROOT)]
    results = {}
    with tempfile.TemporaryDirectory(prefix="kg-core-bench-") as tmp:
        for name, code in versions:
            results[name] = measure(name, code, folder, Path(tmp) / name, args.runs,
                                    args.cold_runs, picks, log)
    log("answers against networkx (after)")
    _, _, text = run([sys.executable, "-m", "benchmarks.probe", "queries", str(folder),
                      "--pairs", "20", "--seed", "1"],
                     {**os.environ, "PYTHONPATH": str(ROOT),
                      "KG_CACHE_DIR": tempfile.mkdtemp(prefix="kg-core-eq-")})
    mismatches = json.loads(text)["mismatches"]
    print(table(args.size, results, floors, mismatches))
    log("done")


ROWS = [  # key, label, floor key, target (seconds, or ratio to floor when a str)
    ("find_in", "`kg find` in process (median of queries)", None, 0.05),
    ("find", "`kg find` whole warm process", None, 0.5),
    ("miss_in", "\"did you mean\" in process", None, 0.05),
    ("miss", "\"did you mean\" whole warm process (`kg neighbors TYPO`)", None, 0.5),
    ("cold", "cold load (`kg stats --no-cache`)", "cold", "3x"),
    ("cold_rss", "peak memory of the cold load (MB)", "cold_rss", 1536),
    ("first", "first command (load + cache write)", "cold", None),
    ("first_rss", "peak memory of the first command (MB)", "cold_rss", 1536),
    ("stats", "warm `kg stats`", None, 0.3),
    ("path", "warm `kg path`", None, 0.3),
    ("edit", "next command after editing one small YAML file (name, evidence, relation; stats and path)", None, 2.0),
    ("help", "`kg --help`", "help", "1.3x"),
]


def table(size: str, results: dict, floors: dict, mismatches: list) -> str:
    def fmt(key: str, v: float | None) -> str:
        if v is None:
            return ""
        if key.endswith("rss"):
            return f"{v:,.0f} MB"
        return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"

    lines = [f"{size} relations; {os.cpu_count()} CPUs, load average "
             f"{os.getloadavg()[0]:.1f} at the end", "",
             "| measure | before | after | floor | after / floor | target |",
             "|---|---:|---:|---:|---:|---|"]
    for key, label, floor_key, target in ROWS:
        before = results.get("before", {}).get(key)
        after = results["after"][key]
        floor = floors.get(floor_key) if floor_key else None
        ratio = f"{after / floor:.2f}" if floor else ""
        if isinstance(target, str):
            limit = float(target[:-1]) * floor if floor else None
            shown = f"≤ {target} floor"
        elif target is None:
            limit, shown = None, ""
        else:
            limit = target
            shown = f"≤ {fmt(key, target)}"
        verdict = "" if limit is None else (" met" if after <= limit else " MISSED")
        lines.append(f"| {label} | {fmt(key, before)} | {fmt(key, after)} | "
                     f"{fmt(key, floor)} | {ratio} | {shown}{verdict} |")
    lines.append(f"| answers equal to networkx (20 path pairs, exposure, neighbors, stats) | "
                 f"| {'yes' if not mismatches else 'NO: ' + '; '.join(mismatches)} | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
