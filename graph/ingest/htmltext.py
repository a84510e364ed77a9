"""HTML -> plain text with the stdlib :mod:`html.parser` (stage 1, HTML only).

Scripts, styles, navigation and other non-article parts are dropped; headings
become ``# `` lines and list items ``• `` lines so that later stages see the
same shapes as in Markdown or plain text. The page title, publication date and
canonical URL are kept for the draft's ``source`` block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import InputError

SKIP = frozenset("script style noscript template svg nav footer aside form button iframe "
                 "object select textarea head".split())
BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr section article header blockquote pre ul "
                   "ol table dd dt figcaption main hr".split())
DATE_META = frozenset("article:published_time og:published_time date pubdate publishdate "
                      "dc.date dcterms.date datepublished publication_date".split())
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0                 # depth inside skipped elements
        self.in_title = False
        self.title: list[str] = []
        self.h1: list[str] | None = None
        self.h1_done = False
        self.date: str | None = None
        self.url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in DATE_META and not self.date and _ISO_DATE.match(a.get("content", "")):
                self.date = _ISO_DATE.match(a["content"]).group(1)  # type: ignore[union-attr]
            if key == "og:url" and not self.url:
                self.url = a.get("content") or None
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical":
            self.url = a.get("href") or self.url
            return
        if tag == "time" and not self.date and _ISO_DATE.match(a.get("datetime", "")):
            self.date = _ISO_DATE.match(a["datetime"]).group(1)  # type: ignore[union-attr]
        if tag == "title":
            self.in_title = True
        if tag in SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in BLOCKS:
            self.out.append("\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("# ")
            if tag == "h1" and not self.h1_done:
                self.h1 = []
        elif tag == "li":
            self.out.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "h1" and self.h1 is not None:
            self.h1_done = True
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        self.out.append(" ".join(data.split("\n")))


def html_to_text(html: str) -> Page:
    """The readable text of an HTML page, one block per line.

    >>> html_to_text("<p>Hi <script>x()</script>there</p>").text
    'Hi there'
    """
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient; be safe anyway
        raise InputError(f"cannot read the HTML: {exc}") from None
    lines = [" ".join(line.split()) for line in "".join(parser.out).split("\n")]
    text = "\n".join(line for line in lines if line and line not in ("#", "•"))
    title = " ".join("".join(parser.h1 or []).split()) or _site_less(" ".join("".join(parser.title).split()))
    return Page(text, title or None, parser.date, parser.url)


def _site_less(title: str) -> str:
    """``"Story | Site"`` -> ``"Story"``."""
    return re.split(r"\s+[|–—]\s+", title)[0] if title else title
