"""The entities of a draft, merged as they are found (stage: entity resolution).

One name, alias or bilingual form is one entity: a candidate whose label is
already known joins that entity. Projects and funds also merge by their words
("the crude oil terminal project" is the "deep-sea crude oil terminal") and
funds by their amount. Entities of the seed folder keep their seed id.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..model import Dataset, Entity
from ..resolve import normalize
from .doc import Candidate, EntityDraft
from .lexicon import is_common, country_by_code, org_words
from .precision import separate_body

_BODY_TYPES = frozenset({"firm", "organization", "agency", "ministry"})
_FAMILIES = ({"firm", "organization", "agency", "ministry", "fund"},
             {"location", "government"}, {"sector", "technology"})


# the name forms below are pure and asked for every entity at every short name: cached
@lru_cache(maxsize=8192)
def stem(name: str) -> str:
    """A body's name without its trailing organisation words: "SoftBank Group" -> "SoftBank"."""
    words = name.split()
    suffixes = org_words()["suffix"]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    if len(words) > 2 and words[0] == "PT":
        words.pop(0)        # "PT Kappa Nickel Tbk" -> "Kappa Nickel" (an Indonesian firm's prefix)
    return " ".join(words)


# "Kappa Oil Corporation" after "Kappa Oil" (a headline's short form): the same firm
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Corporation|Corp\.?|Company|Co\.?|Inc\.?|Ltd\.?|Limited|"
                           r"PLC|plc|LLC|AG|SE|Tbk)$|^PT\s+(?=\S+\s)")   # "PT Kappa Nickel Tbk"
# ... and "Kappa Motor Co., Ltd." after "Kappa Motor"
_CO_LTD = re.compile(r",?\s+(?:Co|Corp)\.?,?\s+(?:Ltd\.?|Limited|Inc\.?)$")


def initials(name: str) -> str:
    """"Taiwan Semiconductor Manufacturing Company" -> "TSMC" (capitalised words only)."""
    words = [w for w in re.split(r"[\s,-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@lru_cache(maxsize=8192)
def initial_forms(name: str) -> frozenset[str]:
    """Acronyms a name may go by: "Contemporary Amperex Technology Co. Limited" -> CATCL, CATL, CAT."""
    out = {initials(name), initials(stem(name)),
           initials(" ".join(w for w in name.split() if w not in ("Co.", "Co", "&")))}
    return frozenset(x for x in out if x)


def phrase_key(labels: list[str]) -> tuple[frozenset[str], str | None, str | None]:
    """Content words, class and amount of a known project or fund, from its labels."""
    from .phrases import MONEY, amount_key, phrases
    words: set[str] = set()
    cls = amount = None
    for label in labels:
        found = [p for p in phrases(label) if p.end == len(label.rstrip())]
        if found:
            words |= found[-1].content
            cls = cls or found[-1].cls
        m = MONEY.search(label)
        if m and amount is None:
            amount = amount_key(m)
    return frozenset(words), cls, amount


def compatible(a: str, b: str) -> bool:
    """Types that may name the same thing (a generic ``organization`` is any body)."""
    if a == b:
        return True
    if "organization" in (a, b):
        return (a if b == "organization" else b) in _FAMILIES[0]
    return any(a in f and b in f for f in _FAMILIES[1:])


def classes_fit(a: str | None, b: str | None) -> bool:
    """Project classes: a generic "project" fits a facility or a programme."""
    return a == b or "GEN" in (a, b) or a is None or b is None


class EntityTable:
    def __init__(self, seeds: Dataset | None = None):
        self.items: list[EntityDraft] = []
        self._by_label: dict[str, list[int]] = {}
        self._by_seed: dict[str, int] = {}
        self._forms: dict[str, list[int]] = {}    # a name form -> entities it may stand for
        self.seeds = seeds
        self._tied: set[tuple[str, int]] = set()   # (label, entity) the article tied in one bracket

    def __iter__(self) -> Iterator[EntityDraft]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: int) -> EntityDraft:
        return self.items[key]

    # -- lookups -----------------------------------------------------------
    def lookup(self, label: str, etype: str | None = None) -> EntityDraft | None:
        """The one entity known by ``label`` (of a type compatible with ``etype``)."""
        keys = self._by_label.get(normalize(label), [])
        found = [self.items[k] for k in keys if etype is None or compatible(self.items[k].type, etype)]
        return found[0] if len(found) == 1 else None

    def find_phrase(self, words: frozenset[str], cls: str | None, etype: str,
                    amount: str | None = None) -> EntityDraft | None:
        """The project/fund these words (or this amount) describe, if exactly one."""
        found = []
        for e in self.items:
            if e.type != etype:
                continue
            if amount is not None and e.amount == amount:
                return e
            if words and e.words and classes_fit(e.cls, cls) and (words <= e.words or e.words <= words):
                found.append(e)
        return found[0] if len(found) == 1 else None

    def named_by_part(self, word: str) -> list[EntityDraft]:
        """The entities whose name opens or closes with ``word`` ("Sarma" of "Himanta Biswa Sarma"):
        looked up in the name-form index, not a scan of the table."""
        keys = {*self._forms.get("prefix=" + word, ()), *self._forms.get("suffix=" + word, ())}
        return [self.items[k] for k in sorted(keys)]

    # -- adding ------------------------------------------------------------
    def add(self, cand: Candidate, sentence: int) -> EntityDraft | None:
        """Merge ``cand`` into a known entity, or create one; None if it is too vague."""
        entity = self._native_holder(cand) or self._match(cand, sentence)
        if entity is not None and cand.native and entity.natives and cand.native not in entity.natives \
                and normalize(cand.name) != normalize(entity.name) \
                and (normalize(cand.name), entity.key) not in self._tied \
                and not native_short_form(cand.native, entity.natives):
            # "Zeta (泽塔绿能)" and "Zeta Group (泽塔集团)": each name comes with its own native
            # name, so the shorter is not a short form of the longer
            entity = None
        if entity is None:
            if cand.merge_only:
                return None
            entity = self._create(cand, sentence)
        else:
            self._merge(entity, cand)
        if cand.name == entity.name:
            entity.named_in.add(sentence)
        if cand.native and not self.held_by_other(cand.native, entity.key):
            entity.natives.add(cand.native)
        return entity

    def held_by_other(self, native: str, key: int) -> bool:
        """Whether an entity other than ``key`` already has ``native`` as an alias: a native name
        names one body, the first the article gave it to."""
        return any(k != key for k in self._by_label.get(normalize(native), ()))

    def add_seed(self, seed: Entity, sentence: int) -> EntityDraft:
        key = self._by_seed.get(seed.id)
        if key is not None:
            return self.items[key]
        entity = EntityDraft(len(self.items), seed.type, seed.name, [], seed.country, seed.id,
                             frozenset(normalize(x) for x in seed.labels()), first=sentence,
                             priority=100)
        if seed.type in ("project", "fund"):
            entity.words, entity.cls, entity.amount = phrase_key(seed.labels())
        self.items.append(entity)
        self._by_seed[seed.id] = entity.key
        for label in seed.labels():
            self._index(label, entity.key)
        return entity

    def country(self, code: str, sentence: int) -> EntityDraft:
        """The government entity of an ISO country code, created when first needed."""
        info = country_by_code()[code]
        for label in (info.name, *info.aliases):
            found = self.lookup(label, "government")
            if found is not None:
                return found
        seed = self._seed_for(info.name, "government")
        if seed is not None:
            return self.add_seed(seed, sentence)
        return self._create(Candidate(0, 0, "government", info.name, country=code, priority=60,
                                      rule="country"), sentence)

    def add_alias(self, entity: EntityDraft, alias: str, phrase: str | None = None) -> None:
        """Give ``entity`` another label.

        An entity of the seed folder gets one only when the article ties the two
        names in one phrase: ``phrase`` is the name the alias is attached to
        ("Contemporary Amperex Technology (宁德时代)") and must already be one of the
        seed's labels. Such proposals are listed in ``entity.review``.
        """
        if entity.seed_id is not None:
            if normalize(alias) in entity.seed_aliases:
                return
            if phrase is None or normalize(phrase) not in entity.seed_aliases:
                return
            entity.review.append(f"{phrase} ({alias})")
        entity.add_alias(alias)
        self._index(alias, entity.key)

    def tie(self, entity: EntityDraft, alias: str, phrase: str) -> None:
        """An alias the article gives in the name's own bracket ('(国家集成电路产业投资基金, the
        "Big Fund")'): a later "Big Fund (大基金)" is this entity whatever native name it brings."""
        self.add_alias(entity, alias, phrase)
        self._tied.add((normalize(alias), entity.key))

    # -- internals ---------------------------------------------------------
    def _native_holder(self, cand: Candidate) -> EntityDraft | None:
        """"Later, Zeta (泽塔电池科技) raised ...": a shorter name that brings the native name one
        entity already holds is that entity (not another "Zeta ..." nor one of its own), when
        its words are all words of one of the entity's names."""
        if not cand.native or cand.seed_id is not None:
            return None
        # (looked up by label, not a scan of the table: the native name is one of its holder's labels)
        holders = [self.items[k] for k in sorted(self._by_label.get(normalize(cand.native), ()))
                   if cand.native in self.items[k].natives]
        if len(holders) != 1:
            return None
        words = set(cand.name.split())
        holder = holders[0]
        return holder if any(words <= set(label.split()) for label in (holder.name, *holder.aliases)) \
            else None

    def _match(self, cand: Candidate, sentence: int = -1) -> EntityDraft | None:
        if cand.seed_id is not None:
            key = self._by_seed.get(cand.seed_id)
            if key is not None:
                return self.items[key]
            seed = self.seeds.entities[cand.seed_id] if self.seeds else None
            return self.add_seed(seed, 0) if seed is not None else None
        for label in (cand.name, *cand.aliases):
            found = self.lookup(label, cand.type)
            if found is not None:
                return found
        place = self._place_form(cand.name)
        if place is not None:
            return place
        if cand.type in _BODY_TYPES:
            found = self._short_form(cand.name, sentence, same_sentence=cand.loose)
            if found is not None:
                return found
        if cand.type in ("project", "fund"):
            found = self.find_phrase(cand.words, cand.cls, cand.type, cand.amount)
            if found is not None:
                return found
        seed = self._seed_for(cand.name, cand.type, cand.aliases)
        if seed is not None:
            return self.add_seed(seed, 0)
        return None

    def _short_form(self, name: str, sentence: int = -1,
                    same_sentence: bool = False) -> EntityDraft | None:
        """"Infineon" is "Infineon Technologies"; "TSMC" is "Taiwan Semiconductor
        Manufacturing Company" (and the other way round). A short form in a sentence that
        also names the longer one is another entity ("Vale Base Metals, a unit of Vale"), unless
        ``same_sentence`` says it opens a later clause as its subject ("Kappa Pharma's deal ...
        after Kappa agreed")."""
        whole = name.split()[-1] in org_words()["suffix"] and len(name.split()) > 1
        # "Novo Nordisk Foundation" is not "Novo Nordisk": a foundation is a body of its own
        forms = {None if separate_body(name) else stem(name), _LEGAL_SUFFIX.sub("", name),
                 _CO_LTD.sub("", name), _unprefixed(name),
                 _unprefixed(_LEGAL_SUFFIX.sub("", name))}   # of this name
        # the entities each test may pass for, looked up in the forms index (not a scan)
        near = {k for f in (*forms, *initial_forms(name)) if f for k in self._forms.get("=" + f, ())}
        near.update(self._forms.get("stem=" + name, ()), self._forms.get("unprefixed=" + name, ()),
                    self._forms.get("initials=" + name, ()), self._forms.get("legal=" + name, ()))
        found = [e for e in map(self.items.__getitem__, sorted(near))
                 if e.type in _BODY_TYPES and e.seed_id is None
                 and ((stem(e.name) == name and not whole and sentence not in e.named_in
                       and not separate_body(e.name))
                      or e.name in forms or _unprefixed(e.name) == name
                      or _LEGAL_SUFFIX.sub("", e.name) == name      # "Rho Systems" of "Rho Systems Ltd"
                      or (name.isupper() and name in initial_forms(e.name)
                          and not (e.name.startswith(name + " ") and sentence in e.named_in))
                      or (e.name.isupper() and len(e.name) > 2 and e.name in initial_forms(name)))
                 and e.name != name]
        if not found and " of " in name:
            # "Serum Institute of India" after "Serum Institute"
            head, _, rest = name.rpartition(" of ")
            from .lexicon import place_labels
            if rest in place_labels():
                found = [e for e in map(self.items.__getitem__, self._forms.get("=" + head, ()))
                         if e.type in _BODY_TYPES and e.seed_id is None and e.name == head]
        if not found and not whole and _can_be_short(name):
            # "Ford" after "Ford Motor Company", "Ronbay" after "Ronbay Technology"
            part = sorted({*self._forms.get("prefix=" + name, ()), *self._forms.get("suffix=" + name, ())})
            found = [e for e in map(self.items.__getitem__, part)
                     if e.type in _BODY_TYPES | {"project"}
                     and e.seed_id is None and e.name != name
                     and ((e.first != sentence and sentence not in e.named_in)
                          or (same_sentence and e.type != "project" and e.name.startswith(name + " ")))
                     and (e.name.startswith(name + " ") or e.name.endswith(" " + name))
                     and not (e.type == "project" and _named_after(e.name, name))]
        bodies = [e for e in found if e.type in _BODY_TYPES]
        if len(found) > 1 and len(bodies) == 1:
            return bodies[0]    # "Rho Systems" after "Rho Systems Ltd." and "Rho Systems AI server plant"
        return found[0] if len(found) == 1 else None

    def _index_forms(self, entity: EntityDraft) -> None:
        """The forms of a new entity's name that a short name is compared with (_short_form)."""
        name = entity.name
        keys = {"=" + name, "stem=" + stem(name), "initials=" + name, "legal=" + _LEGAL_SUFFIX.sub("", name)}
        keys.update("initials=" + f for f in initial_forms(name))
        if _unprefixed(name):
            keys.add(f"unprefixed={_unprefixed(name)}")
        for i, ch in enumerate(name):
            if ch == " ":       # "Ford" for "Ford Motor Company", "Motor" for "Ford Motor"
                keys.update(("prefix=" + name[:i], "suffix=" + name[i + 1:]))
        for k in keys:
            self._forms.setdefault(k, []).append(entity.key)

    def _place_form(self, name: str) -> EntityDraft | None:
        """"Kumamoto" is Kumamoto Prefecture, "Hamburg" the City of Hamburg (and back)."""
        forms = {f"{name} {w}" for w in _DIVISIONS} | {f"{w} of {name}" for w in _SEATS}
        short = _long_forms(name)
        near = sorted({k for f in forms | short for k in self._forms.get("=" + f, ())})
        found = [e for e in map(self.items.__getitem__, near) if e.type in ("government", "location")
                 and e.seed_id is None and (e.name in forms or e.name in short)]
        return found[0] if len(found) == 1 else None

    def _seed_for(self, name: str, etype: str, aliases: tuple[str, ...] = ()) -> Entity | None:
        if self.seeds is None:
            return None
        wanted = {normalize(x) for x in (name, *aliases)}
        hits = [e for e in self.seeds.entities.values()
                if compatible(e.type, etype) and wanted & {normalize(x) for x in e.labels()}]
        return hits[0] if len(hits) == 1 else None

    def _create(self, cand: Candidate, sentence: int) -> EntityDraft:
        entity = EntityDraft(len(self.items), cand.type, cand.name, [], cand.country,
                             words=cand.words, amount=cand.amount, cls=cand.cls,
                             priority=cand.priority, first=sentence)
        self.items.append(entity)
        self._index(cand.name, entity.key)
        self._index_forms(entity)
        for alias in cand.aliases:
            self.add_alias(entity, alias)
        return entity

    def _merge(self, entity: EntityDraft, cand: Candidate) -> None:
        if cand.priority > entity.priority and entity.seed_id is None and cand.type != entity.type:
            entity.type, entity.priority = cand.type, cand.priority
        if entity.country is None and cand.country and entity.seed_id is None:
            entity.country = cand.country
        if cand.words and entity.type in ("project", "fund"):
            entity.words = entity.words | cand.words
            if entity.cls in (None, "GEN") and cand.cls not in (None, "GEN"):
                entity.cls = cand.cls
        for label in (cand.name, *cand.aliases):
            self.add_alias(entity, label)

    def _index(self, label: str, key: int) -> None:
        keys = self._by_label.setdefault(normalize(label), [])
        if key not in keys:
            keys.append(key)


# the legal forms a native name may carry or leave out: 株式会社 (KK), 주식회사 (Co., Ltd.),
# 股份有限公司 / 有限公司 (Co., Ltd.)
_NATIVE_LEGAL = re.compile(r"^(?:株式会社|주식회사|\(株\)|（株）)\s*|\s*(?:株式会社|주식회사|股份有限公司|"
                           r"有限公司|有限会社)$")


def native_short_form(native: str, natives: set[str]) -> bool:
    """Whether ``native`` opens one of ``natives`` or is opened by it, as a short form of a
    name opens it ("聯華半導體" of "聯華半導體製造公司"), a legal form aside ("株式会社さくらセル" is
    "さくらセル"); "泽塔绿能" and "泽塔集团" only share a word.

    >>> native_short_form("聯華半導體", {"聯華半導體製造公司"}), native_short_form("泽塔绿能", {"泽塔集团"})
    (True, False)
    >>> native_short_form("株式会社さくらセル", {"さくらセル"}), native_short_form("浙江金龙镍钴", {"金龙镍钴"})
    (True, True)
    """
    bare = _NATIVE_LEGAL.sub("", native)
    return len(bare) >= 2 and any(
        len(b) >= 2 and (_opens(bare, b) or _opens(b, bare))
        for b in (_NATIVE_LEGAL.sub("", n) for n in natives))


def _opens(short: str, long: str) -> bool:
    """``short`` opens ``long``, or follows a province's name of at most three characters
    ("金龙镍钴" in "浙江金龙镍钴")."""
    at = long.find(short)
    return at == 0 or (0 < at <= 3 and len(short) >= 3)


def _named_after(project: str, body: str) -> bool:
    """"Zeta Biologics plant" is named after the firm Zeta Biologics, not its long name."""
    from .lexicon import FACILITY_HEADS
    rest = project[len(body):].split() if project.startswith(body + " ") else []
    # a one-word name is more often the place the facility is named after ("Grasberg mine")
    return len(body.split()) >= 2 and bool(rest) and rest[-1].lower() in FACILITY_HEADS


@lru_cache(maxsize=8192)
def _unprefixed(name: str) -> str | None:
    """"U.S. Federal Trade Commission" -> "Federal Trade Commission" (a country word dropped);
    "Zhejiang Jinlong Nickel Cobalt" -> "Jinlong Nickel Cobalt" (a province's)."""
    from .lexicon import country_code, place_labels
    words = name.split()
    if len(words) >= 3 and (words[0] in ("U.S.", "US", "UK", "EU") or country_code(words[0])
                            or words[0] in place_labels()):
        return " ".join(words[1:])
    return None


def _can_be_short(name: str) -> bool:
    """A name that may stand for a longer one: a real word of a name, not a common one."""
    from .lexicon import place_labels
    words = name.split()
    return 1 <= len(words) <= 3 and len(name) >= 3 and name not in place_labels() \
        and not all(is_common(w) for w in words)


_DIVISIONS = ("Prefecture", "County", "Province", "Regency", "District", "Region", "State")
_SEATS = ("City", "State", "Republic", "Province", "Commonwealth", "Government")


def _long_forms(name: str) -> set[str]:
    """"Kumamoto Prefecture" -> {"Kumamoto"}; "City of Hamburg" -> {"Hamburg"}."""
    words = name.split()
    out = set()
    if len(words) >= 2 and words[-1] in _DIVISIONS:
        out.add(" ".join(words[:-1]))
    if len(words) >= 3 and words[0] in _SEATS and words[1] == "of":
        out.add(" ".join(words[2:]))
    return out
