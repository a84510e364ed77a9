"""Constructions of Q&A explainers, wire copy and company profiles (invented sentences)."""

from __future__ import annotations

from ingest_support import draft_of, relations_of

OPENING = "Kappa Memory Corp will build a memory fab in Omura, Japan.\n\n"


def test_money_provided_is_funding_not_supply():
    d = draft_of(OPENING + "The Development Bank of Japan will lend 40 billion yen. "
                 "Tau Bank and Phi Bank will provide a further 30 billion yen.")
    rels = relations_of(d)
    assert {"Tau Bank", "Phi Bank", "Omura fab"} <= {e.name for e in d.entities}
    assert not any(r[1] == "supplies" and r[0] in ("Tau Bank", "Phi Bank") for r in rels)


def test_an_award_of_a_subsidy_in_a_written_currency_after_a_dateline():
    d = draft_of("TOKYO, June 4 (Wire) - Japan's industry ministry on Tuesday awarded Kappa Memory Corp "
                 "(卡帕存储) a subsidy of up to 92 billion yen for a memory fab in Omura.")
    rels = relations_of(d)
    assert ("Japan's industry ministry", "funds", "Kappa Memory Corp") in rels
    assert not any(r[1] == "funds" and r[0] in ("TOKYO", "Tokyo") for r in rels)


def test_a_site_sold_to_a_firm_is_no_supply():
    d = draft_of(OPENING + "The site was sold to Kappa Memory by the Nagasaki prefectural government "
                 "last year.")
    rels = relations_of(d)
    assert {"Kappa Memory Corp", "Omura fab"} <= {e.name for e in d.entities}
    assert not any(r[1] == "supplies" and r[2] == "Kappa Memory Corp" for r in rels)


def test_a_qa_label_and_headline_make_no_entities():
    d = draft_of("Q&A: What the fab means for Japan\n\n" + OPENING + "Q: Who supplies the equipment?\n"
                 "A: Lithography tools will come from Omega Optics.")
    names = {e.name for e in d.entities}
    assert "Omega Optics" in names and not names & {"Q&A", "Lithography"}


def test_its_role_is_p_and_p_is_its_role_make_p_head_the_firm():
    for sentence in ("Its chief executive is Park Ji-hoon.", "Park Ji-hoon is its chief executive.",
                     "The company's chief executive is Park Ji-hoon.",
                     "Park Ji-hoon, its chief executive, said so."):
        assert ("Park Ji-hoon", "heads", "Kappa Memory Corp") in relations_of(draft_of(OPENING + sentence)), \
            sentence


def test_a_profile_keeps_its_firm_after_naming_its_chief():
    rels = relations_of(draft_of(OPENING + "Kappa Memory is a Seoul-based chipmaker. Its chief executive "
                                 "is Park Ji-hoon. The company competes with Sigma Micro and with Rho "
                                 "Semiconductor in memory chips."))
    assert ("Kappa Memory Corp", "located_in", "Seoul") in rels
    assert ("Kappa Memory Corp", "competes_with", "Sigma Micro") in rels
    assert ("Kappa Memory Corp", "competes_with", "Rho Semiconductor") in rels


RELEASE = ("SANTOS, Brazil, 12 March 2026 -- Kappa Agri Holdings (\"Kappa Agri\"), the agricultural arm of "
           "Saudi Arabia's Public Investment Fund, and Zeta Foods S.A. today announced an agreement to build "
           "a grain export terminal at the Port of Santos.\n\n"
           "Under the agreement, Kappa Agri will own 60% of the terminal and Zeta Foods the remaining 40%. "
           "The project was approved by Brazil's port regulator, Antaq, in January.\n\n"
           "About Kappa Agri\nKappa Agri Holdings is a wholly owned subsidiary of the Public Investment Fund.")


def test_a_press_release_defines_a_short_name_in_quotes():
    d = draft_of(RELEASE)
    names = [e.name for e in d.entities]
    assert "Kappa Agri Holdings" in names and "Kappa Agri" not in names
    assert "Kappa Agri" in next(e for e in d.entities if e.name == "Kappa Agri Holdings").aliases


def test_shares_with_the_second_holders_verb_left_out_and_a_wholly_owned_subsidiary():
    rels = relations_of(draft_of(RELEASE))
    assert ("Kappa Agri Holdings", "owns", "Port of Santos terminal") in rels
    assert ("Zeta Foods S.A.", "owns", "Port of Santos terminal") in rels
    assert ("Kappa Agri Holdings", "owns", "Zeta Foods S.A.") not in rels
    assert ("Public Investment Fund", "owns", "Kappa Agri Holdings") in rels
    assert ("Kappa Agri Holdings", "owns", "Public Investment Fund") not in rels


def test_a_regulator_named_after_its_countrys_description_is_the_agency_that_acts():
    d = draft_of(RELEASE)
    rels = relations_of(d)
    assert next(e for e in d.entities if e.name == "Antaq").type == "agency"
    assert ("Antaq", "regulates", "Port of Santos terminal") in rels
    assert ("Brazil", "regulates", "Port of Santos terminal") not in rels


NOTE = ("Kappa Defense will build a plant in Brasov.\n\n"
        "Romania's defence ministry has ordered 54 howitzers from Kappa Defense. The Export-Import Bank "
        "of Korea will lend 700 million euros to Romania, guaranteed by the Korea Trade Insurance "
        "Corporation (K-SURE). Barrels are made by Sigma Forge in Busan. Kappa Defense's parent, the "
        "Kappa Group, supplies the steel. Omega Wehrtechnik had offered to build the guns in Romania with "
        "local partner Tau Industrial. Its rival, Zeta Arms, which is controlled by Maria Kappa and runs "
        "plants in Hungary, Slovakia, and in Aragon, Spain, and Poland's Lambda, lost too.")


def test_ends_the_schema_now_allows_a_lender_funds_a_country_a_ministry_buys_a_firm_operates_in_one():
    rels = relations_of(draft_of(NOTE))
    assert ("Kappa Defense", "supplies", "Romania's defence ministry") in rels
    assert ("Export-Import Bank of Korea", "funds", "Romania") in rels
    for place in ("Hungary", "Slovakia", "Aragon", "Spain"):
        assert ("Zeta Arms", "operates_in", place) in rels, place
    assert ("Zeta Arms", "operates_in", "Poland") not in rels          # "Poland's Lambda"
    assert not any(r[1] == "operates_in" and r[0] == "Omega Wehrtechnik" for r in rels)


def test_a_parent_a_local_partner_a_hyphenated_acronym_and_made_by():
    d = draft_of(NOTE)
    rels = relations_of(d)
    assert ("Kappa Group", "owns", "Kappa Defense") in rels
    assert ("Tau Industrial", "partners_with", "Omega Wehrtechnik") in rels
    assert ("Sigma Forge", "supplies", "Brasov plant") in rels
    insurer = next(e for e in d.entities if e.name == "Korea Trade Insurance Corporation")
    assert "K-SURE" in insurer.aliases and not any(e.name == "SURE" for e in d.entities)


FEATURE = ("KUALA LUMPUR — When Kappa Nasional Berhad, the state-owned company that runs Malaysia's 5G "
           "network, picked Zetacom of Sweden over China's Omega Technologies to supply radio equipment in "
           "2021, officials in Beijing complained.\n\n"
           "Three years later, Kappa Nasional has signed a second contract, worth 2.1 billion ringgit, under "
           "which Omega Technologies and Zetacom will each supply half of the equipment for a second network "
           "to be run by a consortium led by Sigma Mobile and Tau Telecom. The Malaysian Communications and "
           "Multimedia Commission (MCMC) said it would review the deal.")


def test_a_supplier_picked_over_a_rival_and_suppliers_under_a_contract():
    rels = relations_of(draft_of(FEATURE))
    assert ("Zetacom", "supplies", "Kappa Nasional Berhad") in rels
    assert ("Omega Technologies", "supplies", "Kappa Nasional Berhad") in rels
    assert not any(r[0] == "Kappa Nasional Berhad" and r[1] == "supplies" for r in rels)
    assert not any(r[2] == "KUALA LUMPUR" or r[0] == "KUALA LUMPUR" for r in rels)
    # a consortium led by two firms: they lead the consortium, not the suppliers named before it
    assert not any({r[0], r[2]} == {"Sigma Mobile", "Zetacom"} and r[1] in ("leads", "related_to")
                   for r in rels)


def test_a_demonym_opens_a_public_bodys_name_across_and():
    d = draft_of(FEATURE)
    body = next(e for e in d.entities if "Multimedia Commission" in e.name)
    assert body.type == "agency" and "MCMC" in body.aliases
    assert "Malaysian Communications and Multimedia Commission" in [body.name, *body.aliases]
    assert not any(e.name == "Malaysian Communications" for e in d.entities)


def test_the_demonym_firm_is_the_firm_the_text_is_about_but_the_rival_firm_is_not():
    rels = relations_of(draft_of("Kappa Electric makes trains. It said so.\n\nThe Japanese firm supplies "
                                 "trains to Zeta High Speed Rail and last year won a signalling order from "
                                 "Omega Rail Corporation. The rival firm supplies Tau Metro."))
    assert ("Kappa Electric", "supplies", "Zeta High Speed Rail") in rels
    assert ("Kappa Electric", "supplies", "Omega Rail Corporation") in rels
    assert ("Kappa Electric", "supplies", "Tau Metro") not in rels
