"""Reading errors found on invented articles (energy, minerals, ports, rail, farming; helper ingest8a).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

from ingest_support import draft_of, entity, relations_of


def test_the_name_after_said_that_owns_the_speakers_role_is_a_body_not_the_speaker():
    text = ("Vietnam picks Kappa Rail to build Hanoi metro line\n\n"
            '"We are proud to help Hanoi build a modern transport network," said Kappa Rail\'s '
            "president, Lee Min-jun (이민준), at a signing ceremony.")
    d = draft_of(text)
    assert entity(d, "Lee Min-jun").type == "person"
    assert [e.type for e in d.entities if e.name == "Kappa Rail"] == ["firm"]
    assert ("Lee Min-jun", "heads", "Kappa Rail") in relations_of(d)
    d = draft_of('Title\n\n"We are proud," said Kappa Rail\'s president Lee Min-jun.')
    assert [e.type for e in d.entities if e.name == "Kappa Rail"] == ["firm"]
    # the speaker's own name after 'said' is still a person
    d = draft_of('Title\n\n"We are proud," said Lee Min-jun, the president of Kappa Rail.')
    assert entity(d, "Lee Min-jun").type == "person"


def test_the_wire_service_credited_after_a_short_date_is_no_firm():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "ASTANA, Nov 12 (Wire) - Kazakhstan's state nuclear company Kazatomprom has agreed to supply "
            "4,000 tonnes of uranium concentrate to Kappa Nuclear (卡帕核电), the Chinese state reactor "
            "operator, over ten years.")
    d = draft_of(text)
    assert entity(d, "Kazatomprom") is not None and entity(d, "Kappa Nuclear") is not None
    assert not any(e.name in ("Wire", "Nov") for e in d.entities)
    d = draft_of("Title\n\nNAIROBI, Kenya, July 8 (NWX) - Kenya Ports has hired Kappa Ports World.")
    assert not any(e.name == "NWX" for e in d.entities)
    assert entity(d, "Kappa Ports World").type == "firm"


def test_fund_after_an_article_and_adjectives_is_a_noun_not_the_verb():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "Kazatomprom, which is 75% owned by the sovereign wealth fund Samruk-Kazyna, is the world's "
            "largest uranium producer.")
    d = draft_of(text)
    assert entity(d, "Kazatomprom") is not None and entity(d, "Samruk-Kazyna") is not None
    assert ("Kazatomprom", "funds", "Samruk-Kazyna") not in relations_of(d)
    # the verb after an auxiliary or a bare subject name still funds
    d = draft_of("Title\n\nOmega Capital, a Dubai fund, will fund Kappa Wind. Omega Capital funds Zeta Solar.")
    assert {("Omega Capital", "funds", "Kappa Wind"), ("Omega Capital", "funds", "Zeta Solar")} <= relations_of(d)
