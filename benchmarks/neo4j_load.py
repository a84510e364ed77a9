"""Neo4j: `kg load` throughput against the server's own LOAD CSV, and query latency.

    python -m benchmarks.neo4j_load                   # 100k relations (~10 min)
    python -m benchmarks.neo4j_load --size 10k        # a quick run

Starts a private Neo4j with scripts/neo4j-server (its own KG_NEO4J_HOME under
benchmarks/out/, import dir included) and stops it at the end. Every figure
is taken in this run, next to its reference:

* load: ``kg load`` (graph.store.neo4j_load.load: parameters over Bolt,
  ``UNWIND $rows ... MERGE`` batches) vs ``LOAD CSV ... CALL { MERGE ... } IN
  TRANSACTIONS`` writing the *same* nodes, labels, properties and
  relationships from CSV files in the server's import dir (checked equal
  afterwards), same batch size, into fresh datasets; rounds alternate;
* reload of the unchanged folder (a no-op);
* latency of ``kg path`` (default options) and ``kg exposure`` (firms within
  3 hops) through graph.service on Neo4j and on the memory store: median
  and p95 over random entities, after one warm-up query per shape.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import signal
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-server"
LIST_SEP = "\u241f"      # joins list cells in the CSV files (no seed text uses it)


class Neo4jServer:
    """A Neo4j started with scripts/neo4j-server.

    With ``home``, a private one (its own KG_NEO4J_HOME; the launcher built
    in the usual cache is shared through a symlink, so no second Maven
    build); without, the one of the caller's environment. ``data`` keeps the
    database across restarts (``start --data``); ``import_dir`` is LOAD CSV's
    file:/// root.
    """

    def __init__(self, home: Path | None = None, data: Path | None = None,
                 import_dir: Path | None = None, heap: str | None = None,
                 pagecache: str | None = None):
        self.home = home
        self.data, self.import_dir = data, import_dir
        self.env = dict(os.environ)
        if home is not None:
            home.mkdir(parents=True, exist_ok=True)
            if not (home / "build").exists():
                # Build (or find) the launcher in the usual cache, then share it:
                # the build records absolute paths, so it must live there.
                built = subprocess.run([str(SCRIPT), "build"], env=self.env,
                                       capture_output=True, text=True)
                if built.returncode == 0 and built.stdout.strip():
                    (home / "build").symlink_to(Path(built.stdout.split()[-1]).parent)
            self.env["KG_NEO4J_HOME"] = str(home)
            self.env.pop("KG_NEO4J_DATA_DIR", None)
            self.env.pop("KG_NEO4J_IMPORT_DIR", None)
        if heap:
            self.env["KG_NEO4J_HEAP"] = heap
        if pagecache:
            self.env["KG_NEO4J_PAGECACHE"] = pagecache

    def running(self) -> bool:
        return subprocess.run([str(SCRIPT), "status"], env=self.env,
                              capture_output=True).returncode == 0

    def start(self) -> dict[str, str]:
        """Start (or reuse) the server; returns uri/user/password/database."""
        args = [str(SCRIPT), "start"]
        if self.data is not None:
            args += ["--data", str(self.data)]
        if self.import_dir is not None:
            args += ["--import", str(self.import_dir)]
        done = subprocess.run(args, env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"scripts/neo4j-server start failed:\n{done.stderr}")
        env = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        return {"uri": env["NEO4J_URI"], "user": env["NEO4J_USERNAME"],
                "password": env["NEO4J_PASSWORD"], "database": env["NEO4J_DATABASE"]}

    def kill(self) -> None:
        """SIGKILL the (private) server, a crash, and wait until it is gone."""
        assert self.home is not None, "only a private server is killed"
        pid = int((self.home / "run" / "neo4j.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run([str(SCRIPT), "stop"], env=self.env, capture_output=True)


# -- LOAD CSV: the same graph from CSV files -------------------------------------------
def _kind(values: list[Any]) -> str:
    kinds = {("list" if isinstance(v, list) else "bool" if isinstance(v, bool)
              else "int" if isinstance(v, int) else "float" if isinstance(v, float) else "str")
             for v in values}
    if kinds <= {"int", "float"}:
        return kinds.pop() if len(kinds) == 1 else "number"
    return kinds.pop() if len(kinds) == 1 else "str"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _expr(key: str, kind: str) -> str:
    col = f"row.`{key}`"
    return {"int": f"toInteger({col})", "float": f"toFloat({col})",
            "bool": f"toBoolean({col})",
            "number": f"CASE WHEN {col} =~ '-?[0-9]+' THEN toInteger({col}) ELSE toFloat({col}) END",
            "list": f"CASE WHEN {col} IS NULL THEN [] ELSE split({col}, '{LIST_SEP}') END",
            }.get(kind, col)


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> tuple[list[str], dict[str, str]]:
    keys = sorted({k for r in rows for k in r})
    kinds = {k: _kind([r[k] for r in rows if k in r]) for k in keys}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(keys)
        w.writerows([_cell(r.get(k)) for k in keys] for r in rows)
    return keys, kinds


def load_csv_plan(data, name: str, import_dir: Path, batch: int) -> list[str]:
    """Write CSV files of the dataset's node and relationship properties (what
    ``kg load`` writes, minus its hash) and return the LOAD CSV statements."""
    from graph.neo4j_names import quote
    from graph.store.neo4j_load import _node_rows, _relationship_rows

    import_dir.mkdir(parents=True, exist_ok=True)
    statements = []
    groups: dict[tuple, list[dict]] = {}
    for row in _node_rows(data, name).values():
        groups.setdefault(tuple(row["labels"]), []).append(
            {k: v for k, v in row["props"].items() if k not in ("kg_hash", "kg_dataset")})
    for i, (labels, rows) in enumerate(groups.items()):
        file = f"{name}-nodes-{i}.csv"
        keys, kinds = _write_csv(import_dir / file, rows)
        sets = ", ".join(f"`{k}`: {_expr(k, kinds[k])}" for k in keys if k != "id")
        statements.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row CALL (row) {{ "
            f"MERGE (n:`Entity` {{kg_dataset: $ds, id: row.id}}) "
            f"SET n += {{{sets}}}, n{''.join(':' + quote(lb) for lb in labels)} "
            f"}} IN TRANSACTIONS OF {batch} ROWS")
    rgroups: dict[str, list[dict]] = {}
    for row in _relationship_rows(data, name).values():
        props = {k: v for k, v in row["props"].items() if k not in ("kg_hash", "kg_dataset")}
        rgroups.setdefault(row["type"], []).append({**props, ":from": row["from"],
                                                    ":to": row["to"]})
    for rtype, rows in rgroups.items():
        file = f"{name}-rels-{rtype}.csv"
        keys, kinds = _write_csv(import_dir / file, rows)
        sets = ", ".join(f"`{k}`: {_expr(k, kinds[k])}" for k in keys
                         if k not in ("id", ":from", ":to"))
        statements.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row CALL (row) {{ "
            f"MATCH (a:`Entity` {{kg_dataset: $ds, id: row.`:from`}}) "
            f"MATCH (b:`Entity` {{kg_dataset: $ds, id: row.`:to`}}) "
            f"MERGE (a)-[r:{quote(rtype)} {{kg_dataset: $ds, id: row.id}}]->(b) "
            f"SET r += {{{sets}}} }} IN TRANSACTIONS OF {batch} ROWS")
    return statements


def run_load_csv(conn, statements: list[str], name: str) -> float:
    t0 = time.perf_counter()
    with conn.driver.session(database=conn.settings.database) as session:
        for statement in statements:
            session.run(statement, ds=name).consume()     # implicit tx: IN TRANSACTIONS
    return time.perf_counter() - t0


# -- query latency ---------------------------------------------------------------------
def latencies(call, args: list[tuple], warm: tuple) -> list[float]:
    call(*warm)
    out = []
    for a in args:
        t0 = time.perf_counter()
        call(*a)
        out.append(time.perf_counter() - t0)
    return out


def stats_ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000


def main(argv: list[str] | None = None) -> None:
    from benchmarks.run import OUT, SIZES, folder_for, machine
    from graph import service
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore
    from graph.store.neo4j import Neo4jStore
    from graph.store.neo4j_conn import Connection
    from graph.neo4j_names import relationship_type
    from graph.store.neo4j_load import ensure_schema, load

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="100k")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2, help="alternating load rounds")
    parser.add_argument("--queries", type=int, default=40, help="queries per latency figure")
    parser.add_argument("--keep-server", action="store_true", help="leave the server running")
    args = parser.parse_args(argv)

    def log(msg: str) -> None:
        print(f"[neo4j-bench] {msg}", flush=True)

    folder = folder_for(args.size, args.seed, log)
    t0 = time.perf_counter()
    data = load_dataset(folder)
    validate_s = time.perf_counter() - t0
    nrel, nent = len(data.relations), len(data.entities)
    work = OUT / "neo4j-bench"
    server = Neo4jServer(work / "home", import_dir=work / "import", heap="2g",
                         pagecache="512m")
    log(f"{folder.name}: {nent:,} entities, {nrel:,} relations; starting Neo4j ...")
    settings = server.start()
    rows: list[tuple[str, str, str, str]] = []
    try:
        with Connection.open(**settings) as conn:
            # Constraints first, untimed: both loads rely on them (kg load makes them once).
            ensure_schema(conn, {relationship_type(r.type) for r in data.relations})
            kg_times, csv_times = [], []
            for r in range(args.rounds):

                def kg_round() -> None:
                    t0 = time.perf_counter()
                    load(conn, data, f"bench-kg-{r}", args.batch_size)
                    kg_times.append(time.perf_counter() - t0)
                    log(f"round {r + 1}: kg load {kg_times[-1]:.1f} s")

                def csv_round() -> None:
                    statements = load_csv_plan(data, f"bench-csv-{r}", work / "import",
                                               args.batch_size)
                    csv_times.append(run_load_csv(conn, statements, f"bench-csv-{r}"))
                    log(f"round {r + 1}: LOAD CSV {csv_times[-1]:.1f} s")

                # Alternate who goes first: the first writer into a fresh store pays
                # for growing its files and warming the JIT.
                for step in ((kg_round, csv_round) if r % 2 == 0 else (csv_round, kg_round)):
                    step()
            check_same(conn, "bench-kg-0", "bench-csv-0")
            t0 = time.perf_counter()
            load(conn, data, "bench-kg-0", args.batch_size)
            reload_s = time.perf_counter() - t0

            kg, ref = min(kg_times), min(csv_times)
            rows += [
                ("load, relations/s (kg load: Bolt UNWIND MERGE)", f"{nrel / kg:,.0f}",
                 f"{nrel / ref:,.0f} (LOAD CSV)", f"{kg / ref:.2f}x the time"),
                ("load, seconds (best of rounds)", f"{kg:.1f}", f"{ref:.1f}",
                 f"all rounds: kg {', '.join(f'{t:.1f}' for t in kg_times)}; "
                 f"CSV {', '.join(f'{t:.1f}' for t in csv_times)}"),
                ("validate the folder first (kg load does)", f"{validate_s:.1f} s", "-", ""),
                ("reload, folder unchanged (no-op)", f"{reload_s:.1f} s", "-", ""),
            ]

        memory = MemoryStore(data)
        rng = random.Random(args.seed)
        ids = sorted(data.entities)
        pairs = [tuple(rng.sample(ids, 2)) for _ in range(args.queries)]
        centers = [(rng.choice(ids),) for _ in range(args.queries)]
        with Neo4jStore.connect(dataset="bench-kg-0", **settings) as neo:
            for label, fn, items in (
                    ("path (all shortest, max 4 hops), ms", service.path, pairs),
                    ("exposure (firms within 3 hops), ms",
                     lambda s, c: service.exposure(s, c, types=["firm"], max_hops=3), centers)):
                times = {}
                for store_name, store in (("neo4j", neo), ("memory", memory)):
                    times[store_name] = stats_ms(latencies(
                        lambda *a, s=store: fn(s, *a), items, items[0]))
                (nm, np95), (mm, mp95) = times["neo4j"], times["memory"]
                rows.append((label, f"median {nm:.0f}, p95 {np95:.0f}",
                             f"memory: median {mm:.1f}, p95 {mp95:.1f}", ""))
    finally:
        if not args.keep_server:
            server.stop()
    print()
    print(f"Neo4j 5.26 Community (scripts/neo4j-server), {machine()}; "
          f"{args.size} folder: {nent:,} entities, {nrel:,} relations; batch {args.batch_size}")
    print()
    print("| figure | kg on Neo4j | reference | note |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def snapshot(conn, name: str, ignore=("kg_dataset", "kg_keys", "kg_hash")):
    """Dataset ``name`` as comparable data: sorted (labels, properties) of its nodes
    and (type, from, to, properties) of its relationships, minus ``ignore`` keys."""
    import json

    def clean(props: dict) -> dict:
        return {k: v for k, v in props.items() if k not in ignore}

    [nodes] = conn.read("MATCH (n:Entity {kg_dataset: $ds}) "
                        "RETURN collect([labels(n), properties(n)]) AS items", ds=name)
    [rels] = conn.read("MATCH (a:Entity {kg_dataset: $ds})-[r]->(b) WHERE r.kg_dataset = $ds "
                       "RETURN collect([type(r), a.id, b.id, properties(r)]) AS items", ds=name)
    return (sorted(json.dumps([sorted(lb), clean(p)], sort_keys=True) for lb, p in nodes["items"]),
            sorted(json.dumps([t, a, b, clean(p)], sort_keys=True)
                   for t, a, b, p in rels["items"]))


def check_same(conn, kg_name: str, csv_name: str) -> None:
    """The LOAD CSV reference wrote the same graph (labels, properties, relationships)."""
    if snapshot(conn, kg_name) != snapshot(conn, csv_name):
        raise SystemExit("LOAD CSV reference and kg load wrote different graphs")


if __name__ == "__main__":
    main()
