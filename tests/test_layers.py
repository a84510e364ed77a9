"""The layer contract (pyproject.toml [tool.importlinter]) holds, and would catch a
breach: an output that imports a store, a lower layer that imports a higher
one, an import circle. Run on a copy of the code with one bad import added."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, require


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    require(exe.exists(), "import-linter is not installed (pip install -e '.[test]')")
    return subprocess.run([str(exe), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
                          cwd=root, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_the_contracts_hold():
    r = lint(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 3 kept, 0 broken." in r.stdout


@pytest.mark.parametrize("module, line, broken", [
    ("graph/render/highlight.py", "from ..store.base import Store",
     "Outputs (text, page, exports) take data and results, never a store"),
    ("graph/model.py", "from .traverse import bfs", "Layers point down: cli > api > outputs > "
     "queries > stores and loading > query meaning > model and rules"),
    ("graph/schema.py", "from . import model", "No import circles between modules"),
])
def test_a_bad_import_breaks_a_contract(tmp_path, module, line, broken):
    for name in ("graph", "cli"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    r = lint(tmp_path)
    report = " ".join(r.stdout.split())
    assert r.returncode == 1 and f"{broken} BROKEN" in report
    assert "Contracts: 2 kept, 1 broken." in report    # that one only
