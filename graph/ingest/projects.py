"""Projects an article describes rather than names, and who owns and runs them.

"its semiconductor plant in Dholera", "a $3.2 billion cell-culture plant in Holly
Springs", "a plant in Guadalajara": a facility noun followed by "in/at/near" and a
place is one project, named the way an analyst would ("Dholera plant"), with the
described forms as aliases ("semiconductor plant", "plant in Dholera"), so that a
later "the Dholera fab" or "the plant" is the same project. Its owner is the
possessor ("its" -> the clause's subject) and the subject of "X opened/runs/
operates the plant".
"""

from __future__ import annotations

import re
from functools import cache
from weakref import WeakKeyDictionary

from .doc import Candidate, Mention
from .entities import EntityTable
from .lexicon import BRACKETED, GENERIC_ADJECTIVES, demonyms, is_common
from .phrases import MONEY, Phrase, canonical, phrases
from .verbs import clause_subject, negated
from .view import ALL, BODIES, View

# a described facility becomes a project only with these heads (not "site", "operation",
# "zone", "hub": too vague to be one thing)
_HEADS = frozenset("plant fab factory refinery smelter mine mill gigafactory shipyard terminal "
                   "facility campus".split())
_WHERE = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?")
# a relative clause ("Z, which is building a plant in P") or an apposition ("Z, a start-up
# building..."): a side fact. Not "X said that it would build a plant in P": that "that" opens
# what X said (a subject follows it)
_SIDE = re.compile(r"\b(?:which|whose|that(?!\s+(?:it|they|he|she|we|its|their|the|[A-Z][\w-]*)\b))\b"
                   r"[^,;]*$|,\s+(?:a|an)\s+[^,;]*$")


def described_facilities(text: str, known: list[Candidate], table: EntityTable) -> list[Candidate]:
    """"its cell plant in De Soto, Kansas" -> a project "De Soto plant" over the words "cell
    plant" (its described forms become aliases at the end, :func:`place_aliases`).

    The place must be a known location candidate right after the preposition, a city or
    district (not a country or a state: "a plant in India" or "in Indiana" names no one
    plant). A facility whose words already name a project of the text ("its second chip
    plant in Kikuyo" after "the second Kumamoto fab") is left to join it.
    """
    out: list[Candidate] = []
    for p in phrases(text):
        if p.cls != "FAC" or p.head.lower() not in _HEADS or p.proper or "own" in p.mods:
            continue        # ("opened its own smelter in P": set against the story's facility)
        where = _WHERE.match(text, p.end)
        if where is None:
            continue
        place = next((c for c in known if c.start == where.end() and c.type == "location"), None)
        if place is None or _division(place.name):
            continue
        if p.content and table.find_phrase(p.content, "FAC", "project") is not None or \
                _named_after_wider(text, place.end, table):
            continue
        name_place = text[place.start:place.end]
        head = p.head.lower()
        mods = _described(p)
        if _SIDE.search(text[max(0, p.start - 80):p.start]):
            continue        # "X, whose assembly plant in Sanand opened last year": a side fact
        words = p.content | {canonical(w) for w in name_place.split()}
        aliases = (f"{mods} {head}", f"{name_place} {mods} {head}") if mods else ()
        name = f"{name_place} {head}"
        owner = next((c.name for c in reversed(known) if c.end <= p.start
                      and c.type in ("firm", "organization", "seed")), None)
        # (what it was first described as, and by whom: :func:`facility_mentions` tells a
        # rival's plant in the same town apart)
        _described_before.setdefault(table, {}).setdefault(name, (mods, owner))
        out.append(Candidate(p.name_start, p.end, "project", name,
                             aliases=aliases, priority=67, rule="described-facility",
                             words=frozenset(words), cls="FAC"))
    return out


# per table: the described words and owner of each place-named project so far
_described_before: WeakKeyDictionary[EntityTable, dict[str, tuple[str, str | None]]] = \
    WeakKeyDictionary()
# per table: (project, described words) of rivals' facilities in the project's town
_rivals: WeakKeyDictionary[EntityTable, set[tuple[int, str]]] = WeakKeyDictionary()


def _another(before: tuple[str, str | None] | None, mods: str, owner: set[str]) -> bool:
    """"a battery plant in P" by X, then "a chip plant in P" by Z (``owner``: Z's labels): two
    plants, not one."""
    return before is not None and bool(before[0]) and bool(mods) and before[0] != mods \
        and before[1] is not None and bool(owner) and before[1] not in owner


_WIDER = re.compile(r",\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)")


def _named_after_wider(text: str, end: int, table: EntityTable) -> bool:
    """"its second chip plant in Kikuyo, Kumamoto Prefecture" when the text has a "Kumamoto fab":
    that project, named after the wider place, not a new one."""
    wider = _WIDER.match(text, end)
    if wider is None:
        return False
    words = wider.group(1).split()
    return any(table.lookup(f"{' '.join(words[:n])} {head}", "project") is not None
               for n in range(1, len(words) + 1) for head in _HEADS)


_APPOSED = re.compile(r"(?:\s+\d{1,2})?\s*" + BRACKETED + r",\s+(?:its|their|a|an|the)\s+"
                      r"(?:[\w$.,-]+\s+){0,4}?$")


def apposed_facilities(text: str, known: list[Candidate]) -> None:
    """"Empire Wind 1, its 810-megawatt offshore wind farm": the described phrase is the named
    project's (it takes the name, its words become an alias), not a second project."""
    for c in known:
        if c.type != "project" or c.rule != "project-phrase" or c.name[:1].isupper() \
                or c.cls != "FAC":
            continue        # ("Ultium Cells, their joint venture": a firm, not a project)
        m = _APPOSED.search(text[:c.start])
        if m is None:
            continue
        # a name not yet typed a project ("Empire Wind") only with "its": "X, a chipmaker
        # building a fab" is no fab called X
        its = re.search(r",\s+(?:its|their)\s+(?:(?![\w-]*ing\b)[\w$.,-]+\s+)*$", m.group())
        named = next((o for o in known if o.end == m.start() and o is not c
                      and o.name[:1].isupper()
                      and (o.type == "project" or (its and o.type == "firm"))), None)
        if named is not None:
            c.aliases, c.name = (*c.aliases, c.name), named.name
            c.words = c.words | named.words


# "Aragon Hydrogen Valley, a project led by X", "Kappa Link, the $2 billion scheme to ..."
_A_PROJECT_AFTER = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+(?:[\w$.-]+\s+){0,4}?"
                              r"(?:project|scheme|programme|program)\s+(?:led|run|developed|backed|built|"
                              r"planned|proposed|owned|operated|managed|to|that|which|of|in|at)\b")


def described_as_projects(text: str, known: list[Candidate]) -> None:
    """A capitalised name no rule typed a facility, described right after as a project ("Aragon
    Hydrogen Valley, a project led by X") is a project, not a firm."""
    for c in known:
        if c.type == "firm" and c.rule == "other-name" and len(c.name.split()) >= 2 and \
                _A_PROJECT_AFTER.match(text, c.end):
            c.type, c.cls = "project", "GEN"
            c.words = frozenset(canonical(w) for w in c.name.split())


def _division(name: str) -> bool:
    return name in wide_places()


@cache
def wide_places() -> frozenset[str]:
    """States, provinces and countries: too wide to name one facility after (nor, in
    detect.places_by_context, a town)."""
    from .lexicon import countries, places
    return frozenset({p.name for p in places() if p.kind == "division"} |
                     {c.name for c in countries()})


def _described(p: Phrase) -> str:
    """The modifiers that say what the facility is ("cell", "advanced packaging" -> "packaging")."""
    kept = [w for w in p.mods if w.lower() not in GENERIC_ADJECTIVES and w not in demonyms()
            and not MONEY.search(w) and not re.fullmatch(r"[\d.,]+", w) and not w.lower().endswith(("est", "ly"))]
    while kept and kept[0].lower() in _VAGUE:
        kept.pop(0)
    return " ".join(kept[-2:]).lower()


# modifiers that grade rather than describe ("advanced packaging plant" is a packaging plant)
_VAGUE = frozenset("advanced state-of-the-art cutting-edge high-tech integrated dedicated "
                   "greenfield brownfield".split())


_ITS = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?:(?:[\w$₹€£¥.,-]+|crore|billion|million)\s+){0,6}$")


# "Its first cathode is shipped through the port": a verb or an article between "its" and the
# facility opens another phrase
_ANOTHER_PHRASE = re.compile(r"\s(?:the|a|an|is|are|was|were|will|be|been|has|have|had|through|via|to|from)\s")


class ArticleProjects:
    """What the project rules know of the article being read: how often each project has been
    named in it so far (one article's plant is not another article's "project in question")."""

    def __init__(self, table: EntityTable) -> None:
        self.table = table
        self.counts: dict[int, int] = {}
        # the projects named most so far (their count, and the highest key among them): the
        # project in question without a scan of every project per sentence
        self.top = 0
        self.leaders: set[int] = set()
        self.last_leader = -1
        self._towns: frozenset[str] = frozenset()
        self._towns_at = -1

    def mentions(self, text: str, mentions: list[Mention], topic: int | None = None) -> list[Mention]:
        """:func:`facility_mentions`, then each project mention counted for this article."""
        out = facility_mentions(text, mentions, self, topic)
        for m in out:
            if m.key != ALL and self.table[m.key].type == "project":
                n = self.counts[m.key] = self.counts.get(m.key, 0) + 1
                if n > self.top:
                    self.top, self.leaders, self.last_leader = n, {m.key}, m.key
                elif n == self.top:
                    self.leaders.add(m.key)
                    self.last_leader = max(self.last_leader, m.key)
        return out

    def towns(self) -> frozenset[str]:
        """Every label of every place of the table (built again only when the table grew)."""
        if self._towns_at != len(self.table):
            self._towns = frozenset(label for e in self.table if e.type == "location"
                                    for label in e.labels())
            self._towns_at = len(self.table)
        return self._towns


def facility_mentions(text: str, mentions: list[Mention], article: ArticleProjects,
                      topic: int | None) -> list[Mention]:
    """Mentions with each described facility ("a $4 billion battery factory in De Soto") resolved
    to the project named after its place ("De Soto factory") when nothing else was found there;
    a mention of a project named after another town is dropped ("a packaging plant in Peoria"
    is not the West Lafayette packaging plant)."""
    table, counts = article.table, article.counts
    out = list(mentions)
    for p in phrases(text):
        if p.cls != "FAC":
            continue
        where = _WHERE.match(text, p.end)
        place = next((m for m in out if where and m.start == where.end() and m.key != ALL), None)
        if place is None:
            continue
        found = table.lookup(f"{text[place.start:place.end]} {p.head.lower()}", "project")
        start = p.name_start
        inner = [m for m in out if m.start < p.end and start < m.end]
        if any(m.key == ALL or table[m.key].type != "project" for m in inner):
            continue        # (a sector word inside, "a nickel plant in P", keeps its mention)
        town = table[place.key].type == "location" and not _division(table[place.key].name)
        if found is None and not p.proper and town:
            # "a packaging plant in Tallow Bay" is not the packaging plant of another town
            around = text[place.start:place.end + 40]
            out = [m for m in out if m not in inner or not _elsewhere(table, article.towns(), m.key, around)]
        if found is None or any(m.key != found.key for m in inner):
            continue        # (another project's mention is left alone: no gain on dev, a risk)
        owner = next((m for m in reversed(out) if m.end <= start and m.key != ALL
                      and table[m.key].type in ("firm", "organization")), None)
        if _another(_described_before.get(table, {}).get(found.name), _described(p),
                    set(table[owner.key].labels()) if owner is not None else set()):
            _rivals.setdefault(table, set()).add((found.key, _described(p)))
            continue        # a rival's plant in the same town (its words are no alias either)
        # a facility named in passing while the story is about another project does not take
        # "the plant" from it
        side = topic is not None and topic != found.key and table[topic].type == "project" and \
            counts.get(topic, 0) > counts.get(found.key, 0)
        out = [m for m in out if m not in inner] + [Mention(start, p.end, found.key, side=side)]
    return sorted(out, key=lambda m: m.start)


def _elsewhere(table: EntityTable, towns: frozenset[str], project: int, around: str) -> bool:
    """The project is named after a place that ``around`` (the place named after the facility,
    and what follows it: "Kikuyo, Kumamoto Prefecture") does not name ("Brindle Falls plant")."""
    named = {" ".join(label.split()[:-1]) for label in table[project].labels()} & towns
    return bool(named) and not any(town in around for town in named)


# a main verb in the passive ("will be made by"; not "a vaccine developed by A at its campus": the
# subject's campus)
_PASSIVE_BY = re.compile(r"\b(?:be|is|are|was|were|been|being)\s+(?:\w+ly\s+)?[a-z]+\s+by\s+(?:the\s+)?$")


def _agent_before(v: View, pos: int) -> int | None:
    """"It will be made by Zeta Bio at its plant in Osaka": "its" is the agent's, not the subject's."""
    agent = v.before(pos, _OWNERS, max_gap=40)
    if agent is None or agent.key == ALL or not _PASSIVE_BY.search(v.text[:agent.start]) or \
            not re.fullmatch(r"\s*" + BRACKETED + r"\s*(?:at|in|from)\s+", v.text[agent.end:pos]):
        return None
    return agent.key


def project_owners(v: View) -> None:
    """"X has received a subsidy for its semiconductor plant in P", "X opened its $4 billion
    cell plant in P" -> X owns the plant (the clause's subject; the sentence's firm)."""
    for p in phrases(v.text):
        if p.cls != "FAC":
            continue
        key = _facility_key(v, p)
        its = _ITS.search(v.text[:p.start])
        if key is None or its is None or re.search(r"[,;]\s", its.group()) or \
                _ANOTHER_PHRASE.search(its.group()) or \
                re.search(r"\bown\b", v.text[its.start():p.end]):
            continue        # ("its own smelter": one set against the facility of the story)
        if any(its.start() <= x.start < p.start and v.type(x) not in ("sector", "technology")
               for x in v.mentions):
            continue
        owner = _agent_before(v, its.start()) or clause_subject(v, its.start(), _OWNERS)
        if owner is None and v.owner is not None and v.owner.key != ALL \
                and v.type(v.owner) in _OWNERS:
            owner = v.owner.key
        if owner is not None and owner != key:
            v.add(owner, "owns", key, 0.6, "its-facility")


# who owns "its plant": a firm (in "a grant from the ministry to X for its plant", X)
_OWNERS = frozenset({"firm", "organization"})


def _facility_key(v: View, p: Phrase) -> int | None:
    """The project a facility phrase is: its mention, else the one named after the place that
    follows ("plant in Dholera" -> "Dholera plant")."""
    m = next((m for m in v.mentions if m.start <= p.end - 1 < m.end and m.key != ALL), None)
    if m is not None:
        return m.key if v.type(m) == "project" else None
    where = _WHERE.match(v.text, p.end)
    place = v.at_start(where.end()) if where else None
    if place is None or place.key == ALL:
        return None
    found = v.table.lookup(f"{v.text[place.start:place.end]} {p.head.lower()}", "project")
    return found.key if found is not None else None


_COORDINATED = re.compile(r"\b(?:a|an|the|its|their)\s+(?:\S*\d\S*\s+(?:billion\s+|million\s+)?)?"
                          r"((?:[a-z][\w-]*\s+){1,3}and\s+)$")
_PROPER_HEAD = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+(?:[a-z][\w-]*\s+){1,3}"
                          r"(?:" + "|".join(sorted(_HEADS)) + r")$")


def place_aliases(table: EntityTable, texts: list[str]) -> None:
    """"Dholera plant" is also the "plant in Dholera", and, when the text says "its semiconductor
    plant in Dholera", the "semiconductor plant" and "Dholera semiconductor plant". Added once
    the mentions are read: as labels they would hide the place in "a plant in Dholera, Gujarat"
    and take "a packaging plant in Peoria" for the packaging plant in West Lafayette."""
    places = {label for e in table if e.type == "location" for label in e.labels()}
    projects = {label: e for e in table if e.type == "project" and e.seed_id is None
                for label in e.labels()}
    for label, e in list(projects.items()):
        words = label.split()
        if len(words) >= 2 and words[-1].lower() in _HEADS and " ".join(words[:-1]) in places:
            table.add_alias(e, f"{words[-1].lower()} in {' '.join(words[:-1])}")
        proper = _PROPER_HEAD.match(label)
        if proper and table.lookup(proper.group(1)) is None and not is_common(proper.group(1)):
            table.add_alias(e, proper.group(1))   # "Das Island" for "Das Island liquefaction plant"
    rivals = _rivals.get(table, set())
    by_head: dict[str, list[str]] = {}      # "plant" -> the places a project "<place> plant" has
    for label in projects:
        words = label.split()
        if len(words) >= 2 and " ".join(words[:-1]) in places:
            by_head.setdefault(words[-1], []).append(" ".join(words[:-1]))
    for text in texts:
        for p in phrases(text):
            where = _WHERE.match(text, p.end)
            mods = _described(p)
            if where is None or not mods or p.proper:
                continue
            head = p.head.lower()
            for place in by_head.get(head, ()):
                named = projects[f"{place} {head}"]
                if text.startswith(place, where.end()) and \
                        projects.get(f"{place} {mods} {head}", named) is named and \
                        (named.key, mods) not in rivals:
                    table.add_alias(named, f"{mods} {head}")
                    table.add_alias(named, f"{place} {mods} {head}")
                    both = _COORDINATED.search(text[:p.start])
                    if both:        # "a rare-earth separation and magnet plant": as written
                        table.add_alias(named, f"{both.group(1)}{text[p.start:p.end]}")


# ("opened its own smelter in P": a facility set against the one the story is about)
_RUNS = re.compile(r"\b(?:opened|opens|inaugurated|inaugurates|restarted|restarts|operates|operated|"
                   r"runs|ran|(?:started|begun|began|starts)\s+building|broke\s+ground\s+on|"
                   r"breaks\s+ground\s+on)\s+(?!by\b|(?:its|their)\s+own\b)")
# between "opened" and the facility: determiners, amounts and describing words, no link word
# (so no second head noun: "opened talks over the plant", "a showroom near the plant")
_LINKS = frozenset("""about across after against along among amid around as at before behind below
beside between beyond by despite during for from in inside into near next of off on onto opposite
outside over past per since than through to toward towards under until upon via with within
without and or but nor while where when which who that""".split())


def _run_gap(gap: str) -> bool:
    """Nothing but what describes the facility between the verb and it."""
    return not re.search(r"(?<!\d)[.,;]|[.,;](?!\d)", gap) and \
        not any(w.lower() in _LINKS for w in gap.split())


def project_runners(v: View) -> None:
    """"X has opened a $2 billion plant in P", "X, which runs the Y mine", "X has started
    building a plant" -> X leads the project (the clause's subject, or the noun before "which")."""
    for m in _RUNS.finditer(v.text):
        if negated(v, m.start()):
            continue
        obj = next((x for x in v.mentions if x.start >= m.end()), None)
        if obj is None or obj.key == ALL or v.type(obj) != "project" or obj.start - m.end() > 60 \
                or not _run_gap(v.text[m.end():obj.start]):
            continue        # ("opened an investigation into the plant": not the thing opened)
        subject = clause_subject(v, m.start(), BODIES)
        named = any(x.key == subject and not x.anaphor and x.end <= m.start() for x in v.mentions)
        if subject is not None and subject != obj.key and named:
            # (not "The company has also opened a plant": which company is too often a guess)
            v.add(subject, "leads", obj.key, 0.65, "runs-project")


_FUNDERS = frozenset({"government", "ministry", "agency", "fund", "firm", "organization"})
_SHARE = re.compile(r"\b(?:pay|pays|paying|paid|cover|covers|covering|covered|fund|funds|funding|"
                    r"finance|finances|financing|provide|provides|providing)\s+(?:for\s+)?"
                    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|up\s+to\s+|some\s+)?"
                    r"(?:half|one\s+third|a\s+third|two\s+thirds|a\s+quarter|three\s+quarters|"
                    r"\d+(?:\.\d+)?\s*(?:%|per\s*cent))\s+of\s+(?:the\s+)?"
                    r"(?:(?P<whose>its|their|(?:[\w-]+\s+){0,3}?[\w-]+[’']s)\s+)?"
                    r"(?:(?:capital|total|construction|building|estimated|overall|initial|upfront|"
                    r"investment|development)\s+){0,2}(?:cost|costs|capex|bill|price\s+tag)\b"
                    r"(?P<through>\s+(?:through|via)\s+(?:the\s+)?)?")


def cost_shares(v: View, article: ArticleProjects) -> None:
    """"The ministry will pay half of the project's capital cost", "A will pay about 20% of the
    plant's cost through grants", "The government is paying half of the cost through X" -> the
    payer (and X) funds the project in question."""
    for m in _SHARE.finditer(v.text):
        if negated(v, m.start()):
            continue
        inside = next((x for x in v.mentions if m.start() <= x.start < m.end() and x.key != ALL
                       and v.type(x) == "project"), None)
        whose = (m.group("whose") or "").lower()
        if inside is None and whose and whose not in ("its", "their") and \
                re.sub(r"[’']s$", "", whose.split()[-1]) not in _HEADS | {"project"}:
            continue        # ("half of Kelvar's costs": not the project's)
        project = inside.key if inside is not None else in_question(v, article)
        if project is None or v.table[project].type != "project":
            continue
        payers = [clause_subject(v, m.start(), _FUNDERS)]
        if m.group("through"):
            via = v.at_start(m.end())
            payers.append(via.key if via is not None and via.key != ALL
                          and v.type(via) in _FUNDERS else None)
        for payer in payers:
            if payer is not None:
                v.add(payer, "funds", project, 0.6, "cost-share")


_FINANCING = re.compile(r"^(?:The\s+)?(?:(?:[\w-]+\s+)?[Ff]inancing|[Ff]unding|[Dd]ebt|[Ll]oans?)\b"
                        r"(?:\s+of\s+\S+(?:\s+(?:million|billion))?)?\s+(?:includes?|included|comes?|came|"
                        r"(?:(?:was|were|is|are|will|has|have)\s+(?:not\s+)?(?:be\s+|been\s+)?)?"
                        r"(?:come|coming|arranged|provided|secured|raised|led|underwritten|extended|"
                        r"backed|syndicated|supplied|offered))\b")
# (not "such as"/"like": "start-ups like X" are no lenders)
_LENDER_CUE = re.compile(r"\b(?:from|by|including)\s+(?:the\s+)?$")


def project_financing(v: View, article: ArticleProjects) -> None:
    """"Financing includes a loan from A and a syndicated loan led by B", "Financing of $3 billion
    was arranged by a group of banks including A and B" -> each lender funds the project in
    question (the sentence names no other borrower)."""
    if not _FINANCING.match(v.text):
        return
    project = in_question(v, article)
    if project is None or v.table[project].type != "project" \
            or re.search(r"\b(?:not|no|never|n[’']t)\b", v.text):
        return
    if any(v.type(x) == "project" and x.key != project for x in v.mentions):
        return
    for m in v.mentions:
        if m.key == ALL or v.type(m) not in _FUNDERS - {"government"}:
            continue
        if _LENDER_CUE.search(v.text[max(0, m.start - 30):m.start]) or \
                _LENDER_CUE.search(re.sub(r"\s*" + BRACKETED + r"\s*(?:,\s*)?(?:and\s+)?$", " ",
                                          v.text[max(0, m.start - 60):m.start])):
            for item in v.listed(m, _FUNDERS - {"government"}):
                if item.key != ALL:
                    v.add(item.key, "funds", project, 0.6, "project-financing")


_MONEY_NOUN = re.compile(r"\b(?:grants?|loans?|subsid(?:y|ies)|incentives?|tax\s+credits?|financing|"
                         r"funding|aid|equity)\b")
_FOR_PROJECT = re.compile(r"^[^,;:]{0,80}?\bfor\s+(?:its\s+|their\s+|the\s+|a\s+|an\s+)?")
_RECEIVED = re.compile(r"\b(?:receiv\w*|won|wins?|winning|secur\w*|gets?|got|obtain\w*|appl\w*|"
                       r"seek\w*|sought|ask\w*|request\w*|bid|lobb\w*)\b")


def money_for_projects(v: View) -> None:
    """"The ministry has finalised a $4.7 billion grant to X for its chip plant in P" -> the
    ministry funds the plant (not when the subject received, won or sought the money)."""
    for m in _MONEY_NOUN.finditer(v.text):
        tail = _FOR_PROJECT.match(v.text[m.end():])
        if tail is None:
            continue
        pos = m.end() + tail.end()
        target = next((x for x in v.mentions if x.start >= pos), None)
        if target is None or target.key == ALL or v.type(target) != "project" or \
                target.start - pos > 40 or re.search(r"[,;]", v.text[pos:target.start]):
            continue
        lead = v.text[max(0, m.start() - 80):m.start()]
        if negated(v, m.start()) or _RECEIVED.search(lead):
            continue
        funder = clause_subject(v, m.start(), _FUNDERS)
        if funder is not None and funder != target.key:
            v.add(funder, "funds", target.key, 0.6, "money-for")


_FROM_ITS = re.compile(r"\bfrom\s+(?:its|their)\s+(?:[\w$.,-]+\s+){0,4}?$")


def supplied_from(v: View) -> None:
    """"X will supply cathode to Y from its new plant in P" -> the plant supplies Y too (run after
    the cue lexicon, whose facts it reads)."""
    for m in v.mentions:
        if m.key == ALL or v.type(m) != "project" or not _FROM_ITS.search(v.text[:m.start]):
            continue
        for a, rtype, b, _, _ in list(v.facts):
            if rtype == "supplies" and a != m.key and b != m.key and v.table[a].type in _OWNERS:
                v.add(m.key, "supplies", b, 0.6, "supplied-from")


def in_question(v: View, article: ArticleProjects) -> int | None:
    """The project the story is about so far: the one the article has named most often (the
    section's current one on a tie), not merely the last one named."""
    if not article.leaders:
        return v.topic
    return v.topic if v.topic in article.leaders else article.last_leader


_WHICH_X = re.compile(r"\s*" + BRACKETED + r"(?:\s+(?:in|at|near)\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*"
                      r"(?:\s+(?:province|state|county|region|district|prefecture))?)?"     # "the X mine in Lai Chau province,"
                      r"(?:,\s+(?:a|an|the)\s+[^,;]{0,60}?)?,?\s+(?:which|that)\s+$")
X_RUNS = re.compile(r"\s+(?:also\s+|now\s+|still\s+)?(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?"
                    r"(?P<verb>operates|operated|operating|runs|ran|running|built|builds|building|"
                    r"develops|developed|developing|leads|led|leading|manages|managed|managing|"
                    r"converting|owns|owned|controls|controlled)\b")


def object_relatives(v: View) -> None:
    """"the Das Island plant, which ADNOC Gas operates", "Ruwais LNG, a development that ADNOC
    leads" -> the body leads (owns, for "owns"/"controls") the project."""
    for m in v.mentions:
        if m.key == ALL or v.type(m) not in BODIES:
            continue
        rel = _WHICH_X.search(v.text[:m.start])
        runs = X_RUNS.match(v.text, m.end)
        if rel is None or runs is None:
            continue
        project = v.before(rel.start() + 1, {"project"}, max_gap=5)
        if project is None or project.key == ALL:
            continue
        rtype = "owns" if runs.group("verb").startswith(("own", "control")) else "leads"
        v.add(m.key, rtype, project.key, 0.65, "object-relative")
