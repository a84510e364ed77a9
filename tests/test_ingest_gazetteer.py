"""Gazetteer matching with pyahocorasick: normalisation, case, boundaries, offsets."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer, fold


def test_longest_non_overlapping_hits_with_original_offsets():
    g = Gazetteer()
    g.add("Gulf of Mexico", "gulf")
    g.add("Mexico", "mx", case_sensitive=True)
    text = "a terminal in the Ｇulf of Mexico’s waters, near Mexico"
    hits = g.find(text)
    assert [(text[h.start:h.end], h.values) for h in hits] == [("Ｇulf of Mexico", ("gulf",)),
                                                              ("Mexico", ("mx",))]


def test_case_sensitive_labels_and_word_boundaries():
    g = Gazetteer()
    g.add("US", "us", case_sensitive=True)
    g.add("AI", "ai", case_sensitive=True)
    assert [h.label for h in g.find("Tell us about AI, the US-Japan deal, AIDS and USB")] == ["AI", "US"]


def test_typographic_punctuation_and_cjk_without_spaces():
    g = Gazetteer()
    g.add("Japan's tool", "tool")
    g.add("软银集团", "sb")
    assert [h.values[0] for h in g.find("Japan’s tool and 投资软银集团的")] == ["tool", "sb"]


def test_fold_maps_back_to_original_positions():
    folded, index = fold("ß Ａ")
    assert folded == "ss a" and index == [0, 0, 1, 2]


def test_empty_gazetteer_finds_nothing():
    assert Gazetteer().find("anything") == []


def test_first_level_divisions_of_more_countries_are_places():
    from graph.ingest.lexicon import places

    got = {p.name: p.country for p in places() if p.kind == "division"}
    assert got["East Java"] == "ID" and got["Chihuahua"] == "MX" and got["Pará"] == "BR"
