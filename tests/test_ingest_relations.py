"""Stage 7: one test per relation pattern (graph/ingest/relations.py) and co-occurrence."""

from __future__ import annotations

from ingest_support import draft_of, entity, relations_of


def rels(text: str) -> set[tuple[str, str, str]]:
    return relations_of(draft_of(text))


def test_x_led():
    assert ("SoftBank Group", "leads", "data center infrastructure initiative") in rels(
        "It includes a SoftBank Group-led data center infrastructure initiative.")
    assert ("China", "leads", "Digital Silk Road") in rels(
        "They want alternatives to Chinese-led initiatives, such as the Digital Silk Road.")


def test_by_agent_and_the_projects():
    got = rels("The projects include a lithium-ion battery factory and a deep-sea oil terminal. "
               "The three projects are backed by a $5 billion Korean investment fund.")
    assert ("$5 billion Korean investment fund", "funds", "lithium-ion battery factory") in got
    assert ("$5 billion Korean investment fund", "funds", "deep-sea oil terminal") in got
    assert ("South Korea", "owns", "$5 billion Korean investment fund") in got


def test_by_agent_with_anaphor():
    got = rels("Acme Energy will build a $4 billion lithium-ion battery factory in Ohio. "
               "The plant is financed by loans from Bank of Osaka.")
    assert ("Bank of Osaka", "funds", "lithium-ion battery factory") in got
    assert ("Acme Energy", "leads", "lithium-ion battery factory") in got
    assert ("lithium-ion battery factory", "located_in", "Ohio") in got


def test_active_verb_with_appositive_subject():
    got = rels("Panasonic Energy, the battery arm of Panasonic Holdings, will build a "
               "$4 billion battery plant. The Loan Programs Office has financed battery "
               "projects by Ford and SK On.")
    assert ("Panasonic Energy", "leads", "battery plant") in got
    assert ("Panasonic Energy", "part_of", "Panasonic Holdings") in got
    assert ("Loan Programs Office", "funds", "Ford") in got and ("Loan Programs Office", "funds",
                                                                   "SK On") in got


def test_national_funding_goes_to_the_section_project():
    got = rels("Gulf of Mexico Deep-Sea Crude Oil Terminal\nThis energy project is a deep-sea crude oil "
               "terminal. It adds capacity, with Japanese funding accelerating construction.")
    assert ("Japan", "funds", "Deep-Sea Crude Oil Terminal") in got
    assert ("Deep-Sea Crude Oil Terminal", "operates_in", "Energy") in got


def test_possessives():
    got = rels("Peru’s Chancay port opened. China’s Belt and Road Initiative grew. "
               "Peru’s Ministry of Transport and Communications agreed. "
               "Japan’s $55 billion investment tool pays.")
    assert ("Chancay port", "located_in", "Peru") in got
    assert ("China", "leads", "Belt and Road Initiative") in got
    assert ("Ministry of Transport and Communications", "part_of", "Peru") in got
    assert ("Japan", "owns", "$55 billion investment tool") in got


def test_located_in_and_city_state():
    draft = draft_of("Acme Energy will build a $4 billion battery factory in De Soto, Kansas.")
    got = relations_of(draft)
    # a facility described in a city is named after it, its words kept as an alias (round 6)
    assert ("De Soto factory", "located_in", "De Soto") in got
    assert "battery factory" in entity(draft, "De Soto factory").aliases
    assert ("De Soto", "located_in", "Kansas") in got


def test_firms_like_with_sector_context_or_own_sector():
    got = rels("Data infrastructure is a sector where Chinese companies like Alibaba Group and "
               "Tencent Holdings are players. Companies like CATL (宁德时代) in batteries or ZTE "
               "(中兴通讯) in telecom may gain.")
    assert {("Alibaba Group", "operates_in", "Data centers"),
            ("Tencent Holdings", "operates_in", "Data centers"),
            ("CATL", "operates_in", "Batteries"), ("ZTE", "operates_in", "Telecom")} <= got
    assert ("CATL", "operates_in", "Telecom") not in got


def test_an_appositive_names_the_origin_not_a_sector_relation():
    # "X, the Peruvian mining group" drafted "X operates_in Mining" until round 4: none of its
    # four drafts on the dev corpus was in the gold (sectors are optional there), so it was dropped.
    got = rels("The rest stays with Volcan Compañía Minera, the Peruvian mining group.")
    assert ("Volcan Compañía Minera", "located_in", "Peru") in got
    assert not any(t == "operates_in" for _, t, _ in got)


def test_pair_nouns():
    got = rels("This marks deepening US-Japan economic collaboration amid US-China competition.")
    assert ("United States", "partners_with", "Japan") in got
    assert ("United States", "competes_with", "China") in got


def test_affects_supplies_regulates_stake():
    got = rels("Artificial diamond fabs\nThe projects include an artificial diamond fab. "
               "This investment could shift supply, impacting Chinese firms like SMIC and "
               "Hua Hong Semiconductor. The plant will supply wafers to Tesla. "
               "The Ministry of Industry approved the plant. Acme Group bought a 60% stake in "
               "the artificial diamond fab.")
    assert ("artificial diamond fab", "affects", "SMIC") in got
    assert ("artificial diamond fab", "affects", "Hua Hong Semiconductor") in got
    assert ("artificial diamond fab", "supplies", "Tesla") in got
    assert ("Ministry of Industry", "regulates", "artificial diamond fab") in got
    assert ("Acme Group", "owns", "artificial diamond fab") in got


def test_party_to_from_name_and_cue():
    got = rels("This dovetails with the US-Japan Trade Agreement. "
               "The subsidy is part of Germany's commitment under the European Chips Act.")
    assert ("United States", "party_to", "US-Japan Trade Agreement") in got
    assert ("Japan", "party_to", "US-Japan Trade Agreement") in got
    assert ("Germany", "party_to", "European Chips Act") in got


def test_name_rules():
    got = rels("As first reported by Bloomberg, it grew. According to Bloomberg Intelligence, more. "
               "The US Energy Information Administration estimates more. Hua Hong Semiconductor fell.")
    assert ("Bloomberg Intelligence", "part_of", "Bloomberg") in got
    assert ("US Energy Information Administration", "part_of", "United States") in got
    # an industry word in a firm's name is not a relation (nor a sector entity)
    assert not any(a == "Hua Hong Semiconductor" and t == "operates_in" for a, t, _ in got)


def test_cooccurrence_is_related_to_with_low_confidence_and_evidence():
    d = draft_of("Lutnick (卢特尼克) met Akazawa Ryo (赤泽亮正) and Acme Group at the summit. "
                 "On Friday Lutnick praised Acme Group again.")
    related = [r for r in d.relations if r.type == "related_to"]
    assert related and all(r.confidence <= 0.45 and r.evidence.startswith("Lutnick") for r in related)


def test_one_shared_sentence_is_not_enough_for_related_to():
    d = draft_of("Lutnick (卢特尼克) met Akazawa Ryo (赤泽亮正) and Acme Group at the summit.")
    assert not [r for r in d.relations if r.type == "related_to"]


def test_no_cooccurrence_between_listed_peers_or_two_governments():
    got = rels("Firms like Alibaba Group and Tencent Holdings grew while Japan and China talked.")
    assert not any({a, b} == {"Alibaba Group", "Tencent Holdings"} for a, _, b in got)
    assert not any({a, b} == {"Japan", "China"} for a, _, b in got)


def test_mismatched_types_fall_back_to_related_to():
    got = rels("The venture is European Semiconductor Manufacturing Company (ESMC), a joint "
               "venture led by Taiwan Semiconductor Manufacturing Company.")
    assert ("European Semiconductor Manufacturing Company", "related_to",
            "Taiwan Semiconductor Manufacturing Company") in got or (
        "Taiwan Semiconductor Manufacturing Company", "related_to",
        "European Semiconductor Manufacturing Company") in got
    assert not any(t == "leads" for _, t, _ in got)


def test_every_relation_has_evidence_confidence_and_is_deterministic():
    text = open(__file__.replace("test_ingest_relations.py", "fixtures/ingest/battery-plant.txt"),
                encoding="utf-8").read()
    a, b = draft_of(text), draft_of(text)
    assert [(r.source, r.type, r.target, r.evidence) for r in a.relations] == \
        [(r.source, r.type, r.target, r.evidence) for r in b.relations]
    assert all(r.evidence and 0 < r.confidence <= 1 for r in a.relations)


def test_control_of_operates_in_divisions_and_head_of_state_by_context():
    got = rels("The deal gives Acme Group control of the Fenix lithium operation and the Sal de "
               "Vida project. Acme Group operates brine projects in Argentina's Catamarca province "
               "and mines in Canada. It needs approval from Australia's Foreign Investment Review "
               "Board and from regulators in Argentina, where President Javier Milei courts miners.")
    assert ("Acme Group", "owns", "Fenix lithium operation") in got
    assert ("Acme Group", "owns", "Sal de Vida project") in got
    assert ("Acme Group", "operates_in", "Catamarca") in got
    # operates_in may end at a country (a government) since round 7
    assert ("Acme Group", "operates_in", "Canada") in got
    assert ("Catamarca", "located_in", "Argentina") in got
    assert ("Foreign Investment Review Board", "part_of", "Australia") in got
    assert ("Javier Milei", "heads", "Argentina") in got


def test_person_clauses_and_titles():
    got = rels("Tata Electronics, whose chief executive is Randhir Thakur, makes chips. "
               "Georgios Peristeris, who also chairs Terna Energy, spoke. "
               "The Commonwealth of Pennsylvania will give the yard a grant, Governor Josh Shapiro said.")
    assert ("Randhir Thakur", "heads", "Tata Electronics") in got
    assert ("Georgios Peristeris", "heads", "Terna Energy") in got
    assert ("Josh Shapiro", "heads", "Pennsylvania") in got


def test_pronoun_after_semicolon_is_this_sentences_subject():
    got = rels("Tokyo Electron supplies tools. Tata Sons owns Tata Electronics outright; it is "
               "chaired by Natarajan Chandrasekaran.")
    assert ("Natarajan Chandrasekaran", "heads", "Tata Sons") in got
    assert ("Natarajan Chandrasekaran", "heads", "Tokyo Electron") not in got


def test_rivals_and_places_from_descriptions():
    got = rels("Analysts follow Rheinmetall, Nokia and Ericsson. Rheinmetall's rivals in Central Europe include the Czechoslovak Group and PGZ. "
               "Nokia, the Finnish equipment maker, will supply radio gear, while Ericsson, its "
               "Swedish rival, will cover the rest. Philly Shipyard builds ships for Matson, the "
               "Honolulu-based carrier. Albemarle has a contract with the Chilean development "
               "agency Corfo.")
    rivals = {frozenset((a, b)) for a, t, b in got if t == "competes_with"}
    assert {frozenset(("Czechoslovak Group", "Rheinmetall")), frozenset(("PGZ", "Rheinmetall")),
            frozenset(("Ericsson", "Nokia"))} <= rivals
    assert ("Matson", "located_in", "Honolulu") in got
    assert ("Corfo", "located_in", "Chile") in got or ("Corfo", "part_of", "Chile") in got


def test_clause_subjects_carry_over():
    got = rels("Analysts follow Masdar and Albemarle. Masdar bought Spain's Saeta Yield from Brookfield Asset Management last year and owns "
               "a stake in the Dogger Bank offshore wind farm. "
               "Albemarle is building a hydroxide plant in Kemerton, and supplies Tesla from plants "
               "in Chile.")
    # (a stake of no stated size: invests_in, read by the stake rule, not the verb "owns")
    assert ("Masdar", "invests_in", "Dogger Bank") in got
    assert not any(a == "Saeta Yield" and b.startswith("Dogger Bank") for a, _, b in got)
    assert ("Albemarle", "supplies", "Tesla") in got


def test_nominal_supply_cues_and_stake_of_percent():
    got = rels("Analysts follow NovaAndino, Tesla, Masdar and Albemarle. NovaAndino will sell lithium "
               "to Asia. Its largest buyers are LG Energy Solution and Contemporary Amperex Technology. "
               "Hunan Yuneng, a supplier to Contemporary Amperex Technology, grew. Shares of Tesla's "
               "supplier Panasonic Energy rose. Masdar agreed to buy a controlling stake of about 70% "
               "in Terna Energy.")
    assert ("NovaAndino", "supplies", "LG Energy Solution") in got
    assert ("NovaAndino", "supplies", "Contemporary Amperex Technology") in got
    assert ("Hunan Yuneng", "supplies", "Contemporary Amperex Technology") in got
    assert ("Panasonic Energy", "supplies", "Tesla") in got
    assert ("Masdar", "owns", "Terna Energy") in got


def test_money_to_and_definite_heads():
    got = rels("Analysts follow Hanwha Ocean and Philly Shipyard. The Lithuanian Ministry of National "
               "Defence will buy shells. The Nordic Investment Bank lent money. The bank said it would "
               "lend 80 million euros to Giraitė Armament Plant. The Commonwealth of Pennsylvania will "
               "give the yard a $20 million training grant. The US Department of Commerce has "
               "finalised a $4.7 billion grant to Samsung Electronics for its chip plant. "
               "Samsung Electronics won a grant for Acme Group.")
    assert ("Nordic Investment Bank", "funds", "Giraitė Armament Plant") in got
    assert ("Pennsylvania", "funds", "Philly Shipyard") in got
    assert ("US Department of Commerce", "funds", "Samsung Electronics") in got
    assert ("Samsung Electronics", "funds", "Acme Group") not in got     # it won the money


def test_a_title_opening_the_sentence_heads_the_firm_the_text_is_about():
    got = rels("Acme Holdings is a maker of steel. Chief executive Bob Smith said the company "
               "would grow. Its president, Ann Lee, said it would borrow from banks led by "
               "Zeta Bank.")
    assert ("Bob Smith", "heads", "Acme Holdings") in got
    assert ("Ann Lee", "heads", "Acme Holdings") in got
    assert not any(r[2] == "Chief" or r[0] == "Chief" for r in got)
    # a head of state is not read as the firm's head
    assert ("Ann Park", "heads", "Acme Holdings") not in rels(
        "Acme Holdings opened a plant. President Ann Park attended the opening.")


def test_led_by_a_governor_names_the_person_without_the_title():
    got = rels("The state of Jalisco, led by Governor Ana Ruiz, gave land to the project.")
    assert ("Ana Ruiz", "heads", "Jalisco") in got


def test_funding_from_a_and_from_b():
    got = rels("Acme Power will build a $4 billion battery plant in Ohio. The project is financed "
               "with loans from Bank of Zed and from Delta Bank. Funding came from Gamma Capital, "
               "which lent $1 billion, and from Kappa Bank.")
    for bank in ("Bank of Zed", "Delta Bank", "Gamma Capital", "Kappa Bank"):
        assert (bank, "funds", "battery plant") in got


def test_an_asset_changing_hands_is_not_supply():
    got = rels("Zeta Pharma bought three plants from Omega Holdings for $2 billion. Kappa Bio is "
               "selling a plant in Ireland to Delta Drugs. Sigma Steel buys iron ore from Vale.")
    assert ("Omega Holdings", "supplies", "Zeta Pharma") not in got
    assert ("Kappa Bio", "supplies", "Delta Drugs") not in got
    assert ("Vale", "supplies", "Sigma Steel") in got


def test_a_rival_in_apposition_is_not_a_rival_of_what_follows():
    got = rels("Kappa Bio, a Chinese rival, is selling a plant to Delta Drugs.")
    assert ("Kappa Bio", "competes_with", "Delta Drugs") not in got


def test_better_known_as_after_an_apposition_is_the_same_entity():
    from ingest_support import draft_of

    d = draft_of("Hon Hai Precision Industry, the Taiwanese electronics maker better known as "
                 "Foxconn, will build a plant. Foxconn supplies Nvidia.")
    names = {e.name for e in d.entities}
    assert "Foxconn" not in names and "Hon Hai Precision Industry" in names


def test_a_parent_named_beside_its_unit_stays_apart_and_the_unit_is_part_of_it():
    from ingest_support import draft_of

    d = draft_of("Zeta Minerals bought a stake in Omega Base Metals, the copper and nickel unit "
                 "of Brazil's Omega. Omega Base Metals runs mines in Pará.")
    names = {e.name: e for e in d.entities}
    assert "Omega" in names and "Omega" not in names["Omega Base Metals"].aliases
    assert ("Omega Base Metals", "part_of", "Omega") in relations_of(d)


def test_a_body_named_by_a_list_of_words_keeps_its_bracketed_name():
    from ingest_support import draft_of

    d = draft_of("The government, through the Procurement, Technology & Logistics Agency "
                 "(采购技术后勤厅), will sign an agreement.")
    agency = next(e for e in d.entities if e.type == "agency")
    assert agency.name == "Procurement, Technology & Logistics Agency"
    assert "采购技术后勤厅" in agency.aliases


def test_a_firm_operates_where_it_makes_or_runs_things():
    got = rels("Zeta Group runs copper mines in Pará and nickel operations in Sudbury. "
               "Kappa Tech assembles servers in Ciudad Juárez, Chihuahua. "
               "Omega Chem does not make anything in Lyon. Pumps made by Delta Pumps in Porto.")
    assert ("Zeta Group", "operates_in", "Pará") in got
    assert ("Kappa Tech", "operates_in", "Ciudad Juárez") in got
    assert ("Kappa Tech", "operates_in", "Chihuahua") not in got      # the state holds the city
    assert not any(r[1] == "operates_in" and r[0] in ("Omega Chem", "Delta Pumps") for r in got)


def test_an_analysts_firm_operates_in_the_city_named_with_it():
    got = rels('"Prices will rise," said Ann Lee, an analyst at Zeta Securities in Seoul.')
    assert ("Zeta Securities", "operates_in", "Seoul") in got
    assert ("Ann Lee", "works_for", "Zeta Securities") in got


def test_comes_mainly_from_and_as_well_as_with():
    got = rels("Zeta Power is building a $2 billion battery plant in Ohio. Equipment for the plant comes "
               "mainly from Kappa Tools. The plant will compete with Omega Cells and Sigma "
               "Energy, which already make cells, as well as with Delta Batteries.")
    assert ("Kappa Tools", "supplies", "battery plant") in got
    for rival in ("Omega Cells", "Sigma Energy", "Delta Batteries"):
        assert ("battery plant", "competes_with", rival) in got


def test_its_unit_after_a_comma_is_part_of_the_firm_the_text_is_about():
    got = rels("Zeta Foods is partly owned by Kappa Grain, the American grain trader, which "
               "holds about 22%. Its Chinese unit, Omega Oils, is listed in Shenzhen.")
    assert ("Omega Oils", "part_of", "Zeta Foods") in got
    assert ("Kappa Grain", "owns", "Zeta Foods") in got


def test_banks_led_by_a_lender_fund_the_borrower_and_are_no_person():
    from ingest_support import draft_of

    d = draft_of("Zeta Holdings financed the deal with its own cash and with loans from a "
                 "group of banks led by Morgan Stanley.")
    assert next(e for e in d.entities if e.name == "Morgan Stanley").type == "firm"
    got = relations_of(d)
    assert ("Morgan Stanley", "funds", "Zeta Holdings") in got
    assert ("Zeta Holdings", "funds", "Morgan Stanley") not in got


def test_its_wind_farm_in_apposition_is_a_project_the_subject_leads():
    from ingest_support import draft_of

    d = draft_of("Zeta Energy has resumed construction of Kappa Wind 1, its 810-megawatt "
                 "offshore wind farm south of Long Island.")
    assert next(e for e in d.entities if e.name.startswith("Kappa Wind")).type == "project"
    got = relations_of(d)
    assert ("Zeta Energy", "leads", "Kappa Wind") in got
    assert ("Kappa Wind", "located_in", "Long Island") in got


def test_supply_with_no_named_buyer_is_for_the_project_in_question():
    got = rels("Zeta Chips is building a $3 billion chip plant in Ohio. Omega Chemical will "
               "supply the silicon wafers.")
    assert ("Omega Chemical", "supplies", "chip plant") in got


def test_a_role_after_a_possessive_in_apposition_and_beat_as_rivalry():
    got = rels('"We will grow," said Kim Lee, Zeta Motors\' chief executive. The Japanese '
               "shipbuilder Zeta Heavy beat Kappa Marine Systems of Germany in the tender.")
    assert ("Kim Lee", "heads", "Zeta Motors") in got
    assert ("Zeta Heavy", "competes_with", "Kappa Marine Systems") in got


def test_holds_the_rest_owns_what_the_sentence_said_was_owned():
    got = rels("The Public Fund owns 51% of Zeta Minerals, and Kappa Mining holds the rest.")
    assert ("Public Fund", "owns", "Zeta Minerals") in got
    assert ("Kappa Mining", "owns", "Zeta Minerals") in got


def test_the_chipmaker_building_a_fab_is_a_firm_not_a_project():
    from ingest_support import draft_of
    d = draft_of("The ministry approved subsidies for Zeta (ゼータ), the chipmaker building a fab "
                 "in Chitose, Hokkaido.")
    assert next(e for e in d.entities if e.name == "Zeta").type == "firm"


def test_a_president_with_no_country_in_the_sentence_heads_the_articles_clear_country():
    got = rels("Chile wants its copper refined at home. Chile's ministry issues permits, "
               "and Chile's state miner owns half of Zeta Copper. Zeta Copper opened a "
               "smelter in Chile. President Ann Lee attended the restart.")
    assert ("Ann Lee", "heads", "Chile") in got
    got = rels("Chile and Peru compete for copper investment. President Ann Lee spoke.")
    assert ("Ann Lee", "heads", "Chile") not in got and ("Ann Lee", "heads", "Peru") not in got


def test_a_list_goes_on_after_a_name_with_its_country():
    got = rels("Zeta Pharma competes with Lonza of Switzerland, Kappa Biologics and Thermo "
               "Fisher Scientific in contract manufacturing.")
    for rival in ("Lonza", "Kappa Biologics", "Thermo Fisher Scientific"):
        assert ("Zeta Pharma", "competes_with", rival) in got


def test_state_bodies_tied_to_their_country_in_one_phrase():
    got = rels("Financing includes a loan of $400 million from Bancomext, Mexico's state export bank. "
               "The deal was approved by Chile's antitrust authority, the Fiscalía Nacional Económica. "
               "Albemarle pumps brine under a contract with the Chilean development agency Corfo.")
    assert ("Bancomext", "part_of", "Mexico") in got
    assert ("Fiscalía Nacional Económica", "part_of", "Chile") in got
    assert ("Corfo", "part_of", "Chile") in got
    assert ("Bancomext", "located_in", "Mexico") not in got      # a state bank, not a firm there


def test_goods_used_or_received_from_a_supplier_but_not_money():
    got = rels("Empire Wind 1 will use 54 turbines from Vestas, the Danish manufacturer. "
               "Zeta Mobile buys its radio equipment from NEC and uses software from Omega Soft. "
               "Zeta Motors received a loan from Kappa Bank.")
    assert ("Vestas", "supplies", "Empire Wind") in got
    assert ("Omega Soft", "supplies", "Zeta Mobile") in got
    assert not any(t == "supplies" and a == "Kappa Bank" for a, t, _ in got)


def test_competitors_in_shared_and_elided_clauses():
    got = rels("Zeta competes in the American storage market with Kappa Mobile. "
               "Lambda Steel and Mu Metals, both of which compete with Zeta Materials, declined. "
               "Sigma Power competes with Omega Cells for customers, as does Tau Energy.")
    assert ("Zeta", "competes_with", "Kappa Mobile") in got or \
        ("Kappa Mobile", "competes_with", "Zeta") in got
    for rival in ("Lambda Steel", "Mu Metals"):
        assert (rival, "competes_with", "Zeta Materials") in got
    assert {("Tau Energy", "competes_with", "Omega Cells"),
            ("Omega Cells", "competes_with", "Tau Energy")} & got


def test_heads_from_a_whose_clause_on_a_place_and_a_co_chief_executive():
    got = rels("Assam, whose chief minister is Rana Dutt, added land. "
               "Kappa Mobile co-chief executive Raj Mehta said prices would not rise.")
    assert ("Rana Dutt", "heads", "Assam") in got
    assert ("Raj Mehta", "heads", "Kappa Mobile") in got


def test_side_facts_about_another_firms_plants_but_not_the_leads_project():
    got = rels("Zeta Cells will build a battery plant in Ohio. "
               "Kappa Packaging, which is building a packaging plant in Peoria, is its rival.")
    assert ("Kappa Packaging", "operates_in", "Peoria") in got
    assert ("Zeta Cells", "operates_in", "Ohio") not in got


def test_an_apposed_name_is_what_is_owned_and_a_new_clause_is_no_second_owner():
    got = rels("KDDI offers a text service through Starlink, the satellite network owned by SpaceX, "
               "and SoftBank has agreed to use satellites from OneWeb, the operator controlled by "
               "Eutelsat.")
    assert ("SpaceX", "owns", "Starlink") in got and ("Eutelsat", "owns", "OneWeb") in got
    assert not any(t == "owns" and b in ("KDDI", "SoftBank") for _, t, b in got)
    assert ("SoftBank", "owns", "Starlink") not in got


def test_its_largest_customer_and_the_smelter_after_a_mine():
    got = rels("Panasonic Energy opened its cell plant in De Soto, Kansas, but said output would wait "
               "because demand from Tesla, its largest customer, had slowed.")
    assert ("Panasonic Energy", "supplies", "Tesla") in got
    got = rels("Gresik smelter restarts\n\nFreeport has restarted the Gresik copper smelter in East "
               "Java. The smelter can process concentrate from the Grasberg mine in Central Papua. "
               "Construction of the smelter was led by Chiyoda Corporation, and the flash smelting "
               "furnace was supplied by Metso of Finland.")
    assert ("Metso", "supplies", "Grasberg mine") not in got
    assert any(a == "Metso" and t == "supplies" and "Gresik" in b for a, t, b in got)


def test_a_ministry_of_the_article_country_when_one_clearly_leads():
    got = rels("Indonesia wants more smelters. Indonesia has banned ore exports, and Indonesia taxes "
               "concentrate. The Ministry of Energy and Mineral Resources issues the permits.")
    assert ("Ministry of Energy and Mineral Resources", "part_of", "Indonesia") in got


def test_a_later_full_name_is_not_merged_into_a_two_letter_firm():
    d = draft_of("ADNOC sells gas to BP and to Shell. ADNOC also sells gas to Bharat Petroleum.")
    names = {e.name: e for e in d.entities}
    assert "BP" in names and "Bharat Petroleum" in names
    assert "Bharat Petroleum" not in names["BP"].aliases


def test_an_analyst_notes_signature_a_based_apposition_and_a_share_held():
    got = rels("Note on Zeta\n\nWe keep our rating. We cut our valuation of Kappa Mining, which holds "
               "49% of Zeta Lithium; the rest belongs to Omega Lithium, the Chengdu-based producer.\n\n"
               "Analyst: Liam Hughes, Perth, for Canaccord Genuity.")
    assert ("Liam Hughes", "works_for", "Canaccord Genuity") in got
    assert ("Canaccord Genuity", "operates_in", "Perth") in got
    assert ("Omega Lithium", "located_in", "Chengdu") in got
    assert ("Kappa Mining", "owns", "Zeta Lithium") in got


def test_a_listed_object_stops_where_a_new_clause_starts():
    got = rels("POSCO Future M holds 51% of Ultium CAM and GM holds 49%.")
    assert ("POSCO Future M", "owns", "Ultium CAM") in got
    assert not any(a == "POSCO Future M" and b == "GM" for a, _, b in got)


def test_a_list_then_with_which_x_competes():
    got = rels("The market is dominated by Lonza of Switzerland, Samsung Biologics (삼성바이오로직스) and "
               "WuXi Biologics (药明生物), with which Fujifilm Diosynth is competing for work.")
    for rival in ("Lonza", "Samsung Biologics", "WuXi Biologics"):
        assert ("Fujifilm Diosynth", "competes_with", rival) in got


def test_a_firm_bought_from_its_seller_and_owned_by_shares():
    got = rels("Zeta Defence has agreed to buy the naval shipbuilder Kappa Yards from the Omega family. "
               "The plant is owned 51% by Zeta Defence and 49% by Sigma Arms. "
               "Zeta Cells, a company owned in part by Tau Energy, makes packs.")
    assert ("Zeta Defence", "owns", "Kappa Yards") in got
    assert ("Tau Energy", "owns", "Zeta Cells") in got
    assert not any(t == "owns" and b == "Omega" for _, t, b in got)


def test_goods_bought_from_a_supplier_are_not_an_acquisition():
    got = rels("Zeta Motors bought equipment from Vestas and three plants from Kappa Steel.")
    assert not any(t == "owns" and b in ("Vestas", "Kappa Steel") for _, t, b in got)


def test_x_a_firms_joint_venture_with_another():
    got = rels("The cathode will be shipped to Zeta Cells, Kappa Motors' battery joint venture with "
               "Omega Energy, which makes cells in Ohio.")
    assert ("Kappa Motors", "owns", "Zeta Cells") in got
    assert ("Omega Energy", "owns", "Zeta Cells") in got
