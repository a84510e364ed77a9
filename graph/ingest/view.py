"""The view that every relation rule reads a sentence through (stage 7).

A :class:`View` holds one sentence, the entity mentions in it and the facts the
rules add; :mod:`.relations` and :mod:`.verbs` both read sentences through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .doc import Mention, Sentence
from .entities import EntityTable
from .lexicon import BRACKETED, POSS

ALL = -1    # "the projects": every project of the article, filled in at the end
ACTORS = frozenset("firm organization agency ministry government fund person".split())
BODIES = frozenset("firm organization agency ministry fund".split())
Fact = tuple[int, str, int, float, str]     # source key, type, target key, confidence, rule


# an item's description between commas, then the next item: "A, Mexico's export-import bank, and by B"
_DESCRIBED_ITEM = re.compile(r"\s*,\s*(?:(?:(?:the|a|an)\s+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+)(?:[\w-]+\s+){0,4}?"
                             r"[a-z][\w-]*|which\s+(?:[\w$€£¥₹.%-]+\s+){0,4}?[\w$€£¥₹.%-]+)"
                             r",\s*(?:and|or)\s+(?:by\s+|from\s+|with\s+|to\s+)?(?:the\s+)?")


@dataclass
class View:
    sentence: Sentence
    mentions: list[Mention]
    demonyms: list[tuple[int, int, str]]          # span + ISO code
    table: EntityTable
    topic: int | None = None
    last_actor: int | None = None                 # subject of the previous sentence ("It ...")
    last_body: int | None = None                  # the firm the latest sentences were about
    main_body: int | None = None                  # the firm the article has named most so far
    previous: frozenset[int] = frozenset()        # the entities the previous sentence named
    borrower: int | None = None                   # who last took a loan ("Kappa closed a loan")
    granter: int | None = None                    # who last announced grants ("the ministry awarded grants")
    facts: list[Fact] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def owner(self) -> Mention | None:
        """What "its" most likely points to: the sentence's first firm, else the previous subject."""
        first = next((m for m in self.mentions if m.key != ALL and not m.anaphor
                      and self.type(m) in ("firm", "organization")), None)
        if first is None and self.last_actor is not None:
            return Mention(0, 0, self.last_actor, anaphor=True)
        return first

    def type(self, m: Mention) -> str:
        return "project" if m.key == ALL else self.table[m.key].type

    def before(self, pos: int, types: frozenset[str] | set[str] | None = None,
               max_gap: int = 10_000) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.end <= pos and (types is None or self.type(m) in types) and pos - m.end <= max_gap:
                best = m
        return best

    def after(self, pos: int, types: frozenset[str] | set[str] | None = None,
              max_gap: int = 10_000) -> Mention | None:
        for m in self.mentions:
            if m.start >= pos and (types is None or self.type(m) in types):
                return m if m.start - pos <= max_gap else None
        return None

    def at_end(self, pos: int) -> Mention | None:
        return next((m for m in self.mentions if m.end == pos), None)

    def at_start(self, pos: int) -> Mention | None:
        return next((m for m in self.mentions if m.start == pos), None)

    def listed(self, first: Mention, types: frozenset[str] | set[str] | None = None) -> list[Mention]:
        """``first`` and the mentions coordinated with it: "A (甲), B in x and C"."""
        out = [first]
        closed = False      # an item came after "and"/"or": the list is complete
        for m in self.mentions:
            if m.start <= out[-1].start:
                continue
            described = _DESCRIBED_ITEM.match(self.text, out[-1].end)
            if described is not None and m.start < described.end():
                continue        # "A, Mexico's export-import bank, and by B": inside A's description
            if described is not None and m.start == described.end() and \
                    (types is None or self.type(m) in types):
                out.append(m)
                continue
            if types is not None and self.type(m) not in types:
                owned = self.possessed(m)      # "Qatar's Ooredoo and Hong Kong's CK Hutchison"
                if owned is not m and self.type(owned) in types:
                    gap = self.text[out[-1].end:m.start]
                    # ("Rho Agro of Norway and Poland's Mu Azoty": after the first one's country)
                    gap = re.sub(r"^\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+(?:and|or)\s|,)", "", gap)
                    if re.fullmatch(r"\s*" + BRACKETED + r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)",
                                    gap):
                        out.append(owned)
                        continue
            if m.key == out[-1].key or (re.fullmatch(r"\s*[（(]\s*", self.text[out[-1].end:m.start])
                                        and re.match(r"\s*[)）]", self.text[m.end:])):
                out[-1] = Mention(out[-1].start, m.end + 1 if m.end < len(self.text) else m.end,
                                  out[-1].key, out[-1].anaphor)
                continue        # "Archer-Daniels-Midland (ADM)": the same entity in brackets
            if types is not None and self.type(m) not in types or self.type(m) in ("government", "location"):
                if re.fullmatch(r"\s*" + BRACKETED + r"\s+(?:in|of)\s+(?:the\s+)?",
                                self.text[out[-1].end:m.start]):
                    continue        # "CATL in batteries or ZTE", "Lonza of Switzerland, B": step over
                if types is not None and self.type(m) not in types:
                    break
            gap = self.text[out[-1].end:m.start]
            if closed and re.fullmatch(r"\s*,\s*(?:the\s+)?", gap) and \
                    not re.match(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z]", self.text[m.end:]):
                break       # "A and B, C said": the list ended with its "and" (but "A and B, C and D")
            gap = re.sub(r"^\s*[（(][^)）]*[)）]", "", gap)
            gap = re.sub(r"^\s+in\s+[\w\s-]*?(?=\s+(?:and|or)\s|,)", "", gap)
            gap = re.sub(r"^\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+(?:and|or)\s|,)", "", gap)
            # "Uzbekhydroenergo, our state hydropower company, and Kappa Hydro": an apposition stepped over
            gap = re.sub(r"^\s*,\s+(?:a|an|the|our|its|their)\s+(?:[a-z][\w-]*\s+){0,5}?[a-z][\w-]*(?=,\s+(?:and|or)\s)",
                         "", gap)
            if re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+|a\s+|an\s+)?",
                            gap) or re.fullmatch(r"\s*,?\s*(?:and|or)\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,2}",
                                                 gap):      # "A, B and the state utility C"
                if re.fullmatch(r"\s*,\s*(?:a|an|the)\s+", gap) and re.match(r"\s+(?!and\b|or\b)[a-z]", self.text[m.end:]):
                    break   # "Omega Holdings, a Dubai government investment company": a description
                if re.fullmatch(r"\s*,\s*", gap) and re.match(r"[’']s?\s+[a-z]", self.text[m.end:]):
                    break   # "Bancomext, Mexico's state export bank": whose bank, not a second item
                closed = closed or re.match(r"\s*(?:and|or)\s", gap) is not None
                out.append(m)
            else:
                break
        return out

    def country(self, code: str) -> int:
        return self.table.country(code, self.sentence.index).key

    def subject(self, pos: int, types: frozenset[str]) -> Mention | None:
        """The actor before ``pos``; the sentence subject when an appositive intervenes.

        "Panasonic Energy, the battery arm of Panasonic Holdings, will build" -> Panasonic Energy.
        """
        first = next((m for m in self.mentions if self.type(m) in types), None)
        if first is not None and first.end <= pos and re.fullmatch(
                r"\s*" + BRACKETED + r"\s*,[^,]*,\s*(?:[\w%$.-]+\s+){0,4}", self.text[first.end:pos]):
            return first
        if first is not None and first.end <= pos and self._after_relative(first, pos):
            return first
        conj = None
        for conj in re.finditer(r"\s(?:and|but)\s+(?=(?:[a-z][\w-]*\s+){0,4}$)", self.text[:pos]):
            pass
        if first is not None and conj is not None and first.end <= conj.start() and \
                self.text[conj.start() - 1:conj.start()] not in (",", ")") and \
                not any(conj.end() <= m.start < pos for m in self.mentions):
            # "Masdar bought A from B last year and owns a stake in C": Masdar owns the stake
            return first
        return self._of_place(self.before(pos, types), types)

    def _of_place(self, near: Mention | None, types: frozenset[str]) -> Mention | None:
        """"Omega Engineering of South Africa is hired to build": the firm, not its country."""
        if near is None or self.type(near) not in ("government", "location"):
            return near
        head = self.at_end_of(near.start, r"\s+(?:of|from)\s+(?:the\s+)?")
        return head if head is not None and self.type(head) in types and \
            self.type(head) not in ("government", "location") else near

    def at_end_of(self, pos: int, gap: str) -> Mention | None:
        """The mention that ends right before ``gap`` and ``pos``."""
        m = re.search(gap + "$", self.text[:pos])
        return self.at_end(m.start()) if m is not None else None

    def _after_relative(self, first: Mention, pos: int) -> bool:
        """"Zeta Energy, which is 44% owned by the Public Investment Fund, also agreed to buy a
        25% stake": a 'which' clause between the subject and its verb phrase, no name after it."""
        m = re.fullmatch(r"\s*" + BRACKETED + r"\s*,\s+(?:which|who)\s[^,]*,\s*((?:[\w%$.-]+\s+){0,8})",
                         self.text[first.end:pos])
        return m is not None and not any(first.end + m.start(1) <= x.start < pos for x in self.mentions)

    def add(self, a: int | None, rtype: str, b: int | None, confidence: float, rule: str) -> None:
        if a is not None and b is not None and a != b:
            self.facts.append((a, rtype, b, confidence, rule))

    def described_body(self, m: Mention) -> Mention:
        """In "the U.S. conglomerate Tau Industries", the body a country or place describes."""
        if m.key == ALL or self.type(m) not in ("government", "location"):
            return m
        described = re.match(r"\s+(?:[a-z][\w-]*\s+){1,3}", self.text[m.end:])
        body = self.at_start(m.end + described.end()) if described is not None else None
        return body if body is not None and body.key != ALL and self.type(body) in BODIES else m

    def possessed(self, m: Mention) -> Mention:
        """In "Japan’s $55 billion tool", the tool rather than Japan."""
        owned = re.compile(POSS + r"\s+(?:[a-z][\w-]*\s+){0,3}").match(self.text, m.end)
        if owned is None:
            return m
        named = re.compile(POSS + r"\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+(?:the\s+)?").match(self.text, m.end)
        if named is not None and self.at_start(named.end()) is not None:
            return self.at_start(named.end()) or m     # "Brazil's port regulator, Antaq"
        return self.at_start(owned.end()) or m
