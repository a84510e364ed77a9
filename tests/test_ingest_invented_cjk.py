"""Bracketed Chinese, Japanese and Korean names on invented articles (helper cjk10, issue #14).

Each test quotes the invented sentence it was found on (articles kept outside the repository):
the native name must land on the entity it follows, whole, and nowhere else.
"""

from __future__ import annotations

from ingest_support import draft_of, relations_of


def named(draft) -> dict[str, list[str]]:
    """Entity name -> its aliases, for readable assertions."""
    return {e.name: list(e.aliases) for e in draft.entities}


def test_a_legal_form_after_co_and_a_comma_ends_the_name_not_a_firm_of_its_own():
    d = named(draft_of("Title\n\nThe electrolyte will come from Kyowa Chemical Industry Co., Ltd. "
                       "(協和化学工業株式会社), a materials maker based in Osaka."))
    assert d["Kyowa Chemical Industry Co., Ltd."] == ["協和化学工業株式会社"]
    assert "Ltd." not in d
    d = named(draft_of("Title\n\nKappa Motor Co., Ltd. signed a deal with Zeta Corp."))
    assert {"Kappa Motor Co., Ltd.", "Zeta Corp."} <= set(d) and "Ltd." not in d


def test_a_native_name_with_or_without_its_legal_form_is_one_firm():
    text = ("Title\n\nSEOUL, Sept 9 - Korea's Hanwa Cell (한화셀) will build a $1.4 billion cathode plant "
            "in Georgia. Hanwa Cell Co., Ltd. (주식회사 한화셀) is a unit of Hanwa Holdings (한화홀딩스).")
    d = named(draft_of(text))
    assert {"한화셀", "주식회사 한화셀"} <= set(d["Hanwa Cell"])
    assert "Hanwa Cell Co., Ltd." not in d and d["Hanwa Holdings"] == ["한화홀딩스"]
    text = ("Title\n\nTOKYO, June 18 - Sakura Cell Corporation (株式会社さくらセル), a Japanese battery start-up, "
            "has agreed to supply cells to Hanwa Motors. Sakura Cell (さくらセル) is backed by the "
            "Development Bank of Japan (日本政策投資銀行).")
    d = named(draft_of(text))
    assert {"株式会社さくらセル", "さくらセル"} <= set(d["Sakura Cell Corporation"]) and "Sakura Cell" not in d
    # two names each with a native name of its own stay two
    d = named(draft_of("Title\n\nZeta Group (泽塔集团) owns a plant. Zeta (泽塔绿能) builds it."))
    assert d["Zeta Group"] == ["泽塔集团"] and d["Zeta"] == ["泽塔绿能"]


def test_a_native_name_after_a_name_joined_by_and_goes_to_the_whole_name():
    text = ("Title\n\nIndustrial and Commercial Bank of China (中国工商银行) and Sinosure finance the carriers. "
            "The builder is China Harbour Road and Bridge Corporation (中国港湾路桥公司), a unit of Zhonggang "
            "Construction Group (中港建设集团). The Nantong Economic and Technological Development Zone "
            "(南通经济技术开发区) will provide land. Japan Bank for International Cooperation (JBIC) and Nippon "
            "Export and Investment Insurance (NEXI) will support the financing.")
    d = named(draft_of(text))
    assert d["Industrial and Commercial Bank of China"] == ["中国工商银行"]
    assert d["China Harbour Road and Bridge Corporation"] == ["中国港湾路桥公司"]
    assert d["Nantong Economic and Technological Development Zone"] == ["南通经济技术开发区"]
    assert d["Nippon Export and Investment Insurance"] == ["NEXI"]
    assert not {"Industrial", "Commercial Bank of China", "Bridge Corporation", "China Harbour Road",
                "Technological Development Zone", "Investment Insurance"} & set(d)
    # two firms listed, only the second with its native name, stay two
    text = ("Title\n\nThe yard competes with Samsung Heavy Industries and HD Hyundai Heavy Industries "
            "(HD현대중공업). It also competes with Tokyo Electron and Kokusai Electric (国際電気). Toyota Tsusho "
            "and General Motors (通用汽车) signed. Rivals are Tokyo Electron and Applied Materials (AMAT).")
    d = named(draft_of(text))
    assert d["HD Hyundai Heavy Industries"] == ["HD현대중공업"] and d["Kokusai Electric"] == ["国際電気"]
    assert d["General Motors"] == ["通用汽车"] and d["Applied Materials"] == ["AMAT"]
    assert {"Samsung Heavy Industries", "Tokyo Electron", "Toyota Tsusho"} <= set(d)


def test_a_native_name_after_a_ranked_title_and_a_person_goes_to_the_person_alone():
    text = ("Title\n\nDirector Yuko Tanaka (田中優子) of the Ministry of Economy, Trade and Industry (METI, "
            "経済産業省) said the deal would secure copper. Managing Director Choi Young-soo (최영수) of Daesung "
            "Electric said the order was its largest. Vice Chairman Kim Dong-won (김동원) said the plant would "
            "employ 900 people.")
    d = draft_of(text)
    got = {e.name: (e.type, list(e.aliases)) for e in d.entities}
    assert got["Yuko Tanaka"] == ("person", ["田中優子"])
    assert got["Choi Young-soo"] == ("person", ["최영수"])
    assert got["Kim Dong-won"] == ("person", ["김동원"])
    assert not {"Director Yuko Tanaka", "Managing Director Choi Young-soo", "Vice"} & set(got)
    assert ("Yuko Tanaka", "works_for", "Ministry of Economy, Trade and Industry") in relations_of(d)


def test_a_short_native_name_that_opens_the_long_one_is_the_same_firm():
    text = ("Title\n\nHSINCHU, April 22 - Taiwan's Lianhua Semiconductor Manufacturing Corporation "
            "(聯華半導體製造公司, LSMC) will build an advanced packaging plant in Phoenix, Arizona. LSMC "
            "(聯華半導體) said the plant would package chips for Nvidia.")
    d = named(draft_of(text))
    assert {"聯華半導體製造公司", "LSMC", "聯華半導體"} <= set(d["Lianhua Semiconductor Manufacturing Corporation"])
    assert "LSMC" not in d
    text = ("Title\n\nJAKARTA, Feb 11 - PT Sinar Nikel Indonesia is a joint venture of Jinlong Nickel Cobalt "
            "(金龙镍钴) and Antam. Jinlong (金龙) competes with Huayou Cobalt (华友钴业).")
    d = named(draft_of(text))
    assert {"金龙镍钴", "金龙"} <= set(d["Jinlong Nickel Cobalt"]) and "Jinlong" not in d
    text = ("Title\n\nHoshino & Co. (星野商事), the Tokyo-based trading house, will invest $300 million. "
            "Hoshino & Co., Ltd. (星野商事株式会社) will take 30% of the project.")
    d = named(draft_of(text))
    assert d["Hoshino & Co."] == ["星野商事", "Hoshino & Co., Ltd.", "星野商事株式会社"]
    # natives that only share a word name two bodies; a short form of two names stays apart
    text = ("Title\n\nHuaguang Holdings (华光控股) owns Huaguang New Energy (华光新能源). Huaguang Energy "
            "(华光能源) said it was fine. Hanwa Motors (한와모터스) is a unit of Hanwa Group (한와그룹). "
            "Hanwa (한와) said it would buy cells.")
    d = named(draft_of(text))
    assert (d["Huaguang New Energy"], d["Huaguang Energy"]) == (["华光新能源"], ["华光能源"])
    assert (d["Hanwa Motors"], d["Hanwa Group"]) == (["한와모터스"], ["한와그룹"])


def test_a_native_name_before_the_english_one_is_an_alias_of_the_name_filling_the_bracket():
    text = ("Title\n\nSANTIAGO, May 7 - 华锂科技 (Hualith Technology), a lithium refiner based in Yichun, has "
            "agreed to buy 40,000 tonnes of lithium carbonate a year.")
    assert named(draft_of(text))["Hualith Technology"] == ["华锂科技"]
    d = named(draft_of("Title\n\n华锂科技 (Hualith Technology, a unit of Zeta Group) signed a deal."))
    assert d["Hualith Technology"] == ["华锂科技"] and d["Zeta Group"] == []
    # a name inside the bracket that does not fill it is not the CJK name's owner
    assert named(draft_of("Title\n\n华锂科技 (Zeta Group's unit) signed a deal."))["Zeta Group"] == []


def test_a_language_label_in_the_bracket_and_a_commodity_translated_in_brackets():
    text = ("Title\n\nHualith (Chinese: 华锂; pinyin: Huáli) is 35% owned by Shudao Capital (蜀道资本). "
            '"Lithium (锂) prices have halved since 2023," said Antai analyst Zhao Min (赵敏). '
            "Steel (钢铁) output rose.")
    d = named(draft_of(text))
    assert d["Hualith"] == ["华锂"] and "Huáli" not in d
    assert not {"Lithium", "Steel"} & set(d)
    assert d["Zhao Min"] == ["赵敏"]
    assert named(draft_of("Title\n\nAnsteel (鞍钢) and Posco (포스코) rose."))["Ansteel"] == ["鞍钢"]


def test_a_legal_form_after_a_bank_and_an_export_insurer_joined_by_and():
    text = ("Title\n\nSumiden Bank, Ltd. (株式会社住電銀行) will lead a loan of $900 million. Nippon Export and "
            "Investment Insurance (日本貿易保険) will insure the loan.")
    d = named(draft_of(text))
    assert d["Sumiden Bank, Ltd."] == ["株式会社住電銀行"]
    assert d["Nippon Export and Investment Insurance"] == ["日本貿易保険"]
    assert not {"Ltd.", "Nippon Export", "Investment Insurance"} & set(d)


def test_an_acronym_or_quoted_short_name_beside_the_native_name_in_its_bracket():
    text = ("Title\n\nExport-Import Bank of Korea (한국수출입은행) and Korea Trade Insurance Corporation "
            "(K-SURE, 한국무역보험공사) will guarantee part of the debt. Shanghai Silicon Industry Group "
            "(上海硅产业集团, NSIG) will supply wafers.")
    d = named(draft_of(text))
    assert d["Korea Trade Insurance Corporation"] == ["한국무역보험공사", "K-SURE"] and "K-SURE" not in d
    assert d["Export-Import Bank of Korea"] == ["한국수출입은행"]
    # an acronym that does not start as the name does is not its alias
    assert d["Shanghai Silicon Industry Group"] == ["上海硅产业集团"]
    text = ("Title\n\nBEIJING, Jan 19 - China's securities regulator has approved an investment by the "
            'National Integrated Circuit Industry Investment Fund (国家集成电路产业投资基金, the "Big Fund") in '
            "Changjiang Memory Technologies (长江存储科技, CMT), the memory chipmaker said. The Big Fund (大基金) "
            "will become CMT's second-largest shareholder.")
    d = named(draft_of(text))
    assert {"国家集成电路产业投资基金", "Big Fund", "大基金"} <= set(
        d["National Integrated Circuit Industry Investment Fund"]) and "Big Fund" not in d
    assert d["Changjiang Memory Technologies"] == ["长江存储科技", "CMT"]


def test_a_native_name_after_a_name_opening_with_a_place_goes_to_the_whole_name():
    text = ("Title\n\nThe Big Fund will become the second-largest shareholder. Wuhan East Lake High-Tech Zone "
            "(武汉东湖高新区) will add a further 2 billion yuan.")
    d = named(draft_of(text))
    assert d["Wuhan East Lake High-Tech Zone"] == ["武汉东湖高新区"] and "East Lake High-Tech Zone" not in d
    # a body from a place keeps the place apart
    d = named(draft_of("Title\n\nThe plant will use cathode from Lumen Materials of China (流明材料)."))
    assert d["Lumen Materials"] == ["流明材料"] and d["China"] == []


def test_a_long_form_opening_with_its_province_joins_the_short_one_with_its_native_name():
    text = ("Title\n\nJAKARTA, Feb 11 - PT Sinar Nikel Indonesia is a joint venture of Jinlong Nickel Cobalt "
            "(金龙镍钴) and Antam. Zhejiang Jinlong Nickel Cobalt Co. (浙江金龙镍钴股份有限公司) holds 60% of the "
            "venture and Antam the rest.")
    d = named(draft_of(text))
    assert {"金龙镍钴", "浙江金龙镍钴股份有限公司"} <= set(d["Jinlong Nickel Cobalt"])
    assert "Zhejiang Jinlong Nickel Cobalt Co." not in d


def test_one_activity_word_after_and_closes_the_name_before_a_native_name():
    text = ("Title\n\nPengcheng said earlier this year that it would list its shares in Hong Kong (香港). The "
            "Hong Kong Exchanges and Clearing (香港交易所) is reviewing the application. Zeta Steel and Mining "
            "(泽塔矿业) rose.")
    d = named(draft_of(text))
    assert d["Hong Kong Exchanges and Clearing"] == ["香港交易所"] and d["Hong Kong"] == ["香港"]
    assert d["Zeta Steel and Mining"] == ["泽塔矿业"]
    assert not {"Clearing", "Mining", "Hong Kong Exchanges"} & set(d)


def test_a_firm_named_after_its_country_opening_a_sentence_keeps_its_acronym():
    text = ("Title\n\nPERTH, March 12 - Korea Southern Power (한국남부발전) signed an agreement with Western "
            "Australia. Korea Southern Power (KOSPO) said it would buy up to 500,000 tonnes of ammonia a year.")
    d = named(draft_of(text))
    assert d["Korea Southern Power"] == ["한국남부발전", "KOSPO"] and "KOSPO" not in d
    assert named(draft_of("Title\n\nSouth Korea (ROK) said so."))["South Korea"] == ["ROK"]


def test_a_district_with_its_native_name_is_a_place_not_a_firm():
    text = ("Title\n\nHuaguang New Energy was set up in 2021 in Tianjin's Binhai New Area (滨海新区). In Seoul's "
            "Yeouido (여의도) financial district, analysts at Mirae Asset Securities (미래에셋증권) called the deal "
            '"a hedge against tariffs".')
    got = {e.name: (e.type, list(e.aliases)) for e in draft_of(text).entities}
    assert got["Binhai New Area"] == ("location", ["滨海新区"])
    assert got["Yeouido"] == ("location", ["여의도"])
    assert got["Mirae Asset Securities"] == ("firm", ["미래에셋증권"])


def test_two_plain_nouns_joined_by_and_before_a_legal_form_are_one_name():
    text = ("Title\n\nThe plant will sit near the East Valley Road and Bridge Corporation's depot. China Road and "
            "Bridge Corporation won the contract. Tokyo Power and Osaka Gas Corporation signed.")
    d = named(draft_of(text))
    assert {"East Valley Road and Bridge Corporation", "China Road and Bridge Corporation",
            "Tokyo Power", "Osaka Gas Corporation"} <= set(d)
    assert not {"Bridge Corporation", "China Road", "East Valley Road"} & set(d)


def test_a_place_after_city_of_with_its_native_name_is_no_firm():
    d = draft_of("Title\n\nThe plant will be built in the city of Hefei (合肥) by Kappa Cell.")
    got = {e.name: (e.type, list(e.aliases)) for e in d.entities}
    assert got["Hefei"][1] == ["合肥"] and got["Hefei"][0] in ("location", "government")


def test_a_native_name_for_two_bodies_or_their_venture_is_not_the_second_ones():
    text = ("Title\n\nPT Sinar Nikel is a joint venture between Jinlong Nickel and Antam (金龙安塔姆合资公司). "
            "Kappa and Zeta (卡帕和泽塔) signed.")
    d = named(draft_of(text))
    assert d["Antam"] == [] and d.get("Zeta", []) == []
    # a body whose name holds "and" keeps its native name
    d = named(draft_of("Title\n\nIt was approved by the National Development and Reform Commission "
                       "(国家发展和改革委员会, NDRC)."))
    assert d["National Development and Reform Commission"] == ["国家发展和改革委员会", "NDRC"]


def test_a_native_name_after_title_of_body_goes_to_the_body():
    d = draft_of("Title\n\nChairman of Kappa Group (卡帕集团) Li Ming (李明) said so.")
    got = {e.name: (e.type, list(e.aliases)) for e in d.entities}
    assert got["Kappa Group"] == ("firm", ["卡帕集团"]) and got["Li Ming"] == ("person", ["李明"])
    assert "Chairman of Kappa Group" not in got
