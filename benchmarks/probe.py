"""Measurements that run in a fresh process; ``benchmarks.run`` drives them.

Each prints one JSON object on stdout. Peak memory is read by the parent from
the child's own rusage (``os.wait4``), so every probe is its own process.

    python -m benchmarks.probe load FOLDER [--no-cache]   # kg's load
    python -m benchmarks.probe refload FOLDER             # csv module -> networkx
    python -m benchmarks.probe queries FOLDER --pairs 50  # queries vs networkx
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path


def load(folder: str, use_cache: bool) -> dict:
    t = time.perf_counter()
    from graph.store.memory import MemoryStore
    store = MemoryStore.from_folder(folder, use_cache=use_cache)
    return {"seconds": time.perf_counter() - t, "entities": len(store.data.entities),
            "relations": len(store.data.relations)}


def refload(folder: str) -> dict:
    """The plain reference: Python's csv module into a networkx MultiDiGraph."""
    t = time.perf_counter()
    import networkx as nx

    g = nx.MultiDiGraph()
    files = sorted(Path(folder).rglob("*.csv"))
    # Entities first, so relations find their nodes, as a careful script would.
    for path in sorted(files, key=lambda p: "from" in p.open(encoding="utf-8").readline()):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if "from" in (reader.fieldnames or []):
                for row in reader:
                    g.add_edge(row["from"], row["to"], **row)
            else:
                for row in reader:
                    g.add_node(row["id"], **row)
    return {"seconds": time.perf_counter() - t, "entities": g.number_of_nodes(),
            "relations": g.number_of_edges()}


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _summary(times: list[float]) -> dict:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median": statistics.median(times), "p95": p95, "n": len(times)}


def queries(folder: str, pairs: int, seed: int) -> dict:
    import networkx as nx

    from graph import service
    from graph.store.memory import MemoryStore

    store = MemoryStore.from_folder(folder)
    data = store.data
    # Reference graphs, prebuilt (not timed): undirected for walks, like kg's default.
    und = nx.Graph()
    und.add_nodes_from(data.entities)
    und.add_edges_from((r.source_id, r.target_id) for r in data.relations)
    rng = random.Random(seed)
    ids = sorted(data.entities)
    firms = [i for i in ids if data.entities[i].type == "firm"]
    mismatches: list[str] = []

    chosen: list[tuple[str, str]] = []
    while len(chosen) < pairs:
        a = rng.choice(ids)
        reach = nx.single_source_shortest_path_length(und, a, cutoff=4)
        far = sorted(v for v, d in reach.items() if d >= 1)
        if far:
            chosen.append((a, rng.choice(far)))

    out: dict = {"sample_pair": chosen[0]}
    ours, ref = [], []
    for a, b in chosen:
        t1, r = _timed(lambda: service.path(store, a, b))
        t2, p = _timed(lambda: nx.shortest_path(und, a, b))
        ours.append(t1)
        ref.append(t2)
        if not r.paths or r.paths[0].length != len(p) - 1:
            mismatches.append(f"path {a} {b}: kg {r.paths[0].length if r.paths else None}, "
                              f"networkx {len(p) - 1}")
    out["path"] = {"kg": _summary(ours), "ref": _summary(ref)}

    ours, ref = [], []
    for a, b in chosen[:10]:
        t1, r = _timed(lambda: service.path(store, a, b, k=5))
        t2, p = _timed(lambda: [len(x) - 1 for x in islice(nx.shortest_simple_paths(und, a, b), 5)])
        ours.append(t1)
        ref.append(t2)
        got = [x.length for x in r.paths]
        within = [n for n in p if n <= 4]     # kg's default --max-hops 4
        if got != within[:len(got)] or (len(got) < 5 and len(within) > len(got)):
            mismatches.append(f"path --k 5 {a} {b}: kg {got}, networkx {p}")
    out["path_k5"] = {"kg": _summary(ours), "ref": _summary(ref)}

    starts = [rng.choice(firms) for _ in range(10)]
    ours, ref, hits = [], [], []
    for e in starts:
        t1, r = _timed(lambda: service.exposure(store, e, max_hops=3))
        hits.append(len(r.hits))
        t2, p = _timed(lambda: nx.single_source_shortest_path(und, e, cutoff=3))
        ours.append(t1)
        ref.append(t2)
        want = {v: len(x) - 1 for v, x in p.items() if v != e}
        if {h.entity.id: h.distance for h in r.hits} != want:
            mismatches.append(f"exposure {e}: kg {len(r.hits)} hits, networkx {len(want)}")
    out["exposure"] = {"kg": _summary(ours), "ref": _summary(ref),
                       "hits": statistics.median(hits)}

    ours, ref = [], []
    for e in starts:
        t1, r = _timed(lambda: service.exposure(store, e, types=["government"], max_hops=3))
        t2, p = _timed(lambda: [v for v in nx.single_source_shortest_path(und, e, cutoff=3)
                                if data.entities[v].type == "government" and v != e])
        ours.append(t1)
        ref.append(t2)
        if sorted(h.entity.id for h in r.hits) != sorted(p):
            mismatches.append(f"exposure --type government {e}: differs")
    out["exposure_gov"] = {"kg": _summary(ours), "ref": _summary(ref)}

    ours, ref = [], []
    for e in starts:
        t1, r = _timed(lambda: service.neighbors(store, e, depth=2))
        t2, p = _timed(lambda: nx.single_source_shortest_path_length(und, e, cutoff=2))
        ours.append(t1)
        ref.append(t2)
        if {h.entity.id: h.distance for h in r.hits} != {v: d for v, d in p.items() if v != e}:
            mismatches.append(f"neighbors {e}: differs")
    out["neighbors"] = {"kg": _summary(ours), "ref": _summary(ref)}

    multi = store.graph      # networkx, built on first use (not timed)
    t1, s = _timed(lambda: service.stats(store))

    def ref_stats():
        degree = dict(multi.degree())
        top = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        comps = [len(c) for c in nx.weakly_connected_components(multi)]
        return (Counter(d["entity"].type for _, d in multi.nodes(data=True)), top,
                len(comps), max(comps))

    t2, (types, top, ncomp, largest) = _timed(ref_stats)
    if ([(e.id, d) for e, d in s.top] != top or s.components != ncomp
            or s.largest_component != largest or dict(types) != s.entity_types):
        mismatches.append("stats differ")
    out["stats"] = {"kg": _summary([t1]), "ref": _summary([t2])}
    out["mismatches"] = mismatches
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["load", "refload", "queries"])
    parser.add_argument("folder")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.what == "load":
        result = load(args.folder, not args.no_cache)
    elif args.what == "refload":
        result = refload(args.folder)
    else:
        result = queries(args.folder, args.pairs, args.seed)
    json.dump(result, sys.stdout)
    sys.stdout.flush()
    os._exit(0)   # skip freeing millions of objects: not part of any figure


if __name__ == "__main__":
    main()
