"""``kg serve``: the explorer page and a read-only JSON API over one store.

* :mod:`.backend` — the one module that calls the library (store, queries,
  selection, page data): everything the server asks of the graph;
* :mod:`.limits` — query-string parsing and the server-side ceilings;
* :mod:`.security` — the safety middleware (Host check, token, headers);
* :mod:`.app` — the Starlette application (routes, errors, thread pool);
* :mod:`.run` — binding, the start-up banner, the folder watcher and uvicorn.

Starlette and uvicorn are imported only here, so ``kg --help`` stays instant.
"""
