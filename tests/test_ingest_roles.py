"""Stage 6: role phrases -> people, heads, works_for."""

from __future__ import annotations

from graph.ingest.roles import find_roles
from ingest_support import draft_of, entity, relations_of


def roles(text: str) -> list[tuple[str, str, str | None, tuple[str, ...], str | None]]:
    _, facts = find_roles(text)
    return [(text[f.person[0]:f.person[1]], f.kind, f.org and text[f.org[0]:f.org[1]],
             f.portfolio, f.country) for f in facts]


def test_title_before_name_with_portfolio_and_country():
    assert roles("talks between US Commerce Secretary Lutnick and Japanese Minister of Economy, "
                 "Trade and Industry Akazawa Ryo (赤泽亮正) began") == [
        ("Lutnick", "heads", None, ("Commerce",), "US"),
        ("Akazawa Ryo", "heads", None, ("Economy", "Trade", "Industry"), "JP")]


def test_minister_without_portfolio_names_a_person_only():
    cands, facts = find_roles("and Japanese Minister Akazawa Ryo will meet")
    assert [c.name for c in cands] == ["Akazawa Ryo"] and facts == []


def test_role_after_name_and_lower_case_titles():
    assert roles("“Big,” says Mei Ling (梅玲), a senior strategist at Goldman Sachs Asia.") == [
        ("Mei Ling", "works", "Goldman Sachs Asia", (), None)]
    assert roles("Kazuo Tadanobu, chief executive of Panasonic Energy, said so.") == [
        ("Kazuo Tadanobu", "heads", "Panasonic Energy", (), None)]
    assert roles("TSMC chairman C.C. Wei said") == [("C.C. Wei", "heads", "TSMC", (), None)]


def test_heads_a_ministry_found_in_the_article():
    d = draft_of("The US Department of Commerce (商务部) vets proposals. "
                 "US Commerce Secretary Lutnick (卢特尼克) will decide.")
    rels = relations_of(d)
    assert ("Lutnick", "heads", "US Department of Commerce") in rels
    assert ("US Department of Commerce", "part_of", "United States") in rels
    assert entity(d, "Lutnick").country == "US"


def test_ministry_created_when_not_named():
    d = draft_of("Japanese Minister of Finance Kato Katsunobu spoke.")
    assert ("Kato Katsunobu", "heads", "Ministry of Finance") in relations_of(d)
    assert ("Ministry of Finance", "part_of", "Japan") in relations_of(d)


def test_heads_of_state_and_governors():
    d = draft_of("Peruvian President Dina Boluarte met officials. "
                 "\"Good day,\" said Kansas Governor Laura Kelly.")
    rels = relations_of(d)
    assert ("Dina Boluarte", "heads", "Peru") in rels and ("Laura Kelly", "heads", "Kansas") in rels
    assert entity(d, "Kansas").type == "government"      # headed: a government, not just a place
