"""Names given in two scripts, and acronyms in brackets (stage 4).

"SoftBank Group (软银集团)", "Panasonic Energy（パナソニック エナジー）" and
"European Semiconductor Manufacturing Company (ESMC)" each name one entity: the
bracketed part becomes an alias of the name before it, never an entity of its
own. "软银集团 (SoftBank Group)" works the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .entities import native_short_form
from .gazetteer import CJK_CLASS as _CJK_CLASS
from .names import Run, from_place, runs

# "Kappa Motors（卡帕汽车，KM）", "(卡帕能源; カッパエネルギー)", "(KM; 卡帕汽车)": the first CJK name;
# a Latin form before it or anything after a separator inside the bracket is left out
# ... "(Chinese: 华锂; pinyin: Huáli)": a language's name before a colon is left out too
# ... and a stock ticker before it: "(600519.SS; 泽塔科技)", "(KRX: 005930, 제타전자)"
_TICKER = r"(?:[A-Z]{2,9}\s*[:：]\s*)?(?:\d{3,6}|[A-Z]{1,5})(?:\.[A-Z]{1,3})?"
# ... and quotes around it, or the language after it: '(“泽塔科技”)', "(泽塔科技 in Chinese)"
_IN_LANGUAGE = r"(?:\s+in\s+(?:Chinese|Mandarin|Cantonese|Japanese|Korean|Hangul|kanji))?"
# (the Latin form is Latin letters only: "(SK제톤, SK泽通)" keeps SK제톤)
_LATIN_FORM = rf"[A-Za-z](?:(?![{_CJK_CLASS}])[\w&.'’ -]){{0,39}}?"
_PAREN_CJK = re.compile(rf"\s*[（(]\s*(?:(?:{_LATIN_FORM}|{_TICKER})\s*[,，;；、:：]\s*)?[“\"「]?"
                        rf"((?:[A-Za-z0-9]{{1,6}}\s?)?[{_CJK_CLASS}][{_CJK_CLASS}\w\s·・-]*?)[”\"」]?{_IN_LANGUAGE}"
                        r"\s*(?:[,，;；、]\s*[^()（）,，;；、]{1,40}?\s*)?[）)]")
# "Saudi Arabian Mining Company (Ma'aden)", "Taiwan Power Company (Taipower)": a short name
# ... or defined in quotes, as press releases do: 'Kappa Agri Holdings ("Kappa Agri")', '(hereafter "KAH")'
_DEFINED = r"(?:(?:hereafter|hereinafter|or)\s+)?[\"“]?"
_PAREN_SHORT = re.compile(r"\s*[（(]\s*" + _DEFINED + r"([A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,2})[\"”]?\s*[）)]")
_PAREN_ACRONYM = re.compile(r"\s*[（(]\s*" + _DEFINED + r"([A-Z](?:-?[A-Z0-9&]){1,7})[\"”]?\s*[）)]")   # "(K-SURE)"
_CJK_BEFORE_LATIN = re.compile(rf"([{_CJK_CLASS}][{_CJK_CLASS}·・]*)\s*[（(]\s*([A-Z][^()（）]{{1,60}}?)\s*[）)]")


@dataclass(frozen=True)
class Pair:
    """``name`` at ``[start, end)`` is also known as ``alias`` (bracket at ``paren``)."""

    start: int
    end: int
    alias: str
    paren: tuple[int, int]
    script: str          # cjk | acronym | latin (a Latin name in brackets after CJK) | also
    # (an acronym or short name beside a CJK name in its bracket)


_LOW_MINISTRY = re.compile(r"\b[a-z]+\s+ministry\s*$")


def find_pairs(text: str) -> list[Pair]:
    """Bilingual and acronym pairs in a sentence.

    >>> [(p.alias, p.script) for p in find_pairs("SoftBank Group (软银集团) and Bank X（BX）")]
    [('软银集团', 'cjk'), ('BX', 'acronym')]
    """
    out: list[Pair] = []
    by_end = {r.end: r for r in runs(text)}
    seen: set[int] = set()
    for pattern, script in ((_PAREN_CJK, "cjk"), (_PAREN_ACRONYM, "acronym"),
                            (_PAREN_SHORT, "short")):
        for m in pattern.finditer(text):
            run = by_end.get(m.start()) or _run_before_quote_or_ticker(text, m.start(), by_end)
            end = 0
            low = re.search(r"\s[a-z]{3,}$", text[:m.start()]) if run is None and script == "cjk" else None
            if low is not None:
                # "SK hynix (SK하이닉스)": a lower-case word ends the name when the CJK name
                # opens with the capitalised word before it
                before = by_end.get(low.start())
                if before is not None and m.group(1).startswith(before.tokens[0].text):
                    run, end = before, m.start()
            ministry = _LOW_MINISTRY.search(text[:m.start()]) if run is None and script == "cjk" else None
            if ministry is not None:
                # "China's commerce ministry (商务部)": a ministry named in lower case
                alias = " ".join(m.group(1).split())
                seen.add(m.start())
                out.append(Pair(ministry.start(), ministry.start() + len(ministry.group().rstrip()),
                                alias, (m.start(), m.end()), script))
                continue
            if run is not None and all(t.text.rstrip(".") in _SUFFIXES for t in run.tokens):
                # "Zeta Heavy Co., Ltd. (泽塔重工)": the name before the suffix
                comma = re.search(r"\S,\s*$", text[:run.start])
                run = by_end.get(comma.start() + 1) if comma else None
            if run is None or m.start() in seen:
                continue
            alias = " ".join(m.group(1).split())
            if script == "cjk" and _names_a_pair(text, run, alias):
                continue
            run = _without_title_of(run)
            if script == "acronym" and (alias[0] != run.tokens[0].text[0] or len(run.tokens) < 2):
                continue
            if script == "short" and (len(run.tokens) < 2 or _is_place(alias)
                                      or len(alias.split()) >= len(run.tokens)):
                continue
            seen.add(m.start())
            out.append(Pair(run.start, end or _name_end(run), alias, (m.start(), m.end()),
                            "acronym" if script == "short" else script))
    for m in _CJK_BEFORE_LATIN.finditer(text):
        out.append(Pair(m.start(1), m.end(1), m.group(2).strip(), (m.end(1), m.end()), "latin"))
    out += [also for p in out if p.script == "cjk" for also in _also_named(text, p)]
    return sorted(out, key=lambda p: p.start)


_TICKER_PAREN = re.compile(r"\s*[（(]\s*" + _TICKER + r"\s*[）)]$")
_CLOSING_QUOTE = re.compile(r"[\"”]$")


def _run_before_quote_or_ticker(text: str, at: int, by_end: dict[int, Run]) -> Run | None:
    """The name a bracket at ``at`` follows across a stock ticker's own bracket ("Zeta Corp.
    (NYSE: ZTK) (泽塔)") or the quotes the name stands in ('"Zeta Corp." (泽塔)')."""
    window = max(0, at - 60)        # (both end right before the bracket: a window, not the whole text)
    ticker = _TICKER_PAREN.search(text, window, at)
    if ticker is not None:
        return by_end.get(ticker.start())
    quote = _CLOSING_QUOTE.search(text, window, at)
    run = by_end.get(quote.start()) if quote is not None else None
    return run if run is not None and text[max(run.start - 1, 0):run.start] in ('"', "“") else None


def apart_by_native(known: dict[str, str], texts: Iterable[str]) -> dict[str, str]:
    """``known`` (short name -> the full name it stands for) without the short names the article
    brackets with a native name of their own, one the full name's bracket does not share or open:
    "Zeta (泽塔绿能) ... Zeta Group (泽塔集团)" name two bodies, whichever comes first.

    >>> apart_by_native({"Zeta": "Zeta Group"}, ["Zeta (泽塔绿能) signed.", "Zeta Group (泽塔集团) did."])
    {}
    >>> apart_by_native({"Zeta": "Zeta Group"}, ["Zeta (泽塔) signed.", "Zeta Group (泽塔集团) did."])
    {'Zeta': 'Zeta Group'}
    """
    if not known:
        return known
    natives: dict[str, set[str]] = {}
    for text in texts:
        for p in find_pairs(text):
            if p.script == "cjk":
                natives.setdefault(text[p.start:p.end], set()).add(p.alias)
            elif p.script == "latin":       # "泽塔绿能 (Zeta)"
                natives.setdefault(p.alias, set()).add(text[p.start:p.end])
    return {short: full for short, full in known.items()
            if not (natives.get(short) and natives.get(full)
                    and not any(native_short_form(n, natives[full]) for n in natives[short]))}


# the words a body's native name ends with (a company, group, bank, ministry ...), never a person's:
# "カッパホールディングス", "卡帕集团", not "김민준"
BODY_NATIVE = re.compile(r"(?:会社|公司|集团|集團|控股|银行|銀行|ホールディングス|グループ|商事|工業|工业|"
                         r"그룹|홀딩스|은행|전자|공사|部|省|局|厅|廳)$")


# the acronym or defined short name beside the CJK name in one bracket: "(한국무역보험공사, K-SURE)",
# "(K-SURE, 한국무역보험공사)", '(国家集成电路产业投资基金, the "Big Fund")'
_ACRONYM = r"[A-Z](?:-?[A-Z0-9&]){1,7}"
_ALSO_AFTER = re.compile(r"[,，;；、]\s*(?:the\s+)?(?:(" + _ACRONYM + r")|[\"“]([A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,2})[\"”])"
                         r"\s*[)）]$")
_ALSO_BEFORE = re.compile(r"\s*[（(]\s*(" + _ACRONYM + r")\s*[,，;；、]")


def _also_named(text: str, p: Pair) -> list[Pair]:
    """The other names a CJK name's bracket gives the name before it ("also" pairs): an acronym
    that starts as the name does ("Korea Trade Insurance Corporation (K-SURE, ...)"), or a short
    name in quotes."""
    inside = text[p.paren[0]:p.paren[1]]
    after, before = _ALSO_AFTER.search(inside), _ALSO_BEFORE.match(inside)
    acronym = (after.group(1) if after else None) or (before.group(1) if before else None)
    short = after.group(2) if after else None
    if acronym is not None and acronym[0] == text[p.start]:
        return [Pair(p.start, p.end, acronym, p.paren, "also")]
    return [Pair(p.start, p.end, short, p.paren, "also")] if short is not None else []


# "和" (and), "合资" (joint venture): a CJK name for two bodies or for their venture
_PAIR_NATIVE = re.compile(r"[{0}]{{2,}}[和与與及][{0}]{{2,}}|合资|合資|合弁|합작".format(_CJK_CLASS))


def _names_a_pair(text: str, run: Run, alias: str) -> bool:
    """"a venture between Jinlong and Antam (金龙安塔姆合资公司)", "Kappa and Zeta (卡帕和泽塔)": the
    bracket after the second of two names joined by "and" names both or their venture, not it."""
    return re.search(r"(?:\band|&)\s+$", text[:run.start]) is not None \
        and _PAIR_NATIVE.search(alias) is not None


def _without_title_of(run: Run) -> Run:
    """"Chairman of Kappa Group (卡帕集团) Li Ming": the body after a title and "of"."""
    from .names import title_words
    words = run.words
    if len(words) > 2 and words[0] in title_words() and "of" in words[1:3]:
        at = words.index("of") + 1
        if at < len(words):
            return Run(run.tokens[at].start, run.end, run.tokens[at:])
    return run


_SUFFIXES = frozenset("Ltd Limited Inc Co Corp LLC PLC plc AG SE NV SA GmbH Tbk KK".split())
def _name_end(run: Run) -> int:
    """Where the name before a bracket ends: "Lumen Materials of China (流明材料)" is Lumen
    Materials, from China; "Export-Import Bank of Korea (...)" is one name."""
    return from_place(run).end


def _is_place(name: str) -> bool:
    from .lexicon import place_labels
    return name in place_labels()
