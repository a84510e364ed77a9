"""Slow jobs show a bar on a terminal; quick ones and piped output stay quiet."""

from __future__ import annotations

from graph import parts, progress

from conftest import MINI


def test_a_large_load_shows_its_bar_and_a_small_one_does_not(monkeypatch, capsys):
    monkeypatch.setattr(progress, "enabled", lambda: True)
    parts.load_parts(MINI, False, None)
    assert "Reading seeds" not in capsys.readouterr().err
    monkeypatch.setattr(parts, "PROGRESS_BYTES", 1)
    parts.load_parts(MINI, False, None)
    assert "Reading seeds" in capsys.readouterr().err


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(parts, "PROGRESS_BYTES", 1)
    parts.load_parts(MINI, False, None)
    assert capsys.readouterr().err == ""
