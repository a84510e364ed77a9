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
