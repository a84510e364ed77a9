"""Round 7 guards on words and text alone: what looks like a name or a relation but is not.

names.py and entities.py use some of these, so this module imports neither (the guards
that need the entity table or the chunker are in misreads.py). Among them:

- :func:`not_a_name`: a capitalised word on its own that names a group of
  people or a direction ("Republicans", "Americans", "Western drugmakers") or an
  analyst's rating ("to Neutral from Buy") is no entity;
- :func:`legislature`: a parliament named by its own word ("in Congress", "the
  Bundestag") is an organisation, not a place;
- :func:`one_body_across_and`: "Food and Drug Administration", "Energy and
  Vehicles Act", "Power and Industrial Solutions" are one name, not two;
- datelines, acronyms that name goods or models, abbreviated legal suffixes,
  foundations named after firms, Spanish names through "de";
- :func:`only_a_possessor`, :func:`only_outside`, :func:`former_role`: a sentence
  that names a country only as a body's owner, a place only as where something is
  not, a person only as leaving a post.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .doc import Candidate
from .lexicon import demonyms, is_common, org_words

# "Americans", "Republicans", "Europeans": the plural of a people's adjective
_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]+(?:an|ian|ean|ese|ish|ic)s$")
_GROUP_WORDS = frozenset("""Democrats Republicans Conservatives Liberals Socialists Communists
Nationalists Populists Progressives Westerners Easterners Northerners Southerners""".split())
_COMPASS = frozenset("Western Eastern Northern Southern".split())
# an analyst's recommendation: "we move X to Neutral from Buy"
_RATINGS = frozenset("""Buy Sell Hold Neutral Outperform Underperform Overweight Underweight
Accumulate Reduce""".split())
_RATING_CONTEXT = re.compile(r"\b(?:to|from|at|as|an?|rate[sd]?|rating|upgrade[sd]?|downgrade[sd]?|"
                             r"reiterate[sd]?|maintain(?:s|ed)?)\s+(?:an?\s+)?$", re.IGNORECASE)

_LEGISLATURES = frozenset("""Congress Parliament Bundestag Bundesrat Senate Knesset Duma Riksdag
Storting Folketing Sejm Seimas Saeima Riigikogu Eduskunta Cortes Oireachtas Majlis""".split())


def not_a_name(word: str, before: str) -> bool:
    """A one-word capitalised run that is not an entity's name.

    >>> not_a_name("Republicans", "criticised by "), not_a_name("Americans", "to protect ")
    (True, True)
    >>> not_a_name("Western", "Several "), not_a_name("Neutral", "moved Zeta to ")
    (True, True)
    >>> not_a_name("Siemens", "with "), not_a_name("Neutral", "")
    (False, False)
    """
    if word in _GROUP_WORDS or word in _COMPASS:
        return True
    if _PEOPLE_PLURAL.match(word) and (word[:-1] in demonyms() or word.endswith(("ans", "ese"))):
        return True
    return word in _RATINGS and _RATING_CONTEXT.search(before) is not None


def legislature(words: list[str]) -> bool:
    """A parliament's own name, alone or after its country's adjective: "Congress", "German Bundestag".

    >>> legislature(["Congress"]), legislature(["European", "Parliament"]), legislature(["Senate", "Bill"])
    (True, True, False)
    """
    return bool(words) and words[-1] in _LEGISLATURES and (
        len(words) == 1 or all(w in demonyms() or w in ("European", "National", "US", "U.S.")
                               for w in words[:-1]))


# the last words of a body or law that a single "and" does not split
_BODY_ENDS = ("agency", "agreement")
_ADJECTIVE_WORD = re.compile(r"^[A-Z][a-z]+(?:al|ic|ical|ive)$")
_FIRM_ENDS = frozenset("Solutions Systems Technologies Products Services Networks Devices".split())
_FIRM_TAILS = frozenset("Bank Group Corporation Company Holdings Holding Ltd Limited Inc Corp".split())


def one_body_across_and(left: list[str], right: list[str]) -> bool:
    """Whether "<left> and <right>" is one name because the right part cannot stand alone.

    ``right`` holds the capitalised words after "and". Two words whose second is an
    agency's or a law's last word ("Drug Administration", "Vehicles Act"), or an
    adjective and a firm's last word ("Industrial Solutions"), after a name of two or
    more words that is not a firm's full name already.

    >>> one_body_across_and(["U.S.", "Food"], ["Drug", "Administration"])
    True
    >>> one_body_across_and(["Zeta", "Power"], ["Industrial", "Solutions"])
    True
    >>> one_body_across_and(["Mizuho", "Bank"], ["Drug", "Administration"])
    False
    >>> one_body_across_and(["Tokyo", "Electron"], ["Applied", "Materials"])
    False
    >>> one_body_across_and(["Competition"], ["Markets", "Authority"])
    True
    """
    if len(left) == 1 and len(right) >= 2 and not (len(right) > 2 and right[2][:1].isupper()) and \
            is_common(left[0]) and not left[0].isupper() and \
            is_common(right[0]) and org_words()["suffix"].get(right[1]) in _BODY_ENDS:
        return True         # "Competition and Markets Authority": two ordinary words and a body's
    if len(left) < 2 or len(right) < 2 or left[-1] in _FIRM_TAILS or left[-1].isupper():
        return False
    first, second = right[0], right[1]
    if len(right) > 2 and right[2][:1].isupper():
        return False        # a longer right part is a name of its own
    if not first[:1].isupper() or first.isupper() or first in demonyms():
        return False
    if org_words()["suffix"].get(second) in _BODY_ENDS and org_words()["prefix"].get(first) is None:
        return True
    return bool(_ADJECTIVE_WORD.match(first)) and second in _FIRM_ENDS


# a word that opens another clause between a verb and a name: the name is not its object
CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|although|though|because|which|who|whose)\b")


# Rules that read the actor of a clause from its words (not from a possessive or a name).
CLAUSE_RULES = frozenset({"verb-cue", "active-verb", "by-agent"})
_BODY_NOUNS = (r"(?:ministry|fund|agency|regulator|bank|lender|authority|company|firm|group|unit|arm|"
               r"operator|maker|producer|investor|office|department|commission|council|institute|"
               r"utility|carrier|miner|conglomerate|insurer|developer)s?")
# "Qatar's Ooredoo", "Mexico's economy ministry", "Saudi Arabia's sovereign wealth fund"
_OWNS_A_BODY = re.compile(rf"[’']s\s+(?:[A-Z]|(?:[\w-]+\s+){{0,3}}{_BODY_NOUNS}\b)")


def only_a_possessor(label_sets: list[list[str]], text: str) -> bool:
    """Whether a country or place is written in ``text`` only as the owner of a body.

    "controlled by Qatar's Ooredoo", "Mexico's economy ministry, headed by P": the
    clause is about the firm or the ministry, not about the country. A name inside a
    hyphenated compound ("United States-Mexico-Canada Agreement") is not a mention.

    >>> only_a_possessor([["Qatar"]], "Zeta, controlled by Qatar's Ooredoo, said so.")
    True
    >>> only_a_possessor([["Japan"]], "Japan's government has pledged $2 billion.")
    False
    >>> only_a_possessor([["Japan"]], "Japan's trade ministry and Japan agreed.")
    False
    """
    return _every_mention(label_sets, text, lambda m: _OWNS_A_BODY.match(text, m.end()) is not None)


def _every_mention(label_sets: list[list[str]], text: str,
                   test: Callable[[re.Match[str]], bool]) -> bool:
    """Whether ``text`` names the entity (by any label) and every mention passes ``test``."""
    seen = False
    for labels in label_sets:
        for label in labels:
            for m in re.finditer(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text):
                if not test(m):
                    return False
                seen = True
    return seen


# "its first plant outside Korea", "beyond China": a place the thing is not in
_OUTSIDE = re.compile(r"\b(?:outside|beyond|excluding|except)\s+(?:of\s+)?(?:the\s+|mainland\s+)?$",
                      re.IGNORECASE)


def only_outside(labels: list[str], text: str) -> bool:
    """Whether ``text`` names a place only as where something is not.

    >>> only_outside(["Korea"], "our first cathode plant outside Korea,")
    True
    >>> only_outside(["Korea"], "a plant in Korea, its first outside Japan")
    False
    """
    return _every_mention([labels], text, lambda m: _OUTSIDE.search(text, 0, m.start()) is not None)


def body_then_place(before_of: list[str]) -> bool:
    """Whether "<before_of> of <place>" is a body's full name, then where it is from, although
    the word before "of" usually opens a name ("Bank of Korea"): the name already has its own
    complement ("State Administration for Market Regulation of China") or is an acronym and
    that word ("DBS Bank of Singapore"). "Development Bank of Japan" stays one name.

    >>> body_then_place(["State", "Administration", "for", "Market", "Regulation"])
    True
    >>> body_then_place(["KBX", "Bank"]), body_then_place(["Development", "Bank"])
    (True, False)
    """
    if any(w in ("of", "for", "on") for w in before_of[1:-1]):
        return True
    return len(before_of) == 2 and before_of[0].isupper() and 2 <= len(before_of[0]) <= 5


# A news dateline opening a sentence, read by one reader (:func:`read_dateline`) from three parts:
# the capitals it opens with: "PRESS RELEASE - ", "OSLO, 4 May", "SAO PAULO, Oct 2 -", "NAIROBI, Kenya, July 8"
_DATELINE_HEAD = re.compile(r"^[A-Z][A-Z.'’ ]*[A-Z](?=\s*[-—–]\s|,\s+\d|,\s+[A-Z][a-z]{2,8}\.?\s+\d|"
                            r",\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s+[A-Z][a-z]{2,8}\.?\s+\d)")
# a dated place: "PRESS RELEASE - Tarnow, 3 March 2026", "OSLO, 4 March 2026 (NWX) -"
_DATELINE_PLACE = re.compile(r"^(?:[A-Z][A-Z ]*[A-Z]\s*[-—–]\s*)?([A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}),\s+"
                             r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4}\b")
# the news service credited after the date: "LONDON, Feb 3 (Wire) - ", "ASTANA, Nov 12 (KGX) -",
# "PHOENIX, Arizona, April 8, 2026 /PRNewswire/ -- "
# (the place and date before it are capitalised words and numbers, nothing a sentence says)
_DATELINE_CREDIT = re.compile(r"^[A-Z][\w.’'-]*(?:,?\s+(?:[A-Z][\w.’'-]*|\d{1,4})){0,8}(?<=\d)\s*"
                              r"(?:\(([A-Z][^()]{1,19})\)|/([A-Z][^/]{1,19})/)\s*[-—–]{1,2}\s")


@dataclass(frozen=True)
class Dateline:
    """What the dateline a sentence opens with holds, as offsets into the sentence (``None``
    where the part is absent)."""
    head_end: int | None                # end of the capitals it opens with ("SAO PAULO")
    place: tuple[int, int] | None       # a dated place ("Tarnow, 3 March 2026")
    credit: tuple[int, int] | None      # the news service credited after the date ("(Wire)")


@lru_cache(maxsize=1024)
def read_dateline(text: str) -> Dateline:
    """The parts of the dateline ``text`` opens with.

    >>> read_dateline("SAO PAULO, Oct 2 (Wire) - Kappa Agro said so.")
    Dateline(head_end=9, place=None, credit=(18, 22))
    >>> read_dateline("PRESS RELEASE - Tarnow, 3 March 2026")
    Dateline(head_end=13, place=(16, 22), credit=None)
    >>> read_dateline("Kappa Agro said so on Oct 2 (a Monday) - late.")
    Dateline(head_end=None, place=None, credit=None)
    """
    head = _DATELINE_HEAD.match(text)
    place = _DATELINE_PLACE.match(text)
    credit = _DATELINE_CREDIT.match(text)
    group = 0 if credit is None else 1 if credit.group(1) is not None else 2
    return Dateline(head.end() if head is not None else None,
                    place.span(1) if place is not None else None,
                    credit.span(group) if credit is not None else None)


def datelines(text: str) -> list[Candidate]:
    """The place a dateline opens with, in ordinary case: a place.

    >>> [(c.type, c.name) for c in datelines("PRESS RELEASE - Tarnow, 3 March 2026")]
    [('location', 'Tarnow')]
    >>> [(c.type, c.name) for c in datelines("Oslo, 4 March 2026 (NWX) - Zeta said so.")]
    [('location', 'Oslo')]
    """
    place = read_dateline(text).place
    if place is None or text[place[0]:place[1]].isupper():
        return []       # "OSLO, 4 March": a wire desk's city, left to the place list
    return [Candidate(place[0], place[1], "location", text[place[0]:place[1]], priority=45, rule="dateline")]


def in_dateline_head(text: str, end: int) -> bool:
    """Whether capitals ending at ``end`` are the city or label in capitals a dateline opens with.

    >>> s = "SAO PAULO, Oct 2 - Kappa Agro said so."
    >>> in_dateline_head(s, 9), in_dateline_head(s, s.index(" said"))
    (True, False)
    """
    head_end = read_dateline(text).head_end
    return head_end is not None and end <= head_end


def in_dateline_label(text: str, end: int) -> bool:
    """Whether a run ending at ``end`` is the label opening a dated dateline ("PRESS RELEASE - ")
    or the news service it credits ("LONDON, Feb 3 (Wire) - ").

    >>> s = "LONDON, Feb 3 (Wire) - Ofcom fined Kappa."
    >>> in_dateline_label(s, s.index("Wire") + 4), in_dateline_label(s, s.index("Ofcom") + 5)
    (True, False)
    """
    line = read_dateline(text)
    if line.credit is not None and end == line.credit[1]:
        return True
    return line.place is not None and in_dateline_head(text, end)


# an opening phrase that sets a body aside: "Besides Lotus Auto, Zeta now sells cells to ..."
_ASIDE_OPENER = re.compile(r"\s*(?:Besides|Beside|Unlike|Like|Apart\s+from|Aside\s+from|In\s+addition\s+to|"
                           r"Along\s+with|Alongside|Together\s+with|As\s+with|Except\s+for|Instead\s+of|"
                           r"Rather\s+than|Compared\s+with|Compared\s+to)\s[^,;]*,")


def set_aside(text: str, start: int) -> bool:
    """Whether a name at ``start`` is in an opening phrase that sets it aside: not the subject.

    >>> s = "Besides Lotus Auto, Zeta Energy now sells cells to Delta."
    >>> set_aside(s, s.index("Lotus")), set_aside(s, s.index("Zeta"))
    (True, False)
    """
    m = _ASIDE_OPENER.match(text)
    return m is not None and start < m.end()


def not_an_acronym_name(text: str, start: int, end: int) -> bool:
    """Whether the capitals at ``text[start:end]`` are no body's short name: a wire service's
    code or a label opening a dateline, part of a hyphenated name ("J-ENG"), or a model
    before its number ("the RCH 155").

    >>> s = "OSLO, 2 May 2025 (NWX) - Zeta said so."
    >>> not_an_acronym_name(s, s.index("NWX"), s.index("NWX") + 3)
    True
    >>> s = "PRESS RELEASE - Oslo, 2 May 2025"
    >>> not_an_acronym_name(s, 0, 5), not_an_acronym_name(s, 6, 13)
    (True, True)
    >>> s = "engines by K-MAR and the ZX 200 howitzer, said NATO."
    >>> [not_an_acronym_name(s, s.index(w), s.index(w) + len(w)) for w in ("MAR", "ZX", "NATO")]
    [True, True, False]
    >>> s = "ANALYST NOTE: NATO buys guns"
    >>> [not_an_acronym_name(s, s.index(w), s.index(w) + len(w)) for w in ("ANALYST", "NOTE", "NATO")]
    [True, True, False]
    """
    if text[start - 1:start] == "-" or text[end:end + 1] == "-":
        return True
    if re.match(r"\s?(?!(?:19|20)\d\d\b)\d", text[end:]):
        return True
    if re.fullmatch(r"\s*(?:[A-Z]+\s+){0,3}", text[:start]) and re.match(r"(?:\s+[A-Z]+){0,3}\s*:", text[end:]):
        return True     # "ANALYST NOTE: Zeta ...": a label in capitals opening the line
    if in_dateline_head(text, end):
        return True
    return dateline_credit(text, start)


def dateline_credit(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the news service a dateline credits, no party to the story.

    >>> s = "ASTANA, Nov 12 (Wire) - Kazatomprom will supply uranium."
    >>> dateline_credit(s, s.index("Wire")), dateline_credit(s, s.index("Kazatomprom"))
    (True, False)
    """
    credit = read_dateline(text).credit
    return credit is not None and credit[0] == start


# what "left" must leave to be the post: the body or the post ("left the company", "left the
# board", "left Zeta" (the {body} slot)), a new post ("left to join Kappa"), a date ("left in May")
# or nothing ("left.", "left, and"),
# not a place, a meeting or a door ("left for talks", "left Lyon", "has left the door open")
_LEFT_WHAT = (r"\s+(?:(?:the|its|his|her|their)\s+(?:\w+\s+)?(?:company|firm|group|board|bank|"
              r"business|carmaker|post|job|role|position|office|team)\b|{body}"
              r"|to\s+(?:join|become|run|lead|head|take\s+over|start|found)\b|after\s+\w+\s+years\b"
              r"|(?:in|on|at\s+the\s+end\s+of|last|earlier\s+this)\s+(?:(?:early|late|mid-?)\s*)?"
              r"(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December|(?:19|20)\d\d|year|month|week)\b)|\s*(?:[.;,]|$)")
# "P left the company", "P, who stepped down in May", "P was replaced by Q"
_LEFT_AFTER = (r"\W{0,3}(?:\s*\([^)]*\))?\s*(?:,\s+(?:the|a|its|their)\s+[^,;.]{1,60},\s*)?"
               r"(?:,\s+who\s+)?(?:has\s+|had\s+|then\s+)?"
               r"(?:left(?=" + _LEFT_WHAT + r")|resigned|stepped\s+down|retired|quit|"
               r"was\s+(?:replaced|ousted|fired|dismissed|succeeded))\b")


@functools.lru_cache(maxsize=256)
def _left_after(bodies: tuple[str, ...]) -> re.Pattern[str]:
    """:data:`_LEFT_AFTER` with the body's names in the slot after "left"."""
    slot = "|".join(rf"(?:the\s+)?{re.escape(b)}(?![\w-])" for b in bodies) or r"(?!)"
    return re.compile(_LEFT_AFTER.replace("{body}", slot))


def former_role(labels: list[str], text: str, bodies: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` names a person only as leaving a post ("a former executive" still
    worked there: the gold conventions keep that); ``bodies`` are the names of the body the
    post is at ("left Zeta").

    >>> former_role(["Ana Soto"], "Zeta's chief executive Ana Soto left the company in May.")
    True
    >>> former_role(["Ana Soto"], "Zeta's chief executive Ana Soto left Zeta in May.", ("Zeta",))
    True
    >>> former_role(["Ana Soto"], "Zeta's chief Ana Soto, who stepped down, was thanked.")
    True
    >>> former_role(["Ana Soto"], "Ana Soto, the chief executive of Zeta, retired in May.")
    True
    >>> former_role(["Ana Soto"], "Ana Soto, Zeta's chief executive, replaced Bo Li, who retired.")
    False
    >>> former_role(["Ana Soto"], "Zeta's chief Ana Soto left Lyon for Paris.", ("Zeta",))
    False
    """
    if not _LEAVING_WORD.search(text):
        return False        # the cheap test first: the pattern below is compiled per body
    left = _left_after(bodies)
    return _every_mention([labels], text, lambda m: left.match(text, m.end()) is not None)


_LEAVING_WORD = re.compile(r"\b(?:left|resigned|stepped|retired|quit|replaced|ousted|fired|dismissed|"
                           r"succeeded)\b")


# the last word of a body that is not the firm it is named after
_SEPARATE_BODIES = frozenset("""Foundation Foundations Trust Trusts Institute University College
School Hospital Association Society Museum Fund Endowment Charity""".split())


def separate_body(name: str) -> bool:
    """"Novo Nordisk Foundation", "Tata Trusts", "Samsung Medical Foundation": a body of its
    own, not the firm its first words name.

    >>> separate_body("Novo Nordisk Foundation"), separate_body("SoftBank Group")
    (True, False)
    """
    words = name.split()
    return len(words) >= 2 and words[-1] in _SEPARATE_BODIES


_SEAT_OF = re.compile(r"^(?:City|Commonwealth|Municipality|Borough|Township|Government)\s+of\s+[A-Z]")


_GOVERNMENT_OF = re.compile(r"^Government\s+of\s+(?:the\s+)?(?P<country>.+)$")


def seat_governments(cands: list[Candidate]) -> None:
    """"owned by the City of Tarnby": a body named "City of <place>" is that place's government
    (a place the lists know is named by the place rules already); "the Government of Canada" is
    the country's government, the entity "Canada" names too.

    >>> c = [Candidate(0, 20, "government", "Government of Canada")]
    >>> seat_governments(c); (c[0].name, c[0].country, c[0].aliases)
    ('Canada', 'CA', ('Government of Canada',))
    """
    from .lexicon import country_by_code, country_code
    for c in cands:
        if c.type in ("firm", "organization", "location") and _SEAT_OF.match(c.name):
            c.type = "government"
        gov = _GOVERNMENT_OF.match(c.name)
        code = country_code(gov["country"]) if gov is not None and c.seed_id is None else None
        if gov is not None and code is not None and c.type in ("firm", "organization", "government"):
            c.type, c.country = "government", code
            c.aliases = (*c.aliases, c.name)
            c.name = country_by_code()[code].name


# the first word of a Spanish, Portuguese or French body's name ("Banco de ...", "Caisse des ...")
_ROMANCE_OPENERS = frozenset("""Banco Banca Banque Caja Caixa Caisse Comisión Comissão Commission Compañía
Companhia Compagnie Consejo Conselho Conseil Corporación Corporação Empresa Empresas Fondo Fundo Fonds
Grupo Groupe Instituto Institut Ministerio Ministério Petróleos Petróleo Secretaría Sociedad Sociedade
Société Agencia Agência Agence Autoridad Autoridade Universidad Universidade Université""".split())


def romance_name(before: list[str]) -> bool:
    """Whether the words before "de"/"y" begin a Spanish, Portuguese or French name, which
    goes on through them ("Comisión Federal de Electricidad"), unlike "Tesla de Mexico".

    >>> romance_name(["Comisión", "Federal"]), romance_name(["Banco"]), romance_name(["Tesla"])
    (True, True, False)
    """
    return bool(before) and (before[0] in _ROMANCE_OPENERS
                             or any(not ch.isascii() and ch.isalpha() for w in before for ch in w))


_FIRM_WORDS = (r"(?:company|firm|group|maker|producer|operator|utility|carrier|lender|bank|miner|"
               r"developer|builder|chipmaker|carmaker|shipbuilder|supplier|manufacturer|trader|giant|"
               r"conglomerate|toolmaker|insurer|refiner|exporter|importer)")
_AGENCY_WORDS = r"(?:agency|regulator|authority|ministry|watchdog|competition\s+office|commission)"
# "the state utility TAQA", "PPC, the Greek power utility", "India's space agency ISRO"
_NOUN_BEFORE = re.compile(rf"\b(?P<noun>{_FIRM_WORDS}|{_AGENCY_WORDS})\s*,?\s+$")
_NOUN_AFTER = re.compile(rf"\s*(?:\([^)]*\))?,\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){{0,3}}?"
                         rf"(?P<noun>{_FIRM_WORDS}|{_AGENCY_WORDS})\b")
# "from Besi and ASMPT", "with GAIL and with Bharat Petroleum": listed with a firm
_LISTED = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:with\s+|from\s+)?|\s+or\s+)"


def acronym_type(word: str, texts: list[str], firms: list[str]) -> str | None:
    """The type the sentences give an acronym no name expands: a firm or an agency when
    a noun of that kind stands next to it or it is listed with a firm (not with brands).

    >>> acronym_type("KPX", ["It competes with KPX, the Greek power utility."], [])
    'firm'
    >>> acronym_type("KSA", ["launched by Korea's space agency KSA."], [])
    'agency'
    >>> acronym_type("QRT", ["Tools from Besi Tools and QRT arrive."], ["Besi Tools"])
    'firm'
    >>> acronym_type("NATO", ["a supplier to NATO's eastern flank"], []) is None
    True
    """
    listed = _listed_with(tuple(firms)) if firms else None
    for text in texts:
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            near = _NOUN_BEFORE.search(text, 0, m.start()) or _NOUN_AFTER.match(text, m.end())
            if near is not None:
                return "agency" if re.fullmatch(_AGENCY_WORDS, near.group("noun")) else "firm"
            if listed is not None and (listed[0].search(text[:m.start()]) or listed[1].match(text[m.end():])) \
                    and not re.match(r"[^.;]{0,40}?\bbrands?\b", text[m.end():]):
                return "firm"
    return None


@lru_cache(maxsize=64)
def _listed_with(firms: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for "<any of the firms>, <word>" and one for "<word> and <any firm>" (not one
    per firm and occurrence: an article names hundreds of firms)."""
    alt = "|".join(re.escape(f) for f in sorted(firms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt}){_LISTED}$"), re.compile(rf"{_LISTED}(?:{alt})\b")


# "LFP cells", "HBM chips", "EUV machines": capitals naming a kind of goods
# "makes DRAM and NAND flash memory": a coordinated code and a modifier before the goods noun
_GOODS_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[A-Z][A-Z0-9-]+)?(?:\s+(?:flash|solar|power|storage|graphics|"
                          r"logic|analog|fuel|memory))?\s+(?:cells?|batter(?:y|ies)|chips?|memory|modules?|machines?|tools?|"
                          r"cargoes|cargo|shipments?|panels?|packs?|technology|chemistry|cathodes?)\b")


def names_goods(text: str, end: int) -> bool:
    """Whether the capitals ending at ``end`` name a kind of goods, not a body ("buys LFP cells").

    >>> names_goods("it buys LFP cells from Zeta", 11), names_goods("ZGC said so", 3)
    (True, False)
    >>> s = "it makes DRAM and NAND flash memory"
    >>> names_goods(s, s.index("DRAM") + 4), names_goods(s, s.index("NAND") + 4)
    (True, True)
    """
    return _GOODS_AFTER.match(text, end) is not None


_LEGAL_ABBREVIATIONS = frozenset("Corp. Inc. Ltd. Co. Bhd. Pte. Pty.".split())
_AFTER_LEGAL = frozenset("""Ltd Ltd. Limited Inc Inc. LLC PLC plc AG SE SA NV Holdings Holding Group Tbk
Pte Pty Bhd Corp Corp. Co Co.""".split())


def ends_legal_name(last: str, nxt: str) -> bool:
    """Whether a name ends at an abbreviated legal suffix though a capitalised word follows:
    "SoftBank Corp. KDDI already ...", but "Zeta Co. Ltd" and "Kappa Power Co. Holdings" go on.

    >>> ends_legal_name("Corp.", "KDDI"), ends_legal_name("Co.", "Ltd"), ends_legal_name("Co", "X")
    (True, False, False)
    """
    return last in _LEGAL_ABBREVIATIONS and nxt not in _AFTER_LEGAL


_ROLE_OWNER = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:president|chairman|chairwoman|chair|chief|head|"
                         r"director|founder|spokes(?:man|woman|person)|executive|officer|manager|"
                         r"minister|secretary|governor)\b")


def owns_a_role(after: str) -> bool:
    """Whether the name before ``after`` owns a role ("said Kappa Rail's president, Lee Min-jun"):
    it names the body the speaker serves, not the speaker.

    >>> owns_a_role("'s president, Lee Min-jun"), owns_a_role(", the chief executive, said")
    (True, False)
    """
    return _ROLE_OWNER.match(after) is not None
