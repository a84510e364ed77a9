"""The `kg` group: commands load lazily, and the help it lists without
importing them is each command's own."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

import click
from click.testing import CliRunner

from cli.main import COMMANDS, cli


def test_listed_summaries_are_the_commands_own_short_help() -> None:
    for name, (module, attribute, summary) in COMMANDS.items():
        command = getattr(import_module(f"cli.{module}"), attribute)
        assert isinstance(command, click.Command)
        assert command.name == name
        assert summary == command.get_short_help_str(limit=1000), name


def test_every_command_module_command_is_listed() -> None:
    found = set()
    for module in {m for m, _, _ in COMMANDS.values()}:
        commands = [v for v in vars(import_module(f"cli.{module}")).values()
                    if isinstance(v, click.Command)]
        nested = {id(c) for g in commands if isinstance(g, click.Group)
                  for c in g.commands.values()}
        found |= {c.name for c in commands if id(c) not in nested}
    assert found == set(COMMANDS)


def test_help_lists_every_command_and_unknown_is_a_usage_error() -> None:
    out = CliRunner().invoke(cli, ["--help"]).output
    for name, (_, _, summary) in COMMANDS.items():
        assert name in out and summary.split()[0] in out
    bad = CliRunner().invoke(cli, ["pathh"])
    assert bad.exit_code == 2 and "No such command 'pathh'" in bad.output


def test_help_imports_no_command_module() -> None:
    code = ("import sys; from cli.main import cli\n"
            "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('cli.') or m in "
            "('networkx', 'pyarrow', 'neo4j', 'yaml', 'jinja2')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "['cli.main']"
