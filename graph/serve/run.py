"""Starting and stopping ``kg serve``: load, bind, print the address, run uvicorn.

The graph is loaded before the socket is bound, so a broken folder fails
with one ``Error:`` line and nothing listens; and the first request is
answered from memory. uvicorn handles SIGINT/SIGTERM: it stops accepting,
lets running requests finish (at most ``GRACE`` seconds) and returns.
"""

from __future__ import annotations

import errno
import secrets
import signal
import socket
import sys
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from ..errors import KgError
from .backend import Source, open_explorer
from .limits import Ceilings
from .security import HostCheck, is_loopback

GRACE = 5           # seconds running requests get to finish on shutdown


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (``port`` 0: any free one), or KgError saying what to change."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP, not create_server's 0: asyncio turns Nagle off (TCP_NODELAY) only on
    # sockets that say they are TCP, and with Nagle on every keep-alive answer after the
    # first waits ~40 ms for the client's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
        return sock
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise KgError(f"cannot listen on {host}:{port}: the port is in use; pick another "
                          "with --port (--port 0 takes any free one)") from None
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; check --host "
                      "(an address of this machine, default 127.0.0.1)") from None


def url_for(host: str, port: int, token: str | None = None) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else \
        f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


class Service:
    """One ``kg serve`` run: :meth:`start` (load + bind), then :meth:`run` (blocks)."""

    def __init__(self, source: Source, host: str = "127.0.0.1", port: int = 8765,
                 ceilings: Ceilings = Ceilings(), token: str | None = None,
                 watch_interval: float = 2.0,
                 say: Callable[[str], None] = lambda text: print(text, file=sys.stderr,
                                                                  flush=True)):
        self.source = source
        self.host = host
        self.port = port
        self.ceilings = ceilings
        self.say = say
        self.token = token if is_loopback(host) else (token or secrets.token_urlsafe(32))
        self.watch_interval = watch_interval
        self.server: Any = None
        self.sock: socket.socket | None = None

    def start(self) -> str:
        """Load the graph and bind; returns the URL to open."""
        from .app import create_app
        from .state import GraphState

        if not is_loopback(self.host):
            self.say(f"warning: --host {self.host} is not a loopback address: other machines "
                     "can reach this server; every request must carry the token below")
        state = GraphState(open_explorer(self.source), self.watch_interval)
        try:
            self.sock = bind(self.host, self.port)
        except KgError:
            state.close()
            raise
        self.port = self.sock.getsockname()[1]
        self.state = state
        self.app = create_app(state, HostCheck(self.host, self.port), self.token, self.ceilings)
        return url_for(self.host, self.port, self.token)

    def run(self, on_started: Callable[[], None] | None = None) -> None:
        """Serve until SIGINT/SIGTERM (or :meth:`stop`)."""
        import uvicorn

        assert self.sock is not None, "call start() first"
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="on",
                                timeout_graceful_shutdown=GRACE, server_header=False)
        self.server = uvicorn.Server(config)
        if on_started is not None:
            _when_started(self.server, on_started)
        try:
            with _signals_end_quietly():
                self.server.run(sockets=[self.sock])
        finally:
            self.sock.close()
            self.state.close()

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True

    def background(self, timeout: float = 30.0) -> "threading.Thread":
        """Start (if needed) and serve from a thread; returns once requests are answered.

        For tests, benchmarks and notebooks; stop with :meth:`stop` and join the thread.
        """
        if self.sock is None:
            self.start()
        ready = threading.Event()
        thread = threading.Thread(target=self.run, args=(ready.set,), daemon=True,
                                  name="kg-serve")
        thread.start()
        if not ready.wait(timeout):
            self.stop()
            raise KgError(f"kg serve did not start within {timeout:g} s")
        return thread


@contextmanager
def _signals_end_quietly() -> Iterator[None]:
    """uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again for
    the previous handler; here that handler only notes it, so the run ends normally
    (exit 0, no "Aborted!") once the requests in flight are answered."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _when_started(server: Any, callback: Callable[[], None]) -> None:
    """Call ``callback`` (in a thread) once uvicorn accepts connections."""
    import time

    def wait() -> None:
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.02)
        callback()

    threading.Thread(target=wait, daemon=True, name="kg-started").start()


def serve(source: Source, host: str = "127.0.0.1", port: int = 8765,
          open_browser: bool = False) -> None:
    """``kg serve``: load, bind, print where, serve until interrupted."""
    service = Service(source, host, port)
    url = service.start()
    service.say(f"kg serve: {source.seeds} ({source.backend} store) at {url}")
    service.say("Read-only; press Ctrl+C to stop.")

    def opened() -> None:
        if open_browser:
            import webbrowser
            webbrowser.open(url)

    service.run(opened)
    service.say("kg serve: stopped")
