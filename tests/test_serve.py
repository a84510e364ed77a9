"""`kg serve`: a real server on a free loopback port, answering like the CLI.

Every API answer is compared, byte for byte, with what `kg ... --format json`
prints for the same question, on the shipped seeds and a generated folder,
on the memory store and on a real Neo4j server. Then the safety rules:
Host header, token, CORS, CSP, read-only, ceilings, time limit, reload.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urlencode

import pytest

from conftest import ROOT, SEEDS

SAFE = "/?=&,:"     # characters left as they are in the request paths below


class Client:
    """Plain HTTP/1.1 requests to one server (http.client: any Host header, any method)."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.port = port
        self.host = host

    def request(self, path: str, method: str = "GET", headers: dict[str, str] | None = None
                ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.request(method, quote(path, safe=SAFE), headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def get(self, path: str, **headers: str) -> tuple[int, bytes]:
        status, _, body = self.request(path, headers=headers)
        return status, body

    def json(self, path: str, status: int = 200) -> Any:
        got, body = self.get(path)
        assert got == status, (path, got, body[:500])
        return json.loads(body)


class Live:
    """A `kg serve` Service running in a thread of the test process."""

    def __init__(self, source: Any, **options: Any):
        from graph.serve.run import Service

        self.service = Service(source, port=0, say=lambda text: None, **options)
        self.thread = self.service.background()
        self.port = self.service.port
        self.client = Client(self.port)

    def stop(self) -> None:
        self.service.stop()
        self.thread.join(20)
        assert not self.thread.is_alive(), "the server did not stop"


def memory_source(folder: Path | str) -> Any:
    from graph.serve.backend import Source

    return Source(str(folder), "memory")


def neo4j_source(request, folder: Path) -> tuple[Any, list[str]]:
    """A Source over the session's Neo4j copy of ``folder``, and the CLI options for it."""
    from graph.serve.backend import Source
    from neo4j_support import dataset_for, server_settings

    name = dataset_for(request.config, folder)
    settings = server_settings(request.config)
    return (Source(str(folder), "neo4j", neo4j=tuple(sorted({**settings, "dataset": name}.items()))),
            ["--backend", "neo4j", "--neo4j-dataset", name])


@pytest.fixture(scope="module")
def seeds_server() -> Iterator[Live]:
    live = Live(memory_source(SEEDS))
    yield live
    live.stop()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    from benchmarks.generate import generate

    folder = tmp_path_factory.mktemp("serve-gen") / "gen"
    generate(folder, relations=3000, seed=5)
    return folder


def cli_output(run_kg, *args: str) -> tuple[int, str]:
    r = run_kg(*args)
    return r.exit_code, r.output


# (API request, the same question on the command line); ids of the generated folder are
# filled in from its own most connected entities
SEEDS_CASES = [
    ("/api/find?q=semi", ["find", "semi"]),
    ("/api/find?q=soft&limit=2", ["find", "soft", "--limit", "2"]),
    ("/api/entity/赤泽亮正", ["show", "赤泽亮正"]),
    ("/api/entity/smic", ["show", "smic"]),
    ("/api/neighbors/METI", ["neighbors", "METI"]),
    ("/api/neighbors/smic?depth=2&type=firm,government&rel=supplies&rel=located_in",
     ["neighbors", "smic", "--depth", "2", "--type", "firm,government", "--rel", "supplies",
      "--rel", "located_in"]),
    ("/api/neighbors/softbank-group?as_of=2025-07&directed=true",
     ["neighbors", "softbank-group", "--as-of", "2025-07", "--directed"]),
    ("/api/path?from=SoftBank Group&to=中芯国际", ["path", "SoftBank Group", "中芯国际"]),
    ("/api/path?from=softbank-group&to=smic&via_type=project,fund",
     ["path", "softbank-group", "smic", "--via-type", "project,fund"]),
    ("/api/path?from=lutnick&to=catl&max_hops=2", ["path", "lutnick", "catl", "--max-hops", "2"]),
    ("/api/path?from=softbank-group&to=smic&k=3&avoid=METI&directed=0",
     ["path", "softbank-group", "smic", "--k", "3", "--avoid", "METI"]),
    ("/api/exposure/japan-55b-investment-tool?type=firm&country=CN",
     ["exposure", "japan-55b-investment-tool", "--type", "firm", "--country", "CN"]),
    ("/api/exposure/softbank-group?max_hops=2&rel=invests_in,owns&as_of=2025",
     ["exposure", "softbank-group", "--max-hops", "2", "--rel", "invests_in,owns",
      "--as-of", "2025"]),
    ("/api/stats", ["stats"]),
    ("/api/stats?top=5", ["stats", "--top", "5"]),
]


def generated_cases(folder: Path) -> list[tuple[str, list[str]]]:
    from graph.store.memory import MemoryStore

    store = MemoryStore.from_folder(folder)
    top = [e.id for e, _ in store.stats(6).top]
    a, b, c = top[0], top[3], top[5]
    name = store.entity(b).name
    return [
        (f"/api/find?q={name[:5]}", ["find", name[:5]]),
        (f"/api/entity/{c}", ["show", c]),
        (f"/api/neighbors/{c}?depth=2&type=firm", ["neighbors", c, "--depth", "2",
                                                    "--type", "firm"]),
        (f"/api/path?from={a}&to={c}&k=4", ["path", a, c, "--k", "4"]),
        (f"/api/path?from={b}&to={c}&directed=yes&max_hops=5",
         ["path", b, c, "--directed", "--max-hops", "5"]),
        (f"/api/exposure/{a}?type=project&max_hops=2", ["exposure", a, "--type", "project",
                                                        "--max-hops", "2"]),
        ("/api/stats?top=3", ["stats", "--top", "3"]),
    ]


def assert_same_as_cli(client: Client, run_kg, cases, cli_extra: list[str], folder: Path) -> None:
    for url, args in cases:
        status, body = client.get(url)
        code, out = cli_output(run_kg, *args, "--seeds", str(folder), *cli_extra,
                               "--format", "json")
        assert code == 0, (args, out)
        assert status == 200, (url, body[:300])
        assert body.decode("utf-8") == out, url     # byte for byte
        json.loads(body)


# -- the API answers what the CLI answers -------------------------------------------------
def test_api_equals_cli_json_on_the_shipped_seeds(seeds_server, run_kg):
    assert_same_as_cli(seeds_server.client, run_kg, SEEDS_CASES, [], SEEDS)


def test_api_equals_cli_json_on_a_generated_folder(generated, run_kg):
    live = Live(memory_source(generated))
    try:
        assert_same_as_cli(live.client, run_kg, generated_cases(generated), [], generated)
    finally:
        live.stop()


@pytest.mark.neo4j
@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_api_equals_cli_json_on_neo4j(request, which, run_kg, monkeypatch):
    from neo4j_support import counts, connection, use_server_env

    folder = SEEDS if which == "seeds" else request.getfixturevalue("generated")
    source, cli_extra = neo4j_source(request, folder)
    use_server_env(monkeypatch, request.config)
    name = dict(source.neo4j)["dataset"]
    with connection(request.config) as conn:
        before = counts(conn, name)
    live = Live(source)
    try:
        cases = SEEDS_CASES if which == "seeds" else generated_cases(folder)
        assert_same_as_cli(live.client, run_kg, cases, cli_extra, folder)
        status, body = live.client.get("/api/entity/no-such-thing")
        assert status == 404 and json.loads(body)["error"].startswith("no entity matches")
    finally:
        live.stop()
    with connection(request.config) as conn:
        assert counts(conn, name) == before          # read-only: nothing written


def test_errors_carry_the_cli_message_and_a_4xx(seeds_server, run_kg):
    client = seeds_server.client
    cases = [
        ("/api/entity/smci", ["show", "smci"], 404),             # did you mean SMIC?
        ("/api/neighbors/smic?type=frim", ["neighbors", "smic", "--type", "frim"], 400),
        ("/api/path?from=smic&to=smic", ["path", "smic", "smic"], 400),
        ("/api/path?from=smic&to=catl&as_of=2025-13", ["path", "smic", "catl", "--as-of",
                                                       "2025-13"], 400),
        ("/api/exposure/smic?country=XX", ["exposure", "smic", "--country", "XX"], 400),
        ("/api/neighbors/smic?depth=0", ["neighbors", "smic", "--depth", "0"], 400),
    ]
    for url, args, want in cases:
        status, body = client.get(url)
        code, out = cli_output(run_kg, *args, "--seeds", str(SEEDS))
        assert code == 1 and out.startswith("Error: ")
        doc = json.loads(body)
        assert (status, doc["status"]) == (want, want), (url, body)
        assert "Error: " + doc["error"] + "\n" == out, url
    doc = client.json("/api/entity/smci", 404)
    assert "did you mean" in doc["error"] and doc["suggestions"] == ["smic (SMIC)"]


def test_bad_parameters_are_400s_that_say_what_is_wrong(seeds_server):
    client = seeds_server.client
    expect = {
        "/api/find": "missing q=",
        "/api/find?q=smic&colour=red": "unknown parameter 'colour'",
        "/api/neighbors/smic?depth=two": "depth must be a whole number, got 'two'",
        "/api/path?from=smic&to=catl&directed=perhaps": "directed must be true or false",
        "/api/path?from=smic&to=catl&k=1&k=2": "k is given 2 times",
        "/api/path?to=catl": "missing from=",
    }
    for url, text in expect.items():
        doc = client.json(url, 400)
        assert text in doc["error"], (url, doc)
    doc = client.json("/api/nothing/here", 404)
    assert "no such endpoint" in doc["error"]


def test_ceilings_give_a_400_naming_the_ceiling(seeds_server):
    from graph.serve.limits import Ceilings

    c = Ceilings()
    client = seeds_server.client
    over = {
        f"/api/path?from=smic&to=catl&max_hops={c.max_hops + 1}": ("max_hops", c.max_hops),
        f"/api/exposure/smic?max_hops={c.max_hops + 1}": ("max_hops", c.max_hops),
        f"/api/neighbors/smic?depth={c.depth + 1}": ("depth", c.depth),
        f"/api/view?focus=smic&depth={c.depth + 1}": ("depth", c.depth),
        f"/api/path?from=smic&to=catl&k={c.k + 1}": ("k", c.k),
        f"/api/find?q=a&limit={c.limit + 1}": ("limit", c.limit),
        f"/api/stats?top={c.top + 1}": ("top", c.top),
    }
    for url, (name, ceiling) in over.items():
        doc = client.json(url, 400)
        assert f"ceiling of {ceiling}" in doc["error"] and name in doc["error"], (url, doc)
    # at the ceiling is fine
    assert client.get(f"/api/path?from=smic&to=catl&max_hops={c.max_hops}")[0] == 200


def test_result_size_and_time_ceilings():
    from graph.serve.limits import Ceilings

    live = Live(memory_source(SEEDS), ceilings=Ceilings(results=5, timeout=0))
    try:
        # timeout 0: no query can finish in time, and the server keeps answering others
        doc = live.client.json("/api/neighbors/smic?depth=2", 504)
        assert "ceiling of 0 s" in doc["error"]
    finally:
        live.stop()
    live = Live(memory_source(SEEDS), ceilings=Ceilings(results=5))
    try:
        doc = live.client.json("/api/neighbors/smic?depth=2", 400)
        assert "over this server's ceiling of 5" in doc["error"]
        assert len(live.client.json("/api/neighbors/lutnick")["neighbors"]) <= 5
    finally:
        live.stop()


def test_a_slow_query_does_not_block_the_others(generated):
    """While a long exposure search runs in the pool, quick questions are answered."""
    from graph.serve.limits import Ceilings

    live = Live(memory_source(generated), ceilings=Ceilings(max_hops=50, results=10**6))
    try:
        top = live.client.json("/api/stats?top=1")["most_connected"][0]["id"]
        slow_url = f"/api/exposure/{top}?max_hops=50"
        done: list[float] = []
        worker = threading.Thread(target=lambda: (live.client.get(slow_url),
                                                  done.append(time.perf_counter())))
        started = time.perf_counter()
        worker.start()
        quick = []
        while worker.is_alive() and len(quick) < 20:
            t = time.perf_counter()
            assert live.client.get("/api/find?q=a&limit=1")[0] == 200
            quick.append(time.perf_counter() - t)
        worker.join(120)
        assert quick, "the slow query finished before any quick one was sent"
        slow = done[0] - started
        assert max(quick) < slow, (quick, slow)
    finally:
        live.stop()


# -- pages: the same page `kg render` writes ---------------------------------------------------
def _embedded(html: str) -> Any:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_save_this_view_is_the_page_kg_render_writes(seeds_server, run_kg, tmp_path,
                                                      monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")     # both sides: same date
    client = seeds_server.client
    cases = [
        ("/page?focus=smic&depth=2", ["render", "--focus", "smic", "--depth", "2"]),
        ("/page?type=firm,fund&rel=invests_in", ["render", "--type", "firm,fund",
                                                  "--rel", "invests_in"]),
        ("/page", ["render"]),
        ("/page/path?from=softbank-group&to=smic&k=2",
         ["path", "softbank-group", "smic", "--k", "2", "--html"]),
        ("/page/neighbors/METI?depth=2", ["neighbors", "METI", "--depth", "2", "--html"]),
        ("/page/exposure/japan-55b-investment-tool?type=firm",
         ["exposure", "japan-55b-investment-tool", "--type", "firm", "--html"]),
    ]
    for n, (url, args) in enumerate(cases):
        out = tmp_path / f"cli-{n}.html"
        args = args + [str(out)] if args[-1] == "--html" else args + ["-o", str(out)]
        code, text = cli_output(run_kg, *args, "--seeds", str(SEEDS))
        assert code == 0, text
        status, headers, body = client.request(url)
        assert status == 200, (url, body[:300])
        assert body == out.read_bytes(), url
        assert headers["content-disposition"] == 'attachment; filename="graph.html"'
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                         body.decode()).group(1)
        assert headers["content-security-policy"] == meta
        # the page's data, fetched on its own, is what the page embeds
        view = url.replace("/page", "/api/view", 1)
        assert seeds_server.client.json(view) == _embedded(body.decode()), view


def test_a_graph_too_big_for_a_page_starts_from_a_well_connected_entity(generated):
    from graph.serve.backend import START_RELATIONS
    from graph.serve.limits import Ceilings

    live = Live(memory_source(generated), ceilings=Ceilings(page_entities=100, top=2000))
    try:
        doc = live.client.json("/api/view", 400)
        assert "too big for one page" in doc["error"] and "focus=" in doc["error"]
        top = live.client.json("/api/stats?top=2000")["most_connected"]
        start = next(e for e in top if e["degree"] <= START_RELATIONS)
        status, _, page = live.client.request("/")
        assert status == 200
        shown = _embedded(page.decode())
        assert shown["focus"] == start["id"] and shown["server"]["api"] == "/api"
        ids = {e["id"] for e in shown["entities"]}
        ring = {e["id"] for e in live.client.json(f"/api/neighbors/{start['id']}")["neighbors"]}
        assert ids == {start["id"]} | ring or ids == {start["id"]}
        more = {e["id"]: e.get("more", 0) for e in shown["entities"]}
        if ids == {start["id"]}:
            assert more[start["id"]] == start["degree"]
        doc = live.client.json(f"/api/view?focus={top[0]['id']}&depth=2", 400)
        assert "limit of 100 entities" in doc["error"]
    finally:
        live.stop()


# -- safety ---------------------------------------------------------------------------------
def test_host_header_must_name_this_server(seeds_server):
    port = seeds_server.port
    client = seeds_server.client
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert client.get("/api/stats?top=1", Host=host)[0] == 200, host
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.nip.io:{port}",
                 f"127.0.0.1:{port + 1}", f"10.0.0.1:{port}", ""):
        status, body = client.get("/api/stats?top=1", Host=host)
        assert status == 403 and "Host header" in json.loads(body)["error"], host
    # the explorer page is guarded like the API
    assert client.get("/", Host=f"attacker.test:{port}")[0] == 403


def test_no_cors_and_read_only(seeds_server):
    client = seeds_server.client
    status, headers, _ = client.request("/api/stats", headers={"Origin": "http://evil.example"})
    assert status == 200
    assert not [h for h in headers if h.startswith("access-control-")]
    for method in ("OPTIONS", "POST", "PUT", "DELETE", "PATCH"):
        status, headers, body = client.request("/api/stats", method, headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
        assert status == 405, method
        assert not [h for h in headers if h.startswith("access-control-")]
        assert "read-only" in json.loads(body)["error"]


def test_security_headers_and_the_page_csp(seeds_server):
    from graph.serve.security import DEFAULT_CSP

    status, headers, body = seeds_server.client.request("/")
    assert status == 200
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                     body.decode()).group(1)
    assert headers["content-security-policy"] == meta
    assert "default-src 'none'" in meta and "'unsafe-eval'" not in meta
    for url in ("/api/stats", "/api/entity/nope", "/nowhere"):
        status, headers, _ = seeds_server.client.request(url)
        assert headers["content-security-policy"] == DEFAULT_CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
        assert "server" not in headers


def test_token_is_required_and_checked(tmp_path):
    from graph.serve.security import COOKIE

    live = Live(memory_source(SEEDS), token="s3cret-token")
    try:
        client = live.client
        assert client.get("/api/stats")[0] == 403
        assert client.get("/api/stats?token=wrong")[0] == 403
        assert client.get("/api/stats", Authorization="token wrong")[0] == 403
        assert client.get("/", Cookie=f"{COOKIE}=nope")[0] == 403
        status, headers, _ = client.request("/?token=s3cret-token")
        assert status == 200
        assert headers["set-cookie"].startswith(f"{COOKIE}=s3cret-token;")
        assert "HttpOnly" in headers["set-cookie"] and "SameSite=Strict" in headers["set-cookie"]
        assert client.get("/api/stats", Cookie=f"{COOKIE}=s3cret-token")[0] == 200
        assert client.get("/api/stats", Authorization="token s3cret-token")[0] == 200
        assert client.get("/api/stats", Authorization="Bearer s3cret-token")[0] == 200
        # the token does not stand in for the Host check
        assert client.get("/api/stats?token=s3cret-token", Host="evil.example")[0] == 403
    finally:
        live.stop()


def test_the_seed_folder_is_never_written(write_seeds):
    import hashlib

    def digest(folder: Path) -> list[tuple[str, str]]:
        return sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                      for p in folder.rglob("*") if p.is_file())

    folder = write_seeds({"a.yaml": """
        entities:
          - {id: alpha, type: firm, name: Alpha Corp}
          - {id: beta, type: firm, name: Beta Corp}
        relations:
          - {from: alpha, type: supplies, to: beta, evidence: "Alpha supplies Beta."}
        """})
    before = (digest(folder), sorted(p.name for p in folder.iterdir()))
    live = Live(memory_source(folder))
    try:
        for url in ("/api/stats", "/api/path?from=alpha&to=beta", "/page", "/",
                    "/api/view?focus=alpha"):
            assert live.client.get(url)[0] == 200, url
    finally:
        live.stop()
    assert (digest(folder), sorted(p.name for p in folder.iterdir())) == before


# -- the folder watch ---------------------------------------------------------------------
def test_the_server_reloads_when_the_seed_folder_changes(write_seeds):
    files = {"a.yaml": """
        entities:
          - {id: alpha, type: firm, name: Alpha Corp}
          - {id: beta, type: firm, name: Beta Corp}
        relations:
          - {from: alpha, type: supplies, to: beta, evidence: "Alpha supplies Beta."}
        """}
    folder = write_seeds(files)
    live = Live(memory_source(folder), watch_interval=0.1)
    client = live.client

    def wait_for(check, what: str) -> Any:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            status = client.json("/api/status")
            if check(status):
                return status
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}: {status}")

    try:
        assert client.json("/api/status")["generation"] == 1
        assert client.get("/api/entity/gamma")[0] == 404
        (folder / "b.yaml").write_text(
            "entities:\n  - {id: gamma, type: firm, name: Gamma Corp}\n", encoding="utf-8")
        wait_for(lambda s: s["generation"] == 2, "a reload")
        assert client.json("/api/entity/gamma")["entity"]["name"] == "Gamma Corp"
        # a broken edit: the old graph keeps answering and the status says why
        (folder / "c.yaml").write_text("entities:\n  - {id: delta, type: nonsense}\n",
                                       encoding="utf-8")
        status = wait_for(lambda s: s["reload_error"], "a failed reload")
        assert status["generation"] == 2 and "c.yaml" in status["reload_error"]
        assert client.json("/api/entity/gamma")["entity"]["id"] == "gamma"
    finally:
        live.stop()


# -- the command: start-up, token, signals --------------------------------------------------
def start_kg_serve(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
                   ) -> tuple[subprocess.Popen, str, list[str]]:
    """`kg serve ... --port 0` in a subprocess; returns it, its URL and its first lines."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    env.pop("KG_SEEDS", None)
    proc = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", "0", *args],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        m = re.search(r"at (http://\S+)", line)
        if m:
            return proc, m.group(1), lines
    proc.kill()
    raise AssertionError(f"kg serve did not start: {''.join(lines)}")


def _stop(proc: subprocess.Popen, sig: int) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("kg serve did not stop")
    return proc.returncode, out


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_kg_serve_answers_then_stops_cleanly_on_a_signal(sig):
    proc, url, lines = start_kg_serve("--seeds", "seeds")
    try:
        port = int(re.search(r":(\d+)/", url).group(1))
        assert url == f"http://127.0.0.1:{port}/"
        doc = Client(port).json("/api/find?q=smic")
        assert doc[0]["id"] == "smic"
    finally:
        code, out = _stop(proc, sig)
    assert code == 0, out
    assert "kg serve: stopped" in out and "Traceback" not in out


def test_another_host_warns_and_needs_the_printed_token():
    proc, url, lines = start_kg_serve("--seeds", "seeds", "--host", "0.0.0.0")
    try:
        assert any(line.startswith("warning: --host 0.0.0.0 is not a loopback") for line in lines)
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{40,})", url)
        assert m, url
        client = Client(int(m.group(1)))
        assert client.get("/api/stats")[0] == 403
        assert client.get(f"/api/stats?token={m.group(2)}")[0] == 200
    finally:
        code, out = _stop(proc, signal.SIGTERM)
    assert code == 0, out


def test_kg_serve_errors_are_one_line(run_kg, tmp_path):
    r = run_kg("serve", "--seeds", str(tmp_path / "missing"), "--port", "0")
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and r.output.count("\n") == 1, r.output
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = run_kg("serve", "--seeds", str(SEEDS), "--port", str(port))
    assert r.exit_code == 1
    assert r.output == (f"Error: cannot listen on 127.0.0.1:{port}: the port is in use; pick "
                        "another with --port (--port 0 takes any free one)\n")


def test_records_for_expand_are_the_page_records_of_the_neighbourhood(seeds_server):
    """/api/records/neighbors/ID: the entities `kg neighbors` lists and the relations
    that reach them, as the page's records, plus how many relations each has beyond."""
    client = seeds_server.client
    for entity, depth in (("lutnick", 1), ("smic", 2)):
        got = client.json(f"/api/records/neighbors/{entity}?depth={depth}")
        answer = client.json(f"/api/neighbors/{entity}?depth={depth}")
        page = client.json(f"/api/view/neighbors/{entity}?depth={depth}")
        assert got["center"] == entity
        assert [e["id"] for e in got["entities"]] == \
            [entity] + [n["id"] for n in answer["neighbors"]]
        strip = [{k: v for k, v in e.items() if k != "more"} for e in got["entities"]]
        records = {e["id"]: e for e in page["entities"]}      # the same records as pages
        assert strip == [records[e["id"]] for e in strip]
        reach = {r["id"] for n in answer["neighbors"] for r in n["relations"]}
        assert [r["id"] for r in got["relations"]] == list(dict.fromkeys(
            r["id"] for n in answer["neighbors"] for r in n["relations"]))
        page_rels = {r["id"]: r for r in page["relations"]}
        assert all(r == page_rels[r["id"]] for r in got["relations"]) and reach
        shown = {r["id"] for r in got["relations"]}
        for e in got["entities"]:
            everything = {r["id"] for r in client.json(f"/api/entity/{e['id']}")["relations"]}
            assert e.get("more", 0) == len(everything - shown), e["id"]
    assert "ceiling of 3" in client.json("/api/records/neighbors/smic?depth=4", 400)["error"]
    assert client.json("/api/records/neighbors/smci", 404)["suggestions"] == ["smic (SMIC)"]


def test_path_records_are_kg_path_plus_the_records_on_it(seeds_server, run_kg):
    url = "/api/records/path?from=softbank-group&to=smic&k=3"
    got = seeds_server.client.json(url)
    code, out = cli_output(run_kg, "path", "softbank-group", "smic", "--k", "3", "--seeds",
                           str(SEEDS), "--format", "json")
    assert got["result"] == json.loads(out)
    on_path = {e["id"] for p in got["result"]["paths"] for e in p["entities"]}
    assert {e["id"] for e in got["entities"]} == on_path
    hop_rels = {r["id"] for p in got["result"]["paths"] for h in p["hops"] for r in h["relations"]}
    assert hop_rels <= {r["id"] for r in got["relations"]}
    assert seeds_server.client.json("/api/records/path?from=smic&to=catl&max_hops=7", 400)


@pytest.mark.neo4j
def test_kg_serve_backend_neo4j_from_the_command_line(request, run_kg, monkeypatch):
    from neo4j_support import server_settings, use_server_env

    _, cli_extra = neo4j_source(request, SEEDS)
    use_server_env(monkeypatch, request.config)
    s = server_settings(request.config)
    env = {"NEO4J_URI": s["uri"], "NEO4J_USERNAME": s["user"], "NEO4J_PASSWORD": s["password"]}
    proc, url, lines = start_kg_serve("--seeds", "seeds", *cli_extra, env=env)
    try:
        assert "(neo4j store)" in lines[-1]
        port = int(re.search(r":(\d+)/", url).group(1))
        status, body = Client(port).get("/api/path?from=softbank-group&to=smic")
        code, out = cli_output(run_kg, "path", "softbank-group", "smic", "--seeds", str(SEEDS),
                               *cli_extra, "--format", "json")
        assert (status, body.decode()) == (200, out)
        assert Client(port).json("/api/status")["watching"] is False
    finally:
        code, out = _stop(proc, signal.SIGTERM)
    assert code == 0, out


def test_records_walked_on_the_index_are_the_neighbours_answer():
    """The memory store's records come from a walk on its adjacency index; they are
    what the generic way (kg neighbors, then records) gives, filters and refusals too."""
    from graph.errors import TooLarge
    from graph.serve.backend import Explorer, Source, open_explorer

    fast = open_explorer(Source(str(SEEDS)))

    class NoIndex:          # the same store, seen without its index: the generic way
        def __getattr__(self, name: str) -> Any:
            if name == "index":
                raise AttributeError(name)
            return getattr(fast.store, name)

    generic = Explorer(fast.kg, fast.source)
    generic.store = NoIndex()
    rtypes = sorted({r.type for r in fast.store.dataset().relations})
    checked = refused = 0
    try:
        for eid in list(fast.store.dataset().entities)[::3]:
            for depth, rels, as_of, limit in ((1, None, None, 10_000), (2, None, None, 10_000),
                                              (2, None, "2020", 10_000), (3, None, None, 8),
                                              (2, frozenset(rtypes[:3]), None, 10_000)):
                got = []
                for ex in (fast, generic):
                    try:
                        got.append(ex.records_around(eid, depth, rels, as_of, limit))
                    except TooLarge as exc:
                        got.append(str(exc))
                assert got[0] == got[1], (eid, depth, rels, as_of)
                checked += 1
                refused += isinstance(got[0], str)
    finally:
        fast.close()
    assert checked > 50 and 0 < refused < checked


def test_serve_takes_the_store_options_the_query_commands_take() -> None:
    """--no-cache on Neo4j is refused by `kg serve` as by every query command (one
    decorator declares them), before anything connects or listens."""
    from click.testing import CliRunner

    from cli.main import cli

    for command in (["stats"], ["serve", "--port", "0"]):
        run = CliRunner().invoke(cli, [*command, "--backend", "neo4j", "--no-cache"],
                                 env={"NEO4J_PASSWORD": "x"})
        assert run.exit_code == 1, run.output
        assert run.output.strip().splitlines()[-1] == (
            "Error: the neo4j backend has no option 'use_cache'; it takes seeds, strict, "
            "uri, user, password, database, dataset")
