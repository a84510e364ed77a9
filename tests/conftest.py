"""Shared fixtures. Components that may be missing locally (Chromium, Neo4j)
skip with a visible reason, unless KG_REQUIRE_ALL=1 (set by CI) makes the
absence a failure."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
ARTICLE = FIXTURES / "articles" / "us-japan-55b-investment.txt"  # copy of ../shared/source-documents


def require(condition: bool, reason: str) -> None:
    """Skip (locally) or fail (CI: KG_REQUIRE_ALL=1) when a component is missing."""
    if condition:
        return
    if os.environ.get("KG_REQUIRE_ALL") == "1":
        pytest.fail(f"required component missing in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def cache_env(tmp_path, monkeypatch) -> Path:
    """A fresh cache directory ($KG_CACHE_DIR) for one test."""
    where = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(where))
    return where


@pytest.fixture
def write_seeds(tmp_path: Path) -> Callable[..., Path]:
    """Write seed files into a fresh folder: write_seeds({"a.yaml": "...", ...})."""

    def write(files: dict[str, str | bytes], folder: str = "seeds") -> Path:
        root = tmp_path / folder
        root.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return root

    return write


@pytest.fixture(scope="session")
def mini_dataset():
    from graph.loader import load_dataset
    return load_dataset(MINI)


@pytest.fixture(scope="session")
def seeds_dataset():
    from graph.loader import load_dataset
    return load_dataset(SEEDS)


@pytest.fixture
def run_kg(monkeypatch):
    """Invoke `kg` in-process with click's CliRunner; returns the Result."""
    from click.testing import CliRunner

    from cli.main import cli

    monkeypatch.delenv("KG_SEEDS", raising=False)
    monkeypatch.delenv("KG_BACKEND", raising=False)
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


STORE_BACKENDS = ("memory", "neo4j")


@pytest.fixture(params=STORE_BACKENDS)
def store_for(request) -> Callable[[Path], object]:
    """A factory giving a Store over a seed folder, once per backend.

    The query suite is written once and runs against every store (the
    NetworkX "loopback backend" habit).
    """
    opened = []

    def make(folder: Path = MINI):
        if request.param == "memory":
            from graph.store.memory import MemoryStore
            from graph.loader import load_dataset
            store = MemoryStore(load_dataset(folder))
        else:
            from neo4j_support import neo4j_store_for  # tests/neo4j_support.py
            store = neo4j_store_for(request, folder)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's graph cache (graph/cache.py)."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "kg-cache"))


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (tests/browser.py), one per test module."""
    import browser as support

    reason = support.missing()
    require(reason is None, reason or "")
    b = support.Browser()
    yield b
    b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, request):
    """A folder for the pages a browser test module renders."""
    return tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2])


@pytest.fixture(scope="module")
def seeds_page(browser, pages, seeds_dataset):
    """The shipped seeds' page, open in the module's browser."""
    from browser import render_to

    page = browser.open(render_to(pages / "seeds.html", seeds_dataset))
    yield page
    page.close()
