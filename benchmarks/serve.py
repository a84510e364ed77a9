"""Benchmark `kg serve` on a generated folder (default 1M relations, memory store).

    python -m benchmarks.serve                    # 1M relations (~3-6 min with a cold start)
    python -m benchmarks.serve --size 10k         # a quick run
    python -m benchmarks.serve --folder PATH      # any seed folder

What it measures, against a real `kg serve` subprocess on 127.0.0.1:

* start-up: time from launching `kg serve` to the first answered request,
  cold (empty cache: parse + validate + index + cache write) and warm;
* per endpoint, one client at a time: the server-side time (the query's own
  ``Server-Timing`` header) next to the whole-request latency, medians over a
  fixed random sample (find, path, the UI's 2-hop neighbourhood: the records
  the live page fetches, ``/api/records/neighbors/ID?depth=2``);
* load: ``--clients`` threads x ``--requests`` mixed requests each, three
  rounds (bounded: every request has a timeout, every round a deadline):
  errors, p50/p95/p99, requests/s, and the server's RSS before and after.

Prints a markdown report (the README's figures come from it). Not a test:
machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {"find": 50.0, "path": 20.0, "2-hop neighbourhood (UI records)": 100.0}
SAMPLE = 40
ROUNDS = 3


class Conn:
    """One keep-alive connection; get() returns (status, wall ms, server ms, body)."""

    def __init__(self, port: int, timeout: float = 60.0):
        self.port, self.timeout = port, timeout
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def get(self, path: str) -> tuple[int, float, float | None, bytes]:
        start = time.perf_counter()
        try:
            self.c.request("GET", quote(path, safe="/?=&,:"))
            r = self.c.getresponse()
            body = r.read()
        except (OSError, http.client.HTTPException):
            self.c.close()
            self.c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            return 0, (time.perf_counter() - start) * 1000, None, b""
        wall = (time.perf_counter() - start) * 1000
        m = re.search(r"dur=([\d.]+)", r.getheader("server-timing") or "")
        return r.status, wall, float(m.group(1)) if m else None, body

    def close(self) -> None:
        self.c.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(folder: Path, cache: str) -> "tuple[subprocess.Popen[str], int, float]":
    """`kg serve` in a subprocess; (process, port, seconds to the first answered request)."""
    env = {**os.environ, "KG_CACHE_DIR": cache, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    env.pop("KG_SEEDS", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cli", "--quiet", "serve", "--seeds",
                             str(folder), "--port", "0"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    port = None
    for line in proc.stdout:
        m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
        if time.perf_counter() - t0 > 900:
            break
    if port is None:
        proc.kill()
        raise SystemExit(f"kg serve did not start: {proc.stdout.read() if proc.stdout else ''}")
    threading.Thread(target=proc.stdout.read, daemon=True).start()   # keep the pipe drained
    conn = Conn(port)
    while conn.get("/api/find?q=a&limit=1")[0] != 200:
        time.sleep(0.01)
    conn.close()
    return proc, port, time.perf_counter() - t0


def stop_server(proc: "subprocess.Popen[str]") -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def sample_entities(folder: Path, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(id, name) of ``n`` entities picked at random from the folder's CSV files."""
    rows: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                continue
            rows.extend((r["id"], r["name"]) for r in reader)
    return rng.sample(rows, min(n, len(rows)))


def endpoint_medians(port: int, ents: list[tuple[str, str]], rng: random.Random
                     ) -> list[tuple[str, int, float, float, int]]:
    """(what, answered, server median ms, request median ms, 4xx) per endpoint."""
    conn = Conn(port)
    urls = {
        "find": [f"/api/find?q={name.split()[0][:6]}" for _, name in ents],
        "path": [f"/api/path?from={a}&to={b}" for (a, _), (b, _) in
                 zip(ents, ents[1:] + ents[:1])],
        "2-hop neighbourhood (UI records)": [f"/api/records/neighbors/{i}?depth=2"
                                             for i, _ in ents],
        "1-hop neighbourhood (UI expand)": [f"/api/records/neighbors/{i}" for i, _ in ents],
        "path for the UI (records)": [f"/api/records/path?from={a}&to={b}" for (a, _), (b, _)
                                      in zip(ents, ents[1:] + ents[:1])],
        "entity (kg show)": [f"/api/entity/{i}" for i, _ in ents],
    }
    out = []
    for what, paths in urls.items():
        server, wall, refused = [], [], 0
        for path in paths:
            status, w, s, _ = conn.get(path)
            if status == 200 and s is not None:
                server.append(s)
                wall.append(w)
            elif 400 <= status < 500:
                refused += 1
        out.append((what, len(server), statistics.median(server) if server else float("nan"),
                    statistics.median(wall) if wall else float("nan"), refused))
    conn.close()
    return out


def load_round(port: int, ents: list[tuple[str, str]], clients: int, requests: int,
               seed: int, deadline_s: float) -> dict[str, Any]:
    """``clients`` threads x ``requests`` mixed requests; latencies, errors, throughput."""
    mix = [("find", 3), ("entity", 2), ("neighbors", 2), ("path", 2), ("view", 1)]
    kinds = [k for k, w in mix for _ in range(w)]
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + deadline_s

    def client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        conn = Conn(port, timeout=60)
        mine: list[float] = []
        bad: list[str] = []
        for _ in range(requests):
            if time.monotonic() > stop_at:
                bad.append("deadline")
                break
            (a, name), (b, _) = rng.sample(ents, 2)
            kind = rng.choice(kinds)
            path = {"find": f"/api/find?q={name.split()[0][:6]}",
                    "entity": f"/api/entity/{a}",
                    "neighbors": f"/api/neighbors/{a}",
                    "path": f"/api/path?from={a}&to={b}",
                    "view": f"/api/records/neighbors/{a}"}[kind]
            status, wall, _, _ = conn.get(path)
            # a 400 that names a ceiling is a correct answer; only 5xx / no answer count
            if status == 0 or status >= 500:
                bad.append(f"{status} {path}")
            mine.append(wall)
        conn.close()
        with lock:
            lat.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [float("nan")] * 99
    return {"requests": len(lat), "errors": errors, "seconds": took,
            "rps": len(lat) / took if took else 0.0,
            "p50": q[49], "p95": q[94], "p99": q[98]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="1m", choices=["10k", "100k", "1m"])
    ap.add_argument("--folder", type=Path, help="A seed folder instead of a generated one.")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--round-deadline", type=float, default=300.0,
                    help="Seconds a load round may take before its clients stop.")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.folder is None:
        from benchmarks.run import folder_for

        folder = folder_for(args.size, 1, log)
    else:
        folder = args.folder
    rng = random.Random(args.seed)
    ents = sample_entities(folder, max(SAMPLE, 400), rng)
    report = [f"# kg serve benchmark: {folder.name}", ""]
    from benchmarks.run import machine

    report += [f"Machine: {machine()}", ""]
    with tempfile.TemporaryDirectory(prefix="kg-serve-bench-") as cache:
        log("cold start ...")
        proc, port, cold = start_server(folder, cache)
        stop_server(proc)
        log(f"  {cold:.1f} s; warm start ...")
        proc, port, warm = start_server(folder, cache)
        try:
            log(f"  {warm:.1f} s; endpoints ...")
            report += ["## Start-up (launch to first answered request)", "",
                       "| | seconds |", "|---|---:|",
                       f"| cold (no cache: parse, validate, index, write cache) | {cold:.2f} |",
                       f"| warm (through the cache) | {warm:.2f} |", ""]
            rows = endpoint_medians(port, ents[:SAMPLE], rng)
            report += ["## One client: server-side vs whole request (medians)", "",
                       "| endpoint | answered | server ms | request ms | 4xx (ceilings) | target |",
                       "|---|---:|---:|---:|---:|---|"]
            for what, n, server, wall, refused in rows:
                target = TARGETS_MS.get(what)
                verdict = "" if target is None else (
                    f"<= {target:g} ms server-side: {'met' if server <= target else 'MISSED'}")
                report.append(f"| {what} | {n} | {server:.1f} | {wall:.1f} | {refused} | {verdict} |")
            report += ["", f"## Load: {args.clients} clients x {args.requests} mixed requests, "
                           f"{ROUNDS} rounds", "",
                       "| round | requests | errors | p50 ms | p95 ms | p99 ms | req/s | "
                       "RSS before MB | RSS after MB |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
            for n in range(1, ROUNDS + 1):
                log(f"load round {n} ...")
                before = rss_mb(proc.pid)
                r = load_round(port, ents, args.clients, args.requests, args.seed + n,
                               args.round_deadline)
                after = rss_mb(proc.pid)
                report.append(f"| {n} | {r['requests']} | {len(r['errors'])} | {r['p50']:.1f} | "
                              f"{r['p95']:.1f} | {r['p99']:.1f} | {r['rps']:.1f} | "
                              f"{before:.0f} | {after:.0f} |")
                if r["errors"]:
                    report.append(f"|  | first errors: {'; '.join(r['errors'][:3])} |")
        finally:
            stop_server(proc)
    print("\n".join(report))


if __name__ == "__main__":
    main()
