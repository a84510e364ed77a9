"""`kg` entry point: the group, error handling, and command registration."""

from __future__ import annotations

import sys
from typing import Any

import click

from graph import __version__
from graph.errors import KgError


class KgGroup(click.Group):
    """Turns every library error into one ``Error: ...`` line and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            from graph.present import terminal_text
            raise click.ClickException(terminal_text(str(exc))) from None
        except BrokenPipeError:
            # The reader went away (e.g. `kg stats | head`): end quietly.
            sys.stderr.close()
            sys.exit(0)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"],
                                            "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars on stderr.")
def cli(quiet: bool) -> None:
    """Explore how governments, ministries, funds, firms, projects and sectors
    connect, and on what evidence.

    Seeds are read from --seeds PATH, else $KG_SEEDS, else ./seeds.
    """
    if quiet:
        from graph.progress import set_quiet
        set_quiet(True)


from . import query  # noqa: E402  (registers commands on `cli`)
from . import render  # noqa: E402

query.register(cli)
render.register(cli)
from . import ingest  # noqa: E402
ingest.register(cli)
from . import neo4j as neo4j_commands; neo4j_commands.register(cli)  # noqa: E402,E702
from . import cache as cache_commands; cache_commands.register(cli)  # noqa: E402,E702
from . import serve as serve_command; serve_command.register(cli)  # noqa: E402,E702


def main() -> None:
    """The `kg` console command: `cli`, then exit without tearing down the heap.

    Freeing millions of graph objects one by one at exit takes longer than a
    warm query; the output is flushed and exit handlers run first.
    """
    import atexit
    import os

    from .options import OWN_PROCESS

    try:
        cli(prog_name="kg", obj=OWN_PROCESS)
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):    # a closed pipe: end quietly, as above
            pass
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)      # a profiler or coverage wants its normal exit
    atexit._run_exitfuncs()
    os._exit(code)
