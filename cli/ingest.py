"""`kg ingest`: draft a seed file from news articles."""

from __future__ import annotations

import sys

import click
from click.core import ParameterSource

from .options import seeds_option

DEFAULT_MAX_BYTES = 5_000_000   # graph.ingest.DEFAULT_MAX_BYTES; kept literal so --help stays instant


@click.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
              help="Write the draft here (- is stdout).")
@seeds_option
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--replace-seed-file", is_flag=True,
              help="Also when FILE is a file of the seed folder holding entities or relations "
                   "the draft does not (a .bak copy is kept).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              type=click.IntRange(min=0), help="Refuse larger articles (0: no limit).")
@click.pass_context
def ingest(ctx: click.Context, articles: tuple[str, ...], output: str, seeds: str, force: bool,
           replace_seed_file: bool, max_bytes: int) -> None:
    """Draft a seed file from ARTICLE(s): .txt, .md, .html, or - for stdin.

    Entities already in the seed folder are reused by id; everything found is
    written as a YAML seed file whose relations are all `status: suggested`,
    with the sentence they came from as evidence. Review it, move it into the
    seed folder and run `kg validate`. Without --seeds or $KG_SEEDS, a missing
    ./seeds folder counts as empty. A file of the seed folder is overwritten
    (with --force) only if the draft keeps all its entities and relations, or
    with --replace-seed-file; a .bak copy of it is kept either way.
    """
    from pathlib import Path

    from graph.api import draft_seeds

    # Without --seeds or $KG_SEEDS, a missing ./seeds folder counts as empty.
    explicit = ctx.get_parameter_source("seeds") is not ParameterSource.DEFAULT
    folder = seeds if explicit or Path(seeds).exists() else None
    result = draft_seeds(articles, output, seeds=folder, force=force,
                         replace_seed_file=replace_seed_file, max_bytes=max_bytes,
                         stdin=sys.stdin.buffer)
    click.echo(result.text(), err=True)
