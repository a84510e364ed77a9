"""Entity candidates of one sentence from gazetteers and patterns (stage 5).

- gazetteers: entities of the seed folder, countries (and demonyms), places,
  sectors and technologies (weak sector words only in a sector context);
- organisation names by their words: "Nomura Securities", "Ministry of ...",
  "Loan Programs Office", "US-Japan Trade Agreement";
- organisations by context: "led by X", "according to X", "a study by X",
  "firms like A and B", a list in which one item is known to be a firm;
- projects and funds: "projects include A, B and C", "a deep-sea crude oil
  terminal", "$55 billion investment tool", "initiatives such as X";
- places by context: "in Dresden", "De Soto, Kansas"; alliances: "the Quad alliance".

Overlapping candidates are settled by :func:`select`: longer spans win, then
higher priority.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from ..model import Dataset
from .doc import PROPER_TYPES, Candidate, Sentence
from .entities import EntityTable
from .gazetteer import Gazetteer, Hit
from .lexicon import (AMOUNT, APPOINTS, BRACKETED, FACILITY_HEADS, NAME_PARTICLE, roles, place_labels, sector_words, FUND_HEADS, ORG_LIST_NOUNS, PROJECT_HEADS, SECTOR_NOUNS, countries, demonyms, is_common, is_personal_name, looks_like_firm_name, org_words,
                      places)
from .lexicon import BUSINESS_ABBREVIATIONS, COMPANY_HEAD_TITLES, CORPORATE_TITLE_WORDS, OFFICER_TITLES, OWNER_MARKERS, REGION_ADJECTIVES, REGULATED_FIELDS, Country, SectorTerm, portfolios
from .lexicon import sectors as sector_terms
from .names import Run, from_place, run_at, runs, title_words, tokens
from .misreads import legislatures, place_named_unit
from .precision import (body_then_place, dateline_credit, ends_attribution, in_dateline_head, owns_a_role, datelines, in_dateline_label, not_a_name, romance_name,
                        seat_governments)
from .projects import apposed_facilities, described_as_projects, described_facilities, wide_places
from .phrases import Phrase, canonical, phrases

_BY_AGENT = re.compile(r"\b(?:led|headed|spearheaded|run|managed|built|developed|operated|backed|"
                       r"funded|financed|supported|owned|controlled|acquired|[Ff]ounded|reported|"
                       r"published|commissioned|sponsored|underwritten|paid out|provided|granted|"
                       r"projects|plants|factories|investments|deals|bids|offers)\s+(?:\w+ly\s+)?"
                       r"(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?by\s+")    # "Founded in 1998 by P"
# "a group of banks led by Morgan Stanley": a lender, not a person
_LENDERS_BEFORE = re.compile(r"\b(?:banks|lenders|consortium|syndicate|investors|funds|firms|"
                             r"companies|group)\s+(?:of\s+\w+\s+(?:\w+\s+)?)?$")
_PERSON_BY = re.compile(r"\b(?:chaired|headed|led|[Ff]ounded)\s+(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?by")
# "Tesla's electric vehicles": a name that owns a sector's products is a firm
_POSSESSIVE_SECTOR = re.compile(r"[’']s\s+$")
_ACQUIRE = re.compile(r"\b(?:acquire|acquires|acquired|acquiring|buy|buys|bought|buying|take over|"
                      r"takes over|took over|merge with|merges with|merged with)\s+")
# "equipment comes mainly from X": a supplier
_COME_FROM = re.compile(r"\b(?:come|comes|came|coming)\s+(?:\w+ly\s+)?from\s+(?:the\s+)?")
# "Argentina's Catamarca province": a named first-level division
_DIVISION = re.compile(r"^\s+(?:province|prefecture|state|region|county|oblast|governorate)\b")
_SUPPLY_TO = re.compile(r"\b(?:supply|supplies|supplied|supplying|sell|sells|sold|selling|deliver|"
                        r"delivers|delivered|delivering)\b[^.;,]{0,40}?\b(?:to|for)\s+")
_ACCORDING = re.compile(r"\baccording to\s+|\b(?:study|report|survey|analysis|data|research|"
                        r"estimates?|forecasts?|figures|index|poll|note)\s+(?:by|from)\s+",
                        re.IGNORECASE)
_ORG_LIST = re.compile(rf"\b(?:{'|'.join(sorted(ORG_LIST_NOUNS))})\s*,?\s+(?:like|such as|including)\s+",
                       re.IGNORECASE)
_PROGRAM_LIST = re.compile(r"\b(?:initiatives|projects|programmes|programs|schemes|ventures)\s*,?\s+"
                           r"(?:such as|like|including)\s+")
_PROJECTS_INCLUDE = re.compile(r"\b(?:projects|ventures|initiatives|investments)\s+(?:include|includes|"
                               r"included|are|comprise|cover|span)\s*:?\s+")
_ALLIANCE = re.compile(r"\s+(alliance|coalition|consortium|bloc|grouping)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|from|across|north of|south of|east of|west of|"
                           r"\b(?:the|a)\s+(?:port|city|town|village|capital|province|region|island|"
                           r"outskirts|suburbs?|centre|center|heart|edge)\s+of)"
                           r"\s+(?:the\s+|nearby\s+|neighbouring\s+|neighboring\s+)?$")
_FIRM_APPOSITION = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:manufacturer|maker|producer|company|firm|group|supplier|operator|"
                              r"developer|builder|contractor|lender|bank|carrier|utility|miner|trader|"
                              r"chipmaker|carmaker|shipbuilder|shipyard|conglomerate|customer|client|"
                              r"buyer|partner|rival|competitor|shareholder|parent|subsidiary|house|"
                              r"investor|insurer|refiner|start-?up)s?\b")
_DEAL_BEFORE = re.compile(r"\b(?:buy|buys|bought|buying|purchas\w*|procur\w*|obtain\w*|acquir\w*|acquisitions?|takeover|borrow\w*|licen[cs]\w*|"
                          r"sourc\w*|import\w*|order\w*|stakes?|shares|loans?|funding|financing|"
                          r"grants?|investment|money|equipment|orders|contracts?|competition|rivalry|"
                          r"us(?:e|es|ed|ing)|spun\s+off|carved\s+out|demerged|split\s+off)\b[^.;]*$", re.I)
_HOLDER_MARKER = re.compile("-(?:" + "|".join(m[1:] for m, t in OWNER_MARKERS.items() if t != "leads") + r")\s+[A-Z]")
_INVEST_IN = re.compile(r"\binvest(?:s|ed|ing)?(?:\s+(?:about\s+|another\s+|a\s+further\s+)?" + AMOUNT +
                        r")?\s+in\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"^\s*" + BRACKETED + r"\s*(?:in\s+[a-z][\w\s-]*?\s*)?"
                       r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+(?=(?:a|an|the)\s)|;\s*")
_SECTOR_LIST_BEFORE = re.compile(r"\b(?:sectors?|industries|areas|markets|fields)\s+(?:like|such as|"
                                 r"including)\s+(?:[\w-]+(?:\s[\w-]+)?,\s+(?:and\s+|or\s+)?)*$", re.I)
_SECTOR_VERB_BEFORE = re.compile(r"\b(?:speciali[sz]ing|speciali[sz]e|active|operating|companies|firms|"
                                 r"stocks|players|investing|invest|exposure|expertise)\s+in\s+$", re.I)
_COORDINATION = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_SECTOR_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")
_FIRM_NOUNS = frozenset("group company firm maker producer operator giant conglomerate developer "
                        "multinational".split())


_OPENING_MARKS = " \t\n\"“‘'"      # what may stand before a sentence's first word


class Detector:
    """Finds candidates in sentences; holds the gazetteers built for one run."""

    def __init__(self, seeds: Dataset | None = None):
        self.lexicon = lexicon_gazetteer()
        self.seeds = seed_gazetteer(seeds) if seeds is not None else None
        self.mid_caps: frozenset[str] = frozenset()   # tokens capitalised mid-sentence in the article

    def read_article(self, sentences: list[Sentence]) -> None:
        """Note the words the article capitalises inside sentences (names, not openers)."""
        caps: set[str] = set()
        for s in sentences:
            if s.heading:
                continue
            label = _LINE_LABEL.match(s.text)
            first = label.end() if label is not None and label.end() else 0
            first += len(s.text[first:]) - len(s.text[first:].lstrip(_OPENING_MARKS))   # '"Today ...'
            for t in tokens(s.text):
                if t.cap and t.start > first:      # not the first word, after "A:" or a bullet too
                    caps.add(t.text)
        self.mid_caps = frozenset(caps)

    def candidates(self, s: Sentence, table: EntityTable) -> list[Candidate]:
        text = s.text
        out: list[Candidate] = []
        if self.seeds is not None:
            out.extend(Candidate(h.start, h.end, "seed", h.label, priority=100, rule="seed",
                                 seed_id=h.values[0]) for h in self.seeds.find(text)
                       if len(h.values) == 1)
        out.extend(lexicon_candidates(text, self.lexicon))
        out.extend(org_names(text))
        out.extend(legislatures(text))
        out.extend(datelines(text))
        out.extend(context_orgs(text, table))
        if not s.heading:
            out.extend(project_lists(text))
            out.extend(places_by_context(text, table, out))
        out.extend(_trim(text, [_after_verb(text, p) for p in project_phrases(text)], out))
        out.extend(alliances(text))
        if not s.heading:
            out.extend(_based_places(text, out))     # "a Boston-based biotech firm": before the firms
            out.extend(other_names(text, table, out, self.mid_caps))
        out.extend(described_facilities(text, out, table))
        apposed_facilities(text, out)
        described_as_projects(text, out)
        out.extend(portfolio_ministries(text))
        out.extend(field_regulators(text))
        seat_governments(out)
        return out


# "China's commerce ministry", "the Korean trade ministry": a ministry named by its portfolio
_PORTFOLIO_MINISTRY = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)[’']s\s+|\b(?P<dem>[A-Z][a-z]+)\s+)?"
    r"(?P<port>\b[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,2})\s+ministry\b")


def portfolio_ministries(text: str) -> list[Candidate]:
    """A ministry written in lower case after its portfolio ("commerce ministry"), named with
    the country the text gives it ("China's commerce ministry"; not its short form as an alias,
    which would make one ministry of two countries' in a multi-article draft)."""
    out = []
    ports = {w.lower() for p in portfolios() for w in p.split()} | {"foreign", "economic"}
    for m in _PORTFOLIO_MINISTRY.finditer(text):
        words = m.group("port").split()
        while words and words[0] not in ports:
            words.pop(0)            # "said the commerce ministry": from the portfolio on
        if not words or not all(w in ports or w == "and" for w in words):
            continue
        short = " ".join(words) + " ministry"
        start = m.end() - len(short)
        owner = m.group("owner") if m.group("owner") and _is_place_or_country(m.group("owner")) \
            else None
        dem = m.group("dem") if m.group("dem") in demonyms() and len(words) == len(m.group("port").split()) \
            else None
        if not owner and not dem:
            continue        # "the finance ministry": whose, the article may not say (nor which article)
        name = f"{owner}'s {short}" if owner else f"{dem} {short}"
        out.append(Candidate(start, m.end(), "ministry", name,
                             priority=60, rule="portfolio-ministry"))
    return out


# "Turkey's competition authority", "the Polish energy regulator": a regulator named by its field
_FIELD_REGULATOR = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)[’']s\s+|\b(?P<dem>[A-Z][a-z]+)\s+)"
    r"(?P<field>" + REGULATED_FIELDS + r"\s+(?:authority|regulator|watchdog|commission|agency))\b")


def field_regulators(text: str) -> list[Candidate]:
    """A regulator written in lower case after its field, named with the country the text gives
    it ("Turkey's competition authority", "the Polish energy regulator"): an agency."""
    out = []
    for m in _FIELD_REGULATOR.finditer(text):
        if re.match(r"\s*(?:,\s*(?:the\s+)?|\(|—\s*)?[A-Z]", text[m.end():]) or \
                re.search(r"\w\s+[A-Z][\w)]*,\s*$", text[:m.start()]):
            continue        # "Chile's antitrust authority, the FNE", "... regulator Kasumi": named beside it
        owner = m.group("owner") if m.group("owner") and _is_place_or_country(m.group("owner")) else None
        dem = m.group("dem") if m.group("dem") in demonyms() else None
        if owner or dem:
            name = f"{owner}'s {m.group('field')}" if owner else f"{dem} {m.group('field')}"
            out.append(Candidate(m.start("field"), m.end(), "agency", name, priority=60, rule="field-regulator"))
    return out


# "Alzheimer's disease", "Parkinson's": a condition named after a person, no body
_EPONYM = re.compile(r"[’']s\s+(?:disease|syndrome|disorder)\b")      # (not "Pfizer's drug": a firm's)


_BASED = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-based\b")


def _based_places(text: str, known: list[Candidate]) -> list[Candidate]:
    """"the Honolulu-based carrier": Honolulu is a place."""
    out = []
    for m in _BASED.finditer(text):
        if any(c.start < m.end(1) and m.start(1) < c.end for c in known) or \
                m.group(1) in demonyms() or is_common(m.group(1)):
            continue
        out.append(Candidate(m.start(1), m.end(1), "location", m.group(1), priority=35,
                             rule="x-based"))
    return out


_HEADLINE_VERB = re.compile(r"^.*?\b[A-Z][\w&.-]*\s+(?:[a-z]+s|to|will\s+\w+|wins|gets|opens)\s+"
                            r"(?:(?:a|an|the|its|\S*\d\S*)\s+)*")


def _after_verb(text: str, c: Candidate) -> Candidate:
    """"TSMC opens second Kumamoto fab": the project is what follows the verb."""
    m = _HEADLINE_VERB.match(c.name)
    if m is None or m.end() >= len(c.name):
        return c
    start = c.start + m.end()
    kept = {canonical(w) for w in text[start:c.end].split()}
    c.words = frozenset(w for w in c.words if w in kept)
    c.start, c.name = start, text[start:c.end]
    return c


def _trim(text: str, projects: list[Candidate], others: list[Candidate]) -> list[Candidate]:
    """"Gulf of Mexico Deep-Sea Crude Oil Terminal": the place is not part of the name."""
    out = []
    for c in projects:
        start = c.start
        for o in others:
            if o.priority < 70:
                continue        # a guess (e.g. "in Chancay") does not cut a phrase
            if o.type in ("location", "government", "firm", "organization", "agency", "ministry") \
                    and o.start < c.start < o.end or (o.type in ("location", "government")
                                                      and c.start <= o.start < o.end < c.end
                                                      and c.type == "project"):
                start = max(start, o.end)
        if start != c.start:
            while start < c.end and not text[start].isalnum():
                start += 1
            kept = {canonical(w) for w in text[start:c.end].split()}
            c.words = frozenset(w for w in c.words if w in kept)
            c.start, c.name = start, text[start:c.end]
            if not c.words or c.start >= c.end:
                continue
        out.append(c)
    return out


def select(cands: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then highest priority.

    >>> a = Candidate(0, 5, "location", "Gulf"); b = Candidate(0, 14, "location", "Gulf of Mexico")
    >>> [c.name for c in select([a, b])]
    ['Gulf of Mexico']
    """
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if c.length > 0 and all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# -- gazetteers ---------------------------------------------------------------
@cache
def lexicon_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for c in countries():
        for label in (c.name, *c.aliases):
            g.add(label, ("country", c.code), case_sensitive=True)
        for d in c.demonyms:
            g.add(d, ("demonym", c.code), case_sensitive=True)
    for p in places():
        for label in (p.name, *p.aliases):
            g.add(label, ("place", p), case_sensitive=True)
    for s in sector_terms():
        for label in (s.name, *s.synonyms):
            g.add(label, ("sector", s), case_sensitive=sum(ch.isupper() for ch in label) >= 2)
    return g


def seed_gazetteer(seeds: Dataset) -> Gazetteer:
    g = Gazetteer()
    for e in seeds.entities.values():
        for label in e.labels():
            if len(label) >= 2:
                g.add(label, e.id, case_sensitive=e.type in PROPER_TYPES and label[:1].isupper())
    return g


def lexicon_candidates(text: str, g: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    hits = g.find(text)
    sector_hits: list[tuple[Hit, SectorTerm]] = []
    for h in hits:
        kind, value = h.values[0]
        if kind == "country":
            info = _country(value)
            out.append(Candidate(h.start, h.end, "government", info.name, country=value,
                                 aliases=(text[h.start:h.end],), priority=80, rule="country"))
        elif kind == "demonym":
            m = re.match(r"\s+government\b", text[h.end:])
            if m:
                info = _country(value)
                out.append(Candidate(h.start, h.end + m.end(), "government", info.name,
                                     aliases=(text[h.start:h.end + m.end()],), country=value,
                                     priority=80, rule="country"))
        elif kind == "place":
            out.append(Candidate(h.start, h.end, "location", value.name, country=value.country,
                                 aliases=(text[h.start:h.end],), priority=75, rule="place"))
        else:
            sector_hits.append((h, value))
    sectors = _sectors_in_context(text, sector_hits)
    out.extend(sectors)
    for c in sectors:
        if _POSSESSIVE_SECTOR.search(text[:c.start]):
            run = next((r for r in runs(text) if r.end == len(text[:c.start].rstrip()) - 2), None)
            if run is not None and any(not is_common(w) for w in run.words) and \
                    not _is_place_or_country(run.text(text)):
                out.append(Candidate(run.start, run.end, "firm", run.text(text), priority=55,
                                     rule="possessive-sector"))
    return out


def _sectors_in_context(text: str, hits: list[tuple[Hit, SectorTerm]]) -> list[Candidate]:
    """Strong sector terms always; weak ones in a sector context (see module doc)."""
    ok = [not term.weak or _sector_context(text, h.start, h.end) for h, term in hits]
    changed = True
    while changed:               # a list with a sector is a list of sectors
        changed = False
        for i in range(len(hits)):
            if ok[i]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(hits) and ok[j]:
                    a, b = sorted((hits[i][0], hits[j][0]), key=lambda h: h.start)
                    if _SECTOR_LIST_GAP.match(text[a.end:b.start]):
                        ok[i] = changed = True
                        break
    return [Candidate(h.start, h.end, term.type, term.name, aliases=(text[h.start:h.end],),
                      priority=50, rule="sector")
            for (h, term), good in zip(hits, ok) if good]


def _sector_context(text: str, start: int, end: int) -> bool:
    nxt = re.match(r"\s+([\w-]+)", text[end:])
    if nxt and (nxt.group(1).lower() in SECTOR_NOUNS or nxt.group(1).lower() in _FIRM_NOUNS):
        return True
    before = text[:start]
    return bool(_SECTOR_LIST_BEFORE.search(before) or _SECTOR_VERB_BEFORE.search(before))


# -- organisations ------------------------------------------------------------
_STATE_LENDER = re.compile(r"\b(?:Development|Export-Import|Exim|Reconstruction|Infrastructure Investment|"
                           r"Investment)\s+Bank\b|^State\s+Bank\b|\bBank\s+for\s+(?:International|"
                           r"Reconstruction)|^World\s+Bank$")
_PUBLIC_DEVELOPER = re.compile(r"\bEconomic\s+Development\s+(?:Corporation|Authority|Agency|Board|Council|"
                               r"Commission|Partnership)$")
_MULTILATERAL = frozenset("Asian African European Inter-American Islamic World Caribbean Nordic "
                          "International New".split())


# "European Union", "Postal Union" but not "Western Union" (a firm)
_PUBLIC_UNION = re.compile(r"European|African|Soviet|Eurasian|Arab|Latin|Postal|Customs|Workers[’']?|"
                           r"Trade|Farmers[’']?|Students[’']?|Economic|Monetary|Telecommunication|"
                           r"Broadcasting|International|National|Credit")


def org_type(run: Run) -> str | None:
    """The entity type a name's words imply.

    "Nomura Securities" -> firm (suffix), "Bank of China" -> firm (prefix),
    "Kiel Institute for the World Economy" -> organization ("Institute for").
    A sector word as suffix ("Hua Hong Semiconductor") needs a real name before it.
    """
    words = run.words
    if len(words) < 2:
        return None
    if "Bank" in words:
        lender = _STATE_LENDER.search(" ".join(words))
        if lender is not None:      # a development or export-credit bank is a public lender
            return "organization" if words[0] in _MULTILATERAL else "agency"
    if _PUBLIC_DEVELOPER.search(" ".join(words)):
        return "agency"         # "Michigan Economic Development Corporation": a public body
    ow = org_words()
    if words[1] in ("of", "for") and ow["prefix"].get(words[0]) == "ministry":
        return "ministry"       # "Ministry of Industry and Mineral Resources"
    if len(words) == 2 and words[1] == "Treasury" and (words[0] in ("HM", "US", "U.S.") or
                                                       words[0] in place_labels()):
        return "ministry"       # "US Treasury", "Australian Treasury" (not "Sigma Treasury", a fintech)
    last, before = words[-1], words[-2]
    if last in ow["suffix"] and (last != "Union" or _PUBLIC_UNION.fullmatch(before)):
        industry = last.lower() in sector_words()
        if not industry or (before[:1].isupper() and not is_common(before)):
            return ow["suffix"][last]
    for k, w in enumerate(words[:-1]):
        if words[k + 1] in ("of", "for", "on"):
            etype = ow["prefix"].get(w) or (ow["suffix"].get(w) if k > 0 else None)
            if etype in ("ministry", "agency", "organization") or (etype and k == 0):
                return etype
            if k > 0 and ow["suffix"].get(w) == "firm" and w in ("Bank", "Corporation", "Company"):
                return "firm"       # "Export-Import Bank of Korea", "State Bank of India"
    for w in words:
        if w in ow["any"]:
            return ow["any"][w]
    return None


_CORPORATE_TITLE = CORPORATE_TITLE_WORDS


def _after_title(run: Run) -> Run:
    """"Chief Executive Officer of Omega Chemicals" (a capitalised title): the body after "of"."""
    words = run.words
    if "of" not in words[1:] or not all(w in _CORPORATE_TITLE for w in words[:words.index("of")]):
        return run
    i = words.index("of") + 1
    while i < len(words) and words[i] == "the":
        i += 1
    return Run(run.tokens[i].start, run.end, run.tokens[i:]) if i < len(words) else run


def org_names(text: str) -> list[Candidate]:
    out = []
    for titled in runs(text):
        whole = _after_title(titled)
        if whole is not titled and re.match(r",?\s+at\s+(?:the\s+)?[A-Z]", text[titled.end:]):
            continue        # "Vice President of Global Sales at Kappa Motors": a department, the body follows
        run = from_place(whole) if _body_then_place(whole) else whole
        etype = org_type(run)
        if etype is None:
            continue
        name = run.text(text)
        country = None
        written: tuple[str, ...] = ()
        if etype in ("ministry", "agency") and run.words[0] in demonyms():
            country = demonyms()[run.words[0]]
            start = run.tokens[1].start
            name, written = text[start:run.end], (name,)   # "Malaysian Communications and ...": an alias
        else:
            start = run.start
        cand = Candidate(start, run.end, etype, name, aliases=written, country=country, priority=70,
                         rule="org-words")
        if etype == "project":
            cand.words = frozenset(canonical(w) for w in run.words[:-1]
                                   if w not in ("of", "and", "for", "the"))
            cand.cls = "PRG" if run.words[-1] != "Project" else "GEN"
        out.append(cand)
    return out


def _body_then_place(run: Run) -> bool:
    """"DBS Bank of Singapore": a body's name, then "of" and where it is from."""
    words = run.words
    return "of" in words[1:] and body_then_place(words[:len(words) - 1 - words[::-1].index("of")])


def context_orgs(text: str, table: EntityTable) -> list[Candidate]:
    out: list[Candidate] = []
    for pattern, etype, rule in ((_BY_AGENT, "firm", "by-agent"), (_SUPPLY_TO, "firm", "supply-to"),
                                 (_COME_FROM, "firm", "come-from"),
                                 (_ACQUIRE, "firm", "acquire"),
                                 (_ACCORDING, "organization", "according-to")):
        for m in pattern.finditer(text):
            run = run_at(text, m.end())
            if run is not None and text[run.end:].startswith(" family"):
                continue          # "controlled by the Mehta family": a family, not a firm named Mehta
            if run is not None and rule == "by-agent" and _PERSON_BY.search(m.group()):
                for n in (2, 1):    # "led by Governor P", "led by Chief Minister P": P
                    title = " ".join(run.words[:n])
                    if len(run.tokens) >= n + 2 and title in roles() and roles()[title].kind == "heads":
                        run = run_at(text, run.tokens[n].start)
                        break
            if run is not None and rule == "by-agent" and _PERSON_BY.search(m.group()) and \
                    not re.match(r"[’']s?\s", text[run.end:]) and \
                    not _LENDERS_BEFORE.search(text[:m.start()]) and 2 <= len(run.words) <= 3 and org_type(run) is None and \
                    all(w[:1].isupper() and (w.replace("-", "").isalpha() or re.fullmatch(r"(?:[A-Z]\.)+", w))
                        and not is_common(w) for w in run.words) and table.lookup(run.words[0]) is None:
                # "which is led by Dovilė Šakalienė": a bare personal name, not a firm
                out.append(Candidate(run.start, run.end, "person", run.text(text), priority=60,
                                     rule="by-person"))
                continue
            if run is not None and rule == "come-from" and len(run.words) < 2:
                continue          # "parts come from Dresden": a one-word name may be a place
            if run is not None and len(run.words) == 1 and (run.words[0] in demonyms()
                                                           or run.words[0] in REGION_ADJECTIVES
                                                           or run.words[0] in _NOT_NAMES):
                continue          # "financed by European lenders": an adjective, not a name;
                # "buys LNG from X": goods, not a firm
            if run is not None and org_type(run) is None and is_personal_name(run.words):
                # "according to Maria Schmidt", "run by Li Wei": a person, by the name's parts
                out.append(Candidate(run.start, run.end, "person", run.text(text), priority=60,
                                     rule="by-person"))
                continue
            if run is not None:
                out.extend(_org_list(text, run, etype, rule, table))
    for m in _ORG_LIST.finditer(text):
        run = run_at(text, m.end())
        if run is None:
            continue
        dem = re.search(r"(\w+)\s+$", text[:m.start()])
        country = demonyms().get(dem.group(1)) if dem else None
        for c in _org_list(text, run, "firm", "firms-like", table, strict=False):
            c.country = c.country or country
            out.append(c)
    for m in _PROGRAM_LIST.finditer(text):
        run = run_at(text, m.end())
        if run is not None and len(run.tokens) >= 2:
            words = frozenset(canonical(w) for w in run.words if w[:1].isupper())
            out.append(Candidate(run.start, run.end, "project", run.text(text), priority=65,
                                 rule="initiatives-like", words=words, cls="PRG"))
    out.extend(_list_propagation(text, table))
    return out


def _org_list(text: str, first: Run, etype: str, rule: str, table: EntityTable,
              strict: bool = True) -> list[Candidate]:
    """``first`` and the runs listed after it ("A, B and C"), as organisation candidates."""
    all_runs = runs(text)
    items = [first]
    for r in all_runs:
        if r.start > items[-1].end and _LIST_GAP.match(text[items[-1].end:r.start]):
            items.append(r)
        elif r.start > items[-1].end:
            break
    out = []
    for whole in items:
        r = _cut_at_connector(whole, text[whole.end:])
        if not _org_like(r, text, table, strict):
            continue
        out.append(Candidate(r.start, r.end, org_type(r) or etype, r.text(text), priority=60,
                             rule=rule))
    return out


def _org_like(run: Run, text: str, table: EntityTable, strict: bool) -> bool:
    name = run.text(text)
    if all(is_common(w) or not w[:1].isupper() for w in run.words):
        return False
    if name in demonyms() or _is_place_or_country(name):
        return False
    known = table.lookup(name)
    if known is not None and known.type in ("person", "location", "government", "sector"):
        return False
    return not strict or len(run.words) <= 6


def _list_propagation(text: str, table: EntityTable) -> list[Candidate]:
    """In "Bosch, Infineon Technologies and NXP Semiconductors", all three are firms."""
    out: list[Candidate] = []
    all_runs = runs(text)
    i = 0
    while i < len(all_runs):
        group = [all_runs[i]]
        j = i + 1
        while j < len(all_runs) and _COORDINATION.fullmatch(text[group[-1].end:all_runs[j].start]):
            group.append(all_runs[j])
            j += 1
        if len(group) >= 2:
            kinds = []
            for r in group:
                known = table.lookup(r.text(text))
                kinds.append(org_type(r) if org_type(r) else (known.type if known else None))
            firmish = [k for k in kinds if k in ("firm",)]
            if firmish:
                for whole, k in zip(group, kinds):
                    r = _cut_at_connector(whole)    # "Zeta and Kappa of Japan": Kappa
                    if k is None and _org_like(r, text, table, True) and len(r.words) <= 4 \
                            and not set(r.words) <= title_words():    # "P, President and CEO of X"
                        out.append(Candidate(r.start, r.end, "firm", r.text(text), priority=55,
                                             rule="list"))
        i = j
    return out


# -- projects, funds, alliances ----------------------------------------------
def project_lists(text: str) -> list[Candidate]:
    """"The projects include A, B, and C": each item is a project."""
    m = _PROJECTS_INCLUDE.search(text)
    if m is None:
        return []
    out = []
    body_end = len(text.rstrip(". "))
    pos = m.end()
    for part in _ITEM_SPLIT.split(text[m.end():body_end]):
        start = text.index(part, pos) if part else pos
        pos = start + len(part)
        item = re.sub(r"^(?:and\s+|or\s+)?(?:a|an|the)\s+", "", part)
        item = re.sub(r"^.*?-(?:led|backed|funded|run)\s+", "", item)
        item = re.split(r"\s+(?:in|off|near|at|across|north of|south of|with|by|that|which)\s+", item)[0]
        item = item.strip(" ,;.")
        if not item or len(item.split()) > 8 or item[:1].isupper() and len(item.split()) == 1:
            continue
        s = text.index(item, start)
        words = frozenset(canonical(w) for w in item.split()
                          if w.lower() not in ("for", "of", "and", "the", "a", "an", "in"))
        heads = [p for p in phrases(item)]
        cls = heads[-1].cls if heads and heads[-1].end == len(item) else "GEN"
        words = frozenset(w for w in words if w not in ("project", "initiative", "venture",
                                                        "terminal", "plant", "programme"))
        out.append(Candidate(s, s + len(item), "project", item, priority=72, rule="projects-include",
                             words=words, cls=cls))
    return out


def project_phrases(text: str) -> list[Candidate]:
    out = []
    for p in phrases(text):
        name = text[p.name_start:p.end]
        if p.cls == "FUND":
            if p.amount is None and p.owner is None and not any(w in demonyms() for w in p.mods):
                continue
            if p.amount is None and re.search(r"[\w.)）]\s*,\s+(?:the\s+|its\s+|a\s+)?$",
                                              text[:p.owner[0] if p.owner else p.start]):
                continue        # "PIF, the kingdom's sovereign wealth fund": the name before it
            named = re.match(r"\s*,?\s+([A-Z][\w&.-]*)(?!\s+(?:said|says)\b)", text[p.end:])
            if p.amount is None and named is not None and not is_common(named.group(1)) and \
                    not _is_place_or_country(named.group(1)):
                continue        # "Abu Dhabi's sovereign fund Zeta Investment Authority", "Norway's
                # state pension fund, Folketrygdfondet": the name follows
            if p.head.lower() == "investment" and p.owner is not None and \
                    not _is_place_or_country(text[p.owner[0]:p.owner[1]]):
                continue        # "Samsung's $37 billion investment in two fabs": spending, not a fund
            # the amount names the fund: "$55 billion Japanese investment tool"
            amount_start = _amount_start(text, p)
            out.append(Candidate(amount_start, p.end, "fund", text[amount_start:p.end], priority=70,
                                 rule="fund-phrase", words=p.content, amount=p.amount, cls="FUND",
                                 merge_only=p.amount is None and len(p.content) < 1))
            continue
        if not p.content:
            continue
        cand = Candidate(p.name_start, p.end, "project", name, priority=65, rule="project-phrase",
                         words=p.content, cls=p.cls, merge_only=not p.specific)
        if p.det == "def" and not p.specific:
            continue        # "the plant": an anaphor, resolved later
        out.append(cand)
    return out


def _amount_start(text: str, p: Phrase) -> int:
    from .phrases import MONEY
    for m in MONEY.finditer(text):
        if m.end() <= p.name_start and not text[m.end():p.name_start].strip():
            return m.start()
        if m.start() <= p.name_start < m.end():
            return m.start()
    return p.name_start


def alliances(text: str) -> list[Candidate]:
    out = []
    for run in runs(text):
        m = _ALLIANCE.match(text[run.end:])
        if m and any(not is_common(w) for w in run.words) and not _is_place_or_country(run.text(text)):
            end = run.end + m.end()
            out.append(Candidate(run.start, end, "organization", text[run.start:end],
                                 aliases=(run.text(text),), priority=60, rule="alliance"))
    return out


# -- places by context ----------------------------------------------------------
def places_by_context(text: str, table: EntityTable, known: list[Candidate]) -> list[Candidate]:
    """"in Dresden", "from Hsinchu", "De Soto, Kansas": unknown names used as places."""
    out = []
    taken = [(c.start, c.end) for c in known]
    all_runs = runs(text)
    divisions = wide_places()
    for i, run in enumerate(all_runs):
        name = run.text(text)
        if len(run.tokens) > 3 or any(ch.isdigit() for ch in name) or name in demonyms():
            continue
        if any(s <= run.start < e for s, e in taken) or org_type(run) is not None:
            continue
        if all(is_common(w) for w in run.words) or table.lookup(name) is not None:
            continue
        if len(run.words) == 1 and not_a_name(name, text[:run.start]):
            continue        # "from Buy": a rating, not a place
        division = _DIVISION.match(text[run.end:])
        if division:
            out.append(Candidate(run.start, run.end + division.end(), "location", name,
                                 aliases=(text[run.start:run.end + division.end()],), priority=60,
                                 rule="division"))
            continue
        before = _PLACE_BEFORE.search(text[:run.start])
        if before is not None and before.group().startswith("from") and \
                _DEAL_BEFORE.search(text[max(0, run.start - 90):before.start()]):
            before = None       # "bought a stake from GEK Terna", "borrowed from X": a firm
        if before is not None and _FIRM_APPOSITION.match(text[run.end:]):
            before = None       # "turbines from Vestas, the Danish manufacturer": a firm
        if before is not None and _PEOPLE_AT.search(text[:run.start]):
            before = None       # "analysts at Kpler in London": where people work, a body
        after = i + 1 < len(all_runs) and text[run.end:all_runs[i + 1].start] == ", " \
            and all_runs[i + 1].text(text) in divisions \
            and not re.match(r"[’']s\s", text[all_runs[i + 1].end:])   # "X, India's largest ..."
        nxt = re.match(r"\s+([a-z][\w-]*)", text[run.end:])
        end_ok = re.match(r"\s*(?:[,.;:)]|$|\s[a-z])", text[run.end:]) is not None and not (
            nxt and (nxt.group(1) in PROJECT_HEADS or nxt.group(1) in FUND_HEADS))
        if before and end_ok and (_STAKE_IN.search(text[:run.start]) or (
                _INVEST_IN.search(text, 0, run.start) and looks_like_firm_name(run.words))):
            out.append(Candidate(run.start, run.end, "firm", name, priority=40, rule="stake-in"))
            continue            # "a 25% stake in Kappa Wind": a share of a body, not a place; "will
            # invest $2 billion in Sigma Chips" (not "in Texas")
        if (before and end_ok) or after:
            out.append(Candidate(run.start, run.end, "location", name, priority=40,
                                 rule="place-context"))
    return out


def _is_place_or_country(name: str) -> bool:
    return name in place_labels()


def _country(code: str) -> Country:
    from .lexicon import country_by_code
    return country_by_code()[code]


# -- any other name -------------------------------------------------------------
_SAID_AFTER = re.compile(r"^\s*" + BRACKETED + r",?\s+(?:said|says|told|added|noted)\b")
# "X, which owns Jaguar Land Rover, said": the object of a verb, not a speaker
_OBJECT_BEFORE = re.compile(r"\b(?:owns|own|owned|bought|buys|acquired|of|by|with|from|for|to|in|at|"
                            r"and|or|supplies|includes?)\s+(?:the\s+)?$")
_OF_COUNTRY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,")
_APPOSITION = re.compile(r"^\s*" + BRACKETED + r",\s+(?:a|an|the|which|who|whose)\b")
_ROLE_BEFORE = re.compile(rf"\b(?:(?:{COMPANY_HEAD_TITLES}|{OFFICER_TITLES}|president(?:\s+director)?|"
                          r"director|minister|secretary|governor|mayor|founder|analyst|vice-chairman|"
                          r"economist|spokes(?:man|woman|person))(?:\s+is|,)?|businessman|businesswoman|"
                          r"entrepreneur|tycoon|billionaire|(?:chaired|headed|led|founded)\s+by)\s+$",
                          re.I)
# "Kappa Holding appoints Amira Haddad as chief executive of Lambda Farms": a person given a role
_AS_HEAD_TITLE = re.compile(r"\s+(?:as\s+)?(?:(?:its|the|their|a|an|new|interim|acting|deputy|vice)\s+)*"
                      r"(?:chief|chair(?:man|woman)?|president|director|head|managing|ceo|cfo|coo|"
                      r"general\s+manager|governor)\b", re.I)
# "Kunal Vora, an analyst at X", "Peristeris, who also chairs": only people are described so
_PERSON_AFTER = re.compile(r"^\s*" + BRACKETED + r",\s+(?:who\b|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:analyst|economist|spokes(?:man|woman|person)|researcher|fellow|"
                           r"professor|strategist|adviser|advisor|managing\s+director|manager|executive|"
                           r"official|engineer|scientist|banker|lawyer|diplomat)\b"
                           r"(?![^,]{0,60}?\b(?:said|says|told|added|noted)\s*,))")   # "X, an official said, ..."
_PLACE_PREP = re.compile(r"\b(?:in|at|near|outside|across|off)\s+(?:the\s+|nearby\s+|neighbouring\s+|neighboring\s+)?$|"
                         r"\bthe\s+(?:outskirts|suburbs?|centre|center|heart|edge)\s+of\s+$|"
                         r"\b(?:city|town|village|province|prefecture|county)\s+of\s+$")   # "the city of Hefei (合肥)"
# "analysts at Kpler": where people work is a body, not a place
_PEOPLE_AT = re.compile(r"\b(?:analysts?|economists?|strategists?|researchers?|bankers?|traders?|"
                        r"directors?|executives?|officials?|engineers?)\s+at\s+(?:the\s+)?$", re.I)
_NOT_PLACE_PREP = re.compile(r"\b(?:stakes?|invest\w*|interest|shares|holdings?|role|"
                             r"partner\w*|work\w*)\s+(?:in|at)\s+(?:the\s+)?$|" + _PEOPLE_AT.pattern,
                             re.I)
_BODY_DESCRIBED = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:agency|bank|lender|insurer|fund|"
                             r"company|corporation|subsidiary|unit|arm|affiliate|venture|firm|maker|"
                             r"producer|manufacturer|operator)\b")
# "stakes in Tromso Port and in Sigma Glass": each name of the list after "stakes in"
_STAKE_IN = re.compile(r"\b(?:stakes?|interests?|shares|holdings?|shareholdings?)\s+in\s+"
                       r"(?:[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}(?:,\s+|\s+and\s+|,\s+and\s+)(?:in\s+)?)*$", re.I)
_DIVISION_WORDS = frozenset("Prefecture County Province Regency District Region State Oblast "
                            "Governorate Municipality Island Islands Peninsula Area".split())
# "Yeouido (여의도) financial district": a place noun after the name (and its native name)
_PLACE_NOUN = re.compile(r"^(?:\s*[（(][^()（）]{1,40}[)）])?\s+(?:(?:financial|business|industrial)\s+)?"
                         r"(?:district|province|prefecture|region|county|island|coast|state|city|regency)\b")


# "Sony Semiconductor Solutions": a firm's last word after an industry word inside the name
_FIRM_ENDS = frozenset("Solutions Systems Technologies Technology Materials Industries Products Devices "
                       "Services Networks Holdings Group Corporation Company Electronics".split())


# "A: Lithography tools ...", "- Output ...": a Q&A label or a bullet before a sentence's first word
_LINE_LABEL = re.compile(r"\s*(?:[QA]\s*[:.)]|[-•*–—])\s*")


def other_names(text: str, table: EntityTable, known: list[Candidate],
                mid_caps: frozenset[str]) -> list[Candidate]:
    """Capitalised names no other rule claimed: "Telkomsel", "Rheinmetall", "Lam Research".

    A name that opens the sentence counts only when the article also capitalises
    it inside a sentence, or it is followed by an apposition or a bracketed name,
    or it is written like a name (inner capitals, digits). Such a name is a firm
    unless it is followed by "said" (a person) or is a known place.
    """
    out: list[Candidate] = []
    taken = [(c.start, c.end) for c in known]
    titles = title_words() | _TITLES
    places = [(c.start, c.end) for c in known if c.type in ("government", "location")]
    sectors = [(c.start, c.end) for c in known if c.type in ("sector", "technology")]
    for whole in runs(text):
        run = _cut_at_connector(whole, text[whole.end:])
        clash = [(a, b) for a, b in taken if not (run.end <= a or run.start >= b)]
        # "Singapore Telecommunications", "Texas Instruments": a place opens a firm's name
        lead = [c for c in clash if c in places]
        opens = len(lead) == 1 and all(c in lead or c in sectors for c in clash) \
            and lead[0][0] == run.start and lead[0][1] < run.end and run.words[-1][1:].islower() \
            and (not is_common(run.words[-1]) or run.words[-1] in org_words()["suffix"]
                 or run.words[-1].lower() in sector_words())
        # "Lynas Rare Earths": an industry word ends a firm's name
        # and "Zeta Shipbuilding & Marine Engineering": one inside, the name going on after "&"
        ends = bool(clash) and all(c in sectors and c[0] > run.start and (
            c[1] == run.end or text[c[1]:c[1] + 3] == " & "
            or (c[1] < run.end and run.words[-1] in _FIRM_ENDS)) for c in clash) \
            and not is_common(run.words[0]) \
            and run.words[0] not in demonyms() and not _is_place_or_country(run.words[0])
        # "BlueOval Battery Park Michigan", "Gigafactory Nevada": a place closes a project's name
        closes = bool(clash) and any(c in places and c[1] == run.end and c[0] > run.start for c in clash) and \
            all(c in places or c in sectors for c in clash) and len(run.words) >= 2 and \
            any(w.lower() in FACILITY_HEADS | {"park"} or w.startswith("Giga") for w in run.words[:-1]) and \
            not is_common(run.words[0]) and run.words[0] not in demonyms() and \
            not _is_place_or_country(run.words[0])
        # "Bank Mandiri and Bank Rakyat Indonesia": a country closes a bank's name
        lender = bool(clash) and run.words[0] in ("Bank", "Air") and len(run.words) >= (3 if run.words[0] == "Bank" else 2) \
            and all(c in places and c[0] > run.start and c[1] == run.end for c in clash)
        # (and "Air India", "Air Canada": an airline named after its country)
        # "TSMC Arizona, which is led by P": a unit named after its place
        at = [c for c in clash if c in places and c[1] == run.end and c[0] > run.start]
        unit = len(at) == 1 and all(c in at or c in sectors for c in clash) \
            and place_named_unit(text, run.start, at[0][0], run.end, table)
        # "Export Finance Australia, the Australian export credit agency": a body described as one
        described = bool(clash) and len(run.words) >= 3 and all(
            c in places and c[0] > run.start and c[1] == run.end for c in clash) and \
            not is_common(run.words[0]) and _BODY_DESCRIBED.match(text[run.end:]) is not None
        earlier = table.lookup(run.text(text)) if clash else None
        # "Tokyo Electron said": a firm the article has named, though a place opens its name
        named = earlier is not None and earlier.type in ("firm", "organization") and len(run.words) >= 2
        if clash and not (opens or ends or closes or lender or unit or described or named):
            continue
        if named and earlier is not None:
            out.append(Candidate(run.start, run.end, earlier.type, earlier.name, priority=30, rule="known-name"))
            continue
        name = run.text(text)
        words = run.words
        if unit:
            head = table.lookup(text[run.start:at[0][0]].strip())
            out.append(Candidate(run.start, run.end, head.type if head is not None else "firm", name,
                                 priority=66, rule="place-unit"))
            continue
        if closes:
            out.append(Candidate(run.start, run.end, "project", name, priority=66, rule="other-name",
                                 words=frozenset(w.lower() for w in words), cls="FAC"))
            continue
        lone_acronym = len(words) == 1 and name.isupper() and 2 <= len(name) <= 5 and \
            re.match(r"\s*,\s+(?:which|whose|the\s+(?:[\w-]+\s+){0,3}?(?:group|company|maker|"
                     r"firm|major|operator|producer|carrier|lender|bank))\b", text[run.end:]) is not None
        if _CJK_CHAR.search(name) or any(w in titles for w in words) or name.rstrip(".") in _NOT_NAMES \
                or (len(words) == 1 and (_ADJECTIVE.match(name) or name.isupper())
                    and not lone_acronym):
            continue            # a lone acronym is left to the acronym stage ("BP, which": a firm)
        if in_dateline_label(text, run.end):
            continue            # "PRESS RELEASE - Town, 3 May 2026"
        if len(words) == 1 and (not_a_name(name, text[:run.start])
                                or text[run.end:].startswith(" family") or _EPONYM.match(text, run.end)):
            continue            # "Republicans", "Western drugmakers", "to Neutral from Buy", "Alzheimer's disease"
        if any(_is_month_or_day(w) for w in words) or name in demonyms() \
                or _is_place_or_country(name) or any(ch.isdigit() for ch in name[:1]):
            continue
        if all(is_common(w) or not w[:1].isupper() for w in words) or len(words) > 6:
            continue
        if len(words) >= 2 and words[-1] in ("List", "Lists"):
            continue            # "the Entity List", "the Unverified List": a register, not a body
        # (or after an opening quote: '"Carmakers such as A rely on ..."', '"Today's decision ..."')
        opener = not text[:run.start].strip(_OPENING_MARKS) or _LINE_LABEL.fullmatch(text[:run.start]) is not None
        after = text[run.end:]
        if opener and name.isupper() and re.match(r"\s*:", after):
            continue            # "KEY POINTS:", a section label
        if opener and name.isupper() and in_dateline_head(text, run.end):
            continue            # "SAO PAULO, Oct 2 -": a wire desk's city, left to the place list
        if dateline_credit(text, run.start):
            continue            # "ASTANA, Nov 12 (Wire) -": the wire service, not a firm in the story
        if len(words) == 1 and (re.search(r"\bthe\s+$", text[:run.start]) or
                                re.search(r"-[a-z]+$", name) or re.match(r"\s+\d", after)):
            continue            # "the Gulf", "CATL-licensed", "Vision 2030": not a firm's name
        if len(words) == 1 and name.lower() in sector_words() and re.match(r"\s*[（(]", after):
            continue            # "Lithium (锂) prices": a bracket translating a commodity's name
        if opener and len(words) == 1 and not (
                words[0] in mid_caps or _APPOSITION.match(after) or re.match(r"\s*[（(]", after)
                or _HOLDER_MARKER.match(after)    # "Sinopec-backed X" (an owner or backer: "-led" names projects too)
                or _OF_COUNTRY_AFTER.match(after)
                or re.search(r".[A-Z0-9]", words[0])):
            continue
        known_entity = table.lookup(name)
        if known_entity is not None:
            continue
        if len(words) == 1:
            # '"...," Sarma said' after Himanta Biswa Sarma: the person, by one part of the name
            people = [e for e in table.named_by_part(name) if e.type == "person" and len(e.name.split()) >= 2
                      and name in (e.name.split()[0], e.name.split()[-1])]
            if len(people) == 1:
                out.append(Candidate(run.start, run.end, "person", people[0].name, priority=30,
                                     rule="name-part"))
                continue
        before = text[:run.start]
        namelike = 1 <= len(words) <= 4 and all((w[:1].isupper() or NAME_PARTICLE.match(w)) and (w.isalpha() or "-" in w)
                                                 or re.fullmatch(r"[A-Z]\.", w) is not None
                                                 for w in words) and org_type(run) is None
        person = namelike and (
            _ROLE_BEFORE.search(before) is not None or is_personal_name(words)
            or (len(words) >= 2 and APPOINTS.search(before) is not None and _AS_HEAD_TITLE.match(after) is not None)
            or (len(words) >= 2 and _PERSON_AFTER.match(after) is not None)
            or len(words) >= 2 and not looks_like_firm_name(words) and (
                (_SAID_AFTER.match(after) and not _OBJECT_BEFORE.search(before))
                or (re.search(r"\b(?:said|says|told|added|noted)\s+$", before) is not None
                    and not owns_a_role(after) and ends_attribution(after))))
        place = not person and (
            (_PLACE_PREP.search(before) is not None and not _NOT_PLACE_PREP.search(before))
            or _listed_after_place(text, run.start, run.end, places)
            or _PLACE_NOUN.match(after) is not None or words[-1] in _DIVISION_WORDS)
        if not person and 2 <= len(words) <= 3 and org_type(run) is None and (
                re.fullmatch(r"[A-Z][a-z]{1,4}-[a-z]{1,5}", words[-1])
                or (re.fullmatch(r"(?:[A-Z]\.)+", words[0]) and not _is_place_or_country(words[0]))):
            person = True       # "Chey Tae-won", "N. Chandrasekaran": written like a person's name
        etype = "person" if person else "location" if place else \
            "technology" if _is_product(before, name, after) else "firm"
        out.append(Candidate(run.start, run.end, etype, name, priority=30, rule="other-name"))
    return out


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:an|ian|ean|ese|ish|ic)$")
_TITLES = frozenset("Deputy Vice Representative Senator Commissioner Chief Executive Director "
                    "Chairman Chairwoman Chair Founder Governor Mayor Minister Secretary".split())
# units, codes and abbreviations written in capitals that are not names
_NOT_NAMES = BUSINESS_ABBREVIATIONS | frozenset("""GW MW GWh MWh kW kWh MHz GHz IT AI EV EVs LFP Tbk
Persero PT AG SE NV SA LLC Ltd Inc Co Commonwealth Crown SUV SUVs""".split())


_PRODUCT_NOUN = (r"(?:chips?|processors?|accelerators?|GPUs?|satellites?|process|cells|jets?|fighters?|"
                 r"aircraft|engines?|turbines?|reactors?|rockets?|missiles?|howitzers?|tanks?|"
                 r"vaccines?|drugs?|medicines?|jabs?|cars?|trucks?|SUVs?|EVs?|vehicles?|phones?|"
                 r"platform|software|modules?|models?|series)")
# "Nvidia's Blackwell chips", "its CoWoS process": a name between an owner and a product noun
_PRODUCT_AFTER = re.compile(rf"^\s+{_PRODUCT_NOUN}\b")
_OWNER_BEFORE = re.compile(r"(?:[’']s|\bits|\btheir)\s+$")
# "makes its Megapack storage units": after "its", a word may come between name and product noun
_ITS_PRODUCT = re.compile(rf"^\s+[a-z]+\s+(?:{_PRODUCT_NOUN}|units|packs|systems|robots?|drones?)\b")
# "the obesity drug Wegovy", "the fighter jet KF-21": a product noun names what follows
_PRODUCT_BEFORE = re.compile(rf"\b{_PRODUCT_NOUN}\s+$")


def _is_product(before: str, name: str, after: str) -> bool:
    return (_OWNER_BEFORE.search(before) is not None and _PRODUCT_AFTER.match(after) is not None) \
        or (re.search(r"\b(?:its|their)\s+$", before) is not None and _ITS_PRODUCT.match(after) is not None) \
        or (_PRODUCT_BEFORE.search(before) is not None and not _VERB_AFTER.match(after)) \
        or name.startswith("Model ")


# a name followed by its verb opens a clause of its own ("… in Ohio, and Vestrom is building",
# "the turbines Vestoria supplies"): it is not a listed place nor a product's name
_VERB_AFTER = re.compile(r"^\s+(?:(?:also|now|still|has|have|had|will|would|could|is|are|was|were)\s+)?"
                         r"(?:is|are|was|were|has|have|had|will|would|can|could|may|said|says|told|"
                         r"[a-z]+(?:s|ed))\b")


def _listed_after_place(text: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """"in Pohang and Gwangyang", "in Valencia, Zeebrugge and Rotterdam": a name listed after
    places that follow "in"/"at" is a place too."""
    if _VERB_AFTER.match(text[end:]) or _FIRM_APPOSITION.match(text[end:]):
        return False        # (not "in Yen Bai, and Sojitz, the Japanese trading house,": a firm)
    at = start
    while True:
        prev = next(((a, b) for a, b in places if b <= at and _COORDINATION.fullmatch(text[b:at])), None)
        if prev is None:
            return at != start and _PLACE_PREP.search(text[:at]) is not None \
                and not _NOT_PLACE_PREP.search(text[:at])
        at = prev[0]


def _cut_at_connector(run: Run, after: str = "") -> Run:
    """"Ras Al-Khair on the Gulf", "CATL for American": the name stops at on/for."""
    named = from_place(run, after)      # "Lynas Rare Earths of Australia": the firm, then where
    if named is not run:
        return named
    for i, tok in enumerate(run.tokens):
        if i and tok.text in ("y", "de") and romance_name([t.text for t in run.tokens[:i]]):
            continue        # "Comisión Federal de Electricidad", "Banco de Costa Rica": one name
        if i and tok.text in ("for", "on", "the", "y", "de") and org_type(run) is None:
            kept = run.tokens[:i]
            while kept and kept[-1].text in ("of", "and", "&", ","):
                kept = kept[:-1]
            return Run(kept[0].start, kept[-1].end, tuple(kept))
    return run


def _is_month_or_day(word: str) -> bool:
    from .lexicon import MONTHS, WEEKDAYS
    return word.lower() in MONTHS or word.lower() in WEEKDAYS
