"""People and the bodies they head or work for, from role phrases (stage 6).

- title before the name: "US Commerce Secretary Lutnick", "Japanese Minister of
  Economy, Trade and Industry Akazawa Ryo", "Kansas Governor Laura Kelly",
  "TSMC chairman C.C. Wei";
- role after the name: "Mei Ling, a senior strategist at Goldman Sachs Asia",
  "Kazuo Tadanobu, chief executive of Panasonic Energy";
- a name after a verb of saying: "says Mei Ling", "notes Kenji Tanaka".

Each gives a person candidate and, when the body is named or implied, a
:class:`RoleFact` that the pipeline turns into ``heads`` or ``works_for``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from .doc import Candidate
from .lexicon import BRACKETED, CORPORATE_TITLE_WORDS, FORMER, country_code, is_common, org_words, place_labels, places, portfolios, roles
from .names import Run, Token, run_at, runs
from .precision import ends_attribution, owns_a_role

_SPEECH = re.compile(r"\b(?:says|said|notes|noted|adds|added|explains|explained|told|writes|wrote|"
                     r"argues|argued|warns|warned|according to)\s+$")
_AFTER_NAME = re.compile(r"^(?:\s*[（(][^)）]*[)）])?,\s+(?:(?:a|an|the)\s+)?(?P<role>[^,.;:()]{1,60}?)"
                         r"\s+(?P<prep>at|of|with|for)\s+(?:the\s+)?$")
_TITLED_ORG = re.compile(r"(?:(?:" + "|".join(sorted(CORPORATE_TITLE_WORDS)) + r")\s+)+of\s+(?:the\s+)?(?![^,;]*?\bat\s+[A-Z])")   # (not "of Global Sales at X")


@lru_cache(maxsize=1)
def _head_roles() -> frozenset[str]:
    """The titles that head a body ("chief executive", "chairman"), lower case, from the roles table."""
    return frozenset(r.lower() for r, role in roles().items() if role.kind == "heads" and role.target == "org")


@dataclass(frozen=True)
class RoleFact:
    """``person`` (a span) heads or works for a body given as a span or a description."""

    person: tuple[int, int]
    kind: str                                # heads | works
    org: tuple[int, int] | None = None       # span of the body's name in the sentence
    portfolio: tuple[str, ...] = ()          # "Commerce" -> the ministry of commerce
    country: str | None = None               # ISO code from "US", "Japanese"
    place: tuple[int, int] | None = None     # "Kansas" in "Kansas Governor"
    title: str = ""


def find_roles(text: str) -> tuple[list[Candidate], list[RoleFact]]:
    """Person candidates and role facts of one sentence."""
    cands: list[Candidate] = []
    facts: list[RoleFact] = []
    all_runs = runs(text)
    for i, run in enumerate(all_runs):
        got = _title_before(text, run) or _lower_title(text, all_runs, i)
        if got is not None:
            cand, fact = got
            cands.append(cand)
            if fact is not None:
                facts.append(fact)
            continue
        after = _role_after(text, all_runs, i) or _minister(text, run)
        if after is not None:
            cands.append(after[0])
            if after[1] is not None:
                facts.append(after[1])
            continue
        if _SPEECH.search(text[:run.start]) and _person_name(run.tokens) and len(run.tokens) >= 2 \
                and not owns_a_role(text[run.end:]) and ends_attribution(text[run.end:]):
            cands.append(_person(text, run.start, run.end, "speech", 75))
    return cands, facts


def _person(text: str, start: int, end: int, rule: str, priority: int = 80,
            country: str | None = None) -> Candidate:
    return Candidate(start, end, "person", text[start:end], country=country, priority=priority,
                     rule=rule)


def _title_before(text: str, run: Run) -> tuple[Candidate, RoleFact | None] | None:
    """"US Commerce Secretary Lutnick": a capitalised title inside the run."""
    toks = list(run.tokens)
    words = [t.text for t in toks]
    at = None
    for k in range(len(words) - 1, -1, -1):
        two = " ".join(words[k:k + 2])
        if two in roles() and roles()[two].target != "org":
            at, width = k, 2
            break
        if words[k] in roles() and words[k][:1].isupper():      # "Chairman", "Director"
            at, width = k, 1
            break
    if at is None:
        return None
    role = roles()[" ".join(words[at:at + width])]
    if width == 1 and words[at + 1:at + 2] == ["General"] and words[at] + "-General" in roles():
        width, role = 2, roles()[words[at] + "-General"]    # "Director General P": the hyphen left out
    rest = toks[at + width:]
    portfolio: list[str] = []
    if rest and rest[0].text in ("of", "for"):
        taken, portfolio = _portfolio(rest[1:])
        if not portfolio:
            return None
        rest = rest[1 + taken:]
    if not rest or not _person_name(tuple(rest)):
        return None
    pre = _without_rank(toks[:at])
    country, place, org = None, None, None
    for t in pre:
        code = country_code(t.text)
        if code:
            country = code
    pre_words = [t.text for t in pre if not country_code(t.text)]
    pre_portfolio = [w for w in pre_words if w in portfolios()]
    if pre and not pre_portfolio and not country:
        if " ".join(pre_words) in _place_names():
            place = (pre[0].start, pre[-1].end)
        else:
            org = (pre[0].start, pre[-1].end)
    of = _OF_AFTER_NAME.match(text, run.end)
    body = run_at(text, of.end()) if of and org is None and role.target == "org" else None
    if body is not None and body.text(text) not in place_labels():
        org = (body.start, body.end)    # "Chairman Lee Kappa of Zeta Holdings" (not "… of Munich")
    person = _person(text, rest[0].start, rest[-1].end, "role-title", 80, country)
    fact = RoleFact((person.start, person.end), role.kind,
                    org=org if role.target == "org" else None,
                    portfolio=tuple(portfolio or pre_portfolio), country=country,
                    place=place, title=role.word)
    if role.target == "ministry" and not fact.portfolio:
        return person, None  # "Japanese Minister Akazawa Ryo": which ministry is not said
    return person, fact


# "Chairman Lee Kappa (이카파) of Zeta Holdings": the person's native name may come between
_OF_AFTER_NAME = re.compile(r"(?:\s*[（(][^()（）]{1,40}[)）])?\s+of\s+")
# words that rank a title ("Vice Chairman", "Managing Director"), not a body's name before it
_RANKS = frozenset("Vice Deputy Executive Senior Managing Acting Assistant Associate".split())


def _without_rank(pre: list[Token]) -> list[Token]:
    """The words before a title without the rank ending them: "Vice" of "Vice Chairman"."""
    while pre and pre[-1].text in _RANKS:
        pre = pre[:-1]
    return pre


def _lower_title(text: str, all_runs: tuple[Run, ...],
                 i: int) -> tuple[Candidate, RoleFact | None] | None:
    """"TSMC chairman C.C. Wei": organisation, lower-case title, name."""
    if i == 0:
        return None
    org, run = all_runs[i - 1], all_runs[i]
    title = text[org.end:run.start].strip().lower()
    whole = f"{org.text(text).lower()} {title}"
    if len(org.tokens) == 1 and whole in roles() and roles()[whole].target == "org" \
            and _person_name(run.tokens) and not text[:org.start].strip(" \"“‘'"):
        # "Chief executive Kwak Noh-jung said ...": a title opening the sentence, no body named
        return _person(text, run.start, run.end, "role-title"), None
    if title not in roles() or roles()[title].target != "org" or not _person_name(run.tokens):
        return None
    person = _person(text, run.start, run.end, "role-title")
    return person, RoleFact((run.start, run.end), roles()[title].kind, org=(org.start, org.end),
                            title=title)


def _role_after(text: str, all_runs: tuple[Run, ...], i: int) -> tuple[Candidate, RoleFact | None] | None:
    """"Mei Ling (梅玲), a senior strategist at Goldman Sachs Asia"."""
    if i + 1 >= len(all_runs):
        return None
    run, org = all_runs[i], all_runs[i + 1]
    m = _AFTER_NAME.match(text[run.end:org.start])
    titled = _TITLED_ORG.match(text, org.start) if re.fullmatch(r"\s*" + BRACKETED + r",\s+(?:the\s+)?",
                                                                 text[run.end:org.start]) else None
    span = (org.start, org.end)
    if m is None and titled is not None and titled.end() < org.end:
        # "Klaus Weber, Chief Executive Officer of Omega Chemicals": a capitalised title, one run
        m = re.match(r"(?P<role>.+?)\s+(?P<prep>of)\s+(?:the\s+)?$", text[org.start:titled.end()])
        span = (titled.end(), org.end)
    if m is None or not _person_name(run.tokens) or len(run.tokens) < 2:
        return None
    role_text = m.group("role").lower()
    words = role_text.split()
    found = [r for r in roles() if r.islower() and re.search(rf"\b{re.escape(r)}\b", role_text)]
    if not found or len(words) > 8:
        return None
    heads = m.group("prep") == "of" and any(r in _head_roles() for r in found) \
        and words[0] in _head_roles() | {w.split()[0] for w in _head_roles()}
    person = _person(text, run.start, run.end, "role-after")
    if re.search(rf"\b{FORMER}\b|\bex-", role_text):
        return person, None     # "a former executive of X": no longer works there
    return person, RoleFact((run.start, run.end), "heads" if heads else "works",
                            org=span, title=role_text)


# a minister named with a lower-case title: "P, Oman's minister of energy and minerals", "P, Indonesia's
# energy minister", "Indonesia's energy minister, P", "Energy minister P"
_PORTFOLIO_WORDS = r"[a-z]+(?:(?:,\s+|\s+and\s+|\s+)[a-z]+){0,4}?"
_WHOSE = r"(?:(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)[’']s\s+|the\s+(?P<dem>[A-Z][a-z]+)\s+)"
_MINISTER_AFTER = re.compile(rf"\s*(?:[（(][^)）]*[)）])?,\s+{_WHOSE}(?:(?P<pre>{_PORTFOLIO_WORDS})\s+)?minister"
                             rf"(?:\s+(?:of|for)\s+(?P<post>{_PORTFOLIO_WORDS}))?(?=\s*[,.;]|\s+(?:said|says|told)\b)")
_MINISTER_BEFORE = re.compile(rf"(?:^|[.;:]\s+|,\s+|\bsaid\s+|\bsays\s+){_WHOSE}?(?P<pre>[A-Za-z]+(?:\s+and\s+[a-z]+)?)"
                              r"\s+minister\s*,?\s+$")


def _minister(text: str, run: Run) -> tuple[Candidate, RoleFact] | None:
    """A person and the ministry a lower-case "minister" title gives them (portfolio and country)."""
    m = _MINISTER_AFTER.match(text, run.end) or _MINISTER_BEFORE.search(text, max(0, run.start - 80), run.start)
    if m is None or len(run.tokens) < 2 or not _person_name(run.tokens):
        return None
    words = " ".join(w for w in (m.group("pre"), m.groupdict().get("post")) if w)
    found = _portfolio([Token(w, 0, 0, "word") for w in
                        re.findall(r"[A-Za-z]+|,", words.title().replace(" And ", " and "))])[1]
    country = country_code(m.group("country") or "") or country_code(m.group("dem") or "")
    if not found:
        return None
    person = _person(text, run.start, run.end, "role-minister", 80, country)
    return person, RoleFact((run.start, run.end), "heads", portfolio=tuple(found), country=country,
                            title="Minister")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(p.name for p in places())


def _portfolio(toks: list[Token]) -> tuple[int, list[str]]:
    """Read "Economy, Trade and Industry" off the front of ``toks``."""
    found: list[str] = []
    k = 0
    while k < len(toks):
        for p in portfolios():
            n = len(p.split())
            if " ".join(t.text for t in toks[k:k + n]) == p:
                found.append(p)
                k += n
                break
        else:
            break
        if k < len(toks) and toks[k].text in (",", "and", "&"):
            k += 1
            if k < len(toks) and toks[k].text == "and":
                k += 1
    return k, found


def _person_name(toks: tuple[Token, ...]) -> bool:
    """1-3 capitalised tokens that are not ordinary words, titles, bodies or places."""
    if not 1 <= len(toks) <= 3:
        return False
    suffixes = org_words()["suffix"]
    for t in toks:
        w = t.text
        if not w[:1].isupper() or is_common(w) or w in roles() or w in suffixes \
                or country_code(w) or any(c.isdigit() for c in w):
            return False
    name = " ".join(t.text for t in toks)
    return name not in _place_names()
