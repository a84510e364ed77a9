"""Stage 4: bilingual names and bracketed acronyms become aliases, never entities."""

from __future__ import annotations

from graph.ingest.bilingual import find_pairs
from ingest_support import draft_of, entity, relations_of


def test_pairs_in_ascii_and_full_width_brackets():
    text = "SoftBank Group (软银集团) met Panasonic Energy（パナソニック エナジー）and Akazawa Ryo（赤泽亮正）."
    pairs = [(text[p.start:p.end], p.alias) for p in find_pairs(text)]
    assert pairs == [("SoftBank Group", "软银集团"), ("Panasonic Energy", "パナソニック エナジー"),
                     ("Akazawa Ryo", "赤泽亮正")]


def test_acronym_in_brackets_needs_matching_initial():
    assert [p.alias for p in find_pairs("European Semiconductor Manufacturing Company (ESMC) grew")] \
        == ["ESMC"]
    assert find_pairs("Profits rose (EBIT) sharply") == []


def test_chinese_name_first_then_latin():
    pairs = find_pairs("分析 软银集团 (SoftBank Group) 的投资")
    assert [(p.alias, p.script) for p in pairs] == [("SoftBank Group", "latin")]


def test_cjk_part_is_an_alias_of_the_same_entity_never_its_own():
    d = draft_of("SoftBank Group (软银集团) and Tencent Holdings（腾讯控股）are firms. "
                 "Later, 软银集团 expanded.")
    sb = entity(d, "SoftBank Group")
    assert "软银集团" in sb.aliases and "腾讯控股" in entity(d, "Tencent Holdings").aliases
    assert not any(e.name in ("软银集团", "腾讯控股") for e in d.entities)
    assert sb.mentions == 2     # the later Chinese-only mention counts for the same entity


def test_person_with_chinese_name_keeps_it_as_alias():
    d = draft_of("High-level talks with US Commerce Secretary Lutnick (卢特尼克) began.")
    assert entity(d, "Lutnick").aliases == ["卢特尼克"] and entity(d, "Lutnick").type == "person"


def test_hyphenated_place_keeps_its_cjk_name_whole():
    d = draft_of("The plant in Saxony-Anhalt (萨克森-安哈尔特州) was approved by Intel.")
    assert entity(d, "Saxony-Anhalt").aliases == ["萨克森-安哈尔特州"]
    assert not any(e.name == "Saxony" for e in d.entities)


def test_known_as_makes_one_entity_even_after_a_headline():
    d = draft_of("Masdar buys Terna Energy\n\nAbu Dhabi Future Energy Company, known as Masdar, "
                 "agreed to buy Terna Energy. Masdar, which is owned by Mubadala Investment "
                 "Company, wants more.")
    assert "Masdar" in entity(d, "Abu Dhabi Future Energy Company").aliases
    assert not any(e.name == "Masdar" for e in d.entities)


def test_a_bracketed_cjk_name_is_never_put_on_a_sector():
    from ingest_support import draft_of
    d = draft_of("It will use Chinese Batteries (中国电池) cells.")
    assert not any("中国电池" in e.aliases for e in d.entities if e.type in ("sector", "technology"))


def test_a_parent_named_by_the_units_first_words_keeps_apart_with_its_own_name():
    from ingest_support import draft_of
    d = draft_of("Zeta Lines ordered ships from KD Zeta Heavy Industries (KD제타중공업) on Monday. "
                 "KD Zeta Heavy Industries, a unit of KD Zeta, will build four ships in Ulsan.")
    unit = next(e for e in d.entities if e.name == "KD Zeta Heavy Industries")
    assert "KD Zeta" not in unit.aliases and "KD제타중공업" in unit.aliases
    assert any(e.name == "KD Zeta" for e in d.entities)


def _cjk_owners(text: str) -> dict[str, str]:
    """CJK label -> the name of the entity that carries it."""
    d = draft_of(text)
    return {a: e.name for e in d.entities for a in e.aliases if any(ord(c) > 0x2E80 for c in a)}


def test_a_cjk_name_goes_to_the_firm_not_to_its_legal_suffix_or_country():
    # each of these put the CJK name on an entity whose name no reader would write
    got = _cjk_owners("Zeta Heavy Co., Ltd. (泽塔重工) announced a contract. The plant will use "
                      "cathode from Lumen Materials of China (流明材料). Chipmaker Kappa Micro (卡帕微) "
                      "said it would expand. Rival Omega Motors (欧米茄汽车) declined to comment.")
    assert got == {"泽塔重工": "Zeta Heavy Co., Ltd.", "流明材料": "Lumen Materials",
                   "卡帕微": "Kappa Micro", "欧米茄汽车": "Omega Motors"}


def test_a_public_body_joined_by_and_keeps_its_cjk_name_and_of_country_stays_in_a_bank_name():
    got = _cjk_owners("It was approved by the National Development and Reform Commission "
                      "(国家发展和改革委员会). The Export-Import Bank of Ruritania (鲁里塔尼亚进出口银行) lends.")
    assert got == {"国家发展和改革委员会": "National Development and Reform Commission",
                   "鲁里塔尼亚进出口银行": "Export-Import Bank of Ruritania"}


def test_a_body_named_the_x_and_y_agency_keeps_its_cjk_name_whole():
    # "The Pharmaceuticals and ... Agency (CJK)" became "Zeta Devices Agency" with the CJK name;
    # two names joined by "and" stay two ("between Samsung and Kappa Agency": no "the" before)
    got = _cjk_owners("The Medicines and Zeta Devices Agency (药品泽塔器械局), MZDA, inspects every "
                      "plant. Approval came from the Food and Drug Safety Agency (식품의약품안전처).")
    assert got == {"药品泽塔器械局": "Medicines and Zeta Devices Agency",
                   "식품의약품안전처": "Food and Drug Safety Agency"}
    d = draft_of("A contract between Samsung and Kappa Agency was signed in Seoul.")
    assert {e.name for e in d.entities} >= {"Samsung", "Kappa Agency"}


def test_a_firm_named_after_its_country_opening_a_sentence_keeps_its_cjk_name():
    # "Korea Eastern Power (CJK)" opening a sentence was drafted as the country alone: the
    # firm and its CJK name were lost
    got = _cjk_owners("Ruritania Eastern Power (鲁里塔尼亚东部电力) will build the plant. "
                      "Japan Kappa Power (日本卡帕电力) will run it.")
    assert got == {"鲁里塔尼亚东部电力": "Ruritania Eastern Power",
                   "日本卡帕电力": "Japan Kappa Power"}


def test_a_parent_named_after_its_unit_in_the_same_sentence_is_not_the_units_short_form():
    # "ZGC Biologics, which is owned by the glassmaker ZGC": ZGC became an alias of the unit
    d = draft_of("In Japan, Zeta Diosynth and ZGC Biologics, which is owned by the glassmaker "
                 "ZGC, compete. Kappa Biologics, owned by the chemicals group Kappa, does too.")
    names = {e.name: e for e in d.entities}
    assert names["ZGC Biologics"].aliases == [] and names["ZGC"].type == "firm"
    assert names["Kappa Biologics"].aliases == [] and "Kappa" in names
    # a later sentence's short form still is the unit
    d = draft_of("ZGC Biologics makes drugs in Ireland. ZGC said it would expand.")
    assert [e.aliases for e in d.entities if e.name == "ZGC Biologics"] == [["ZGC"]]


def test_a_bracket_with_a_cjk_name_and_another_form_keeps_the_cjk_name():
    # a second form after a comma or semicolon inside the bracket lost the CJK name entirely
    got = _cjk_owners("Kappa Motors（卡帕汽车，KM）will build a plant in Ohio. Zeta Cobalt (泽塔钴业, "
                      "Zeta) will supply it. Omega Energy (欧米茄能源; オメガエネルギー) signed the deal.")
    assert got == {"卡帕汽车": "Kappa Motors", "泽塔钴业": "Zeta Cobalt", "欧米茄能源": "Omega Energy"}


def test_names_with_a_sector_word_before_an_ampersand_a_titled_person_of_a_body_and_co_s():
    # "X Shipbuilding & Marine Engineering (CJK)" was lost whole; "Chairman P of X (CJK)" became
    # one firm "Chairman P of X" carrying the CJK name; "Omega Corp.'s X (CJK)" kept the possessive;
    # a listed "Kappa of Japan (CJK)" was a firm "Kappa of Japan"
    got = _cjk_owners("Omicron Shipbuilding & Marine Engineering (欧米克造船) will build it. "
                      "Chairman Lee Kappa of Zeta Holdings (泽塔控股) spoke. "
                      "Omega Corp.'s Vireo Motors (维瑞奥汽车) unit will help. "
                      "Zeta Motors and Kappa of Japan (卡帕) will build it.")
    assert got == {"欧米克造船": "Omicron Shipbuilding & Marine Engineering",
                   "泽塔控股": "Zeta Holdings", "维瑞奥汽车": "Vireo Motors", "卡帕": "Kappa"}
    d = draft_of("Omega Corp. plans a plant. Chairman Lee Kappa of Zeta Holdings spoke.")
    assert entity(d, "Lee Kappa").type == "person"
    assert ("Lee Kappa", "heads", "Zeta Holdings") in relations_of(d)
    assert ("Lee Kappa", "heads", "Omega Corp.") not in relations_of(d)
    d = draft_of("Omega Corp. plans a plant. Chairman Otto Brandt of Munich spoke.")
    assert ("Otto Brandt", "heads", "Munich") not in relations_of(d)     # where he is from


def test_a_latin_form_before_the_cjk_name_in_the_bracket_and_a_verb_before_a_facility_word():
    # "(ZK; CJK)" lost the CJK name; "Omega Corp. said Zeta Port Authority (CJK)" became a
    # project "Omega Corp. said Zeta Port"
    got = _cjk_owners("Zeta Holdings (ZK; 泽塔控股) will build it. "
                      "Omega Corp. said Zeta Port Authority (泽塔港务局) would help.")
    assert got == {"泽塔控股": "Zeta Holdings", "泽塔港务局": "Zeta Port Authority"}


# Invented name shapes and sentence contexts: a bracketed CJK name goes on the entity named just
# before it, whatever surrounds it (a grid, each name in a third of the contexts)
_GRID_NAMES = ["Zeta Cobalt", "Kappa Heavy Industries", "Omicron Motor Co.", "Vireo Electronics Corp.",
               "Lumen & Partners", "Tessar-Ruhr Chemie", "KD Zeta", "ZGC", "Kappa Metal Mining",
               "PT Kappa Tambang", "Omicron Shipbuilding & Marine Engineering", "Kappa Future M",
               "Zeta Development Bank", "Export-Import Bank of Zetania", "National Kappa Commission",
               "Kim Zeta-jun", "Zhang Wei", "Zeta-Anhalt", "Bank Kappa Indonesia", "Korea Zeta Power",
               "China Kappa Group", "Ministry of Trade, Industry and Energy", "KEPCO",
               "Zeta Motors Co., Ltd.", "Kappa E&C", "Zeta Oil Corporation", "PT Zeta Persero"]
_GRID_CONTEXTS = [
    "{N} ({C}) will build a plant in Ohio.", "The deal was signed by {N} ({C}) on Monday.",
    "South Korea's {N} ({C}) said it would invest in Ohio.", "Shares of {N} ({C}) rose 3% in Tokyo.",
    "Omega Corp., a unit of {N} ({C}), makes cells.", "{N} ({C}), a unit of Omega Corp., makes cells.",
    "Led by {N} ({C}), the group will invest $2 billion.", "The loan from {N} ({C}) covers half the cost.",
    "Omega Corp. and {N} ({C}) formed a joint venture.", "According to {N} ({C}), demand is rising.",
    "It will supply cells to Omega Corp., Vireo Motors and {N} ({C}).",
    "Omega Corp. will buy nickel from {N} ({C}), the Indonesian miner.",
    "SEOUL, May 3 — {N} ({C}) will build a plant.", "It was approved by Japan's {N} ({C}).",
    "Omega Corp. (欧米茄), {N} ({C}) and Vireo Motors (维瑞奥) will invest.",
    "Kim Min-jun, chief executive of {N} ({C}), said demand is rising.",
    "Chairman Lee Kappa of {N} ({C}) spoke.", "{N} (ZK; {C}) will build it.",
    "Omega Corp.'s {N} ({C}) plant will open in 2027.", "Omega Corp. hired {N} ({C}).",
    "Its partners include Korea's {N} ({C}), Japan's Vireo Motors and China's Kappa.",
    "The venture, in which {N} ({C}) holds 49%, opened.", "Its parent, {N} ({C}), declined to comment."]


def test_a_bracketed_cjk_name_goes_on_the_name_before_it_in_every_context():
    from graph.ingest.gold import gold_key
    wrong, lost = [], []
    for i, name in enumerate(_GRID_NAMES):
        for j, context in enumerate(_GRID_CONTEXTS):
            if (i + j) % 3:
                continue
            sentence = context.format(N=name, C="泽塔卡帕")
            d = draft_of("Omega Corp. plans a factory.\n\n" + sentence + " Omega Corp. welcomed it.")
            owners = [e for e in d.entities if "泽塔卡帕" in e.aliases]
            if not owners:
                lost.append(sentence)
            wrong += [(sentence, e.name) for e in owners
                      if gold_key(name) not in {gold_key(x) for x in [e.name, *e.aliases]}]
    assert wrong == [] and lost == []


def test_a_short_name_with_its_own_native_name_is_not_the_short_form_of_a_longer_one():
    # "Zeta" after "Zeta Hydrogen" would be its short form, but each came with its own
    # bracketed name: two firms (a parent and its unit), each keeping its own native name
    for text in ("Zeta Hydrogen (泽塔氢能) will supply electrolysers. Zeta (泽塔绿能) is the "
                 "world's largest maker of solar wafers.",
                 "Zeta Hydrogen (제타수소) will supply electrolysers. Zeta (제타그린) makes wafers."):
        d = draft_of("Omega Corp. plans a factory.\n\n" + text)
        natives = {e.name: sorted(a for a in e.aliases if not a.isascii()) for e in d.entities}
        assert natives["Zeta"] != natives["Zeta Hydrogen"]
        assert len(natives["Zeta"]) == len(natives["Zeta Hydrogen"]) == 1
    # without a native name of its own, the short name is still the longer one
    d = draft_of("Omega Corp. plans a factory.\n\nZeta Hydrogen (泽塔氢能) will supply "
                 "electrolysers. Zeta said the order was its largest.")
    assert "Zeta" in entity(d, "Zeta Hydrogen").aliases
    # nor does a name the article gave as another's short form take that one's name
    d = draft_of("Omega Corp. plans a factory.\n\nKappa Corp. (卡帕公司) will build it. "
                 "Kappa (卡帕市), a city of 2 million, welcomed it.")
    owners = {a: e.name for e in d.entities for a in e.aliases if not a.isascii()}
    assert owners["卡帕公司"] != owners["卡帕市"]


def test_known_in_a_place_as_gives_the_firm_another_name_with_its_native_one():
    d = draft_of("Omega Corp. plans a factory.\n\nZeta Electronics, known in China as Kappa (泽塔卡帕), "
                 "will build it. Kappa said so.")
    firm = entity(d, "Zeta Electronics")
    assert "Kappa" in firm.aliases and "泽塔卡帕" in firm.aliases
    assert not any(e.name == "Kappa" for e in d.entities)
