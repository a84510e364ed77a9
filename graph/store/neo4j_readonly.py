"""Which user queries ``kg cypher`` runs: read queries only, by allow-lists.

A query runs only if it passes every check, in this order:

1. **Text** (:func:`check_text`): no ``\\uXXXX`` escape outside what a
   string needs (Neo4j decodes those before it reads the query, so the text
   checked here would not be the query run); the first clause is a read
   clause; every clause keyword is a read one (``MATCH``, ``OPTIONAL MATCH``,
   ``WHERE``, ``WITH``, ``UNWIND``, ``RETURN``, ``ORDER BY``, ``SKIP``,
   ``LIMIT``, ``UNION``, ``CALL { subquery }``, ``FINISH``) — ``CREATE``,
   ``MERGE``, ``SET``, ``DELETE``, ``REMOVE``, ``FOREACH``, ``LOAD CSV``,
   ``SHOW``, ``TERMINATE``, ``USE``, ``IN TRANSACTIONS`` and every
   administration command are refused by name; ``CALL`` of a procedure only
   for :data:`READ_PROCEDURES`; namespaced functions only from
   :data:`FUNCTION_NAMESPACES` (a plugin's function could fetch or write).
2. **Plan** (:func:`check_plan`): Neo4j's own parser and planner
   (``EXPLAIN``) must call it a read query (type ``r``) and every operator of
   its plan must be one of :data:`READ_OPERATORS`.
3. **Run**: in a read transaction with a timeout (``--timeout``).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..errors import InputError

# Clause words kg cypher runs, and the others it knows and refuses. A word
# in neither set is a name (a variable, an alias) to the text check; a new
# clause of a later Neo4j still has to pass the plan check.
READ_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "RETURN", "ORDER",
                          "SKIP", "LIMIT", "OFFSET", "UNION", "CALL", "YIELD", "FINISH"})
FIRST_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
OTHER_CLAUSES = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "LOAD",
    "USE", "SHOW", "TERMINATE", "TRANSACTIONS", "DROP", "ALTER", "RENAME", "GRANT", "DENY",
    "REVOKE", "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE", "DRYRUN", "INSERT",
    "CYPHER", "EXPLAIN", "PROFILE", "COMMIT", "BEGIN", "ROLLBACK", "PERIODIC", "IMPORT"})
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties"})
FUNCTION_NAMESPACES = frozenset({"point", "date", "datetime", "localdatetime", "localtime",
                                 "time", "duration", "vector"})
# Operators of Neo4j 5 plans that only read (names without "@database").
READ_OPERATORS = frozenset("""
ProduceResults AllNodesScan NodeByLabelScan NodeByIdSeek NodeByElementIdSeek NodeIndexSeek
NodeUniqueIndexSeek MultiNodeIndexSeek AssertingMultiNodeIndexSeek NodeIndexSeekByRange
NodeUniqueIndexSeekByRange NodeIndexContainsScan NodeIndexEndsWithScan NodeIndexScan
IntersectionNodeByLabelsScan UnionNodeByLabelsScan SubtractionNodeByLabelsScan
DirectedAllRelationshipsScan UndirectedAllRelationshipsScan DirectedRelationshipTypeScan
UndirectedRelationshipTypeScan DirectedUnionRelationshipTypesScan
UndirectedUnionRelationshipTypesScan DirectedRelationshipIndexSeek
UndirectedRelationshipIndexSeek DirectedRelationshipUniqueIndexSeek
UndirectedRelationshipUniqueIndexSeek DirectedRelationshipIndexSeekByRange
UndirectedRelationshipIndexSeekByRange DirectedRelationshipUniqueIndexSeekByRange
UndirectedRelationshipUniqueIndexSeekByRange DirectedRelationshipIndexScan
UndirectedRelationshipIndexScan DirectedRelationshipIndexContainsScan
UndirectedRelationshipIndexContainsScan DirectedRelationshipIndexEndsWithScan
UndirectedRelationshipIndexEndsWithScan DirectedRelationshipByIdSeek
UndirectedRelationshipByIdSeek DirectedRelationshipByElementIdSeek
UndirectedRelationshipByElementIdSeek NodeCountFromCountStore
RelationshipCountFromCountStore Argument ArgumentTracker Expand(All) Expand(Into)
OptionalExpand(All) OptionalExpand(Into) VarLengthExpand(All) VarLengthExpand(Into)
VarLengthExpand(Pruning) VarLengthExpand(Pruning,BFS) BFSPruningVarExpand Repeat(Trail)
Repeat(Walk) NullifyMetadata StatefulShortestPath(All) StatefulShortestPath(Into)
ShortestPath LegacyShortestPath ProjectEndpoints TriadicSelection TriadicBuild
TriadicFilter AssertSameNode AssertSameRelationship Apply SemiApply AntiSemiApply
LetSemiApply LetAntiSemiApply SelectOrSemiApply SelectOrAntiSemiApply LetSelectOrSemiApply
LetSelectOrAntiSemiApply ConditionalApply AntiConditionalApply RollUpApply CartesianProduct
NodeHashJoin ValueHashJoin NodeLeftOuterHashJoin NodeRightOuterHashJoin Optional Anti
Union OrderedUnion Filter Limit ExhaustiveLimit Skip Sort PartialSort Top Top1WithTies
PartialTop Distinct OrderedDistinct EagerAggregation OrderedAggregation Projection Unwind
CacheProperties Eager PreserveOrder NonFuseable EmptyResult ProcedureCall
""".split())

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<param>\$(?:\w+|`(?:[^`]|``)*`))
  | (?P<number>\d[\w.]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_UNICODE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u", re.IGNORECASE)
_HINT = ("kg cypher runs read queries only (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, "
         "RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL { ... }); use cypher-shell or Neo4j "
         "Browser for anything else")


def _tokens(query: str) -> Iterator[tuple[str, str]]:
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "other" and m.group() in "'\"`" or (kind == "other" and m.group() == "/"
                                                      and query.startswith("/*", m.start())):
            raise InputError(f"the query has an unclosed quote or comment at offset "
                             f"{m.start()}; close it")
        yield kind, m.group()


def check_text(query: str) -> None:
    """InputError unless the text of ``query`` is a read query (see the module doc)."""
    if _UNICODE_ESCAPE.search(query):
        raise InputError("kg cypher does not take \\u escapes in a query (Neo4j decodes them "
                         "before reading it); write the character itself or pass the text "
                         "with -p NAME=VALUE")
    toks = list(_tokens(query))
    words = [(i, t.upper()) for i, (kind, t) in enumerate(toks) if kind == "word"]
    if not toks or toks[0][0] != "word" or toks[0][1].upper() not in FIRST_CLAUSES:
        first = toks[0][1] if toks else ""
        raise InputError(f"a query starting with {first!r} is not a read query; {_HINT}")
    for i, word in words:
        before = toks[i - 1][1] if i else ""
        after = toks[i + 1][1] if i + 1 < len(toks) else ""
        if before in (".", ":", "$") or after == ":" and before in ("{", ","):
            continue        # a property, label, parameter or map key
        if word in OTHER_CLAUSES:
            raise InputError(f"{toks[i][1]} is not allowed: {_HINT} (a name spelled like "
                             f"a keyword goes in backticks: `{toks[i][1]}`)")
        if word == "CALL" and after not in ("{", "("):
            name, _ = _dotted(toks, i + 1)
            if name not in READ_PROCEDURES:
                raise InputError(f"CALL {name or after} is not allowed: kg cypher calls only "
                                 f"the procedures {', '.join(sorted(READ_PROCEDURES))}")
        if before != "." and after == ".":
            name, end = _dotted(toks, i)
            if end < len(toks) and toks[end][1] == "(" and \
                    (i == 0 or toks[i - 1][1].upper() != "CALL") and \
                    name.split(".")[0].lower() not in FUNCTION_NAMESPACES:
                raise InputError(f"the function {name}() is not allowed: kg cypher calls only "
                                 "built-in functions")


def _dotted(toks: list[tuple[str, str]], i: int) -> tuple[str, int]:
    """The dotted name starting at token ``i`` and the index after it."""
    parts = []
    while i < len(toks) and toks[i][0] in ("word", "quoted"):
        parts.append(toks[i][1].strip("`"))
        if i + 1 < len(toks) and toks[i + 1][1] == ".":
            i += 2
        else:
            i += 1
            break
    return ".".join(parts), i


def operators(plan: dict[str, Any] | None) -> Iterator[str]:
    """Every operator name of an EXPLAIN plan (without ``@database``)."""
    if not plan:
        return
    yield str(plan.get("operatorType", "")).split("@")[0]
    for child in plan.get("children") or []:
        yield from operators(child)


def check_plan(query_type: str | None, plan: dict[str, Any] | None) -> None:
    """InputError unless Neo4j's plan only reads."""
    if query_type != "r":
        what = {"rw": "writes data", "w": "writes data", "s": "changes the schema"}
        raise InputError(f"kg cypher only runs read-only queries; this one "
                         f"{what.get(str(query_type), 'is not read-only')} "
                         "(use cypher-shell or Neo4j Browser to change data)")
    for op in operators(plan):
        if op not in READ_OPERATORS:
            raise InputError(f"Neo4j would run this query with the operator {op}, which kg "
                             f"cypher does not run; {_HINT}")
