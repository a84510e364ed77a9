"""Round 7 guards that need the entity table or the name chunker (precision.py holds the
ones on words and text alone, which names.py and entities.py use, so it imports neither).

- :func:`legislatures`: "in Congress", "the Bundestag" name an organisation;
- :func:`place_named_unit`: "TSMC Arizona, which is led by P" is one body;
- :func:`misread`: a relation whose sentence says otherwise;
- :func:`without_wider_places`: a project is located in its town, not also the town's state.
"""

from __future__ import annotations

import re

from .doc import Candidate, RelationDraft
from .entities import EntityTable
from .names import runs
from .precision import CLAUSE_RULES, former_role, legislature, only_a_possessor, only_outside


def legislatures(text: str) -> list[Candidate]:
    """Candidates for the parliaments a sentence names ("criticised by lawmakers in Congress").

    >>> [(c.type, c.name) for c in legislatures("Critics in Congress and the Bundestag objected.")]
    [('organization', 'Congress'), ('organization', 'Bundestag')]
    """
    return [Candidate(run.start, run.end, "organization", run.text(text), priority=65,
                      rule="legislature")
            for run in runs(text) if legislature(run.words)]


def place_named_unit(text: str, start: int, place: int, end: int, table: EntityTable) -> bool:
    """Whether "<name> <place>" is a unit named after where it works: "TSMC Arizona, which
    is led by P", "IDA Ireland said": the words before the place are an acronym or a body
    the article names, and no facility word follows ("TSMC Arizona fab" is a project).

    >>> from graph.ingest.entities import EntityTable
    >>> place_named_unit("Delays at ZTC Arizona, which is led by P.", 10, 14, 21, EntityTable())
    True
    >>> place_named_unit("Delays at ZTC Arizona fab hurt.", 10, 14, 21, EntityTable())
    False
    """
    head = text[start:place].strip()
    if not head or re.match(r"\s*\d", text[end:]) or re.match(r"\s+[a-z]", text[end:]) and not re.match(r"\s+(?:is|has|was|will|said|says|"
                                                                    r"which|who|and|to)\b", text[end:]):
        return False        # "TSMC Arizona fab", "Plant Kentucky 1": the place opens a phrase
    if re.fullmatch(r"[A-Z][A-Z&]{1,5}", head):
        return True
    known = table.lookup(head)
    return known is not None and known.type in ("firm", "organization", "agency")


def without_wider_places(relations: list[RelationDraft], table: EntityTable) -> list[RelationDraft]:
    """Relations without "P located_in R" where the project P is also located in a place C
    that lies in R: "the plant in West Lafayette, Indiana" is in West Lafayette, and West
    Lafayette in Indiana; the plant's place is the narrower one, the wider follows from it."""
    inside = {(r.source, r.target) for r in relations if r.type == "located_in"}
    places: dict[int, set[int]] = {}
    for r in relations:
        if r.type == "located_in" and table[r.source].type == "project":
            places.setdefault(r.source, set()).add(r.target)
    return [r for r in relations
            if not (r.type == "located_in" and table[r.source].type == "project"
                    and any((c, r.target) in inside for c in places[r.source] if c != r.target))]


def misread(r: RelationDraft, table: EntityTable) -> bool:
    """A relation whose sentence says otherwise: a country named only as a body's owner
    taken for the clause's actor, a place named as where something is not, a person
    who left the post."""
    if r.rule.split("+")[0] in CLAUSE_RULES and any(
            only_a_possessor([table[k].labels()], r.evidence) for k in (r.source, r.target)
            if table[k].type in ("government", "location")):
        return True
    if r.type in ("located_in", "operates_in") and only_outside(table[r.target].labels(), r.evidence):
        return True
    return r.type in ("heads", "works_for") and former_role(
        table[r.source].labels(), r.evidence, tuple(table[r.target].labels()))
