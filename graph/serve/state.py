"""The graph a running server answers from, and the watch on its seed folder.

Choice (documented in the README): the server **reloads** when the seed
folder changes. Every ``interval`` seconds it compares the seed files' paths,
sizes and mtimes; once a change has held still for one more interval it
loads the folder again (through the cache) in a thread of its own while the
old graph keeps answering, then swaps. If the new folder does not load
(say, a validation error), the old graph stays and ``/api/status`` says why.
A Neo4j backend is not watched: its data is the database, not the folder.
"""

from __future__ import annotations

import asyncio
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from ..errors import KgError
from .backend import Explorer, Source, folder_fingerprint, open_explorer


class GraphState:
    """The current :class:`Explorer` (swapped whole on reload) and what the watcher saw."""

    def __init__(self, explorer: Explorer, interval: float = 2.0,
                 log: Callable[[str], None] | None = None):
        self.explorer = explorer
        self.source: Source = explorer.source
        self.interval = interval
        self.loaded_at = time.time()
        self.generation = 1
        self.reload_error: str | None = None
        self.reloading = False
        self._log = log or (lambda text: print(text, file=sys.stderr, flush=True))
        self._seen = folder_fingerprint(self.source.seeds) if self.source.watches_folder else None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-reload")

    def status(self) -> dict[str, Any]:
        return {"folder": self.source.seeds, "backend": self.source.backend,
                "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at)),
                "generation": self.generation, "watching": self.source.watches_folder,
                "reloading": self.reloading, "reload_error": self.reload_error}

    async def watch(self) -> None:
        """Poll the seed folder until cancelled; reload after a change settles."""
        if not self.source.watches_folder:
            return
        loop = asyncio.get_running_loop()
        pending: tuple[Any, ...] | None = None
        while True:
            await asyncio.sleep(self.interval)
            now = await loop.run_in_executor(self._pool, folder_fingerprint, self.source.seeds)
            if now == self._seen:
                pending = None
            elif now != pending:
                pending = now            # changed: wait one more interval for it to settle
            else:
                pending = None
                await self._reload(loop, now)

    async def _reload(self, loop: asyncio.AbstractEventLoop, seen: Any) -> None:
        self._seen = seen
        self.reloading = True
        self._log(f"kg serve: {self.source.seeds} changed; reloading")
        try:
            fresh = await loop.run_in_executor(self._pool, open_explorer, self.source)
        except KgError as exc:
            self.reload_error = (f"{self.source.seeds} changed but does not load: {exc}; "
                                 "still answering from the graph loaded at "
                                 + time.strftime("%H:%M:%S", time.gmtime(self.loaded_at)))
            self._log(f"kg serve: {self.reload_error}")
        else:
            old, self.explorer = self.explorer, fresh
            self.loaded_at, self.reload_error = time.time(), None
            self.generation += 1
            old.close()
            self._log(f"kg serve: reloaded {self.source.seeds}")
        finally:
            self.reloading = False

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.explorer.close()
