"""Stage 5: names, project/fund phrases and the pattern detectors."""

from __future__ import annotations

from graph.ingest.detect import Detector, select
from graph.ingest.doc import Sentence
from graph.ingest.entities import EntityTable
from graph.ingest.names import runs, tokens
from graph.ingest.phrases import phrases
from ingest_support import draft_of


def found(text: str, heading: bool = False) -> list[tuple[str, str]]:
    cands = select(Detector().candidates(Sentence(text, 0, heading=heading), EntityTable()))
    return [(c.type, text[c.start:c.end]) for c in cands]


def test_runs_keep_name_connectors_and_split_lists():
    text = ("Through its Ministry of Economy, Trade and Industry, with Bosch, Infineon Technologies "
            "and NXP Semiconductors, and China’s Belt and Road Initiative on Tuesday")
    assert [r.text(text) for r in runs(text)] == [
        "Ministry of Economy, Trade and Industry", "Bosch", "Infineon Technologies",
        "NXP Semiconductors", "China", "Belt and Road Initiative", "Tuesday"]


def test_tokens_split_markers_and_possessives():
    assert [(t.text, t.kind) for t in tokens("Chinese-led Japan’s")] == [
        ("Chinese", "word"), ("-led", "marker"), ("Japan", "word"), ("’s", "poss")]


def test_project_phrases_and_what_stops_them():
    text = "a SoftBank Group-led data center infrastructure initiative and the plant"
    p1, p2 = phrases(text)
    assert (text[p1.name_start:p1.end], p1.cls, p1.marker is not None, p1.specific) == (
        "data center infrastructure initiative", "PRG", True, True)
    assert (p2.det, p2.specific) == ("def", False)       # "the plant" points back


def test_fund_phrase_by_amount():
    p = phrases("backed by a $55 billion Japanese investment tool")[0]
    assert (p.cls, p.amount) == ("FUND", "55000000000$")


def test_organisations_by_their_words():
    assert found("Nomura Securities, the Loan Programs Office and the Kiel Institute for the "
                 "World Economy met.") == [
        ("firm", "Nomura Securities"), ("agency", "Loan Programs Office"),
        ("organization", "Kiel Institute for the World Economy")]


def test_sector_word_as_suffix_needs_a_name_before_it():
    assert ("firm", "Hua Hong Semiconductor") in found("Hua Hong Semiconductor grew.")
    assert not any(t == "firm" for t, _ in found("Artificial Diamond Technology for Semiconductors",
                                                  heading=True))


def test_organisations_by_context_and_lists():
    assert found("It was first reported by Bloomberg.") == [("firm", "Bloomberg")]
    assert found("Chinese firms like SMIC and Hua Hong Semiconductor may suffer.") == [
        ("firm", "SMIC"), ("firm", "Hua Hong Semiconductor")]
    assert ("firm", "Bosch") in found("with Bosch, Infineon Technologies and NXP Semiconductors "
                                      "each holding 10%")


def test_weak_sector_words_need_a_sector_context():
    assert found("Energy security matters.") == []
    assert [x for x in found("Watch sectors like semiconductors, energy, and construction.")] == [
        ("sector", "semiconductors"), ("sector", "energy"), ("sector", "construction")]
    assert found("energy stocks fell") == [("sector", "energy")]


def test_projects_include_list():
    got = found("The projects include a SoftBank Group-led data center initiative, a deep-sea "
                "crude oil terminal in the Gulf of Mexico, and artificial diamond technology.")
    assert ("project", "data center initiative") in got
    assert ("project", "deep-sea crude oil terminal") in got
    assert ("project", "artificial diamond technology") in got
    assert ("location", "Gulf of Mexico") in got and ("firm", "SoftBank Group") in got


def test_places_by_context_and_alliances():
    assert ("location", "Dresden") in found("a new fab in Dresden, clearing the way")
    assert ("location", "De Soto") in found("a factory at the edge of De Soto, Kansas.")
    assert ("organization", "Quad alliance") in found("Joint efforts, like the Quad alliance, grew.")


def test_unknown_acronym_becomes_an_organisation_but_known_initials_an_alias():
    d = draft_of("The Ministry of Economy, Trade and Industry spoke. METI and APEC agreed.")
    names = {e.name: e for e in d.entities}
    assert "METI" in names["Ministry of Economy, Trade and Industry"].aliases
    assert names["APEC"].type == "organization" and "METI" not in names


def test_a_headline_verb_is_not_part_of_a_project_name():
    from ingest_support import draft_of
    d = draft_of("Zeta Tech to build AI server plant in Ohio for Nvidia")
    assert any(e.name == "AI server plant" and e.type == "project" for e in d.entities)


def test_where_analysts_work_is_a_body_and_a_name_listed_after_places_is_a_place():
    d = draft_of("Analysts at Zetaview in Kappa City said demand rose. Analysts at Omicron Research "
                 "expect more. Steel will come from its mills in Pohang and Zetagwang. It has "
                 "terminals in Valencia, Kappaburg and Rotterdam. Japan and Zetamoto signed a deal.")
    types = {e.name: e.type for e in d.entities}
    assert types["Zetaview"] == "firm" and types["Omicron Research"] == "firm"
    assert types["Zetagwang"] == "location" and types["Kappaburg"] == "location"
    assert types["Zetamoto"] == "firm"      # listed after a country, not after "in"


def test_a_product_named_between_its_maker_and_a_product_noun_is_no_firm():
    d = draft_of("Analysts said Zetacore's Kappablade chips are fast. Omega Pharma makes the obesity "
                 "drug Lumevia. Vireo Motors sells the Model Q in Europe. Omega Pharma will buy drugs "
                 "from Kappa Pharma.")
    types = {e.name: e.type for e in d.entities}
    assert not {"Kappablade", "Lumevia", "Model Q"} & {n for n, t in types.items() if t == "firm"}
    assert types["Kappa Pharma"] == types["Omega Pharma"] == types["Zetacore"] == "firm"


def test_a_name_opening_its_own_clause_is_no_listed_place_nor_product_and_people_in_a_town():
    # review: "in Ohio and Vestrom is building" made Vestrom a place; "The turbines Vestoria
    # supplies" made Vestoria a product; "officials in Moravec Creek" lost the town
    d = draft_of("Kelvar Cells has plants in Ohio and Vestrom is building one in Texas. The "
                 "turbines Vestoria supplies will arrive in May. Local officials in Moravec Creek "
                 "approved the plan. Engineers in Tallow Bay will test the turbines.")
    types = {e.name: e.type for e in d.entities}
    assert types["Vestrom"] == types["Vestoria"] == "firm"
    assert types["Moravec Creek"] in ("location", "government") and types["Tallow Bay"] == "location"


def test_a_body_named_x_of_a_place_stays_whole_in_a_list_and_before_a_bracket():
    # review: "Port of Rotterdam" in a list became a firm "Port"; "The City of Osaka (CJK)" a
    # firm "City" carrying the CJK name
    d = draft_of("Kelvar Motors and Port of Rotterdam will invest. Kelvar Motors and City of Osaka "
                 "signed a deal. The Emirate of Abu Dhabi (阿布扎比酋长国) approved the plan.")
    names = {e.name for e in d.entities}
    assert {"Port of Rotterdam", "City of Osaka", "Emirate of Abu Dhabi"} <= names
    assert not names & {"Port", "City", "Emirate"}
    assert [e.aliases for e in d.entities if e.name == "Emirate of Abu Dhabi"] == [["阿布扎比酋长国"]]
