"""The records the ingest stages pass along: an article, its sentences, the
mentions found in them, and the draft entities and relations they add up to.

Offsets are character positions in :attr:`Sentence.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Types whose names are proper nouns: matched case-sensitively ("US" is not "us").
PROPER_TYPES = frozenset({"government", "ministry", "agency", "firm", "person",
                          "organization", "location", "agreement"})


@dataclass
class Article:
    """One input document as plain text, with what its markup told us."""

    name: str                      # file name as given ("-" for stdin)
    text: str
    kind: str = "text"             # text | markdown | html
    title: str | None = None       # from <title>/<h1> when the markup says so
    date: str | None = None        # ISO date from <meta>, when present
    url: str | None = None         # canonical URL from <link>/<meta>, when present


@dataclass
class Block:
    """A paragraph, heading or bullet of cleaned text."""

    text: str
    kind: str = "para"             # para | heading | bullet


@dataclass
class Sentence:
    text: str
    index: int
    section: int = 0               # sections start at headings
    heading: bool = False


@dataclass
class Candidate:
    """Something a detector believes names an entity, at a span of a sentence."""

    start: int
    end: int
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    priority: int = 50             # breaks ties between overlapping spans of equal length
    rule: str = ""
    seed_id: str | None = None     # set when the gazetteer matched a known seed entity
    words: frozenset[str] = frozenset()   # content words, for project/fund merging
    amount: str | None = None      # "55000000000$" for amount-named funds
    cls: str | None = None         # FAC | PRG | GEN | FUND for project/fund phrases
    merge_only: bool = False       # too vague to name something new ("a deep-sea terminal")
    native: str | None = None      # the CJK/Korean/Japanese name bracketed right after it
    loose: bool = False            # may be the short form of a longer name in its own sentence

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class EntityDraft:
    key: int
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    seed_id: str | None = None     # reuse this id: the entity is already in the seeds
    seed_aliases: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    amount: str | None = None
    cls: str | None = None
    priority: int = 0
    first: int = 0                 # index of the sentence that introduced it
    named_in: set[int] = field(default_factory=set)   # sentences that name it in full
    review: list[str] = field(default_factory=list)   # phrases behind aliases proposed for a seed
    natives: set[str] = field(default_factory=set)    # bracketed native names given right after it
    mentions: int = 0
    id: str = ""                   # minted at the end

    def labels(self) -> list[str]:
        return [self.name, *self.aliases]

    def add_alias(self, alias: str) -> None:
        from ..resolve import normalize
        alias = " ".join(alias.split())
        if alias and normalize(alias) not in {normalize(x) for x in self.labels()}:
            self.aliases.append(alias)


@dataclass
class Mention:
    """A resolved mention: an entity (by key) at a span of a sentence."""

    start: int
    end: int
    key: int
    anaphor: bool = False          # "the plant", "this project": refers back to a topic
    side: bool = False             # a facility named in passing: never the section's topic


@dataclass
class RelationDraft:
    source: int                    # entity keys
    type: str
    target: int
    evidence: str
    confidence: float
    rule: str
    article: int = 0               # index of the article it came from
