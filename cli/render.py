"""Page and export commands: render, export; and --html for the query commands."""

from __future__ import annotations

from typing import Any, Callable

import click

from graph import defaults
from graph.export import FORMATS
from graph.render.limits import MAX_ENTITIES, MAX_RELATIONS

from .options import graph_options

F = Callable[..., Any]


def selection_options(f: F) -> F:
    """--focus/--depth/--type/--rel, shared by render and export."""
    for option in reversed([
        click.option("--focus", metavar="ENTITY",
                     help="Only the graph around ENTITY (name, id or alias)."),
        click.option("--depth", default=defaults.DEPTH, show_default=True,
                     help="With --focus: how many hops out."),
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="Only entities of these types (repeat or comma-separate)."),
        click.option("--rel", "rels", multiple=True, metavar="TYPE",
                     help="Only relations of these types (repeat or comma-separate)."),
    ]):
        f = option(f)
    return f


force_option = click.option("--force", is_flag=True, is_eager=True,
                            help="Overwrite existing output.")


def _done(written: Any) -> None:
    """What was written, and anything lost on the way, on stderr (stdout may be the file)."""
    for warning in written.warnings:
        click.echo(f"warning: {warning}", err=True)
    if written.text():
        click.echo(written.text(), err=True)


@click.command()
@click.option("-o", "--output", default=defaults.RENDER_OUTPUT, show_default=True, metavar="FILE",
              help="Where to write the page ('-' = stdout).")
@selection_options
@click.option("--title", help="Page title (default: the seed folder's name).")
@click.option("--max-entities", default=MAX_ENTITIES, show_default=True, envvar="KG_MAX_ENTITIES",
              help="Refuse pages with more entities than this (or $KG_MAX_ENTITIES).")
@click.option("--max-relations", default=MAX_RELATIONS, show_default=True,
              envvar="KG_MAX_RELATIONS",
              help="Refuse pages with more relations than this (or $KG_MAX_RELATIONS).")
@force_option
@graph_options
def render(output: str, kg: Any, **options: Any) -> None:
    """An interactive, self-contained HTML page of the graph (or part of it)."""
    _done(kg.render(output, **options))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="graphml, gexf, json (node-link), csv or parquet (seed-format "
                   "folders) or cypher.")
@click.option("-o", "--output", metavar="FILE|DIR",
              help="Where to write ('-' = stdout; a folder for csv and parquet). "
                   "Default: graph.<format>, graph-csv/ or graph-parquet/.")
@selection_options
@force_option
@graph_options
def export_command(fmt: str, output: str | None, kg: Any, **options: Any) -> None:
    """The graph (or part of it) in a format other tools open."""
    _done(kg.export(fmt, output, **options))


# -- --html FILE on kg path / neighbors / exposure -------------------------------
def _check_html(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if value == "-":
        raise click.BadParameter("give a file name; stdout already carries the result",
                                 ctx, param)
    from graph.output import check_writable

    check_writable(value, bool(ctx.params.get("force")))   # before the query runs
    return value


def html_options(f: F) -> F:
    """--html FILE (+ --force): also write the result as a highlighted page."""
    f = force_option(f)
    return click.option("--html", metavar="FILE", callback=_check_html,
                        help="Also write an interactive page with the result highlighted.")(f)


def write_html(kg: Any, result: Any, html: str | None, force: bool) -> None:
    """Write the result page when --html was given."""
    if html is not None:
        click.echo(f"Wrote {kg.write_page(result, html, force=force)}", err=True)

