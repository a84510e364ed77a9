"""Reading errors found on invented articles (energy, minerals, ports, rail, farming; helper ingest8a).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

from ingest_support import draft_of, drafted_with, entity, relations_of



def supplies_in(text: str, *names: str) -> set[tuple[str, str]]:
    """(seller, buyer) of every supplies relation drafted from ``text`` (the named ends guarded)."""
    return {(a, b) for a, rtype, b in relations_of(drafted_with(text, *names)) if rtype == "supplies"}


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
    d = drafted_with(text, "Kazatomprom", "Kappa Nuclear")
    assert not any(e.name in ("Wire", "Nov") for e in d.entities)
    d = draft_of("Title\n\nNAIROBI, Kenya, July 8 (NWX) - Kenya Ports has hired Kappa Ports World.")
    assert not any(e.name == "NWX" for e in d.entities)
    assert entity(d, "Kappa Ports World").type == "firm"


def test_fund_after_an_article_and_adjectives_is_a_noun_not_the_verb():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "Kazatomprom, which is 75% owned by the sovereign wealth fund Samruk-Kazyna, is the world's "
            "largest uranium producer.")
    d = drafted_with(text, "Kazatomprom", "Samruk-Kazyna")
    assert ("Kazatomprom", "funds", "Samruk-Kazyna") not in relations_of(d)
    # the verb after an auxiliary or a bare subject name still funds
    d = draft_of("Title\n\nOmega Capital, a Dubai fund, will fund Kappa Wind. Omega Capital funds Zeta Solar.")
    assert {("Omega Capital", "funds", "Kappa Wind"), ("Omega Capital", "funds", "Zeta Solar")} <= relations_of(d)


ZETA_STAKE = ("Zeta Energy reports higher first-half profit on Saudi solar projects\n\n"
              "Zeta Energy, which is 44% owned by the Public Investment Fund, also agreed to buy a 25% stake "
              "in Kappa Wind, an Egyptian wind developer, from Omega Capital for $180 million.")


def test_a_name_after_a_stake_in_is_a_body_not_a_place():
    d = draft_of(ZETA_STAKE)
    assert entity(d, "Kappa Wind").type == "firm"
    d = draft_of("Title\n\nZeta Energy agreed to buy a 25% stake in Kappa Power.")
    assert entity(d, "Kappa Power").type == "firm"
    # a place after 'in' elsewhere stays a place
    d = draft_of("Title\n\nZeta Energy agreed to build a plant in Kappaville.")
    assert entity(d, "Kappaville").type == "location"


def test_the_subject_before_a_which_clause_buys_the_stake_not_the_owner_in_the_clause():
    d = drafted_with(ZETA_STAKE, "Zeta Energy", "Public Investment Fund")
    rels = relations_of(d)
    assert ("Zeta Energy", "invests_in", "Kappa Wind") in rels
    assert ("Public Investment Fund", "invests_in", "Kappa Wind") not in rels
    assert ("Public Investment Fund", "owns", "Zeta Energy") in rels


def test_buying_a_minority_or_unsized_stake_is_an_investment_not_ownership():
    d = draft_of(ZETA_STAKE)
    assert ("Zeta Energy", "owns", "Kappa Wind") not in relations_of(d)
    d = draft_of("Title\n\nKappa Heavy is also in talks to buy a stake in Zeta Marine, which builds "
                 "warships in Mobile, Alabama.")
    assert ("Kappa Heavy", "invests_in", "Zeta Marine") in relations_of(d)
    assert ("Kappa Heavy", "owns", "Zeta Marine") not in relations_of(d)
    # a majority stake or the firm itself is still owned
    d = draft_of("Title\n\nZeta Energy agreed to buy a 60% stake in Kappa Power. Omega Capital bought Sigma Grid.")
    assert {("Zeta Energy", "owns", "Kappa Power"), ("Omega Capital", "owns", "Sigma Grid")} <= relations_of(d)


def test_money_for_an_unnamed_project_in_apposition_funds_neither_the_builder_nor_the_client():
    text = ("Vietnam picks Kappa Rail to build Hanoi metro line\n\n"
            "Vietnam has picked Kappa Rail to build the second line of the Hanoi metro, a $2.2 billion "
            "project financed by the Asian Development Bank.")
    d = drafted_with(text, "Kappa Rail", "Asian Development Bank")
    rels = relations_of(d)
    assert not any(r[0] == "Asian Development Bank" and r[1] == "funds" for r in rels), rels
    # a named project in apposition is still funded
    d = draft_of("Title\n\nVietnam has picked Kappa Rail to build Zeta Line, a $2.2 billion metro line "
                 "financed by the Asian Development Bank.")
    assert ("Asian Development Bank", "funds", "Zeta Line") in relations_of(d)


def test_a_customer_named_with_its_countrys_possessive_in_a_list_is_the_firm_not_the_country():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "Kazatomprom, which is owned by Samruk-Kazyna, is the world's largest uranium producer. "
            "Its main customers include Kappa Nuclear and France's Orano.")
    sold = supplies_in(text, "Kazatomprom", "Orano", "France")
    assert {("Kazatomprom", "Kappa Nuclear"), ("Kazatomprom", "Orano")} <= sold
    assert ("Kazatomprom", "France") not in sold


def test_an_owner_described_as_a_city_government_company_is_neither_listed_with_its_city_nor_a_place():
    text = ("Port of Mombasa terminal concession goes to Gulf operator\n\n"
            "Kappa Ports World operates 14 terminals in Africa and Asia and is owned by Omega Holdings, "
            "a Dubai government investment company.")
    rels = relations_of(drafted_with(text, "Kappa Ports World", "Omega Holdings", "Dubai"))
    assert ("Omega Holdings", "owns", "Kappa Ports World") in rels
    assert ("Kappa Ports World", "operates_in", "Africa") in rels
    assert not any("Dubai" in (r[0], r[2]) and "Kappa Ports World" in (r[0], r[2]) for r in rels), rels
    # a list of owners goes on after a comma
    d = draft_of("Title\n\nKappa Ports World is owned by Omega Holdings, the Sigma Fund and Tau Capital.")
    assert ("Tau Capital", "owns", "Kappa Ports World") in relations_of(d)


def test_loans_that_paid_for_what_an_agent_built_fund_the_thing_built_not_the_builder():
    text = ("Port of Mombasa terminal concession goes to Gulf operator\n\n"
            "The port is linked to Nairobi by the Standard Gauge Railway, which was built by Kappa Road "
            "Corporation with loans from the Export-Import Bank of China.")
    rels = relations_of(drafted_with(text, "Standard Gauge Railway", "Kappa Road Corporation",
                                     "Export-Import Bank of China"))
    assert ("Kappa Road Corporation", "leads", "Standard Gauge Railway") in rels
    assert ("Export-Import Bank of China", "funds", "Standard Gauge Railway") in rels
    assert not any(r[0] == "Export-Import Bank of China" and r[2] != "Standard Gauge Railway" for r in rels)


def test_a_two_word_city_in_capitals_opening_a_wire_dateline_is_no_body():
    for city in ("SAO PAULO", "ST PETERSBURG"):
        text = ("Kappa Agro to ship Brazilian soybeans to China\n\n"
                f"{city}, Oct 2 - Kappa Agro, the grain trader, has opened a soybean export terminal in "
                "Barcarena, the company said on Thursday.")
        d = drafted_with(text, "Kappa Agro", "Barcarena")
        assert not any(e.type in ("firm", "organization") and e.name.isupper() for e in d.entities), city
    d = draft_of("Title\n\nNAIROBI, Kenya, July 8 - Kappa Ports World has won a concession.")
    assert not any(e.name == "NAIROBI" and e.type != "location" for e in d.entities)


def test_a_facility_word_before_operator_or_maker_names_no_project():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "ASTANA, Nov 12 (Wire) - Kazakhstan's state nuclear company Kazatomprom has agreed to supply "
            "4,000 tonnes of uranium concentrate to Kappa Nuclear (卡帕核电), the Chinese state reactor "
            "operator, over ten years.")
    d = drafted_with(text, "Kazatomprom", "Kappa Nuclear")
    assert not any(e.type == "project" for e in d.entities), [e.name for e in d.entities]
    assert ("Kazatomprom", "supplies", "Kappa Nuclear") in relations_of(d)
    # (the plant in a town is one: in a province it names no one plant, and "MW" is a unit, not a name)
    d = draft_of("Title\n\nKappa Nuclear will build a 1,200 MW reactor plant in Ningde.")
    assert [e.name for e in d.entities if e.type == "project"] == ["Ningde plant"]


def test_a_name_after_the_port_of_is_a_place():
    text = ("Kazakhstan signs uranium supply deal with Kappa Nuclear\n\n"
            "The uranium will be shipped by rail through Russia to the port of St Petersburg and then "
            "to Shanghai.")
    d = drafted_with(text, "St Petersburg")
    assert entity(d, "St Petersburg").type == "location"
    d = draft_of("Title\n\nKappa Agro ships soybeans to the port of Vila Conde.")
    assert entity(d, "Vila Conde").type == "location"


def test_goods_for_its_plants_bought_from_sellers_make_the_sellers_suppliers_of_the_firm():
    text = ("Zeta Energy reports higher profit\n\n"
            "Zeta Energy reported a 34% rise in first-half net profit. Panels for its Saudi plants are bought "
            "from Lambda Solar (兰达光伏) of China, and inverters from Huawei.")
    assert {("Lambda Solar", "Zeta Energy"), ("Huawei", "Zeta Energy")} <= \
        supplies_in(text, "Zeta Energy", "Lambda Solar", "Huawei")
    # not when nothing was bought
    assert not supplies_in("Title\n\nZeta Energy grew. Panels for its plants are not bought from Lambda Solar.")


def test_goods_shipped_in_quantity_to_a_country_make_no_buyer_of_the_country():
    text = ("Kappa Agro to ship Brazilian soybeans to China\n\n"
            "Kappa Agro has opened a soybean export terminal in Barcarena that will ship up to 8 million "
            "tonnes a year to China, the company said on Thursday.")
    sold = supplies_in(text, "Kappa Agro", "China")
    assert not any(b == "China" for _, b in sold), sold
    # a firm the goods are shipped to is still a buyer
    assert ("Kappa Agro", "Lambda Oils") in supplies_in(
        "Title\n\nKappa Agro will ship 2 million tonnes of soybeans a year to Lambda Oils.", "Lambda Oils")


def test_a_federal_environment_agency_and_an_export_credit_agency_in_apposition_are_agencies():
    text = ("Kappa Agro terminal\n\n"
            "Brazil's agriculture ministry approved the terminal's licence in June after an environmental "
            "review by Ibama, the federal environment agency.\n"
            "Financing will come from a loan guaranteed by Zeta Credit, the Australian export credit agency.")
    d = drafted_with(text, "Ibama", "Zeta Credit")
    assert (entity(d, "Ibama").type, entity(d, "Zeta Credit").type) == ("agency", "agency")
    # a private agency stays a firm
    d = draft_of("Title\n\nKappa Agro hired Omega Media, an advertising agency.")
    assert entity(d, "Omega Media").type == "firm"


def test_a_name_ending_in_a_country_and_described_as_an_agency_is_the_whole_body():
    text = ("Kappa Minerals wins lithium licence in Chile\n\n"
            "Financing for the Chilean plant will come from a $900 million loan arranged by Banco Phi and "
            "guaranteed by Export Finance Australia, the Australian export credit agency.")
    d = drafted_with(text, "Banco Phi", "Export Finance Australia")
    assert entity(d, "Export Finance Australia").type == "agency"
    # a firm's plant in a country is not one name
    d = draft_of("Title\n\nKappa Minerals opened a mine in Western Australia, the state said.")
    assert entity(d, "Western Australia").type != "firm"
