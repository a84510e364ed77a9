"""Relations between actors (graph/ingest/actors.py and the sixth round's cue fixes in verbs.py):
partners named as nouns or as a pair of subjects, money awarded or arranged, permits and
approvals, on invented sentences with fictional names."""

from __future__ import annotations

from ingest_support import draft_of, relations_of


def rels(text: str) -> set[tuple[str, str, str]]:
    return relations_of(draft_of(text))


def drafted(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The draft's entity names and relations: a test that a relation is absent first checks
    that its ends were drafted (else it would pass with nothing found)."""
    d = draft_of(text)
    return {e.name for e in d.entities}, relations_of(d)


def partners(got: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, "partners_with", b) in got or (b, "partners_with", a) in got


def test_partner_nouns():
    got = rels("Cathode for the cells will be supplied by Marlow Metals, which is Orvia Energy's "
               "long-standing partner. The Tessa terminal is owned jointly by Tessaly Oil and its "
               "partner Brenmark Gas. Kelso Grid's main partner, Drava Power, declined to comment.")
    assert partners(got, "Marlow Metals", "Orvia Energy")
    assert partners(got, "Tessaly Oil", "Brenmark Gas")
    assert partners(got, "Kelso Grid", "Drava Power")


def test_a_pair_of_subjects_agreeing_to_build_are_partners():
    got = rels("Norvik Minerals and Halden Magnetics have agreed to build a magnet plant in Texas, "
               "the two companies said on Monday. Ostra Lithium and Kemper Salt form brine venture.")
    assert partners(got, "Norvik Minerals", "Halden Magnetics")
    assert partners(got, "Ostra Lithium", "Kemper Salt")


def test_no_pair_partners_in_a_list_of_objects_or_when_negated():
    got = rels("Vodara Telecom has signed contracts with Nokara Networks, Ellison Systems and "
               "Tervo Radio to build its network. Pella Mining and Quorra Metals have not agreed "
               "to build the smelter. Indra Telecom has chosen Huara Technologies and Ellison "
               "Systems to build its network.")
    assert not any(t == "partners_with" for _, t, _ in got)


def test_award_of_an_amount_in_funding():
    got = rels("The Department of Industry awarded Kappa Memory up to $458 million in direct "
               "funding under the Chips Law.")
    assert ("Department of Industry", "funds", "Kappa Memory") in got


def test_bond_sales_arranged_by_banks_fund_the_issuer():
    got = rels("Lumo Group has lost money on its mobile arm and is raising money through bond "
               "sales arranged by Tessin Securities and Varo Bank.")
    assert ("Tessin Securities", "funds", "Lumo Group") in got
    assert ("Varo Bank", "funds", "Lumo Group") in got


def test_unit_of_after_a_preposition_and_a_venture_of_two_owners():
    got = rels("The agency said the howitzers would be assembled by Korva Works, a unit of the "
               "state-owned Zeltra Group. Ardent Semi, a venture of Orvia Power and Lintel "
               "Electronics, makes chips.")
    assert ("Korva Works", "part_of", "Zeltra Group") in got
    assert ("Orvia Power", "owns", "Ardent Semi") in got
    assert ("Lintel Electronics", "owns", "Ardent Semi") in got


def test_sells_to_a_and_to_b():
    got = rels("Besides Tamsin Motors, Orvia Energy now sells cells to Lucent Motors and to "
               "Kazan Motor Corp, which will use them in cars.")
    assert ("Orvia Energy", "supplies", "Lucent Motors") in got
    assert ("Orvia Energy", "supplies", "Kazan Motor Corp") in got


def test_a_firm_bought_from_its_seller_is_no_supply():
    got = rels("Masdra Energy bought Ruritania's Vero Yield from Brookline Capital last year.")
    assert not any(t == "supplies" for _, t, _ in got)


def test_permits_and_approvals():
    got = rels("Kestrel Copper has restarted its smelter in Gresik, and the Indonesian "
               "government has extended the company's permit to export concentrate. Orvia Mining "
               "won approval from the Ministry of Mines for the expansion.")
    assert ("Indonesia", "regulates", "Kestrel Copper") in got
    assert ("Ministry of Mines", "regulates", "Orvia Mining") in got


def test_an_order_won_from_a_buyer():
    got = rels("Tarsis Marine has won a $300 million order from Kappa Lines for four tankers.")
    assert ("Tarsis Marine", "supplies", "Kappa Lines") in got
    assert ("Kappa Lines", "supplies", "Tarsis Marine") not in got


def test_debt_from_a_consortium_funds_the_borrower():
    got = rels("Vodara Telecom needs cash. The company plans to raise a further 250 billion rupees "
               "of debt from a consortium led by Ruritania State Bank.")
    assert ("Ruritania State Bank", "funds", "Vodara Telecom") in got


def test_memoranda_and_collaborations_are_partnerships():
    got = rels("Zelto Energy signed a memorandum of understanding with Kappa Hydrogen on Monday. "
               "Orvia Labs is collaborating with the Tamsin Institute on batteries.")
    assert partners(got, "Zelto Energy", "Kappa Hydrogen")
    assert partners(got, "Orvia Labs", "Tamsin Institute")


def test_money_spent_on_a_plant_for_a_client_is_no_funding_and_brands_are_no_buyers():
    got = rels("Hollis Precision will spend $900 million on a plant in Jalisco to assemble servers "
               "for Varda Systems. Kessel Motors sells vehicles under the Arvo, Bexley and Corra "
               "brands.")
    assert not any(t == "funds" for _, t, _ in got)
    assert not any(a == "Kessel Motors" and t == "supplies" for a, t, _ in got)


def test_a_possessor_stays_the_object_when_what_it_owns_is_a_place():
    got = rels("Under the memorandum, Ardent Packaging will provide test services for Kappa "
               "Foundry's Arizona output.")
    assert ("Ardent Packaging", "supplies", "Kappa Foundry") in got


def test_a_plural_apposition_before_which_keeps_the_whole_list():
    got = rels("Tarin Capital also owns Halden Foods and Agro Vesta Group, the two largest food "
               "companies in the region, which will buy wheat from Marlow Grain.")
    assert ("Marlow Grain", "supplies", "Halden Foods") in got
    assert ("Marlow Grain", "supplies", "Agro Vesta Group") in got


def test_a_lower_case_word_before_a_cjk_name_that_opens_with_the_name():
    draft = draft_of("KX nova (KX노바) has started building a memory plant in Ohio. The Department "
                     "of Industry awarded KX nova up to $200 million in direct funding.")
    names = {e.name: e for e in draft.entities}
    assert "KX nova" in names and "KX노바" in names["KX nova"].aliases
    assert ("Department of Industry", "funds", "KX nova") in relations_of(draft)


def test_goods_of_a_firm_bought_are_supplied_not_owned():
    got = rels("The plant's main customer will be Varda Systems, which buys most of Kestrel "
               "Memory's high-bandwidth chips for its processors.")
    assert ("Kestrel Memory", "supplies", "Varda Systems") in got
    assert ("Varda Systems", "owns", "Kestrel Memory") not in got


def test_funds_as_a_noun_is_no_funding():
    got = rels("Ardent Packaging, which is building a plant in Peoria with funds from the same "
               "programme, is Kestrel Memory's main rival.")
    assert not any(t == "funds" for _, t, _ in got)


def test_regulators_list_fine_and_certify():
    got = rels("The Department of Defense added Zeta Battery Corp to a list of military companies "
               "in January. The Competition Authority fined Kappa Telecom last year.")
    assert ("Department of Defense", "regulates", "Zeta Battery Corp") in got
    assert ("Competition Authority", "regulates", "Kappa Telecom") in got


def test_a_firm_building_a_plant_as_a_side_fact_operates_there():
    got = rels("Orvia Energy opened its $4 billion cell plant in De Soto, Kansas, on Monday. The "
               "cell plant will employ 4,000 people. The company competes with Halden Energy "
               "Solution, which is building a cylindrical-cell plant in Queen Creek, Arizona.")
    assert ("Halden Energy Solution", "operates_in", "Queen Creek") in got


def test_which_after_a_venture_with_a_partner_is_the_venture():
    got = rels("The cathode will be shipped to Ardent Cells, Kessel Motors' battery joint venture "
               "with Halden Energy, which makes cells in Ohio and Tennessee.")
    assert ("Ardent Cells", "operates_in", "Ohio") in got
    assert ("Ardent Cells", "operates_in", "Tennessee") in got
    assert ("Halden Energy", "operates_in", "Ohio") not in got


def test_state_owned_firms_belong_to_their_country():
    got = rels("The terminal arm of China's state-owned Kappa Shipping Group bought the stake. "
               "The shells will be assembled in Poland by Varda Steel, a unit of the state-owned "
               "Zeltra Defence Group. "
               "The loan came from the state-backed Orvia Development Bank.")
    assert ("China", "owns", "Kappa Shipping Group") in got
    assert ("Poland", "owns", "Zeltra Defence Group") in got
    assert ("Varda Steel", "owns", "Zeltra Defence Group") not in got     # "-owned" is no verb
    assert not any(t == "owns" and b == "Orvia Development Bank" for _, t, b in got)


def test_the_groups_unit_and_a_state_company_under_a_ministry():
    got = rels("Kappa Shipping Group (卡帕航运集团) bought the stake through Kappa Shipping Ports. "
               "Kappa Shipping Lines, the group's container carrier, calls at the port. "
               "The Solar Corporation of Ruritania, a state company under the Ministry of Energy, "
               "will buy the power. Its first customers include Orvia Motors, the group's carmaker.")
    assert ("Kappa Shipping Lines", "part_of", "Kappa Shipping Group") in got
    assert ("Solar Corporation of Ruritania", "part_of", "Ministry of Energy") in got
    assert not any(a == "Orvia Motors" and t == "part_of" for a, t, _ in got)   # no Orvia group named


def test_company_of_belongs_to_and_a_second_owner_after_a_comma():
    got = rels("Varda Future M is the battery materials company of Varda Group, based in Pohang. "
               "The acid goes to Kestrel Fertiliser, a maker that belongs to the state group Orvia "
               "Holdings. Kappa Copper is 51% owned by Zeltra Mining Holding, the state mining "
               "holding, and 49% by Marlow Resources of Chile.")
    assert ("Varda Future M", "part_of", "Varda Group") in got
    assert ("Kestrel Fertiliser", "part_of", "Orvia Holdings") in got
    assert ("Zeltra Mining Holding", "owns", "Kappa Copper") in got
    assert ("Marlow Resources", "owns", "Kappa Copper") in got


def test_company_of_the_group_takes_no_later_name():
    got = rels("Orvia Sons, the holding company of the group, owns Orvia Electronics outright.")
    assert ("Orvia Sons", "part_of", "Orvia Electronics") not in got


def test_co_investors_contractors_and_clients_served():
    got = rels("Lumo Group invested $145 million in Kessel Satellite Inc in 2020 alongside Vanta Telecom "
               "and Tower Holdings. Orvia Pharma also uses Marlow Scientific to fill some pens. "
               "Tessin Biologics will continue to serve other drug makers, including Halden Pharma, "
               "Orvia Pharma's main rival.")
    assert ("Vanta Telecom", "invests_in", "Kessel Satellite Inc") in got
    assert ("Tower Holdings", "invests_in", "Kessel Satellite Inc") in got
    assert ("Marlow Scientific", "supplies", "Orvia Pharma") in got
    assert ("Tessin Biologics", "supplies", "Halden Pharma") in got
    assert ("Tessin Biologics", "supplies", "Orvia Pharma") not in got


def test_no_investment_in_a_co_investor():
    got = rels("Lumo Group invested $145 million in Texas in 2020 alongside Vanta Telecom.")
    assert ("Lumo Group", "invests_in", "Vanta Telecom") not in got


def test_another_unit_of_the_group():
    got = rels("Kappa Group owns Kappa Mobile. Kappa Mobile buys its radio gear from Ardent "
               "Networks and uses software from Kappa Symphony, another unit of the group.")
    assert ("Kappa Symphony", "part_of", "Kappa Group") in got


def test_spectrum_auctioned_to_operators():
    got = rels("The Ministry of Digital Affairs auctioned the 700 MHz band to Kappa Cellular and "
               "Orvia Mobile last year.")
    assert ("Ministry of Digital Affairs", "regulates", "Kappa Cellular") in got
    assert ("Ministry of Digital Affairs", "regulates", "Orvia Mobile") in got


def test_a_headline_pair_that_opens_a_plant_and_a_deal_negotiated_with():
    got = relations_of(draft_of("Varda Future M and Kessel Motors open cathode plant in Quebec\n\n"
                                "The plant employs 200 people. Halden Rotem is negotiating a "
                                "local-assembly deal with Bumar Works."))
    assert partners(got, "Varda Future M", "Kessel Motors")
    assert partners(got, "Halden Rotem", "Bumar Works")
    body = rels("The plant employs 200 people. Varda Future M and Kessel Motors open new offices "
                "in Quebec every year.")
    assert not partners(body, "Varda Future M", "Kessel Motors")       # only a headline says so


def test_a_supply_deal_is_no_partnership():
    got = rels("Kappa Gas signs 14-year LNG deal with Orvia Oil as Gulf suppliers compete.")
    assert not partners(got, "Kappa Gas", "Orvia Oil")


def test_a_joint_venture_with_is_ownership_not_a_partnership_cue():
    got = rels("The company competes with Zeta SDI, whose joint venture with Kessel Motors, Orvia "
               "Energy, makes cells in Kokomo.")
    assert not partners(got, "Zeta SDI", "Orvia Energy")
    assert not partners(got, "Zeta SDI", "Kessel Motors")


def test_a_country_in_a_list_of_sources_is_no_supplier():
    got = rels("Zeta Motors will build a cathode plant in Quebec. Precursor material for the plant "
               "will come from Varda Future M's facilities in Gwangyang, South Korea, and from a "
               "nickel supply agreement with Orvia Canada.")
    assert not any(a == "South Korea" and t == "supplies" for a, t, _ in got)


def test_goods_provided_by_a_firm_are_no_funding():
    names, got = drafted("Bioreactors were supplied by Orvia Life, which is owned by Kessel Holdings, and "
                       "single-use bags were provided by Marlow Plastics of Germany. Loans were provided "
                       "by Tessin Bank to Kessel Holdings.")
    assert {'Marlow Plastics', 'Tessin Bank'} <= names
    assert not any(a == "Marlow Plastics" and t == "funds" for a, t, _ in got)


def test_a_bank_named_after_its_country_in_a_list_of_lenders():
    got = rels("Zeta Telecom will pay for the equipment with a loan from Bank Tarsa and Bank "
               "Kappa Indonesia.")
    assert ("Bank Tarsa", "funds", "Zeta Telecom") in got
    assert ("Bank Kappa Indonesia", "funds", "Zeta Telecom") in got


def test_an_industry_word_inside_a_firms_name_and_its_co_owners():
    draft = draft_of("The plant is run by Kiso Devices Manufacturing (KDM), a Mira subsidiary in "
                     "which Kappa Semiconductor Solutions (卡帕半导体), Tanba (丹波) and Yodo Motor "
                     "Corporation hold minority stakes.")
    assert "Kappa Semiconductor Solutions" in {e.name for e in draft.entities}
    got = relations_of(draft)
    for owner in ("Kappa Semiconductor Solutions", "Tanba", "Yodo Motor Corporation"):
        assert (owner, "owns", "Kiso Devices Manufacturing") in got


def test_an_acronym_with_the_legal_suffix_the_name_left_out():
    got = rels("Kappa Amperex Technology (卡帕新能源) makes cells in Fujian. Orvia Motors, which makes "
               "storage units in Lathrop, buys cells from KATL.")
    assert ("Kappa Amperex Technology", "supplies", "Orvia Motors") in got


def test_a_memorandum_with_the_company_is_with_the_firm_in_question():
    got = rels("Kappa Electronics plans to make chips for power management in Assam. Its first "
               "customers are expected to include Analog Zeta, which signed a memorandum with the "
               "company last year.")
    assert partners(got, "Analog Zeta", "Kappa Electronics")


def test_an_unknown_word_listed_after_a_place_is_a_place():
    draft = draft_of("The plates will be bought from Kessel Steel, which has agreed to supply the "
                     "yard from its mills in Pohang and Varnok.")
    assert {e.name: e.type for e in draft.entities}.get("Varnok") == "location"
    assert ("Kessel Steel", "operates_in", "Varnok") in relations_of(draft)


def test_a_union_or_an_alliance_is_an_organisation():
    draft = draft_of("The Eurasian Trade Union will pay 20% of the cost, and the Vaccine Access "
                     "Alliance will buy the doses from Kappa Biologics.")
    types = {e.name: e.type for e in draft.entities}
    assert types.get("Eurasian Trade Union") == "organization"
    assert types.get("Vaccine Access Alliance") == "organization"


def test_an_economic_development_corporation_is_a_public_agency():
    draft = draft_of("The Ruritania Economic Development Corporation approved $1.7 billion in grants "
                     "for the plant.")
    assert {e.name: e.type for e in draft.entities}.get(
        "Ruritania Economic Development Corporation") == "agency"


def test_armed_forces_are_organisations_and_are_served_not_led():
    draft = draft_of("Kappa Defence has also opened a plant in Geelong, Australia, to build the AS9 "
                     "version for the Ruritanian Army. The contract was awarded by the Sealift "
                     "Command, an agency of the Ruritanian Navy.")
    types = {e.name: e.type for e in draft.entities}
    assert types.get("Ruritanian Army") == "organization"
    assert types.get("Sealift Command") == "agency"
    assert not any(t == "leads" and b == "Ruritanian Army" for _, t, b in relations_of(draft))


def test_analysts_at_a_firm_in_a_city():
    draft = draft_of("Analysts at Varnok Partners in Oslo said the order was large.")
    assert {e.name: e.type for e in draft.entities}.get("Varnok Partners") == "firm"
    assert ("Varnok Partners", "operates_in", "Oslo") in relations_of(draft)


def test_a_former_manager_is_a_person_and_a_party_an_organisation():
    draft = draft_of("Kappa Labs' chief executive left the company at closing and was replaced by "
                     "Dorian Velasquez, a former Kappa manager. The Ruritanian Workers' Party "
                     "opposed the deal, and so did the Green Unity Party.")
    types = {e.name: e.type for e in draft.entities}
    assert types.get("Dorian Velasquez") == "person"
    assert types.get("Green Unity Party") == "organization"


def test_regulators_that_cleared_a_purchase_regulate_the_firm_bought():
    got = rels("Tessin Holdings has completed its $16.5 billion purchase of Kappa Pharma Services, "
               "after the European Commission and the Ruritanian Trade Commission cleared the deal.")
    assert ("European Commission", "regulates", "Kappa Pharma Services") in got
    assert ("Ruritanian Trade Commission", "regulates", "Kappa Pharma Services") in got
    assert not any(a == "European Commission" and b == "Tessin Holdings" and t == "regulates"
                   for a, t, b in got)


def test_a_second_activity_after_and_has_the_same_doer():
    got = rels("The anode will be bought from Kestrel Graphite, which mines in Ruritania and "
               "processes in Vidalia, Louisiana.")
    assert ("Kestrel Graphite", "operates_in", "Vidalia") in got


def test_an_existing_plant_elsewhere_is_where_the_firm_operates():
    got = rels("The grant will support Kappa Chips' investment in two fabs in Taylor, and an "
               "expansion of its existing fab in Austin.")
    assert ("Kappa Chips", "operates_in", "Austin") in got


def test_a_share_of_it_is_a_share_of_the_firm_named_first():
    got = rels("Kappa Biologics was spun off from Kappa Tech Group, which still owns about 13% of it.")
    assert ("Kappa Tech Group", "owns", "Kappa Biologics") in got


def test_state_owned_without_a_country_before_it_is_left_alone():
    got = rels("Varda Works, a unit of the state-owned Zeltra Group, will build a plant in Texas, "
               "United States.")
    assert not any(t == "owns" and b == "Zeltra Group" for _, t, b in got)


def test_hyphenated_state_words_and_the_noun_fund_are_no_verbs():
    got = rels("Orvia Capital, a state-controlled fund, bought Zeta Mining. Kappa Labs, a "
               "state-funded research body, said Varda Bio, a state-controlled drugmaker, would "
               "expand.")
    assert ("Orvia Capital", "funds", "Zeta Mining") not in got
    assert not any(t in ("owns", "funds") and b in ("Varda Bio", "Kappa Labs") for _, t, b in got)


def test_a_supply_agreement_does_not_say_who_sells():
    got = rels("Kappa Motors signed a nickel supply agreement with Orvia Nickel last year.")
    assert ("Kappa Motors", "supplies", "Orvia Nickel") not in got


def test_a_block_of_shares_is_no_regulator_blocking():
    got = rels("The Kappa Investment Authority bought a block of shares in Zeta Mining.")
    assert not any(t == "regulates" for _, t, _ in got)


def test_a_possessors_own_factory_is_no_ownership_verb():
    got = rels("The Solar Power Corporation of Ruritania (SPCR), a state company under the Ministry "
               "of Energy, will buy the power under a 25-year contract. Solar modules will come "
               "from Kappa's own factory in Mundra, run by Mundra Solar Energy Limited, while "
               "inverters will be bought from Varda Power Supply (瓦尔达电源) of China.")
    assert not any(t == "owns" and b == "Mundra Solar Energy Limited" for _, t, b in got)


def test_headquartered_in_a_city_and_its_state_and_a_hyphenated_unit():
    got = rels("Kessel Motors is headquartered in Detroit, Michigan, and sells cars. A $3.2 billion "
               "cell-culture plant in Holly Springs was opened on Thursday by Orvia Biotechnologies, "
               "the contract drug-making unit of Japan's Orvia Holdings.")
    assert ("Kessel Motors", "located_in", "Detroit") in got
    assert ("Kessel Motors", "located_in", "Michigan") not in got
    assert not any(t == "part_of" and a == "cell-culture plant" for a, t, _ in got)
    assert ("Orvia Biotechnologies", "part_of", "Orvia Holdings") in got


def test_a_participle_after_a_comma_is_about_the_name_before_it():
    got = rels("The Varda family remains the majority owner of Varda Trading through Varda Holding "
               "B.V., chaired by Marguerite Varda-Lenz.")
    assert ("Marguerite Varda-Lenz", "heads", "Varda Holding B.V.") in got
    assert ("Marguerite Varda-Lenz", "heads", "Varda Trading") not in got


def test_a_deal_financed_by_a_bank_is_not_the_projects_funding():
    names, got = drafted("Orvia Energy is building the Kappa pumped-storage project in western Ruritania. "
                       "Masdra Power agreed to buy Orvia Energy. The purchase will be financed partly by a "
                       "loan from Tessin Bank, the largest lender in the region.")
    assert {'Tessin Bank', 'Orvia Energy'} <= names
    assert not any(a == "Tessin Bank" and t == "funds" and "project" in b for a, t, b in got)


# review 8 (#14): defects confirmed in the sixth round's actor rules


def test_the_groups_largest_shareholder_is_not_a_unit():
    got = rels("Kelso Group runs ports in Asia. Kelso Trust, the group's largest shareholder, declined "
               "to comment. Kelso Bank, the group's biggest lender, declined too.")
    assert ("Kelso Trust", "part_of", "Kelso Group") not in got
    assert ("Kelso Bank", "part_of", "Kelso Group") not in got
    kept = rels("Kelso Group runs ports in Asia. Kelso Lines, the group's container carrier, grew.")
    assert ("Kelso Lines", "part_of", "Kelso Group") in kept


def test_share_of_it_only_after_a_spin_off():
    got = rels("Orvia Energy bought Kelso Power from Drava Capital, which held 40% of it.")
    assert ("Drava Capital", "owns", "Orvia Energy") not in got
    kept = rels("Kelso Biologics was spun off from Drava Pharma, which still owns about 13% of it.")
    assert ("Drava Pharma", "owns", "Kelso Biologics") in kept


def test_rivals_and_separate_plans_are_not_partners():
    got = rels("Kelso Motors and Drava Chips plan to build new chip plants in Texas, the two rivals said. "
               "Orvia Energy and Marlow Power plan to invest $5 billion each in rival plants. "
               "Tessin Auto and Varo Motors signed partnership agreements with Lumo Systems on Monday.")
    assert not any(t == "partners_with" and {a, b} <= {"Kelso Motors", "Drava Chips", "Orvia Energy",
                                                       "Marlow Power", "Tessin Auto", "Varo Motors"}
                   for a, t, b in got)
    headline = "\n\n25 November 2025\n\nKelso Motors makes cars."
    assert not rels("Kelso Motors and Drava Chips open rival plants" + headline)
    assert partners(rels("Kelso Motors and Drava Chips open battery plant in Ohio" + headline),
                    "Kelso Motors", "Drava Chips")


def test_a_stop_work_order_is_not_a_contract():
    names, got = drafted("Orvia Wind received a stop-work order from the Interior Department in August. "
                       "Kelso Power received a cease-and-desist order from the Federal Trade Commission.")
    assert {'Orvia Wind', 'Interior Department', 'Kelso Power', 'Federal Trade Commission'} <= names
    assert not any(t == "supplies" for _, t, _ in got)


def test_state_owned_country_comes_from_the_owned_firm_not_another_firm():
    got = rels("Britain's Orvia Energy sold its stake in the field to state-owned Kelso Petroleum.")
    assert ("United Kingdom", "owns", "Kelso Petroleum") not in got
    kept = rels("The field in Norway was sold to state-owned Kelso Petroleum.")
    assert ("Norway", "owns", "Kelso Petroleum") in kept


def test_cleared_deal_takes_the_object_of_its_own_clause():
    got = rels("Orvia Energy, which acquired Kelso Power in 2019, said the Federal Trade Commission "
               "blocked the deal to buy Drava Wind.")
    assert not any(a == "Federal Trade Commission" and b == "Kelso Power" for a, _, b in got)
    assert ("Federal Trade Commission", "regulates", "Drava Wind") in got
    assert ("Federal Trade Commission", "owns", "Drava Wind") not in got   # it buys nothing


def test_sales_led_by_a_firm_are_not_bond_sales():
    names, got = drafted("Orvia Energy raised its annual outlook on higher battery sales led by Kelso Motors.")
    assert {'Orvia Energy', 'Kelso Motors'} <= names
    assert ("Kelso Motors", "funds", "Orvia Energy") not in got


def test_buying_a_firms_parent_or_portfolio_is_not_buying_its_goods():
    got = rels("Orvia Energy bought Kelso Power's parent Drava Holdings. "
               "Tessin Grid, which bought Marlow Wind's wind portfolio last year, is expanding.")
    assert ("Kelso Power", "supplies", "Orvia Energy") not in got
    assert ("Marlow Wind", "supplies", "Tessin Grid") not in got
    assert ("Orvia Energy", "owns", "Drava Holdings") in got


def test_a_former_partner_is_not_a_partner():
    names, got = drafted("Drava Capital's former partner Kelso Power declined to comment.")
    assert {'Drava Capital', 'Kelso Power'} <= names
    assert not any(t == "partners_with" for _, t, _ in got)


def test_debt_from_a_purchase_is_not_funding():
    names, got = drafted("Orvia Energy took on debt from its purchase of Kelso Power.")
    assert {'Orvia Energy', 'Kelso Power'} <= names
    assert ("Kelso Power", "funds", "Orvia Energy") not in got


def test_an_attributed_official_does_not_make_a_person():
    from ingest_support import entity
    d = draft_of("Kelso Power, a former state official said, will build a plant.")
    assert entity(d, "Kelso Power").type != "person"


def test_union_alone_does_not_make_an_organization_public():
    from ingest_support import entity
    d = draft_of("Western Union said it would cut jobs. The European Union said it would respond.")
    assert entity(d, "Western Union").type != "organization"
    assert entity(d, "European Union").type in ("organization", "government")
