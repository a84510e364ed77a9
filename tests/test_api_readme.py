"""The README's "Python API" example runs, with the output it shows."""

from __future__ import annotations

import doctest

from conftest import ROOT


def test_python_api_section_runs(monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    test = doctest.DocTestParser().get_doctest(section, {}, "README: Python API", "README.md", 0)
    assert len(test.examples) >= 10
    monkeypatch.chdir(ROOT)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
