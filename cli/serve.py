"""`kg serve`: the explorer and a read-only JSON API on a local web server."""

from __future__ import annotations

from typing import Any

import click

from .options import backend_option, neo4j_connection, neo4j_options, seeds_option, strict_option


@click.command()
@seeds_option
@backend_option()
@strict_option
@click.option("--no-cache", is_flag=True,
              help="Load the seed folder afresh, not from the on-disk cache.")
@neo4j_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback prints a warning and "
                   "requires the token printed at start on every request.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the explorer in a browser.")
def serve(seeds: str, backend: str, strict: bool, no_cache: bool, neo4j: dict[str, Any], host: str,
          port: int, open_browser: bool) -> None:
    """Serve the explorer and a read-only JSON API (Ctrl+C stops it)."""
    from graph.serve.backend import Source
    from graph.serve.run import serve as run

    extra = neo4j_connection(neo4j) if backend == "neo4j" else {}
    run(Source(seeds, backend, strict, not no_cache, tuple(sorted(extra.items()))),
        host, port, open_browser)

