"""Round-7 review defects of the family rules (graph/ingest/families.py), each on the invented
sentences the reviewer confirmed them with: a home country scored over every article of a run,
another body's plants given to the subject, a fact copied from a relative clause, a planned
office, competition met in a subordinate clause, and a loan drafted as supply."""

from __future__ import annotations

from ingest_support import draft_of, relations_of


def drafted(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The draft's entity names and relations (a test that a relation is absent first checks
    that its ends were drafted)."""
    d = draft_of(text)
    return {e.name for e in d.entities}, relations_of(d)


def rivals(got: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, "competes_with", b) in got or (b, "competes_with", a) in got


def test_the_home_country_is_scored_per_article():
    from graph.ingest import extract
    from graph.ingest.doc import Article

    japan = ("Zeta Power, the state utility, will buy power from a new plant in Osaka, Japan. "
             "The finance ministry approved the loan. Japan wants cheaper power.")
    korea = ("Brevik Motors will build a plant in Ulsan, South Korea. South Korea offered tax breaks. "
             "Busan and Seoul also bid for it. South Korea expects 2,000 jobs. South Korea is pleased.")
    d = extract([Article("jp.txt", japan), Article("kr.txt", korea)])
    names, got = {e.name for e in d.entities}, relations_of(d)
    assert {"Zeta Power", "South Korea", "Japan"} <= names
    assert ("Zeta Power", "part_of", "South Korea") not in got
    assert not any(t == "part_of" and b == "South Korea" and "inistry" in a for a, t, b in got)
    assert ("Zeta Power", "part_of", "Japan") in got


def test_no_plants_of_other_bodies_for_the_subject():
    for text in ("Vantara Labs sells robots to carmakers with plants in Ohio and Texas.",
                 "Vantara Labs inspected safety at sites in Ohio operated by Brevik Motors.",
                 "Vantara Labs invested in plants in Ohio run by Brevik Motors.",
                 "Vantara Labs hopes to win work in factories in Ohio and Texas."):
        names, got = drafted(text)
        assert {"Vantara Labs", "Ohio"} <= names, text
        assert ("Vantara Labs", "operates_in", "Ohio") not in got, text
    got = drafted("Vantara Labs supplies Brevik Motors from plants in Ohio and Texas.")[1]
    assert ("Vantara Labs", "operates_in", "Ohio") in got
    assert ("Vantara Labs", "operates_in", "Texas") in got


def test_apposed_subject_takes_only_the_clause_it_opens():
    for text in ("Vantara Labs, a unit of Kappa Group, and Brevik Motors, which supplies Orlen Digital, "
                 "agreed to merge.",
                 "Vantara Labs, the Lyon-based chipmaker, and Brevik Motors signed a deal, and Brevik "
                 "Motors supplies Orlen Digital."):
        names, got = drafted(text)
        assert ("Brevik Motors", "supplies", "Orlen Digital") in got, text
        assert ("Vantara Labs", "supplies", "Orlen Digital") not in got, text
    got = drafted("Vantara Labs, the Lyon-based chipmaker, and Brevik Motors supply Orlen Digital.")[1]
    assert ("Vantara Labs", "supplies", "Orlen Digital") in got


def test_no_office_that_is_only_planned_or_refused():
    for text in ("Vantara Systems decided against opening an office in Lyon.",
                 "Vantara Systems is considering opening an office in Lyon.",
                 "Vantara Systems plans to open an office in Lyon."):
        names, got = drafted(text)
        assert {"Vantara Systems", "Lyon"} <= names, text
        assert ("Vantara Systems", "operates_in", "Lyon") not in got, text
    got = drafted("Vantara Systems opened an office in Lyon.")[1]
    assert ("Vantara Systems", "operates_in", "Lyon") in got


def test_competition_from_stops_at_a_subordinate_clause_and_little():
    # (the review's "Vantara Labs said ..." drafts Vantara Labs as a person: a typing matter)
    names, got = drafted("Vantor Systems said competition from Brevik Motors had eased after Orlen "
                         "Digital bought it.")
    assert {"Vantor Systems", "Brevik Motors", "Orlen Digital"} <= names
    assert not rivals(got, "Brevik Motors", "Orlen Digital")
    assert rivals(got, "Brevik Motors", "Vantor Systems")
    names, got = drafted("Vantara Systems faces little competition from Brevik Motors.")
    assert {"Vantara Systems", "Brevik Motors"} <= names
    assert not rivals(got, "Brevik Motors", "Vantara Systems")
    got = drafted("Vantara Systems faces competition from Brevik Motors.")[1]
    assert rivals(got, "Brevik Motors", "Vantara Systems")


def test_money_provided_to_b_by_a_is_funding():
    for text, funders in (("The loan was provided to Brevik Motors by Orlen Bank.", ["Orlen Bank"]),
                          ("A $50 million grant was provided to Brevik Motors by Bpifrance.", ["Bpifrance"]),
                          ("Credit lines were provided to Brevik Motors by Orlen Bank and Kappa Bank.",
                           ["Orlen Bank", "Kappa Bank"])):
        names, got = drafted(text)
        for a in funders:
            assert a in names, text
            assert (a, "supplies", "Brevik Motors") not in got, text
            assert (a, "funds", "Brevik Motors") in got, text
    got = drafted("The chips were supplied to Brevik Motors by Orlen Digital.")[1]
    assert ("Orlen Digital", "supplies", "Brevik Motors") in got
