"""The ingest pipeline: articles -> a :class:`Draft` of entities and relations.

    read -> blocks -> sentences -> (pass 1) candidates: gazetteers, patterns,
    bilingual names, roles -> entity table -> acronyms -> role relations ->
    (pass 2) mentions of every entity -> relation patterns -> name rules ->
    co-occurrence -> type checks -> ids

Everything is rule-based and deterministic: the same input and seed folder
give the same draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Sequence

from ..model import Dataset, Schema, Source
from .actors import actor_facts
from .families import family_facts, leading_country, state_homes
from .bilingual import BODY_NATIVE, Pair, apart_by_native, find_pairs
from .blocks import split_blocks
from .detect import Detector, org_type, select
from .doc import Article, Candidate, EntityDraft, Mention, RelationDraft, Sentence
from .entities import EntityTable
from .entities import initials as name_initials
from .gazetteer import Gazetteer
from .lexicon import (BRACKETED, BUSINESS_ABBREVIATIONS, REGULATED_FIELDS, SectorTerm, country_code, is_common,
                      sector_words)
from .mentions import doc_gazetteer, find_mentions
from .names import Run, runs
from .misreads import misread, without_wider_places
from .precision import acronym_type, names_goods, not_an_acronym_name, read_dateline, separate_body, set_aside
from .projects import (ArticleProjects, cost_shares, money_for_projects, object_relatives,
                       place_aliases, project_financing, project_owners, project_runners,
                       supplied_from)
from .read import DEFAULT_MAX_BYTES, read_article
from .relations import Grants, borrower_in, sentence_facts
from .verbs import (activities, bare_stakes, desk_city, its_project, facilities, origin, person_clauses, place_in_place, possessive_roles, appointed_roles, labelled_parties, rivals,
                    money_to, nominal_supply, title_heads, units, verb_cues)
from .roles import RoleFact, find_roles
from .sentences import split_sentences
from .source import article_source
from .view import ACTORS, ALL, View

ROLE_CONFIDENCE = 0.8
_ACRONYM = re.compile(r"(?<![\w-])[A-Z](?:-?[A-Z&]){2,7}(?!\w|-[A-Z0-9])")   # "METI", "K-SURE", "CATL-made"
_NOT_ORGS = BUSINESS_ABBREVIATIONS | frozenset("""ETF ETFS USD EUR JPY CNY RMB GBP HKD API CPI PMI AGM
EPS ROE NAV ODM FAQ PDF CEOS AND THE FOR NEW""".split())


@dataclass
class Draft:
    """What ``kg ingest`` found: entities (seed ones only when they gain aliases) and relations."""

    entities: list[EntityDraft]
    relations: list[RelationDraft]
    sources: list[Source]
    articles: list[Article]
    known: int = 0            # entities recognised from the seed folder
    table_ids: dict[int, str] = field(default_factory=dict)   # every entity key -> id


# A sentence for the co-occurrence pass: article, text, entity keys named, pairs listed
# side by side, keys that got a typed relation from the sentence.
_Shared = tuple[int, str, list[int], set[frozenset[int]], set[int]]


@dataclass
class _Doc:
    index: int
    article: Article
    sentences: list[Sentence]
    offset: int                                   # global number of the first sentence
    roles: list[tuple[Sentence, RoleFact]] = field(default_factory=list)
    spans: dict[tuple[int, int, int], int] = field(default_factory=dict)
    listed: list[int] = field(default_factory=list)   # "the projects include A, B and C"
    projects: list[int] = field(default_factory=list)
    known: dict[str, str] = field(default_factory=dict)   # "X, known as Y": Y -> X
    in_body: set[int] = field(default_factory=set)        # entities named outside headings
    mentions: dict[int, int] = field(default_factory=dict)  # entity -> mentions in this article


def seed_dataset(folder: str, required: bool = True) -> Dataset | None:
    """The seed folder whose entities a draft reuses; None when an optional one is missing."""
    from pathlib import Path

    from ..loader import load_dataset
    if not required and not Path(folder).exists():
        return None
    return load_dataset(folder)


def summary(draft: Draft, output: str, backup: object = None) -> str:
    """One line for stderr about what was written (and where the replaced file was kept)."""
    where = "stdout" if output == "-" else output
    if backup is not None:
        where += f" (the file it replaced is kept as {backup})"
    n = len(draft.articles)
    new = sum(1 for e in draft.entities if e.seed_id is None)
    return (f"Wrote {where}: {new} new entities, {draft.known} recognised in the seed folder "
            f"({len(draft.entities) - new} with new aliases), {len(draft.relations)} relations "
            f"(status: suggested) from {n} article{'s' if n != 1 else ''}; review it, then run "
            "`kg validate`.")


def ingest(names: Sequence[str], seeds: Dataset | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Draft:
    """Read articles (paths or ``-``) and extract one draft from all of them."""
    return extract([read_article(n, max_bytes, stdin) for n in names], seeds)


def extract(articles: Sequence[Article], seeds: Dataset | None = None) -> Draft:
    table = EntityTable(seeds)
    detector = Detector(seeds)
    docs: list[_Doc] = []
    offset = 0
    for i, article in enumerate(articles):
        sentences = split_sentences(split_blocks(article.text, article.kind == "markdown"))
        doc = _Doc(i, article, sentences, offset,
                   known=apart_by_native(known_as(sentences), (s.text for s in sentences)))
        offset += len(sentences)
        detector.read_article(sentences)
        _first_pass(doc, table, detector)
        docs.append(doc)
    _acronyms(docs, table)
    relations: list[RelationDraft] = []
    for doc in docs:
        relations += _role_relations(doc, table)
    gaz = doc_gazetteer(table)
    evidence: dict[int, tuple[int, str]] = {}
    cooccur: list[_Shared] = []
    for doc in docs:
        relations += _second_pass(doc, table, gaz, evidence, cooccur)
    relations += _name_rules(table, evidence)
    counts = {doc.index: _with_dateline_country(doc, table) for doc in docs}
    relations += _home_country(table, relations, evidence, counts)
    relations += state_homes(table, relations, evidence, counts)
    relations = _expand_all(relations, docs, table)
    merged = _same_projects(relations, docs, table)
    relations = _remap(relations, merged)
    _promote(table, relations)
    texts = [s.text for d in docs for s in d.sentences]
    _acting_places(table, texts)
    relations = _check_types(relations, table)
    relations = [r for r in relations if not misread(r, table)]
    relations += _remap(_cooccurrence(cooccur, relations, table), merged)
    relations = _dedupe(relations, table)
    relations = without_wider_places(relations, table)
    # a firm's sector read off its name or a possessive ("Tesla's batteries") is weak: keep the
    # stated ones ("firms such as A in batteries", "X, the battery maker") and a project's
    relations = [r for r in relations if table[r.target].type != "sector"
                 or table[r.source].type == "project"
                 or r.rule.split("+")[0] in ("firms-like", "appositive")]
    if seeds is not None:
        relations = _not_in_seeds(relations, table, seeds)
    # a sector or technology no relation uses ("AI servers", "the chip industry") is
    # background, not a finding: left out
    place_aliases(table, texts)
    used = {k for r in relations for k in (r.source, r.target)}
    idle = {e.key for e in table if e.type == "technology" and e.key not in used
            and e.seed_id is None}
    entities = [e for e in table if (e.seed_id is None or e.aliases) and e.key not in merged
                and e.key not in idle]
    entities.sort(key=lambda e: e.first)
    from .ids import mint_ids
    mint_ids(table, seeds)
    sources = [article_source(d.article, split_blocks(d.article.text, d.article.kind == "markdown"))
               for d in docs]
    known = sum(1 for e in table if e.seed_id is not None and e.mentions)
    return Draft(entities, relations, sources, list(articles), known, {e.key: e.id for e in table})


# -- pass 1: naming entities --------------------------------------------------------
def _first_pass(doc: _Doc, table: EntityTable, detector: Detector) -> None:
    for s in doc.sentences:
        gidx = doc.offset + s.index
        cands = detector.candidates(s, table)
        people, facts = find_roles(s.text)
        cands = _cut_before_titles(cands, people, s.text) + people
        for f in facts:
            if f.org is not None:
                run = next((r for r in runs(s.text) if (r.start, r.end) == f.org), None)
                etype = (org_type(run) if run else None) or "firm"
                cands.append(Candidate(f.org[0], f.org[1], etype, s.text[f.org[0]:f.org[1]],
                                       priority=60, rule="role-org"))
            doc.roles.append((s, f))
        pairs = find_pairs(s.text)
        parens = [p.paren for p in pairs if p.script != "latin"]
        inside = [c for c in cands if any(a <= c.start and c.end <= b for a, b in parens)]
        inside_ids = {id(c) for c in inside}
        chosen = select(c for c in cands if id(c) not in inside_ids)
        for p in pairs:
            if p.script == "latin":
                _bracket_native(chosen, s.text, p)
            if p.script in ("latin", "also"):
                continue
            named = next((c for c in chosen if c.end == p.end), None)
            if named is not None and ((named.start > p.start and (
                    _AND_BEFORE.search(s.text, p.start, named.start) or _place_opens(chosen, p, named)))
                    or _TITLE_OF.fullmatch(s.text, named.start, p.start) is not None):
                # "Nantong Economic and Technological Development Zone (南通经济技术开发区)", "Wuhan
                # East Lake High-Tech Zone (武汉东湖高新区)": the bracket names the whole name the
                # run joined across "and" or opened with a place, not its tail
                chosen = [c for c in chosen if c.end <= p.start or c.start >= p.end]
                named = Candidate(p.start, p.end, named.type, s.text[p.start:p.end], priority=40,
                                  rule="bilingual")
                chosen.append(named)
            if named is not None and named.start > p.start and named.type in ("government",
                                                                                "location"):
                # "Export-Import Bank of Korea (한국수출입은행)": the whole name, not Korea
                chosen = [c for c in chosen if c.end <= p.start or c.start >= p.end]
                named = None
            inner = [c for c in chosen if not (c.end <= p.start or c.start >= p.end)]
            if named is None and inner and all(c.type in ("government", "location") and
                                               p.start <= c.start and c.end < p.end for c in inner) \
                    and re.fullmatch(r"[A-Z][\w]*(?:-[A-Z][\w]*)+", s.text[p.start:p.end]):
                # "Saxony-Anhalt (萨克森-安哈尔特州)": the whole hyphenated place, not Saxony
                chosen = [c for c in chosen if c not in inner]
                named = Candidate(p.start, p.end, "location", s.text[p.start:p.end], priority=40,
                                  rule="bilingual")
                chosen.append(named)
            if named is None and p.script in ("cjk", "acronym") and inner and inner[0].start == p.start \
                    and all(c.type in ("government", "location") for c in inner) \
                    and len(s.text[p.start:p.end].split()) >= 2:
                # "Korea Eastern Power (한국동서발전)" opening a sentence: a firm named after its
                # country, the CJK name its own, not the country's (nor lost)
                chosen = [c for c in chosen if c not in inner]
            if named is None and all(c.end <= p.start or c.start >= p.end for c in chosen):
                run = next((r for r in runs(s.text) if r.end == p.end), None) or next(
                    (r for r in runs(s.text) if r.start == p.start and r.end < p.end), None)   # "SK hynix"
                if run is None or _plain_word(run):
                    continue
                named = Candidate(p.start, p.end, org_type(run) or "firm",
                                  s.text[p.start:p.end], priority=40, rule="bilingual")
                chosen.append(named)
            if named is not None and _surname_of(named.type, named.name, s.text[p.start:p.end], p.alias):
                continue
            if named is not None:
                named.native = p.alias
            seed = next((c for c in inside if c.seed_id and p.paren[0] <= c.start), None)
            if named is not None and seed is not None and named.seed_id is None:
                named.seed_id, named.type = seed.seed_id, "seed"
        _rename_known(chosen, doc.known, table)
        for c in chosen:
            # "Kappa Pharma's deal ... after Kappa agreed": a short form opening a later clause as
            # its subject is the firm named before; not "A Chemicals and A", "bought A Chemicals
            # from A", "A Chemicals, a unit of A"
            # (or as a possessor in it: "... after Zeta agreed to sell Kappa's rolling mill")
            opens = _CLAUSE_OPENER.search(s.text, 0, c.start) is not None or (
                re.match(r"[’']s\s", s.text[c.end:]) is not None and
                _LATER_CLAUSE.search(s.text, 0, c.start) is not None)
            c.loose = opens and \
                _TIED_BEFORE.search(s.text, 0, c.start) is None and _TIED_AFTER.match(s.text, c.end) is None
        spans: dict[tuple[int, int], int] = {}
        for c in sorted(chosen, key=lambda c: c.start):
            if c.type == "seed":
                assert table.seeds is not None and c.seed_id is not None
                entity: EntityDraft | None = table.add_seed(table.seeds.entities[c.seed_id], gidx)
            else:
                entity = table.add(c, gidx)
            if entity is not None:
                doc.spans[(s.index, c.start, c.end)] = entity.key
                spans[(c.start, c.end)] = entity.key
                told = _apposition_type(s.text[c.end:]) or _described_before(s.text[:c.start])
                if told is not None and entity.seed_id is None and entity.type in _RETYPABLE:
                    entity.type = told
                if c.rule == "projects-include" and entity.key not in doc.listed:
                    doc.listed.append(entity.key)
        for p in pairs:
            if p.script == "latin":
                _latin_first(s.text, p, spans, table)
                continue
            else:
                key = next((k for (a, b), k in spans.items() if b == p.end), None)
                if key is not None and table[key].type in ("sector", "technology"):
                    key = None      # "Chinese Batteries (中国电池)": a body's name, not the sector's
            if key is not None and p.script == "also":
                table.tie(table[key], p.alias, s.text[p.start:p.end])
            elif key is not None and not table.held_by_other(p.alias, key) \
                    and not _surname_of(table[key].type, table[key].name, s.text[p.start:p.end], p.alias):
                table.add_alias(table[key], p.alias, phrase=s.text[p.start:p.end])


def _latin_first(text: str, p: Pair, spans: dict[tuple[int, int], int], table: EntityTable) -> None:
    """"华锂科技 (Hualith Technology)": the CJK name is an alias of the name filling the bracket
    (or its first part before a comma), not of a name mentioned inside it ("(Zeta Group's unit)")."""
    at = _latin_in_bracket(text, p)
    if at is None:
        return
    key = spans.get(at)
    if key is not None and table[key].type not in ("sector", "technology", "person"):
        table.add_alias(table[key], text[p.start:p.end], phrase=text[at[0]:at[1]])


def _cut_before_titles(cands: list[Candidate], people: list[Candidate], text: str) -> list[Candidate]:
    """"Kappa Development Bank Chairman Kang Seok-hoon (강석훈)": a body's name that runs on over a
    title into the person the role finder read is the body's name alone (the person's native
    name in the bracket after is then not the body's)."""
    out = []
    for c in cands:
        person = next((p for p in people if p.rule == "role-title" and p.end == c.end and c.start < p.start
                       and c.seed_id is None and c.type not in ("seed", "person", "government", "location")),
                      None)
        body = _body_before_title(text[c.start:person.start]) if person is not None else None
        if body is not None:
            c = replace(c, end=c.start + len(body), name=body)
        out.append(c)
    return out


def _body_before_title(before: str) -> str | None:
    """"Bank of Kappa Governor " -> "Bank of Kappa": the name before one or two title words.

    >>> _body_before_title("Kappa Development Bank Chairman "), _body_before_title("Kappa Bank ")
    ('Kappa Development Bank', None)
    """
    from .names import title_words
    words = before.split()
    n = 0
    while n < 2 and len(words) - n > 1 and words[len(words) - 1 - n] in title_words():
        n += 1
    if n == 0 or words[len(words) - 1 - n] in ("of", "and", "the", "for"):
        return None
    body = " ".join(words[:len(words) - n])
    return body if before.startswith(body) else None


def _surname_of(etype: str, name: str, written: str, native: str) -> bool:
    """"Later, Kappa (カッパホールディングス)" read as part of a chairman's name ("Lee Kappa"): a
    body's native name after a part of a person's name is not that person's.

    >>> [_surname_of("person", "Lee Kappa", "Kappa", n) for n in ("カッパホールディングス", "이카파")]
    [True, False]
    """
    return etype == "person" and written != name and BODY_NATIVE.search(native) is not None


def _latin_in_bracket(text: str, p: Pair) -> tuple[int, int] | None:
    """Where the name filling a CJK name's bracket is (its first part before a comma)."""
    inner = re.match(r"\s*[（(]\s*([^,，;；)）]*?)\s*(?:[,，;；]|[)）])", text[p.paren[0]:p.paren[1]])
    return None if inner is None else (p.paren[0] + inner.start(1), p.paren[0] + inner.end(1))


def _bracket_native(chosen: list[Candidate], text: str, p: Pair) -> None:
    """"泽塔绿能 (Zeta) and 泽塔集团 (Zeta Group)": the name in the bracket comes with the CJK name
    before it as its native name, as if written "Zeta (泽塔绿能)", so the two stay apart."""
    at = _latin_in_bracket(text, p)
    named = next((c for c in chosen if (c.start, c.end) == at), None)
    if named is not None and named.native is None:
        named.native = text[p.start:p.end]


_AND_BEFORE = re.compile(r"\sand\s+$")
_TITLE_OF = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+of\s+")   # "Chairman of Kappa Group (卡帕集团)"


def _place_opens(chosen: list[Candidate], p: Pair, named: Candidate) -> bool:
    """Whether the words of a bracketed name before the candidate that ends it are one place."""
    return named.type not in ("government", "location") and any(
        c.start == p.start and c.end < named.start and c.type in ("government", "location")
        and c.end + 1 == named.start for c in chosen)


def _plain_word(run: Run) -> bool:
    """""Lithium (锂) prices": a bracket translating one ordinary or sector word names no body."""
    return len(run.tokens) == 1 and (is_common(run.tokens[0].text)
                                     or run.tokens[0].text.lower() in sector_words())


_APPOSITION_TYPES = (
    (re.compile(r"(?:sovereign(?:\s+wealth)?|state(?:-owned)?\s+investment|investment|pension)\s+fund\b"), "fund"),
    (re.compile(r"(?:state|public|policy|development|export-credit)(?:-owned)?\s+(?:lender|bank)\b|"
                r"(?:federal|state|government|national|regulatory)\s+(?:[a-z]+\s+){0,2}?agency\b|"
                r"\bcrown\s+corporation\b|\bfederal\s+(?:[a-z]+\s+){0,2}?(?:corporation|lender|bank)\b|"
                r"export[- ]credit\s+agency\b|\bregulator\b|\bwatchdog\b|"
                + REGULATED_FIELDS + r"\s+(?:office|authority|agency|commission|bureau|watchdog)\b"), "agency"),
    (re.compile(r"think\s+tank\b|research\s+(?:institute|centre|center)\b"), "organization"),
    (re.compile(r"(?:research|consulting|consultancy|analytics|data)\s+(?:firm|house|company)\b|"
                r"\b(?:broker|brokerage|investment\s+bank)\b"), "firm"),
    # "Empire Wind 1, its offshore wind farm south of Long Island": a project
    (re.compile(r"^(?:(?!\S*ing\b|\S*(?:maker|company|group|firm|producer|operator|developer|"
                r"bank|lender|utility|carrier|builder)\b)\S+\s+){0,4}(?:farm|plant|mine|fab|factory|"
                r"gigafactory|refinery|smelter|terminal|project|shipyard|complex)"
                r"(?:\s+(?:south|north|east|west|near|off|outside))?$"), "project"),
)
_APPOSITION_HEAD = re.compile(r"(?:\s+\d{1,2})?\s*" + BRACKETED + r",\s+(?:a|an|the|its|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?[’']s)\s+"
                              r"(?P<desc>(?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*[,.;)]|\s+(?:and|that|which|in|of|based)\b)")
_RETYPABLE = frozenset({"firm", "organization", "agency", "fund", "location"})


def _apposition_type(after: str) -> str | None:
    """"PIF, Saudi Arabia's sovereign wealth fund" -> fund; "X, a state lender" -> agency."""
    m = _APPOSITION_HEAD.match(after)
    if m is None:
        return None
    desc = m.group("desc").lower()
    return next((t for pattern, t in _APPOSITION_TYPES if pattern.search(desc)), None)


# "Brazil's port regulator, Antaq", "Britain's communications regulator Ofcom": a description before the name
_DESCRIBED_BEFORE = re.compile(r"(?:[’']s|\bthe)\s+(?:[a-z][\w-]*\s+){0,2}(?P<desc>regulator|watchdog|"
                               r"sovereign\s+(?:wealth\s+)?fund|(?:investment|pension|wealth)\s+fund|state\s+lender|"
                               r"development\s+bank|" + REGULATED_FIELDS +
                               r"\s+(?:office|authority|agency|commission|bureau))(?:\s*,)?\s+$")


def _described_before(before: str) -> str | None:
    m = _DESCRIBED_BEFORE.search(before)
    if m is None:
        return None
    return next((t for pattern, t in _APPOSITION_TYPES if pattern.search(m.group("desc"))), None)


_KNOWN_AS = re.compile(r"\s*" + BRACKETED + r"\s*(?:,\s+|\(\s*)(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+|"
                       r"[A-Z][a-z]+\s+){1,5})?(?:also\s+|better\s+|commonly\s+|"
                       r"widely\s+)?known\s+(?:(?:locally|abroad|internationally|in\s+(?:the\s+)?"
                       r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+)?as\s+(?:the\s+)?")   # "known in China as Y"


def known_as(sentences: Sequence[Sentence]) -> dict[str, str]:
    """"Abu Dhabi Future Energy Company, known as Masdar": short name -> the full one (not
    "formerly known as": an old name is not a current label)."""
    out: dict[str, str] = {}
    groups: dict[str, set[str]] = {}
    by_head: dict[str, set[str]] = {}     # first word -> the names of two words or more it opens
    for s in sentences:
        found = list(runs(s.text))
        for i, a in enumerate(found):
            for b in found[i + 1:i + 3]:      # "X, the Taiwanese maker better known as Y"
                if _KNOWN_AS.fullmatch(s.text[a.end:b.start]) and len(a.words) >= 2:
                    out[b.text(s.text)] = a.text(s.text)
        for r in found:
            name = r.text(s.text)
            if len(r.words) >= 2:
                groups.setdefault(r.words[0], set()).add(_GROUP_SUFFIX.sub("", name))
                by_head.setdefault(r.words[0], set()).add(name)
    for head, full in groups.items():      # "Merck" for "Merck & Co." (not when "Hanwha" could
        if full == {head} and head not in out:    # be Hanwha Ocean or Hanwha Systems)
            names = by_head[head]
            if len(names) == 1:
                out[head] = next(iter(names))
    return out


_GROUP_SUFFIX = re.compile(r"\s+(?:Group|Holdings?|& Co\.?|Co\.|Corporation|Corp\.?|Inc\.?)$")


def _rename_known(cands: list[Candidate], names: dict[str, str], table: EntityTable) -> None:
    """A candidate named by the short form takes the full name (the short one as alias),
    unless it comes with a native name of its own that the full one does not have."""
    for c in cands:
        full = names.get(c.name)
        known = table.lookup(full) if full is not None and c.native else None
        if known is not None and known.natives and c.native not in known.natives:
            continue
        if full is not None and c.type not in ("person", "location", "government"):
            c.aliases = (*c.aliases, c.name)
            c.name = full


def _acronyms(docs: list[_Doc], table: EntityTable) -> None:
    """"METI" is Ministry of Economy, Trade and Industry; an unknown "APEC" is an organisation."""
    initials: dict[str, set[int]] = {}
    for e in table:
        if e.type in ("person", "sector", "technology", "location", "government"):
            continue
        words = [w for w in re.split(r"[\s,-]+", e.name) if w[:1].isupper()]
        if len(words) >= 2:
            initials.setdefault(name_initials(e.name), set()).add(e.key)
            if country_code(words[0]) and len(words) >= 3:
                initials.setdefault("".join(w[0] for w in words[1:]), set()).add(e.key)
    seen: set[str] = set()
    for doc in docs:
        for s in doc.sentences:
            found = list(_ACRONYM.finditer(s.text))
            if not found:
                continue
            letters = [c for c in s.text if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
                continue          # a headline in capitals
            for m in found:
                word = m.group()
                if word in seen or word in _NOT_ORGS or country_code(word) \
                        or not_an_acronym_name(s.text, m.start(), m.end()):
                    continue
                if table.lookup(word) is not None or any(
                        word in e.name.split() and e.name not in s.text[:m.start()]
                        for e in table if e.type != "person"):
                    continue    # (a word of a name named earlier in the sentence is another body)
                seen.add(word)
                keys = initials.get(word.replace("&", ""), set())
                if not keys and len(word) >= 4 and word[-1] in "LCGHI":
                    # "CATL" for "Contemporary Amperex Technology": the legal suffix the name left out
                    keys = {k for k in initials.get(word[:-1], set()) if len(table[k].name.split()) >= 3}
                if len(keys) == 1:
                    table.add_alias(table[next(iter(keys))], word)
                elif not keys and not names_goods(s.text, m.end()):
                    # the parent a firm's name starts with ("ZGC" of "ZGC Biologics") is a firm
                    unit = any(e.type == "firm" and e.name.startswith(word + " ") for e in table)
                    etype = "firm" if unit else acronym_type(
                        word, [t.text for t in doc.sentences if word in t.text],
                        [e.name for e in table if e.type == "firm"]) or "organization"
                    table.add(Candidate(m.start(), m.end(), etype,
                                        word, priority=30, rule="acronym"), doc.offset + s.index)


def _role_relations(doc: _Doc, table: EntityTable) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for (i, a, b), k in doc.spans.items():
        by_sentence.setdefault(i, []).append((b, k))
    for s, f in doc.roles:
        person = doc.spans.get((s.index, *f.person))
        if person is None or table[person].type != "person":
            continue
        rtype = "heads" if f.kind == "heads" else "works_for"

        def add(a: int, t: str, b: int, rule: str = "role") -> None:
            out.append(RelationDraft(a, t, b, s.text, ROLE_CONFIDENCE, rule, doc.index))

        if f.org is not None:
            org = doc.spans.get((s.index, *f.org)) or _lookup(table, s.text[f.org[0]:f.org[1]])
            if org is not None:
                add(person, rtype, org)
        elif f.portfolio:
            ministry = _ministry(table, f, doc.offset + s.index)
            add(person, "heads", ministry.key)
            if f.country:
                add(ministry.key, "part_of", table.country(f.country, doc.offset + s.index).key)
        elif f.place is not None:
            place = doc.spans.get((s.index, *f.place)) or _lookup(table, s.text[f.place[0]:f.place[1]])
            if place is not None:
                add(person, "heads", place)
        elif f.country:
            add(person, "heads", table.country(f.country, doc.offset + s.index).key)
        elif f.title in ("President", "Prime Minister", "Premier", "Chancellor", "King"):
            # "in Argentina, where President Javier Milei ...": the country named before
            before = [(b, k) for b, k in by_sentence.get(s.index, [])
                      if b <= f.person[0] and table[k].type == "government"]
            if before:
                add(person, "heads", max(before)[1])      # the nearest one
    return out


def _lookup(table: EntityTable, label: str) -> int | None:
    found = table.lookup(label)
    return found.key if found is not None else None


def _ministry(table: EntityTable, f: RoleFact, sentence: int) -> EntityDraft:
    """The ministry a portfolio names: one in the draft sharing its words, or a new one."""
    stems = {w[:5].lower() for p in f.portfolio for w in p.split()}
    best, score = None, 0
    for e in table:
        if e.type not in ("ministry", "agency") or (f.country and e.country not in (None, f.country)):
            continue
        overlap = len(stems & {w[:5].lower() for w in re.split(r"[\s,]+", e.name) if w[:1].isupper()})
        if overlap > score:
            best, score = e, overlap
    if best is not None:
        if best.country is None and f.country:
            best.country = f.country
        return best
    portfolio = f.portfolio[0] if len(f.portfolio) == 1 else \
        ", ".join(f.portfolio[:-1]) + " and " + f.portfolio[-1]
    if f.country == "US" and f.title == "Secretary":
        name = f"US Department of {portfolio}"
    else:
        name = f"Ministry of {portfolio}"
    entity = table.add(Candidate(0, 0, "ministry", name, country=f.country, priority=70,
                                 rule="role-ministry"), sentence)
    assert entity is not None
    return entity


# -- pass 2: mentions and relations ---------------------------------------------------
# The most mentions a sentence may have for its relations to be read: prose names a dozen at most
# (the corpus: 11); a sentence of hundreds of names is a table or hostile input.
MAX_MENTIONS_READ = 64


def _second_pass(doc: _Doc, table: EntityTable, gaz: Gazetteer,
                 evidence: dict[int, tuple[int, str]],
                 cooccur: list[_Shared]) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    topic: int | None = None
    last_actor: int | None = None
    last_body: int | None = None  # the firm or organisation the text was last about
    borrower: int | None = None   # the body that last took a loan ("the loan" is its loan)
    grants = Grants()             # the body that announced grants shortly before (their recipients' funder)
    recent: list[int] = []        # entities named lately, latest last ("the ministry", "the yard")
    previous: frozenset[int] = frozenset()
    in_section = _Leader()              # the body this section names most
    in_article = _Leader()              # and the article
    section = -1
    described = ArticleProjects(table)    # the projects this article has named, and how often
    for s in doc.sentences:
        if s.section != section:
            section = s.section   # the topic carries over: "the plant" is still the plant
            in_section = _Leader()
        mentions, dems, facts = find_mentions(s, gaz, table, find_pairs(s.text), topic, recent)
        mentions = described.mentions(s.text, mentions, topic if topic in doc.in_body else None)
        recent = [k for k in recent if k not in {m.key for m in mentions}][-12:] + \
            list(dict.fromkeys(m.key for m in mentions if m.key != ALL and not m.anaphor))
        for m in mentions:
            if m.key != ALL:
                table[m.key].mentions += 1
                doc.mentions[m.key] = doc.mentions.get(m.key, 0) + 1
                in_section.count(m.key, table)
                in_article.count(m.key, table)
                evidence.setdefault(m.key, (doc.index, s.text))
                if not s.heading:
                    doc.in_body.add(m.key)
        if len(mentions) > MAX_MENTIONS_READ:
            # a run of names (a table, a list, hostile input), not prose: its names are counted above,
            # its relations not read (the rules compare mentions pairwise: this keeps them bounded)
            previous = frozenset(m.key for m in mentions if m.key != ALL)
            continue
        view = View(s, mentions, dems, table, topic, last_actor, last_body,
                    in_section.best if in_section.best is not None else in_article.best, previous)
        took = borrower_in(view)
        view.borrower = borrower = took if took is not None else borrower
        possessive_roles(view)        # first: "P said the company would ..." reads P's firm
        appointed_roles(view)
        labelled_parties(view)
        verb_cues(view)
        person_clauses(view)
        rivals(view)
        facilities(view)
        activities(view)
        desk_city(view)
        its_project(view)
        project_owners(view)
        project_runners(view)
        cost_shares(view, described)
        project_financing(view, described)
        money_for_projects(view)
        supplied_from(view)
        object_relatives(view)
        bare_stakes(view)
        title_heads(view)
        nominal_supply(view)
        money_to(view)
        grants.step(view)
        actor_facts(view)
        family_facts(view)
        origin(view)
        units(view)
        place_in_place(view)
        facts = facts + sentence_facts(view)
        actor = next((m.key for m in mentions if m.key != ALL and not m.anaphor
                      and table[m.key].type in ACTORS and not set_aside(s.text, m.start)), last_actor)
        if not (actor is not None and table[actor].type == "person" and _ITS_OPENER.match(s.text)) \
                and not _PRONOUN_OPENER.match(s.text):
            last_actor = actor      # "Its chief executive is P. The company ...": still the firm;
            # "It supplies A and B. The chipmaker ...": still the firm "it" was
        speaker = _SPEAKER.match(s.text)       # "Mirzamakhmudov: The Pskem plant ...": an interview's answer
        opener = next((m for m in mentions if m.key != ALL and m.start >= (speaker.end() if speaker else 0)), None)
        if opener is not None and table[opener.key].type == "project" and \
                re.fullmatch(r"\s*(?:[Tt]he\s+)?", s.text[speaker.end() if speaker else 0:opener.start]):
            last_actor = opener.key     # "The Pskem plant is being built by X. It is owned by Y": the plant
        if not s.heading:
            last_body = next((m.key for m in mentions if m.key != ALL and not m.anaphor
                              and table[m.key].type in ("firm", "organization")
                              and not re.match(r"[’']s\s", s.text[m.end:])), last_body)
        out += [RelationDraft(a, t, b, s.text, c, rule, doc.index) for a, t, b, c, rule in facts]
        previous = frozenset(m.key for m in mentions if m.key != ALL)
        keys = list(dict.fromkeys(m.key for m in mentions if m.key != ALL))
        busy = {k for a, _, b, _, _ in facts for k in (a, b)}
        cooccur.append((doc.index, s.text, keys, _siblings(view), busy))
        here = [m.key for m in mentions if m.key != ALL and table[m.key].type == "project"
                and not m.side]
        for k in here:
            if k not in doc.projects:
                doc.projects.append(k)
        if here:
            topic = _next_topic(s.text, mentions, here, topic)
    return out


# "from Zeta Mining's Aktogay mine", "to the Port of X": a project named inside a prepositional phrase
_IN_PREP = re.compile(r"\b(?:from|to|into|than|near|beside|via|through)\s+(?:the\s+|its\s+|their\s+|"
                      r"(?:[A-Z][\w&.-]*\s+){1,4}?[A-Z][\w&.-]*[’']s\s+)?$")


_SPEAKER = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}:\s+")


def _next_topic(text: str, mentions: Sequence[Mention], here: list[int], topic: int | None) -> int:
    """The project the next sentences are about: the sentence's last one, unless the sentence
    is about the current topic and names the other only in passing ("The smelter will process
    concentrate from Zeta Mining's Aktogay mine": the smelter stays the topic)."""
    last = here[-1]
    if topic is None or topic == last or topic not in here:
        return last
    first = next(m for m in mentions if m.key in here)
    passing = [m for m in mentions if m.key == last]
    if first.key == topic and passing and all(_IN_PREP.search(text[:m.start]) for m in passing):
        return topic
    return last


class _Leader:
    """The firm or organisation named most so far (the first named, on a tie), kept up to date as
    mentions are counted: no scan of every count per sentence (that made an article naming many
    firms quadratic)."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.order: dict[int, int] = {}
        self.best: int | None = None

    def count(self, key: int, table: EntityTable) -> None:
        n = self.counts[key] = self.counts.get(key, 0) + 1
        self.order.setdefault(key, len(self.order))
        if table[key].type not in ("firm", "organization"):
            return
        best = self.best
        if best is None or n > self.counts[best] or (n == self.counts[best] and self.order[key] < self.order[best]):
            self.best = key


def _siblings(view: View) -> set[frozenset[int]]:
    """Pairs listed side by side ("Alibaba Group and Tencent Holdings"): peers, not partners."""
    out: set[frozenset[int]] = set()
    for m in view.mentions:
        if m.key == ALL:
            continue
        items = [x.key for x in view.listed(m, {view.type(m)}) if x.key != ALL]
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                out.add(frozenset((a, b)))
    return out


_DESCRIBED_PLANT = re.compile(r"[a-z0-9]|[A-Z][\w-]+\s+(?:[a-z][\w-]*\s+)*(?:plant|factory|park|site|fab)$")


def _name_rules(table: EntityTable, evidence: dict[int, tuple[int, str]]) -> list[RelationDraft]:
    """Relations a name states by itself: "US-Japan Trade Agreement" (party_to), "US
    Department of Commerce" (part_of the US), "Bloomberg Intelligence" (part_of
    Bloomberg), a place or sector in a project's name. An industry word in a firm's
    name ("Hua Hong Semiconductor") is not taken as a relation: it says nothing the
    name does not."""
    from .detect import lexicon_gazetteer
    lex = lexicon_gazetteer()
    out: list[RelationDraft] = []
    # names by the word they open, and how many names each name opens: looked up, not scanned
    by_first: dict[str, list[EntityDraft]] = {}
    opens: dict[str, int] = {}
    for o in table:
        first = _FIRST_WORD.match(o.name)
        by_first.setdefault(first.group() if first else "", []).append(o)
        for i, ch in enumerate(o.name):
            if ch == " ":
                opens[o.name[:i]] = opens.get(o.name[:i], 0) + 1
    for e in list(table):
        if e.seed_id is not None or e.key not in evidence:
            continue
        article, text = evidence[e.key]

        def add(a: int, t: str, b: int, confidence: float = 0.6) -> None:
            out.append(RelationDraft(a, t, b, text, confidence, "name", article))

        hits = lex.find(e.name)
        codes = [h.values[0][1] for h in hits if h.values[0][0] in ("country", "demonym")]
        if e.type == "fund":
            for code in codes[:1]:
                add(table.country(code, e.first).key, "owns", e.key)
        if e.type in ("ministry", "agency") and hits and hits[0].start == 0 and codes:
            add(e.key, "part_of", table.country(codes[0], e.first).key)
        elif e.type in ("ministry", "agency", "fund") and not codes:
            # "Michigan Economic Development Corporation", "Texas Enterprise Fund": a state's body
            state = next((o for o in _named_in(e.name, by_first) if o.type in ("government", "location")
                          and o.key != e.key and e.name.startswith(o.name + " ")), None)
            if state is not None:
                add(e.key, "part_of", state.key)
        if e.type == "agreement":
            for code in dict.fromkeys(codes):
                add(table.country(code, e.first).key, "party_to", e.key)
        if e.type == "project":
            for h in hits:
                kind, value = h.values[0]
                if kind == "sector" and not value.weak and not _DESCRIBED_PLANT.match(e.name):
                    # not "battery plant operates_in Batteries": a plant only described, unnamed
                    add(e.key, "operates_in", _sector(table, value, e.first).key)
                elif kind == "place":
                    place = table.lookup(value.name, "location")
                    if place is not None:
                        add(e.key, "located_in", place.key)
            for other in _named_in(e.name, by_first):
                if other.type == "location" and other.key != e.key and \
                        re.search(rf"\b{re.escape(other.name)}\b", e.name):
                    add(e.key, "located_in", other.key)
        if e.type in ("firm", "organization", "agency"):
            for other in _named_in(e.name, by_first):
                if other.key != e.key and other.type in ("firm", "organization") and \
                        e.name.startswith(other.name + " ") and not is_common(other.name) and \
                        not _GROUP_SUFFIX.fullmatch(e.name[len(other.name):]) and \
                        opens.get(other.name, 0) == 1 and not separate_body(e.name):
                    # not "Hanwha Group" part of "Hanwha", nor the brand several firms share,
                    # nor "Novo Nordisk Foundation" part of the firm it owns
                    add(e.key, "part_of", other.key)
    return out


_FIRST_WORD = re.compile(r"\W*\w*")
# a name given as another body's parent, unit, owner or sibling: not its short form
_TIED_BEFORE = re.compile(r"\b(?:units?|arms?|subsidiar(?:y|ies)|parent|division|affiliate|part|members?|"
                          r"owners?|shareholders?|owned|controlled|backed|spun\s+off|carved\s+out|"
                          r"sister|group)\s+(?:company\s+)?(?:of|by|from)?\s*(?:the\s+)?"
                          r"(?:[A-Z][\w-]*[’']s\s+|[a-z][\w-]*\s+){0,3}$")     # "owned by the glassmaker X"
_TIED_AFTER = re.compile(r"\s*(?:,\s+)?(?:the\s+|its\s+)?(?:parent|owner|group|shareholder|unit)\b|"
                         r"[’']s\s+(?:\w+\s+)?(?:units?|arms?|subsidiar(?:y|ies)|division)\b")
_CLAUSE_OPENER = re.compile(r"(?:\b(?:after|when|because|while|but|although|though|since|before|until|once|"
                            r"saying|said|says)|;)\s+$")
_LATER_CLAUSE = re.compile(r"(?:\b(?:after|when|because|while|but|although|though|since|before|until|once)"
                           r"|;)\s+(?:[A-Za-z][\w-]*\s+){1,6}")
_PRONOUN_OPENER = re.compile(r"\W*(?:It|They)\s")
_ITS_OPENER = re.compile(r"\s*(?:A:\s*)?(?:Its|Their)\s")


def _named_in(name: str, by_first: dict[str, list[EntityDraft]]) -> list[EntityDraft]:
    """Entities whose name may occur in ``name`` (its first word does), in table order."""
    firsts = {m.group() for m in re.finditer(r"\W*\w+", name)} | {m.group() for m in
                                                                  re.finditer(r"\w+", name)}
    return sorted((o for f in firsts for o in by_first.get(f, ())), key=lambda o: o.key)


def _same_projects(relations: list[RelationDraft], docs: list[_Doc],
                   table: EntityTable) -> dict[int, int]:
    """A plant only a headline describes ("Ford's Michigan LFP plant") is the article's one
    project that the body names by name, and "the Marshall plant" is the one project located in
    Marshall: their relations move there, their words become an alias."""
    moved: dict[int, int] = {}
    for doc in docs:
        body = [k for k in doc.projects if k in doc.in_body and table[k].cls == "FAC"
                and table[k].name[:1].isupper() and table[k].mentions >= 2]
        if len(body) != 1:
            continue
        for k in doc.projects:
            if k not in doc.in_body and k != body[0] and table[k].seed_id is None and \
                    table[k].cls in ("FAC", "GEN", None):
                moved[k] = body[0]
    located: dict[int, set[int]] = {}
    for r in relations:
        if r.type == "located_in" and table[r.source].type == "project" and r.rule != "name":
            located.setdefault(r.target, set()).add(r.source)
    for e in list(table):
        if e.type != "project" or e.key in moved or e.seed_id is not None:
            continue
        for place_key, projects in located.items():
            place = table[place_key].name
            rest = e.name[len(place):]
            others = projects - {e.key}
            if e.name.startswith(place + " ") and re.fullmatch(r"(?:\s+[a-z][\w-]*)+", rest) \
                    and len(others) == 1:
                moved[e.key] = next(iter(others))   # "the Marshall plant": the plant in Marshall
                break
    for k, main in moved.items():
        table.add_alias(table[main], table[k].name)
    return moved


def _remap(relations: list[RelationDraft], moved: dict[int, int]) -> list[RelationDraft]:
    """Relations with merged entities replaced by the ones they were merged into."""
    out = []
    for r in relations:
        a, b = moved.get(r.source, r.source), moved.get(r.target, r.target)
        if a != b:
            out.append(RelationDraft(a, r.type, b, r.evidence, r.confidence, r.rule, r.article))
    return out


def _home_country(table: EntityTable, relations: list[RelationDraft],
                  evidence: dict[int, tuple[int, str]], counts: dict[int, dict[int, int]]) -> list[RelationDraft]:
    """A ministry or state agency that no rule placed is part of the country its name or a
    demonym before it gives ("the Greek Ministry of ...", "State Bank of India"). (Guessing
    the article's main country for the others cost precision on untuned articles.)"""
    from .detect import lexicon_gazetteer
    lex = lexicon_gazetteer()
    placed = {r.source for r in relations if r.type == "part_of"}
    # a ministry named only through its minister's title ("Defence Minister P") has the title's sentence
    by_role = {r.target: (r.article, r.evidence) for r in reversed(relations) if r.type == "heads"}
    out: list[RelationDraft] = []
    for e in list(table):
        found = evidence.get(e.key) or by_role.get(e.key)
        if e.type not in ("ministry", "agency") or "Bank" in e.name.split() or e.key in placed \
                or e.seed_id is not None \
                or found is None:
            continue
        article, text = found
        codes = [h.values[0][1] for h in lex.find(e.name) if h.values[0][0] in ("country", "demonym")]
        code = e.country or (codes[0] if codes else None)
        home = table.country(code, e.first) if code else None
        rule = "home-country"
        main = leading_country(table, counts.get(article, {})) if home is None and e.type == "ministry" else None
        if main is not None:
            home, rule = main, "main-country"   # "the Ministry of X" of the article's country
        if home is not None and home.key != e.key:
            out.append(RelationDraft(e.key, "part_of", home.key, text, 0.5, rule, article))
    return out


def _with_dateline_country(doc: _Doc, table: EntityTable) -> dict[int, int]:
    """The article's mention counts, its dateline city's country counted twice more ("HANOI,
    Sept 9 (Wire) -": the story is set in Vietnam, though a wire desk's city is no entity) unless
    the city is a hub whose desks cover the world ("WASHINGTON", "LONDON")."""
    from .lexicon import WIRE_HUBS, countries, country_by_code, places
    counts = dict(doc.mentions)
    body = next((s for s in doc.sentences if not s.heading), None)
    head = read_dateline(body.text).head_end if body is not None else None
    if head is None or body is None:
        return counts
    city = body.text[:head].strip().title()
    if city in WIRE_HUBS:
        return counts
    code = next((p.country for p in places() if p.country and city in (p.name, *p.aliases)), None) or \
        next((c.code for c in countries() if city in (c.name, *c.aliases)), None)    # a city-state's
    info = country_by_code().get(code) if code else None
    country = table.lookup(info.name, "government") if info is not None else None
    if country is not None:
        counts[country.key] = counts.get(country.key, 0) + 2
    return counts


def _sector(table: EntityTable, term: SectorTerm, sentence: int) -> EntityDraft:
    found = table.lookup(term.name, term.type)
    if found is not None:
        return found
    entity = table.add(Candidate(0, 0, term.type, term.name, priority=50, rule="sector"), sentence)
    assert entity is not None
    return entity


def _expand_all(relations: list[RelationDraft], docs: list[_Doc],
                table: EntityTable) -> list[RelationDraft]:
    """"The projects are backed by X": X funds each project of that article."""
    out = []
    for r in relations:
        if ALL not in (r.source, r.target):
            out.append(r)
            continue
        doc = docs[r.article]
        for p in doc.listed or doc.projects:
            a = p if r.source == ALL else r.source
            b = p if r.target == ALL else r.target
            out.append(RelationDraft(a, r.type, b, r.evidence, round(r.confidence - 0.1, 2),
                                     r.rule + "+all", r.article))
    return out


def _promote(table: EntityTable, relations: list[RelationDraft]) -> None:
    """A place that is headed, funds or owns is acting as a government ("the state of Kansas")."""
    for r in relations:
        if r.type == "heads" and table[r.target].type == "location":
            table[r.target].type = "government"
        if r.type in ("funds", "owns") and table[r.source].type == "location":
            table[r.source].type = "government"


_NAME = (r"(?<![\w.’'&-])(?P<name>[A-Z][\w.’'&-]*(?:\s+(?:(?:de|del|da|do|dos|du|la|le|of|y|van|von|der|di)\s+)?"
         r"[A-Z][\w.’'&-]*){0,4})")      # "Rio de Janeiro", "Isle of Wight"
_GOVERNMENT_AFTER = re.compile(  # "the state of North Carolina", "approved by Wake County"
    r"\b(?:(?:state|city|county|province|prefecture)\s+of|(?:approved|offered|granted|provided|"
    r"supported|funded|backed|subsidi[sz]ed|paid\s+for)\s+by)\s+(?:the\s+)?" + _NAME)
_GOVERNMENT_BEFORE = re.compile(  # "the Gujarat government", "Williamson County agreed to"
    _NAME + r"(?:(?P<called>(?:[’']s)?\s+(?:(?:state|provincial|city|county|prefectural|local)\s+)?"
    r"government\b)|\s+(?:agreed|approved|offered|granted|pledged|awarded|waived|subsidi[sz]ed|"
    r"(?:has|have|had|will|would)\s+(?:also\s+)?(?:agree|approve|offer|grant|pledge|award|pay|"
    r"provide|give|cut|waive|subsidi[sz]e))\b)")


def _acting_places(table: EntityTable, sentences: list[str]) -> None:
    """A place that the article calls a government ("the state of North Carolina", "the
    Gujarat government") or that acts as one ("Williamson County agreed to cut taxes",
    "incentives were approved by Wake County") is a government; so is an unknown name taken
    for a firm that the article calls "the X government"."""
    places: set[str] = set()        # names the text calls a government, or has act as one
    governments: set[str] = set()   # "the X government"
    for text in sentences:
        # the whole name only: "backed by Texas Instruments" says nothing of Texas
        for m in _GOVERNMENT_AFTER.finditer(text):
            places.add(re.sub(r"[’']s$", "", m.group("name").rstrip(".")))
        for m in _GOVERNMENT_BEFORE.finditer(text):
            name = re.sub(r"^The\s+", "", m.group("name"))
            (governments if m.group("called") else places).add(name)
    for e in table:
        if e.seed_id is None and (
                e.type == "location" and (places | governments).intersection(e.labels())
                or e.type == "firm" and governments.intersection(e.labels())):
            e.type = "government"


def _check_types(relations: list[RelationDraft], table: EntityTable) -> list[RelationDraft]:
    """A pattern whose ends do not fit the relation type becomes ``related_to``."""
    schema = Schema.builtin()
    out = []
    for r in relations:
        if r.source == r.target:
            continue
        rt = schema.relation_types[r.type]
        a, b = table[r.source].type, table[r.target].type
        fits = ((not rt.from_types or a in rt.from_types) and (not rt.to_types or b in rt.to_types))
        if not fits and rt.symmetric:
            fits = (not rt.from_types or b in rt.from_types) and (not rt.to_types or a in rt.to_types)
        if not fits:
            r = RelationDraft(r.source, "related_to", r.target, r.evidence,
                              round(r.confidence * 0.6, 2), r.rule + "+untyped", r.article)
        out.append(r)
    return out


_NO_COOCCURRENCE = frozenset({"sector", "technology", "location"})


def _cooccurrence(cooccur: list[_Shared], relations: list[RelationDraft],
                  table: EntityTable) -> list[RelationDraft]:
    """Entities named in the same sentence and linked by no pattern: ``related_to`` (an
    agency named with a ministry: ``part_of``), low confidence.

    Skipped: places (``located_in`` says more), two governments, a government and its
    own people or bodies, peers listed side by side, a sector or technology with anything
    but a project, two entities that both got a typed relation from the sentence, and
    sentences naming more than six entities (enumerations, not claims); and pairs named
    together in only one sentence (on the corpus most of those are not linked at all).
    """
    linked = {frozenset((r.source, r.target)) for r in relations}
    counts: dict[frozenset[int], int] = {}
    first: dict[frozenset[int], tuple[int, str, int, int]] = {}
    for article, text, keys, siblings, busy in cooccur:
        if len(keys) > 6:
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                ta, tb = table[a].type, table[b].type
                pair = frozenset((a, b))
                if "location" in (ta, tb) or ta == tb == "government" or pair in siblings \
                        or pair in linked or (a in busy and b in busy):
                    continue
                if "government" in (ta, tb) and table[a].country and \
                        table[a].country == table[b].country:
                    continue
                if {ta, tb} & _NO_COOCCURRENCE and "project" not in (ta, tb):
                    continue
                counts[pair] = counts.get(pair, 0) + 1
                first.setdefault(pair, (article, text, a, b))
    out = []
    for pair, n in counts.items():
        article, text, a, b = first[pair]
        rtype, a, b = _likely_type(table, a, b)
        if n < 2 and rtype == "related_to":
            continue        # one shared sentence is weak evidence: most such pairs are unrelated
        out.append(RelationDraft(a, rtype, b, text, round(min(0.45, 0.3 + 0.05 * (n - 1)), 2),
                                 "co-occurrence", article))
    return out


def _likely_type(table: EntityTable, a: int, b: int) -> tuple[str, int, int]:
    """An agency named with a ministry is most often part of it; anything else stays related_to."""
    ta, tb = table[a].type, table[b].type
    if (ta, tb) == ("ministry", "agency"):
        a, b, ta, tb = b, a, tb, ta
    if (ta, tb) == ("agency", "ministry"):
        return "part_of", a, b
    return "related_to", a, b


def _not_in_seeds(relations: list[RelationDraft], table: EntityTable,
                  seeds: Dataset) -> list[RelationDraft]:
    """Drop what the seed folder already says (a ``related_to`` when the pair is linked at all)."""
    schema = Schema.builtin()
    known: set[tuple[str, str, str]] = set()
    pairs: set[frozenset[str]] = set()
    for seed in seeds.relations:
        known.add((seed.source_id, seed.type, seed.target_id))
        if schema.symmetric(seed.type):
            known.add((seed.target_id, seed.type, seed.source_id))
        pairs.add(frozenset((seed.source_id, seed.target_id)))
    out = []
    for r in relations:
        a, b = table[r.source].seed_id, table[r.target].seed_id
        if a is None or b is None:
            out.append(r)
        elif (a, r.type, b) not in known and not (r.type == "related_to" and frozenset((a, b)) in pairs):
            out.append(r)
    return out


def _dedupe(relations: list[RelationDraft], table: EntityTable) -> list[RelationDraft]:
    schema = Schema.builtin()
    best: dict[tuple[int, str, int], RelationDraft] = {}
    for r in relations:
        a, b = r.source, r.target
        if schema.symmetric(r.type) or r.type == "related_to":
            a, b = sorted((a, b), key=lambda k: table[k].first)
            r = RelationDraft(a, r.type, b, r.evidence, r.confidence, r.rule, r.article)
        key = (a, r.type, b)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    typed = {frozenset((r.source, r.target)) for r in best.values() if r.type != "related_to"}
    return [r for r in best.values()
            if r.type != "related_to" or frozenset((r.source, r.target)) not in typed]
