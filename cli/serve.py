"""`kg serve`: the explorer and a read-only JSON API on a local web server."""

from __future__ import annotations

from typing import Any

import click

from .options import store_options


@click.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback prints a warning and "
                   "requires the token printed at start on every request.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the explorer in a browser.")
def serve(seeds: str, backend: str, options: dict[str, Any], host: str, port: int,
          open_browser: bool) -> None:
    """Serve the explorer and a read-only JSON API (Ctrl+C stops it)."""
    from graph.serve.backend import Source
    from graph.serve.run import serve as run

    run(Source.of(seeds, backend, options), host, port, open_browser)
