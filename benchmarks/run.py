"""Benchmark kg against plain references and print one markdown table.

    python -m benchmarks                      # 10k, 100k and 1M relations (~5-7 min,
                                              # plus generating the folders once)
    python -m benchmarks --sizes 10k          # a quick run (~15 s)

Synthetic folders (benchmarks/generate.py) are written once under
benchmarks/out/ and reused. Every figure is taken in this run next to a plain
reference doing the same job, so the ratio column survives a noisy machine:

* cold load: ``kg``'s parse + validate + index (``--no-cache``), in a fresh
  process, vs Python's csv module into a networkx MultiDiGraph; peak memory is
  each child's own maximum RSS (``os.wait4``);
* first load + cache write: what the first command on a folder pays;
* warm: a load, and a whole ``kg path`` command, through the on-disk cache;
* queries (in one process, on a loaded store): ``kg``'s service calls vs
  networkx on a prebuilt undirected graph, answers checked equal;
* CLI: ``kg --help`` vs a bare ``python -c pass``; ``kg path`` on the shipped
  seeds vs a plain script (yaml + networkx.shortest_path).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SHIPPED = ROOT / "seeds" / "us-japan-55b"
SHIPPED_PAIR = ("softbank-group", "meti")

# (what, target in seconds or MB, applies at size)
TARGETS = {"cold load": 20.0, "peak memory (MB)": 3072, "warm command": 3.0,
           "path median": 0.020, "path --k 5 median": 0.5, "exposure gov median": 1.0,
           "kg --help median": 0.100, "kg path (shipped seeds)": 0.400}

REF_PATH_SCRIPT = """
import sys, yaml, networkx as nx
from pathlib import Path
g = nx.MultiDiGraph()
for p in sorted(Path(sys.argv[1]).rglob('*.yaml')):
    doc = yaml.safe_load(p.read_text(encoding='utf-8')) or {}
    for e in doc.get('entities') or []:
        g.add_node(e['id'], **e)
    for r in doc.get('relations') or []:
        g.add_edge(r['from'], r['to'], **r)
print(nx.shortest_path(g.to_undirected(as_view=True), sys.argv[2], sys.argv[3]))
"""


def run_child(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Run a command; (wall seconds, peak RSS in MB of that child, stdout)."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        out.seek(0)
        text = out.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_maxrss / 1024, text


def probe(*args: str, env: dict | None = None) -> tuple[dict, float]:
    _, rss, text = run_child([sys.executable, "-m", "benchmarks.probe", *args], env)
    return json.loads(text), rss


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def median_wall(args: list[str], runs: int, env: dict | None = None) -> float:
    return statistics.median(run_child(args, env)[0] for _ in range(runs))


def folder_for(size: str, seed: int, log) -> Path:
    from benchmarks.generate import generate

    folder = OUT / f"r{size}-s{seed}"
    marker = folder / ".generated.json"
    if not marker.exists():
        log(f"generating {folder} ...")
        shutil.rmtree(folder, ignore_errors=True)
        summary = generate(folder, SIZES[size], seed=seed)
        marker.write_text(json.dumps(summary))
    return folder


def bench_size(size: str, seed: int, pairs: int, env: dict, log) -> list[tuple]:
    folder = str(folder_for(size, seed, log))
    rows: list[tuple] = []
    log(f"[{size}] cold load ...")
    ours, rss = probe("load", folder, "--no-cache", env=env)
    ref, ref_rss = probe("refload", folder, env=env)
    rows.append((size, "cold load", ours["seconds"], ref["seconds"]))
    rows.append((size, "peak memory (MB)", rss, ref_rss))
    log(f"[{size}] warm ...")
    first, _ = probe("load", folder, env=env)            # loads and writes the cache
    rows.append((size, "first load + cache write", first["seconds"], ref["seconds"]))
    warm_load, _ = probe("load", folder, env=env)
    rows.append((size, "warm load (in process)", warm_load["seconds"], ref["seconds"]))
    log(f"[{size}] queries ...")
    q, _ = probe("queries", folder, "--pairs", str(pairs), "--seed", str(seed), env=env)
    a, b = q.get("sample_pair", (None, None))
    if a:
        wall = median_wall([*kg_command(), "path", a, b, "--seeds", folder], 3, env)
        rows.append((size, "warm command", wall, ref["seconds"]))
    for key, label in (("path", "path median"), ("path", "path p95"),
                       ("path_k5", "path --k 5 median"), ("exposure", "exposure median"),
                       ("exposure_gov", "exposure gov median"),
                       ("neighbors", "neighbors --depth 2 median"), ("stats", "stats")):
        stat = "p95" if label.endswith("p95") else "median"
        rows.append((size, label, q[key]["kg"][stat], q[key]["ref"][stat]))
    rows.append((size, "exposure hits (median)", int(q["exposure"]["hits"]), None))
    for m in q["mismatches"]:
        rows.append((size, f"MISMATCH {m}", None, None))
    if not q["mismatches"]:
        rows.append((size, "answers equal to networkx", "yes", None))
    return rows


def bench_cli(runs: int, env: dict, log) -> list[tuple]:
    log("CLI ...")
    rows = [("-", "kg --help median", median_wall([*kg_command(), "--help"], runs, env),
             median_wall([sys.executable, "-c", "pass"], runs, env))]
    if SHIPPED.exists():
        a, b = SHIPPED_PAIR
        cmd = [*kg_command(), "path", a, b, "--seeds", str(SHIPPED)]
        run_child(cmd, env)                                # cache warm, as for a user
        ours = median_wall(cmd, runs, env)
        cold = median_wall([*cmd, "--no-cache"], runs, env)
        ref = median_wall([sys.executable, "-c", REF_PATH_SCRIPT, str(SHIPPED), a, b], runs, env)
        rows.append(("-", "kg path (shipped seeds)", ours, ref))
        rows.append(("-", "kg path (shipped seeds, --no-cache)", cold, ref))
    return rows


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value * 1000:.1f} ms"


def table(rows: list[tuple]) -> str:
    lines = ["| size | measure | kg | reference | kg / ref | target |",
             "|---|---|---:|---:|---:|---|"]
    for size, label, ours, ref in rows:
        ratio = (f"{ours / ref:.2f}" if isinstance(ours, float) and isinstance(ref, float)
                 and ref > 0 else "")
        target = TARGETS.get(label)
        verdict = ""
        if target is not None and isinstance(ours, float) and (size in ("1m", "-")):
            ok = ours <= target and (label != "cold load" or ref is None or ours <= ref)
            verdict = ("met" if ok else "MISSED") + f" (<= {fmt(float(target))})"
        def unit(value) -> str:
            if not isinstance(value, float) or value < 1:
                return ""
            return " MB" if "MB" in label else " s"

        lines.append(f"| {size} | {label} | {fmt(ours)}{unit(ours)} | {fmt(ref)}{unit(ref)} "
                     f"| {ratio} | {verdict} |")
    return "\n".join(lines)


def machine() -> str:
    mem = ""
    try:
        kb = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{os.cpu_count()} CPUs{mem}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="kg benchmarks (see benchmarks/run.py)")
    parser.add_argument("--sizes", default="10k,100k,1m",
                        help="comma-separated of 10k, 100k, 1m (default: all)")
    parser.add_argument("--pairs", type=int, default=50, help="random path pairs per size")
    parser.add_argument("--runs", type=int, default=7, help="runs per CLI timing")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    bad = [s for s in sizes if s not in SIZES]
    if bad:
        parser.error(f"unknown size {bad[0]!r}; use {', '.join(SIZES)}")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-bench-cache-") as cache:
        env = {**os.environ, "KG_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
        rows: list[tuple] = []
        for size in sizes:
            rows += bench_size(size, args.seed, args.pairs, env, log)
        rows += bench_cli(args.runs, env, log)
    print(f"Machine: {machine()}\n")
    print(table(rows))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
