"""Bracketed native names on generated sentences (helper cjk11, issue #14).

A grid of name shapes x contexts x follow-up sentences (generator kept outside the repository)
checked that every native name lands on the entity it follows, and on no other. Each test
below is one generated sentence of a fault the grid found, with its neighbours.
"""

from __future__ import annotations

from ingest_support import draft_of


def holders(draft, native: str) -> list[str]:
    """The names of the entities that carry ``native`` (as alias or name)."""
    return [e.name for e in draft.entities if native in e.aliases or e.name == native]


def test_a_short_form_repeating_the_native_name_is_the_entity_that_holds_it():
    text = ("Title\n\nZeta Energy Solution (제타에너지솔루션) will build a plant in Ohio. "
            "Later, Zeta Energy (제타에너지솔루션) raised its forecast.")
    assert holders(draft_of(text), "제타에너지솔루션") == ["Zeta Energy Solution"]
    # the same short form opens another firm's name: the native name decides, not the short form
    text = ("Title\n\nKappa Logistics and Kappa Group (卡帕集团) signed the deal. "
            "Later, Kappa (卡帕集团) raised its forecast.")
    d = draft_of(text)
    assert holders(d, "卡帕集团") == ["Kappa Group"]
    assert "Kappa" not in [e.name for e in d.entities]
    # a short form with a native name of its own stays its own entity
    text = "Title\n\nZeta Group (泽塔集团) owns a plant. Later, Zeta (泽塔绿能) raised its forecast."
    d = draft_of(text)
    assert holders(d, "泽塔集团") == ["Zeta Group"] and holders(d, "泽塔绿能") == ["Zeta"]


def test_a_stock_ticker_in_or_before_the_bracket_leaves_the_native_name_on_the_firm():
    for bracket in ("(600519.SS; 卡帕半導體製造公司)", "(KRX: 005930, 卡帕半導體製造公司)",
                    "(NYSE: ZTK) (卡帕半導體製造公司)", "(卡帕半導體製造公司, 6758.T)"):
        text = (f"Title\n\nKappa Semiconductor Manufacturing Co. {bracket} will build a plant. "
                "Later, Kappa Semiconductor (卡帕半導體製造公司) raised its forecast.")
        assert holders(draft_of(text), "卡帕半導體製造公司") == ["Kappa Semiconductor Manufacturing Co."], bracket


def test_a_name_in_quotes_keeps_the_native_name_bracketed_after_the_quotes():
    for quoted in ('"Zeta Energy Solution"', "“Zeta Energy Solution”"):
        text = (f"Title\n\nOmega Corp. signed with {quoted} (제타에너지솔루션) on Monday. "
                "Later, Zeta Energy (제타에너지솔루션) raised its forecast.")
        assert holders(draft_of(text), "제타에너지솔루션") == ["Zeta Energy Solution"], quoted


def test_a_short_name_with_its_own_native_name_before_a_longer_one_stays_apart():
    # the short name comes first: it is not renamed to the longer one the article names later
    for text in ("Title\n\nZeta (泽塔绿能) and Zeta Group (泽塔集团) signed the deal.",
                 "Title\n\nZeta (泽塔绿能) signed it. Later, Zeta Group (泽塔集团) said Zeta (泽塔绿能) would pay."):
        d = draft_of(text)
        assert holders(d, "泽塔绿能") == ["Zeta"] and holders(d, "泽塔集团") == ["Zeta Group"], text
    # a short name without a native name of its own is still the longer one
    d = draft_of("Title\n\nZeta said it would pay. Zeta Group (泽塔集团) signed the deal.")
    assert [e.name for e in d.entities if e.name.startswith("Zeta")] == ["Zeta Group"]


def test_cjk_names_before_their_latin_names_keep_a_short_and_a_long_name_apart():
    d = draft_of("Title\n\n泽塔绿能 (Zeta) and 泽塔集团 (Zeta Group) signed it. Zeta Group (泽塔集团) will hire 500 people.")
    assert holders(d, "泽塔绿能") == ["Zeta"] and holders(d, "泽塔集团") == ["Zeta Group"]
    # the CJK name first, its short Latin form later with the same CJK name: one entity
    d = draft_of("Title\n\n제타에너지솔루션 (Zeta Energy Solution) and 제타퓨처엠 (Zeta Future M) signed it. "
                 "Later, Zeta Energy (제타에너지솔루션) raised its forecast.")
    assert holders(d, "제타에너지솔루션") == ["Zeta Energy Solution"] and holders(d, "제타퓨처엠") == ["Zeta Future M"]


def test_a_native_name_given_to_one_body_is_not_given_to_a_second():
    # "Kappa" later is read as the chairman's surname: the firm's native name stays the firm's alone
    text = ("Title\n\nKappa Group (卡帕集团) Chairman Lee Kappa said demand is rising. "
            "Later, Kappa (卡帕集团) raised its forecast.")
    d = draft_of(text)
    assert holders(d, "卡帕集团") == ["Kappa Group"]
    # a native name that first went to no alias (a sector word) still goes to the body later
    text = ("Title\n\nKappa Group（卡帕集团）和Kappa Battery（卡帕电池）signed it. "
            "Kappa Battery (卡帕电池) will hire 500 people.")
    assert holders(draft_of(text), "卡帕电池") == ["Kappa Battery"]


def test_a_native_name_in_quotes_or_with_its_language_named_is_the_bare_native_name():
    for bracket in ("(“제타에너지솔루션”)", '("제타에너지솔루션")', "(제타에너지솔루션 in Korean)"):
        text = (f"Title\n\nZeta Energy Solution {bracket} will build a plant. "
                "Later, Zeta Energy (제타에너지솔루션) raised its forecast.")
        d = draft_of(text)
        assert holders(d, "제타에너지솔루션") == ["Zeta Energy Solution"], bracket
        assert [a for e in d.entities for a in e.aliases if "Korean" in a or "“" in a] == [], bracket


def test_a_body_native_name_after_a_part_of_a_persons_name_is_not_the_persons():
    text = ("Title\n\nKappa Holdings Chairman Lee Kappa (이카파) said demand is rising. "
            "Later, Kappa (カッパホールディングス) raised its forecast.")
    d = draft_of(text)
    assert holders(d, "이카파") == ["Lee Kappa"]
    assert "Lee Kappa" not in holders(d, "カッパホールディングス")
    # a person's own native name after the surname alone is still the person's
    text = "Title\n\nKappa Holdings Chairman Lee Kappa said demand is rising. Later, Kappa (이카파) left."
    assert holders(draft_of(text), "이카파") == ["Lee Kappa"]


def test_a_korean_name_with_latin_letters_first_in_a_two_name_bracket_is_kept():
    for bracket in ("(SK제톤, SK泽通)", "(SK제톤; SK泽通)"):
        d = draft_of(f"Title\n\nSK Zeton {bracket} will build a plant.")
        assert holders(d, "SK제톤") == ["SK Zeton"], bracket
        assert holders(d, "SK泽通") == [], bracket


def test_a_persons_native_name_after_body_title_person_is_the_persons():
    cases = {"Bank of Kappa Governor Rhee Chang-yong (이창용) said rates would hold.":
             ("Bank of Kappa", "Rhee Chang-yong", "이창용"),
             "Kappa Development Bank Chairman Kang Seok-hoon (강석훈) signed it.":
             ("Kappa Development Bank", "Kang Seok-hoon", "강석훈"),
             "Ministry of Trade Minister Ahn Duk-geun (안덕근) said it.":
             ("Ministry of Trade", "Ahn Duk-geun", "안덕근")}
    for text, (body, person, native) in cases.items():
        d = draft_of("Title\n\n" + text)
        assert holders(d, native) == [person], text
        assert body in {e.name for e in d.entities}, text
