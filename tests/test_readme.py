"""The README's examples are real output (regenerate: python scripts/readme.py)."""

from __future__ import annotations

import importlib.util
import re

from conftest import ROOT


def load_readme_tool():
    spec = importlib.util.spec_from_file_location("readme_tool", ROOT / "scripts" / "readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_examples_are_current():
    tool = load_readme_tool()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = []
    for m in tool.BLOCK.finditer(text):
        expected = f"$ {m.group('cmd')}\n{tool.run(m.group('cmd'))}"
        if m.group("body") != expected:
            stale.append(m.group("cmd"))
    assert stale == [], "stale README examples; run: python scripts/readme.py"


def test_quick_start_is_exactly_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", quick, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
