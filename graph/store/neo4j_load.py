"""`kg load`: a validated seed folder into Neo4j, idempotently and in batches.

Everything written carries ``kg_dataset`` (see :mod:`graph.records`) and
a content hash ``kg_hash``. A load reads back the ids and hashes of its
dataset, then writes only what is new or changed and deletes only what the
folder no longer has, so:

* loading the same folder twice changes nothing;
* a changed folder brings the dataset to the new state, and nothing outside
  the dataset is read or written;
* an interrupted load (killed process, dropped connection) leaves committed
  batches behind; the next load sees their hashes and finishes the job.

Order: constraints, the dataset's load lock, removed or moved relations,
stale labels, entities, relations, removed entities, then the
``(:KgDataset)`` node (schema, sources, components, and the entity and
relation counts read back from the database) that marks the load complete.
Each step is safe to interrupt: what it has not finished still differs from
the folder next time.

One writer per dataset: a load holds ``(:KgLoadLock {kg_dataset})`` (unique)
from before it reads the dataset until after it marks it complete, and
renews its lease every few seconds. A second load of the same dataset is
refused with who holds it; a lock whose holder stopped renewing it (a
crashed load on any machine) or whose process is gone (on this machine) is
taken over. Schema setup tolerates other loads doing the same at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from .. import defaults
from ..errors import BackendUnavailable, InputError, KgError
from ..model import Dataset, Schema
from ..neo4j_names import (ENTITY_LABEL, check_entity, check_relation, identifier,
                           node_labels, quote, relationship_type, type_label)
from ..records import DATASET_KEY, dataset_name, node_properties, relationship_properties
from ..resolve import normalize
from .neo4j_conn import Connection

BATCH_SIZE = defaults.NEO4J_BATCH_SIZE
META_LABEL = "KgDataset"
ENTITY_CONSTRAINT = (f"CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:{quote(ENTITY_LABEL)}) "
                     f"REQUIRE (n.{DATASET_KEY}, n.id) IS UNIQUE")
META_CONSTRAINT = (f"CREATE CONSTRAINT kg_dataset_key IF NOT EXISTS FOR (d:{quote(META_LABEL)}) "
                   f"REQUIRE d.{DATASET_KEY} IS UNIQUE")
LOCK_LABEL = "KgLoadLock"
LOCK_CONSTRAINT = (f"CREATE CONSTRAINT kg_load_lock_key IF NOT EXISTS "
                   f"FOR (l:{quote(LOCK_LABEL)}) REQUIRE l.{DATASET_KEY} IS UNIQUE")
LEASE_SECONDS = 60.0      # a lock not renewed for this long belongs to a dead load
_HELD: set[str] = set()   # owners of the locks this process's loads hold right now
_ENTITY = f"(n:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds, id: row.id}})"


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class LoadSummary:
    dataset: str
    where: str
    folder: str | None
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "target": self.where, "folder": self.folder,
                "entities": self.entities.to_dict(), "relations": self.relations.to_dict(),
                "seconds": round(self.seconds, 3)}

    def text(self) -> str:
        def line(name: str, c: Counts) -> str:
            return (f"  {name:<10} {c.created:>7,} created  {c.updated:>7,} updated  "
                    f"{c.removed:>7,} removed  {c.unchanged:>7,} unchanged")

        return (f"Loaded {self.folder} into Neo4j dataset {self.dataset!r} "
                f"({self.where}) in {self.seconds:.1f} s\n"
                f"{line('entities', self.entities)}\n{line('relations', self.relations)}")


# -- what the dataset should look like in Neo4j ------------------------------------
def search_keys(entity_id: str, labels: Iterable[str]) -> list[str]:
    """The normalised id, name and aliases the store searches (``kg_keys``)."""
    return list(dict.fromkeys(normalize(x) for x in (entity_id, *labels)))


def _digest(*parts: Any) -> str:
    # repr of plain str/int/float/bool/list/dict values is stable and fast; a
    # reordered property map only costs one needless rewrite.
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def _node_rows(data: Dataset, name: str) -> dict[str, dict[str, Any]]:
    out = {}
    for e in data.entities.values():
        if e.properties:
            check_entity(e)
        props = node_properties(e, name)
        props["kg_keys"] = search_keys(e.id, e.labels())
        labels = node_labels(data.schema, e.type)[1:]
        props["kg_hash"] = _digest(labels, props)
        out[e.id] = {"id": e.id, "props": props, "labels": labels}
    return out


def _relationship_rows(data: Dataset, name: str) -> dict[str, dict[str, Any]]:
    out = {}
    for r in data.relations:
        if r.properties or r.amount is not None:
            check_relation(r)
        props = relationship_properties(r, name)
        rtype = relationship_type(r.type)
        props["kg_hash"] = _digest(rtype, r.source_id, r.target_id, props)
        out[r.id] = {"id": r.id, "from": r.source_id, "to": r.target_id, "type": rtype,
                     "props": props}
    return out


def components(data: Dataset) -> tuple[int, int]:
    """(weakly connected components, size of the largest), by union-find."""
    parent = {i: i for i in data.entities}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in data.relations:
        a, b = root(r.source_id), root(r.target_id)
        if a != b:
            parent[a] = b
    sizes: dict[str, int] = {}
    for i in parent:
        sizes[root(i)] = sizes.get(root(i), 0) + 1
    return len(sizes), max(sizes.values(), default=0)


def schema_json(schema: Schema) -> str:
    """Every entity and relation type, so queries need no seed folder."""
    return json.dumps({"entity_types": [vars(t) for t in schema.entity_types.values()],
                       "relation_types": [{**vars(t), "from_types": list(t.from_types),
                                           "to_types": list(t.to_types)}
                                          for t in schema.relation_types.values()]},
                      ensure_ascii=False)


def schema_from_json(text: str) -> Schema:
    from ..model import EntityType, RelationType

    raw = json.loads(text)
    return Schema({t["name"]: EntityType(**t) for t in raw["entity_types"]},
                  {t["name"]: RelationType(**{**t, "from_types": tuple(t["from_types"]),
                                              "to_types": tuple(t["to_types"])})
                   for t in raw["relation_types"]})


# -- writing -----------------------------------------------------------------------
def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _group(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(tuple(row[key]) if isinstance(row[key], list) else row[key], []).append(row)
    return out


def ensure_schema(conn: Connection, relationship_types: Iterable[str],
                  attempts: int = 6) -> None:
    """Uniqueness of (kg_dataset, id) for entities and each relationship type, of
    datasets and of load locks.

    Other loads may be doing the same at this moment: a statement that fails
    (an equivalent constraint appeared, an index is now owned by a
    constraint) is not an error as long as, read again, the constraints are
    all there.
    """
    wanted = {"kg_entity_key": ENTITY_CONSTRAINT, "kg_dataset_key": META_CONSTRAINT,
              "kg_load_lock_key": LOCK_CONSTRAINT}
    for rtype in sorted(set(relationship_types)):
        wanted[f"kg_rel_{rtype}"] = (
            f"CREATE CONSTRAINT {quote('kg_rel_' + identifier(rtype))} IF NOT EXISTS "
            f"FOR ()-[r:{quote(rtype)}]-() REQUIRE (r.{DATASET_KEY}, r.id) IS UNIQUE")
    failure: KgError | None = None
    for attempt in range(attempts):
        have = {row["name"] for row in conn.read("SHOW CONSTRAINTS YIELD name")}
        missing = [name for name in wanted if name not in have]
        if not missing:
            return
        for name in missing:
            try:
                if name == "kg_entity_key":
                    # Exports before 2026-11 created a plain index of this name;
                    # the constraint replaces it (an index a constraint owns stays).
                    if conn.read("SHOW INDEXES YIELD name, owningConstraint "
                                 "WHERE name = 'kg_entity_key' AND owningConstraint IS NULL "
                                 "RETURN name"):
                        conn.write("DROP INDEX kg_entity_key IF EXISTS")
                conn.write(wanted[name])
            except KgError as exc:       # most likely another load's schema change won
                failure = exc
        time.sleep(0.05 * (attempt + 1))
    have = {row["name"] for row in conn.read("SHOW CONSTRAINTS YIELD name")}
    if any(name not in have for name in wanted):
        raise KgError(f"could not create the constraints kg needs ({failure}); check that the "
                      "user may change the schema and try again")


class LoadLock:
    """``(:KgLoadLock {kg_dataset})``: one writer per dataset, with a renewed lease."""

    def __init__(self, conn: Connection, name: str, lease: float = LEASE_SECONDS):
        self.conn, self.name, self.lease = conn, name, lease
        self.owner = uuid.uuid4().hex
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self) -> None:
        """Take the lock, or KgError naming the load that holds it."""
        import neo4j

        me = {"owner": self.owner, "host": socket.gethostname(), "pid": os.getpid(),
              "since": _now()}

        def work(tx: "neo4j.ManagedTransaction") -> dict[str, Any] | None:
            # Writing to the lock node first takes Neo4j's exclusive lock on it
            # until commit, so the holder read next cannot change under us.
            tx.run(f"MERGE (l:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds}}) "
                   "SET l.claim = $owner REMOVE l.claim", ds=self.name, owner=self.owner)
            [row] = tx.run(f"MATCH (l:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds}}) "
                           "RETURN properties(l) AS l, timestamp() AS now", ds=self.name).data()
            held: dict[str, Any] = row["l"]
            if held.get("owner") and not _stale(held, row["now"], self.lease):
                return held
            tx.run(f"MATCH (l:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds}}) "
                   "SET l += $me, l.beat = timestamp()", ds=self.name, me=me)
            return None

        with self.conn.translated(), self.conn._session(write=True) as session:
            held = session.execute_write(work)
        if held is not None:
            raise KgError(
                f"Neo4j dataset {self.name!r} is being loaded by another kg load (process "
                f"{held.get('pid')} on {held.get('host')}, since {held.get('since')}); wait "
                f"for it to finish, or, if that load was killed, retry after "
                f"{self.lease:.0f} s without news from it")
        _HELD.add(self.owner)
        self._thread = threading.Thread(target=self._renew, name=f"kg-lock-{self.name}",
                                        daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.lease / 6):
            try:
                rows = self.conn.write(
                    f"MATCH (l:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds, owner: $owner}}) "
                    "SET l.beat = timestamp() RETURN count(l) AS n",
                    ds=self.name, owner=self.owner)
            except KgError:       # the load itself reports a lost server
                continue
            if rows[0]["n"] == 0:
                self.lost = True
                return

    def check(self) -> None:
        if self.lost:
            raise KgError(f"the load of Neo4j dataset {self.name!r} lost its lock to another "
                          f"kg load (it could not renew it for {self.lease:.0f} s); run "
                          "`kg load` again when that one has finished")

    def release(self) -> None:
        _HELD.discard(self.owner)
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        try:
            self.conn.write(f"MATCH (l:{quote(LOCK_LABEL)} "
                            f"{{{DATASET_KEY}: $ds, owner: $owner}}) DELETE l",
                            ds=self.name, owner=self.owner)
        except KgError:
            pass        # the lease runs out by itself

    def __enter__(self) -> "LoadLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _stale(held: dict[str, Any], now: int, lease: float) -> bool:
    """Whether a lock's holder is gone: no renewal within the lease, a process
    of this machine that no longer runs, or an earlier load of this process
    that could not release it (the server went away)."""
    if now - int(held.get("beat") or 0) > lease * 1000:
        return True
    if held.get("host") == socket.gethostname() and held.get("pid") == os.getpid():
        return held.get("owner") not in _HELD
    if held.get("host") == socket.gethostname() and isinstance(held.get("pid"), int):
        try:
            os.kill(held["pid"], 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
    return False


class _Writer:
    """Runs one statement over rows, ``batch_size`` rows per transaction."""

    def __init__(self, conn: Connection, name: str, batch_size: int, bar: Any,
                 lock: LoadLock):
        self.conn, self.name, self.batch_size, self.bar = conn, name, batch_size, bar
        self.lock = lock

    def __call__(self, query: str, rows: list[dict[str, Any]]) -> None:
        for chunk in _chunks(rows, self.batch_size):
            self.lock.check()
            try:
                self.conn.write(query, ds=self.name, rows=chunk)
            except BackendUnavailable as exc:
                raise BackendUnavailable(
                    f"{exc} The load of {self.name!r} stopped after {self.bar.done:,} of "
                    f"{self.bar.total:,} writes; committed batches are kept and the next "
                    "`kg load` of the same folder finishes the job.") from None
            self.bar.update(len(chunk))


def _existing(conn: Connection, name: str
              ) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Ids, hashes, types and endpoints of what the dataset holds now.

    Collected into lists on the server: one record instead of one per item
    (the driver's per-record cost dominates for 100k items).
    """
    [nodes] = conn.read(
        f"MATCH (n:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds}}) "
        "RETURN collect(n.id) AS id, collect(coalesce(n.kg_hash, '')) AS hash, "
        "collect(n.type) AS type", ds=name)
    [rels] = conn.read(
        f"MATCH (a:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds}})-[r]->(b) "
        f"WHERE r.{DATASET_KEY} = $ds "
        "RETURN collect(r.id) AS id, collect(coalesce(r.kg_hash, '')) AS hash, "
        "collect(type(r)) AS type, collect(a.id) AS from, collect(b.id) AS to", ds=name)
    have_nodes = {i: {"hash": h, "type": t}
                  for i, h, t in zip(nodes["id"], nodes["hash"], nodes["type"])}
    have_rels: dict[str, list[dict[str, Any]]] = {}
    for i, h, t, a, b in zip(rels["id"], rels["hash"], rels["type"], rels["from"], rels["to"]):
        have_rels.setdefault(i, []).append({"hash": h, "type": t, "from": a, "to": b})
    return have_nodes, have_rels


def _meta(conn: Connection, name: str) -> dict[str, Any] | None:
    rows = conn.read(f"MATCH (d:{quote(META_LABEL)} {{{DATASET_KEY}: $ds}}) "
                     "RETURN properties(d) AS d", ds=name)
    return rows[0]["d"] if rows else None


def _old_labels(old_schema: Schema | None, schema: Schema, entity_type: str | None) -> list[str]:
    if not entity_type:
        return []
    for s in (old_schema, schema):
        if s is not None and entity_type in s.entity_types:
            return node_labels(s, entity_type)[1:]
    try:
        return [type_label(entity_type)]
    except KgError:     # a type name that was never a valid label has no label to remove
        return []


def load(conn: Connection, data: Dataset, name: str | None = None,
         batch_size: int = BATCH_SIZE) -> LoadSummary:
    """Bring dataset ``name`` (default: the folder's name) in Neo4j to ``data``."""
    if batch_size < 1:
        raise InputError(f"--batch-size must be a positive number, got {batch_size}")
    t0 = time.perf_counter()
    name = name or dataset_name(data)
    summary = LoadSummary(name, conn.settings.where, data.folder)
    nodes = _node_rows(data, name)
    rels = _relationship_rows(data, name)
    with conn.translated():
        ensure_schema(conn, (r["type"] for r in rels.values()))
    with LoadLock(conn, name) as lock:
        _load_locked(conn, data, name, batch_size, nodes, rels, summary, lock)
    summary.seconds = time.perf_counter() - t0
    return summary


def _load_locked(conn: Connection, data: Dataset, name: str, batch_size: int,
                 nodes: dict[str, dict[str, Any]], rels: dict[str, dict[str, Any]],
                 summary: LoadSummary, lock: LoadLock) -> None:
    from ..progress import progress

    with conn.translated():
        meta = _meta(conn, name)
        old_schema = schema_from_json(meta["schema"]) if meta and meta.get("schema") else None
        conn.write(f"MERGE (d:{quote(META_LABEL)} {{{DATASET_KEY}: $ds}}) SET d.loading = $now",
                   ds=name, now=_now())
        have_nodes, have_rels = _existing(conn, name)
    # Plan: what to delete, relabel and (re)write.
    node_writes = [row for i, row in nodes.items()
                   if have_nodes.get(i, {}).get("hash") != row["props"]["kg_hash"]]
    relabel: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in node_writes:
        old = have_nodes.get(row["id"])
        if old is None:
            continue
        stale = [lb for lb in _old_labels(old_schema, data.schema, old.get("type"))
                 if lb not in row["labels"]]
        if stale:
            relabel.setdefault(tuple(stale), []).append({"id": row["id"]})
    gone_nodes = [{"id": i} for i in have_nodes if i not in nodes]

    rel_writes: list[dict[str, Any]] = []
    rel_deletes: list[dict[str, Any]] = []
    for rid, row in rels.items():
        old_list = have_rels.get(rid, [])
        if len(old_list) == 1 and old_list[0]["hash"] == row["props"]["kg_hash"]:
            continue
        rel_writes.append(row)
        same_place = (len(old_list) == 1 and (old_list[0]["type"], old_list[0]["from"],
                                               old_list[0]["to"]) ==
                      (row["type"], row["from"], row["to"]))
        if old_list and not same_place:
            rel_deletes.extend({"id": rid, "from": o["from"]} for o in old_list)
    gone_rels = [{"id": rid, "from": o["from"]} for rid, olds in have_rels.items()
                 if rid not in rels for o in olds]

    summary.entities = Counts(
        created=sum(1 for r in node_writes if r["id"] not in have_nodes),
        updated=sum(1 for r in node_writes if r["id"] in have_nodes),
        removed=len(gone_nodes), unchanged=len(nodes) - len(node_writes))
    summary.relations = Counts(
        created=sum(1 for r in rel_writes if r["id"] not in have_rels),
        updated=sum(1 for r in rel_writes if r["id"] in have_rels),
        removed=len(gone_rels), unchanged=len(rels) - len(rel_writes))

    total = (len(gone_rels) + len(rel_deletes) + len(node_writes)
             + sum(map(len, relabel.values())) + len(rel_writes) + len(gone_nodes))
    with conn.translated(), progress(f"Loading into Neo4j ({name})", total,
                                     show=total > batch_size) as bar:
        write = _Writer(conn, name, batch_size, bar, lock)
        write(f"UNWIND $rows AS row MATCH (a:{quote(ENTITY_LABEL)} "
              f"{{{DATASET_KEY}: $ds, id: row.from}})-[r]->() "
              f"WHERE r.{DATASET_KEY} = $ds AND r.id = row.id DELETE r",
              gone_rels + rel_deletes)
        # Stale labels go before the rewrite that stores the new hash, so a load
        # interrupted in between still sees the entity as changed next time.
        for gone_labels, rows in relabel.items():
            write(f"UNWIND $rows AS row MATCH {_ENTITY} "
                  f"REMOVE n{''.join(f':{quote(lb)}' for lb in gone_labels)}", rows)
        for labels, rows in _group(node_writes, "labels").items():
            set_labels = "".join(f":{quote(lb)}" for lb in labels)
            write(f"UNWIND $rows AS row MERGE {_ENTITY} SET n = row.props, n{set_labels}", rows)
        for rtype, rows in _group(rel_writes, "type").items():
            write(f"UNWIND $rows AS row "
                  f"MATCH (a:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds, id: row.from}}) "
                  f"MATCH (b:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds, id: row.to}}) "
                  f"MERGE (a)-[r:{quote(rtype)} {{{DATASET_KEY}: $ds, id: row.id}}]->(b) "
                  "SET r = row.props", rows)
        write(f"UNWIND $rows AS row MATCH {_ENTITY} DETACH DELETE n", gone_nodes)
        lock.check()
        _mark_complete(conn, data, name, len(nodes), len(rels), lock)


def _mark_complete(conn: Connection, data: Dataset, name: str, entities: int,
                   relations: int, lock: LoadLock) -> None:
    """Write the dataset node, with the counts the database holds now (still under
    the lock, so no other load can change them)."""
    [held] = conn.read(
        f"CALL () {{ MATCH (n:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds}}) "
        "RETURN count(n) AS entities } "
        f"CALL () {{ MATCH (:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds}})-[r]->() "
        f"WHERE r.{DATASET_KEY} = $ds RETURN count(r) AS relations }} "
        "RETURN entities, relations", ds=name)
    if (held["entities"], held["relations"]) != (entities, relations):
        raise KgError(f"after loading, Neo4j dataset {name!r} holds {held['entities']:,} "
                      f"entities and {held['relations']:,} relations where the folder has "
                      f"{entities:,} and {relations:,}: something else wrote into it during "
                      "the load; run `kg load` again")
    count, largest = components(data)
    rows = conn.write(
        f"MATCH (:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds, owner: $owner}}) "
        f"MATCH (d:{quote(META_LABEL)} {{{DATASET_KEY}: $ds}}) "
        "SET d += $meta, d.loading = null RETURN count(d) AS n", ds=name, owner=lock.owner,
        meta={"schema": schema_json(data.schema),
              "sources": json.dumps([s.to_dict() for s in data.sources], ensure_ascii=False),
              "folder": data.folder, "entities": entities, "relations": relations,
              "components": count, "largest_component": largest, "loaded_at": _now()})
    if rows[0]["n"] == 0:
        lock.lost = True
        lock.check()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def drop(conn: Connection, name: str, batch_size: int = BATCH_SIZE) -> int:
    """Delete everything kg wrote for dataset ``name`` (its load lock too: a load
    still running then stops at its next batch); returns the entities removed."""
    removed = 0
    with conn.translated():
        while True:
            rows = conn.write(
                f"MATCH (n:{quote(ENTITY_LABEL)} {{{DATASET_KEY}: $ds}}) WITH n LIMIT $n "
                "DETACH DELETE n RETURN count(*) AS c", ds=name, n=batch_size)
            removed += int(rows[0]["c"])
            if rows[0]["c"] == 0:
                break
        conn.write(f"MATCH (d:{quote(META_LABEL)} {{{DATASET_KEY}: $ds}}) DELETE d", ds=name)
        conn.write(f"MATCH (l:{quote(LOCK_LABEL)} {{{DATASET_KEY}: $ds}}) DELETE l", ds=name)
    return removed


def datasets(conn: Connection) -> list[dict[str, Any]]:
    """The kg datasets in the database: name, counts, when loaded."""
    return conn.read(f"MATCH (d:{quote(META_LABEL)}) RETURN d.{DATASET_KEY} AS dataset, "
                     "d.entities AS entities, d.relations AS relations, "
                     "d.loaded_at AS loaded_at, d.loading AS loading ORDER BY dataset")


def load_folder(folder: str, strict: bool = False, batch_size: int = BATCH_SIZE,
                dataset: str | None = None, **connection: Any) -> LoadSummary:
    """Validate ``folder`` (refusing it on errors), connect, and :func:`load` it."""
    from ..loader import load_dataset

    data = load_dataset(folder, strict=strict)
    with Connection.open(**connection) as conn:
        return load(conn, data, dataset, batch_size)
