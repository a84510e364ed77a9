"""Selections (graph/select.py): the parts pages and exports show, what they carry, and
refusing a too big focus while walking it (before building anything)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import TooLarge
from graph.queries import Selection
from graph.select import focus_rings, select

MINI_IDS = ["fund-a", "firm-x", "firm-z", "person-p", "loc", "sector-s"]


def cited(relations):
    return {r.source for r in relations if r.source is not None}


def test_a_part_carries_exactly_the_sources_its_relations_cite(store_for):
    store = store_for()
    whole = store.dataset()
    assert len(whole.sources) == 3       # the whole keeps every source (one cited by nothing)
    order = list(whole.sources)
    seen = set()
    for n in range(1, len(MINI_IDS) + 1):
        part = store.dataset(MINI_IDS[:n])
        assert set(part.sources) == cited(part.relations), MINI_IDS[:n]
        assert part.sources == sorted(part.sources, key=order.index)
        assert part.sources == whole.subset(MINI_IDS[:n]).sources
        seen |= set(part.sources)
    assert len(seen) == 2                # both cited sources turn up, the uncited never
    assert store.dataset(["loc"]).sources == []


def test_a_selection_carries_the_sources_of_what_it_keeps(store_for):
    store = store_for()
    for focus, depth in (("firm-x", 1), ("firm-z", 1), ("fund-a", 2)):
        data = select(store, Selection.of(focus, depth, rels=["supplies", "leads"]))
        assert set(data.sources) == cited(data.relations), focus
        _, rings, _ = focus_rings(store, Selection.of(focus, depth))
        assert set(rings.sources) == cited(rings.relations), focus


def test_selections_are_the_neighbourhoods_within_limits(store_for):
    """The walk picks what store.neighbors picks, limits or not."""
    store = store_for()
    for focus in MINI_IDS:
        for depth in (1, 2, 3):
            ball = set(store.neighbors(focus, depth).entity_ids())
            for limits in ((), (len(ball), 1000)):
                data = select(store, Selection.of(focus, depth), *limits)
                assert set(data.entities) == ball, (focus, depth, limits)
                assert data.relations == store.dataset(ball).relations


def test_limits_refuse_only_what_is_over_them(store_for):
    store = store_for()
    data = select(store, Selection.of("fund-a", 1))
    n, m = len(data.entities), len(data.relations)
    assert select(store, Selection.of("fund-a", 1), n, m).entities == data.entities
    with pytest.raises(TooLarge, match=f"limit of {n - 1} entities"):
        select(store, Selection.of("fund-a", 1), n - 1, m)
    with pytest.raises(TooLarge, match=f"over {m - 1} relations"):
        select(store, Selection.of("fund-a", 1), n, m - 1)
    # counted after the type filter: other types do not count against the limit
    firms = select(store, Selection.of("sector-s", 2, types=["firm"]), 4, 100)
    assert set(firms.entities) == {"sector-s", "firm-x", "firm-y", "firm-z"}
    assert len(store.neighbors("sector-s", 2).entity_ids()) > 4
    with pytest.raises(TooLarge, match="limit of 3 entities"):
        select(store, Selection.of("sector-s", 2, types=["firm"]), 3, 100)


def star_folder(root: Path, leaves: int) -> Path:
    """A hub with ``leaves`` suppliers, each with one supplier of its own."""
    rows = ["id,type,name", "hub,firm,Hub"]
    rels = ["from,type,to"]
    for i in range(leaves):
        rows += [f"leaf-{i},firm,Leaf {i}", f"twig-{i},firm,Twig {i}"]
        rels += [f"leaf-{i},supplies,hub", f"twig-{i},supplies,leaf-{i}"]
    root.mkdir()
    (root / "firms.csv").write_text("\n".join(rows) + "\n")
    (root / "relations.csv").write_text("\n".join(rels) + "\n")
    return root


class Counting:
    """Counts the calls a store answers (a real MemoryStore underneath)."""

    def __init__(self, store):
        self.store, self.calls = store, {}

    def __getattr__(self, name):
        attr = getattr(self.store, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            return attr(*args, **kwargs)
        return counted


@pytest.mark.parametrize("depth", [1, 2])
def test_a_too_big_focus_is_refused_before_it_is_built(tmp_path, depth):
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore

    store = Counting(MemoryStore(load_dataset(star_folder(tmp_path / "star", 500))))
    with pytest.raises(TooLarge, match="limit of 50 entities"):
        select(store, Selection.of("hub", depth), 50, 10_000)
    # one walk step (the hub's relations): no neighbourhood, no dataset, no other entity
    assert store.calls == {"resolve": 1, "degrees": 1, "relations_of_many": 1}
    store.calls.clear()
    with pytest.raises(TooLarge, match="over 20 relations"):
        focus_rings(store, Selection.of("hub", depth), 10_000, 20)
    assert store.calls == {"resolve": 2, "degrees": 1, "relations_of_many": 1}
    # within the limits, the same walk builds it
    store.calls.clear()
    data = select(store, Selection.of("hub", depth), 2000, 2000)
    assert len(data.entities) == 1 + 500 * depth and store.calls["dataset"] == 1
    assert "neighbors" not in store.calls and "relations_of" not in store.calls
    # one look-up per ring (a ring of 500 is one batch), not one per entity
    assert store.calls["relations_of_many"] == depth


def test_shipped_seeds_focus_pages_list_the_sources_they_use():
    import graph
    from conftest import SEEDS
    from graph.api import focus_page_data
    from graph.render.page import page_data

    kg = graph.open(SEEDS)
    for focus in ("smic", "lutnick"):
        data, options = focus_page_data(kg.store, Selection.of(focus, 1))
        listed = page_data(data, options)["sources"]
        assert data.sources and set(data.sources) == cited(data.relations), focus
        assert listed == [s.to_dict() for s in data.sources]


def test_a_ring_of_hubs_is_fetched_in_batches_bounded_by_their_relations(tmp_path, monkeypatch):
    """A batch of 500 hubs would build all their relations before a limit could stop
    the walk: batches are cut by the entities' degrees (at least one entity each)."""
    import graph.select as selection
    from graph.loader import load_dataset
    from graph.store.memory import MemoryStore

    monkeypatch.setattr(selection, "WALK_RELATIONS", 300)     # leaves have 2 each
    store = Counting(MemoryStore(load_dataset(star_folder(tmp_path / "star", 500))))
    fetched = []
    many = store.store.relations_of_many
    store.store.relations_of_many = lambda ids: fetched.append(list(ids)) or many(ids)
    data = select(store, Selection.of("hub", 2), 5_000, 5_000)
    assert len(data.entities) == 1001
    degrees = store.store.degrees([e for batch in fetched for e in batch])
    sizes = [sum(degrees[e] for e in batch) for batch in fetched]
    assert fetched[0] == ["hub"] and [len(b) for b in fetched[1:]] == [150, 150, 150, 50]
    assert sizes[0] == 500 and all(size <= 300 for size in sizes[1:])
    assert sorted(e for batch in fetched[1:] for e in batch) == sorted(
        f"leaf-{i}" for i in range(500))
