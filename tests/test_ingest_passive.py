"""Passive-voice sentences (invented): who acts on what, and what is no entity."""

from __future__ import annotations

from ingest_support import draft_of, relations_of

ARTICLE = ("Zeta ammonia plant to be financed by European lenders\n\n"
           "A green ammonia plant at Port Kappa is to be built by Zeta Hydrogen, it was announced on Tuesday. "
           "The plant will be financed by the Omega Investment Bank and the Sigma Bank for Reconstruction, "
           "and a grant of 30 million euros will be provided by the Delta Commission. "
           "The output has been bought by Rho Trading under a ten-year contract.")


def test_a_regional_adjective_after_by_is_no_entity():
    d = draft_of(ARTICLE)
    assert not any(e.name == "European" for e in d.entities)
    assert any(e.name == "Omega Investment Bank" for e in d.entities)


def test_a_grant_in_the_next_clause_goes_to_the_project_not_the_lender_before_it():
    rels = relations_of(draft_of(ARTICLE))
    assert ("Sigma Bank for Reconstruction", "funds", "Port Kappa plant") in rels
    assert ("Delta Commission", "funds", "Port Kappa plant") in rels
    assert not any(r[0] == "Delta Commission" and r[2] == "Sigma Bank for Reconstruction" for r in rels)


def test_output_bought_by_a_trader_is_a_sale_not_a_stake():
    rels = relations_of(draft_of(ARTICLE))
    assert ("Port Kappa plant", "supplies", "Rho Trading") in rels
    assert ("Rho Trading", "owns", "Port Kappa plant") not in rels


def test_goods_shipped_to_a_country_and_a_grant_provided_by_a_body_are_no_supply():
    d = draft_of(ARTICLE + " Electrolysers will be supplied by Tau Energy, and the ammonia will be "
                 "shipped to Germany by Phi Shipping.")
    rels = relations_of(d)
    assert ("Tau Energy", "supplies", "Port Kappa plant") in rels
    assert {"Germany", "Phi Shipping", "Delta Commission"} <= {e.name for e in d.entities}
    assert not any(r[1] == "supplies" and r[2] == "Germany" for r in rels)
    assert ("Delta Commission", "supplies", "Port Kappa plant") not in rels


def test_an_unnamed_agent_after_by_lends_its_role_to_no_later_place():
    d = draft_of("Zeta Packs, which is owned by a Danish fund and makes packs in Texas, said so.")
    rels = relations_of(d)
    assert ("Zeta Packs", "operates_in", "Texas") in rels
    assert not any(r[0] == "Texas" for r in rels)
