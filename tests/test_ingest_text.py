"""Stages 2-3: blocks (headings, bullets, markdown clean-up) and sentences."""

from __future__ import annotations

from graph.ingest.blocks import split_blocks
from graph.ingest.doc import Block
from graph.ingest.sentences import MAX_SENTENCE, split_sentences


def kinds(text: str, markdown: bool = False) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in split_blocks(text, markdown)]


def test_plain_text_headings_bullets_and_paragraphs():
    text = ("• Japan and the US agree.\n"
            "Unpacking the Deal: A Strategic Move\n"
            "The tool was first reported by Bloomberg.\n"
            "• Market Impact: Valuations could rise.\n")
    assert kinds(text) == [("bullet", "Japan and the US agree."),
                           ("heading", "Unpacking the Deal: A Strategic Move"),
                           ("para", "The tool was first reported by Bloomberg."),
                           ("bullet", "Valuations could rise.")]


def test_hard_wrapped_lines_are_joined():
    assert kinds("The fund backed\nthe terminal project,\nofficials said.") == [
        ("para", "The fund backed the terminal project, officials said.")]


def test_markdown_markup_is_removed():
    text = "# Big *news* today\n\nRead [the report](http://x) by **Acme Group**.\n\n---\n- `item`\n"
    assert kinds(text, markdown=True) == [("heading", "Big news today"),
                                          ("para", "Read the report by Acme Group."),
                                          ("bullet", "item")]


def test_date_line_is_not_a_heading():
    assert kinds("Lima, 14 November 2024")[0][0] == "para"


def test_sentences_respect_abbreviations_initials_and_quotes():
    s = split_sentences([Block("TSMC chairman C.C. Wei met U.S. officials. “It is big,” says Mei "
                               "Ling, an analyst at Acme Inc. in Tokyo. Talks end.")])
    assert [x.text for x in s] == [
        "TSMC chairman C.C. Wei met U.S. officials.",
        "“It is big,” says Mei Ling, an analyst at Acme Inc. in Tokyo.",
        "Talks end."]


def test_headings_start_sections():
    s = split_sentences([Block("Intro text.", "para"), Block("Part One", "heading"),
                         Block("One. Two.", "para"), Block("Part Two", "heading")])
    assert [(x.section, x.heading) for x in s] == [(0, False), (1, True), (1, False), (1, False),
                                                   (2, True)]


def test_unpunctuated_run_is_cut_into_bounded_sentences():
    s = split_sentences([Block("word " * 3000)])
    assert len(s) >= 7 and max(len(x.text) for x in s) <= MAX_SENTENCE
