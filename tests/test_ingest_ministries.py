"""Ministries written in lower case after their portfolio (invented sentences)."""

from __future__ import annotations

from ingest_support import draft_of, entity, relations_of


def test_a_countrys_portfolio_ministry_is_a_ministry_of_that_country():
    d = draft_of("Omega Corp. plans a factory in Japan.\n\nJapan's industry ministry will pay half, "
                 "and the Korean trade ministry approved the loan.")
    assert entity(d, "Japan's industry ministry").type == "ministry"
    assert "industry ministry" not in entity(d, "Japan's industry ministry").aliases   # see below
    assert entity(d, "Korean trade ministry").type == "ministry"
    rels = relations_of(d)
    assert ("Japan's industry ministry", "part_of", "Japan") in rels
    assert ("Korean trade ministry", "part_of", "South Korea") in rels


def test_a_lower_case_ministry_keeps_its_bracketed_native_name():
    d = draft_of("Omega Corp. plans a factory.\n\nChina's commerce ministry (商务部) said it would "
                 "respond, and Omega Corp. declined to comment.")
    assert "商务部" in entity(d, "China's commerce ministry").aliases
    assert "商务部" not in entity(d, "China").aliases


def test_only_a_portfolio_makes_a_ministry():
    d = draft_of("Omega Corp. plans a factory.\n\nIt was approved by the ministry on Monday, and a "
                 "spokesman for the new ministry said so. Omega Corp. welcomed it.")
    assert [e.name for e in d.entities] == ["Omega Corp."]


def test_two_countries_ministries_of_one_portfolio_stay_two_and_an_unowned_one_is_left_out():
    d = draft_of("Omega Corp. plans a factory.\n\nJapan's finance ministry will lend $50 million, and "
                 "South Korea's finance ministry will lend $40 million. The finance ministry said so.")
    names = [e.name for e in d.entities if e.type == "ministry"]
    assert sorted(names) == ["Japan's finance ministry", "South Korea's finance ministry"]
