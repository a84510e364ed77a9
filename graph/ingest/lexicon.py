"""Built-in word lists (``graph/ingest/data/``): countries, places, sectors and
technologies, organisation words, roles and portfolios, common words.

Each list is read once, on first use. They hold general knowledge only (country
names, org-type suffixes, sector words), never names from a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# A bracketed other name that may follow a mention, in ASCII or full-width
# brackets ("Huayou Cobalt (华友钴业)", "Antam (PT Aneka Tambang)"): the one
# pattern the extractor's regexes use to step over it.
# a possessive: "Kappa's", "Kappa’s" and, after a name ending in s, "Omega Materials'" (matched with the
# whole text and a start position, not a slice, so that the look-behind sees the name's last letter)
POSS = r"(?:[’']s|(?<=s)[’'])"
# the capitalised words of a corporate title before "of <body>": "Chief Executive Officer of Omega Chemicals"
CORPORATE_TITLE_WORDS = frozenset("Chief Executive Officer Operating Financial Technology President Vice Senior "
                                  "Chairman Chairwoman Chair Director Managing General Manager Head Founder "
                                  "CEO".split())
# the titles that head a company, plain even with no body named ("chief executive P said")
COMPANY_HEAD_TITLES = r"(?:co-)?chief\s+executive(?:\s+officer)?|ceo|chairman|chairwoman|managing\s+director"
# the officers under the head ("chief financial officer P", "CFO P")
OFFICER_TITLES = r"chief\s+(?:financial|operating|technology|commercial|investment|strategy)\s+officer|cfo|coo|cto"
# a name written as another's owner, backer or leader ("Tata-owned Air India", "SoftBank-led"), and the
# relation each marker states
OWNER_MARKERS = {"-led": "leads", "-run": "leads", "-owned": "owns", "-controlled": "owns", "-backed": "funds",
                 "-funded": "funds"}
OWNER_MARKER = "-(?:" + "|".join(m[1:] for m in OWNER_MARKERS) + ")"
# the verbs that set up a body ("formed a joint venture", "set up a consortium")
FORM_VERBS = r"form(?:s|ed|ing)?|set(?:s|ting)?\s+up|creat(?:e|es|ed|ing)|establish(?:es|ed|ing)?|launch(?:es|ed|ing)?"
# the verbs of a sale ("sold its stake", "divests the unit")
SELL_VERBS = r"sell|sells|sold|selling|offload(?:s|ed|ing)?|divest(?:s|ed|ing)?"
# cities whose datelines cover the world's news as much as their own country's (a wire desk's city)
WIRE_HUBS = frozenset({"London", "Washington", "New York", "Singapore", "Hong Kong", "Brussels", "Frankfurt",
                       "Paris", "Dubai", "Geneva", "Zurich"})
# a post no longer held: "a former executive", "its one-time chairman"
FORMER = r"(?:former|ex-|one-time|onetime|retired|late)"
# the field a regulator watches, before its body noun: "competition office", "telecoms regulator"
REGULATED_FIELDS = (r"(?:competition|antitrust|cartel|telecoms?|telecommunications|energy|securities|financial|"
                    r"banking|data(?:\s+protection)?|markets?|aviation|maritime|nuclear|drugs?|medicines?|food|"
                    r"environment(?:al)?)")
BRACKETED = r"(?:[（(][^)）]{0,160}[)）])?"
# An amount of money as a cue reads it ("$458 million", "C$300 million", "₹12,000 crore").
AMOUNT = (r"(?:(?:US|HK|A|C|S)?[$€£¥₹]\s?\d[\d,.]*\s*(?:million|billion|trillion|bln|mln|bn|m|crore)?|"
          r"\d[\d,.]*\s*(?:million|billion|trillion|bn|crore|lakh)?\s*(?:yen|euros?|dollars|won|rupees|"
          r"pounds|yuan|renminbi|ringgit|riyals?|dirhams?|reais|pesos|baht|dong|rupiah|zlotys?|"
          r"(?:Swiss\s+)?francs|kronor|kroner|(?:Turkish\s+)?lira|forints?|korun[ay]|lei|hryvnias?|rand|"
          r"USD|EUR|JPY|KRW|INR|CNY|SAR|AED))")   # "92 billion yen"

# Head nouns of project phrases ("a deep-sea crude oil terminal"). Facilities are
# located somewhere; programmes are run by someone; "project" is either.
FACILITY_HEADS = frozenset("""plant fab factory facility terminal port refinery pipeline mine
smelter mill dam railway corridor hub campus zone reactor gigafactory shipyard
site operation""".split())
PROGRAM_HEADS = frozenset("initiative venture programme program scheme".split())
GENERIC_HEADS = frozenset({"project"})
PROJECT_HEADS = FACILITY_HEADS | PROGRAM_HEADS | GENERIC_HEADS
FUND_HEADS = frozenset("fund tool vehicle instrument".split())
PLURAL_HEADS = frozenset("""plants fabs factories facilities terminals ports refineries pipelines
mines mills dams railways corridors hubs parks zones complexes reactors sites operations projects
initiatives ventures programmes programs schemes funds tools vehicles instruments
investments""".split())
# Adjectives that do not tell one project from another ("a new semiconductor fab").
GENERIC_ADJECTIVES = frozenset("""new major large larger largest big bigger biggest first second
third planned proposed existing massive huge key main single joint local global several
critical strategic mere early earlier final possible potential future current latest initial
upcoming modern ongoing similar such other entire whole same one two three four five its
their massive ambitious flagship landmark long-awaited so-called multi-billion-dollar most more
less least very""".split())
# Nouns that say "the words before me are sectors": "energy stocks", "tech sectors".
SECTOR_NOUNS = frozenset("""sector sectors industry industries stocks equities companies firms
providers players markets market suppliers makers producers producer project projects prices
miners miner developer developers""".split())
# "firms like A and B": the nouns that introduce a list of organisations.
ORG_LIST_NOUNS = frozenset("""firms companies players groups makers producers manufacturers
chipmakers banks lenders investors insurers operators carmakers automakers conglomerates
giants suppliers rivals competitors""".split())
# The nouns that name a body's trade partners ("its customers include A", "a supplier of B");
# supplier and vendor are the selling side. Patterns build on trade_nouns().
TRADE_NOUNS = ("customer", "client", "buyer", "supplier", "vendor")
SELLER_NOUNS = frozenset({"supplier", "suppliers", "vendor", "vendors"})


def trade_nouns(plural: str = "s?") -> str:
    """The regex alternatives of :data:`TRADE_NOUNS` with ``plural`` after each ("s?", "s").

    >>> trade_nouns("s")
    'customers|clients|buyers|suppliers|vendors'
    """
    return "|".join(n + plural for n in TRADE_NOUNS)


# Words that cannot start a name; stripped from the left of a capitalised run.
LEADING_WORDS = frozenset("""a an the this that these those its their his her our for in at on former
by with from as if but and or so while according perhaps however also even then thus
meanwhile additionally despite since when where after before during through via into across
among amid between toward towards under over about against without within upon beyond once
unlike like including besides both each every several many most shares of
chipmaker carmaker automaker drugmaker steelmaker shipbuilder rival rivals
analyst economist strategist researcher spokesman spokeswoman spokesperson
is are was were does do did has have can could should would who what why how which""".split())
# (the last line: a Q&A's question, "Is Kappa profitable?", "Why does Brussels care?")
# business abbreviations that are no body's name, in capitals ("CEO", "IPO", "R&D", "Q&A")
BUSINESS_ABBREVIATIONS = frozenset("""LNG GDP CEO CFO CTO COO IPO ESG FDI OEM R&D M&A Q&A EBIT EBITDA""".split())
# a region's adjective: a word of many names, no short name of one ("European" of "European Investment Bank")
REGION_ADJECTIVES = frozenset("European Asian African American Arab Western Eastern Nordic Latin "
                              "Gulf Baltic Balkan Caribbean Pacific Atlantic".split())
ABBREVIATIONS = frozenset("""mr mrs ms dr prof st jr sr inc ltd co corp no vs etc e.g i.e gov
sen rep gen col lt sgt jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n""".split())
MONTHS = ("january february march april may june july august september october november "
          "december").split()
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str          # region | city | division (a state or province)
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SectorTerm:
    name: str
    type: str          # sector | technology
    weak: bool
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    word: str
    kind: str          # heads | works
    target: str        # ministry | government | org


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _split(cell: list[str], i: int) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell[i].split("|") if x.strip()) if len(cell) > i else ()


@cache
def countries() -> tuple[Country, ...]:
    return tuple(Country(r[0], r[1], _split(r, 2), _split(r, 3)) for r in _rows("countries.tsv"))


@cache
def demonyms() -> dict[str, str]:
    """``{"Japanese": "JP", ...}``."""
    return {d: c.code for c in countries() for d in c.demonyms}


@cache
def country_by_code() -> dict[str, Country]:
    return {c.code: c for c in countries()}


@cache
def places() -> tuple[Place, ...]:
    return tuple(Place(r[0], r[1], (r[2] if len(r) > 2 and r[2] else None), _split(r, 3))
                 for r in _rows("places.tsv"))


@cache
def sectors() -> tuple[SectorTerm, ...]:
    return tuple(SectorTerm(r[0], r[1], r[2] == "weak", _split(r, 3)) for r in _rows("sectors.tsv"))


@cache
def org_words() -> dict[str, dict[str, str]]:
    """``{"suffix": {"Group": "firm", ...}, "prefix": {...}, "any": {...}}``."""
    out: dict[str, dict[str, str]] = {"suffix": {}, "prefix": {}, "any": {}}
    for word, etype, where in _rows("org_words.tsv"):
        out[where][word] = etype
    return out


@cache
def sector_word_map() -> dict[str, str]:
    """Single-word sector terms -> their sector's name, lower case ("chips" -> "semiconductors")."""
    return {label.lower(): s.name.lower() for s in sectors() for label in (s.name, *s.synonyms)
            if " " not in label}


@cache
def sector_words() -> frozenset[str]:
    """Lower-case single words that are sector terms ("energy", "shipping")."""
    return frozenset(sector_word_map())


@cache
def place_labels() -> frozenset[str]:
    """Every name, alias and demonym of a country or built-in place."""
    names: set[str] = set()
    for c in countries():
        names.update((c.name, *c.aliases, *c.demonyms))
    for p in places():
        names.update((p.name, *p.aliases))
    return frozenset(names)


def country_code(word: str) -> str | None:
    """The ISO code a country name, alias or demonym stands for ("Japanese" -> "JP")."""
    return _country_codes().get(word)


@cache
def _country_codes() -> dict[str, str]:
    return {label: c.code for c in countries() for label in (c.name, *c.aliases, *c.demonyms)}


@cache
def roles() -> dict[str, Role]:
    return {r[0]: Role(r[0], r[1], r[2]) for r in _rows("roles.tsv")}


@cache
def portfolios() -> tuple[str, ...]:
    rows = [r[0] for r in _rows("portfolios.txt")]
    return tuple(sorted(rows, key=len, reverse=True))


@cache
def _personal_names() -> dict[str, frozenset[str]]:
    part, out = "", {"given": set[str](), "family": set[str]()}
    for line in (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            part = line.strip("[]")
        elif line.strip() and not line.startswith("#"):
            out[part].update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


_FIRM_NAME_ENDS = frozenset("Motors Motor Solar Airlines Securities Partners Capital Partnership "
                            "Brothers Bros. Associates Electric Electronics Foods Labs Systems Digital "
                            "Biologics Therapeutics Networks Semiconductor Semiconductors Materials "
                            "Technologies Trading Bio Pharma Robotics Dynamics Aerospace "
                            "Chemical Petrochemical Cement Glass Polymers Plastics Fertilizer Fertilisers "
                            "Fertilizers Cables Tyres Tires "
                            # analysts' and services firms quoted after "said"
                            "Research Consulting Consultants Advisors Advisers Advisory Analytics Insights "
                            "Intelligence Economics Ventures Holdings Logistics Shipping Industries "
                            "Engineering Investments Markets Trucks Cars Machines Tools Chemicals Metals "
                            "Minerals Mining Media Institute Foundation".split())


def looks_like_firm_name(words: list[str]) -> bool:
    """"Vantara Labs", "Bharat Petroleum": a word after the first is a sector or firm word."""
    return any(w.lower() in sector_words() or w in _FIRM_NAME_ENDS for w in words[1:])
_PINYIN = re.compile(r"(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|"
                     r"uai|uan|ai|ei|ao|ou|an|en|in|un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)){1,3}")


# a verb that gives the name after it a role: "appoints Amira Haddad as chief executive"
APPOINT_VERBS = (r"appoint(?:s|ed|ing)?|nam(?:e|es|ed|ing)|hir(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|"
                 r"elect(?:s|ed)?|install(?:s|ed)?|pick(?:s|ed)|chose|chooses")
APPOINTS = re.compile(r"\b(?:" + APPOINT_VERBS + r")\s+$")


# "Faisal al-Otaibi", "Mohamed el-Sayed": an Arabic article joined to a capitalised family name
NAME_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul|ud)-[A-Z]")


# the first words of Arabic place and body names: "Ras al-Khair", "Bank al-Rafidain", "Wadi al-Dawasir"
_ARABIC_PLACE_WORDS = frozenset("Ras Wadi Mina Sharm Bank Dar Masraf Jebel Jabal Jazirat Bandar Madinat Khor "
                                "Bab Bir Umm Qasr Souk Port Tell Ain Abu".split())


def is_personal_name(words: list[str]) -> bool:
    """A person's name by its parts: a known given name opening two or three words, or an
    East Asian family name before a romanised given name.

    >>> is_personal_name(["Maria", "Schmidt"]), is_personal_name(["Li", "Wei"])
    (True, True)
    >>> is_personal_name(["Long", "Beach"]), is_personal_name(["Maria"])
    (False, False)
    """
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() or NAME_PARTICLE.match(w) for w in words):
        return False
    names = _personal_names()
    if looks_like_firm_name(words):
        return False        # "Bharat Petroleum", "Thomas Motors": a firm named after someone
    if words[0][:1].isupper() and any(NAME_PARTICLE.match(w) for w in words[1:]) and \
            words[0] not in _ARABIC_PLACE_WORDS and not is_common(words[0]):
        return True         # "Said al-Harthy": a family name with its article (not "Ras al-Khair")
    if words[0] in names["given"]:
        return not is_common(words[-1])
    return len(words) == 2 and words[0] in names["family"] \
        and _PINYIN.fullmatch(words[1].lower()) is not None


@cache
def common_words() -> frozenset[str]:
    return frozenset(w for r in _rows("common_words.txt") for w in r[0].split())


def is_common(token: str) -> bool:
    """An ordinary English word (any case), not evidence of a name.

    All-capitals tokens ("US", "SMIC") are never common: they are names or codes.

    >>> is_common("Strategic"), is_common("SoftBank"), is_common("US")
    (True, False, False)
    """
    if len(token) > 1 and token.isupper():
        return False
    return token.lower().rstrip(".") in common_words() or token.lower() in MONTHS \
        or token.lower() in WEEKDAYS
