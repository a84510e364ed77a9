"""Project and fund noun phrases: "a SoftBank Group-led data center
infrastructure initiative", "the $3.5 billion deep-water port", "Japan’s $55
billion investment tool".

A phrase is read backwards from its head noun over its modifiers, until a
determiner, a possessive, an amount, a ``-led`` marker or a function word.
What stopped it tells whether it introduces something ("a ...", "$4 billion
...") or points back to something already named ("the plant", "this project").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (FACILITY_HEADS, FUND_HEADS, GENERIC_ADJECTIVES, GENERIC_HEADS,
                      PLURAL_HEADS, PROGRAM_HEADS, common_words, demonyms,
                      sector_word_map)
from .names import Token, tokens

MONEY = re.compile(r"(?:US|HK|A|C|S)?[$€£¥]\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|trillion|bln|mln|bn|mn|m)?\b"
                   r"|\b(\d[\d,]*(?:\.\d+)?)\s*(million|billion|trillion)\s+(?:dollars|euros|yen|yuan|pounds)\b",
                   re.IGNORECASE)
DEFINITE = frozenset("the this that these those".split())
INDEFINITE = frozenset("a an".split())
_STOP = frozenset("""each every any some no its their his her our my your which who whom whose
what is are was were be been being beyond toward towards against within without despite like
unlike near around along behind has have had will would could should may might must can
to of in on at by for from with into onto over under through across between among amid as
than and or but nor so if while when where that via per about after before during including
build builds building open opens start starts form forms plan plans back backs expand expands
restart restarts resume resumes complete completes completed pick picks win wins order orders
break breaks breaking opened started said says told added announced agreed signed hired
chose selected named acquired bought sold awarded approved""".split())
_ANY_HEAD = re.compile(r"\b(?:" + "|".join(sorted(FACILITY_HEADS | PROGRAM_HEADS | GENERIC_HEADS
                                                  | FUND_HEADS | {"investment"})) + r")\b", re.I)
_MULT = {"million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
         "trillion": 1e12}


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    head: str
    cls: str                       # FAC | PRG | GEN (project) | FUND
    mods: tuple[str, ...]          # modifiers as written, in order
    content: frozenset[str]        # canonical content words (for merging)
    proper: bool                   # a capitalised modifier ("Dresden fab")
    det: str | None                # def | indef | None
    owner: tuple[int, int] | None  # span of "X" in "X’s <phrase>"
    amount: str | None             # "55 billion $"
    marker: tuple[int, int] | None # span of "X" in "X-led <phrase>"
    name_start: int                # where the name (modifiers + head) starts

    @property
    def specific(self) -> bool:
        """Enough to name a new project: "a deep-sea crude oil terminal", "$4bn battery plant"."""
        n = len(self.content)
        if self.proper or n >= 2:
            return True
        return n == 1 and self.amount is not None and self.det != "def"


# "the Chinese state reactor operator", "a port builder": the facility word names what a body works on
_AGENT_NOUNS = frozenset("""operator operators maker makers builder builders developer developers owner
owners contractor contractors supplier suppliers company companies firm firms""".split())


@lru_cache(maxsize=64)
def phrases(text: str) -> tuple[Phrase, ...]:
    """Project/fund phrases of a sentence.

    >>> p = phrases("a SoftBank Group-led data center infrastructure initiative")[0]
    >>> p.cls, p.mods, p.det, p.marker is not None
    ('PRG', ('data', 'center', 'infrastructure'), None, True)
    """
    if not _ANY_HEAD.search(text):
        return ()
    toks = tokens(text)
    money = [(m.start(), m.end(), amount_key(m)) for m in MONEY.finditer(text)]
    out: list[Phrase] = []
    i = 0
    while i < len(toks):
        word = toks[i].text.lower()
        cls = head_class(word, toks, i, money)
        if cls is None or toks[i].kind != "word":
            i += 1
            continue
        # "port project", "investment tool": the last of adjacent heads is the head,
        # but a facility anywhere makes it a facility
        j = i
        while j + 1 < len(toks) and toks[j + 1].kind == "word" and \
                (nxt := head_class(toks[j + 1].text.lower(), toks, j + 1, money)) is not None:
            j += 1
            cls = "FAC" if "FAC" in (cls, nxt) else nxt
        if j + 1 < len(toks) and toks[j + 1].kind == "word" and (
                toks[j + 1].text.lower() in PLURAL_HEADS or toks[j + 1].text.lower() in _AGENT_NOUNS):
            i = j + 2
            continue
        phrase = _walk_back(text, toks, i, j, cls, money)
        if phrase is not None:
            out.append(phrase)
        i = j + 1
    return tuple(out)


def head_class(word: str, toks: tuple[Token, ...], i: int,
               money: list[tuple[int, int, str]]) -> str | None:
    if word in FACILITY_HEADS:
        return "FAC"
    if word in PROGRAM_HEADS:
        return "PRG"
    if word in GENERIC_HEADS:
        return "GEN"
    if word in FUND_HEADS:
        return "FUND"
    if word == "investment" and 0 < i < len(toks):
        # "$55 billion investment": an amount right before (modifiers allowed)
        k = i - 1
        while k >= 0 and toks[k].kind == "word" and not _in_money(toks[k], money) \
                and toks[k].text.lower() not in _STOP and i - k < 4:
            k -= 1
        if k >= 0 and _in_money(toks[k], money):
            return "FUND"
    return None


# units of a capacity before a facility's head noun
_UNITS = frozenset("gw gwh mw mwh kw kwh twh tw mtpa mt kt bcm mmtpa tpa".split())


def _walk_back(text: str, toks: tuple[Token, ...], first_head: int, last_head: int, cls: str,
               money: list[tuple[int, int, str]]) -> Phrase | None:
    mods: list[Token] = [toks[k] for k in range(first_head, last_head)]
    det = owner = marker = amount = None
    k = first_head - 1
    while k >= 0:
        t = toks[k]
        m = _in_money(t, money)
        if m:
            amount = m[2]
            while k >= 0 and _in_money(toks[k], money):
                k -= 1
            continue
        if t.kind == "poss":
            owner = (toks[k - 1].start, toks[k - 1].end) if k else None
            break
        if t.kind == "marker":
            marker = (toks[k - 1].start, toks[k - 1].end) if k else None
            break
        if t.kind == "punct":
            break
        w = t.text.lower()
        if w in DEFINITE:
            det = "def"
            break
        if w in INDEFINITE:
            det = "indef"
            break
        if w in _STOP or w[:1].isdigit() or w in _UNITS:
            break       # (a capacity: "a 20 GWh cell plant" is no plant named "GWh")
        if amount is not None or head_class(w, (), 0, []) is not None:
            break       # nothing before an amount; another head starts another phrase
        mods.insert(0, t)
        k -= 1
    mods = mods[-6:]
    if toks[last_head].text[:1].isupper():
        # "shields Philly Shipyard", "state defence company Giraitė Armament Plant": before a
        # capitalised name, lower-case words are not part of it
        while mods and mods[0].text[:1].islower() and any(t.text[:1].isupper() for t in mods):
            mods.pop(0)
    if det is None and amount is None and owner is None and marker is None:
        while mods and mods[0].text.endswith("ing") and mods[0].text.islower():
            mods.pop(0)     # "developing deep-sea terminals": a verb, not a modifier
    head = toks[last_head]
    start = mods[0].start if mods else head.start
    named = [t for t in mods if t.text.lower() not in GENERIC_ADJECTIVES]
    name_start = named[0].start if named else head.start
    words = tuple(t.text for t in mods)
    content = frozenset(canonical(w) for w in words
                        if w.lower() not in GENERIC_ADJECTIVES and not w.lower().endswith(("est", "ly"))
                        and w not in demonyms() and head_class(w.lower(), (), 0, []) is None)
    proper = any(t.text[:1].isupper() and t.text.lower() not in common_words() for t in mods)
    return Phrase(start, head.end, head.text, cls, words, content, proper, det, owner,
                  amount, marker, name_start)


def canonical(word: str) -> str:
    """A comparable form of a modifier: lower case, sector synonyms folded, plural cut.

    >>> canonical("chip"), canonical("Semiconductor"), canonical("Terminals")
    ('semiconductors', 'semiconductors', 'terminal')
    """
    w = word.lower().replace("’", "'")
    folded = sector_word_map().get(w)
    if folded:
        return folded
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def amount_key(m: re.Match[str]) -> str:
    """``"$55 billion"`` -> ``"55000000000$"`` (currency symbol last)."""
    number = (m.group(1) or m.group(3) or "0").replace(",", "")
    unit = (m.group(2) or m.group(4) or "").lower()
    symbol = next((c for c in m.group(0) if c in "$€£¥"), "")
    value = float(number) * _MULT.get(unit, 1)
    return f"{value:.0f}{symbol}"


def _in_money(t: Token, money: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    for m in money:
        if m[0] <= t.start and t.end <= m[1]:
            return m
    return None
