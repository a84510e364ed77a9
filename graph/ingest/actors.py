"""Relations between actors that the cue lexicon does not read (stage 7, sixth round).

Firms, agencies, funds, ministries and governments partnering, funding and
regulating one another, written as nouns or with the money or permit first:

- ``partner-noun``  "X's long-standing partner Y", "Y, which is X's partner", "A and its
                    partner B" -> partners_with;
- ``pair-partners`` "A and B have agreed to build", "A and B form a venture",
                    "A and B signed a memorandum", a headline's "A and B open plant" -> A partners_with B;
- ``award-amount``  "X awarded Y up to $458 million in direct funding" -> X funds Y;
- ``arranged-by``   "raising money through bond sales arranged by A and B" -> A, B fund the
                    clause's subject;
- ``permit``        "X extended the company's export permit", "Y won approval from X",
                    "X auctioned the 700 MHz band to Y and Z" ->
                    X regulates Y;
- ``won-contract``  "X has won a $300 million order from Y" -> X supplies Y;
- ``buys-goods-of`` "Y, which buys most of X's memory chips" -> X supplies Y;
- ``state-owned``   "China's state-owned X", "the Chinese state-owned lender X" -> the country owns X;
- ``group-unit``    "X, the group's container carrier", "X, another unit of the group",
                    "X, a state company under the Ministry of Y"
                    -> part_of;
- ``co-investor``   "X invested $145 million in Y alongside A and B" -> A, B invest in Y;
- ``uses-contractor`` "X uses Y to fill its pens" -> Y supplies X;
- ``cleared-deal``  "X completed its purchase of Y after A and B cleared the deal" -> A, B regulate Y;
- ``share-of-it``   "X was spun off from Y, which still owns 13% of it" -> Y owns X.

Every rule reads the sentence through :class:`View` like the rest of stage 7; negation
("has not agreed") drops the fact.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from .doc import Mention
from .entities import EntityTable
from .lexicon import AMOUNT, BRACKETED, FORM_VERBS, FORMER, POSS, SELL_VERBS, trade_nouns
from .precision import names_goods
from .verbs import (SELL_VERB, coordinated, sold_whole, ASSETS, NON_SALE_ORDER, OUTPUT_SUBJECT, list_before, clause_span, clause_subject, is_country, negated,
                    subject_between)
from .view import ALL, BODIES, View

_PARTNERS = BODIES

# "X's long-standing partner Y", "its strategic partner, the Y"
_PARTNER = (r"\s+(?:(?:long-standing|longstanding|long-time|longtime|main|key|biggest|largest|"
            r"strategic|technology|technical|local|joint[- ]venture|venture|new|chief)\s+){0,2}"
            r"partner\s*,?\s+(?:the\s+)?")
_POSS_PARTNER = re.compile(POSS + _PARTNER)
_ITS_PARTNER = re.compile(r"\b(?:its|their|with(?:\s+a)?)" + _PARTNER)      # "with local partner Y"
# "X's parent, the Y Group", "X's owner Y": Y owns X
# "Zeta's largest shareholder, the Korean conglomerate Omicron Group,": the name after a described apposition
_POSS_PARENT = re.compile(POSS + r"\s+(?:parent(?:\s+company)?|owner|majority\s+owner|holding\s+company|"
                          r"(?:largest|biggest|main|major|controlling|principal)\s+(?:shareholder|owner))"
                          r"\s*,?\s+(?:the\s+(?:(?:[A-Z][a-z]+\s+)?(?:[a-z-]+\s+){1,2}(?=[A-Z]))?)?")
_IS_PARTNER = re.compile(r"\s*" + BRACKETED + r",\s+(?:(?:which|who)\s+(?:is|was|has\s+been|"
                         r"had\s+been)\s+(?:also\s+|long\s+)?)?(?:the\s+)?")


def partner_nouns(v: View) -> None:
    """"X's partner Y", "Y, which is X's long-standing partner", "A and its partner B" ->
    partners_with; "X's parent, the Y Group" -> Y owns X."""
    for x in v.mentions:
        if x.key == ALL or v.type(x) not in _PARTNERS:
            continue
        parent = _POSS_PARENT.match(v.text, x.end)
        y = v.at_start(parent.end()) if parent is not None else None
        if y is not None and y.key not in (ALL, x.key) and v.type(y) in _PARTNERS | {"government"}:
            v.add(y.key, "owns", x.key, 0.6, "parent-noun")      # "X's parent, the Y Group"
            continue
        poss = _POSS_PARTNER.match(v.text, x.end)
        if poss is not None:
            y = v.at_start(poss.end())
            if y is not None and y.key not in (ALL, x.key) and v.type(y) in _PARTNERS:
                v.add(y.key, "partners_with", x.key, 0.6, "partner-noun")   # "X's partner Y"
            continue
        app = _IS_PARTNER.match(v.text, x.end)
        owner = v.at_start(app.end()) if app is not None else None
        if owner is not None and owner.key not in (ALL, x.key) and v.type(owner) in _PARTNERS:
            tail = _POSS_PARTNER.match(v.text, owner.end)
            if tail is not None or re.match(r"[’']s\s+(?:(?!former\b)[\w-]+\s+){0,2}?partner\b",
                                            v.text[owner.end:]):
                v.add(x.key, "partners_with", owner.key, 0.6, "partner-noun")
    for m in _ITS_PARTNER.finditer(v.text):
        y = v.at_start(m.end())
        if y is None or y.key == ALL or v.type(y) not in _PARTNERS:
            continue
        lead = re.search(r"\s+and\s+$", v.text[:m.start()])
        other = v.at_end(lead.start()) if lead is not None else None
        if other is None:   # "A and its partner B"; else the firm the sentence is about
            other = v.before(m.start(), _PARTNERS, max_gap=60)
        if other is not None and other.key not in (ALL, y.key) and v.type(other) in _PARTNERS:
            v.add(y.key, "partners_with", other.key, 0.6, "partner-noun")


# what two firms do together: "have agreed to build", "will jointly develop", "form a venture"
_TOGETHER = re.compile(
    r"\s+(?:(?:have|has|had|will|would|also|on\s+\w+day|this\s+week|last\s+\w+)\s+)*"
    r"(?:(?:agreed|agree|plan|plans|planned|are\s+to|were\s+to|to)\s+(?:to\s+)?(?:jointly\s+)?"
    r"(?:build|develop|make|produce|form|set\s+up|create|launch|establish|operate|run|"
    r"invest|co-develop)|jointly\s+\w+|"
    r"(?:form|formed|forms|forming|set\s+up|sets\s+up|launched|launch|launches|created|create|"
    r"established|establish|completed|complete|closed|close|closes|signed|sign|signs)\s+"
    r"(?:a\s+|an\s+|the\s+|their\s+)?(?:[\w$€¥₹.,-]+\s+){0,4}?"
    r"(?:venture|partnership|alliance|consortium|memorandum|collaboration|pact))\b")


# a headline's "A and B open cathode plant in Quebec": what the two do together
_HEADLINE_TOGETHER = re.compile(r"\s+(?:open|opens|build|builds|launch|launches|unveil|unveils|start|starts|"
                                r"begin|begins|break\s+ground|breaks\s+ground|team\s+up|join\s+forces)\b")


# each on its own: "plan to invest $5 billion each in rival plants", "..., the two rivals said"
_APART = re.compile(r"\b(?:each|separate|separately|rivals?|competing|respective)\b")
# "plan to build new plants" (not "agreed to build a plant", "will jointly develop"); "signed
# partnership agreements with C" (each with C, not with each other)
_APART_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:agreements|deals|pacts|contracts|with)\b")
_PLAN_APART = re.compile(r"\s+(?!(?:a|an|the|their|its|one|jointly|together)\b)[a-z]")
_PLAN_VERB = re.compile(r"(?<!jointly\s)\b(?:build|develop|make|produce|form|set\s+up|create|launch|establish|"
                        r"operate|run|invest|co-develop)$")


def pair_partners(v: View) -> None:
    """"A and B have agreed to build a plant", "A and B form rare-earth venture" -> partners."""
    for a in v.mentions:
        if a.key == ALL or v.type(a) not in _PARTNERS:
            continue
        begin, _ = clause_span(v.text, a.start, a.end)
        lead = v.text[begin:a.start]
        if re.search(r"\b(?:with|by|of|from|to|for|between|and|in|at|on|than)\s+(?:the\s+)?$|"
                     r"[’']s\s+$|,\s*$", lead) or negated(v, a.start):
            continue
        if any(begin <= x.start < a.start for x in v.mentions):
            continue            # "X has chosen A and B to build": A and B are objects
        items = v.listed(a, _PARTNERS)
        if len(items) != 2 or items[1].key in (ALL, a.key):
            continue
        b = items[1]
        rest = v.text[b.end:]
        tail = re.match(r"(?:\s*[（(][^)）]*[)）])?(?:,\s+[^,]{1,90},)?", rest)   # "B, the owner of X,"
        after = rest[tail.end() if tail else 0:]
        together = _TOGETHER.match(after) or (_HEADLINE_TOGETHER.match(after) if v.sentence.heading else None)
        if together is not None and not re.match(r"\s+(?:\w+\s+){0,3}?not\b", after) and \
                not _APART.search(after) and not _APART_AFTER.match(after, together.end()) and \
                not (not v.sentence.heading and _PLAN_VERB.search(together.group()) and
                     _PLAN_APART.match(after, together.end())):      # a headline drops its articles
            v.add(a.key, "partners_with", b.key, 0.6, "pair-partners")
        break


_AWARD = re.compile(r"\b(?:award(?:s|ed)?|grant(?:s|ed)?|gave|giv(?:e|es|en)|offer(?:s|ed)?|"
                    r"promis(?:e|es|ed)|lend(?:s)?|lent)\s+(?=[A-Z])")
_ABOUT = r"(?:(?:up\s+to|about|around|nearly|almost|roughly|some|more\s+than|over)\s+)?"
_AID = r"(?:funding|grants?|loans?|subsid(?:y|ies)|incentives?|aid|financing|credits?|support)\b"
# "awarded X up to $458 million in direct funding", "awarded X (甲) a subsidy of up to 92 billion yen"
_AMOUNT_IN = re.compile(r"\s*" + BRACKETED + r"\s+(?:" + _ABOUT + AMOUNT + r"\s+(?:(?:in|of|as)\s+)?"
                        r"(?:[\w-]+\s+){0,3}?" + _AID + r"|(?:a|an)\s+(?:[\w-]+\s+){0,2}?" + _AID +
                        r"\s+(?:of\s+|worth\s+)?" + _ABOUT + AMOUNT + ")")


def award_amount(v: View) -> None:
    """"Commerce awarded Zeta up to $458 million in direct funding" -> Commerce funds Zeta."""
    givers = frozenset({"government", "ministry", "agency", "fund", "organization", "firm",
                        "location"})
    for m in _AWARD.finditer(v.text):
        target = v.at_start(m.end())
        if target is None or target.key == ALL or v.type(target) not in BODIES | {"government"}:
            continue
        if _AMOUNT_IN.match(v.text, target.end) is None or \
                negated(v, m.start()):
            continue
        begin, _ = clause_span(v.text, m.start(), m.end())
        giver = subject_between(v, begin, m.start(), givers)
        if giver is not None and giver != target.key:
            v.add(giver, "funds", target.key, 0.6, "award-amount")


# "raising money through bond sales arranged by A and B", "a loan underwritten by A"
_ARRANGED = re.compile(r"\b(?:raise|raises|raised|raising|borrow|borrows|borrowed|borrowing|"
                       r"refinanc\w+|fund|funds|funded|funding|financ\w+|paid\s+for|pay\s+for)\b"
                       r"[^;:]{0,80}?\b(?:bonds?|notes|loans?|debt|credit|facility|financing|"
                       r"(?:bond|note|share|debt|stock|equity)\s+(?:sales|issues?)|offerings?|"
                       r"placements?)\s+(?:\w+\s+){0,2}?"
                       r"(?:arranged|underwritten|managed|led|provided|syndicated|handled)\s+by\s+"
                       r"(?:the\s+)?")


def arranged_by(v: View) -> None:
    """"X is raising money through bond sales arranged by A and B" -> A and B fund X."""
    for m in _ARRANGED.finditer(v.text):
        if negated(v, m.start()):
            continue
        first = v.at_start(m.end())
        if first is None or first.key == ALL or v.type(first) not in BODIES:
            continue
        subject = clause_subject(v, m.start(), frozenset({"firm", "fund", "organization",
                                                         "government", "agency"}))
        if subject is None:
            continue
        for item in v.listed(first, BODIES):
            if item.key not in (ALL, subject):
                v.add(item.key, "funds", subject, 0.6, "arranged-by")


_PERMIT_WORDS = (r"(?:export\s+|import\s+|mining\s+|operating\s+|environmental\s+|"
                 r"construction\s+|production\s+|business\s+|[a-z]+\s+)?(?:permits?|licen[cs]es?|"
                 r"concessions?|approvals?|authori[sz]ations?|certificat(?:e|es|ion))")
_GRANT_PERMIT = re.compile(r"\b(?:extend(?:s|ed)?|renew(?:s|ed)?|grant(?:s|ed)?|issu(?:e|es|ed)|"
                           r"revok(?:e|es|ed)|suspend(?:s|ed)?|cancel(?:s|led|ed)?|withdr(?:ew|awn)|"
                           r"gave|giv(?:e|es|en)|award(?:s|ed)?)\s+(?:(?:the|a|an)\s+)?")
_APPROVAL_FROM = re.compile(r"\b(?:won|wins|win|received|receives|receive|obtained|obtains|obtain|"
                            r"secured|secures|secure|got|gets|needs|need|needed|requires|required|"
                            r"require|awaits|awaiting|await|holds|hold|held|under)\s+(?:(?:a|an|the|final|regulatory|"
                            r"antitrust|its|their|still|\S*\d\S*|[a-z]+-year)\s+)*(?:approval|clearance|permission|"
                            r"consent|a\s+licen[cs]e|licen[cs]es?|permits?|the\s+green\s+light|"
                            r"sign-off|concessions?)\s+(?:(?:for|of)\s+[^,;]{0,40}?\s+|"
                            # "wins a 30-year concession to operate the grain terminal at P from the Authority"
                            r"to\s+[^,;]{0,80}?\s+)?from\s+(?:the\s+)?")
_REGULATORS = frozenset({"ministry", "agency", "government", "organization"})
_ENDED_SINCE = re.compile(r"\b(?:until|till|before|revoked|expired|lapsed|withdrew|withdrawn|lost)\b")
_REGULATED = frozenset({"firm", "fund", "organization"})


def _national_government(v: View, begin: int, pos: int) -> int | None:
    """"the Indonesian government has extended ...": the country, as the clause's subject."""
    for start, end, code in v.demonyms:
        if begin <= start < pos and re.fullmatch(r"\s*(?:the\s+)?", v.text[begin:start]) and \
                re.match(r"\s+(?:government|authorities|state|regulators?)\b", v.text[end:]):
            return v.country(code)
    return None


# "auctioned the 700 MHz band to A and B", "awarded mining concessions to A"
_ALLOCATED = re.compile(r"\b(?:auction(?:s|ed)?|allocat(?:e|es|ed)|assign(?:s|ed)?|award(?:s|ed)?|grant(?:s|ed)?|"
                        r"issu(?:e|es|ed)|renew(?:s|ed)?)\s+(?:the\s+|a\s+|an\s+|new\s+)?(?:[\w.-]+\s+){0,4}?"
                        r"(?:band|bands|spectrum|licen[cs]es?|permits?|concessions?|frequenc(?:y|ies)|"
                        r"quotas?|approvals?)\s+to\s+(?:the\s+)?")


def _regulator(v: View, begin: int, pos: int, types: frozenset[str]) -> int | None:
    """The clause's acting body, else "the Indonesian government" (keys may be 0: no ``or``)."""
    key = subject_between(v, begin, pos, types)
    return key if key is not None else _national_government(v, begin, pos)


def permits(v: View) -> None:
    """"The government extended the company's export permit", "X granted Y a mining licence",
    "Y won approval from X" -> X regulates Y."""
    for m in _GRANT_PERMIT.finditer(v.text):
        if negated(v, m.start()):
            continue
        rest = v.text[m.end():]
        holder: int | None = None
        own = re.match(r"(?:its|their)\s+" + _PERMIT_WORDS + r"\b", rest) or \
            re.match(r"(?:the\s+)?(?:company|firm|group)[’']s\s+" + _PERMIT_WORDS + r"\b", rest)
        if own is not None:         # "extended the company's permit": the firm the text is about
            owner = v.owner
            holder = owner.key if owner is not None and owner.start < m.start() else v.last_body
        else:
            y = v.at_start(m.end()) or v.after(m.end(), _REGULATED, max_gap=0)
            if y is not None and y.key != ALL and v.type(y) in _REGULATED and re.match(
                    r"(?:[’']s\s+|\s*" + BRACKETED + r"\s+(?:a|an|the|its|new)\s+)(?:[\w-]+\s+){0,2}?"
                    + _PERMIT_WORDS + r"\b", v.text[y.end:]):
                holder = y.key          # "extended Zeta's permit", "granted Zeta a licence"
        begin, end = clause_span(v.text, m.start(), m.end())
        if holder is None and v.topic is not None and v.table[v.topic].type == "project" and \
                re.match(r"(?:[\w-]+\s+){0,2}?" + _PERMIT_WORDS + r"\b(?!\s+(?:to|for)\b)", rest) and \
                not any(m.end() <= x.start < end and x.key != ALL for x in v.mentions):
            holder = v.topic            # "The Authority granted the environmental permit in August"
        if holder is None or v.table[holder].type not in _REGULATED | {"project"}:
            continue
        regulator = _regulator(v, begin, m.start(), _REGULATORS | {"location"})
        if regulator is not None and regulator != holder:
            v.add(regulator, "regulates", holder, 0.6, "permit")
    for m in _ALLOCATED.finditer(v.text):
        first = v.at_start(m.end())
        if first is None or first.key == ALL or v.type(first) not in _REGULATED or \
                negated(v, m.start()):
            continue
        begin, _ = clause_span(v.text, m.start(), m.end())
        regulator = _regulator(v, begin, m.start(), _REGULATORS)
        for item in v.listed(first, _REGULATED) if regulator is not None else []:
            if item.key not in (ALL, regulator):
                v.add(regulator, "regulates", item.key, 0.6, "permit")
    for m in _APPROVAL_FROM.finditer(v.text):
        if negated(v, m.start()):
            continue
        first = v.at_start(m.end())
        if first is None or first.key == ALL or v.type(first) not in _REGULATORS:
            continue
        holder = clause_subject(v, m.start(), _REGULATED)
        if holder is None or (m.group().startswith("held") and _ENDED_SINCE.search(v.text, m.end())):
            continue        # (not "held a licence from X until X revoked it")
        for item in v.listed(first, _REGULATORS):
            if item.key not in (ALL, holder):
                v.add(item.key, "regulates", holder, 0.6, "permit")


# "X has won a $2 billion order from Y", "X secured a contract from Y to build"
_WON_FROM = re.compile(r"\b(?:won|wins|win|winning|secured|secures|secure|landed|lands|booked|"
                       r"books|bagged|received|receives|got|gets)\s+(?:(?:a|an|the|its|their|first|"
                       r"new|another|further|second|third|large|big|major|multi-year|long-term|"
                       r"\S*\d\S*|(?:million|billion|crore)|[a-z]+-[a-z]+)\s+){0,5}"
                       r"(?:[a-z]+\s+){0,2}?(?:contracts?|orders?|tenders?)\s+(?:worth\s+\S+\s+"
                       r"(?:(?:million|billion|crore)\s+)?)?from\s+(?:the\s+)?")
_BUYERS = frozenset({"firm", "organization", "government", "agency", "ministry", "fund"})
_NOT_ORDER = re.compile(r"\b" + NON_SALE_ORDER + r"\b", re.IGNORECASE)


def won_contracts(v: View) -> None:
    """"Zeta Shipyard has won a $300 million order from Kappa Lines" -> Zeta supplies Kappa."""
    for m in _WON_FROM.finditer(v.text):
        if negated(v, m.start()):
            continue
        buyer = v.at_start(m.end())
        if buyer is None or buyer.key == ALL:
            continue
        buyer = v.possessed(buyer)
        if buyer.key == ALL or v.type(buyer) not in _BUYERS or _NOT_ORDER.search(m.group()) or \
                (v.type(buyer) in ("ministry", "agency") and not re.search(r"\b(?:contracts?|tenders?)\b",
                                                                          m.group())):
            continue        # "a stop-work order from the Interior Department": no purchase
        seller = clause_subject(v, m.start(), frozenset({"firm", "organization"}))
        if seller is not None and seller != buyer.key:
            v.add(seller, "supplies", buyer.key, 0.6, "won-contract")


# "Rho Engineering of Yokohama won the construction contract": the builder of the story's plant
_WON_BUILD = re.compile(r"\b(?:won|wins|win|secured|secures|landed|lands|bagged|(?:was|has\s+been|were|"
                        r"have\s+been)\s+awarded)\s+(?:the|a|an)\s+(?:[\w$.,-]+\s+){0,4}?(?:construction|"
                        r"engineering|EPC|civil[- ]works|turnkey|building)\s+(?:[\w-]+\s+)?contracts?\b"
                        r"(?!\s+(?:from|with|for|to|at|in)\b)")


def won_build_contracts(v: View) -> None:
    """"X won the construction contract" (no buyer, no other project named) -> X supplies the
    plant the text is about."""
    for m in _WON_BUILD.finditer(v.text):
        begin, end = clause_span(v.text, m.start(), m.end())
        if negated(v, m.start()) or v.topic is None or v.table[v.topic].type != "project" or \
                any(x.start >= m.end() and x.start < end and x.key != ALL for x in v.mentions) or \
                re.search(r"\bto\s+$", v.text[:m.start()]):
            continue            # (not "failed to win", "expected to win": a contract not won)
        builder = clause_subject(v, m.start(), frozenset({"firm", "organization"}))
        if builder is not None and builder != ALL:
            v.add(builder, "supplies", v.topic, 0.6, "won-build-contract")


# "Nvidia, which buys most of SK hynix's memory": what is bought is the possessor's goods
_BUYS_OF = re.compile(r"\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|import(?:s|ed|ing)?|"
                      r"sourc(?:e|es|ed|ing))\s+(?:(?:most|all|much|part|some|half|a\s+third|a\s+quarter|"
                      r"the\s+bulk)\s+of\s+)?(?:the\s+)?")
_NOT_GOODS = re.compile(r"[’']s\s+(?:(?:[\w-]+\s+){0,3}?(?:" + ASSETS + r"|parents?|owners?|portfolios?|"
                        r"brands?|bonds|debt|rights)\b|(?:[a-z][\w-]*\s+){1,3}[A-Z])")   # "'s parent Y"


def buys_goods_of(v: View) -> None:
    """"Nvidia, which buys most of Zeta's memory" -> Zeta supplies Nvidia (not a stake or a
    plant changing hands)."""
    for m in _BUYS_OF.finditer(v.text):
        seller = v.at_start(m.end())
        if seller is None or seller.key == ALL or v.type(seller) not in ("firm", "organization") or \
                not re.match(r"[’']s\s+[a-z]", v.text[seller.end:]) or \
                _NOT_GOODS.match(v.text[seller.end:]) or \
                negated(v, m.start()):
            continue
        buyer = clause_subject(v, m.start(), _BUYERS)
        if buyer is not None and buyer != seller.key:
            v.add(seller.key, "supplies", buyer, 0.6, "buys-goods-of")


_STATE_OWNED = re.compile(r"\b(?:state|government)[- ](?:owned|controlled|run)\s+(?:(?:[a-z-]+)\s+){0,3}?")


def _countries_named(v: View) -> list[int]:
    return list(dict.fromkeys(x.key for x in v.mentions if x.key != ALL and is_country(v, x)))


def _home_of_the_sentence(v: View, country: int, firm: int) -> bool:
    """"in Poland ...", or no other body is the country's ("Britain's Orvia", "Orvia, a British
    firm"): the country may own the state-owned firm."""
    places = [x for x in v.mentions if x.key == country]
    if any(re.search(r"\bin\s+(?:the\s+)?$", v.text[:x.start]) for x in places):
        return True
    if any(re.match(r"[’']s\s", v.text[x.end:]) for x in places):
        return False        # "Britain's Orvia Energy sold its stake to state-owned K"
    return not any(rtype == "located_in" and b == country and a != firm for a, rtype, b, _, _ in v.facts)


def state_owned(v: View) -> None:
    """"China's state-owned COSCO Shipping", "the Chinese state-owned lender X", "a unit of the
    state-owned X" with one country in the sentence -> the country owns X."""
    for m in _STATE_OWNED.finditer(v.text):
        firm = v.at_start(m.end())
        if firm is None or firm.key == ALL or v.type(firm) not in ("firm", "fund", "organization"):
            continue
        before = v.text[:m.start()]
        poss = re.search(r"[’']s\s+$", before)
        owner = v.at_end(poss.start()) if poss is not None else None
        country: int | None = owner.key if owner is not None and owner.key != ALL and \
            is_country(v, owner) else None
        if country is None:
            dem = next((d for d in v.demonyms if re.fullmatch(r"\s+", v.text[d[1]:m.start()])), None)
            if dem is not None:     # "the Chinese state-owned lender X"
                country = v.country(dem[2])
        if country is None and owner is None:
            named = _countries_named(v)
            if len(named) == 1 and any(x.key == named[0] and x.end <= m.start() for x in v.mentions) and \
                    _home_of_the_sentence(v, named[0], firm.key):
                country = named[0]  # "in Poland by X, a unit of the state-owned Y": one country, before
        if country is not None and country != firm.key:
            v.add(country, "owns", firm.key, 0.6, "state-owned")


# "X, the group's container carrier", "X, a state company under the Ministry of Y"
_GROUPS_UNIT = re.compile(r"\s*" + BRACKETED + r",\s+(?:the|a|an)\s+(?:group|company|firm|parent)[’']s\s+"
                          r"(?P<noun>(?:[\w-]+\s+){0,3}[a-z]+)\b")
_NOT_PART = frozenset("""customer customers client clients supplier suppliers partner partners rival
rivals competitor competitors shareholder shareholders owner owners investor investors lender lenders
bank banks backer backers buyer buyers chairman chief president founder adviser advisor auditor""".split())
_UNIT_OF_GROUP = re.compile(r"\s*" + BRACKETED + r",\s+(?:another|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|"
                            r"subsidiary|arm|affiliate|division|member)\s+of\s+the\s+(?:group|company)\b")
_UNDER = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+(?:state|government|public|statutory)\s+"
                    r"(?:[\w-]+\s+){0,2}?(?:company|agency|body|corporation|firm|enterprise|lender|"
                    r"bank|fund|utility|regulator)\s+(?:under|within|of|run\s+by|overseen\s+by)\s+(?:the\s+)?")


_FIRST_WORDS: WeakKeyDictionary[EntityTable, tuple[int, dict[str, list[int]]]] = WeakKeyDictionary()


def _by_first_word(table: EntityTable) -> dict[str, list[int]]:
    """Keys by the first word of their names and aliases, lower case, a "Group" or "Holdings"
    first, then the shortest name; built again only when the table grows (not sorted once per
    match: "X, the group's carrier" in every sentence was quadratic)."""
    cached = _FIRST_WORDS.get(table)
    if cached is None or cached[0] != len(table):
        index: dict[str, list[int]] = {}
        for e in table:
            for label in (e.name, *e.aliases):
                if label.split():
                    index.setdefault(label.split()[0].lower(), []).append(e.key)
        for first, keys in index.items():
            index[first] = sorted(dict.fromkeys(keys), key=lambda k: (
                not re.search(r"\b(?:Group|Holdings?|Sons)\b", table[k].name), len(table[k].name.split()),
                table[k].first))
        cached = (len(table), index)
        _FIRST_WORDS[table] = cached
    return cached[1]


def _group_of(v: View, key: int) -> int | None:
    """"The group" that ``key`` belongs to: an entity already named that shares its first word
    ("COSCO Shipping" for "COSCO Shipping Lines", "Hon Hai ..." known as "Foxconn" for "Foxconn
    Industrial Internet"), a "Group" or "Holdings" by preference."""
    unit = v.table[key]
    first = unit.name.split()[0].lower()
    return next((e.key for e in (v.table[k] for k in _by_first_word(v.table).get(first, []))
                 if e.key != key and e.mentions > 0 and e.type in ("firm", "organization")
                 and any(label.split()[0].lower() == first and label != unit.name
                         for label in [e.name, *e.aliases] if label.split())), None)


def group_units(v: View) -> None:
    """"X, the group's container carrier" -> X part_of the group the text is about; "X, a state
    company under the Ministry of Y" -> X part_of the ministry."""
    for x in v.mentions:
        if x.key == ALL or v.type(x) not in BODIES:
            continue
        unit = _GROUPS_UNIT.match(v.text, x.end)
        named = unit is not None and _NOT_PART.isdisjoint(unit.group("noun").split())   # not "largest shareholder"
        group = _group_of(v, x.key) if named or _UNIT_OF_GROUP.match(v.text, x.end) else None
        if group is not None:
            v.add(x.key, "part_of", group, 0.6, "group-unit")
        under = _UNDER.match(v.text, x.end)
        parent = v.at_start(under.end()) if under is not None else None
        if parent is not None and parent.key not in (ALL, x.key) and \
                v.type(parent) in ("ministry", "agency", "government", "firm", "organization"):
            v.add(x.key, "part_of", parent.key, 0.6, "group-unit")


_ALONGSIDE = re.compile(r"\s+(?:\w+\s+){0,4}?(?:alongside|together\s+with|along\s+with)\s+(?:the\s+)?")


def co_investors(v: View) -> None:
    """"X invested $145 million in Y in 2020 alongside A and B" -> A and B invest in Y too."""
    for a, rtype, b, conf, rule in list(v.facts):
        if rtype not in ("invests_in", "funds") or rule != "verb-cue":
            continue
        target = next((x for x in v.mentions if x.key == b), None)
        if target is None:
            continue
        along = _ALONGSIDE.match(v.text, target.end)
        first = v.at_start(along.end()) if along is not None else None
        if first is None or first.key == ALL:
            continue
        for item in v.listed(first, BODIES | {"government"}):
            if item.key not in (ALL, a, b):
                v.add(item.key, rtype, b, 0.6, "co-investor")


# "Novo Nordisk also uses Thermo Fisher Scientific to fill some pens": a contractor
_USES_TO = re.compile(r"\b(?:uses|use|used|using|hired|hires|hire|contracted|contracts|employs|"
                      r"employed|relies\s+on|rely\s+on)\s+(?:the\s+)?(?=[A-Z])")


def uses_contractor(v: View) -> None:
    """"X uses Y to fill its pens", "X hired Y to build the line" -> Y supplies X."""
    for m in _USES_TO.finditer(v.text):
        y = v.at_start(m.end())
        if y is None or y.key == ALL or v.type(y) not in ("firm", "organization") or \
                not re.match(r"\s*" + BRACKETED + r"\s+to\s+[a-z]+", v.text[y.end:]) or \
                negated(v, m.start()):
            continue
        x = clause_subject(v, m.start(), _BUYERS)
        if x is not None and x != y.key:
            v.add(y.key, "supplies", x, 0.6, "uses-contractor")


# "... completed its purchase of X after the European Commission and the FTC cleared the deal"
_CLEARED_DEAL = re.compile(r"\b(?:approv(?:e|es|ed)|clear(?:s|ed)?|block(?:s|ed)?|review(?:s|ed|ing)?|"
                           r"vet(?:s|ted)?|authori[sz](?:e|es|ed))\s+(?:the|this|that|its)\s+"
                           r"(?:\w+\s+)?(?:deal|merger|acquisition|takeover|purchase|transaction|sale)\b")
_DEAL_OBJECT = re.compile(r"\b(?:purchase|acquisition|takeover|buyout)\s+of\s+(?:a\s+(?:[\w%.-]+\s+){0,3}?stake\s+in\s+)?"
                          r"(?:the\s+)?|\b(?:buy|buys|bought|acquire|acquires|acquired|take\s+over|took\s+over)\s+"
                          r"(?:a\s+(?:[\w%.-]+\s+){0,3}?stake\s+in\s+)?(?:the\s+)?")


def cleared_deals(v: View) -> None:
    """"X completed its purchase of Y after A and B cleared the deal" -> A and B regulate Y."""
    for m in _CLEARED_DEAL.finditer(v.text):
        if negated(v, m.start()):
            continue
        begin, _ = clause_span(v.text, m.start(), m.end())
        to_buy = re.match(r"\s+to\s+(?:buy|acquire|purchase|take\s+over)\s+(?:the\s+)?", v.text[m.end():])
        target = v.at_start(m.end() + to_buy.end()) if to_buy is not None else None
        if target is None or target.key == ALL or v.type(target) not in ("firm", "fund", "organization"):
            target = None       # "blocked the deal to buy K" first; else the deal in this clause
            for d in _DEAL_OBJECT.finditer(v.text, begin, m.start()):
                x = v.at_start(d.end())
                if x is not None and x.key != ALL and v.type(x) in ("firm", "fund", "organization"):
                    target = x
        if target is None:
            continue
        first = next((x for x in v.mentions if begin <= x.start < m.start() and x.key != ALL
                      and v.type(x) in _REGULATORS), None)
        for item in v.listed(first, _REGULATORS) if first is not None else []:
            if item.key not in (ALL, target.key) and item.end <= m.start():
                v.add(item.key, "regulates", target.key, 0.6, "cleared-deal")


# "WuXi Biologics was spun off from WuXi AppTec, which still owns about 13% of it"
_SHARE_OF_IT = re.compile(r"\b(?:owns?|holds?|held|keeps?|kept|retains?|retained)\s+(?:(?:about|around|nearly|"
                          r"almost|roughly|some|a|an|the)\s+)?(?:\d[\d.,]*\s*(?:%|per\s*cent)|stake|minority\s+stake|"
                          r"majority\s+stake)\s+(?:of|in)\s+it\b")


_SPUN_OFF = re.compile(r"\b(?:spun|split|carved)\s+(?:off|out)\s+from\s+(?:the\s+)?|"
                       r"\bdemerged\s+from\s+(?:the\s+)?")


def share_of_it(v: View) -> None:
    """"X was spun off from Y, which still owns 13% of it" -> Y owns X (the spun-off body); not
    "bought K from D, which held 40% of it"."""
    for m in _SHARE_OF_IT.finditer(v.text):
        spun = None
        for found in _SPUN_OFF.finditer(v.text, 0, m.start()):
            spun = found
        y = v.at_start(spun.end()) if spun is not None else None
        if spun is None or y is None or y.key == ALL or not re.fullmatch(
                r"\s*" + BRACKETED + r",\s+(?:which|who)\s+(?:\w+\s+){0,2}?", v.text[y.end:m.start()]):
            continue                # only "spun off from Y, which still owns N% of it"
        holder = y.key
        owned_key = clause_subject(v, spun.start(), frozenset({"firm", "fund", "organization"}))
        owned = next((x for x in v.mentions if x.key == owned_key and x.key != holder), None)
        if owned is not None and not negated(v, m.start()):
            v.add(holder, "owns", owned.key, 0.6, "share-of-it")


# "picked A (over B) to supply radio equipment", "a contract under which A and B will supply"
_CHOSEN = re.compile(r"\b(?:picked|picks|chose|chosen|chooses|selected|selects|tapped|taps|hired|hires|"
                     r"contracted|commissioned)\s+(?:the\s+)?|\b(?:contracts?|deals?|agreements?)\b[^;]{0,80}?"
                     r"\bunder\s+which\s+(?:the\s+)?")
_TO_SUPPLY = re.compile(r"(?:(?!,\s+(?:and|but|while)\b)[^;]){0,80}?\b(?:to|will|would)\s+(?:each\s+|jointly\s+|also\s+)?(?:supply|"
                        r"build|provide|deliver|install|manufacture|construct|equip)\b")


def chosen_suppliers(v: View) -> None:
    """"X picked A over B to supply radio equipment" -> A supplies X (not B); "X signed a
    contract under which A and B will supply ..." -> A and B supply X."""
    for m in _CHOSEN.finditer(v.text):
        first = v.at_start(m.end())
        if first is None or first.key == ALL or v.type(first) not in BODIES or negated(v, m.start()) \
                or re.match(r"[’']s?\s", v.text[first.end:]):
            continue            # "tapped Vantara Labs' founder": the name only owns the one chosen
        chosen = []
        for x in v.listed(first, BODIES):
            if x.key == ALL or re.search(r"\bover\s+(?:\w+\s+)?$", v.text[:x.start]):
                break               # "picked A over B": not B
            chosen.append(x)
        if _TO_SUPPLY.match(v.text, chosen[-1].end) is None:
            continue
        buyer = clause_subject(v, m.start(), frozenset(BODIES | {"government", "project"}))
        for x in chosen:
            if buyer is not None and buyer != x.key:
                v.add(x.key, "supplies", buyer, 0.6, "chosen-supplier")


# "Nvidia and AMD, two of Zeta's largest customers", "Kappa, one of its main suppliers"
_APPOSED_TRADE = re.compile(r"\s*" + BRACKETED + r",\s+(?:(?:one|two|three|four|five|both|all|each)\s+of\s+)?"
                            r"(?:(?P<its>its|their)\s+|(?P<poss>)(?=[A-Z]))")
_TRADE_KIND = re.compile(POSS + r"?\s*(?:(?:main|chief|biggest|largest|key|principal|major|"
                         r"leading|long-standing|longtime)\s+){0,2}(?P<kind>" + trade_nouns() + r")\b")


def apposed_trade(v: View) -> None:
    """"A and B, two of X's largest customers" -> X supplies A and B; "A, one of its main
    suppliers" -> A supplies the firm the text is about."""
    for x in v.mentions:
        if x.key == ALL or v.type(x) not in BODIES:
            continue
        m = _APPOSED_TRADE.match(v.text, x.end)
        if m is None:
            continue
        if m.group("its") is not None:
            other_key = v.owner.key if v.owner is not None and v.owner.start < x.start else v.last_body
            kind = _TRADE_KIND.match(v.text, m.end())
        else:
            y = v.at_start(m.end())
            other_key = y.key if y is not None and y.key != ALL and v.type(y) in BODIES else None
            kind = _TRADE_KIND.match(v.text, y.end) if other_key is not None and y is not None else None
            if kind is not None and y is not None and not re.match(r"[’']", v.text[y.end:]):
                kind = None          # "A, two of X customers": only "X's"
        if kind is None or other_key is None or other_key == ALL or negated(v, m.end()):
            continue
        for item in list_before(v, x.end, BODIES):
            if item == other_key:
                continue
            if kind.group("kind").startswith(("customer", "client", "buyer")):
                v.add(other_key, "supplies", item, 0.6, "apposed-trade")
            else:
                v.add(item, "supplies", other_key, 0.6, "apposed-trade")


# "agreed to sell a 30% stake in X to Y", "sold its shares in X to Y": Y now holds part of X
_STAKE_SOLD = re.compile(rf"\b(?:{SELL_VERBS}|transfer|transfers|transferred|"
                         r"(?:sale|transfer|disposal)\s+of)\s+"
                         r"(?:(?:a|an|the|its|their|\S*\d\S*|%|per\s+cent|majority|minority|controlling|"
                         r"further|remaining|entire|whole)\s+){0,4}(?:stakes?|shares|holding|interest)\s+in\s+"
                         r"(?:the\s+|its\s+|their\s+)?")


def stakes_sold(v: View) -> None:
    """"X agreed to sell a 30% stake in its plant to Y" -> Y owns the plant (a stake)."""
    for m in _STAKE_SOLD.finditer(v.text):
        begin, end = clause_span(v.text, m.start(), m.end())
        if m.group().startswith(("sale", "transfer ", "disposal")) and (
                _NOT_DONE.search(v.text, begin, m.start()) or _UNDONE_AFTER.search(v.text, m.end(), end)):
            continue            # "blocked the sale of a 30% stake in X to Y", "talks on the sale ... collapsed"
        owned = v.at_start(m.end()) or v.after(m.end(), {"firm", "project", "fund", "organization"},
                                                max_gap=25)
        if owned is None or owned.key == ALL or v.type(owned) not in {"firm", "project", "fund",
                                                                      "organization"}:
            continue
        to = re.match(r"[^,;.]{0,40}?\bto\s+(?:the\s+)?", v.text[owned.end:])
        buyer = v.at_start(owned.end + to.end()) if to is not None else None
        if buyer is None or buyer.key in (ALL, owned.key) or v.type(buyer) not in BODIES | {"government"} \
                or negated(v, m.start()):
            continue
        for b in v.listed(buyer, BODIES | {"government"}):
            if b.key not in (ALL, owned.key):
                v.add(b.key, "owns", owned.key, 0.6, "stake-sold")


# "the Duisburg mill will be sold to Y"
_PASSIVE_SOLD = re.compile(r"\s*" + BRACKETED + r",?\s+(?:will\s+be|would\s+be|is|are|was|were|has\s+been|"
                           r"had\s+been|to\s+be|is\s+to\s+be|is\s+being)\s+(?:\w+ly\s+)?sold\s+to\s+(?:the\s+)?")


def wholes_sold(v: View) -> None:
    """"Zeta will sell Kappa Chemicals, its unit, to Y", "the Duisburg mill will be sold to Y"
    -> Y owns what was sold (a firm or facility, not goods)."""
    pairs = [found for m in SELL_VERB.finditer(v.text) if not negated(v, m.start())
             for found in [sold_whole(v, m)] if found is not None]
    for x in v.mentions:
        passive = _PASSIVE_SOLD.match(v.text, x.end) if x.key != ALL and v.type(x) in ("firm", "project") else None
        buyer = v.at_start(passive.end()) if passive is not None else None
        if buyer is not None and not negated(v, x.end):
            pairs.append((x, buyer))
    for thing, buyer in pairs:
        for b in v.listed(buyer, BODIES | {"government"}):
            if b.key not in (ALL, thing.key):
                v.add(b.key, "owns", thing.key, 0.6, "whole-sold")


_SOLD_TO = re.compile(r"\b(?:sold|supplied|delivered|shipped|go|goes|went)\s+to\s+(?:the\s+)?")


def output_sold_to(v: View) -> None:
    """"Its output will continue to be sold to A and to B" -> the plant the text is about (or
    the firm) supplies A and B."""
    for m in _SOLD_TO.finditer(v.text):
        begin, _ = clause_span(v.text, m.start(), m.end())
        named = [x for x in v.mentions if begin <= x.start < m.start()]
        if not OUTPUT_SUBJECT.search(v.text[begin:m.start()]) or negated(v, m.start()) or \
                any(not x.anaphor for x in named):
            continue            # not "X's output is sold to": whose output, the rules for X say
        opener = next((x for x in v.mentions if x.start < begin and not x.anaphor
                       and not v.text[:x.start].strip() and v.type(x) in BODIES), None)
        # "Kappa will buy quartz from A, and its output will go to B": "its" is Kappa's
        seller = named[0].key if named else opener.key if opener is not None else \
            v.topic if v.topic is not None else v.last_body
        first = v.at_start(m.end())
        first = v.possessed(first) if first is not None else None    # "to Saudi Arabia's food agency X"
        if seller is None or first is None or first.key == ALL:
            continue
        buyers = v.listed(first, BODIES | {"government"})
        more = re.finditer(r",?\s+and\s+(?:also\s+)?to\s+(?:the\s+)?", v.text[buyers[-1].end:])
        for extra in more:      # "to A and to B"
            nxt = v.at_start(buyers[-1].end + extra.end())
            if nxt is not None:
                buyers.append(nxt)
            break
        for b in buyers:
            if b.key not in (ALL, seller) and v.type(b) in BODIES:
                v.add(seller, "supplies", b.key, 0.6, "output-sold-to")


_BOUGHT = "|".join(("bought", "purchased", "sourced", "imported", "supplied", "ordered"))
_BE = "|".join(("are", "is", "were", "was", r"will\s+be", r"ha(?:ve|s)\s+been"))
# "Panels for its Saudi plants are bought from X": goods the firm ("its") buys, passive;
# "..., and inverters from Y": the verb left out
_ITS_GOODS_FROM = re.compile(rf"\b(?:[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,3}}?(?:{_BE})\s+(?:\w+ly\s+)?"
                             rf"(?:{_BOUGHT})\s+from\s+(?:the\s+)?")
_AND_GOODS_FROM = re.compile(r"\s*" + BRACKETED + r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,?\s+and\s+"
                             r"(?:[a-z][\w-]*\s+){1,3}from\s+(?:the\s+)?")


def goods_bought_from(v: View) -> None:
    """"Panels for its plants are bought from A, and inverters from B" -> A and B supply the firm
    "its" points to (the sentence's firm before it, else the previous subject)."""
    for m in _ITS_GOODS_FROM.finditer(v.text):
        if negated(v, m.start()):
            continue
        buyer = v.before(m.start(), BODIES) or (
            Mention(0, 0, v.last_actor, anaphor=True) if v.last_actor is not None else None)
        seller = v.at_start(m.end())
        if buyer is None or seller is None or buyer.key == ALL or v.type(buyer) not in BODIES:
            continue
        sellers = [seller]
        more = _AND_GOODS_FROM.match(v.text, seller.end)
        extra = v.at_start(more.end()) if more is not None else None
        if extra is not None:
            sellers.append(extra)
        for x in sellers:
            if x.key not in (ALL, buyer.key) and v.type(x) in BODIES:
                v.add(x.key, "supplies", buyer.key, 0.6, "goods-bought-from")


# "in talks with Rho Metals, a rival miner": a rival of the clause's subject
_APPOSED_RIVAL = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|its|their)\s+(?!" + FORMER + r"\b)(?:[a-z-]+\s+)?(?:rival|competitor)"
                            r"(?:\s+[a-z-]+){0,2}?\s*(?=[,.;]|$)")


def apposed_rivals(v: View) -> None:
    """"Kappa Copper is in talks with Rho Metals, a rival miner" -> they compete."""
    for y in v.mentions:
        if y.key == ALL or v.type(y) not in BODIES or not _APPOSED_RIVAL.match(v.text, y.end):
            continue
        x = clause_subject(v, y.start, BODIES)
        if x is not None and x not in (ALL, y.key) and not negated(v, y.start):
            v.add(x, "competes_with", y.key, 0.6, "apposed-rival")


# "completed its acquisition of Delta Glass", "after Sigma Steel's purchase of Rho Mining": a deal
# named by its noun, whose buyer is the possessor (not a deal planned, blocked or reviewed)
_DEAL_NOUN = re.compile(r"(?:(?P<poss>" + POSS + r")|\b(?P<its>[Ii]ts|[Tt]heir))\s+(?:[\w$.,-]+\s+){0,3}?"
                        r"(?:takeover|acquisition|purchase|buyout)\s+of\s+(?:the\s+)?")
# a deal undone, said before its noun or after it ("blocked its purchase of", "... was cancelled")
_UNDONE = (r"block\w*|cancel\w*|collaps\w*|fell\s+through|falls?\s+through|withdr[ae]w\w*|abandon\w*|"
           r"terminat\w*|scrapp\w*|reject\w*|halt\w*|suspend\w*|drop\w*|walk\w*\s+away")
_NOT_DONE = re.compile(r"\b(?:plann\w*|propos\w*|fail\w*|attempt\w*|oppos\w*|review\w*|prob\w*|scrutin\w*|"
                       r"challeng\w*|hostile|bid|offer|talks|possible|potential|would|could|may|might|"
                       r"consider\w*|explor\w*|seek\w*|" + _UNDONE + r")\b")
_UNDONE_AFTER = re.compile(r"\b(?:" + _UNDONE + r"|under\s+review|pending|awaits?|await\w*|"
                           r"not\s+(?:yet\s+)?(?:closed|completed|approved))\b")


def named_deals(v: View) -> None:
    """"X completed its acquisition of Y", "X's takeover of Y" -> X owns Y."""
    for m in _DEAL_NOUN.finditer(v.text):
        begin, end = clause_span(v.text, m.start(), m.end())
        if negated(v, m.start()) or _NOT_DONE.search(v.text, begin, m.end()) or \
                _UNDONE_AFTER.search(v.text, m.end(), max(end, m.end() + 80)):
            continue            # "... its acquisition of Y was blocked / cancelled / collapsed"
        target = v.at_start(m.end())
        if target is None or target.key == ALL or v.type(target) not in ("firm", "fund", "organization") \
                or names_goods(v.text, target.end) or v.possessed(target) is not target or \
                re.match(r"\s+(?:[a-z-]+\s+)?(?:shares|stakes?|assets|units?|business|plants?|bonds)\b",
                         v.text[target.end:]):
            continue            # "its purchase of Nvidia chips", "of Y's battery unit", "of Y shares"
        if m.group("poss"):
            buyer = v.at_end(m.start())
        else:                   # "Kappa said Zeta had completed its purchase": the clause's subject
            subject = clause_subject(v, m.start(), BODIES)
            buyer = Mention(0, 0, subject, anaphor=True) if subject is not None else \
                Mention(0, 0, v.last_body, anaphor=True) if v.last_body is not None else None
        if buyer is not None and buyer.key not in (ALL, target.key) and v.type(buyer) in BODIES | {"government"}:
            v.add(buyer.key, "owns", target.key, 0.6, "named-deal")


# "The National Electric Grid will buy all of the output", "Sigma Power takes most of the plant's gas"
_BUYS_OUTPUT = re.compile(r"\b(?:buy|buys|bought|buying|take|takes|took|taking|purchase|purchases|purchased|"
                          r"offtake|offtakes)\s+(?:(?:all|most|half|some|part|much|a\s+third|two-thirds|"
                          r"\d+(?:\.\d+)?\s?%)\s+of\s+)?(?:the|its|their)\s+(?:plant[’']s\s+|project[’']s\s+)?"
                          r"(?:entire\s+|future\s+|annual\s+)?(?:output|production|electricity|power|offtake)\b")


def output_bought(v: View) -> None:
    """"X will buy all of the output" -> the plant the text is about supplies X."""
    for m in _BUYS_OUTPUT.finditer(v.text):
        if negated(v, m.start()) or v.topic is None or v.table[v.topic].type != "project":
            continue
        _, end = clause_span(v.text, m.start(), m.end())
        if re.match(r"\s+from\b", v.text[m.end():]) or re.match(r"tak", m.group()) and \
                re.search(r"(?:power|electricity)$", m.group()) or \
                any(m.end() <= x.start < end and x.key != ALL and v.type(x) in BODIES | {"project"}
                    for x in v.mentions):
            continue            # "will buy the power from X's plant", "will take its power from the grid"
        buyer = clause_subject(v, m.start(), BODIES)
        if buyer is not None and buyer not in (ALL, v.topic) and \
                not any(m.start() <= x.start < m.end() and x.key not in (ALL, v.topic) for x in v.mentions):
            v.add(v.topic, "supplies", buyer, 0.6, "output-bought")


# "through a 50-50 joint venture called Zeta Kappa Otomotiv"
_VENTURE_CALLED = re.compile(r"\b(?:joint\s+)?venture\s+(?:company\s+)?(?:called|named|known\s+as)\s+(?:the\s+)?")


# the verbs by which the subject has the venture: formed, set up, runs ... through it
_FORMS_VENTURE = re.compile(rf"\b(?:{FORM_VERBS}|"
                            r"through|via|own(?:s|ed)?|run(?:s)?|ran|operat(?:e|es|ed|ing)|"
                            r"build(?:s|ing)?|built|will\s+(?:form|set\s+up|create))\b")


def named_ventures(v: View) -> None:
    """"X runs the plant with partner Y through a joint venture called Z" -> X and Y own Z (the
    clause's subject and the bodies it works "with")."""
    for m in _VENTURE_CALLED.finditer(v.text):
        venture = v.at_start(m.end())
        if venture is None or venture.key == ALL or v.type(venture) not in ("firm", "organization") or \
                negated(v, m.start()):
            continue
        begin, _ = clause_span(v.text, m.start(), m.start())
        verbs = list(_FORMS_VENTURE.finditer(v.text, begin, m.start()))
        if not verbs or re.search(r"[,;]", v.text[verbs[-1].end():m.start()]):
            continue            # "lent money to / sued a joint venture called Z", "X, which runs mines, lent ..."
        formed = verbs[0]
        owners = coordinated(v, clause_subject(v, m.start(), BODIES), BODIES, m.start())
        for w in re.finditer(r"\bwith\s+(?:[a-z-]+\s+){0,3}(?=[A-Z])", v.text[formed.start():m.start()]):
            partner = v.at_start(formed.start() + w.end())
            if partner is not None and partner.key != ALL and v.type(partner) in BODIES:
                owners += [x.key for x in v.listed(partner, BODIES)]
        for owner in dict.fromkeys(owners):
            if owner is not None and owner != venture.key:
                v.add(owner, "owns", venture.key, 0.6, "venture-called")


# "X, whose largest shareholder is Y", "X's main owners are A and B", "Its parent is Y"
_OWNER_IS = re.compile(r"(?:(?P<whose>,\s+whose)|(?P<poss>" + POSS + r")|\b(?P<its>[Ii]ts|[Tt]heir))\s+"
                       r"(?:(?:largest|biggest|main|majority|controlling|principal|single\s+largest|top|"
                       r"new|sole|ultimate|other|major|second-largest)\s+){0,2}"
                       r"(?:shareholders?|owners?|investors?|parent(?:\s+company)?|stakeholders?)\s+"
                       r"(?:is|are|was|were|include|includes|remains|has\s+been)\s+(?:the\s+)?")


def stated_owners(v: View) -> None:
    """"Kappa Wind, whose largest shareholder is the pension fund Omega Pension", "X's owners are
    A and B", "Its parent is Y" -> the owners own the firm."""
    for m in _OWNER_IS.finditer(v.text):
        if re.search(r"\b(?:was|were)\s", m.group()) or \
                re.match(r"\s*(?:formerly|previously|once)\b", v.text[m.end():]):
            continue                # "whose parent was Zeta Bank until 2020": no longer
        if m.group("its"):          # the clause's subject, else the previous subject
            subject = clause_subject(v, m.start(), BODIES)
            owned = Mention(0, 0, subject, anaphor=True) if subject is not None else (
                Mention(0, 0, v.last_actor, anaphor=True) if v.last_actor is not None else None)
        else:
            owned = v.at_end(m.start()) or v.before(m.start(), BODIES, max_gap=3)
        first = v.after(m.end(), BODIES | {"government", "person"}, max_gap=45)
        if owned is None or first is None or owned.key == ALL or first.key == ALL or negated(v, m.end()) or \
                re.search(r"[,;]|\bnot\b|\bno\s+longer\b", v.text[m.end():first.start]) or \
                v.type(owned) not in ("firm", "organization",
                                                                                         "fund", "project"):
            continue
        if not m.group("whose") and \
                re.match(r"\s*" + BRACKETED + r",?\s+with\s+(?:about\s+|around\s+|nearly\s+)?\d", v.text[first.end:]):
            continue                # "..., with 30%": the share decides owns or invests_in (relations.shareholder_is)
        for owner in v.listed(first, BODIES | {"government", "person"}):
            if owner.key not in (ALL, owned.key):
                v.add(owner.key, "owns", owned.key, 0.6, "owner-is")


def actor_facts(v: View) -> None:
    """Every rule of this module on one sentence."""
    for rule in (partner_nouns, pair_partners, award_amount, arranged_by, permits, won_contracts,
                 buys_goods_of, state_owned, group_units, co_investors, uses_contractor,
                 cleared_deals, share_of_it, chosen_suppliers, apposed_trade, stakes_sold,
                 wholes_sold, output_sold_to, goods_bought_from, named_deals, named_ventures, stated_owners,
                 apposed_rivals, output_bought, won_build_contracts):
        rule(v)

