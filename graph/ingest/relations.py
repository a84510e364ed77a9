"""Relations from sentence patterns (stage 7).

Each rule reads one sentence through a :class:`View` (its text and the
entity mentions in it, including "the plant"-style references back to the
section's project) and returns :class:`Fact` tuples. Rules, in order:

- ``x-led``       "SoftBank Group-led data center initiative", "Chinese-led initiatives such as X" -> leads/funds/owns
- ``by-agent``    "X led/backed/funded/financed/built by Y" -> leads/funds/owns
- ``active-verb`` "Y is spearheading/will build/has financed X" -> leads/funds/owns
- ``funding-from``"loans/funding/package from Y" -> funds
- ``national-funding`` "Japanese funding", "German state aid ... for X" -> funds
- ``possessive``  "Japan’s $55 billion tool" -> owns; "China’s Belt and Road Initiative" -> leads;
                  "Peru’s Chancay port" -> located_in; "Peru’s Ministry of ..." -> part_of
- ``located``     "<project> in/across/off <place>", "<place> <project>", "De Soto, Kansas" -> located_in
- ``stake``       "a 60% stake in X", "control of X and Y" -> owns; a minority stake -> invests_in
- ``operates``    "X operates mines in A and B" -> operates_in
- ``firms-like``  "firms like A and B" with a sector in the sentence, "A in batteries" -> operates_in
- ``pair-noun``   "US-Japan collaboration" -> partners_with; "US-China competition" -> competes_with
- ``affects``     "impacting firms like A and B" -> affects
- ``part-of``     "the battery arm of X" -> part_of
- ``party-to``    a government and an agreement with "under/signed/joined" -> party_to

Supplying, regulating and the other verb-led relations are read by the cue
lexicon of :mod:`.verbs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .doc import Mention
from .lexicon import AMOUNT, BRACKETED, OWNER_MARKERS, POSS, SELL_VERBS
from .names import tokens
from .precision import CLAUSE_BREAK
from .verbs import DEAL_SUBJECT, clause_span, clause_subject, is_division, whose, negated
from .view import ACTORS, ALL, BODIES, Fact, View

VERB_TYPES = {"led": "leads", "headed": "leads", "spearheaded": "leads", "run": "leads",
              "managed": "leads", "built": "leads", "developed": "leads", "operated": "leads",
              "backed": "funds", "funded": "funds", "financed": "funds", "supported": "funds",
              "underwritten": "funds", "sponsored": "funds", "owned": "owns",
              "controlled": "owns", "acquired": "owns", "paid out": "funds", "paid": "funds",
              "provided": "funds", "granted": "funds", "disbursed": "funds", "extended": "funds",
              "arranged": "funds", "guaranteed": "funds", "co-financed": "funds", "syndicated": "funds"}


def x_led(v: View) -> None:
    for t in tokens(v.text):
        if t.kind != "marker" or t.text.lower() not in OWNER_MARKERS:
            continue
        rtype = OWNER_MARKERS[t.text.lower()]
        subject = v.at_end(t.start)
        key = subject.key if subject else None
        if key is None:
            code = next((c for s, e, c in v.demonyms if e == t.start), None)
            key = v.country(code) if code else None
        target = v.at_start(t.end + 1) if t.end < len(v.text) else None
        if target is None:
            m = re.match(r"\s+\w+s,?\s+(?:such as|like|including)\s+(?:the\s+)?", v.text[t.end:])
            if m:
                first = v.at_start(t.end + m.end())
                for item in v.listed(first) if first else []:
                    v.add(key, rtype, item.key, 0.75, "x-led")
            continue
        v.add(key, rtype, target.key, 0.8, "x-led")


_BY = re.compile(r"\b(" + "|".join(sorted(VERB_TYPES, key=len, reverse=True))
                 + r")\s+(?:\w+ly\s+)?by\s+")
_FUNDING_SUBJECT = re.compile(r"^(?:the|this|that|a|an)\s+(?:[\w-]+\s+){0,2}?(?:aid|subsidy|subsidies|"
                              r"funding|money|loan|loans|grant|grants|package|financing|debt|facility|credit|bonds?)\b", re.I)
_HOST = re.compile(r"\b(?:plants|factories|fabs|facilities|sites|mines|operations|terminals)\s+$")


# verbs that fund only when money is what was given ("loans were provided by X")
_GIVEN = frozenset({"provided", "granted", "extended", "paid", "paid out", "disbursed", "arranged",
                    "guaranteed", "syndicated"})
# "arranged by A and guaranteed by B": the second verb's patient is the first one's
_AND_BY = re.compile(r"\s*,?\s*and\s+(?:(?:is|was|are|were|been|be)\s+)?(?:\w+ly\s+)?$")
_MONEYISH = re.compile(r"\b(?:loans?|grants?|funding|financing|money|aid|subsid\w+|capital|credit|cash|"
                       r"incentives?|guarantees?|equity|debt|bonds?|million|billion|crore)\b|[$€£¥₹]", re.I)
_LENDERS_LED = re.compile(r"\b(?:banks|lenders)\s+$")
_STARTS_CLAUSE = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|said|says|agreed|plans|"
                           r"also)\b")


# an apposition with a price names a thing of its own: "..., a $2.2 billion project (financed by)"
_PRICED_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}[$€£¥₹]\d[\d.,]*\s+(?:[a-z-]+\s+){0,4}$")


# "Kappa Solar has closed a $1.2 billion loan", "Zeta raised $500 million in bonds"
_TOOK_LOAN = re.compile(r"\s*" + BRACKETED + r"(?:\s+(?:has|have|had|will|is|was|also|now))*\s+"
                        r"(?:secur\w+|clos\w+|rais\w+|obtain\w+|sign\w+|t(?:ake|akes|ook|aking)\s+out|"
                        r"borrow\w*|refinanc\w+|agreed)\s+(?:(?:(?![’']s\s|\s(?:about|over|on|against|"
                        r"concerning|regarding)\s)[^;:]){0,50}?\s)?"     # (not "concerns about X's debt")
                        r"(?:loans?|financing|facility|credit(?:\s+line)?|bonds?|notes|debt)\b")


def borrower_in(v: View) -> int | None:
    """The body that takes a loan in this sentence ("Kappa Solar has closed a $1.2 billion loan"):
    whose "the loan" the next sentences mean."""
    for m in v.mentions:
        if m.key != ALL and not m.anaphor and v.type(m) in BODIES and _TOOK_LOAN.match(v.text, m.end) \
                and not negated(v, m.end):
            return m.key
    return None


# a body handing out money to others it may not name yet: "the ministry announced grants worth C$2.1
# billion to five manufacturers", "the agency has awarded subsidies to"
_GIVES_GRANTS = re.compile(r"\b(?:announc|award|approv|unveil|grant|pledg|allocat|distribut|offer)\w*\s+"
                           r"(?:[\w$€£¥₹.,-]+\s+){0,6}?(?:grants|subsidies|awards|incentives)\b")
GRANTERS = frozenset({"ministry", "agency", "government", "fund", "organization"})


def granter_in(v: View) -> tuple[int, int] | None:
    """The body handing out grants in this sentence, and where its grants are named: whose grants
    the recipients the next sentences name receive ("The largest award goes to X", "Y receives
    C$450 million")."""
    m = _GIVES_GRANTS.search(v.text)
    if m is None or negated(v, m.start()):
        return None
    key = clause_subject(v, m.start(), GRANTERS)
    return (key, m.end()) if key is not None else None


# a recipient of money no one is named giving: before the name ("goes to X", "recipients are X", "was
# awarded to X") or after it ("X receives C$450 million", "X, which gets C$300 million"; not "got $2 billion
# in orders", "will get $300 million when it completes the sale", "received $50 million in its IPO")
_RECIPIENT_BEFORE = re.compile(r"\b(?:(?:go(?:es)?|went|will\s+go)\s+to|recipients\s+(?:are|were|include|included)|"
                               r"(?:was|were|is|are|will\s+be|has\s+been|have\s+been)\s+(?:awarded|granted|"
                               r"allocated)\s+to)\s+(?:the\s+)?$")
_RECIPIENT_AFTER = re.compile(r"\s*" + BRACKETED + r"(?:,\s+which)?\s+(?:also\s+)?(?:receives?|received|will\s+"
                              r"receive|gets?|got|will\s+get)\s+(?:a\s+|an\s+|another\s+|a\s+further\s+)?"
                              + AMOUNT)
_ASIDE_BEFORE = re.compile(r"\b(?:after|before|when|as|since|while|whose|which)\b[^,;]*$")
_FOR_SOMETHING_ELSE = re.compile(r"\s*(?:million|billion|trillion|crore|bn)?\s*(?:(?:in|of)\s+(?:orders|revenue|sales|"
                                 r"cash|loans?|debt|bank|tax|its|an?|the)\b|from\s+(?!the\s+(?:programme|program|scheme|fund|plan|grants?)\b)|"
                                 r"when\b|if\b|after\b|for\s+(?:the|its)\s+(?:sale|stake|unit)\b)")
_MONEY_NAMED = re.compile(r"\b(?:awards?|grants?|subsid(?:y|ies)|money|funding|funds|recipients)\b|"
                          r"\bremaining\s+" + AMOUNT + "|" + AMOUNT)
# a payer named in the sentence: its money is read by the cue rules, and earlier grants end there
_FROM_BY = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$")
_PAYS = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:has|have|had|will|would|also)\s+)*(?:paid|pays|pay)\b")


def names_payer(v: View, besides: int | None = None) -> bool:
    """Whether the sentence names a body that gives money ("from Zeta Fund", "by the ministry", "Kappa
    Motors paid ..."), other than ``besides`` (not "by March", "from Ohio", "will be paid")."""
    for m in v.mentions:
        if m.key in (ALL, besides) or v.type(m) not in BODIES | {"government"}:
            continue
        if _FROM_BY.search(v.text, max(0, m.start - 12), m.start) or _PAYS.match(v.text, m.end):
            return True
    return False
GRANT_REACH = 3       # sentences after the announcement (or the last recipient) that can name recipients


@dataclass
class Grants:
    """The body whose grants the next few sentences' recipients receive, carried sentence to
    sentence: set by an announcement, kept while recipients follow, dropped after
    :data:`GRANT_REACH` sentences without one or at a sentence naming another payer."""

    key: int | None = None
    age: int = 0

    def step(self, v: View) -> None:
        gives = granter_in(v)
        if gives is not None:
            self.key, self.age = gives[0], 0
        elif self.key is not None:
            self.age += 1
            if self.age > GRANT_REACH or names_payer(v):
                self.key = None
        v.granter = self.key
        # (also in the announcement's own sentence, after its grants)
        found = grant_recipients(v, gives[1] if gives is not None else 0)
        if gives is None and found:
            self.age = 0


def grant_recipients(v: View, start: int = 0) -> bool:
    """The bodies this sentence says receive money without naming who gives it, from ``start`` on:
    funded by the body that announced the grants shortly before (:class:`Grants`). Whether any was
    read."""
    if v.granter is None or names_payer(v, v.granter):
        return False        # (a giver named here is read by the cue rules)
    found = False
    for m in v.mentions:
        if m.key in (ALL, v.granter) or m.anaphor or v.type(m) not in ("firm", "organization") or \
                m.start < start or _ASIDE_BEFORE.search(v.text, start, m.start):
            continue        # (not "a week after Zeta Steel received $400 million of bank loans")
        before = _RECIPIENT_BEFORE.search(v.text[max(0, m.start - 60):m.start])
        if before is not None and not _MONEY_NAMED.search(v.text, 0, m.start):
            continue        # "The plant's sulphuric acid goes to X": goods, not money
        after = _RECIPIENT_AFTER.match(v.text, m.end) if before is None else None
        if before is None and (after is None or _FOR_SOMETHING_ELSE.match(v.text, after.end())):
            continue
        items = v.listed(m, {"firm", "organization"}) if before is not None else [m]
        for item in items:
            if item.key not in (ALL, v.granter):
                v.add(v.granter, "funds", item.key, 0.55, "grant-recipient")
                found = True
    return found


def _borrower(v: View, agents: list[Mention]) -> Mention | None:
    """Whose "the loan" is when no project is in question: the body that last took a loan,
    never one of the lenders."""
    if v.borrower is None or any(a.key == v.borrower for a in agents):
        return None
    return Mention(0, 0, v.borrower, anaphor=True)


# a name that is a preposition's object, then a second verb phrase of the subject's
_PREP_OBJECT = re.compile(r"\b(?:of|from|with|by|in|at|to|for)\s+(?:the\s+)?$")
_AND_IS = re.compile(r"(?:\s+in\s+\d{4})?,?\s+and\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?")


def _state_agent(v: View, pos: int) -> Mention | None:
    """"by the Romanian state", "by the Polish government": the country, as a mention there."""
    for start, end, code in v.demonyms:
        if re.fullmatch(r"(?:the\s+)?", v.text[pos:start]) and \
                re.match(r"\s+(?:state|government|treasury)\s*(?:[,.;:)]|$|and\b|or\b|which\b|through\b)", v.text[end:]):
            return Mention(start, end, v.country(code))
    return None


def by_agent(v: View) -> None:
    last: tuple[list[Mention], Mention | None] | None = None   # the previous verb's agents and patient
    for m in _BY.finditer(v.text):
        if negated(v, m.start()):
            continue            # "The loan was not guaranteed by X", "X is not owned by Y"
        rest = v.text[m.end():]
        clause = re.split(r"[,;]", rest, maxsplit=1)[0]
        agent = v.after(m.end(), ACTORS | {"location"}, max_gap=60)
        state = _state_agent(v, m.end())
        if state is not None and (agent is None or agent.start > state.end):
            agent = state           # "35% owned by the Romanian state": the country
        if agent is None or agent.start > m.end() + len(clause) or \
                re.match(r"(?:a|an|one|two|several|some)\s+\S", v.text[m.end():agent.start]):
            continue    # "owned by a Danish fund and makes packs in Texas": not Texas
        agent = v.possessed(agent)      # "backed by Japan’s $55 billion tool": the tool
        word = m.group(1)
        if word in _GIVEN and not _MONEYISH.search(v.text[max(0, m.start() - 80):m.start()]):
            continue                    # "single-use bags were provided by X": goods, not money
        if word == "led" and _LENDERS_LED.search(v.text[:m.start()]):
            continue        # "financed by a group of banks led by X": X leads the lenders

        agents = v.listed(agent, ACTORS | {"location"})
        for i, a in enumerate(agents[1:], 1):
            if _STARTS_CLAUSE.match(v.text, a.end):
                agents = agents[:i]     # "owned by SpaceX, and SoftBank has agreed": not SoftBank
                break
        patient = v.before(m.start(), BODIES | {"project"}, max_gap=80)
        if patient is not None and last is not None and any(a.key == patient.key for a in last[0]) \
                and _AND_BY.fullmatch(v.text, patient.end, m.start()):
            patient = last[1]   # "arranged by A and guaranteed by B": B backs what A arranged
            # ("run by A and owned by B": not A, whatever the first verb's patient was)
        last = (agents, patient)
        if patient is not None and _PREP_OBJECT.search(v.text, 0, patient.start) and \
                _AND_IS.fullmatch(v.text, patient.end, m.start()):
            # "Kappa was spun out of Sigma University and is backed by X": the sentence's subject
            patient = next((x for x in v.mentions if x.key != ALL and v.type(x) in BODIES | {"project"}
                            and not v.text[:x.start].strip()), None)
        begin, _ = clause_span(v.text, m.start(), m.end())
        between = v.text[patient.end:m.start()] if patient is not None else ""
        if patient is not None and patient.start >= begin and \
                re.search(r"\b(?:a|an|the|its|their|[A-Z][\w-]*[’']s)\s+(?:(?:[a-z-]+|\S*\d\S*)\s+){0,6}[a-z-]+,?\s+"
                     r"(?:(?:is|was|are|were|being|"
                     r"been|be|now|also|jointly)\s+)*$", between) and not re.fullmatch(
                r"\s*" + BRACKETED + r",\s+(?:a|an|the|its)\s+[^,]*,?\s*(?:(?:is|was|being)\s+)?", between):
            patient = None      # "A will supply it for a network run by a consortium led by B": not A
            # (but "X, a joint venture led by B": the apposition is X)
        if _PRICED_APPOSITION.search(between) and not re.match(r"\s*" + BRACKETED + r",", between):
            patient = None      # "to build the line, a $2.2 billion project financed by X": not the builder
        if patient is not None and patient.start < begin:
            patient = None      # "financed by A, and a grant will be provided by B": not B's grant to A
            if _FUNDING_SUBJECT.match(v.text[begin:].lstrip()) and VERB_TYPES[word] == "funds":
                patient = _topic(v)     # "..., and a grant will be provided by B": for the project
        host = v.mentions[0] if v.mentions else None
        if patient is None and host is not None and v.type(host) == "location" \
                and _HOST.search(v.text[:m.start()]) and word in ("run", "operated", "owned"):
            for a in agents:              # "Saxony hosts plants run by Infineon"
                v.add(a.key, "operates_in", host.key, 0.55, "by-agent")
            continue
        if patient is None and _FUNDING_SUBJECT.match(v.text):
            patient = _topic(v)           # "The aid will be paid out by X"
            if patient is None and VERB_TYPES[word] == "funds":
                patient = _borrower(v, agents)      # (not "The facility is owned by X")
        if patient is None:
            continue
        last = (agents, patient)
        for a in agents:
            v.add(a.key, VERB_TYPES[word], patient.key, 0.75, "by-agent")


_ACTIVE = re.compile(r"\b(?:is |are |was |were |has |have |had |will |would |plans to |is set to |"
                     r"agreed to |to )?(spearheading|spearheads|spearheaded|leading|leads|heads|"
                     r"heading|build|builds|building|built|develop|develops|developing|construct|"
                     r"constructs|constructing|finance|finances|financed|financing|fund|funds|funded|"
                     r"back|backs|"
                     r"backed|bankrolls|bankrolled|acquire|acquires|acquired|acquiring|"
                     r"owns)\b(?!\s+by\b)")
_ACTIVE_TYPES = {"spearhead": "leads", "lead": "leads", "head": "leads", "build": "leads",
                 "built": "leads", "develop": "leads", "construct": "leads", "financ": "funds",
                 "fund": "funds", "back": "funds", "bankroll": "funds", "acquir": "owns",
                 "buy": "owns", "bought": "owns", "own": "owns"}


# a bare base form ("fund", "back", "lead") after a singular noun phrase that an article or a
# possessive opens is that phrase's head noun: "the sovereign wealth fund X", "a state fund X";
# a plural subject still takes the verb ("the two banks fund X")
_NOUN_NOT_VERB = re.compile(r"\b(?:the|a|an|its|their|this|that|[A-Z][\w-]*[’']s)\s+(?:[\w$%.,-]+\s+){0,3}?"
                            r"[\w$%.-]*[^s\W]\s+$|\b(?:the|a|an|its|their)\s+$")   # (or right after an article: "by the fund X")


def active_verb(v: View) -> None:
    for m in _ACTIVE.finditer(v.text):
        if _NEGATED.search(v.text[max(0, m.start() - 30):m.start()]):
            continue
        verb = m.group(1)
        if m.group(0) == verb and _NOUN_NOT_VERB.search(v.text[:m.start()]):
            continue    # "owned by the sovereign wealth fund X", "the pension fund Tau Capital": nouns
        rtype = next(t for stem, t in _ACTIVE_TYPES.items() if verb.startswith(stem))
        subject = v.subject(m.start(), frozenset(ACTORS))
        if subject is None or subject.key == ALL or (subject.anaphor and rtype != "leads"):
            continue
        obj = v.after(m.end(), {"project", "firm", "fund", "organization", "technology"}, max_gap=70)
        if obj is None or re.search(r"[.,;]", v.text[m.end():obj.start]) or \
                re.match(r"\s+(?:\w+\s+)?with\b", v.text[m.end():]) or \
                re.search(r"\b(?:for|to|from|by)\s", v.text[m.end():obj.start]) or \
                CLAUSE_BREAK.search(v.text[m.end():obj.start]):
            continue    # "owns about 28%, buys gear from X"; "is building with X": a partner;
            # "to build the AS9 version for the Army": the Army is served, not led;
            # "owns the building while X owns the lines": X is another clause's subject
        if rtype == "owns" and re.search(r"\b(?:stakes?|shares|interest|holding)\s+in\s", v.text[m.end():obj.start]):
            continue    # "acquired a 20% stake in X": the stake's size says owns or invests_in (:func:`stake`)
        doers = [subject.key, *_deal_partner(v, subject, m.start())] if rtype == "leads" else [subject.key]
        for o in v.listed(obj, {"project", "firm", "fund", "organization", "technology"}):
            for doer in doers:
                v.add(doer, rtype, o.key, 0.7, "active-verb")


# "A signed an agreement with Kazakhstan's B to build": the deal's two sides build it
_DEAL_WITH = re.compile(r"\b(?:agreements?|deals?|pacts?|contracts?|memorand(?:um|a)(?:\s+of\s+understanding)?|"
                        r"partnership|accord)\s+(?:\w+\s+){0,3}?with\s+(?:the\s+)?"
                        r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*[’']s\s+)?$")


def _deal_partner(v: View, partner: Mention, pos: int) -> list[int]:
    """The clause's subject, when the doer found is the other side of its deal."""
    deal = _DEAL_WITH.search(v.text, 0, partner.start)
    if not re.fullmatch(r"\s*" + BRACKETED + r"\s+(?:to\s+)?", v.text[partner.end:pos]) or deal is None or \
            re.search(r"\b(?:reject\w*|cancel\w*|scrapp\w*|abandon\w*|walk\w*\s+away|refus\w*|"
                      r"terminat\w*|block\w*|not|no|never)\b", v.text[max(0, deal.start() - 40):deal.start()]):
        return []       # (not "rejected a deal with Zeta to build the smelter")
    first = clause_subject(v, partner.start, frozenset(BODIES))
    return [first] if first is not None and first not in (ALL, partner.key) else []


_FROM = re.compile(r"\b(?:[Ll]oans?|[Ff]unding|[Ff]inancing|capital|grants?|subsid(?:y|ies)|aid|debt|"
                   r"money|backing|support|incentives?|package|investment|(?:tax\s+)?(?:breaks|credits|"
                   r"relief|rebates))(?:\s+worth\s+\S+(?:\s+(?:million|billion))?|"
                   # "a subsidy of 4 billion rupees from the Tamil Nadu government"
                   r"\s+of\s+(?:up\s+to\s+|about\s+|around\s+)?\S*\d\S*(?:\s+(?:million|billion|trillion|crore))?"
                   r"(?:\s+(?:rupees|yen|euros?|dollars|won|pounds|riyals|dirhams|reais|pesos|yuan))?)?"
                   r"(?:\s+(?:came|comes|will\s+come)"
                   r"(?:\s+\w+ly)?)?\s+from\s+(?!(?:its|their|the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:purchases?|acquisitions?|deals?|takeovers?|mergers?|buyouts?)\b)(?:the\s+)?")
# not "took on debt from its purchase of X": the deal is no lender
# "loans from a group of 15 banks led by X", "from a consortium including A and B"
_LENDER_GROUP = re.compile(r"(?:a\s+)?(?:(?:group|syndicate|consortium|club)\s+of\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:banks|lenders)|consortium|syndicate)\s+(?:led\s+by|including|such\s+as|"
                           r"like)\s+(?:the\s+)?")
_AND_FROM = re.compile(r"\s*,?\s+and\s+(?:also\s+)?(?:from|by)\s+(?:the\s+)?")


_WHICH_RECEIVED = re.compile(r",\s+which\s+(?:has\s+|had\s+|also\s+)*(?:received|won|got|secured|obtained|"
                             r"attracted)\b[^,;]*$")


def _receiver_before(v: View, pos: int) -> int | None:
    """"chips made by X at a plant in Dresden, Germany, which received aid from Y": the plant."""
    which = _WHICH_RECEIVED.search(v.text[:pos])
    got = v.before(which.start() + 1, {"project", "fund", "firm"}, max_gap=60) if which is not None else None
    return got.key if got is not None and got.key != ALL else None


def _built_with(v: View, pos: int) -> int | None:
    """"X, which was built by A with loans from B": what A built (by_agent's patient), not A."""
    builder = v.before(pos, BODIES, max_gap=12)
    if builder is None or not re.fullmatch(r"\s*" + BRACKETED + r"\s+(?:with|using|and\s+with)\s+(?:the\s+)?",
                                           v.text[builder.end:pos]):
        return None
    return next((b for a, rtype, b, _, rule in v.facts if a == builder.key and rule == "by-agent"
                 and rtype in ("leads", "funds")), None)


def funding_from(v: View) -> None:
    """"loans from A and from B", "funding from A, which lent $1bn, and from B" -> funds the
    clause's subject, else the project in question."""
    funders: set[int] = set()
    for m in _FROM.finditer(v.text):
        group = _LENDER_GROUP.match(v.text, m.end())
        agent = v.after(group.end() if group else m.end(), ACTORS | {"location"}, max_gap=20)
        if agent is None or _HYPOTHETICAL.search(v.text[max(0, m.start() - 40):m.start()]):
            continue
        agent = v.possessed(agent)
        agents = [a for a in v.listed(agent, BODIES | {"government"}) if a.key != ALL] or [agent]
        tail = v.text[agents[-1].end:]
        skip = re.match(r"\s*" + BRACKETED + r",\s+which\s+[^,]{0,60},", tail)
        if skip:                          # "from A, which lent $1bn, and from B"
            tail = tail[skip.end() - 1:]
        more = _AND_FROM.match(tail)
        if more is not None:
            extra = v.after(len(v.text) - len(tail) + more.end(), BODIES | {"government"}, max_gap=3)
            if extra is not None and extra.key != ALL:
                agents.append(v.possessed(extra))
        subject = _built_with(v, m.start()) or _receiver_before(v, m.start()) or \
            clause_subject(v, m.start(), frozenset({"project", "fund", "firm"}))
        if subject is None and DEAL_SUBJECT.match(v.text):
            continue                      # "The purchase will be financed by a loan from X": the buyer's
        patient = Mention(0, 0, subject) if subject is not None else \
            v.before(m.start(), {"project", "fund", "firm"}) or _topic(v)
        if patient is not None and patient.key in funders:
            continue                      # "a loan from A, and a loan from B": not B for A
        funders |= {a.key for a in agents}
        if patient is not None:
            for a in agents:
                v.add(a.key, "funds", patient.key, 0.7, "funding-from")


_NATIONAL = re.compile(r"\s+(?:state\s+|government\s+|public\s+)?(?:funding|financing|aid|"
                       r"subsid(?:y|ies)|grants?|loans?|money)\b")


def national_funding(v: View) -> None:
    for start, end, code in v.demonyms:
        m = _NATIONAL.match(v.text[end:])
        if not m:
            continue
        target = v.after(end + m.end(), {"project"}, max_gap=60) or _topic(v)
        if target is not None:
            v.add(v.country(code), "funds", target.key, 0.6, "national-funding")


def possessive(v: View) -> None:
    for t in tokens(v.text):
        if t.kind != "poss":
            continue
        a = v.at_end(t.start)
        b = next((m for m in v.mentions if m.start >= t.end and not v.text[t.end:m.start].strip()), None)
        if a is None or b is None or a.key == b.key:
            continue
        ta, tb = v.type(a), v.type(b)
        cls = v.table[b.key].cls if b.key != ALL else None
        if ta == "government" and tb == "fund":
            if v.table[b.key].amount:           # "Japan's $55 billion investment tool"
                v.add(a.key, "owns", b.key, 0.6, "possessive")
            else:                               # "Denmark's Export and Investment Fund"
                v.add(b.key, "part_of", a.key, 0.6, "possessive")
        elif ta == "government" and tb == "location":
            v.add(b.key, "located_in", a.key, 0.6, "possessive")   # "Argentina's Catamarca province"
        elif ta in ("government", "location") and tb == "project":
            if cls == "FAC":
                v.add(b.key, "located_in", a.key, 0.6, "possessive")
            elif ta == "government":
                v.add(a.key, "leads", b.key, 0.6, "possessive")
        elif ta in ("government", "ministry", "agency", "firm", "organization") and \
                tb in ("ministry", "agency", "organization") and not (ta == "firm" and tb == "ministry"):
            v.add(b.key, "part_of", a.key, 0.6, "possessive")
        elif ta == "firm" and tb == "fund":
            v.add(a.key, "owns", b.key, 0.6, "possessive")
        elif ta == "firm" and tb == "project":
            # "Japan Marine United's Ariake shipyard": a firm's facility is its own
            v.add(a.key, "owns" if cls == "FAC" else "leads", b.key, 0.6, "possessive")
        elif ta == "firm" and tb in ("sector", "technology"):
            v.add(a.key, "operates_in", b.key, 0.55, "possessive")


_IN_PLACE = re.compile(r"\b(?:in|at|near|off|across|outside|north of|south of|east of|west of)"
                       r"\s+(?:the\s+)?$")


def located(v: View) -> None:
    places = {"location", "government"}
    for m in v.mentions:
        if v.type(m) not in places:
            continue
        if _IN_PLACE.search(v.text[:m.start]):
            project = v.before(m.start, {"project"}, max_gap=40)
            if project is not None and project.key != ALL and not any(
                    v.type(x) == "project" and project.end <= x.start < m.start for x in v.mentions):
                v.add(project.key, "located_in", m.key, 0.6, "located")
        nxt = v.at_start(m.end + 1)
        if nxt is not None and v.text[m.end:nxt.start] == " " and v.type(nxt) == "project":
            v.add(nxt.key, "located_in", m.key, 0.6, "located")
        based = re.match(r"-based\s+", v.text[m.end:])
        if based:
            target = v.at_start(m.end + based.end())
            if target is not None and v.type(target) in ("project", "firm", "organization"):
                v.add(target.key, "located_in", m.key, 0.6, "located")
        if nxt is None:
            pair = v.after(m.end, places, max_gap=2)
            if pair is not None and v.text[m.end:pair.start] == ", " and v.type(m) == "location" \
                    and is_division(v, pair) and not is_division(v, m):
                v.add(m.key, "located_in", pair.key, 0.6, "located")


_OPERATES = re.compile(r"\b(?:operates|operate|operating|runs|run|running|owns|has)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:projects|mines|plants|factories|fabs|facilities|operations|sites|"
                       r"refineries|terminals|ports|offices)\s+in\s+")


def operates(v: View) -> None:
    """"Arcadium operates brine projects in Catamarca and mines in Australia" -> operates_in."""
    for m in _OPERATES.finditer(v.text):
        key = clause_subject(v, m.start(), frozenset(BODIES))   # "X, which ... runs plants in A"
        if key is None:
            subject = v.subject(m.start(), frozenset(BODIES))
            key = subject.key if subject is not None else None
        if key is None or key == ALL:
            continue
        end = v.text.find(".", m.end())
        end = end if end >= 0 else len(v.text)
        # "operates terminals in Africa and is owned by X, a Dubai government company": the places
        # end at the next body named
        end = min([x.start for x in v.mentions if m.end() <= x.start < end and x.key != ALL
                   and v.type(x) in BODIES] + [end])
        for place in v.mentions:
            if not (m.end() <= place.start < end) or place.key == ALL \
                    or v.type(place) not in ("location", "government"):
                continue
            if re.match(r"[’']s\s", v.text[place.end:]) and \
                    v.type(v.possessed(place)) not in ("location", "government"):
                continue        # "..., and Poland's PGZ": a firm's country, not a place it works in
            v.add(key, "operates_in", place.key, 0.6, "operates")


_FIRMS_LIKE = re.compile(r"\b(?:firms|companies|players|groups|makers|producers|manufacturers|"
                         r"chipmakers|banks|lenders|operators|carmakers|automakers|giants|"
                         r"suppliers)\s*,?\s+(?:like|such as|including)\s+", re.IGNORECASE)


_BUYERS_OF = re.compile(r"\b(?:used|bought|sold|supplied|shipped|delivered)\s+(?:by|to)\b|\b(?:for|to)\s+"
                        r"(?:(?:other|major|big|large|global|[A-Z][a-z]+)\s+)*[a-z]+\s*$")


def firms_like(v: View) -> None:
    sectors = {"sector", "technology"}
    for m in _FIRMS_LIKE.finditer(v.text):
        first = v.after(m.end(), BODIES, max_gap=4)
        if first is None:
            continue
        context = v.before(m.start(), sectors)
        if context is not None and _BUYERS_OF.search(v.text[context.end:m.start()]):
            context = None      # "power chips used by carmakers, including X": X buys the chips
        for item in v.listed(first, BODIES):
            own = re.match(r"(?:\s*[（(][^)）]*[)）])?\s+in\s+", v.text[item.end:])
            sector = v.at_start(item.end + own.end()) if own else None
            if sector is not None and v.type(sector) in sectors:
                v.add(item.key, "operates_in", sector.key, 0.65, "firms-like")
            elif context is not None:
                v.add(item.key, "operates_in", context.key, 0.6, "firms-like")
    for m in re.finditer(r"\b(?:speciali[sz]ing|active|operating)\s+in\s+", v.text):
        org = v.before(m.start(), BODIES, max_gap=30)
        sector = v.at_start(m.end())
        if org is not None and sector is not None and v.type(sector) in sectors:
            v.add(org.key, "operates_in", sector.key, 0.6, "firms-like")


_PAIR_NOUN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(collaboration|cooperation|partnership|ties|alliance|"
                        r"relations|relationship|competition|rivalry|disputes?|tensions|trade war|"
                        r"conflict|confrontation)\b")


def pair_noun(v: View) -> None:
    for a in v.mentions:
        b = v.at_start(a.end + 1)
        if b is None or v.text[a.end:b.start] != "-":
            continue
        m = _PAIR_NOUN.match(v.text[b.end:])
        if m and {v.type(a), v.type(b)} <= {"government", "firm", "organization"}:
            word = m.group(1)
            rtype = "partners_with" if word in ("collaboration", "cooperation", "partnership", "ties",
                                                "alliance", "relations", "relationship") \
                else "competes_with"
            v.add(a.key, rtype, b.key, 0.6, "pair-noun")


_AFFECTS = re.compile(r"\b(?:impacting|affecting|hitting|hurting|disrupting|impacts|affects|hits|"
                      r"hurts|disrupts|(?:could|will|would|may|might)\s+(?:affect|impact|hit|hurt|"
                      r"disrupt))\b")


def affects(v: View) -> None:
    for m in _AFFECTS.finditer(v.text):
        subject = v.before(m.start(), ACTORS | {"project", "technology"})
        if subject is None or subject.key == ALL:
            continue
        obj = v.after(m.end(), {"firm", "organization", "project", "fund"}, max_gap=40)
        if obj is None:
            continue
        for o in v.listed(obj, {"firm", "organization", "project", "fund"}):
            v.add(subject.key, "affects", o.key, 0.5, "affects")


def part_of(v: View) -> None:
    for m in re.finditer(r"\b(?:unit|arm|subsidiary|division|affiliate|branch|a unit)\s+of\s+(?:the\s+)?",
                         v.text):
        parent = v.at_start(m.end())
        parent = v.described_body(v.possessed(parent)) if parent is not None else None
        child = v.before(m.start(), BODIES)
        if parent is not None and child is not None and v.type(parent) in BODIES | {"government"}:
            v.add(child.key, "part_of", parent.key, 0.7, "part-of")


def party_to(v: View) -> None:
    if not re.search(r"\b(?:under|signed|ratified|joined|party to|commitments?|members? of|"
                     r"accession)\b", v.text):
        return
    govs = [m for m in v.mentions if v.type(m) == "government"]
    for a in [m for m in v.mentions if v.type(m) == "agreement"]:
        for g in govs:
            v.add(g.key, "party_to", a.key, 0.5, "party-to")


_NEGATED = re.compile(r"\b(?:not|no|never|n[’']t)\b(?:\s+[\w-]+){0,3}\s*$")
_HYPOTHETICAL = re.compile(r"\b(?:seek|seeking|sought|apply|applying|applied|request|requesting|"
                           r"considering|could|might|may|hopes?|hoping|wants?)\b[^.;]*$")


_BY_BUYER = re.compile(r"\s*" + BRACKETED + r"\s+by\s+(?:the\s+)?")


def _stake_buyer(v: View, end: int) -> Mention | None:
    """"a review of the purchase of a 25% stake in X by Zeta Capital": the buyer follows the stake."""
    by = _BY_BUYER.match(v.text, end)
    buyer = v.at_start(by.end()) if by is not None else None
    return buyer if buyer is not None and buyer.key != ALL and v.type(buyer) in BODIES else None


# the stake's seller ("sold its 30% stake in", "the sale of a stake in"): the clause's subject gives it up
_SELLS_ITS = re.compile(rf"\b(?:{SELL_VERBS}|(?:sale|disposal)\s+of)\s+"
                        r"(?:(?:its|their|his|her|the|a|an|\S*\d\S*|%|per\s+cent|entire|remaining|whole|"
                        r"minority|majority|controlling)\s+){0,4}$")


# "Our main shareholder is Zeta Partners, with 62%", "Kappa's largest shareholder is the state fund X"
_SHAREHOLDER_IS = re.compile(r"\b(?:(?P<its>[Ii]ts|[Tt]heir|[Oo]ur)|(?P<poss>" + POSS + r"))\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:shareholder|owner|investor|stakeholder)\s+(?:is|was|remains|will\s+be|has\s+been)\s+"
                             r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?=[A-Z])")
_MAJORITY = re.compile(r"\b(?:majority|controlling|(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s?%)")


def shareholder_is(v: View) -> None:
    """"Our main shareholder is Zeta Partners, with 62%" -> owns (a majority) or invests_in."""
    for m in _SHAREHOLDER_IS.finditer(v.text):
        owned = whose(v, m, "poss")
        holder = v.at_start(m.end())
        if owned is None or holder is None or owned.key in (ALL, holder.key) or holder.key == ALL or \
                v.type(owned) not in ("firm", "project", "fund", "organization") or \
                v.type(holder) not in BODIES | {"government", "person"} or _NEGATED.search(v.text[:m.start()]) or \
                re.search(r"\b(?:no|not|never|was)\b", m.group()):
            continue            # (not "was Zeta Bank until 2020")
        _, end = clause_span(v.text, holder.end, holder.end)
        v.add(holder.key, "owns" if _MAJORITY.search(v.text, holder.end, end) else "invests_in", owned.key,
              0.65, "shareholder-is")


_NEXT_ITEM = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:in\s+)?(?:the\s+)?")


def stake(v: View) -> None:
    """"X completed its purchase of a 60% stake in Y" -> owns; a minority stake -> invests_in."""
    for m in re.finditer(r"\b(?:control|ownership|full ownership)\s+of\s+(?:the\s+)?", v.text):
        owner = v.before(m.start(), BODIES | {"government"}, max_gap=30)
        first = v.at_start(m.end())
        if owner is not None and first is not None:
            for item in v.listed(first, {"project", "firm", "fund", "organization"}):
                v.add(owner.key, "owns", item.key, 0.65, "stake")
    for m in re.finditer(r"\b(?:stake|stakes|shareholding|holding|interest)(?:\s+of\s+(?:about\s+|around\s+|"
                         r"nearly\s+|some\s+)?\S*\d\S*(?:\s+per\s+cent)?)?\s+in\s+(?:the\s+)?", v.text):
        target = v.at_start(m.end())
        owner = v.subject(m.start(), frozenset(BODIES | {"government", "person"}))
        if target is not None:
            owner = _stake_buyer(v, target.end) or owner
        if target is None or owner is None or v.type(target) not in ("project", "firm", "fund",
                                                                      "organization"):
            continue
        before = v.text[max(0, m.start() - 60):m.start()]
        if _SELLS_ITS.search(before) and _stake_buyer(v, target.end) is None:
            continue    # "Omega completed the sale of its 30% stake in X to Y": Omega holds it no more
        big = re.search(r"\b(?:majority|controlling|full|entire|(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s?%)",
                        before)
        targets = [target]
        if m.group().startswith("stakes"):      # "stakes in A and in B": each one
            while (more := _NEXT_ITEM.match(v.text, targets[-1].end)) is not None:
                nxt = v.at_start(more.end())
                if nxt is None or v.type(nxt) not in ("project", "firm", "fund", "organization"):
                    break
                targets.append(nxt)
        for t in targets:
            v.add(owner.key, "owns" if big else "invests_in", t.key, 0.7, "stake")


def _topic(v: View) -> Mention | None:
    return Mention(0, 0, v.topic, anaphor=True) if v.topic is not None else None


_STATE_BODIES = frozenset({"agency", "fund", "ministry"})
# "PIF, Saudi Arabia's sovereign wealth fund", "Bancomext, Mexico's state export bank"
_BODY_THEN_COUNTRY = re.compile(r"\s*" + BRACKETED + r",\s+(?:the\s+)?$")
# "Chile's antitrust authority, the Fiscalía Nacional Económica"
_COUNTRY_THEN_BODY = re.compile(r"[’']s\s+(?:[a-z-]+\s+){1,4}?(?:agency|authority|regulator|bank|lender|"
                                r"fund|ministry|department|office|commission|board|insurer|"
                                r"corporation|company|body|watchdog),?\s+(?:the\s+)?$")
# "the Chilean development agency Corfo"
_DEMONYM_THEN_BODY = re.compile(r"\s+(?:state\s+|government\s+|national\s+|federal\s+)?(?:[a-z-]+\s+){0,3}?"
                                r"(?:agency|authority|regulator|bank|lender|fund|ministry|watchdog|"
                                r"insurer|body)\s+(?:the\s+)?$")


_STATE_WORDS = re.compile(r"\b(?:state|government|development|export|antitrust|competition|"
                          r"central|policy)\s+(?:[a-z-]+\s+)?(?:bank|lender|agency|authority|"
                          r"regulator|insurer|watchdog)\b")


def state_bodies(v: View) -> None:
    """A state agency, fund or ministry tied to its country in one phrase -> part_of:
    "X, Mexico's state export bank", "Chile's antitrust authority, the X", "the Chilean
    development agency X"."""
    for b in v.mentions:
        if b.key == ALL or v.type(b) not in _STATE_BODIES | {"firm"}:
            continue
        country: int | None = None
        nxt = v.after(b.end, {"government"}, max_gap=12)
        if nxt is not None and _BODY_THEN_COUNTRY.fullmatch(v.text[b.end:nxt.start]) and \
                re.match(r"[’']s\s", v.text[nxt.end:]) and _is_country_key(v, nxt.key):
            country = nxt.key
        prev = v.before(b.start, {"government"}, max_gap=60)
        if country is None and prev is not None and _is_country_key(v, prev.key) and \
                _COUNTRY_THEN_BODY.fullmatch(v.text[prev.end:b.start]):
            country = prev.key
        if country is None:
            for s, e, code in v.demonyms:
                if e <= b.start and _DEMONYM_THEN_BODY.fullmatch(v.text[e:b.start]):
                    country = v.country(code)
        if country is None or country == b.key:
            continue
        if v.type(b) == "firm":
            # only "Mexico's state export bank", "the Chilean development agency X": a state body
            phrase = v.text[b.end:b.end + 60] + " " + v.text[max(0, b.start - 60):b.start]
            if not _STATE_WORDS.search(phrase):
                continue
            v.table[b.key].type = "agency"
            v.facts[:] = [f for f in v.facts if not (f[0] == b.key and f[1] == "located_in"
                                                      and f[2] == country)]
        v.add(b.key, "part_of", country, 0.6, "state-body")


def _is_country_key(v: View, key: int) -> bool:
    from .lexicon import countries
    return key != ALL and v.table[key].name in {c.name for c in countries()}


RULES: tuple[Callable[[View], None], ...] = (
    x_led, by_agent, active_verb, funding_from, national_funding, possessive, located, stake, shareholder_is,
    operates,
    firms_like, pair_noun, affects, part_of, party_to, state_bodies)


def sentence_facts(v: View) -> list[Fact]:
    """All rule facts of one sentence."""
    for rule in RULES:
        rule(v)
    return v.facts
