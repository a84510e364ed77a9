"""The Starlette application: routes, the JSON documents, errors, the thread pool.

Every ``/api/...`` answer is the document the matching CLI command prints
with ``--format json``, byte for byte (``json.dumps(..., indent=2)`` plus a
newline). Queries run in a bounded thread pool with a time limit, so a slow
one neither blocks the event loop nor the other requests.
"""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable

from ..errors import BackendUnavailable, EntityNotFound, KgError
from .backend import Explorer
from .limits import Ceilings, Params, check_results
from .security import Guard, HostCheck
from .state import GraphState

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

JSON_TYPE = "application/json; charset=utf-8"
NARROW = "narrow it with type=, rel=, as_of= or a smaller depth/max_hops"


def cli_json(doc: Any) -> bytes:
    """Exactly what ``kg ... --format json`` prints."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def compact_json(doc: Any) -> bytes:
    """The page's data documents (large, read by the page script, not by people)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def error_status(exc: KgError) -> int:
    if isinstance(exc, EntityNotFound):
        return 404
    if isinstance(exc, BackendUnavailable):
        return 503
    return 400


def error_doc(exc: KgError) -> dict[str, Any]:
    doc: dict[str, Any] = {"error": str(exc), "status": error_status(exc)}
    if isinstance(exc, EntityNotFound):
        doc["suggestions"] = exc.suggestions
    return doc


# -- the queries ---------------------------------------------------------------------------

def _find(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    return ex.find(p.text("q", "the text to search for"), p.integer("limit", 20, p.ceilings.limit) or 0)


def _show(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    r = ex.show(path["entity"])
    check_results(len(r.relations), "relations", p.ceilings, "use /api/neighbors with type= or rel=")
    return r


def _neighbors(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    r = ex.neighbors(path["entity"], p.integer("depth", 1, p.ceilings.depth) or 0,
                     p.names("type"), p.names("rel"), p.optional("as_of"), p.flag("directed"))
    check_results(len(r.hits), "entities", p.ceilings, NARROW)
    return r


def _path(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    return ex.path(p.text("from", "an entity name, id or alias"),
                   p.text("to", "an entity name, id or alias"),
                   p.integer("max_hops", 4, p.ceilings.max_hops) or 0,
                   p.integer("k", None, p.ceilings.k), p.flag("directed"), p.names("rel"),
                   p.names("via_type"), p.many("avoid"), p.optional("as_of"))


def _exposure(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    r = ex.exposure(path["entity"], p.names("type"), p.names("country"),
                    p.integer("max_hops", 3, p.ceilings.max_hops) or 0, p.names("rel"),
                    p.flag("directed"), p.optional("as_of"))
    check_results(len(r.hits), "entities", p.ceilings, NARROW)
    return r


def _stats(ex: Explorer, p: Params, path: dict[str, str]) -> Any:
    return ex.stats(p.integer("top", 10, p.ceilings.top) or 0)


@dataclass(frozen=True)
class Query:
    params: tuple[str, ...]
    run: Callable[[Explorer, Params, dict[str, str]], Any]


TRAVERSAL = ("rel", "as_of", "directed")
QUERIES: dict[str, Query] = {
    "find": Query(("q", "limit"), _find),
    "entity": Query((), _show),
    "neighbors": Query(("depth", "type", *TRAVERSAL), _neighbors),
    "path": Query(("from", "to", "k", "max_hops", "via_type", "avoid", *TRAVERSAL), _path),
    "exposure": Query(("type", "country", "max_hops", *TRAVERSAL), _exposure),
    "stats": Query(("top",), _stats),
}
SELECTION = ("focus", "depth", "type", "rel")
RESULT_VIEWS = ("neighbors", "path", "exposure")


def _selection_page(ex: Explorer, p: Params, path: dict[str, str]) -> str:
    c = p.ceilings
    return ex.selection_page(p.optional("focus"), p.integer("depth", 1, c.depth) or 0,
                             p.names("type"), p.names("rel"), c.page_entities, c.page_relations)


def _result_page(kind: str) -> Callable[[Explorer, Params, dict[str, str]], str]:
    def page(ex: Explorer, p: Params, path: dict[str, str]) -> str:
        c = p.ceilings
        return ex.result_page(QUERIES[kind].run(ex, p, path), c.page_entities, c.page_relations)
    return page


# -- the application ----------------------------------------------------------------------
class Server:
    """Runs queries for the routes: thread pool, time limit, error documents."""

    def __init__(self, state: GraphState, ceilings: Ceilings):
        self.state = state
        self.ceilings = ceilings
        self.pool = ThreadPoolExecutor(max_workers=ceilings.workers, thread_name_prefix="kg-query")

    async def answer(self, request: "Request", allowed: tuple[str, ...],
                     work: Callable[[Explorer, Params], tuple[bytes, str, dict[str, str]]]
                     ) -> "Response":
        from starlette.responses import Response

        explorer = self.state.explorer          # one graph for the whole request, even mid-reload

        def job() -> tuple[int, bytes, str, dict[str, str]]:
            start = time.perf_counter()
            try:
                params = Params(request.query_params.multi_items(), allowed, self.ceilings)
                body, media, headers = work(explorer, params)
                # the query's own time (benchmarks/serve.py reads it next to the round trip)
                took = (time.perf_counter() - start) * 1000
                return 200, body, media, {**headers, "server-timing": f"query;dur={took:.2f}"}
            except KgError as exc:
                return error_status(exc), cli_json(error_doc(exc)), JSON_TYPE, {}
            except Exception as exc:   # a bug: say so in one line here, in full on stderr
                import traceback
                traceback.print_exc()
                return 500, cli_json({"error": f"internal error ({type(exc).__name__}); the "
                                      "server's log has the details", "status": 500}), JSON_TYPE, {}

        loop = asyncio.get_running_loop()
        try:
            status, body, media, headers = await asyncio.wait_for(
                loop.run_in_executor(self.pool, job), self.ceilings.timeout)
        except asyncio.TimeoutError:
            status, media, headers = 504, JSON_TYPE, {}
            body = cli_json({"error": f"the query ran longer than this server's ceiling of "
                                      f"{self.ceilings.timeout:g} s; {NARROW}", "status": 504})
        return Response(body, status_code=status, media_type=media, headers=headers)

    def query(self, name: str) -> Callable[["Request"], Any]:
        q = QUERIES[name]

        async def endpoint(request: "Request") -> "Response":
            path = dict(request.path_params)
            return await self.answer(request, q.params, lambda ex, p: (
                cli_json(q.run(ex, p, path).to_dict()), JSON_TYPE, {}))
        return endpoint

    def view(self, kind: str | None, page: bool) -> Callable[["Request"], Any]:
        """The page's data (``/api/view...``) or the whole page (``/page...``) for a
        selection (kind None, as ``kg render``) or a query result (as ``--html``)."""
        build = _selection_page if kind is None else _result_page(kind)
        allowed = SELECTION if kind is None else QUERIES[kind].params

        def work(ex: Explorer, p: Params, path: dict[str, str]) -> tuple[bytes, str, dict[str, str]]:
            from .pages import embedded_data, saved_page_headers

            html = build(ex, p, path)
            if page:
                return html.encode("utf-8"), "text/html; charset=utf-8", saved_page_headers(html)
            return compact_json(embedded_data(html)), JSON_TYPE, {}

        async def endpoint(request: "Request") -> "Response":
            path = dict(request.path_params)
            return await self.answer(request, allowed, lambda ex, p: work(ex, p, path))
        return endpoint

    async def records(self, request: "Request") -> "Response":
        """``/api/records/neighbors/{id}``: what the live page merges in on expand."""
        entity = request.path_params["entity"]

        def work(ex: Explorer, p: Params) -> tuple[bytes, str, dict[str, str]]:
            doc = ex.records_around(entity, p.integer("depth", 1, p.ceilings.depth) or 0,
                                    p.names("rel"), p.optional("as_of"), p.ceilings.page_entities)
            return compact_json(doc), JSON_TYPE, {}
        return await self.answer(request, ("depth", "rel", "as_of"), work)

    async def path_records(self, request: "Request") -> "Response":
        """``/api/records/path``: ``kg path``'s answer plus the page's records of every
        entity on it (and the relations among them), for paths drawn in the live page."""
        def work(ex: Explorer, p: Params) -> tuple[bytes, str, dict[str, str]]:
            return compact_json(ex.path_records(_path(ex, p, {}))), JSON_TYPE, {}
        return await self.answer(request, QUERIES["path"].params, work)

    async def status(self, request: "Request") -> "Response":
        return await self.answer(request, (), lambda ex, p: (
            cli_json(self.state.status()), JSON_TYPE, {}))

    async def home(self, request: "Request") -> "Response":
        from .pages import explorer_page

        c = self.ceilings
        return await self.answer(request, (), lambda ex, p: explorer_page(
            ex, c.page_entities, c.page_relations))


def create_app(state: GraphState, hosts: HostCheck, token: str | None = None,
               ceilings: Ceilings = Ceilings(), watch: bool = True) -> Guard:
    """The ASGI application (wrapped in :class:`Guard`)."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.responses import Response
    from starlette.routing import Route

    server = Server(state, ceilings)

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(state.watch()) if watch else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
            server.pool.shutdown(wait=False, cancel_futures=True)

    async def not_found(request: "Request", exc: Exception) -> "Response":
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = (f"no such endpoint {request.url.path!r}; see GET /api for the list"
                   if status == 404 else "the request failed")
        return Response(cli_json({"error": message, "status": status}), status_code=status,
                        media_type=JSON_TYPE)

    async def index(request: "Request") -> "Response":
        return Response(cli_json(ENDPOINTS), media_type=JSON_TYPE)

    routes = [
        Route("/", server.home),
        Route("/api", index),
        Route("/api/status", server.status),
        Route("/api/find", server.query("find")),
        Route("/api/entity/{entity:path}", server.query("entity")),
        Route("/api/neighbors/{entity:path}", server.query("neighbors")),
        Route("/api/path", server.query("path")),
        Route("/api/exposure/{entity:path}", server.query("exposure")),
        Route("/api/stats", server.query("stats")),
        Route("/api/view", server.view(None, page=False)),
        Route("/api/view/path", server.view("path", page=False)),
        Route("/api/view/neighbors/{entity:path}", server.view("neighbors", page=False)),
        Route("/api/view/exposure/{entity:path}", server.view("exposure", page=False)),
        Route("/api/records/neighbors/{entity:path}", server.records),
        Route("/api/records/path", server.path_records),
        Route("/page", server.view(None, page=True)),
        Route("/page/path", server.view("path", page=True)),
        Route("/page/neighbors/{entity:path}", server.view("neighbors", page=True)),
        Route("/page/exposure/{entity:path}", server.view("exposure", page=True)),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: not_found})
    return Guard(app, hosts, token)


ENDPOINTS = {
    "/api/find?q=": "kg find (limit=)",
    "/api/entity/{id}": "kg show",
    "/api/neighbors/{id}": "kg neighbors (depth=, type=, rel=, as_of=, directed=)",
    "/api/path?from=&to=": "kg path (k=, max_hops=, rel=, via_type=, avoid=, as_of=, directed=)",
    "/api/exposure/{id}": "kg exposure (type=, country=, max_hops=, rel=, as_of=, directed=)",
    "/api/stats": "kg stats (top=)",
    "/api/status": "what is loaded, and whether the seed folder changed",
    "/api/view": "the page's data for a selection (focus=, depth=, type=, rel=)",
    "/api/view/{neighbors/{id}|path|exposure/{id}}": "the page's data for a query result",
    "/api/records/neighbors/{id}": "what the live page merges in on expand (depth=, rel=, as_of=)",
    "/api/records/path?from=&to=": "kg path's answer plus the page's records of its entities",
    "/page": "the self-contained page kg render writes for a selection",
    "/page/{neighbors/{id}|path|exposure/{id}}": "the page kg path/neighbors/exposure --html writes",
}
