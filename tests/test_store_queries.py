"""Query semantics, written once and run against every store.

Expected answers are worked out by hand on tests/fixtures/mini (see the
comments in its files)."""

from __future__ import annotations

import pytest

from graph.errors import AmbiguousEntity, EntityNotFound
from graph.queries import ExposureQuery, PathQuery, Traversal


def ids(paths):
    return [p.ids for p in paths]


def test_all_shortest_paths_in_id_order(store_for):
    store = store_for()
    paths = store.paths("fund-a", "firm-x")
    assert ids(paths) == [["fund-a", "proj-1", "firm-z", "firm-x"],
                          ["fund-a", "proj-2", "sector-s", "firm-x"]]


def test_parallel_relations_all_kept_on_a_hop(store_for):
    store = store_for()
    hop = store.paths("fund-a", "firm-x")[0].hops[0]
    assert (hop.source, hop.target) == ("fund-a", "proj-1")
    assert [r.id for r in hop.relations] == ["r-funds-1", "r-invests-1"]


def test_hops_keep_true_direction(store_for):
    hop = store_for().paths("fund-a", "firm-x")[0].hops[1]
    rel = hop.relations[0]
    assert (hop.source, hop.target) == ("proj-1", "firm-z")
    assert (rel.source_id, rel.target_id, rel.type) == ("firm-z", "proj-1", "leads")


def test_k_shortest_paths_shortest_first(store_for):
    store = store_for()
    paths = store.paths("firm-z", "firm-y", PathQuery(max_hops=5, k=3))
    assert ids(paths) == [["firm-z", "firm-x", "firm-y"],
                          ["firm-z", "firm-x", "sector-s", "firm-y"],
                          ["firm-z", "proj-1", "fund-a", "proj-2", "sector-s", "firm-y"]]
    # The hop bound applies to k paths too.
    assert len(store.paths("firm-z", "firm-y", PathQuery(max_hops=4, k=3))) == 2


def test_no_path_within_max_hops_is_empty(store_for):
    store = store_for()
    assert store.paths("person-p", "firm-y", PathQuery(max_hops=3)) == []
    assert [p.length for p in store.paths("person-p", "firm-y", PathQuery(max_hops=6))] == [5]


def test_directed_follows_from_to_only(store_for):
    store = store_for()
    directed = Traversal(directed=True)
    assert ids(store.paths("person-p", "sector-s", PathQuery(directed))) == [
        ["person-p", "min-a", "fund-a", "proj-2", "sector-s"]]
    assert store.paths("sector-s", "person-p", PathQuery(directed)) == []


def test_directed_walks_symmetric_relations_both_ways(store_for):
    store = store_for()
    directed = PathQuery(Traversal(directed=True))
    assert ids(store.paths("firm-y", "firm-x", directed)) == [["firm-y", "firm-x"]]
    assert ids(store.paths("firm-x", "firm-y", directed)) == [["firm-x", "firm-y"]]


def test_relation_type_filter(store_for):
    store = store_for()
    q = PathQuery(Traversal(rels=frozenset({"operates_in"})))
    assert ids(store.paths("firm-x", "firm-y", q)) == [["firm-x", "sector-s", "firm-y"]]


def test_via_type_limits_intermediate_entities_only(store_for):
    store = store_for()
    q = PathQuery(Traversal(via_types=frozenset({"project", "fund", "sector"})), max_hops=5)
    assert ids(store.paths("firm-z", "firm-y", q)) == [
        ["firm-z", "proj-1", "fund-a", "proj-2", "sector-s", "firm-y"]]


def test_avoid_entities(store_for):
    store = store_for()
    q = PathQuery(Traversal(avoid=frozenset({"firm-x"})), max_hops=5)
    assert [p.length for p in store.paths("firm-z", "firm-y", q)] == [5]
    assert store.paths("firm-z", "firm-y", PathQuery(Traversal(avoid=frozenset({"firm-x"})))) == []


def test_as_of_drops_relations_outside_their_period(store_for):
    store = store_for()
    # supplies ended 2024; funding of proj-2 starts 2027.
    assert ids(store.paths("firm-z", "firm-x", PathQuery(Traversal(as_of="2024-06")))) == [
        ["firm-z", "firm-x"]]
    assert store.paths("firm-z", "firm-x", PathQuery(Traversal(as_of="2026"), max_hops=8)) == []
    later = store.paths("firm-z", "firm-x", PathQuery(Traversal(as_of="2028"), max_hops=8))
    assert [p.length for p in later] == [5]


def test_exposure_by_type_and_country(store_for):
    store = store_for()
    hits = store.exposure("fund-a", ExposureQuery(types=frozenset({"firm"}),
                                                  countries=frozenset({"CN"}), max_hops=3))
    assert [(h.entity.id, h.distance) for h in hits] == [("firm-x", 3), ("firm-y", 3)]
    assert hits[0].path.ids == ["fund-a", "proj-1", "firm-z", "firm-x"]
    assert hits[1].path.ids == ["fund-a", "proj-2", "sector-s", "firm-y"]
    assert store.exposure("fund-a", ExposureQuery(types=frozenset({"firm"}), max_hops=1)) == []


def test_exposure_without_filters_lists_everything_reachable(store_for):
    hits = store_for().exposure("firm-x", ExposureQuery(max_hops=2))
    assert [(h.entity.id, h.distance) for h in hits] == [
        ("firm-y", 1), ("firm-z", 1), ("sector-s", 1), ("proj-1", 2), ("proj-2", 2)]


def test_neighbors_depth_and_linking_relations(store_for):
    store = store_for()
    result = store.neighbors("fund-a", 1)
    assert [(h.entity.id, h.distance) for h in result.hits] == [
        ("min-a", 1), ("proj-1", 1), ("proj-2", 1)]
    assert [r.id for r in result.hits[1].relations] == ["r-funds-1", "r-invests-1"]
    deeper = store.neighbors("fund-a", 2, types=frozenset({"firm", "government"}))
    assert [(h.entity.id, h.distance) for h in deeper.hits] == [("firm-z", 2), ("gov-a", 2)]


def test_stats(store_for):
    s = store_for().stats(top=3)
    assert (s.entities, s.relations, s.components, s.largest_component) == (12, 13, 2, 11)
    assert s.entity_types["firm"] == 4 and s.relation_types["funds"] == 2
    assert [(e.id, d) for e, d in s.top] == [("fund-a", 4), ("proj-1", 4), ("firm-x", 3)]
    assert [e.id for e in s.isolated] == ["iso"]


def test_resolve_by_id_name_alias_any_case_and_script(store_for):
    store = store_for()
    assert store.resolve("firm-x").id == "firm-x"
    assert store.resolve("XENO chips").id == "firm-x"
    assert store.resolve("新芯").id == "firm-x"
    assert store.resolve("战略基金").id == "fund-a"
    assert store.resolve("ｍｏｔ").id == "min-a"   # full-width letters fold


def test_resolve_unknown_suggests(store_for):
    with pytest.raises(EntityNotFound) as err:
        store_for().resolve("Xeno Chip")
    assert "firm-x (Xeno Chips)" in str(err.value)


def test_find_ranks_exact_before_partial(store_for):
    matches = store_for().find("chip")
    assert [m.entity.id for m in matches][:2] == ["proj-2", "firm-x"]
    assert matches[0].matched == "Chip Project"


def test_relations_of_lists_in_and_out(store_for):
    rels = store_for().relations_of("firm-x")
    assert [r.id for r in rels] == ["r-compete", "r-x-sector", "r-supplies"]


def test_many_at_once_look_ups_answer_like_one_at_a_time(store_for):
    store = store_for()
    ids = ["firm-x", "proj-2", "firm-x", "fund-a", "iso"]
    many = store.relations_of_many(ids)
    assert list(many) == ["firm-x", "proj-2", "fund-a", "iso"] and many["iso"] == []
    assert {k: [r.id for r in v] for k, v in many.items()} == {
        k: [r.id for r in store.relations_of(k)] for k in many}
    assert list(store.entities_of(ids)) == ["firm-x", "proj-2", "fund-a", "iso"]
    assert store.entities_of(["proj-2"])["proj-2"] == store.entity("proj-2")
    for look_up in (store.relations_of_many, store.entities_of):
        with pytest.raises(EntityNotFound):
            look_up(["firm-x", "no-such-id"])
        assert look_up([]) == {}


def test_degrees_count_each_relation_once_self_loops_included(store_for, write_seeds):
    folder = write_seeds({"firms.csv": "id,type,name\na,firm,A\nb,firm,B\nc,firm,C\n",
                          "relations.csv": "from,type,to\na,supplies,a\na,supplies,b\n"
                                           "b,supplies,a\nb,competes_with,b\n"})
    store = store_for(folder)
    assert store.degrees(["b", "a", "c", "b"]) == {"b": 3, "a": 3, "c": 0}
    assert list(store.degrees(["b", "a"])) == ["b", "a"]
    assert all(n == len(store.relations_of(e)) for e, n in store.degrees("abc").items())
    with pytest.raises(EntityNotFound):
        store.degrees(["a", "zz"])


def test_ambiguous_name(store_for, write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a1, type: firm, name: Acme, aliases: [ACME Corp]}
          - {id: a2, type: firm, name: Acme Holdings, aliases: [acme corp]}
        """})
    with pytest.raises(AmbiguousEntity) as err:
        store_for(folder).resolve("Acme Corp")
    assert "a1 (firm 'Acme')" in str(err.value) and "a2" in str(err.value)
