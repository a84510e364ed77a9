"""Reading errors found on the lead's invented articles of round 8 (loans, officers' titles).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

from ingest_support import draft_of, drafted_with, entity, relations_of



LOAN = ("Kappa Solar secures $1.2 billion for Chilean plant\n\n"
        "SANTIAGO, March 3 - Kappa Solar has closed a $1.2 billion loan for its polysilicon plant in "
        "Antofagasta, the company said on Tuesday.\n\n"
        "The loan was arranged by Banco Santander and guaranteed by Euler Hermes, the German "
        "export-credit agency. The financing was underwritten by Mizuho Bank and Standard Chartered.")


def test_the_loan_arranged_and_guaranteed_by_lenders_funds_the_borrower_named_before():
    rels = relations_of(drafted_with(LOAN, "Kappa Solar", "Banco Santander", "Euler Hermes"))
    assert ("Banco Santander", "funds", "Kappa Solar") in rels
    assert ("Euler Hermes", "funds", "Kappa Solar") in rels
    assert ("Mizuho Bank", "funds", "Kappa Solar") in rels and ("Standard Chartered", "funds", "Kappa Solar") in rels
    # the second lender backs what the first arranged, not the first lender
    assert ("Euler Hermes", "funds", "Banco Santander") not in rels


def test_a_meeting_arranged_by_a_firm_is_no_funding():
    text = ("Kappa Solar meets suppliers\n\nKappa Solar held talks in Lima. "
            "The meeting was arranged by Banco Santander.")
    rels = relations_of(drafted_with(text, "Kappa Solar", "Banco Santander"))
    assert not any(t == "funds" for _, t, _ in rels)


def test_the_banks_leading_a_lender_group_fund_the_project():
    text = ("Zeta Wind finances Baltic Star\n\nZeta Wind is building the Baltic Star offshore wind farm "
            "off Poland. Baltic Star is financed by a group of 20 banks led by DBS Bank of Singapore and "
            "Sigma Bank.")
    d = drafted_with(text, "DBS Bank", "Sigma Bank")
    rels = relations_of(d)
    project = next(b for a, t, b in rels if a == "DBS Bank" and t == "funds")
    assert ("Sigma Bank", "funds", project) in rels
    assert not any(a in ("DBS Bank", "Sigma Bank") and t == "leads" for a, t, _ in rels)


def test_its_output_belongs_to_the_subject_of_the_sentence_not_to_the_firm_named_before():
    text = ("Kappa Solar signs offtake\n\nZeta Capital, a fund of Temasek, took a 20% stake in the project. "
            "Kappa Solar will buy quartz from Omega Minerals under a ten-year contract, and its output "
            "will go to Sigma Modules, which makes panels in Arizona.")
    rels = relations_of(drafted_with(text, "Kappa Solar", "Zeta Capital", "Sigma Modules"))
    assert ("Kappa Solar", "supplies", "Sigma Modules") in rels
    assert ("Zeta Capital", "supplies", "Sigma Modules") not in rels


def test_chief_officers_and_vice_presidents_work_for_their_firm():
    text = ("Kappa Solar wins\n\n"
            '"This is big," said Ana Torres, chief financial officer of Kappa Solar. '
            "Lars Berg, the chief operating officer of Zeta Steel, said output rose. "
            "Omega Mining's chief financial officer, Maria Lopez, said so. "
            "Ruth Lee, vice president of sales at Beta Chips, said demand rose.")
    rels = relations_of(drafted_with(text, "Ana Torres", "Lars Berg", "Maria Lopez", "Ruth Lee"))
    for person, body in (("Ana Torres", "Kappa Solar"), ("Lars Berg", "Zeta Steel"),
                         ("Maria Lopez", "Omega Mining"), ("Ruth Lee", "Beta Chips")):
        assert (person, "works_for", body) in rels
        assert (person, "heads", body) not in rels


def test_a_police_officer_works_for_no_body_named_police():
    d = draft_of("Title\n\nPolice officer John Smith was there when Kappa Solar opened the plant.")
    assert not any(t == "works_for" for _, t, _ in relations_of(d))


def test_a_short_given_name_makes_a_person_after_a_possessive_role():
    text = ("Sigma Bank cuts trade finance\n\nSigma Bank's head of trade finance, Tom Reed, "
            "declined to comment.")
    d = drafted_with(text, "Sigma Bank", "Tom Reed")
    assert entity(d, "Tom Reed").type == "person"
    assert ("Tom Reed", "works_for", "Sigma Bank") in relations_of(d)
