"""`kg` entry point: the group, error handling, and command registration."""

from __future__ import annotations

import sys
from typing import Any

import click

from graph import __version__
from graph.errors import KgError


# name -> (module in cli/, attribute, the one-line help `kg --help` lists).
# Commands are imported only when run or asked for, so `kg --help` and
# `kg --version` do not pay for every command module; tests/test_cli_main.py
# checks each summary against the command's own short help.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "cache": ("cache", "cache", "Where loaded seed folders are cached, and cleaning it up."),
    "cypher": ("neo4j", "cypher", "Run a read-only Cypher QUERY on Neo4j and print its rows."),
    "export": ("render", "export_command",
               "The graph (or part of it) in a format other tools open."),
    "exposure": ("query", "exposure",
                 "Every entity of a type/country reachable from ENTITY, with distance and a path."),
    "find": ("query", "find", "Entities whose id, name or alias matches TEXT, best first."),
    "ingest": ("ingest", "ingest", "Draft a seed file from ARTICLE(s): .txt, .md, .html, or - for stdin."),
    "load": ("neo4j", "load", "Validate FOLDER (default --seeds) and load it into Neo4j."),
    "neighbors": ("query", "neighbors", "Entities within --depth hops of ENTITY."),
    "path": ("query", "path", "Shortest connection(s) from A to B, each hop with its evidence."),
    "render": ("render", "render",
               "An interactive, self-contained HTML page of the graph (or part of it)."),
    "serve": ("serve", "serve", "Serve the explorer and a read-only JSON API (Ctrl+C stops it)."),
    "show": ("query", "show", "An entity's properties, aliases and every relation with its evidence."),
    "stats": ("query", "stats", "Counts by type, most connected and isolated entities, components."),
    "validate": ("query", "validate",
                 "Check a seed folder and report every problem (exit 1 on errors)."),
}


class KgGroup(click.Group):
    """Turns every library error into one ``Error: ...`` line and exit 1, and
    imports a command's module only when that command is wanted."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        from importlib import import_module

        module, attribute, _ = COMMANDS[cmd_name]
        command = getattr(import_module(f"cli.{module}"), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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
