"""Relations from a verb and noun lexicon, one entry per relation type (stage 7, clauses).

Each :class:`Cue` names the words that signal a relation type ("supplies",
"will supply", "competes with", "is owned by", "a joint venture of"), which
side is the subject, which entity types may stand on each side and which
preposition introduces the object ("supply cathode *to* X"). One runner reads
every cue the same way:

- the clause: the text from the last clause break (";", "while", "but",
  ", and", "said") before the cue to the next one after it;
- the subject: the first actor of the clause, or, after a relative pronoun
  ("X, which supplies"), the actor just before it; a clause that opens with
  "It"/"The company" takes the previous sentence's subject;
- the objects: the first fitting entity after the cue (after its preposition
  when it has one) and the entities listed with it ("A, B and C");
- voice: "supplied by X" swaps the sides; negation ("does not plan to buy",
  "is not a customer") drops the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import Mention
from .lexicon import AMOUNT, APPOINT_VERBS, BRACKETED, COMPANY_HEAD_TITLES, FACILITY_HEADS, FORM_VERBS, FORMER, OFFICER_TITLES, OWNER_MARKER, POSS, SELL_VERBS, is_personal_name, looks_like_firm_name, org_words
from .view import ALL, BODIES, View

_SUPPLIERS = frozenset({"firm", "organization", "project", "government", "agency", "fund"})
_RECEIVERS = frozenset({"firm", "organization", "project", "government", "agency", "ministry",
                        "fund"})
_HOLDERS = frozenset(BODIES | {"government"})
_OWNABLE = frozenset({"firm", "project", "fund", "organization"})
_PLACES = frozenset({"location", "government"})
_THINGS = frozenset({"technology", "sector"})
_REGULATORS = frozenset({"ministry", "agency", "government", "organization"})


# "sold its plant to X", "bought three plants from X": an asset changing hands, not supply
ASSETS = (r"(?:stakes?|shares|plants?|factor(?:y|ies)|sites?|mines?|units?|business(?:es)?|assets?|"
          r"operations|yards?|subsidiar(?:y|ies)|divisions?|companies|company|projects?|farms?|"
          r"terminals?|ports?)")
# "a Californian biologics plant": a capitalised adjective after the article of an asset's phrase
_NP_ADJECTIVE = r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s))[A-Z][a-z]+"
# (the asset is the verb's object: "sold its plant to X", not "supply steel to the plant")
_ASSET_SALE = (r"\s+(?:(?:a|an|the|its|their|his|her|\S*\d\S*|part|all|most|some|of|majority|"
               r"minority|controlling|[A-Z]\w*[’']s|(?!(?:to|for|with|into|at)\s)[a-z-]+|" + _NP_ADJECTIVE +
               r")\s+){0,4}?" + ASSETS + r"\b|"
               # "sell Kappa's rolling mill", "sell its smelter" (not "supply ore to the smelter")
               r"\s+(?:its|their|[A-Z]\w*[’']s)\s+(?:[a-z-]+\s+){0,2}(?:mills?|smelters?|refiner(?:y|ies)|fabs?|"
               r"facilit(?:y|ies)|shipyards?|brands?)\b|"
               # "buys the Nchanga Underground mine from Z": a named asset changes hands
               r"\s+(?:the|its|their)\s+(?:[A-Z][\w-]*\s+){1,3}" + ASSETS + r"\b")


_SUPPLIED_WITH = re.compile(r"(?:" + _ASSET_SALE + r")\s+with\s")


# "uses money from X", "received a loan from X": funding, not supply (relations.funding_from)
_MONEY_FROM = (r"(?:\s+\S+){0,6}?\s+(?:money|loans?|grants?|funding|financing|capital|cash|"
               r"subsid(?:y|ies)|aid|support|investment|approval|permission|licen[cs]es?|incentives?|"
               r"(?:tax\s+)?(?:breaks|credits|relief|rebates))(?:\s+worth\s+\S+(?:\s+(?:million|billion))?|"
               r"\s+of(?:\s+\S+){1,4}?)?\s+from\b")      # "a loan of $40 million from X"


# "X, the holding company of the Tata Group": a group of firms holds its holding company
_GROUP_NAME = r"\s+(?:[A-Z][\w&.-]*\s+){1,3}Group\b"


# "received a stop-work order from the Interior Department": an order that buys nothing
NON_SALE_ORDER = (r"(?:stop-work|cease-and-desist|desist|court|restraining|executive|gag|removal|"
                  r"compliance|enforcement)")
_ORDER_FROM = r"(?:\s+\S+){0,4}?\s+" + NON_SALE_ORDER + r"\s+orders?\s+from\b"


# "buys most of SK hynix's memory": goods of a firm, not the firm
# (not "bought Kelso's parent Drava Holdings": the name after the noun is bought)
_GOODS_OF = (r"(?:\s+[a-z]+){0,3}\s*[A-Z][^\s’']*(?:\s+[A-Za-z][^\s’']*){0,3}[’']s\s+"
             r"(?!(?:[a-z][\w-]*\s+){1,3}[A-Z])[a-z]")


# the money a lender gives, right after the verb ("approved a $400 million loan", "is lending another
# $200 million", "is providing a loan")
_MONEY_AFTER = re.compile(r"\s+(?:(?:a|an|another|a\s+further|further|up\s+to|about|its|the)\s+)?(?:" + AMOUNT +
                          r"|(?:[\w-]+\s+){0,2}?(?:loans?|grants?|credit|financing|funding)\b)")
_DEBT = re.compile(r"\b(?:loans?|lend(?:s|ing)?|lent|credit|financ\w*)\b")
_LENDERS = frozenset({"organization", "agency", "fund", "firm", "government", "ministry"})


# "is hired", "was picked": the verb is passive
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?$")


# "by insurers in Japan and South Korea": a bare common noun, then the place where they are
_UNNAMED_AGENT = re.compile(r"(?!(?:the|a|an|its|their|this|that)\s)(?:[a-z][\w-]*\s+){1,3}"
                            r"(?:in|from|across|around|throughout)\s")


@dataclass(frozen=True)
class Cue:
    """Words that signal ``type``; ``swap``: the object is the relation's source."""

    type: str
    words: str                       # regex alternatives, matched on word boundaries
    subject: frozenset[str]
    object: frozenset[str]
    prep: str = ""                   # regex of the preposition before the object ("" = direct)
    swap: bool = False
    direct: bool = True              # may the object follow without the preposition?
    passive: bool = True             # "VERBed by X" reverses the sides
    gap: int = 90                    # characters between the cue and the object at most
    unless: str = ""                 # regex: the cue does not count when the text after matches
    needs: str = ""                  # regex that must occur in the clause after the cue
    near: bool = False               # the subject is the nearest fitting entity before the cue


# "to buy a stake in X": the size of the stake, not the verb, says whether X is owned
_STAKE_OBJECT = r"\s+(?:\S+\s+){0,3}?(?:stakes?|shares|interest)\s+in\b"


_SOME_AMOUNT = r"\s+(?:(?:up\s+to|about|around|nearly|almost|a\s+further|another|an\s+extra)\s+)?" + AMOUNT

# the words between an article and "contract": an amount, adjectives (not "a $500 million loan for the contract")
_CONTRACT_WORDS = (r"(?:(?!(?:for|under|to|of|in|on|with|from|loans?|grants?|credits?|prizes?|awards?|"
                   r"subsid(?:y|ies)|funding|financing)\b)[\w$€£¥₹.,-]+\s+){0,5}?")


# "worth $6 billion " between a contract and "with"; "for 48 launchers" after it (a count of goods, not of
# money, time or shares)
_WORTH = r"(?:worth\s+(?:about\s+|around\s+|up\s+to\s+)?\S*\d\S*\s+(?:(?:million|billion|crore)\s+)?)?"
_FOR_COUNTED_GOODS = (r"\bfor\s+(?:(?:about|around|up\s+to|another|a\s+further)\s+)?\d[\d,.]*\s+(?!(?:million|"
                      r"billion|crore|years?|months?|weeks?|days?|hours?|per\s*cent|percent)\b)[a-z]")


CUES: tuple[Cue, ...] = (
    Cue("supplies", r"suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|sell(?:s|ing)?|sold|"
        r"(?<=will\s)ship|(?<=to\s)ship|shipped|provid(?:e|es|ed|ing)|"
        # "X ships nickel to Y" (a verb when goods and "to" follow; "builds ships for Y" is a noun)
        r"ships(?=\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+to\s)", _SUPPLIERS, _RECEIVERS,
        r"to|for|with",
        unless=_ASSET_SALE),
    # "banned the use of equipment from X": the noun names no user
    Cue("supplies", r"buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sourc(?:e|es|ed|ing)|"
        r"import(?:s|ed|ing)?|order(?:s|ed)?|licens(?:e|es|ed|ing)|(?<!\bthe\s)us(?:e|es|ed|ing)|"
        r"receiv(?:e|es|ed|ing)|tak(?:e|es|ing)\s+deliver(?:y|ies)|obtain(?:s|ed|ing)?|"
        r"procur(?:e|es|ed|ing)", _RECEIVERS, _SUPPLIERS,
        r"from", swap=True, direct=False, passive=False, unless=_ASSET_SALE + "|" + _MONEY_FROM + "|" + _ORDER_FROM),
    # "will continue to serve other drug makers, including Eli Lilly"
    Cue("supplies", r"serv(?:e|es|ed|ing)(?:\s+(?:other|its|their|the|many|several|some|major|"
        r"large|big|[a-z]+-?[a-z]*)){0,3}\s+(?:customers|clients|buyers|makers|companies|firms|"
        r"carmakers|automakers|chipmakers|utilities|operators|airlines|producers)\s*,?\s+(?:including|such\s+as|"
        r"like|among\s+them)", _SUPPLIERS, _RECEIVERS, gap=5, passive=False),
    # "Rho Systems will assemble servers for Mu Cloud": goods made for a buyer (not "build a plant for")
    Cue("supplies", r"(?:mak(?:e|es|ing)|manufactur(?:e|es|ed|ing)|assembl(?:e|es|ed|ing)|produc(?:e|es|ing))"
        r"(?=\s+(?:(?!(?:" + "|".join(sorted(FACILITY_HEADS)) + r"|it|them|this|that)s?\b)[a-z][\w,-]*\s+){1,4}for\s)",
        _SUPPLIERS - {"government", "project"}, frozenset({"firm"}), r"for", direct=False, passive=False, gap=50,
        needs=r"\bfor\b",      # (no buyer named, "for export": not the story's plant)
        unless=r"\s+(?:(?:a|an|the|its|their|no)\s+)?(?:[\w-]+\s+)?(?:bids?|offers?|case|room|way|provisions?|"
               r"payments?|loss(?:es)?|profits?|push|pitch|argument|plans?|calls?|requests?|applications?|"
               r"claims?|money|sense|history|headlines|progress|changes?|efforts?|decisions?|deals?)\b"),
    Cue("supplies", r"(?:come|comes|came|coming)\s+(?:\w+ly\s+)?from|be\s+bought\s+from|be\s+supplied\s+by|"
        r"(?:be|is|are|was|were)\s+(?:made|manufactured|produced|fabricated|assembled)\s+"
        r"(?:for\s+(?:it|them|us|the\s+company)\s+)?by", _RECEIVERS, _SUPPLIERS, swap=True,
        passive=False, gap=20),
    Cue("supplies", r"(?:contract|deal|order|agreement)s?\s+(?:worth\s+(?:about\s+|around\s+)?"
        r"\S*\d\S*\s+(?:(?:million|billion|crore)\s+)?)?with", _SUPPLIERS, _RECEIVERS, gap=30,
        passive=False, needs=r"\bto\s+(?:supply|deliver|build|provide|sell)\b"),
    # "The Armament Agency has signed contracts worth $6 billion with A and B for 48 launchers": a public
    # buyer's contracts, the sellers named after "with" and the goods after "for" (a firm that signs such
    # contracts may be the seller: "Sigma Aerospace signed contracts with two airlines for 48 jets");
    # "placed an order with X for 20 jets": whoever places it buys
    Cue("supplies", r"(?:sign(?:s|ed)?|award(?:s|ed)?|finali[sz](?:e|es|ed))\s+(?:a|an|the|two|three|"
        r"several)?\s*" + _CONTRACT_WORDS + r"(?:contract|order)s?\s+" + _WORTH + r"with",
        frozenset({"government", "ministry", "agency"}), _SUPPLIERS - {"government", "project"},
        swap=True, gap=30, passive=False, needs=_FOR_COUNTED_GOODS),
    Cue("supplies", r"plac(?:e|es|ed|ing)\s+(?:a|an|the|two|three|several)?\s*" + _CONTRACT_WORDS +
        r"orders?\s+" + _WORTH + r"with", _RECEIVERS, _SUPPLIERS - {"government", "project"},
        swap=True, gap=30, passive=False, needs=_FOR_COUNTED_GOODS),
    # "Mu Logistics will carry finished cars for Kappa Motors": goods carried for a named customer
    # (goods built or made "for" someone were tried in round 4 and again in round 8: wrong more often
    # than right on dev, "made for", "built for" name too many things)
    Cue("supplies", r"carr(?:y|ies|ied|ying)|transport(?:s|ed|ing)?|haul(?:s|ed|ing)?",
        _SUPPLIERS - {"government", "project"},
        frozenset({"firm", "organization", "agency", "ministry"}), r"for", direct=False, passive=False,
        gap=60, needs=r"\bfor\s", unless=r"\s+(?:up|out|sure|clear|money|profits?|losses|use|way|room|(?:a|an|the)\s+"
                       r"(?:case|point|bid|offer|decision|deal|move|profit|loss))\b"),
    # "Kappa Bio has licensed its drug KB-201 to Zeta Pharma": the licensor supplies the licensee
    Cue("supplies", r"(?:sub)?licen[cs](?:es|ed|ing)", _SUPPLIERS - {"government"}, _RECEIVERS - {"project"},
        r"to", direct=False, passive=False, gap=60, needs=r"\bto\s+(?:the\s+)?[A-Z]"),
    Cue("supplies", r"licen[cs](?:e|es|ing)\s+(?:deals?\s+|agreements?\s+)?with", _SUPPLIERS,
        _RECEIVERS, gap=30, passive=False),
    Cue("funds", r"borrow(?:s|ed|ing)?", _RECEIVERS, _RECEIVERS - {"project"}, r"from", swap=True,
        direct=False, passive=False, gap=40),
    Cue("customer_of", r"(?:a\s+)?customers?\s+of|buyers?\s+of", _RECEIVERS, _SUPPLIERS, gap=20,
        passive=False),
    Cue("funds", r"lend(?:s|ing)?|lent|(?<!-)financ(?:e|es|ed|ing)|(?<!-)fund(?:s|ed|ing)?|"
        r"bankroll(?:s|ed)?|subsidi[sz](?:e|es|ed|ing)|underwr(?:ite|ites|itten|ote)",
        _RECEIVERS, _RECEIVERS, r"to|for",
        unless=r"(?:\s+[\w-]+){0,4}?\s+(?:partly\s+|mainly\s+)?with\s+(?:[\w-]+\s+){0,4}?(?:loans?|"
               r"cash|equity|debt|money|bonds|credit)\b"),
    Cue("funds", r"(?:grant(?:s|ed)?|award(?:s|ed)?|pa(?:y|ys|id)|pledg(?:e|es|ed)|provid(?:e|es|ed|ing)|"
        r"approv(?:e|es|ed)|clos(?:e|es|ed)|extend(?:s|ed)?|giv(?:e|es|en)|gave|add(?:s|ed)?|"
        r"put\s+up|lend(?:s)?|lent|guarantee(?:s|d)?|insur(?:e|es|ed)|"
        r"offer(?:s|ed)?|will\s+pay)\s+(?:(?:a|an|the|up\s+to|about|another|its|further|"
        r"\S*\d\S*|[a-z]+ion|million|billion|trillion|crore|lakh|more|than|yen|in)\s+){0,6}"
        r"(?:\w+\s+)?(?:loans?|grants?|subsid(?:y|ies)|aid|financing|funding|credits?)",
        _RECEIVERS, _RECEIVERS, r"to|for", passive=False,
        unless=r"\s+from\b"),      # "guarantees a $300 million loan from Standard Chartered": the lender
    Cue("funds", r"(?:pledg(?:e|es|ed|ing)|commit(?:s|ted)?|provid(?:e|es|ed|ing)|lend(?:s|ing)?|lent|"
        r"grant(?:s|ed)?|award(?:s|ed)?|giv(?:e|es|en)|gave|spen[dt]|add(?:s|ed)?|"
        r"contribut(?:e|es|ed)|put\s+up)" + _SOME_AMOUNT, _RECEIVERS, _RECEIVERS, r"to|for|in", direct=False,
        passive=False, unless=r"\s+on\b"),     # "spend $900 million on a plant ... for X": X is served
    # "will pay $40 million to A"; "pay 2.4 billion euros for Kappa Aluminium" buys the firm (below)
    Cue("funds", r"pa(?:y|ys|id)" + _SOME_AMOUNT, _RECEIVERS, _RECEIVERS, r"to|in", direct=False,
        passive=False, unless=r"\s+(?:on|for)\b|\s+(?:in\s+|as\s+)?(?:damages|compensation|fines?|penalt(?:y|ies)|"
                              r"settlement|back\s+taxes)\b"),     # "to pay 95 million euros in damages to X"
    Cue("owns", r"pa(?:y|ys|id|ying)" + _SOME_AMOUNT + r"\s+for(?!\s+(?:\S+\s+){0,3}?(?:stakes?|shares|interest)\b)",
        _HOLDERS, frozenset({"firm"}), gap=12, passive=False,
        unless=r"(?:\s+\S+){1,4}?\s+to\s+(?:the\s+)?[A-Za-z]+\b|\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
               + POSS + r"\s|\s+(?:advice|services|work|equipment|goods|fuel|power|access|rights)\b"),
    # (not "pay $40 million for Rho Parts' plant", "paid $5 million for advice to Tau Advisers")
    Cue("owns", r"(?<!its\s)(?<!their\s)(?<!-)(?<!['’]s\s)(?<!\bthe\s)own(?:s|ed)?|acquir(?:e|es|ed|ing)|(?<!-)control(?:s|led)?|"
        r"took\s+over|tak(?:e|es|ing)\s+over", _HOLDERS | {"person"}, _OWNABLE, gap=50,
        unless=r"(?:\s+(?!stakes?\b|shares\b|interest\b)\S+){0,6}?\s+from\b|"   # not "bought a stake in X from Y"
               + _STAKE_OBJECT + r"|"      # "acquired a 20% stake in X": the size says (the stake cues)
               r"\s+(?:about\s+|around\s+|nearly\s+)?\S*%\s*(?:,|and\b)|"
               r"\s+(?:subsidiary|unit|affiliate|arm|company|venture)\b|"
               r"\s+as\s+(?:[\w-]+\s+){0,3}?(?:chief|chair\w*|president|director|head|ceo|boss)\b"),
        # (not "will take over as chief executive": a post)
    # "X is a wholly owned subsidiary of Y": Y owns X
    Cue("owns", r"(?:wholly|fully|majority|partly|jointly|state)[- ]owned\s+(?:subsidiary|unit|affiliate|arm|"
        r"company|venture)\s+of", _OWNABLE, _HOLDERS, swap=True, passive=False, gap=30),
    # "a review of X's planned purchase of Y": the noun leaves the clause's subject no buyer
    Cue("owns", r"bought|buy(?:s|ing)?|purchas(?:e|es)(?!\s+of\b)|purchased", _HOLDERS | {"person"}, _OWNABLE,
        gap=15, unless=r"(?:\s+\S+){0,8}?\s+from\b|" + _STAKE_OBJECT + "|" + _GOODS_OF),
    Cue("owns", r"(?:hold|holds|held|own|owns|owned|take|takes|took|buy|buys|bought|has|have|"
        r"acquire|acquired|acquires|keep|keeps|kept)\s+(?!(?:(?:a|an|the|its|further)\s+)?(?:minority\s+)?"
        r"(?:(?:\d|[1-4]\d)(?:\.\d+)?\s?%|(?:\d|[1-4]\d)(?:\.\d+)?\s+per\s+cent|minority|small)\s|"
        r"(?:a|an)\s+stake\s)"
        r"(?:(?:a|an|the|its|\S*\d\S*|%|per\s+cent|"
        r"majority|minority|controlling|further|combined)\s+){0,4}(?:stakes?|shares?|"
        r"interest)\s+in", _HOLDERS | {"person"}, _OWNABLE, gap=25, passive=False),
    Cue("owns", r"(?:(?:a|an|the|new|its)\s+)?(?:joint\s+)?venture\s+(?:of|between)|"
        r"(?:is\s+)?owned\s+(?:equally\s+|jointly\s+|in\s+part\s+|\S*\d%\s+)?by|(?:is\s+)?(?:majority|partly|wholly|"
        r"\S*%)\s+owned\s+by|controlled\s+by|majority[- ]owner\s+of", _OWNABLE, _HOLDERS,
        swap=True, passive=False, gap=40),
    # "has agreed to buy the naval shipbuilder X (NVL) from the Y family": X itself is bought
    Cue("owns", r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring)\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:(?!(?:from|of|for|in|at|to|with|by|and|stakes?|shares?|interest)\b)[a-z-]+\s+){0,3}(?=[A-Z])",
        _HOLDERS | {"person"}, _OWNABLE - {"project"}, gap=3, passive=False,
        unless=_GOODS_OF),
    Cue("owns", r"(?:hold|holds|held|own|owns|owned)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?"
        r"\d+(?:\.\d+)?\s?%\s+of", _HOLDERS | {"person"}, _OWNABLE, gap=10, passive=False),
    Cue("owns", r"in\s+which", _OWNABLE, _HOLDERS, swap=True, passive=False, gap=20, near=True,
        needs=r"\b(?:stakes?|shares|own|owns|holds?)\b"),
    Cue("part_of", r"(?:a\s+|the\s+)?(?:unit|arm|subsidiary|division|affiliate|branch|part|"
        r"member|flagship|procurement\s+arm|trading\s+arm|battery\s+arm|[a-z]+(?:-[a-z]+)*\s+arm|"
        r"[a-z]+(?:-[a-z]+)*\s+unit|[a-z]+(?:-[a-z]+)*\s+subsidiary)\s+of", BODIES | {"project"}, _HOLDERS, gap=45,
        passive=False),
    Cue("owns", r"(?:the\s+|a\s+)?(?:majority\s+|sole\s+|largest\s+)?(?:owner|operator|parent)s?\s+of|"
        r"(?:the\s+|a\s+)?(?:[a-z-]+\s+)?(?:parent|holding|owning|mother)\s+compan(?:y|ies)\s+of"
        r"(?!(?:\s+the)?" + _GROUP_NAME + ")",
        _HOLDERS, _OWNABLE, gap=30, passive=False, near=True),
    Cue("heads", r"chaired|headed|led|run|managed|founded", frozenset({"person"}),
        BODIES | {"government"}, prep=r"(?!x)x", direct=False),
    Cue("part_of", r"(?:reports|report|reporting)\s+to|(?:is\s+|are\s+)?part\s+of|belong(?:s|ed|ing)?\s+to",
        BODIES, _HOLDERS, gap=30, passive=False),
    # "POSCO Future M is the battery materials company of POSCO Group": the name right after
    Cue("part_of", r"the\s+(?:(?!(?:parent|holding|owning|mother)\s)[a-z-]+\s+){0,3}company\s+of(?:\s+the)?|"
        r"the\s+(?:[a-z-]+\s+)?(?:parent|holding)\s+company\s+of(?:\s+the)?(?=" + _GROUP_NAME + ")",
        BODIES, _HOLDERS, gap=1, passive=False),
    Cue("supplies", r"(?:cho(?:se|sen|oses)|pick(?:s|ed)?|select(?:s|ed)?|hir(?:e|es|ed))",
        _RECEIVERS, _SUPPLIERS - {"government"}, swap=True, gap=30, passive=False,
        needs=r"\b(?:to|for)\b", unless=r"\s+by\b|"
        # (not "hired former Mu Pharma executive John Doe": a person hired, the firm his past employer)
        r"\s+(?:(?:a|an|the|its|former|ex-)\s+)*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*(?:[’']s)?\s+"
        r"(?:(?:former|senior|chief|financial|operating|technology|commercial|investment|strategy|deputy|vice|"
        r"top|longtime|long-time|managing|general)\s+){0,3}"
        r"(?:executives?|chief|president|director|manager|banker|engineer|official|officer|head|veteran)\b"),
    # "Sigma Electric was hired by Kappa to install the transformers": the one hired supplies
    Cue("supplies", r"(?:chosen|picked|selected|hired|appointed|contracted|commissioned)\s+by",
        _SUPPLIERS - {"government"}, _RECEIVERS, gap=30, passive=False,
        needs=r"\bto\s+(?:build|install|supply|design|operate|provide|deliver|make|construct|develop|run|"
              r"maintain|manage|lead|equip|upgrade)\b|\bas\s+(?:its\s+|the\s+|a\s+)?(?:[a-z-]+\s+)?(?:contractor|"
              r"supplier|builder|vendor|operator|provider|manufacturer|designer)\b"),   # a job, not a prize
    # "Zeta Power has awarded Kappa Engineering a $3 billion contract to build ...", "awarded a
    # contract to X": the one awarded supplies the one awarding
    Cue("supplies", r"award(?:s|ed)?(?=\s+(?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4}\s+"
        r"(?:[（(][^)）]*[)）]\s+)?(?:a|an|the|\S*\d\S*)\s+"
        + _CONTRACT_WORDS + r"(?:contract|order|tender|deal)s?\b)|"
        r"award(?:s|ed)?\s+(?:a|an|the)\s+" + _CONTRACT_WORDS + r"(?:contract|order|tender|deal)s?\s+to",
        _RECEIVERS, _SUPPLIERS - {"government", "project"}, swap=True, gap=5, passive=False),
    Cue("competes_with", r"compet(?:e|es|ed|ing)\s+(?:\S+\s+){0,6}?(?:with|against)|rivals?|beat|outbid|"
        r"competitors?|competing\s+with|vies\s+with|vying\s+with", BODIES | {"project"},
        BODIES | {"project"}, gap=40, passive=False,
        unless=r"\s*[,.;)]|\s+(?:backed|owned|controlled|based|founded|run|led|funded|financed|listed|"
               r"created|set\s+up|spun\s+off)\b"),     # "a Chinese rival backed by Mu Capital": no rival of Mu
    Cue("partners_with", r"partner(?:s|ed|ing)?\s+with|team(?:s|ed)?\s+up\s+with|"
        r"(?:in\s+)?(?:a\s+)?(?:partnership|alliance)\s+with|"
        r"(?:signed|agreed|sign|signs|negotiat(?:e|es|ed|ing)|reached|struck|strikes?|finali[sz](?:e|es|ed))\s+"
        r"(?:a\s+|an\s+)?(?:(?!(?:settlement|plea|takeover|merger|purchase|acquisition|buyout)\b)[\w-]+\s+){0,3}"
        r"(?:deal|agreement|pact|memorandum(?:\s+of\s+understanding)?|MoU|MOU)\s+with",
        _HOLDERS, _HOLDERS, gap=40, passive=False,    # "struck a deal with K to buy its stake": a sale
        unless=r"\s+(?:the\s+)?[A-Z][^,;]{0,60}?\s+to\s+(?:buy|acquire|purchase|take\s+over|"
               r"sell(?=\s+(?:(?:its|their|a|an|the|\S*\d\S*|majority|minority|controlling)\s+){1,3}"
               r"(?:stakes?|shares|holding|unit|business|assets?|division|subsidiary)))\b"),
        # ("... with J to sell crop nutrients": partners selling goods, not a sale of a stake)
    # "has formed a joint venture with X to breed seeds", "set up a $2 billion venture with X" (a venture
    # set up, not one named; a partnership even when it is set up to buy a stake)
    Cue("partners_with", rf"(?:{FORM_VERBS})\s+(?:a\s+|an\s+)?(?:[\w$.,-]+\s+){{0,3}}?(?:joint\s+venture|JV|venture|"
        r"consortium)\s+with", _HOLDERS, _HOLDERS, gap=40, passive=False),
    # "cooperating with the Department of Justice": an inquiry, not a partnership with a ministry
    Cue("partners_with", r"(?:in\s+)?(?:collaboration|cooperation)\s+with|"
        r"(?:collaborat|cooperat)(?:e|es|ed|ing)\s+with|work(?:s|ed|ing)\s+(?:closely\s+|together\s+)?with|"
        r"join(?:s|ed|ing)?\s+(?:forces|hands)\s+with|(?:a\s+)?(?:tie-up|link-up)\s+with|tie[ds]?\s+up\s+with|"
        r"co-?develop(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,4}?with",
        _HOLDERS, _HOLDERS - {"ministry", "agency"},
        gap=40, passive=False),
    Cue("regulates", r"approv(?:e|es|ed|al\s+of)|clear(?:s|ed)?|regulat(?:e|es|ed)|"
        r"review(?:s|ed)?|audit(?:s|ed)?|inspect(?:s|ed)?|licens(?:e|es|ed)|vet(?:s|ted)?|"
        r"block(?:s|ed)?|overs(?:ee|ees|aw)|check(?:s|ed)?|certif(?:y|ies|ied)|sanction(?:s|ed)|"
        r"fin(?:e|es|ed)|investigat(?:e|es|ed|ing)|authori[sz](?:e|es|ed)|"
        r"(?:add(?:s|ed)?|put|puts|placed?)(?=\s+\S+(?:\s+\S+){0,3}?\s+(?:on|to)\s+(?:a|an|the|its)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:list|blacklist))", _REGULATORS, _OWNABLE | {"technology"},
        gap=60, unless=r"\s+(?:[\w$€¥₹%.,-]+\s+){0,5}?(?:loans?|grants?|subsid|aid\b|funding|"
        r"financing|tax|money|\$|€|¥|₹)"),
    # "ordered Lambda Mobile to share its spectrum", "barred Nu Cable from raising prices": a body told
    # what to do (the object is right after the verb; not "ordered 20 jets from X")
    Cue("regulates", r"order(?:s|ed)?|bar(?:s|red)?|bann?(?:s|ed)?|forc(?:e|es|ed)|requir(?:e|es|ed)|"
        r"prohibit(?:s|ed)?|compel(?:s|led)?|direct(?:s|ed)?|instruct(?:s|ed)?|told|tells?",
        _REGULATORS, _OWNABLE, gap=20, passive=False,
        needs=r"\A\s+(?:the\s+)?[A-Z][^,;]{0,40}?\s+(?:to\s+(?!the\b|a\b|an\b|build\b|supply\b|deliver\b|make\b|"
              r"produce\b|provide\b|manufacture\b|construct\b|develop\b)[a-z]+|from\s+[a-z]+ing)\b"),
    # (not "ordered Kappa Naval to build four frigates": a purchase, not a ruling)
    # "opened its own probe into Kappa Telecom", "launched an investigation of X"
    Cue("regulates", r"(?:open(?:s|ed)?|launch(?:es|ed)?|beg[au]n|start(?:s|ed)?|announc(?:e|es|ed))\s+"
        r"(?:a|an|its|their)\s+(?:own\s+|formal\s+|antitrust\s+|new\s+|in-depth\s+|full\s+)*"
        r"(?:probe|investigation|inquiry|enquiry|review)", _REGULATORS, _OWNABLE, r"into|of",
        direct=False, passive=False, gap=10),
    Cue("located_in", r"based\s+in|headquartered\s+in|located\s+in", BODIES | {"project"},
        _PLACES, gap=10, passive=False),
    Cue("invests_in", r"invest(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?in", _HOLDERS, _OWNABLE, gap=40,
        passive=False),
)

_COMPILED = [(c, re.compile(rf"\b(?:{c.words})\b")) for c in CUES]
_BREAK = re.compile(r"^[A-Z][A-Z .’']{1,30}(?:,[^–—\n]{0,40}?)?\s[-–—]{1,2}\s|;|\bwhile\b|\bwhereas\b|\bbut\b|,\s+and\b|\bsaid\b|\bsays\b|:\s|\u201c|\"")
# a relative clause whose subject is named after "which": "the mine, which Kappa Mining operates"
_OBJECT_RELATIVE = re.compile(r",\s+(?:which|that)\s+(?=[A-Z][^,;]{0,60}?\s+[a-z]+s\b[^,;]*$)")
# the one verb of such a clause, right before the cue: " operates " (not " expects will ", "'s owner Rho runs ")
_ONE_VERB = re.compile(r"\s+(?!(?:expects|believes|says|estimates|hopes|thinks|reckons|argues|insists)\b)"
                       r"[a-z]+s\s+")
_RELATIVE = re.compile(r"(?:,\s+|\s)(?:which|who|that|whose)\s+(?:\w+\s+){0,3}$|,\s+which\s+is\s+"
                       r"(?:\w+\s+){0,3}$")
# one word of the goods of a second object, its verb left out: "sources nickel from A and cobalt from B",
# "buys motors from A, a supplier, and seats from B" (a noun: not "and it competes with B", "and has
# withdrawn from B", "and faces pressure from B", "and moved production from C")
_GOODS_WORD = (r"(?![a-z]+s\s+(?!from\b|to\b|with\b|for\b)[a-z])(?!(?:it|its|they|their|he|she|we|which|who|that|also|then|will|"
               r"would|can|has|have|had|is|are|was|were|been|pressure|criticism|money|loans?|funding|"
               r"financing|grants?|capital|approval|support|demand|orders?)\b)(?![a-z]+(?:ed|ing)\b)"
               r"[a-z][\w-]*\s+")
_GOODS_LEFT_OUT = rf"(?:{_GOODS_WORD}){{0,2}}?"
_GAPPED_FROM = re.compile(r"\s*" + BRACKETED + r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
                          r"(?:,\s+(?:a|an|the)\s+[^,;]{1,50})?,?\s+and\s+"
                          rf"(?:(?![a-z]+(?:ed|ing|s)?\s+(?:its|their|the|a|an)\b){_GOODS_WORD}){{1,2}}?"
                          r"from\s+(?:the\s+)?")
# the relative clause's noun is an anaphor: "..., for the group, which also owns X"
_THE_FIRM_NOUN = re.compile(r"\b(?<![’']s\s)[Tt]he\s+(?:company|group|firm|conglomerate|carmaker|automaker|chipmaker|"
                            r"maker|producer|manufacturer|lender|bank|utility|operator)\s*,?\s*(?:which|that|who)\s+"
                            r"(?:\w+\s+){0,3}$")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|n[’']t|neither|without|denies|denied|refused)\b"
                       r"(?:\s+[\w-]+){0,3}\s*$")
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:(?:on|last|this|that)\s+(?:\w+\s+)??)?(?:it|its|the\s+"
                              r"(?-i:(?:South\s+|North\s+)?[A-Z][a-z]+\s+)?"   # "the Japanese firm", not "the rival firm"
                              r"(?:company|group|firm|(?!(?:law|policy|rule|deal|decision|peace|film|trouble|"
                              r"match|money|market|king|news|mischief)maker)[a-z]*maker|"
                              r"lender|bank|operator|producer|utility|miner|shipbuilder|conglomerate|"
                              r"manufacturer|supplier|refiner|airline|carrier|insurer|start-?up|"
                              r"developer|buyer|investor))\b"
                              # (not "the airline sector", "the supplier industry": the trade, not the firm)
                              r"(?!\s+(?:industry|sector|market|scene|business|world|association|lobby)\b)", re.I)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    begin = 0
    for m in _BREAK.finditer(text, 0, start):
        begin = m.end()
    after = _BREAK.search(text, end)
    return begin, after.start() if after else len(text)


# a name written as another's owner or backer ("Tata-owned Air India", "Sinopec-backed X")
_OWNER_MARKER = re.compile(OWNER_MARKER + r"\s+(?:[a-z-]+\s+){0,2}[A-Z]")


def subject_between(v: View, begin: int, pos: int, types: frozenset[str]) -> int | None:
    under = list(_PREP_WHICH.finditer(v.text, begin, pos))
    if under and "," not in v.text[under[-1].end():pos]:
        begin = under[-1].end()     # "X signed a deal under which A and B will supply": A and B
        # (not "X, in which Y owns 28%, buys": the relative clause closed before the verb)
    before = v.text[begin:pos]
    rel = _RELATIVE.search(before)
    inner = _OBJECT_RELATIVE.search(before)
    named = v.at_start(begin + inner.end()) if inner is not None else None
    if named is not None and named.key != ALL and v.type(named) in types and named.end <= pos and \
            _ONE_VERB.fullmatch(v.text, named.end, pos):
        return named.key            # "the mine, which Kappa Mining operates under a licence": Kappa Mining
        # (not "which Rho expects will supply", "which Rho has owned since 2019 supplies", "which Kappa's
        # owner Rho runs": another verb or a possessor comes between)
    if rel is not None and _THE_FIRM_NOUN.search(v.text, begin, pos):
        # "for the group, which also owns X": the firm "the group" stands for, not a person before it
        firm = [m.key for m in v.mentions if m.end <= begin + rel.start()     # (the sentence's)
                and m.key != ALL and v.type(m) in ("firm", "organization")]
        key = firm[-1] if firm else v.last_body
        return key if key is not None and v.table[key].type in types else None
    if rel is not None:
        # the noun the relative clause is about, not a possessor ("X, Telkom's unit, which")
        near = [m for m in v.mentions if begin <= m.start and m.end <= begin + rel.start()
                and v.type(m) in types and m.key != ALL
                and not re.match(r"[’'](?:s\b|\s)", v.text[m.end:])]
        if not near and begin == 0 and _PRONOUN_SUBJECT.fullmatch(before[:rel.start()].rstrip(", ")) and \
                v.last_actor is not None and v.table[v.last_actor].type in types:
            return v.last_actor     # "The company, which is based in Hsinchu": the firm the text is about
        if not near or begin + rel.start() - near[-1].end > 80:
            return None
        if len(near) >= 2 and re.fullmatch(
                r"\s*" + BRACKETED + r",\s+(?:(?:a|an|the|its|their)\s+|[^,]*?[’']s?\s+)[^,]*?\b(?:with|"
                r"between)\s+(?:the\s+)?", v.text[near[-2].end:near[-1].start]) and \
                re.fullmatch(r"\s*" + BRACKETED + r"\s*", v.text[near[-1].end:begin + rel.start()]):
            # "Ultium Cells, GM's joint venture with LG, which makes cells": Ultium Cells
            return near[-2].key
        if re.fullmatch(r"\s*" + BRACKETED + r",\s+(?:the|both|two)\s+[^,]*?\b(?:companies|firms|groups|"
                        r"makers|producers|banks|lenders|carriers|operators|utilities|suppliers|"
                        r"buyers|investors)(?:\s+(?:in|of|on)\s+[^,]*)?\s*", v.text[near[-1].end:begin + rel.start()]):
            # "A and B, the two largest food companies, which buy": the list's first item
            return list_before(v, near[-1].end, types)[-1]
        return near[-1].key
    for m in v.mentions:
        if begin <= m.start and m.end <= pos and m.key != ALL:
            if _in_prep_phrase(v.text, begin, m.start):
                continue
            if re.match(r"[’']s\s", v.text[m.end:]):
                m = v.possessed(m)          # "Saudi Arabia's SALIC": SALIC is the subject
                if m.end > pos or m.key == ALL:
                    continue
            owned = _OWNER_MARKER.match(v.text, m.end)
            if owned is not None and owned.end() <= pos:
                continue                    # "Tata-owned Air India ordered": Air India (not "a Kappa-led
                # consortium bought Zeta": no name between the marker and the verb)
            if v.type(m) in types:
                return m.key
    if begin and re.search(r",\s+and\s*$", v.text[:begin]) and re.fullmatch(r"\s*(?:[a-z][\w-]*\s+)*", before) \
            and not re.match(r"\s*(?:it|they|he|she|the|its|their|a|an)\b", before, re.I):
        # "The company is building a plant in A, and supplies Tesla": the same subject
        prev, _ = clause_span(v.text, begin - 5, begin - 5)
        if prev < begin - 5:
            return subject_between(v, prev, begin - 5, types)
    if _PRONOUN_SUBJECT.match(before):
        if re.search(r"\b(?:said|says)\s*$", v.text[:begin]):
            # "X, the renewable arm of Y, said on Monday it would build": X
            sayer = next((m for m in v.mentions if m.end <= begin and m.key != ALL
                          and not m.anaphor and v.type(m) in BODIES), None)
            if sayer is not None:
                return sayer.key if v.type(sayer) in types else None
            employer = speaker_body(v, begin)
            if employer is not None:
                # "Chief executive P said the company would open": P's firm
                return employer if v.table[employer].type in types else None
        if begin and re.match(r"\s*(?:it|its|they)\b", before, re.I) and \
                not re.match(r"\W*(?:It|They)\s", v.text):     # (not "It supplies A, and it competes": still "it")
            # "Tata Sons owns Tata Electronics; it is chaired by N": this sentence's subject
            lead = next((m for m in v.mentions if m.end <= begin and m.key != ALL
                         and not _in_prep_phrase(v.text, 0, m.start)), None)
            if lead is not None:
                return lead.key if v.type(lead) in types else None
        if v.last_actor is not None and v.table[v.last_actor].type in types:
            return v.last_actor
    return None


SELL_VERB = re.compile(rf"\b(?:{SELL_VERBS})\s+"
                        r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|[A-Z][\w-]*[’']s\s+)?")
# "X, its French unit, to Y", "X to Y"
_SOLD_TO_BUYER = re.compile(r"\s*" + BRACKETED + r"(?:,\s+[^,;]{1,60},)?\s+to\s+(?:the\s+)?")


def sold_whole(v: View, m: re.Match[str]) -> tuple[Mention, Mention] | None:
    """"sell Kappa Chemicals, its French unit, to Y", "sold the Duisburg plant to Y": the firm or
    facility itself changes hands (``m`` is a match of SELL_VERB); the thing sold and the buyer."""
    thing = v.at_start(m.end())
    if thing is None or thing.key == ALL or v.type(thing) not in ("firm", "project"):
        return None
    to = _SOLD_TO_BUYER.match(v.text, thing.end)
    buyer = v.at_start(to.end()) if to is not None else None
    if buyer is None or buyer.key in (ALL, thing.key) or v.type(buyer) not in _HOLDERS:
        return None
    return thing, buyer


def _sells_whole(v: View, pos: int) -> bool:
    """A sale verb at ``pos`` whose object is a facility, or a firm sold to a buyer."""
    m = SELL_VERB.match(v.text, pos)
    thing = v.at_start(m.end()) if m is not None else None
    return m is not None and thing is not None and (
        (thing.key != ALL and v.type(thing) == "project") or sold_whole(v, m) is not None)


def speaker_body(v: View, begin: int) -> int | None:
    """The body a person who speaks before ``begin`` heads or works for, as the role rules read it."""
    for m in v.mentions:
        if m.end <= begin and m.key != ALL and v.type(m) == "person":
            return next((b for a, t, b, _, _ in v.facts if a == m.key and t in ("heads", "works_for")), None)
    return None


def coordinated(v: View, key: int | None, types: frozenset[str], pos: int) -> list[int | None]:
    """The subject and those listed with it before ``pos``: "Ford and SK On will build"."""
    if key is None:
        return [None]
    first = next((m for m in v.mentions if m.key == key and m.end <= pos), None)
    if first is None:
        return [key]
    out: list[int | None] = []
    for m in v.listed(first, types):
        if m.end > pos or m.key == ALL or re.match(r"[’']s\s", v.text[m.end:]):
            break           # "X, Telkom's unit": an apposition, not a second subject
        out.append(m.key)
    return out or [key]


def clause_subject(v: View, pos: int, types: frozenset[str]) -> int | None:
    """The subject of the clause that ``pos`` is in (see :func:`subject_between`)."""
    begin, _ = clause_span(v.text, pos, pos)
    return subject_between(v, begin, pos, types)


def _in_prep_phrase(text: str, begin: int, start: int) -> bool:
    """"Under the deal with X, Y will ..." or "in Osaka, X": X is not the subject."""
    lead = text[max(begin, start - 60):start]     # both patterns end the lead, within 30 chars
    if re.search(r"\b(?:Commonwealth|State|City|Government|Republic|Kingdom|Province|government|state)"
                 r"\s+of\s+(?:the\s+)?$", lead):
        return False        # "The Commonwealth of Pennsylvania will give": Pennsylvania acts
    return bool(re.search(r"\b(?:under|after|with|for|in|at|from|of|by|to|against|than|"
                          r"including|like|as|besides|beyond|unlike|except|apart\s+from|"
                          r"alongside|before|behind|aside\s+from|despite|instead\s+of)"
                          r"\s+(?:the\s+|its\s+|a\s+)?$", lead, re.I))


_VERB_AFTER = re.compile(r"\s+(?:holds|has|have|is|are|was|were|will|would|said|says|owns|also|"
                         r"plans|agreed)\b")


def _objects(v: View, cue: Cue, pos: int, end: int) -> list[int]:
    window = v.text[pos:min(end, pos + cue.gap + 60)]
    first = None
    if cue.prep:
        for m in re.finditer(rf"\b(?:{cue.prep})\s+(?:the\s+|its\s+|a\s+|an\s+)?", window):
            cand = v.at_start(pos + m.end()) or v.after(pos + m.end(), cue.object, max_gap=25)
            if cand is not None and re.search(r"\b(?:from|in|at)\s", v.text[pos + m.end():cand.start]):
                continue    # "supplies it with cells from Hungary": where the goods come from
            if cand is not None and v.type(cand) in cue.object and cand.start < end:
                first = cand
                break
    if first is None and cue.direct:
        direct = cue.object - _PLACES if cue.type == "supplies" else cue.object
        cand = v.after(pos, direct, max_gap=cue.gap)
        nearest = v.after(pos)
        if nearest is not None and cand is not None and nearest.start < cand.start and \
                v.type(nearest) == "person" and "person" not in direct:
            cand = None     # "controlled by P (a person) and runs plants in A": not A
        if cand is not None and cand.start < end and \
                not re.search(r"\b(?:under|alongside|along\s+with|together\s+with)\s|,\s+(?:with|while|whereas)\s",
                              v.text[pos:cand.start]) and \
                not (cue.type == "supplies" and re.search(r"\b(?:people|households|homes|customers|users|"
                                                          r"residents)\s+in\s", v.text[pos:cand.start])):
            # not "sells cars under the A brand", "invested in P alongside A"; not "supplies water to
            # 3 million people in the Valparaiso and O'Higgins regions": places
            first = cand
    if first is None and cue.type in ("partners_with", "owns", "invests_in", "supplies", "funds") and \
            _THE_COMPANY.match(window):
        meant = company_meant(v, pos, in_question=cue.type == "partners_with")
        if meant is not None and v.table[meant].type in cue.object:
            return [meant]           # "which signed a memorandum with the company": the firm in question
    if first is None and cue.prep:
        # "a loan for its battery plants": the company the sentence is about
        its = re.search(rf"\b(?:{cue.prep})\s+(?:its|their)\s", window)
        if its is not None and v.owner is not None and v.type(v.owner) in cue.object:
            return [v.owner.key]
    if first is None:
        return []
    if _THEIR_PEOPLE.match(v.text, first.end):
        return []                    # "partnered with Zeta Parts' rivals": the rivals, not Zeta Parts
    owned = v.possessed(first)       # "an arm of South Korea's SK Innovation"
    if owned.key == ALL or v.type(owned) in cue.object:
        first = owned                # not "services for TSMC's Arizona output": TSMC
    body = v.described_body(first)   # "a subsidiary of the U.S. conglomerate Tau Industries"
    if body.key != ALL and v.type(body) in cue.object:
        first = body
    items: list[int] = []
    for item in v.listed(first, cue.object):
        if item.start >= end or item.key == ALL:
            continue
        if item is not first and v.type(item) in ("government", "location"):
            named = v.possessed(item)     # "of A and Indonesia's state miner B": B
            if named is not item and named.key != ALL and v.type(named) in cue.object:
                item = named
        if items and cue.type == "located_in" and not re.search(r"\b(?:and|or)\s+(?:in\s+)?$",
                                                               v.text[:item.start]) and is_division(v, item):
            break                    # "headquartered in Detroit, Michigan": the state holds the city
        if items and (_VERB_AFTER.match(v.text, item.end) or _GAPPED_SHARE.match(v.text, item.end)):
            break                    # "holds 51% of A and B holds 49%", "... and B the remaining 49%"
        if items and re.match(r"[’']s\s", v.text[item.end:]) and \
                re.search(r",\s+$", v.text[:item.start]) and not re.search(r"\band\s+$", v.text[:item.start]):
            break                    # "Eli Lilly, Novo Nordisk's main rival": an apposition
        items.append(item.key)
    return items or ([first.key] if first.key != ALL else [])


# a body's unnamed others after its possessive ("Zeta Parts' rivals", "Kappa's customers")
_THEIR_PEOPLE = re.compile(POSS + r"\s+(?:[a-z-]+\s+){0,2}?(?:rivals|competitors|customers|clients|suppliers|"
                           r"peers|creditors|shareholders|investors|lenders|critics)\b")


# a passive's agent after the verb, an amount between ("was fined $10 million by X")
_BY_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:" + AMOUNT + r"\s+)?by\s+")


_AS_DOES = re.compile(r",\s+as\s+(?:does|do|did)\s+(?:the\s+)?")
_OF_WHICH = re.compile(r"(?:,\s+)?(?:both|all|each|neither|none)\s+of\s+(?:which|whom)\s+(?:\w+\s+){0,3}$")


# "the company" as a verb's object ("owns 28% of the company", "signed a memorandum with the company")
_THE_COMPANY = re.compile(r"\s*(?:\S+\s+){0,2}?the\s+(?:company|group|firm)\b(?![’'-])"
                          r"(?!\s+(?:that|which|who|whose|it|they|behind|called|named)\b)")   # (not "the company it founded")
# "Zeta's parent, the Rho Group, owns 33% of the company": the possessor is the company
_KIN_BEFORE = re.compile(POSS + r"\s+(?:[a-z-]+\s+)?(?:parent|owner|shareholder|backer|investor|founder)\s*,")
_WHICH_BEFORE = re.compile(r"\s*" + BRACKETED + r",\s+(?:which|who)(?:\s+\S+){0,3}\s*$")


def company_meant(v: View, pos: int, in_question: bool = False) -> int | None:
    """The firm "the company" at ``pos`` means: the possessor of the subject's kin ("Zeta's parent,
    the Rho Group, owns 33% of the company"); in "A is backed by B, which owns 28% of the company",
    A (the sentence's first firm, when the relative clause is another's); else the firm the latest
    sentences were about, when the sentence names at most one firm before (or, with
    ``in_question``, always: "which signed a memorandum with the company")."""
    possessor = next((x for x in v.mentions if x.end <= pos and x.key != ALL and not x.anaphor
                      and v.type(x) in ("firm", "organization") and _KIN_BEFORE.match(v.text, x.end)), None)
    if possessor is not None:
        return possessor.key         # "Zeta's parent, the Rho Group, owns 33% of the company": Zeta
    rel = _WHICH_BEFORE.search(v.text, 0, pos)
    first = v.owner
    if rel is not None and first is not None and not first.anaphor and first.end <= rel.start():
        antecedent = v.at_end(rel.start())
        if antecedent is not None and antecedent.key != first.key:
            return first.key
    others = [x for x in v.mentions if x.end <= pos and x.key != ALL and not x.anaphor
              and v.type(x) in ("firm", "organization")]
    before = [k for k in v.previous if v.table[k].type in ("firm", "organization")]
    # the firm in question when this sentence names no other firm than its subject and the one before named
    # only that firm ("Kappa Motors makes trucks. Zeta Capital owns 28% of the company"); not "After Zeta
    # Steel's deal collapsed, Omega agreed to acquire the company", nor "Rho agreed to buy Kappa. Zeta owns
    # 12% of the company" (which of the two?)
    return v.last_body if in_question or (len(others) <= 1 and before == [v.last_body]) else None


_BOTH_OPENER = re.compile(r"\s*(?:Both|Both\s+of\s+them|Both\s+companies|Both\s+firms)\s+(?!of\b|[A-Z])")


def both_before(v: View, types: frozenset[str]) -> list[int | None]:
    """The two bodies "Both" opening a sentence means: the previous sentence's two, when it named
    exactly two of ``types`` (and this sentence none)."""
    two = [k for k in v.previous if v.table[k].type in types]
    if len(two) != 2 or any(m.key in two for m in v.mentions):
        return []
    return [k for k in sorted(two)]


def _shared_subjects(v: View, begin: int, pos: int, types: frozenset[str],
                     have: list[int | None]) -> list[int | None]:
    """"A and B, both of which compete with C": A and B, not only the nearest one."""
    rel = _OF_WHICH.search(v.text[begin:pos])
    if rel is None:
        return []
    return [k for k in dict.fromkeys(list_before(v, begin + rel.start(), types)) if k not in have]


_APPOSED = re.compile(r"\s*" + BRACKETED + r",\s+(?:the|a|an)\s+(?:[\w-]+\s+|[$€£¥₹]?\d[\d.,]*\s+){0,4}$")


# "The purchase will be financed by a loan from X": about a deal, not the project in question
DEAL_SUBJECT = re.compile(r"\s*(?:The|This|That)\s+(?:[\w-]+\s+)?(?:purchase|acquisition|takeover|deal|"
                          r"merger|buyout|transaction)\b")


def negated(v: View, pos: int) -> bool:
    """Is the cue at ``pos`` negated ("will not buy", "has not agreed to")?"""
    return _NEGATION.search(v.text[max(0, pos - 40):pos]) is not None


def _named_goods(v: View, pos: int, end: int) -> bool:
    """Is what is bought or licensed "from" someone a firm or body named between ``pos`` and the "from"?"""
    frm = re.search(r"\bfrom\b", v.text[pos:end])
    # a word that is only part of a name ("LNG" of "Ruwais LNG") is not the firm itself
    return frm is not None and any(pos <= x.start < pos + frm.start() and x.key != ALL
                                   and v.type(x) in BODIES and v.text[x.start:x.end] == v.table[x.key].name
                                   for x in v.mentions)


# what a plant makes, as a sentence's subject: bought by someone, it is a sale, not a stake
OUTPUT_SUBJECT = re.compile(r"^\s*(?:(?:and|but)\s+)?"
                            # "Half of the harvest will be sold to X; the rest goes to Y"
                            r"(?:(?:half|most|all|some|much|part|a\s+third|two-thirds|\d+(?:\.\d+)?\s?%)\s+of\s+)?"
                            r"(?:the|its|their|all|most|some|much)\s+(?:[\w’']+\s+){0,2}?"
                            r"(?:output|production|ammonia|hydrogen|methanol|electricity|power|cargoes|"
                            r"volumes?|offtake|product(?:ion|s)?|harvest|crops?|grain|ore|concentrate|"
                            r"rest|remainder)\b(?!\s+of\s+(?:the\s+)?(?:money|funds?|financing|loans?|cost|bill))",
                            re.I)


_MONEY_NEXT = re.compile(r"\s+(?:(?:a|an|the|further|another|additional|extra|up\s+to|about|around|"
                         r"nearly|some|more\s+than|over)\s+)*(?:" + AMOUNT + r"|(?:[a-z-]+\s+)?(?:loans?|"
                         r"credit|financing|funding|grants?|money|capital|guarantees?)\b)")


# "... and B the remaining 40%": a second holder whose verb the sentence leaves out
_GAPPED_SHARE = re.compile(r"\s*" + BRACKETED + r"\s+(?:the\s+)?(?:(?:remaining|other|rest|balance)\b|"
                           r"(?:about\s+|around\s+)?\d+(?:\.\d+)?\s?%)")


# a clause whose subject is money: "a grant of 30 million euros", "A $50 million grant", "Credit lines"
MONEY_SUBJECT = re.compile(r"^\s*(?:(?:and|but)\s+)?(?:(?:the|a|an|its|their)\s+)?(?:[\w$.,-]+\s+){0,3}?"
                           r"(?:grant|loan|subsidy|subsidie|funding|financing|credit|guarantee|money|aid)s?"
                           r"(?:\s+lines?|\s+facilit(?:y|ies))?\b", re.IGNORECASE)
# the word before "ships" when it is the noun: a lowercase word other than a subject's pronoun,
# an adverb or "and" ("the ships", "its container ships"; "Zeta ships", "which also ships" are verbs)
_NOUN_SHIPS = re.compile(r"(?<![\w-])(?!(?:it|which|that|who|also|now|still|already|then|and|or|"
                         r"company|firm|group|unit|\w+ly)\s)[a-z][\w-]*\s+$")
_PREP_WHICH = re.compile(r"\b(?:under|in|by|through)\s+which\s+(?:the\s+)?")


_RULED_DEAL = re.compile(r"\b(?:approv|clear|block|review|vet|authori[sz]|challeng|sued?\b|su(?:es|ing)\b)"
                         r"\w*\s+(?:the|this|that|its|a)\s+(?:[\w$.-]+\s+){0,3}?(?:deal|merger|bid|offer|"
                         r"plan|attempt|acquisition|takeover|transaction)\s+to\s+$")




def verb_cues(v: View) -> None:
    """Facts of every lexicon cue in the sentence (see the module docstring)."""
    text = v.text
    for cue, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if negated(v, m.start()) or \
                    (cue.unless and re.match(cue.unless, text[m.end():]) and
                     not (cue.type == "supplies" and _SUPPLIED_WITH.match(text, m.end()) and
                          not re.match(r"s[eo]l", m.group())) and
                     not (cue.type == "regulates" and m.group().startswith("fin"))):
                continue          # (not "supplies the plant with electricity": the plant receives;
                # a fine comes with its amount: "fined X $10 million")
            if cue.type == "supplies" and re.search(r"\b(?:[Ff]unding|[Ff]inancing|[Mm]oney|[Ll]oans?|"
                                                    r"[Cc]apital)\s+(?:\w+\s+)?$", text[:m.start()]):
                continue          # "Funding came from X": a funder (relations.funding_from)
            if cue.type in ("supplies", "partners_with") and re.search(
                    r"\b(?:(?:reject|cancel|scrapp|abandon|refus|terminat)\w*\s+(?:\w+\s+){0,3}|"
                    r"(?:dissolv\w*|end(?:s|ed|ing)?|exit(?:s|ed|ing)?|quit(?:s|ting)?|unw(?:i|ou)nd(?:s|ing)?)\s+"
                    r"(?:(?:its|their|the|a|an|this|that)\s+(?:(?!and\b|after\b|before\b|in\b)[a-z-]+\s+){0,2})?)$",
                    text[:m.start()]):
                continue          # "rejected a deal with Zeta Energy to build", "ended its tie-up with X": no deal
                # (not "quit coal and signed a deal with X", "ended 2024 in a partnership with X")
            if cue.type == "owns" and _RULED_DEAL.search(text, 0, m.start()):
                continue          # "the FTC blocked the deal to buy X": the regulator buys nothing
            begin, end = clause_span(text, m.start(), m.end())
            if cue.needs and not re.search(cue.needs, text[m.end():end]):
                continue
            if cue.type == "supplies" and cue.swap and _named_goods(v, m.end(), end):
                continue          # "bought Spain's Zeta Yield from X": a firm changing hands
            if cue.type == "partners_with" and re.search(r"\b(?:supply|LNG|gas|oil|offtake|purchase|sales?|"
                                                         r"procurement|delivery|order|licen[cs]ing)\b", m.group()):
                continue          # "signs LNG deal with X": a sale (which side sells, the words do not say)
            if cue.type == "funds" and re.fullmatch(r"funds|funding|financing", m.group()) and \
                    re.search(r"\b(?:with|the|its|their|of|in|more|new|public|state|federal|raise|"
                              r"raised|raising)\s+$", text[:m.start()]):
                continue          # "with funds from the programme": a noun, not a funder's verb
            if cue.type == "supplies" and not cue.swap and re.match(r"\s+(?:no|none\s+of)\s", text[m.end():]):
                continue          # "ships no nickel to X": the goods are negated
            if m.group() == "ships" and _NOUN_SHIPS.search(text, 0, m.start()):
                continue          # "builds the ships that sail to X", "its container ships": a noun
            if cue.type == "supplies" and m.group().startswith("ship"):
                dest = v.after(m.end(), max_gap=80)
                if dest is not None and dest.key != ALL and v.type(dest) in _PLACES and \
                        re.search(r"\bto\s+(?:the\s+)?$", text[m.end():dest.start]):
                    continue      # "shipped to Saudi Arabia", "ship 8 million tonnes a year to China":
                    # where goods go, not a buyer
            if cue.type == "supplies" and not cue.swap and _sells_whole(v, m.start()):
                continue          # "sell Kappa Chemicals, its unit, to Y", "sell the Duisburg mill": it changes hands
            if cue.type == "supplies" and m.group() == "sold" and \
                    re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", text[:m.start()]):
                continue          # "The site was sold to X": the thing itself changed hands
            if cue.type == "supplies" and cue.swap and re.match(r"cho|pick|sel|hir", m.group()) and \
                    _BE_BEFORE.search(text, 0, m.start()):
                continue          # "Omega Engineering is hired to build the smelter": the hired firm is
                # the subject (a passive), the thing it builds no buyer
            if cue.type == "supplies" and not cue.swap and _MONEY_NEXT.match(text, m.end()):
                continue          # "A and B will provide a further 30 billion yen": money (a funds cue)
            if cue.type == "supplies" and m.group() in ("supply", "supplies") and re.match(
                    r"\s+(?:agreements?|deals?|contracts?|chains?|shortages?|pacts?|crunch|security|"
                    r"side|base|lines?|routes?|network|talks)\b", text[m.end():]):
                continue          # "signed a nickel supply agreement with X": which side sells is not said
            if cue.type == "regulates" and re.fullmatch(r"blocks?|checks?|reviews?|audits?|fines?", m.group()) and \
                    re.search(r"\b(?:a|an|the|its|their)\s+(?:\w+\s+)?$", text[:m.start()]):
                continue          # "bought a block of shares in X", "a review of": nouns
            if cue.type == "funds" and m.group() in ("fund", "finance") and not re.search(
                    r"\b(?:to|will|would|could|can|may|might|should|must|help|helps|helped|also|and|"
                    r"not|jointly)\s+$", text[:m.start()]):
                continue          # "X, a state-controlled fund, bought Y": the noun
            if cue.type == "supplies" and cue.swap and m.group().startswith("order") and \
                    re.search(r"\b(?:won|wins|win|winning|secured?|secures|landed|lands|booked|books|"
                              r"bagged|received|receives|got|gets)\s+(?:\S+\s+){0,6}$", text[:m.start()]):
                continue          # "won a $300 million order from X": the seller won it (actors.won_contracts)
            if cue.type == "supplies" and cue.swap and m.group().startswith("order") and \
                    re.search(r"\b(?:for|new|more|the|its|their|of|any|fewer)\s+$", text[:m.start()]):
                continue          # "compete for orders from X": the noun; X would buy, nobody has sold
            by = _BY_AFTER.match(text[m.end():]) if cue.passive else None
            if by is not None and cue.type == "supplies" and MONEY_SUBJECT.search(text[begin:m.start()]):
                continue          # "a grant of 30 million euros will be provided by X": funding
            if by is not None and _UNNAMED_AGENT.match(text, m.end() + by.end()):
                continue          # "bought mainly by insurers in Japan": the agents are unnamed
            if by is not None:
                agent_cue = Cue(cue.type, "", cue.object, cue.subject, gap=30)
                agents = _objects(v, agent_cue, m.end() + by.end(), end)
                for more in re.finditer(r"\s+and\s+(?:also\s+)?by\s+(?:the\s+)?", text[m.end():end]):
                    extra = v.after(m.end() + more.end(), cue.object, max_gap=3)
                    if extra is not None and extra.key != ALL:   # "supplied by A and by B"
                        agents = agents + [v.possessed(extra).key]
                patient = subject_between(v, begin, m.start(), cue.object)
                app = _APPOSED.search(text[:m.start()])
                named = v.before(app.start() + 1, cue.object, max_gap=2) if app else None
                if named is not None and named.key != ALL:
                    patient = named.key     # "Starlink, the network owned by SpaceX": Starlink
                elif app is not None:
                    patient = None          # "..., a $2.2 billion project financed by X": unnamed
                bare = re.search(r"\s*" + BRACKETED + r",\s+$", text[:m.start()])
                near = v.at_end(bare.start()) if bare is not None else None
                if near is not None and near.key != ALL and v.type(near) in cue.object:
                    patient = near.key      # "through Zeta Holding B.V., chaired by P": the holding
                earlier = [x for x in v.mentions if x.end <= begin and x.key != ALL
                           and v.type(x) == "project" and "project" in cue.object]
                if patient is None and earlier and \
                        not any(begin <= x.start < m.start() for x in v.mentions):
                    # "Construction of the smelter was led by A, and the furnace was supplied
                    # by B": the project this sentence named
                    patient = earlier[-1].key
                if patient is None and v.topic is not None and not DEAL_SUBJECT.match(text[begin:]) and \
                        v.table[v.topic].type in cue.object and \
                        not any(begin <= x.start < m.start() for x in v.mentions):
                    patient = v.topic    # "The equipment is being supplied by X": for the plant
                    if cue.type == "owns" and OUTPUT_SUBJECT.search(text[begin:m.start()]):
                        # "The output has been bought by X": X buys what the plant makes
                        for agent in agents:
                            v.add(patient, "supplies", agent, 0.6, "output-bought")
                        continue
                sources, targets = (agents, [patient]) if not cue.swap else ([patient], agents)
            elif cue.near:
                near = v.before(m.start(), cue.subject, max_gap=40)
                if near is not None and re.fullmatch(
                        r"\s+(?:[a-z-]+\s+)?(?:subsidiary|unit|arm|affiliate|venture)\s+",
                        text[near.end:m.start()]):
                    # "JASM, a TSMC subsidiary in which ...": JASM, not TSMC
                    head = v.before(near.start, cue.subject, max_gap=40)
                    if head is not None and re.fullmatch(
                            r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+", text[head.end:near.start]):
                        near = head
                subject = near.key if near is not None and near.key != ALL else None
                objects = _objects(v, cue, m.end(), end)
                sources, targets = ([subject], objects) if not cue.swap else (objects, [subject])
            else:
                subject = subject_between(v, begin, m.start(), cue.subject)
                # "X, a unit of Y": the cue itself may hold the article
                lead = "" if re.match(r"(?:a|an|the)\s", m.group()) else r"(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
                app = re.search(r"\s*" + BRACKETED + r"\s*,\s+" + lead + "$",
                                text[:m.start()]) if cue.type in ("part_of", "competes_with", "located_in") or cue.swap else None
                named = v.before(app.start() + 1, cue.subject, max_gap=2) if app else None
                if named is not None and named.key != ALL:
                    subject = named.key     # "A bought B, the copper unit of C": B is part of C
                if subject is None and cue.swap and v.topic is not None and \
                        v.table[v.topic].type in cue.subject and \
                        not any(begin <= x.start < m.start() and x.key != v.topic
                                for x in v.mentions):
                    subject = v.topic    # "Equipment will come from X": for the plant in question
                    if v.topic not in v.previous and v.last_actor is not None and \
                            v.last_actor in v.previous and v.table[v.last_actor].type == "firm" and \
                            not re.search(rf"\b(?:{'|'.join(FACILITY_HEADS)})\b", text[:m.start()], re.I):
                        # "Kappa sells packs to A. Cathode material comes from B": Kappa's
                        subject = v.last_actor
                if cue.type == "located_in" and subject is not None and subject != ALL:
                    subject = _based_subject(v, subject, m.start())
                objects = _objects(v, cue, m.end(), end)
                if not objects and cue.type == "supplies" and not cue.swap and not cue.needs and \
                        subject is not None and v.topic is not None and v.topic != subject and \
                        not any(m.end() <= x.start < end for x in v.mentions):
                    objects = [v.topic]     # "X will supply the silicon wafers": for the project
                if not objects and cue.type == "funds" and not cue.swap and subject is not None and \
                        re.match(r"(?:approv|provid|lend|lent|grant|pledg|offer|put\s+up|guarantee|insur)", m.group()) and \
                        not re.search(r"\b(?:its|their)\s+(?:[\w$.,-]+\s+){0,4}?loans?\b", m.group()) and \
                        (_MONEY_AFTER.match(text, m.end()) or _MONEY_AFTER.search(" " + m.group())) and \
                        _DEBT.search(text, m.start(), min(end, m.end() + 40)) and \
                        v.topic is not None and v.topic != subject and \
                        v.table[v.topic].type == "project" and v.table[subject].type in _LENDERS and \
                        not re.search(r"\b(?:to|for)\s", text[m.end():end]) and \
                        not any(begin <= x.start < end and x.key != subject and not _in_which_clause(text, x, begin)
                                for x in v.mentions):
                    # "The Inter-American Development Bank approved a $400 million loan": for the
                    # project (not "lent A$80 million to a rival project", nor "awarded X $4 million
                    # and agreed to lend a further $500 million")
                    objects = [v.topic]
                subjects = coordinated(v, subject, cue.subject, m.start())
                if subject is None and begin == 0 and _BOTH_OPENER.match(text):
                    subjects = both_before(v, cue.subject) or subjects    # "Both had bought tools from X"
                sources, targets = (subjects, objects) if not cue.swap else (objects, subjects)
            if cue.needs and cue.type == "supplies" and re.search(
                    r"\bto\s+(?:supply|deliver|build|provide|sell|upgrade|install)\s+(?:its|their)\b",
                    text[m.end():end]):
                # "X signed contracts with A and B to build its network": A and B supply X
                sources, targets = targets, sources
            if cue.type == "owns" and cue.swap and "by" in cue.words:
                # "65% owned by A and 35% by B"
                tail = text[m.end():].split(";", 1)[0]     # past ", and": "and 49% by B"
                for more in re.finditer(r"(?:,\s+(?:and\s+)?|\band\s+)(?:\S*%\s+)?by\s+(?:the\s+)?", tail):
                    extra = v.after(m.end() + more.end(), cue.object, max_gap=20)
                    if extra is not None and extra.key != ALL:
                        sources = sources + [v.possessed(extra).key]
            if cue.type == "owns" and not cue.swap and "%" in m.group() and targets:
                # "A will own 60% of P and B the remaining 40%": B owns P too
                for other in v.mentions:
                    if other.start > m.end() and other.key not in targets and other.key != ALL and \
                            re.search(r"\band\s+$", text[:other.start]) and \
                            _GAPPED_SHARE.match(text, other.end) and v.type(other) in cue.subject:
                        sources = sources + [other.key]
            if (re.search(r"with\b", cue.words) or cue.prep) and (sources if cue.swap else targets) and not by:
                # "competes with A, and increasingly with B", "sells cells to A and to B",
                # "sources nickel from A and cobalt from B" (the goods of the second left out)
                prep = "with" if re.search(r"with\b", cue.words) else cue.prep
                goods = _GOODS_LEFT_OUT if cue.type == "supplies" else ""
                also = re.search(rf"(?:,\s+|\s+)(?:and|as\s+well\s+as)\s+(?:\w+ly\s+)?{goods}(?:{prep})\s+(?:the\s+)?",
                                 text[m.end():min(len(text), end + 40)])
                if also is not None and (prep == "with" or v.at_start(m.end() + also.end()) is not None):
                    start = m.end() + also.end()
                    second = _objects(v, Cue(cue.type, "", cue.subject, cue.object),
                                      start, clause_span(text, start, start)[1])
                    if cue.swap:
                        sources = sources + second
                    else:
                        targets = targets + second
            if cue.swap and cue.prep == "from" and sources and \
                    re.match(r"bu|bought|purchas|import|sourc|procur", m.group()):
                # "buys motors from A, a Slovenian supplier, and seats from B": B sells too
                last = max((x for x in v.mentions if x.key in sources and x.start >= m.end()),
                           key=lambda x: x.start, default=None)
                gapped = _GAPPED_FROM.match(text, last.end) if last is not None else None
                extra = v.at_start(gapped.end()) if gapped is not None else None
                if extra is not None and extra.key != ALL and extra.key not in sources and v.type(extra) in cue.object:
                    sources = sources + [extra.key]
            if not cue.swap and not by:
                sources = [*sources, *_shared_subjects(v, begin, m.start(), cue.subject, [*sources])]
                also = _AS_DOES.search(text, m.end())
                if also is not None:
                    z = v.at_start(also.end())
                    if z is not None and z.key != ALL and v.type(z) in cue.subject:
                        sources = sources + [z.key]      # "A competes with B, as does C"
            for a in sources:
                for b in targets:
                    if a is not None and b is not None and cue.type == "part_of" and \
                            v.table[a].type == "firm" and v.table[b].type in _PLACES:
                        continue          # a firm is not part of a country
                    if a is not None and b is not None and cue.type == "supplies" and any(
                            v.table[k].type == "government" and not is_country(v, Mention(0, 0, k))
                            for k in (a, b)):
                        continue          # "supply radio equipment for Sumatra": a region, not a buyer
                    if a is not None and b is not None and cue.type == "supplies" and \
                            v.table[a].type == "government":
                        continue          # "will come from X's plants in Gwangyang, South Korea": a place
                    v.add(a, cue.type, b, 0.6, "verb-cue")


_WHICH_CLAUSE = re.compile(r",\s+(?:which|who)\s[^,]*,")


def _in_which_clause(text: str, x: Mention, begin: int) -> bool:
    """Whether ``x`` is named inside a ", which ..., " clause of the sentence part from ``begin``
    ("The bank, which also lends to Codelco, approved a loan": Codelco is not the borrower)."""
    return any(c.start() < x.start < c.end() for c in _WHICH_CLAUSE.finditer(text, begin))


def _based_subject(v: View, subject: int, pos: int) -> int:
    """Who "based in" (no verb "to be" before it) describes: the name an apposition describes
    ("sells to Tau Smelting, a rival of Y based in Jiangxi": Tau Smelting, not the seller), the
    name right before it ("sells to Tau Smelting, based in Jiangxi"), else the clause's subject
    ("X is the unit of Y, headquartered in P": X)."""
    if _BE_BEFORE.search(v.text, 0, pos):
        return subject
    for head in reversed([m for m in v.mentions if m.end <= pos and m.key != ALL]):
        if v.type(head) in BODIES and _APPOSITION_TO.fullmatch(v.text, head.end, pos):
            return head.key
    near = v.before(pos, BODIES | {"project"}, max_gap=40)
    if near is not None and near.key != ALL and not re.search(r"\bof\s+(?:the\s+)?$", v.text[:near.start]) \
            and re.fullmatch(r"\s*" + BRACKETED + r",?\s*", v.text[near.end:pos]):
        return near.key
    return subject


# "Tau Smelting (陶冶炼), a rival of Kappa based in": from a name to the end of its apposition
_APPOSITION_TO = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+[^,;()]*")


_HEAD_WORDS = (COMPANY_HEAD_TITLES + r"|chair|president(?:\s+director)?|founder(?:\s+and\s+chairman)?|"
               r"director-general|secretary-general|head|boss|governor|mayor|chief\s+minister|premier|prime\s+minister")
# a post no longer held: "a former executive of X", "X's former chief executive, P"
_NOT_FORMER = rf"(?!(?:(?:a|an|the|its|their)\s+)?(?:(?:[a-z]+\s+)?{FORMER}\b|ex-))"
_WORK_WORDS = (r"analyst|strategist|economist|spokes(?:man|woman|person)|director|executive|"
               r"manager|adviser|advisor|engineer|scientist|official|researcher|fellow|"
               r"chief\s+[a-z]+\s+officer|cfo|coo|cto|cio|vice[\s-]president|general\s+counsel|treasurer|"
               r"head\s+of\s+[a-z]+(?:\s+[a-z]+){0,2}?")
_POSS_ROLE = re.compile(rf"{POSS}\s+{_NOT_FORMER}(?:[a-z-]+\s+){{0,2}}?(?:(?P<head>{_HEAD_WORDS})|"
                        rf"(?P<work>{_WORK_WORDS}))(?:,|\s+(?:is|was|has\s+been|will\s+be))?\s+$",
                        re.I)       # "Arizona's governor, P", "Kappa Energy's managing director is P"
_ITS = r"(?:its|the\s+(?:company|group|firm)[’']s)\s+" + _NOT_FORMER + r"(?:[a-z-]+\s+){0,2}?"
_ITS_ROLE = re.compile(rf"\b{_ITS}(?:(?P<head>{_HEAD_WORDS})|(?P<work>{_WORK_WORDS})),?"
                       # "Its chief executive in Oman is P": the region the role covers
                       r"(?:\s+(?:in|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
                       r"\s+(?:is|was|has\s+been|will\s+be)|"
                       r"(?:\s+(?:is|was|has\s+been|will\s+be))?)\s+$", re.I)      # "Its chief executive is P"
# "P, its chief executive, said", "P is its chief executive"
_ITS_ROLE_AFTER = re.compile(rf"\s*{BRACKETED}(?:,\s+|\s+(?:is|was|has\s+been|will\s+be|became|becomes)\s+)"
                             rf"{_ITS}(?:(?P<head>{_HEAD_WORDS})|(?P<work>{_WORK_WORDS}))\b", re.I)
_BARE_ROLE = re.compile(rf"^\s*(?:(?P<head>{COMPANY_HEAD_TITLES}|president\s+director)|(?P<work>{OFFICER_TITLES}))\s+$",
                        re.I)
# "a presentation by chief executive Anil Rao and chief financial officer Meera Iyer": a bare role
# after a preposition or "said"
_BARE_ROLE_MID = re.compile(r"\b(?:by|said|says|and|with|from|according\s+to)\s+"
                            rf"(?:(?P<head>{COMPANY_HEAD_TITLES})|(?P<work>{OFFICER_TITLES}))\s+$", re.I)
_ROLE_AFTER_POSS = re.compile(rf"(?:[’']s?)\s+{_NOT_FORMER}(?:[a-z-]+\s+){{0,2}}?(?:(?P<head>{_HEAD_WORDS})|"
                              rf"(?P<work>{_WORK_WORDS}))\b", re.I)
_ORG_ROLE = re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:(?P<head>{_HEAD_WORDS})|"
                       rf"(?P<work>{_WORK_WORDS}))\s+$", re.I)


# "under chairman Ken Sato and president Ana Ruiz": a second title and person after the first
_AND_TITLE = re.compile(rf"\s+and\s+(?:(?P<head>{_HEAD_WORDS})|(?P<work>{_WORK_WORDS}))\s+$", re.I)


def possessive_roles(v: View) -> None:
    """"Ford's chairman Bill Ford", "Telkomsel president director Nugroho" -> heads/works_for;
    a bare "Minister X" heads the ministry just named (this or the previous sentence); "under
    chairman P and president Q": Q holds a post in P's body too."""
    for p in v.mentions:
        if v.type(p) != "person":
            continue
        before = v.text[:p.start]
        second = _AND_TITLE.search(before)
        prev = v.at_end(second.start()) if second is not None else None
        body = next((b for a, rtype, b, _, _ in v.facts if prev is not None and a == prev.key
                     and rtype in ("heads", "works_for")), None) if second is not None else None
        if second is not None and body is not None:
            v.add(p.key, "heads" if second.group("head") else "works_for", body, 0.6, "role-poss")
            continue
        if re.search(r"(?:^|[.;]\s|,\s)\s*(?:Minister|Secretary)\s+$", before):
            ministry = v.before(p.start, {"ministry"})
            key = ministry.key if ministry is not None else v.last_actor
            if key is not None and key != ALL and v.table[key].type == "ministry":
                v.add(p.key, "heads", key, 0.6, "role-poss")
            continue
        its = _ITS_ROLE.search(before) or _BARE_ROLE.match(before) or _BARE_ROLE_MID.search(before)
        if its is not None and re.match(r"\s+of\s", v.text[p.end:]):
            continue            # "Chairman P of Zeta Holdings": the body is named (roles.py)
        if its is not None:
            # "Its president P" / "Chief executive P said": a body named before it in the
            # sentence, else the firm the text was last about
            named = v.before(its.start(), BODIES)
            if its.re is _BARE_ROLE_MID and re.match(r"(?:said|says|according)", its.group(), re.I):
                # "Kappa will sell ore to A, B and C, said chief executive P": the clause's subject
                subject = clause_subject(v, its.start(), BODIES)
                named = Mention(0, 0, subject, anaphor=True) if subject is not None else None
            # ("Chief executive P said", no pronoun: the firm the article is about)
            owner = named.key if named is not None and named.key != ALL and its.re in (_ITS_ROLE, _BARE_ROLE_MID) \
                else v.main_body if its.re in (_BARE_ROLE, _BARE_ROLE_MID) and v.main_body is not None \
                else v.last_body
            if owner is not None:
                v.add(p.key, "heads" if its.group("head") else "works_for", owner, 0.6,
                      "role-poss")
            continue
        its_after = _ITS_ROLE_AFTER.match(v.text, p.end)
        if its_after is not None:
            named = v.before(p.start, BODIES)
            owner = named.key if named is not None and named.key != ALL else v.last_body
            if owner is not None:
                v.add(p.key, "heads" if its_after.group("head") else "works_for", owner, 0.6, "role-poss")
            continue
        after = re.match(r"\s*" + BRACKETED + r",\s+(?:the\s+)?", v.text[p.end:])
        org = v.at_start(p.end + after.end()) if after else None
        if org is not None and org.key != ALL and v.type(org) in BODIES:
            role = _ROLE_AFTER_POSS.match(v.text[org.end:])
            if role is not None:        # "Kim Lee, Zeta Motors' chief executive"
                v.add(p.key, "heads" if role.group("head") else "works_for", org.key, 0.7,
                      "role-poss")
                continue
        for pattern in (_POSS_ROLE, _ORG_ROLE):
            # the role right after a name: "Kappa Mobile co-chief executive P"
            m = next((found for o in reversed(v.mentions) if o.end <= p.start
                      for found in [pattern.match(before, o.end)] if found is not None),
                     None) or pattern.search(before)
            if m is None:
                continue
            org = v.at_end(m.start())
            if org is not None and org.key != ALL and v.type(org) == "location" and \
                    re.search(r"governor|mayor|premier|chief\s+minister", m.group(), re.I):
                v.table[org.key].type = "government"    # "Arizona's governor, P": a state that acts
            if org is None or org.key == ALL or v.type(org) not in BODIES | {"government"}:
                continue
            v.add(p.key, "heads" if m.group("head") else "works_for", org.key, 0.7, "role-poss")
            break


_ROLE_NOUN = rf"(?:(?:the\s+|its\s+|a\s+|an\s+|new\s+|interim\s+|acting\s+)*(?:[a-z-]+\s+)??" \
             rf"(?:(?P<head>{_HEAD_WORDS})|(?P<work>chief\s+[a-z]+\s+officer|{_WORK_WORDS})))"
# "P has been appointed chief executive of X", "P became chairman of X", "P will take over as CEO of X"
_APPOINTED = re.compile(r"\s*" + BRACKETED + r",?\s+(?:(?:has|have|had)\s+been\s+|(?:was|is|will\s+be)\s+)?"
                        r"(?:appointed|named|made|promoted\s+to|elected|became|becomes|will\s+become|"
                        r"(?:will\s+)?take\s+over\s+as|took\s+over\s+as|takes\s+over\s+as|"
                        r"(?:has\s+)?joined\s+as)\s+(?:as\s+)?" + _ROLE_NOUN + r"\s+(?:of|at)\s+(?:the\s+)?", re.I)
# "X appointed P as chief executive", "X named P its new chairman"
_APPOINTS = re.compile(r"\s+(?:has\s+|have\s+)?(?:" + APPOINT_VERBS + r")\s+$")
_AS_ROLE = re.compile(r"\s*" + BRACKETED + r",?\s+(?:as\s+)?" + _ROLE_NOUN + r"\b", re.I)


def appointed_roles(v: View) -> None:
    """"P has been appointed chief executive of X", "P became chairman of X", "X named P as its
    chief executive" -> P heads (or works for) X."""
    for p in v.mentions:
        if p.key == ALL or v.type(p) not in ("person", "firm"):
            continue
        if v.type(p) == "firm":
            before = v.before(p.start, BODIES, max_gap=30)
            words = v.table[p.key].name.split()
            role = _AS_ROLE.match(v.text, p.end)
            if before is not None and _APPOINTS.fullmatch(v.text, before.end, p.start) and role and \
                    (role.group("head") or re.search(r"\bchief\s+\w+\s+officer\b|\bcfo\b|\bcoo\b|\bcto\b",
                                                    role.group(), re.I) or is_personal_name(words)) and \
                    2 <= len(words) <= 3 and \
                    all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words) and \
                    not looks_like_firm_name(words) and not set(words) & set(org_words()["suffix"]):
                v.table[p.key].type = "person"     # "X named Ole Lund as its chief financial officer"
            else:
                continue
        m = _APPOINTED.match(v.text, p.end)
        body = v.at_start(m.end()) if m is not None else None
        if m is None or body is None:
            m = _AS_ROLE.match(v.text, p.end)
            before = v.before(p.start, BODIES, max_gap=30)
            body = before if m is not None and before is not None and \
                _APPOINTS.fullmatch(v.text, before.end, p.start) else None
            of = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", v.text[m.end():]) if m is not None and body is not None else None
            named = v.at_start(m.end() + of.end()) if m is not None and of is not None else None
            if named is not None and named.key != ALL and v.type(named) in BODIES:
                body = named    # "Kappa Holding appoints P as chief executive of Lambda Farms": Lambda Farms
        if m is None or body is None or body.key == ALL or v.type(body) not in BODIES or negated(v, p.end):
            continue
        v.add(p.key, "heads" if m.group("head") else "works_for", body.key, 0.6, "appointed")


# a fact sheet's labelled line: "- Equipment suppliers: A and B", "Lenders: A, B", "Main customer: C"
_PARTY_LABEL = re.compile(r"\s*(?:[-•*–—]\s*)?(?:[A-Za-z][a-z-]*\s+){0,2}?(?P<kind>suppliers?|vendors?|customers?|"
                          r"buyers?|clients?|offtakers?|lenders?|financiers?|investors?|owners?|shareholders?|"
                          r"partners?|rivals?|competitors?)\s*:\s*(?:the\s+)?", re.I)
_LABEL_TYPES = {"supplier": ("supplies", True), "vendor": ("supplies", True), "customer": ("supplies", False),
                "buyer": ("supplies", False), "client": ("supplies", False), "offtaker": ("supplies", False),
                "lender": ("funds", True), "financier": ("funds", True), "investor": ("owns", True),
                "owner": ("owns", True), "shareholder": ("owns", True), "partner": ("partners_with", True),
                "rival": ("competes_with", True), "competitor": ("competes_with", True)}


def labelled_parties(v: View) -> None:
    """A fact sheet's labelled line names the parties of the firm its item is about (the body
    the section names most): "- Equipment suppliers: A and B" -> A and B supply it."""
    m = _PARTY_LABEL.match(v.text)
    first = v.at_start(m.end()) if m is not None else None
    if m is None or first is None or first.key == ALL or negated(v, m.end()):
        return
    rtype, item_first = _LABEL_TYPES[m.group("kind").lower().rstrip("s")]
    items = v.listed(first, BODIES | {"government"})
    if not re.fullmatch(r"[\s.;,]*", v.text[items[-1].end:]):
        return          # "Rivals: Zeta Steel and Tau Metals also fell.": a sentence, not a labelled line
    subject = v.main_body           # the body the section names most
    if subject is None:
        return
    for item in items:
        if item.key not in (ALL, subject):
            v.add(item.key if item_first else subject, rtype, subject if item_first else item.key,
                  0.55, "labelled")


_ORIGIN_APPOSITION = re.compile(r"^\s*" + BRACKETED + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?P<dem>(?:South\s+|North\s+)?[A-Z][\w-]+)\s+(?:[\w-]+\s+){0,3}?(?:[a-z]*maker|producer|company|"
                                r"group|firm|developer|carmaker|chipmaker|lender|bank|operator|"
                                r"utility|trader|investor|supplier|giant|conglomerate|builder|"
                                r"designer|miner|insurer|shipbuilder|carrier|line|rival|competitor|"
                                r"start-up|startup)\b")
_FIRM_NOUNS = (r"(?:company|firm|group|[a-z]*maker|producer|operator|utility|carrier|lender|bank|giant|"
               r"champion|miner|developer|shipbuilder|conglomerate|chipmaker|carmaker|foundry)")


def is_division(v: View, m: Mention) -> bool:
    """A government, a country, or a state/province ("Michigan" in "Detroit, Michigan")."""
    from .lexicon import countries, places
    e = v.table[m.key]
    divisions = {p.name for p in places() if p.kind == "division"} | {c.name for c in countries()}
    return e.type == "government" or e.name in divisions


def is_country(v: View, m: Mention) -> bool:
    """A government, or a place that is a country ("Taiwan" typed as a place)."""
    from .lexicon import countries
    return v.type(m) == "government" or (v.type(m) == "location" and v.table[m.key].name in
                                         {c.name for c in countries()})


_OF_COUNTRY = re.compile(r"^\s*" + BRACKETED + r"\s+of\s+(?:the\s+)?$")


# "X, the Nevada recycler", "X, a Texas-based chipmaker": a place before the noun that describes X
_PLACE_DESCRIBED = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?")
_DESCRIPTIONS = (_FIRM_NOUNS[3:-1] + r"|recycler|consultancy|manufacturer|supplier|start-?up|refiner|trader|"
                 r"insurer|lender|investor|retailer|airline|shipper|exporter|processor|smelter|foundry|fund|"
                 r"explorer|distributor|contractor|assembler")
_DESCRIBED_NOUN = re.compile(r"(?:-based)?\s+(?:[a-z-]+\s+){0,2}?(?:" + _DESCRIPTIONS + r")s?\b")
# "Zeta Semi and Omega Devices, both of Taiwan": each item of the list before
_BOTH_OF = re.compile(r"\s*,\s+(?:both|all)\s+(?:of|from|based\s+in)\s+(?:the\s+)?")


def _both_of(v: View) -> None:
    """"A and B, both of Taiwan" -> each located_in Taiwan."""
    for m in _BOTH_OF.finditer(v.text):
        place = v.at_start(m.end())
        if place is None or place.key == ALL or v.type(place) not in _PLACES:
            continue
        items = list_before(v, m.start(), frozenset({"firm", "organization"}))
        for item in items if len(items) >= 2 else []:
            v.add(item, "located_in", place.key, 0.6, "origin")


_HOME_TO = re.compile(r"\s*,?\s+(?:which\s+(?:is|are)\s+|(?:both\s+)?)?home\s+to\s+(?:the\s+)?")


def _home_to(v: View) -> None:
    """"The Netherlands and Japan, home to ASML and Tokyo Electron": each body in its place, in
    order (one place: every body in it; a state or province: operates_in)."""
    for m in v.mentions:
        if m.key == ALL or v.type(m) not in _PLACES:
            continue
        places = [x for x in v.listed(m, _PLACES) if x.key != ALL]
        home = _HOME_TO.match(v.text, places[-1].end) if places else None
        first = v.at_start(home.end()) if home is not None else None
        if first is None or first.key == ALL or v.type(first) not in ("firm", "organization"):
            continue
        bodies = [x for x in v.listed(first, {"firm", "organization"}) if x.key != ALL]
        if len(places) == 1 or len(places) == len(bodies):
            for i, body in enumerate(bodies):
                place = places[0 if len(places) == 1 else i]
                # (a state or province is home to a firm's plants as often as to its head office)
                rtype = "operates_in" if is_division(v, place) and not is_country(v, place) else "located_in"
                v.add(body.key, rtype, place.key, 0.6, "home-to")
        return


def origin(v: View) -> None:
    """Where a firm is from: "Korea's Samsung SDI", "Lynas of Australia", "X, the Japanese maker",
    "Chinese producers such as A and B" -> located_in the country."""
    from .lexicon import country_code, demonyms

    _both_of(v)
    _home_to(v)

    for m in v.mentions:
        if m.key == ALL or v.type(m) not in ("firm", "organization"):
            continue
        before = v.text[:m.start]
        poss = re.search(POSS + r"\s+(?:(?:state-owned|largest|biggest|top|leading|flagship|"
                         r"main|own|[a-z]+-based)\s+|(?:[a-z-]+\s+){0,3}?" + _FIRM_NOUNS + r"\s+)?$",
                         before)
        if poss is not None:
            owner = v.at_end(poss.start())
            if owner is not None and owner.key != ALL and is_country(v, owner):
                v.add(m.key, "located_in", owner.key, 0.6, "origin")
        poss_app = re.match(r"\s*" + BRACKETED + r",\s+(?:the\s+)?", v.text[m.end:])
        owner = v.at_start(m.end + poss_app.end()) if poss_app is not None else None
        if owner is not None and owner.key != ALL and is_country(v, owner) and \
                re.match(r"[’']s\s+(?:[a-z-]+\s+){0,3}?" + _FIRM_NOUNS + r"\b", v.text[owner.end:]):
            v.add(m.key, "located_in", owner.key, 0.6, "origin")   # "Volcan, Peru's largest miner"
        largest = re.match(r"\s*" + BRACKETED + r"(?:,|\s+(?:is|was|remains))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:"
                           + _DESCRIPTIONS + r")s?\s+in\s+(?:the\s+)?", v.text[m.end:])
        home = v.at_start(m.end + largest.end()) if largest is not None else None
        if home is not None and largest is not None and (
                re.search(r"\b(?:foreign|overseas|outside)\b|\b(?:international|offshore)\s+(?:investor|lender|buyer|"
                          r"player)s?\b", largest.group())
                or re.match(r"[’']s\s+(?:[a-z-]+\s+){0,2}(?:market|sector|industry|economy)\b", v.text[home.end:])):
            home = None     # "the biggest foreign investor in Vietnam", "an exporter in Japan's car market"
        if home is not None and home.key != ALL and v.type(home) in _PLACES:
            v.add(m.key, "located_in", home.key, 0.6, "origin")   # "X, the largest lender in the UAE", "X is ..."
        described = _PLACE_DESCRIBED.match(v.text, m.end)
        where = v.at_start(described.end()) if described is not None else None
        if where is not None and where.key != ALL and v.type(where) in _PLACES and \
                _DESCRIBED_NOUN.match(v.text, where.end):
            v.add(m.key, "located_in", where.key, 0.6, "origin")  # "X, the Nevada recycler"
        app = _ORIGIN_APPOSITION.match(v.text[m.end:])
        code = None if app is None or re.match(r"\s+[A-Z]", app.string[app.end("dem"):]) else \
            demonyms().get(app.group("dem")) or \
            (None if app.group("dem").isupper() else country_code(app.group("dem")))
        # (not "X, a Mexico Rail supplier": the country opens another body's name)
        if code:        # "X, the Austrian steelmaker", "X, a Luxembourg holding company" (not "a US ...")
            v.add(m.key, "located_in", v.country(code), 0.6, "origin")
        bracket = re.match(r"\s*[（(]\s*", v.text[m.end:])
        inside = v.at_start(m.end + bracket.end()) if bracket is not None else None
        if inside is not None and inside.key != ALL and is_country(v, inside) and \
                re.match(r"\s*[)）](?!\s*[A-Z])", v.text[inside.end:]):
            # "Lambda Resources (Australia) agreed" (not "Volkswagen (China) Investment": a name)
            v.add(m.key, "located_in", inside.key, 0.6, "origin")
        nxt = v.after(m.end, {"government", "location"}, max_gap=40)
        if nxt is not None and is_country(v, nxt) and _OF_COUNTRY.match(v.text[m.end:nxt.start]):
            v.add(m.key, "located_in", nxt.key, 0.6, "origin")
        based = re.match(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+$", v.text[m.end:])
        place = v.after(m.end, {"location", "government"}, max_gap=12)
        if based is None and place is not None and re.fullmatch(
                r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+", v.text[m.end:place.start]) and \
                re.match(r"-based\b", v.text[place.end:]):
            v.add(m.key, "located_in", place.key, 0.6, "origin")   # "Matson, the Honolulu-based carrier"
    for start, end, code in v.demonyms:
        desc = re.match(r"\s+(?:[a-z-]+\s+){0,3}?(?:" + _FIRM_NOUNS[3:-1] + r"|agency|regulator|authority|"
                        r"investor|fund|institute|insurer|exchange)\s+(?:the\s+)?", v.text[end:])
        named = v.at_start(end + desc.end()) if desc is not None else None
        if named is not None and named.key != ALL and v.type(named) in BODIES:
            # "the Chilean development agency Corfo", "Japanese chipmaker Rapidus"
            rtype = "part_of" if v.type(named) in ("agency", "ministry") else "located_in"
            v.add(named.key, rtype, v.country(code), 0.6, "origin")
        if named is None and re.fullmatch(r"\W*[Tt]he\s+", v.text[:start]) and \
                re.match(r"\s+(?:[a-z-]+\s+)?" + _FIRM_NOUNS + r"\s+(?!of\b|in\b)[a-z]", v.text[end:]) and \
                v.last_actor is not None and v.table[v.last_actor].type == "firm" and \
                not any(k != v.last_actor and v.table[k].type == "firm" for k in v.previous):
            # "The Taiwanese chipmaker will receive ...": the firm the text is about, from there
            # (not when the sentence before named another firm: "buys chips from Zeta Semi")
            v.add(v.last_actor, "located_in", v.country(code), 0.6, "origin")
        lead = re.match(r"\s+(?:[a-z-]+\s+){0,2}?(?:producers|makers|firms|companies|groups|"
                        r"rivals|suppliers|lenders|banks|carmakers|chipmakers)\s*,?\s+"
                        r"(?:such\s+as|like|including)\s+", v.text[end:])
        if lead is None:
            continue
        first = v.at_start(end + lead.end())
        if first is not None:
            for item in v.listed(first, {"firm", "organization"}):
                v.add(item.key, "located_in", v.country(code), 0.6, "origin")


_UNIT = r"(?:subsidiary|unit|arm|affiliate|division|branch)"
_UNIT_AFTER = re.compile(rf"{POSS}\s+(?:[a-z-]+\s+){{0,2}}?{_UNIT}\b|\s+(?:[a-z-]+\s+){{0,2}}?{_UNIT}\b")
_UNITS_INCLUDE = re.compile(rf"{POSS}\s+(?:[a-z-]+\s+){{0,2}}?(?:subsidiaries|units|affiliates|divisions|arms)\s+"
                            r"(?:include|included|are|were)\s+(?:the\s+)?")
_ITS_UNIT = re.compile(rf"\b(?:[Ii]ts|[Tt]heir)\s+(?:[A-Za-z-]+\s+){{0,2}}?{_UNIT},?\s+$")
_SHAREHOLDER = re.compile(POSS + r"\s+(?:largest|biggest|main|controlling|majority|single\s+largest)?\s*"
                          r"(?:shareholder|owner|parent|investor)\b")


# "Its largest shareholder, Investor AB," / "Investor AB, its largest shareholder,": the firm "its" means is owned
_ITS_HOLDER = r"(?:[Ii]ts|[Tt]heir)\s+(?:largest|biggest|main|controlling|majority|single\s+largest|principal)\s+" \
    r"(?:shareholder|owner)"
_ITS_HOLDER_BEFORE = re.compile(rf"\b{_ITS_HOLDER}\s*,?\s+(?:the\s+)?$")
_ITS_HOLDER_AFTER = re.compile(rf"\s*{BRACKETED},\s+{_ITS_HOLDER}\b")


# a venture that is not (or no longer) on: "its former joint venture", "the planned venture ... was scrapped"
_PAST_VENTURE = re.compile(rf"\b(?:{FORMER}|planned|proposed|mooted|failed|defunct|scrapped|abandoned)\b")
_VENTURE_ENDED = re.compile(r"\b(?:was|were|has\s+been|had\s+been|is\s+being|will\s+be)\s+(?:\w+ly\s+)?"
                            r"(?:sold|scrapped|dissolved|wound\s+up|unwound|ended|terminated|closed|abandoned|"
                            r"cancell?ed|shelved)\b|\b(?:collapsed|folded)\b|"
                            r"\b(?:(?:has|had)\s+)?(?:ended|closed)\b(?!\s+(?:the|its|their|a|an|\d))")   # "has ended", "ended in 2022"
_POSS_VENTURE = re.compile(r"[’']s?\s+(?:[a-z-]+\s+){0,2}?joint\s+venture\s+with\s+(?:the\s+)?")


def units(v: View) -> None:
    """"JASM, a TSMC subsidiary", "Mitratel, Telkom's tower subsidiary", "Bumar, another PGZ
    unit", "its mobile unit Telkomsel" -> part_of; "PIF, ... Ma'aden's largest shareholder" -> owns."""
    for y in v.mentions:
        if y.key == ALL or v.type(y) not in _HOLDERS:
            continue
        after = v.text[y.end:]
        units_are = _UNITS_INCLUDE.match(v.text, y.end)
        first = v.at_start(units_are.end()) if units_are is not None else None
        if first is not None and first.key != ALL:
            for item in v.listed(first, BODIES):     # "Omicron Steel's subsidiaries include A and B"
                if item.key not in (ALL, y.key):
                    v.add(item.key, "part_of", y.key, 0.65, "unit")
        if _UNIT_AFTER.match(v.text, y.end):
            x = v.before(y.start, BODIES, max_gap=80)
            if x is not None and x.key != ALL and re.fullmatch(
                    r"\s*" + BRACKETED + r",\s+(?:(?:a|an|the|another|its)\s+)?",
                    v.text[x.end:y.start]):
                v.add(x.key, "part_of", y.key, 0.65, "unit")
        share = _SHAREHOLDER.match(v.text, y.end)
        if share is not None:
            named = v.at_start(len(v.text) - len(v.text[share.end():].lstrip()))
            first = named if named is not None and named.key != ALL and v.type(named) in _HOLDERS else \
                next((m for m in v.mentions if m.key != ALL and v.type(m) in _HOLDERS), None)
            # "bought Kelso's parent Drava Holdings": Drava, named after the noun, owns Kelso
            if first is not None and first.key != y.key:
                v.add(first.key, "owns", y.key, 0.6, "unit")
        jv = _POSS_VENTURE.match(after)
        partner = v.at_start(y.end + jv.end()) if jv is not None else None
        x = v.before(y.start, BODIES, max_gap=4)
        if partner is not None and x is not None and partner.key not in (ALL, x.key) and \
                x.key not in (ALL, y.key) and v.type(partner) in _HOLDERS and \
                re.fullmatch(r"\s*" + BRACKETED + r",\s+", v.text[x.end:y.start]):
            # "Ultium Cells, GM's battery joint venture with LG Energy Solution": both own it
            v.add(y.key, "owns", x.key, 0.6, "unit")
            v.add(partner.key, "owns", x.key, 0.6, "unit")
        elif partner is not None and partner.key not in (ALL, y.key) and v.type(y) in _HOLDERS and \
                v.type(partner) in _HOLDERS and not negated(v, y.start) and jv is not None and \
                not _PAST_VENTURE.search(jv.group()) and not _VENTURE_ENDED.search(v.text):
            v.add(y.key, "partners_with", partner.key, 0.6, "unit")  # "approved Lambda's joint venture with Nu"
        holder = _ITS_HOLDER_BEFORE.search(v.text[:y.start]) or _ITS_HOLDER_AFTER.match(v.text, y.end)
        if holder is not None and v.type(y) in _HOLDERS and not negated(v, holder.start()):
            named = v.owner
            begin, _ = clause_span(v.text, min(holder.start(), y.start), y.end)
            owned = named.key if named is not None and named.key not in (ALL, y.key) and \
                begin <= named.start and named.end <= min(holder.start(), y.start) else v.last_body
            if owned is not None and owned != y.key:
                v.add(y.key, "owns", owned, 0.6, "unit")
        its = _ITS_UNIT.search(v.text[:y.start])
        if its is not None:
            # "Telkom ... its mobile unit Telkomsel"; "Its Chinese unit, Yihai": the firm before
            named = v.owner
            owner = named.key if named is not None and named.key != ALL and \
                named.end <= its.start() else v.last_body
            if owner is not None and owner != y.key:
                v.add(y.key, "part_of", owner, 0.6, "unit")


_PLACE_PAIR = re.compile(r"^(?:,\s+|\s+in\s+(?:the\s+)?|,\s+(?:also\s+)?in\s+(?:the\s+)?)$")


def place_in_place(v: View) -> None:
    """"Kikuyo, Kumamoto Prefecture", "Khavda in Gujarat's Kutch district", "Pune, Maharashtra"
    -> located_in; not inside a list of places ("Sumatra, Kalimantan and Sulawesi")."""
    places = [m for m in v.mentions if m.key != ALL and v.type(m) in _PLACES]
    for i, (a, b) in enumerate(zip(places, places[1:])):
        if v.type(a) != "location" or not _PLACE_PAIR.match(v.text[a.end:b.start]):
            continue
        b = v.possessed(b) if re.match(r"[’']s\s", v.text[b.end:]) else b
        if b.key == ALL or v.type(b) not in _PLACES:
            continue
        after = v.text[b.end:]
        if i and re.fullmatch(r",\s+|\s+and\s+", v.text[places[i - 1].end:a.start]):
            continue            # the second item of a list of places
        if re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]", after) and "," in v.text[a.end:b.start]:
            continue            # "Sumatra, Kalimantan and Sulawesi"
        v.add(a.key, "located_in", b.key, 0.6, "place-in-place")


_WHOSE_HEAD = re.compile(rf"\s*{BRACKETED},\s+whose\s+(?:[a-z-]+\s+){{0,2}}?(?:(?P<head>{_HEAD_WORDS})|"
                         rf"(?P<work>{_WORK_WORDS}))(?:\s+(?:is|was)\s+|,\s+)$", re.I)   # "whose chairman, P,"
_WHO_HEADS = re.compile(r"\s*" + BRACKETED + r",\s+who\s+(?:also\s+|now\s+|still\s+|already\s+)?"
                        r"(?:chairs|heads|leads|runs|founded|co-founded|chaired|headed)\s+(?:the\s+)?")
_ORG_STAFF = re.compile(rf"\s+(?:[a-z-]+\s+)?(?:(?P<head>{_HEAD_WORDS})|(?P<work>{_WORK_WORDS}))\b", re.I)


_TITLE_OF = re.compile(rf"\s*{BRACKETED},\s+{_NOT_FORMER}(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?:(?P<head>"
                       rf"{_HEAD_WORDS})|(?P<work>{_WORK_WORDS}))(?:\s+and\s+(?:{_HEAD_WORDS}))?"
                       rf"\s+of\s+(?:the\s+)?", re.I)


def person_clauses(v: View) -> None:
    """"X, whose chief executive is P" -> heads; "P, who also chairs X" -> heads;
    "P, a Masdar spokesman" -> works_for."""
    for p in v.mentions:
        if p.key == ALL or v.type(p) != "person":
            continue
        org = next((o for o in v.mentions if o.end <= p.start and o.key != ALL
                    and v.type(o) in BODIES | _PLACES
                    and _WHOSE_HEAD.fullmatch(v.text[o.end:p.start])), None)
        if org is not None:
            m = _WHOSE_HEAD.fullmatch(v.text[org.end:p.start])
            assert m is not None
            if v.type(org) in BODIES | {"government"} or m.group("head"):
                # "Assam, whose chief minister is P": a place someone heads is a government
                v.add(p.key, "heads" if m.group("head") else "works_for", org.key, 0.65,
                      "role-clause")
        title_of = _TITLE_OF.match(v.text[p.end:])
        if title_of is not None:
            o = v.at_start(p.end + title_of.end())
            if o is not None and o.key != ALL and v.type(o) in BODIES | {"government"}:
                # "said P, President and CEO of X"
                v.add(p.key, "heads" if title_of.group("head") else "works_for", o.key, 0.65,
                      "role-clause")
        who = _WHO_HEADS.match(v.text[p.end:])
        if who is not None:
            o = v.at_start(p.end + who.end())
            if o is not None and o.key != ALL and v.type(o) in BODIES | {"government"}:
                v.add(p.key, "heads", o.key, 0.65, "role-clause")
        app = re.match(r"\s*" + BRACKETED + r",\s+(?:a|an|the)\s+", v.text[p.end:])
        if app is not None:
            o = v.at_start(p.end + app.end())
            staff = _ORG_STAFF.match(v.text[o.end:]) if o is not None else None
            if o is not None and staff is not None and o.key != ALL and v.type(o) in BODIES:
                v.add(p.key, "heads" if staff.group("head") else "works_for", o.key, 0.65,
                      "role-clause")


_RIVAL = re.compile(r"\s*" + BRACKETED + r",\s+(?:(?P<its>its|their)|(?:a|an|the)\s+)?\s*(?:[\w-]+\s+){0,2}?"
                    r"(?:rival|competitor)\b")
_POSS_RIVAL = re.compile(POSS + r"\s+(?:[a-z-]+\s+){0,2}?(?:rival|competitor)\b")


_RIVALS_ARE = re.compile(POSS + r"\s+(?:[a-z-]+\s+){0,2}?(?:rivals|competitors)\s+(?:in\s+[\w\s-]+?\s+)?"
                         r"(?:include|are|were)\s+(?:the\s+)?")


_WITH_WHICH = re.compile(r"\s*" + BRACKETED + r",\s+with\s+(?:which|whom)\s+(?:the\s+)?")


def list_before(v: View, pos: int, types: frozenset[str]) -> list[int]:
    """The items of a list that ends at ``pos``: "A, B and C" before ", with which"."""
    out: list[int] = []
    edge = pos
    while True:
        prev = v.before(edge, types, max_gap=0)
        if prev is None or prev.key == ALL:
            break
        out.append(prev.key)
        gap = re.search(r"(?:\s*[（(][^)）]*[)）])?(?:\s+of\s+[A-Z][\w-]*)?(?:,\s+and\s+|,\s+|\s+and\s+)$",
                        v.text[:prev.start])
        if gap is None:
            break
        edge = gap.start()
    return out


def rivals(v: View) -> None:
    """"Ericsson, its Swedish rival" / "HD Hyundai, Hanwha's main rival" / "X's rivals include
    A and B" / "A, B and C, with which X is competing" -> competes_with."""
    for x in v.mentions:
        w = _WITH_WHICH.match(v.text, x.end)
        subj = v.at_start(w.end()) if w is not None else None
        if w is None or subj is None or subj.key == ALL or v.type(subj) not in BODIES or \
                not re.match(r"\s+(?:\w+\s+){0,2}?compet", v.text[subj.end:]):
            continue
        for rival_key in list_before(v, x.end, BODIES):
            if rival_key != subj.key:
                v.add(subj.key, "competes_with", rival_key, 0.6, "rival")
    for x in v.mentions:
        if x.key == ALL or v.type(x) not in BODIES | {"project"}:
            continue
        inc = _RIVALS_ARE.match(v.text, x.end)
        if inc is None:
            continue
        first = v.at_start(inc.end())
        for item in v.listed(first, BODIES | {"project"}) if first is not None else []:
            rival = v.possessed(item)
            if rival.key not in (x.key, ALL) and v.type(rival) in BODIES:
                v.add(rival.key, "competes_with", x.key, 0.6, "rival")
    for x in v.mentions:
        if x.key == ALL or v.type(x) not in BODIES:
            continue
        after = v.text[x.end:]
        m = _RIVAL.match(after)
        if m is not None and m.group("its") and v.owner is not None and v.owner.key not in (x.key, ALL):
            v.add(x.key, "competes_with", v.owner.key, 0.6, "rival")
            continue
        app = re.match(r"\s*" + BRACKETED + r",\s+", after)
        named = v.at_start(x.end + app.end()) if app is not None else None
        if named is not None and named.key not in (x.key, ALL) and v.type(named) in BODIES and \
                _POSS_RIVAL.match(v.text, named.end):
            v.add(x.key, "competes_with", named.key, 0.6, "rival")


_FACILITY = re.compile(r"\b(?:(?P<its>its|their)|(?P<poss>" + POSS + r"))\s+(?:[\w-]+\s+){0,3}?(?:plants|fabs|"
                       r"factories|facilities|mills?|mines|yards?|shipyards?|sites|centres?|"
                       r"centers?|offices?|refinery|refineries|terminals?|headquarters|operations|"
                       r"smelters?|warehouses?|(?:existing|older|original|other|current)\s+(?:[\w-]+\s+)?"
                       r"(?:plant|fab|factory|mine))\s+(?:in|at|near)\s+(?:the\s+)?")   # "its existing fab in Austin"


def facilities(v: View) -> None:
    """"from its mills in Pohang and Gwangyang", "Hanwha Ocean's yard in Geoje" -> operates_in
    (not for "its plant in X": a single plant is most often the article's project, located_in)."""
    for m in _FACILITY.finditer(v.text):
        if m.group("poss"):
            owner = v.at_end(m.start("poss"))
        else:
            owner = v.owner
            rel = re.search(r"(?:,\s+)?(?:which|that)\s+(?:has\s+|have\s+|also\s+)*(?:\w+\s+){0,2}$",
                            v.text[:m.start()])
            if rel is not None:     # "Applied Materials, ..., which has opened an engineering centre"
                near = v.before(rel.start() + 1, BODIES, max_gap=60)
                owner = near if near is not None else owner
        if owner is None or owner.key == ALL or v.type(owner) not in ("firm", "organization"):
            continue
        if not re.search(r"\b(?:existing|older|original|other|current)\s", m.group()) and \
                any(v.type(x) == "project" and m.start() <= x.start < m.end() for x in v.mentions):
            continue
        first = v.at_start(m.end())
        if first is None or v.type(first) not in _PLACES:
            continue
        places = v.listed(first, _PLACES)
        for prev, place in zip([None, *places], places):
            if prev is not None and is_division(v, place) and re.fullmatch(r",\s*", v.text[prev.end:place.start]):
                continue        # "in Gwangyang, South Korea": where the town is, not another site
            if place.key != ALL:
                v.add(owner.key, "operates_in", place.key, 0.55, "facility")


_ACTIVITY = re.compile(r"\b(?:assembl(?:e|es|ed|ing)|mak(?:e|es|ing)|made|produc(?:e|es|ed|ing)|"
                       r"runs|operat(?:e|es|ed|ing)|refin(?:e|es|ed|ing)|"
                       r"process(?:es|ed|ing)?|employ(?:s|ed)?|build(?:s|ing)?|built|"
                       r"open(?:s|ed|ing)?|expand(?:s|ed|ing)?|mines|pumps|keep(?:s|ing)?|kept|"
                       r"provid(?:e|es|ing))\s+(?!by\b)(?:(?!in\b|at\b|by\b)"
                       r"[\w$%.,-]+\s+){0,5}?"
                       r"(?:in|at)\s+(?:the\s+)?")


_BUILDS = re.compile(r"(?:build(?:s|ing)?|built|open(?:s|ed|ing)?|expand(?:s|ed|ing)?)\b")
# a side fact about another firm: "X, which is building a plant in P", "X is also building",
# "Wiwynn, a Wistron subsidiary, opened a plant in P"
_SIDE_FACT = re.compile(r"(?:\b(?:which|that|also)\b[^,;]*|,\s+(?:a|an|the)\s+[^,;]+,\s*)$")


def towns_listed(v: View, first: Mention) -> list[Mention]:
    """``first`` and the places coordinated with it by "and"/"or" ("in A and B"), not the state
    after a comma ("in Ciudad Juárez, Chihuahua": the state holds the city)."""
    places = [first]
    listed = v.listed(first, _PLACES)
    # "in Dublin, Frankfurt and Madrid": commas of a list that ends in "and" (towns, not states)
    series = len(listed) >= 3 and re.search(r"\b(?:and|or)\s+(?:in\s+|at\s+)?$",
                                             v.text[listed[-2].end:listed[-1].start]) is not None
    for place in listed[1:]:
        if not re.search(r"\b(?:and|or)\s+(?:in\s+|at\s+)?$", v.text[places[-1].end:place.start]) and \
                not (series and re.fullmatch(r",\s*", v.text[places[-1].end:place.start])
                     and not is_division(v, place) and not is_division(v, places[-1])):
            break
        places.append(place)
    return places


# a past participle right after a common noun is a reduced relative with no doer named:
# "vans built in Pune" (but "Kappa built", "which has built", "which already made")
_PARTICIPLE = re.compile(r"(?:built|made|produced|assembled|refined|processed|operated|opened|expanded|"
                         r"employed|kept)\b")
_AFTER_NOUN = re.compile(r"\b(?!(?:is|are|was|were|be|been|being|has|have|had|already|also|then|once|"
                         r"later|first|now|just|it|they|which|that|who|and|or|year|month|week|quarter|day|"
                         r"decade|company|group|firm|carmaker|maker|miner|producer|unit|business|government|"
                         r"ministry|state)\b)(?![a-z-]+ly\b)"
                         r"[a-z][a-z-]+\s+$")


def activities(v: View) -> None:
    """"X assembles servers in A and B", "X, which is based in Y, runs mines in A" ->
    X operates_in each place (a firm's own activity; a project's place is located_in)."""
    last: tuple[int, int] | None = None       # (end of the previous activity's places, its doer)
    for m in _ACTIVITY.finditer(v.text):
        if negated(v, m.start()):
            continue
        if _BUILDS.match(v.text, m.start()) and not _SIDE_FACT.search(v.text[max(0, m.start() - 60):m.start()]):
            continue            # "X will build a plant in P" is most often the article's project
        if _PARTICIPLE.match(v.text, m.start()) and _AFTER_NOUN.search(v.text[max(0, m.start() - 30):m.start()]):
            continue            # "vans built in Pune", "cells made in Hungary": whose work is not said
        first = v.at_start(m.end())
        if first is None or first.key == ALL or v.type(first) not in _PLACES:
            continue
        side_build = _BUILDS.match(v.text, m.start()) is not None
        if any(x.key == ALL or v.type(x) == "firm" or (v.type(x) == "project" and not side_build)
               for x in v.mentions if m.start() <= x.start < m.end()):
            continue            # "X, which is building a battery plant in P": X works in P too
        owner = clause_subject(v, m.start(), frozenset({"firm"}))
        if last is not None and re.fullmatch(r"\s*(?:,\s*)?and\s+", v.text[last[0]:m.start()]):
            owner = last[1]     # "which mines in A and processes in B": the same doer
        if owner is None:
            continue
        places = towns_listed(v, first)
        last = (places[-1].end, owner)
        for place in places:
            if place.key != ALL and not is_country(v, place):
                v.add(owner, "operates_in", place.key, 0.55, "activity")


_ITS_PROJECT = re.compile(r"(?:\s+\d{1,2})?\s*" + BRACKETED + r",\s+(?:its|their)\s+(?:[\w$.,-]+\s+){0,5}?"
                          r"(?:farm|plant|mine|fab|factory|gigafactory|refinery|smelter|terminal|project|"
                          r"shipyard|complex)\b(?P<where>\s+(?:(?:south|north|east|west)\s+of|in|at|near|"
                          r"off|outside)\s+(?:the\s+)?)?")


def its_project(v: View) -> None:
    """"X resumed work on P, its offshore wind farm south of Long Island" -> X leads P, P
    located_in Long Island."""
    for p in v.mentions:
        if p.key == ALL or v.type(p) != "project":
            continue
        m = _ITS_PROJECT.match(v.text, p.end)
        if m is None:
            continue
        owner = clause_subject(v, p.start, BODIES)
        if owner is not None and owner != p.key:
            v.add(owner, "leads", p.key, 0.6, "its-project")
        place = v.at_start(m.end()) if m.group("where") else None
        if place is not None and place.key != ALL and v.type(place) in _PLACES:
            v.add(p.key, "located_in", place.key, 0.6, "its-project")


_BARE_STAKE = re.compile(r"\b(?:owns|own|holds|hold|held|keeps|retains|has|have)\s+(?:(?:about|around|nearly|"
                         r"almost|roughly|some|another)\s+)?(?:\d[\d.,]*\s*(?:%|per\s*cent)|the\s+rest|"
                         r"the\s+remainder|the\s+remaining\s+\S+|"
                         r"an?\s+(?:\d[\d.,]*\s*(?:%|per\s*cent)\s+)?stake)(?!\s+(?:of|in|stake)\b)")


def bare_stakes(v: View) -> None:
    """"A owns 51% of X, and B holds the rest" (or "B holds a 5% stake") -> B owns X too (the
    firm this sentence has already said is owned)."""
    for m in _BARE_STAKE.finditer(v.text):
        owned = [b for a, t, b, _, _ in v.facts if t == "owns"]
        holder = clause_subject(v, m.start(), _HOLDERS)
        if owned and holder is not None and holder != owned[-1] and \
                not negated(v, m.start()):
            v.add(holder, "owns", owned[-1], 0.6, "stake-rest")


# "X, the Chengdu-based producer", "X is a Seoul-based chipmaker"
_BASED_APPOSITION = re.compile(r"\s*" + BRACKETED + r"(?:,|\s+(?:is|was|has\s+been|remains))\s+(?:a|an|the)\s+")
_DESK = re.compile(r"\b(?:analyst|strategist|economist|researcher)s?\s+(?:at|with)\s+(?:the\s+)?", re.I)


# "Analyst: Liam Hughes, Perth, for Canaccord Genuity." (an analyst note's signature)
_SIGNED = re.compile(r"^\s*(?:Analysts?|Author|By)\s*:\s*")


def desk_city(v: View) -> None:
    """"P, an analyst at X in Seoul" -> X operates_in Seoul; "Analyst: P, City, for X" -> P
    works_for X, X operates_in City; "X, the Chengdu-based producer" -> X located_in Chengdu."""
    if _SIGNED.match(v.text):
        people = [x for x in v.mentions if x.key != ALL and v.type(x) == "person"]
        firm = next((x for x in v.mentions if x.key != ALL and v.type(x) in BODIES
                     and re.search(r"\bfor\s+(?:the\s+)?$", v.text[:x.start])), None)
        signed = _SIGNED.match(v.text)
        names = [x for x in v.mentions if x.key != ALL and v.type(x) == "firm"
                 and signed is not None and x.start == signed.end()]
        for x in names:             # "Analyst: Liam Hughes, ...": a person signs a note
            v.table[x.key].type = "person"
            people.append(x)
        if people and firm is not None:
            for p in people:
                v.add(p.key, "works_for", firm.key, 0.6, "desk-city")
            city = next((x for x in v.mentions if x.key != ALL and v.type(x) == "location"
                         and x.start < firm.start), None)
            if city is not None:
                v.add(firm.key, "operates_in", city.key, 0.55, "desk-city")
    for x in v.mentions:
        based = _BASED_APPOSITION.match(v.text, x.end)
        place = v.at_start(based.end()) if based else None
        if place is not None and x.key != ALL and place.key != ALL and v.type(x) in BODIES and \
                v.type(place) in _PLACES and re.match(r"-based\b", v.text[place.end:]):
            v.add(x.key, "located_in", place.key, 0.6, "based")
    for m in _DESK.finditer(v.text):
        org = v.at_start(m.end())
        if org is None or org.key == ALL or v.type(org) not in BODIES:
            continue
        at = re.match(r"\s*" + BRACKETED + r"\s+in\s+", v.text[org.end:])
        place = v.at_start(org.end + at.end()) if at else None
        if place is not None and place.key != ALL and v.type(place) == "location":
            v.add(org.key, "operates_in", place.key, 0.55, "desk-city")


_HEAD_TITLE = re.compile(r"(?:^|[^\w])(?P<title>Governor|President|Prime\s+Minister|Chief\s+Minister|Mayor|"
                         r"Premier|Chancellor)\s+$")


def title_heads(v: View) -> None:
    """"Governor Josh Shapiro said" / "Prime Minister X ... Japan's": a head of government whose
    country or state is not written before the title heads the one government the sentence
    names (a governor: the one sub-national government or place)."""
    for p in v.mentions:
        if p.key == ALL or v.type(p) != "person":
            continue
        m = _HEAD_TITLE.search(v.text[:p.start])
        if m is None or any(f[0] == p.key and f[1] == "heads" for f in v.facts):
            continue
        if v.at_end(m.start("title") - 1) is not None:
            continue            # "Kansas Governor Laura Kelly": the roles stage has it
        local = m.group("title") in ("Governor", "Mayor", "Chief Minister", "Premier")
        cands = {x.key for x in v.mentions if x.key != ALL and (
            (v.type(x) in ("government", "location") and not is_country(v, x)) if local
            else (v.type(x) == "government" and is_country(v, x)))}
        if len(cands) == 1:
            v.add(p.key, "heads", next(iter(cands)), 0.55, "title-heads")
        elif not cands and not local and m.group("title") in ("President", "Prime Minister"):
            # "President P attended the restart": the country the article has named most,
            # when one clearly leads
            govs = sorted((e.mentions, e.key) for e in v.table
                          if e.type == "government" and e.mentions > 0
                          and is_country(v, Mention(0, 0, e.key)))
            if govs and govs[-1][0] >= 3 and (len(govs) == 1 or govs[-1][0] >= 2 * govs[-2][0]):
                v.add(p.key, "heads", govs[-1][1], 0.5, "title-heads")


_SUPPLIER_OF = re.compile(r"\s*" + BRACKETED + r",\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?P<kind>supplier|customer|client|buyer)\s+(?:to|of)\s+(?:the\s+)?")
_POSS_SUPPLIER = re.compile(POSS + r"\s+(?:[\w-]+\s+){0,2}?(?P<kind>supplier|customer|client)\s+(?:the\s+)?")
# (or one: "Sigma's other big customer is Tau Compute", "Its main supplier remains A")
_LIST_OF = re.compile(r"\b(?:(?P<its>[Ii]ts|[Tt]heir|[Oo]ur)|(?P<poss>" + POSS + r"))\s+(?:[\w-]+\s+){0,2}?(?P<kind>customers|buyers|"
                      r"clients|suppliers)\s+(?:are|were|include|included|will\s+include|"
                      r"(?:are|is)\s+expected\s+to\s+include)\s+(?:the\s+)?|"
                      r"\b(?:(?P<its1>[Ii]ts|[Tt]heir|[Oo]ur)|(?P<poss1>" + POSS + r"))\s+(?:[\w-]+\s+){0,2}?(?P<kind1>customer|buyer|"
                      r"client|supplier)\s+(?:is|was|remains|will\s+be|has\s+been)\s+(?:the\s+)?")


_ITS_SUPPLIER = re.compile(r"\s*" + BRACKETED + r",\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?P<kind>supplier|customer|client|buyer)\b(?!\s+(?:to|of)\b)")


def _speaker_after(v: View, pos: int) -> Mention | None:
    """The body credited after ``pos`` at the sentence's end ("Its largest customers are A and B,
    Zeta said"): who "its" means when nothing was named before it."""
    return next((x for x in v.mentions if x.start > pos and x.key != ALL and v.type(x) in BODIES
                 and re.search(r",\s+(?:the\s+)?$", v.text[:x.start])
                 and re.match(r"\s+(?:said|says|added|reported|announced)\b", v.text[x.end:])), None)


def whose(v: View, m: re.Match[str], poss: str) -> Mention | None:
    """Whose noun a match opens: the name before its "'s" (group ``poss``); for "its", "their"
    or "our", the body named before it, else the previous sentence's subject."""
    if m.group(poss):
        return v.at_end(m.start(poss))
    owner = next((x for x in reversed(v.mentions) if x.end <= m.start() and x.key != ALL
                  and v.type(x) in BODIES), None) or _speaker_after(v, m.end())
    if owner is None and v.last_actor is not None:
        owner = Mention(0, 0, v.last_actor, anaphor=True)
    return owner


def nominal_supply(v: View) -> None:
    """"Y, a supplier to X" / "X's supplier Y" / "its largest customers are A and B" -> supplies."""
    def add(supplier: int, buyer: int) -> None:
        if supplier != ALL and buyer != ALL:
            v.add(supplier, "supplies", buyer, 0.6, "nominal")

    for y in v.mentions:
        if y.key == ALL or v.type(y) not in _SUPPLIERS:
            continue
        m = _SUPPLIER_OF.match(v.text[y.end:])
        x = v.at_start(y.end + m.end()) if m is not None else None
        if x is not None and v.type(x) in _RECEIVERS:
            if m is not None and m.group("kind") == "supplier":
                add(y.key, x.key)
            else:
                add(x.key, y.key)
        its = _ITS_SUPPLIER.match(v.text[y.end:])
        owner = v.owner
        if its is not None and owner is not None and owner.key not in (ALL, y.key) and \
                v.type(owner) in _SUPPLIERS and owner.start < y.start:
            # "demand from Tesla, its largest customer": the firm the sentence is about sells
            if its.group("kind") == "supplier":
                add(y.key, owner.key)
            else:
                add(owner.key, y.key)
        p = _POSS_SUPPLIER.match(v.text, y.end)
        z = v.at_start(p.end()) if p is not None else None
        if p is not None and z is not None and v.type(z) in _SUPPLIERS:
            if p.group("kind") == "supplier":
                add(z.key, y.key)
            else:
                add(y.key, z.key)
    for m in _LIST_OF.finditer(v.text):
        poss = "poss" if m.group("poss") or m.group("kind") else "poss1"
        kind = (m.group("kind") or m.group("kind1") + "s")
        if m.group(poss):
            owner = v.at_end(m.start(poss))
        else:           # "its": the firm named before it, else the previous sentence's subject
            owner = next((x for x in reversed(v.mentions) if x.end <= m.start() and x.key != ALL
                          and v.type(x) in BODIES), None) or _speaker_after(v, m.end())
            if owner is None and v.last_actor is not None:
                owner = Mention(0, 0, v.last_actor, anaphor=True)
        first = v.at_start(m.end())
        if owner is None or first is None or owner.key == ALL or (m.group("kind1") and v.type(owner) == "project"):
            continue        # ("the plant's main customer will be X": the plant's owner sells, left to others)
        for item in map(v.possessed, v.listed(first, _RECEIVERS)):   # "France's Orano": Orano
            if item.key in (owner.key, ALL):
                continue
            if kind == "suppliers":
                add(item.key, owner.key)
            else:
                add(owner.key, item.key)


_MONEY_TO = re.compile(r"\b(?:loans?|grants?|subsid(?:y|ies)|financing|funding|credit\s+line)\s+"
                       r"(?:of\s+\S*\d\S*\s+(?:(?:million|billion|crore)\s+)?)?(?:to|for)\s+(?:the\s+|its\s+)?")
_GIVE_X = re.compile(r"\b(?:giv(?:e|es|en)|gave|award(?:s|ed)?|offer(?:s|ed)?|grant(?:s|ed)?|"
                     r"lend(?:s)?|lent)\s+(?=[A-Za-z])")
_RECEIVED = re.compile(r"\b(?:receiv\w*|won|wins|win|secur\w*|got|gets|obtain\w*|appl\w*|seek\w*|sought|"
                       r"ask\w*|request\w*|need\w*|want\w*|hop\w*|expect\w*|award\w*\s+by|"
                       r"from)\b")


def money_to(v: View) -> None:
    """"Commerce finalised a $4.7 billion grant to Samsung" -> the giver funds the receiver (the
    clause subject gives; not when it received, sought or expects the money)."""
    givers = frozenset({"government", "ministry", "agency", "fund", "organization", "firm"})
    for m in _GIVE_X.finditer(v.text):      # "will give the yard a $20 million training grant"
        target = v.at_start(m.end()) or v.after(m.end(), _RECEIVERS, max_gap=12)
        if target is None or target.key == ALL or negated(v, m.start()):
            continue
        rest = v.text[target.end:]
        if not re.match(r"\s+(?:a|an|another|the)\s+(?:[\w$€£¥₹.,-]+\s+){0,5}?(?:loans?|grants?|subsid(?:y|ies)|"
                        r"credits?|incentives?|aid|funding|tax\s+breaks?|guarantees?)\b", rest):
            continue
        begin, _ = clause_span(v.text, m.start(), m.end())
        giver = subject_between(v, begin, m.start(), givers | {"location"})   # a state that gives: government
        if giver is not None and giver != target.key:
            v.add(giver, "funds", target.key, 0.6, "money-to")
    for m in _MONEY_TO.finditer(v.text):
        begin, end = clause_span(v.text, m.start(), m.end())
        if _RECEIVED.search(v.text[begin:m.start()]) or \
                negated(v, m.start()):
            continue
        target = v.at_start(m.end())
        giver = subject_between(v, begin, m.start(), givers)
        if target is None or giver is None or target.key in (ALL, giver) or \
                v.type(target) not in _RECEIVERS:
            continue
        for t in v.listed(target, _RECEIVERS):
            if t.key not in (ALL, giver):
                v.add(giver, "funds", t.key, 0.6, "money-to")
