"""Every mention of the draft's entities in a sentence (stage 7a, second pass).

After the first pass has named the entities, a gazetteer of all their labels
(plus short forms: "SoftBank" for "SoftBank Group", "Infineon" for "Infineon
Technologies") finds each later mention. Phrases that point back ("the
plant", "this energy project", "this investment") resolve to a project with
the same words, else to the section's current topic; "the three projects" is
every project of the article.
"""

from __future__ import annotations

import re
from typing import Sequence

from .bilingual import Pair
from .doc import PROPER_TYPES, EntityDraft, Mention, Sentence
from .entities import EntityTable, classes_fit
from .gazetteer import Gazetteer
from .lexicon import REGION_ADJECTIVES, demonyms, is_common, org_words, place_labels, sector_words
from .phrases import Phrase, phrases
from .view import ALL, Fact

_ALL_PROJECTS = re.compile(r"\b(?:the|these|those|three|two|four|five|several|all|both)\s+"
                           r"(?:[a-z-]+\s+){0,2}?projects\b|\btrio of projects\b")
_THIS = re.compile(r"\bthis\s+(?:investment|venture|project|initiative|facility|plant)\b", re.I)


def doc_gazetteer(table: EntityTable) -> Gazetteer:
    """Labels, seed labels and short forms of every entity, and the demonyms."""
    g = Gazetteer()
    for e in table:
        labels = list(e.labels())
        if e.seed_id is not None and table.seeds is not None:
            labels += table.seeds.entities[e.seed_id].labels()
        proper = e.type in PROPER_TYPES
        if e.type in ("location", "government") and e.name.isupper() and len(e.name) > 3:
            labels.append(e.name.title())   # "FRANKFURT, Germany -" (a dateline), then "in Frankfurt"
        for label in labels:
            g.add(label, ("e", e.key), case_sensitive=proper and label != label.lower())
        for stem in short_forms(e, table):
            g.add(stem, ("stem", e.key), case_sensitive=True)
    for word, code in demonyms().items():
        g.add(word, ("demonym", code), case_sensitive=True)
    return g


def short_forms(e: EntityDraft, table: EntityTable) -> list[str]:
    """"SoftBank Group" -> "SoftBank"; "COSCO Shipping Ports" -> "COSCO"."""
    if e.type not in ("firm", "organization") or e.seed_id is not None:
        return []
    words = e.name.split()
    if len(words) < 2:
        return []
    out = []
    suffixes = org_words()["suffix"]
    stem = list(words)
    while len(stem) > 1 and stem[-1] in suffixes:
        stem.pop()
    if len(stem) < len(words) and any(not is_common(w) for w in stem):
        out.append(" ".join(stem))
    if words[0].isupper() and len(words[0]) >= 3:
        out.append(words[0])
    elif len(words[0]) >= 4 and words[0][:1].isupper() and not is_common(words[0]) \
            and words[0] not in demonyms() and words[0] not in REGION_ADJECTIVES:
        out.append(words[0])            # "Hanwha" for "Hanwha Aerospace"
    return [s for s in out if s not in place_labels() and table.lookup(s) is None and not _ADJECTIVE_STEM.fullmatch(s)
            and s not in demonyms()]


# an adjective is no short name: "European" of "European Investment Bank", "National" of "National Grid"
_ADJECTIVE_STEM = re.compile(r"European|Asian|African|American|Arab|Latin|"
                             r"Nordic|Pacific|Atlantic|International|National|Federal|Global|General|"
                             r"United|Central|Royal|Imperial|Continental|Universal|First")


_THE_HEAD = re.compile(r"\b[Tt]he\s+(?P<head>yard|shipyard|terminal|bank|lender|ministry|department|agency|"
                       r"fund|institute|commission|regulator|venture|port|mine|refinery|smelter|"
                       r"utility|foundry|carrier|insurer)\b(?!\s+(?:of|for)\b|[’']s\s+[A-Z])")
_HEAD_TYPES = {"ministry": ("ministry",), "department": ("ministry",), "fund": ("fund",),
               "agency": ("agency",), "regulator": ("agency",), "commission": ("agency", "organization"),
               "bank": ("firm", "agency"), "lender": ("firm", "agency", "fund")}


def _the_head(head: str, recent: list[int], table: EntityTable) -> int | None:
    """"the ministry", "the yard", "the bank": the latest entity that fits (by type or name)."""
    for key in reversed(recent):
        e = table[key]
        words = [w.lower() for w in e.name.split()]
        if head in ("bank", "lender") and e.type in _HEAD_TYPES[head] and "bank" in words:
            return key
        if head in _HEAD_TYPES and head not in ("bank", "lender"):
            if e.type in _HEAD_TYPES[head]:
                return key
            continue
        if head not in _HEAD_TYPES and e.type in ("firm", "project", "organization") and \
                any(w.endswith(head) for w in words):
            return key
    return None


def find_mentions(s: Sentence, gaz: Gazetteer, table: EntityTable, pairs: list[Pair],
                  topic: int | None, recent: Sequence[int] = ()
                  ) -> tuple[list[Mention], list[tuple[int, int, str]], list[Fact]]:
    """Mentions, demonyms and the operates_in facts of "this energy project"."""
    text = s.text
    parens = [p.paren for p in pairs if p.script != "latin"]
    mentions: list[Mention] = []
    dems: list[tuple[int, int, str]] = []
    for h in gaz.find(text):
        if any(a <= h.start and h.end <= b for a, b in parens):
            continue
        kinds = {v[0] for v in h.values}
        if kinds == {"demonym"}:
            dems.append((h.start, h.end, h.values[0][1]))
            continue
        keys = {v[1] for v in h.values if v[0] in ("e", "stem")}
        if len(keys) != 1:
            continue
        key = keys.pop()
        if all(v[0] == "stem" for v in h.values):
            if table[key].name in text[:h.start]:
                continue    # "ZGC Biologics, owned by the glassmaker ZGC": the parent, not a short form
            table.add_alias(table[key], text[h.start:h.end])
        mentions.append(Mention(h.start, h.end, key))
    facts: list[Fact] = []
    taken = [(m.start, m.end) for m in mentions]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _ALL_PROJECTS.finditer(text):
        if free(m.start(), m.end()):
            mentions.append(Mention(m.start(), m.end(), ALL, anaphor=True))
            taken.append((m.start(), m.end()))
    for m in _THIS.finditer(text):
        if topic is not None and free(m.start(), m.end()):
            mentions.append(Mention(m.start(), m.end(), topic, anaphor=True))
            taken.append((m.start(), m.end()))
    for p in phrases(text):
        if p.det != "def" and p.specific:
            continue
        inner = [m for m in mentions if p.start <= m.start and m.end <= p.end
                 and m.key != ALL and table[m.key].type in ("sector", "technology")]
        others = [(a, b) for a, b in taken if not any((m.start, m.end) == (a, b) for m in inner)]
        if not all(p.end <= a or p.start >= b for a, b in others):
            continue
        key = _refers_to(p, table, topic)
        if key is None or (key == topic and _OF_NAME.match(text, p.end)):
            continue        # "shipped through the port of Dar es Salaam": a facility named by its town
        # "this energy project": the phrase, not the sector word inside it, is the mention
        mentions = [m for m in mentions if m not in inner]
        taken = [(a, b) for a, b in taken if (a, b) in others]
        mentions.append(Mention(p.start, p.end, key, anaphor=True))
        taken.append((p.start, p.end))
        for word in p.content & sector_words():
            sector = table.lookup(word, "sector")
            if sector is not None and table[key].type == "project":
                facts.append((key, "operates_in", sector.key, 0.6, "sector-modifier"))
    mentions.sort(key=lambda m: m.start)
    for m in _THE_HEAD.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before = list(recent) + [x.key for x in mentions if x.end <= m.start() and x.key != ALL]
        key = _the_head(m.group("head"), before, table)
        if key is not None:
            mentions.append(Mention(m.start(), m.end(), key, anaphor=True))
            taken.append((m.start(), m.end()))
    mentions.sort(key=lambda m: m.start)
    return mentions, dems, facts


_OF_NAME = re.compile(r"\s+of\s+[A-Z]")
_FACILITY_HEADS = frozenset("plant mine smelter refinery fab terminal port yard shipyard factory "
                            "farm park site".split())


def _refers_to(p: Phrase, table: EntityTable, topic: int | None) -> int | None:
    if p.cls == "FUND":
        found = table.find_phrase(p.content, "FUND", "fund", p.amount)
        if found is None and p.det == "def":
            funds = [e for e in table if e.type == "fund"]
            found = funds[0] if len(funds) == 1 else None
        return found.key if found is not None else None
    plain = frozenset(w for w in p.content if w not in sector_words())
    if plain:
        found = table.find_phrase(plain, p.cls, "project")
        if found is not None:
            return found.key
    if topic is not None and p.det == "def" and table[topic].type == "project" \
            and classes_fit(table[topic].cls, p.cls) and plain <= table[topic].words:
        head = p.head.lower()
        named = [e for e in table if e.type == "project" and e.name.lower().endswith(" " + head)]
        last = table[topic].name.lower().split()[-1]
        if last in _FACILITY_HEADS and last != head and len(named) == 1 and not plain:
            return named[0].key     # "the smelter" after "the Grasberg mine": the one smelter
        return topic
    return None
