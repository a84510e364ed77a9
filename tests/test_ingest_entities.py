"""Stage 8: merging candidates into entities, and minting ids."""

from __future__ import annotations

from graph.ingest.doc import Candidate
from graph.ingest.entities import EntityTable
from graph.ingest.ids import mint_ids, slug
from graph.model import Dataset, Entity, Schema
from ingest_support import draft_of


def test_same_label_is_one_entity_and_short_forms_merge():
    t = EntityTable()
    a = t.add(Candidate(0, 0, "firm", "Infineon Technologies"), 0)
    assert t.add(Candidate(0, 0, "firm", "Infineon"), 1) is a
    tsmc = t.add(Candidate(0, 0, "firm", "Taiwan Semiconductor Manufacturing Company"), 2)
    assert t.add(Candidate(0, 0, "firm", "TSMC"), 3) is tsmc
    assert a.aliases == ["Infineon"] and tsmc.aliases == ["TSMC"]


def test_projects_merge_by_words_and_funds_by_amount():
    t = EntityTable()
    p = t.add(Candidate(0, 0, "project", "deep-sea crude oil terminal",
                        words=frozenset({"deep-sea", "crude", "oil"}), cls="FAC"), 0)
    q = t.add(Candidate(0, 0, "project", "crude oil terminal project",
                        words=frozenset({"crude", "oil"}), cls="FAC"), 1)
    vague = t.add(Candidate(0, 0, "project", "container terminal", words=frozenset({"container"}),
                            cls="FAC", merge_only=True), 2)
    f = t.add(Candidate(0, 0, "fund", "$55 billion Japanese investment tool", amount="5.5e10$"), 3)
    g = t.add(Candidate(0, 0, "fund", "$55 billion investment", amount="5.5e10$"), 4)
    assert p is q and vague is None and f is g and len(t) == 2


def test_draft_mentions_merge_across_the_article():
    d = draft_of("The projects include a deep-sea crude oil terminal. The crude oil terminal "
                 "project starts in 2027. SoftBank Group leads. SoftBank’s plans grew.")
    names = [e.name for e in d.entities]
    assert names.count("deep-sea crude oil terminal") == 1
    assert not any(n.startswith("crude oil terminal") for n in names)
    assert "SoftBank" in next(e for e in d.entities if e.name == "SoftBank Group").aliases


def test_slugs_are_readable():
    assert slug("SoftBank Group") == "softbank-group"
    assert slug("Ministry of Economy, Trade and Industry") == "ministry-of-economy-trade-and-industry"
    assert slug("AT&T") == "at-and-t" and slug("软银集团") == ""
    assert len(slug("word " * 40)) <= 60


def test_ids_never_collide_and_seed_ids_are_kept():
    seed = Entity("softbank-group", "government", "Something Else")
    seeds = Dataset(Schema.builtin(), {"softbank-group": seed})
    t = EntityTable(seeds)
    a = t.add(Candidate(0, 0, "firm", "SoftBank Group"), 0)
    b = t.add(Candidate(0, 0, "firm", "Softbank-Group"), 1)
    c = t.add(Candidate(0, 0, "organization", "软银集团"), 2)
    known = t.add_seed(seed, 3)
    mint_ids(t, seeds)
    assert known.id == "softbank-group"
    assert {a.id, b.id} == {"softbank-group-2", "softbank-group-3"}
    assert c.id.startswith("organization-") and len(c.id) == len("organization-") + 8


def test_from_after_a_deal_word_names_a_firm_not_a_place():
    from ingest_support import draft_of
    d = draft_of("Masdar bought Saeta Yield from Brookfield Asset Management last year. "
                 "Parts come from Dresden.")
    types = {e.name: e.type for e in d.entities}
    assert types["Brookfield Asset Management"] == "firm"
    assert types["Dresden"] == "location"


def test_public_lenders_are_agencies_and_multilateral_ones_organizations():
    from ingest_support import draft_of
    d = draft_of("The plant is financed by the Export-Import Bank of Korea, the Korea Development "
                 "Bank and the Asian Development Bank, with a loan from Mizuho Bank.")
    types = {e.name: e.type for e in d.entities}
    assert types["Export-Import Bank of Korea"] == "agency"
    assert types["Korea Development Bank"] == "agency"
    assert types["Asian Development Bank"] == "organization"
    assert types["Mizuho Bank"] == "firm"


def test_an_apposition_tells_the_type():
    from ingest_support import draft_of
    d = draft_of("The loan comes from Acme Capital, Saudi Arabia's sovereign wealth fund, and from "
                 "Beta Credit, a state lender. Gamma Insights, a research firm in Paris, agreed.")
    types = {e.name: e.type for e in d.entities}
    assert types["Acme Capital"] == "fund"
    assert types["Beta Credit"] == "agency"
    assert types["Gamma Insights"] == "firm"


def test_a_place_can_close_a_projects_name():
    from ingest_support import draft_of
    d = draft_of("Ford began making cells at BlueOval Battery Park Michigan in Marshall on Thursday. "
                 "Panasonic also runs the Gigafactory Nevada near Reno.")
    types = {e.name: e.type for e in d.entities}
    assert types["BlueOval Battery Park Michigan"] == "project"
    assert types["Gigafactory Nevada"] == "project"


def test_a_plant_only_the_headline_describes_is_the_plant_the_body_names():
    from ingest_support import draft_of, relations_of
    d = draft_of("Ford's Michigan LFP plant starts output\n\nFord Motor Company began making cells at "
                 "BlueOval Battery Park Michigan in Marshall on Thursday. Ford owns the $3 billion "
                 "plant outright.")
    projects = [e for e in d.entities if e.type == "project"]
    assert [p.name for p in projects] == ["BlueOval Battery Park Michigan"]
    assert "LFP plant" in projects[0].aliases
    assert ("Ford Motor Company", "owns", "BlueOval Battery Park Michigan") in relations_of(d)


def test_the_place_plant_is_the_one_project_in_that_place():
    from ingest_support import draft_of, relations_of
    d = draft_of("Ford Motor Company began making cells at BlueOval Battery Park Michigan in Marshall "
                 "on Thursday. Cathode for the Marshall plant will come from a licensed process, but "
                 "graphite will be bought from Syrah Resources.")
    assert [e.name for e in d.entities if e.type == "project"] == ["BlueOval Battery Park Michigan"]
    assert ("Syrah Resources", "supplies", "BlueOval Battery Park Michigan") in relations_of(d)


def test_lower_case_words_before_a_capitalised_project_name_are_not_part_of_it():
    from ingest_support import draft_of
    d = draft_of("The plant is owned by Rheinmetall and by the state defence company Giraitė Armament "
                 "Plant, which was founded in 1956.")
    assert "Giraitė Armament Plant" in {e.name for e in d.entities}
    assert not any(e.name.startswith("state defence") for e in d.entities)


def test_a_place_opening_a_firms_industry_name_and_brand_prefixes():
    from ingest_support import draft_of, relations_of
    d = draft_of("Bharti Airtel, in which Singapore Telecommunications (Singtel) owns about 28%, grew. "
                 "Hanwha Ocean and Hanwha Systems are units of the Hanwha Group. Hanwha said so.")
    names = {e.name for e in d.entities}
    assert "Singapore Telecommunications" in names
    got = relations_of(d)
    assert not any(b == "Hanwha" and t == "part_of" for _, t, b in got)


def test_a_firms_investment_is_not_a_fund_but_a_countrys_tool_is():
    from ingest_support import draft_of
    d = draft_of("The grant will support Samsung's $37 billion investment in two logic fabs. "
                 "Japan's $55 billion investment tool will pay for it.")
    funds = {e.name for e in d.entities if e.type == "fund"}
    assert not any("37 billion" in f for f in funds)
    assert any("55 billion" in f for f in funds)


def test_a_name_opening_with_bureau_office_or_foundation_types_the_body():
    from ingest_support import draft_of
    d = draft_of("The Bureau of Ocean Energy Management regulates offshore leases. The Office of "
                 "Technology Transitions lent money, and the Foundation for Clean Seas agreed.")
    types = {e.name: e.type for e in d.entities}
    assert types["Bureau of Ocean Energy Management"] == "agency"
    assert types["Office of Technology Transitions"] == "agency"
    assert types["Foundation for Clean Seas"] == "organization"


def test_a_country_word_before_a_body_name_does_not_make_a_second_entity():
    from ingest_support import draft_of
    d = draft_of("The U.S. Federal Trade Commission cleared the deal. The Federal Trade "
                 "Commission, chaired by Lina Khan, did not challenge it.")
    assert len([e for e in d.entities if e.name.endswith("Federal Trade Commission")]) == 1


def test_a_person_named_again_by_one_part_of_the_name_is_the_same_person():
    from ingest_support import draft_of
    d = draft_of('Assam, whose chief minister is Himanta Biswa Sarma, added land. "The '
                 'northeast now has a place," Sarma said.')
    assert [e.name for e in d.entities if "Sarma" in e.name] == ["Himanta Biswa Sarma"]


def test_names_written_like_a_persons_are_people():
    from ingest_support import draft_of
    d = draft_of("Chey Tae-won visited the site with the governor. N. Chandrasekaran, who chairs "
                 "Tata Sons, agreed. Hanmi Semi-conductor grew.")
    types = {e.name: e.type for e in d.entities}
    assert types["Chey Tae-won"] == "person" and types["N. Chandrasekaran"] == "person"
    assert types["Hanmi Semi-conductor"] != "person"


def test_one_word_firms_opening_a_sentence_with_an_apposition_or_their_country():
    from ingest_support import draft_of
    d = draft_of("BP, which was Zeta Energy's partner, swapped its share. Orsted of Denmark, "
                 "whose farm was halted, competes with Zeta Energy.")
    types = {e.name: e.type for e in d.entities}
    assert types["BP"] == "firm" and types["Orsted"] == "firm"


def test_a_place_the_article_calls_a_government_or_that_acts_as_one_is_a_government():
    d = draft_of("Omega Corp. will build a plant in Zeta County, Ohio. The project was supported by "
                 "the state of North Carolina with a grant, and Zeta County agreed to cut taxes. "
                 "Incentives were approved by Vireo County. The Omicron government welcomed it. "
                 "The plant is near Lumen Springs in Texas, and it is backed by Texas Instruments. "
                 "Investors worry about the state of Kelvar Motors.")
    types = {e.name: e.type for e in d.entities}
    assert types["Zeta County"] == types["North Carolina"] == types["Vireo County"] == "government"
    assert types["Omicron"] == "government"
    assert types["Lumen Springs"] == types["Ohio"] == "location"
    # a name that only begins a named firm, and a firm whose "state" is its condition, stay
    assert types["Texas"] == "location" and types["Kelvar Motors"] == "firm"
    # a name with a lower-case connector is read whole ("Department of Commerce awarded" says
    # nothing of a town named Commerce)
    d = draft_of("The state of Rio de Janeiro offered tax breaks for the plant in Rio de Janeiro. "
                 "The Department of Commerce awarded a grant for a plant in Commerce, Georgia.")
    types = {e.name: e.type for e in d.entities}
    assert types["Rio de Janeiro"] == "government" and types["Commerce"] == "location"
