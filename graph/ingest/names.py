"""Tokens and capitalised runs: the raw material of name detection.

A *run* is a stretch of capitalised tokens that may be a name, joined by the
small words names contain ("Ministry of Economy, Trade and Industry", "Kiel
Institute for the World Economy", "Universidad del Pacífico"). Runs stop at
possessives ("Japan’s") and at attached markers ("SoftBank Group-led").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (ABBREVIATIONS, LEADING_WORDS, MONTHS, NAME_PARTICLE, WEEKDAYS, demonyms, is_common, org_words,
                      place_labels, roles, trade_nouns)
from .gazetteer import CJK_CLASS
from .precision import body_then_place, ends_legal_name, one_body_across_and

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w’'&.-]*[^\W_])?\.?|\S")
_MARKER = re.compile(r"^(.*[^\W_])-(led|backed|based|owned|listed|funded|run|made|controlled|"
                     r"linked|focused|driven|style|like|related|born)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(.*[^\W_]\.?)[’']s$")     # "Japan’s", "Mitsui & Co.'s"
CONNECTORS = frozenset("of for and the de del la da du von van der y & on und".split())
# A comma may continue a run that names a body by its portfolios.
_COMMA_BODIES = frozenset("Ministry Department Minister Secretary Committee Commission".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str = "word"       # word | marker (-led ...) | poss ('s) | punct

    @property
    def cap(self) -> bool:
        return self.kind == "word" and (self.text[:1].isupper() or NAME_PARTICLE.match(self.text) is not None)


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    tokens: tuple[Token, ...]

    def text(self, sentence: str) -> str:
        return sentence[self.start:self.end]

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple[Token, ...]:
    """Words with possessives and ``-led``-style markers split off.

    >>> [t.text for t in tokens("SoftBank Group-led Japan’s C.C. Wei")]
    ['SoftBank', 'Group', '-led', 'Japan', '’s', 'C.C.', 'Wei']
    """
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if not (word[0].isalnum()):
            out.append(Token(word, start, end, "punct"))
            continue
        if word.endswith(".") and not (re.fullmatch(r"(?:[A-Z]\.)+", word)
                                       or word[:-1].lower() in ABBREVIATIONS):
            word, end = word[:-1], end - 1       # a full stop, not an abbreviation
        marker = _MARKER.match(word)
        poss = _POSSESSIVE.match(word)
        if marker:
            cut = start + len(marker.group(1))
            out.append(Token(marker.group(1), start, cut))
            out.append(Token(word[len(marker.group(1)):], cut, end, "marker"))
        elif poss:
            cut = start + len(poss.group(1))
            out.append(Token(poss.group(1), start, cut))
            out.append(Token(word[len(poss.group(1)):], cut, end, "poss"))
        else:
            out.append(Token(word, start, end))
    return tuple(out)


@lru_cache(maxsize=256)
def runs(text: str) -> tuple[Run, ...]:
    """Capitalised runs of a sentence, leading function words removed.

    >>> [r.text(s) for s in ["Through its Ministry of Economy, Trade and Industry (x)"]
    ...  for r in runs(s)]
    ['Ministry of Economy, Trade and Industry']
    """
    toks = tokens(text)
    out: list[Run] = []
    i = 0
    while i < len(toks):
        if not toks[i].cap:
            i += 1
            continue
        j = i + 1
        members = [toks[i]]
        while j < len(toks):
            t = toks[j]
            if t.cap and ends_legal_name(members[-1].text, t.text):
                break       # "SoftBank Corp. KDDI already offers": a full stop the splitter kept
            if t.cap:
                members.append(t)
                j += 1
                continue
            # connectors: "of", "and", "for the", ", " inside ministry names
            k = j
            while k < len(toks) and (toks[k].kind == "word" or toks[k].text == "&") \
                    and toks[k].text in CONNECTORS:
                k += 1
            comma = False
            if k == j and t.text == "," and (_comma_ok(members) or _listed_body(members, toks, j)
                                             or legal_tail(members, toks, j)):
                k, comma = j + 1, True
                if k < len(toks) and toks[k].text in ("and", "&"):
                    k += 1
            if k > j and k < len(toks) and toks[k].cap and not _is_date_word(toks[k].text) and (
                    comma or _connector_ok(toks[j:k], members, toks[k:],
                                           i > 0 and toks[i - 1].text.lower() == "the")):
                members.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        while members and members[0].text.lower() in LEADING_WORDS:
            members.pop(0)
        if len(members) > 2 and members[1].text == "of" and re.fullmatch(trade_nouns("s"), members[0].text.lower()):
            del members[:2]     # "Customers of Zeta include A": Zeta's customers, not a name
            while members and members[0].text.lower() in LEADING_WORDS:
                members.pop(0)
        while members and (members[-1].text in CONNECTORS or members[-1].text == ","):
            members.pop()
        if members:
            out.append(Run(members[0].start, members[-1].end, tuple(members)))
        i = j
    return tuple(out)


_LIST_BODIES = frozenset("Agency Authority Commission Office Bureau Council Administration "
                         "Organization Organisation Institute Board Corporation".split())


def _listed_body(members: list[Token], toks: tuple[Token, ...], j: int) -> bool:
    """"Acquisition, Technology & Logistics Agency": single words listed before a body word."""
    if len(members) != 1:
        return False
    k = j
    while k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].cap:
        k += 2
    if k >= len(toks) or toks[k].text not in ("&", "and"):
        return False
    k += 1
    while k < len(toks) and toks[k].cap:
        if toks[k].text in _LIST_BODIES:
            return True
        k += 1
    return False


_COMPANY_ABBREVIATIONS = frozenset("Co. Co Corp. Corp".split())
_LEGAL_TAILS = frozenset("Ltd. Ltd Limited Inc. Inc LLC".split())


def legal_tail(members: list[Token], toks: tuple[Token, ...], j: int) -> bool:
    """"Kappa Motor Co., Ltd.", "Sumiden Bank, Ltd.": the legal form after the comma is the
    name's last word, not a name of its own."""
    return len(members) >= 2 and (members[-1].text in _COMPANY_ABBREVIATIONS
                                  or org_words()["suffix"].get(members[-1].text) == "firm") \
        and j + 1 < len(toks) and toks[j + 1].text in _LEGAL_TAILS


def _is_date_word(word: str) -> bool:
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


def _comma_ok(members: list[Token]) -> bool:
    """A comma inside a body's list of portfolios ("Ministry of Economy, Trade and Industry"),
    not after the list's last "and" ("Ministry of Natural Resources and Environment, and X")."""
    words = [t.text for t in members]
    return any(w in _COMMA_BODIES and i + 1 < len(words) and words[i + 1] in ("of", "for")
               and "and" not in words[i + 2:]
               for i, w in enumerate(words))


_PUBLIC_OPENERS = frozenset("National Federal State Central Royal Public Supreme".split())


def _acronym_of_both(left: list[Token], right: tuple[Token, ...]) -> bool:
    """"A B and C D (ABCD)": an acronym in brackets right after the right part that opens with the
    left part's first letter and holds the right part's: both parts are one name."""
    caps = 0
    while caps < len(right) and right[caps].cap:
        caps += 1
    if not caps or caps + 1 >= len(right) or right[caps].text not in ("(", "（"):
        return False
    acronym = right[caps + 1].text
    return len(acronym) >= 3 and acronym.isupper() and acronym.isalpha() and \
        acronym[0] == left[0].text[:1] and right[0].text[:1] in acronym[1:]


def _connector_ok(connectors: tuple[Token, ...], left: list[Token],
                  right: tuple[Token, ...], after_the: bool = False) -> bool:
    words = [t.text for t in connectors]
    if words[0] == "the":
        return False
    if words[0] == "and":
        # "Ministry of Transport and Communications", "Belt and Road Initiative" are
        # one name; "Infineon and GlobalFoundries" are two.
        if any(t.text in ("of", "for") for t in left):
            # "Bank of Singapore and Mizuho Bank" are two: the right part is a firm's name
            caps = [t.text for t in right[:4] if t.text[:1].isupper()]
            if left[-1].text in place_labels() and right and not is_common(right[0].text):
                return False    # "Export-Import Bank of Korea and K-Sure": the place closes the name
            return len(words) == 1 and not _names_a_firm(caps)
        if len(words) == 1 and (named_before_native(left, right) or nouns_across_and(left, right)):
            return True         # "Industrial and Commercial Bank of China (中国工商银行)"
        rest = [t.text for t in right[:4]]
        if len(words) == 1 and _acronym_of_both(left, right):
            return True         # "Nippon Export and Investment Insurance (NEXI)": one body's acronym
        if len(words) == 1 and one_body_across_and([t.text for t in left], rest[:3]):
            return True         # "U.S. Food and Drug Administration": the right part needs the left
        caps = [w for w in rest if w[:1].isupper()]
        if len(left) >= 2 and len(words) == 1 and re.search(r"(?:al|ic|ical|ive)$", left[-1].text) \
                and _names_a_firm(caps):
            return True         # "Saudi Agricultural and Livestock Investment Company"
        opener = left[1].text if left[0].text == "The" and len(left) > 1 else left[0].text
        if len(words) == 1 and (opener in _PUBLIC_OPENERS or opener in demonyms()) \
                and org_words()["suffix"].get(left[-1].text) is None \
                and left[-1].text not in ("Embassy", "Consulate") \
                and len(caps) >= 2 and any(
                org_words()["suffix"].get(w) in ("agency", "organization", "ministry")
                for w in caps[1:3]):
            return True         # "National Development and Reform Commission", "Malaysian
            # Communications and Multimedia Commission"
        core = left[1:] if left and left[0].text == "The" else left
        code = len(core) == 2 and core[0].text.isupper() and len(core[0].text.replace(".", "")) <= 3
        if (after_the or code or len(core) < len(left)) and len(core) == 1 + code \
                and len(words) == 1 and org_words()["prefix"].get(core[-1].text) is None and any(
                    org_words()["suffix"].get(w) in ("agency", "ministry") for w in caps[1:3]):
            return True         # "the Pharmaceuticals and Medical Devices Agency", one body
        return len(left) == 1 and len(words) == 1 and any(
            org_words()["suffix"].get(w) in ("project", "agreement", "organization", "fund")
            for w in caps[1:3])
    if words[0] == "of" and len(left) >= 3 and left[0].text in title_words() \
            and not any(t.text in title_words() for t in left[1:]):
        return False        # "Chairman Lee Kappa of Zeta Holdings": a titled person, then the body
    if "the" in words[1:] and words[0] not in ("of", "for", "on"):
        return False
    if words[0] == "of" and len(left) >= 2 and org_words()["suffix"].get(left[-1].text) in (
            "agency", "ministry") and any(org_words()["prefix"].get(t.text) == "ministry"
                                          for t in right[:4]):
        return False        # "Loan Programs Office of the US Department of Energy": two bodies
    return len(words) <= 2


CJK_NAME = re.compile(f"[{CJK_CLASS}]")
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:al|ic|ion|ment|ive|ary|ory|ure)")
_OPENING = frozenset("( （".split())
_ACTIVITY = re.compile(r"[A-Z][a-z]{2,}ing")


# plain words that are not common enough to be no evidence of a name ("Export Finance Australia")
_PLAIN_NAME_WORDS = frozenset("Export Import Bridge Road Rail Port Harbour Harbor".split())     # (here, not common words: "Bridge Capital" stays a name)


def _plain(word: str) -> bool:
    """An English word rather than a proper name: "Commercial", "Investment", "Road"."""
    return is_common(word) or word in _PLAIN_NAME_WORDS or _PLAIN_WORD.fullmatch(word) is not None


def named_before_native(left: list[Token], right: tuple[Token, ...]) -> bool:
    """Whether "<left> and <right> (native)" is one name: the bracket names what precedes it, and
    the part after "and" cannot stand alone. "Industrial and Commercial Bank of China
    (中国工商银行)", "Nantong Economic and Technological Development Zone (南通经济技术开发区)":
    both ends of "and" are English words, not a name's own words ("Tokyo Electron and
    Kokusai Electric (国際電気)" are two), and the left part does not end in a firm's
    suffix; "Nippon Export and Investment Insurance (NEXI)": the acronym starts with the left
    part, not the right one.
    """
    caps: list[Token] = []
    i = 0
    while i < len(right) and (right[i].cap or (caps and right[i].text in ("of", "&"))):
        caps.append(right[i])
        i += 1
    if not caps or i + 1 >= len(right) or right[i].text not in _OPENING or not left:
        return False
    inside, last = right[i + 1].text, left[-1].text
    if len(caps) == 1:
        # "Hong Kong Exchanges and Clearing (香港交易所)", "Zeta Steel and Mining (泽塔矿业)": one
        # activity word, no name on its own, closes the name
        return len(left) >= 2 and _ACTIVITY.fullmatch(caps[0].text) is not None \
            and CJK_NAME.match(inside) is not None
    if last.isupper() or org_words()["suffix"].get(last) is not None or caps[0].text.isupper():
        return False
    if re.fullmatch(r"[A-Z][A-Z&-]{1,7}", inside):
        return inside[0] == left[0].text[0] != caps[0].text[0]
    return CJK_NAME.match(inside) is not None and _plain(caps[0].text) and _plain(last) \
        and caps[0].text not in demonyms() and (len(left) >= 2 or _PLAIN_WORD.fullmatch(last) is not None)


_LEGAL_ENDS = frozenset("Corporation Company Co. Corp. Group Limited Ltd.".split())


def nouns_across_and(left: list[Token], right: tuple[Token, ...]) -> bool:
    """"China Road and Bridge Corporation": two plain nouns joined by "and" before a legal form
    are one name (a firm's business), not a name and a firm ("Tokyo Power and Osaka Gas Corp.").
    """
    caps = [t.text for t in right[:3]]
    return len(left) >= 2 and len(caps) >= 2 and _plain(left[-1].text) and _plain(caps[0]) \
        and not caps[0].isupper() and caps[1] in _LEGAL_ENDS \
        and (len(caps) < 3 or not caps[2][:1].isupper())


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of the role titles ("Chairman", "Prime", "Minister", "CEO")."""
    return frozenset(w for r in roles() for w in r.split())


_FIRM_ENDINGS = frozenset("Bank Group Corporation Company Holdings Holding Ltd Limited Inc "
                          "Co. Corp Securities".split())


def _names_a_firm(caps: list[str]) -> bool:
    """Capitalised words that end in a firm's suffix within three words: "Mizuho Bank"."""
    return any(w in _FIRM_ENDINGS for w in caps[1:3])


# words that make "X of <place>" one name ("Export-Import Bank of Korea", "City of Osaka")
OF_NAMES = frozenset("""Bank Ministry Agency Authority Corporation Commission Department Office
Council Fund Institute University Republic Government State Province Kingdom Federation Union
Association Chamber Board Administration Organisation Organization Company Bureau Service
Academy Center Centre Port Exchange Court Trust Foundation City County Emirate Sultanate
Commonwealth Municipality Region Principality Prefecture District""".split())


def from_place(run: Run, after: str = "") -> Run:
    """The name in "Lumen Materials of China", "Kappa of Japan" (a name, then where it is
    from); the whole run for one name ("Export-Import Bank of Korea", "City of Osaka").
    ``after``, the text after the run, may show an unknown town to be a place: "Sigma Steel of
    Hamilton, Ontario"."""
    toks = run.tokens
    town = re.match(r",\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)", after)
    for i, tok in enumerate(toks):
        if i and tok.text == "of" and (toks[i - 1].text not in OF_NAMES or body_then_place(
                [t.text for t in toks[:i]])):
            rest = [t.text for t in toks[i + 1:] if t.text != "the"]
            if " ".join(rest) in place_labels() or (
                    town is not None and town.group(1) in place_labels() and len(rest) <= 2 and i >= 2):
                return Run(toks[0].start, toks[i - 1].end, toks[:i])
    return run


def run_at(text: str, pos: int) -> Run | None:
    """The run starting at ``pos`` (after optional spaces and a leading "the")."""
    for r in runs(text):
        if r.start >= pos:
            gap = text[pos:r.start].strip().lower()
            return r if gap in ("", "the") else None
    return None
