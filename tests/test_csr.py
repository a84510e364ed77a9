"""The adjacency built by numpy sorts (graph/csr.py) against plain Python."""

from __future__ import annotations

import random

import pytest

from graph.csr import SORTED_ABOVE, Index


def reference(keys: list[str], src: list[int], dst: list[int]):
    """The index by Python sorts, as it was built before numpy."""
    ids = sorted(keys)
    number = {k: u for u, k in enumerate(ids)}
    s = [number[keys[r]] for r in src]
    d = [number[keys[r]] for r in dst]
    at, far = s + d, d + s
    inc = sorted(range(len(at)), key=at.__getitem__)
    off = [0]
    for u in range(len(ids)):
        off.append(off[-1] + at.count(u))
    for a, b in zip(off, off[1:]):
        if b - a > SORTED_ABOVE:
            inc[a:b] = sorted(inc[a:b], key=far.__getitem__)
    other = [far[j] for j in inc]
    nbr, nbr_off = [], [0]
    for a, b in zip(off, off[1:]):
        nbr.extend(sorted(set(other[a:b])))
        nbr_off.append(len(nbr))
    # components by breadth-first search, in order of smallest number
    seen, sizes = set(), []
    for root in range(len(ids)):
        if root in seen:
            continue
        seen.add(root)
        todo, size = [root], 0
        while todo:
            x = todo.pop()
            size += 1
            for y in nbr[nbr_off[x]:nbr_off[x + 1]]:
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        sizes.append(size)
    return ids, off, inc, other, nbr_off, nbr, sizes


@pytest.mark.parametrize("numpy", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_from_rows_equals_python_sorts(seed, numpy, monkeypatch):
    rng = random.Random(seed)
    n = rng.choice([1, 5, 60, 300])
    keys = [f"e{rng.randrange(10**6)}-{i}" for i in range(n)]
    m = rng.choice([0, 3, 200, 1500])
    hub = rng.randrange(n)          # one entity above SORTED_ABOVE incidences
    src = [hub if rng.random() < 0.3 else rng.randrange(n) for _ in range(m)]
    dst = [rng.randrange(n) for _ in range(m)]
    if numpy:
        index = Index.from_rows(keys, src, dst)
    else:                   # numpy is optional (graph/names.py): the Python route
        import graph.names

        monkeypatch.setattr(graph.names, "has_numpy", lambda: False)
        index = Index._from_lists(keys, src, dst)
    ids, off, inc, other, nbr_off, nbr, sizes = reference(keys, src, dst)
    assert index.ids == ids
    assert [list(index.inc_off), list(index.inc), list(index.inc_other)] == [off, inc, other]
    assert [list(index.nbr_off), list(index.nbr)] == [nbr_off, nbr]
    assert index.components() == sizes
    assert [keys[r] for r in index.order] == ids


def test_components_along_a_long_chain():
    n = 5000
    keys = [f"k{i:05d}" for i in range(n)]
    order = list(range(n))
    random.Random(1).shuffle(order)         # a path visiting numbers out of order
    src, dst = order[:-1], order[1:]
    src += [n - 1]
    dst += [n - 1]                          # and a self-loop
    assert Index.from_rows(keys, src, dst).components() == [n]


def _ranked(index: Index) -> list[int]:
    """Numbers by degree, most first, ties in number order (the definition)."""
    off = list(index.inc_off)
    return sorted(range(len(off) - 1), key=lambda u: (off[u] - off[u + 1], u))


@pytest.mark.parametrize("seed", range(40))
def test_patched_equals_a_fresh_build(seed):
    """Index.patched (the edit path: an index kept from the last entry, then
    some relations removed, added or moved anywhere, in one or more places,
    the entities the same) gives exactly what from_rows and the Python
    reference give for the new relations: incidences in the same order
    (entities above SORTED_ABOVE too), neighbours, components, ranking."""
    rng = random.Random(1000 + seed)
    n = rng.choice([1, 4, 40, 120])
    keys = [f"e{rng.randrange(10**6)}-{i}" for i in range(n)]
    hub = rng.randrange(n)

    def relation() -> tuple[int, int]:
        return (hub if rng.random() < 0.3 else rng.randrange(n)), rng.randrange(n)

    old = [relation() for _ in range(rng.choice([0, 5, 200, 600]))]
    for _ in range(20):
        new = list(old)
        for _ in range(rng.randint(1, 3)):
            lo = rng.randint(0, len(new))
            hi = min(len(new), lo + rng.choice([0, 1, 5, 40]))
            new[lo:hi] = [relation() for _ in range(rng.choice([0, 1, 3, 40]))]
        s0, d0 = [a for a, _ in old], [b for _, b in old]
        s1, d1 = [a for a, _ in new], [b for _, b in new]
        got = Index.from_rows(keys, s0, d0).patched(s0, d0, s1, d1)
        ids, off, inc, other, nbr_off, nbr, sizes = reference(keys, s1, d1)
        assert list(got.ids) == ids
        assert [list(got.inc_off), list(got.inc), list(got.inc_other)] == [off, inc, other]
        assert [list(got.nbr_off), list(got.nbr)] == [nbr_off, nbr]
        assert got.components() == sizes
        assert [keys[r] for r in got.order] == ids
        assert list(got.ranked()) == _ranked(got) == list(Index.from_rows(keys, s1, d1).ranked())
        old = new
