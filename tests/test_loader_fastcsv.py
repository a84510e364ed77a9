"""The loader's CSV fast lane (graph/fastcsv.py) loads and reports exactly what
the general path does, for clean rows and for every kind of bad one."""

from __future__ import annotations

import pytest

from graph import fastcsv, loader
from graph.loader import load_folder

from conftest import MINI

ENTITIES = """\
id,type,name,aliases,country,tags,description,url,employees,listed
a,firm,Alpha,AL|阿尔法| |AL,jp,x|y,Makes chips,https://a.example,120,true
b,firm,Beta,,US,,,,1.5e3,
c,fund,Gamma Fund,Гамма,,,,,,[1, 2]
d,frim,Typo Type,,,,,,,
,firm,No Id,,,,,,,
bad id,firm,Bad Id,,,,,,,
e,firm,Bad Country,,XX,,,,,
a,firm,Alpha,ALPHA,,z,,,,
a,firm,Alpha Two,,,,,,,
p,project,Port,,US,,,,,
s,sector,Chips,,,,,,,
"""

RELATIONS = """\
from,type,to,id,evidence,source,since,until,amount,currency,confidence,status,weight
a,supplies,b,,Alpha supplies Beta,https://x.example/1,2020,2024,,,0.5,active,3
a,supplies,b,,Alpha supplies Beta,https://x.example/1,2020,2024,,,0.5,active,3
c,funds,p,,,Annual report,2021-05,,1000000,usd,,,
c,funds,p,r-explicit,,,,,,,,,
c,funds,p,r-explicit,,,,,,,,,
c,funds,p,bad id!,,,,,,,,,
a,operates_in,s,,,"{""title"": ""T"", ""publisher"": ""P""}",,,,,,,
a,operates_in,s,,,"{""titel"": ""T""}",,,,,,,
a,supplies,zz,,,,,,,,,,
a,suplies,b,,,,,,,,,,
a,supplies,b,,,,2025-13,,,,,,
a,supplies,b,,,,2026,2020,,,,,
a,funds,p,,,,,,lots,,,,
a,supplies,b,,,,,,,,1.5,,
a,funds,p,,,,,,5,dollars,,,
s,owns,a,,,,,,,,,,
a,competes_with,b,,,,,,,,,,
b,competes_with,a,,,,,,,,,,
a,related_to,a,,,,,,,,,,
,supplies,b,,,,,,,,,,
"""


def load_both(folder, strict=False):
    fast = load_folder(folder, strict=strict)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fastcsv, "ENABLED", False)
        slow = load_folder(folder, strict=strict)
    return fast, slow


def assert_same(fast, slow):
    (fd, fr), (sd, sr) = fast, slow
    assert [str(i) for i in fr.issues] == [str(i) for i in sr.issues]
    assert fd.entities == sd.entities
    assert list(fd.entities) == list(sd.entities)
    assert fd.relations == sd.relations
    assert fd.sources == sd.sources


@pytest.mark.parametrize("strict", [False, True])
def test_fast_lane_equals_general_path_on_bad_rows(write_seeds, strict):
    folder = write_seeds({"e.csv": ENTITIES, "r.csv": RELATIONS,
                          "more.yaml": "relations:\n  - {id: r-explicit, from: a, type: owns, to: b}\n"})
    fast, slow = load_both(folder, strict)
    assert_same(fast, slow)
    report = fast[1]
    assert len(report.errors) >= 12          # the bad rows really are bad
    assert fast[0].relations                  # and the good ones really load


def test_fast_lane_equals_general_path_on_clean_data(tmp_path):
    from benchmarks.generate import generate

    generate(tmp_path / "g", 3000, seed=7)
    fast, slow = load_both(tmp_path / "g")
    assert_same(fast, slow)
    assert fast[1].ok and not fast[1].warnings
    assert len(fast[0].relations) == 3000


def test_fast_lane_equals_general_path_on_fixture():
    assert_same(*load_both(MINI))


def unquoted(text: str) -> str:
    """The rows of a test CSV without the ones that need quotes."""
    return "".join(line for line in text.splitlines(keepends=True) if '"' not in line)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("strict", [False, True])
def test_fast_lane_equals_general_path_on_unquoted_csv(write_seeds, strict, newline):
    """Without quotes the reader splits lines itself (seedio._split_lines)."""
    files = {"e.csv": unquoted(ENTITIES), "r.csv": unquoted(RELATIONS),
             "more.yaml": "relations:\n  - {id: r-explicit, from: a, type: owns, to: b}\n"}
    folder = write_seeds({k: v.replace("\n", newline) if k.endswith(".csv") else v
                          for k, v in files.items()})
    fast, slow = load_both(folder, strict)
    assert_same(fast, slow)
    assert len(fast[1].errors) >= 10


CSV_TEXTS = [
    "id,type,name\na,firm,A\nb,firm,B\n",
    "id,type,name\r\na,firm,A\r\nb,firm,B",                      # CRLF, no final newline
    "id,type,name\na,firm,A\n\n , , \nb,firm,B\n,,\n",           # blank rows skipped
    "id,type,name\na,firm,A,extra\nb,firm\nc,firm,C\n",          # wrong widths reported
    "id,type,name\n\ta,firm,A\n,firm,No id\n",                   # blank-looking first cells
    "id,type,name\na,firm,A\rb,firm,B\n",                        # lone CR: the csv module
    'id,type,name\na,firm,"A, Inc."\n',                          # quotes: the csv module
    "id,type,name\na,firm,Ünïcødé ☃\n",
]


@pytest.mark.parametrize("text", CSV_TEXTS)
def test_split_reader_gives_what_the_csv_module_gives(tmp_path, text):
    from graph import seedio
    from graph.validate import Report

    path = tmp_path / "e.csv"
    path.write_bytes(text.encode("utf-8"))

    def read():
        report = Report()
        seed = seedio.read_seed_file(path, report)
        return [(list(cells), line) for cells, line in seed.entities], \
            [str(i) for i in report.issues]

    ours = read()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(seedio, "_split_lines", lambda text: None)
        theirs = read()
    assert ours == theirs
    assert ours[0]          # every text has at least one row


@pytest.mark.parametrize("lane", [True, False])
def test_line_numbers_count_newlines_inside_quoted_cells(write_seeds, lane):
    """A quoted cell may hold line breaks: the rows after it keep their own
    physical line, and a row that spans lines is reported at its last line
    (what the csv module counts). Any reader of CSV text (the split reader,
    the csv module, a future Arrow reader) must keep these numbers."""
    folder = write_seeds({"e.csv": 'id,type,name,country,description\n'
                                   'a,firm,A,JP,"two\nlines"\n'      # lines 2-3
                                   'b,firm,B,XX,\n'                  # line 4
                                   'c,firm,C,YY,"x\ny\nz"\n'         # lines 5-7
                                   'd,firm,D,ZZ,\n'})                # line 8
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fastcsv, "ENABLED", lane)
        data, report = load_folder(folder)
    assert [(i.line, i.message.split(":")[0]) for i in report.errors] == \
        [(4, "entity 'b'"), (7, "entity 'c'"), (8, "entity 'd'")]
    assert data.entities["a"].description == "two\nlines"


# -- the Arrow lane: a relations CSV file straight to its part's columns ------
from hypothesis import HealthCheck, event, given, settings, strategies as st  # noqa: E402

_ENDS = ["a", "b", "c", "p", "s", "zz", "bad id", " a", ""]
# Each column's cells: the first ``_GOOD[h]`` pass the lane's checks (an
# unknown end or type too: the folder pass finds those), the rest do not.
_POOL = {
    "from": _ENDS, "to": _ENDS,
    "type": ["supplies", "funds", "operates_in", "competes_with", "suplies", ""],
    "id": ["", "", "", "r-1", "r-2", "a~supplies~b~0123abcd", "bad id!"],
    "evidence": ["", "Alpha supplies Beta", "x", " ", "e é 中"],
    "source": ["", "https://x.example/1", "http://y.example", "Annual report", "{x}"],
    "since": ["", "2020", "2021-05", "2024-02-29", " 2019", "2030", "2025-13"],
    "until": ["", "2024", "2019-01", "nope"],
    "amount": ["", "1000000", "2.5", "-3", "0", "1e999", "lots", "99999999999999999999999"],
    "currency": ["", "usd", "JPY", "dollars"],
    "confidence": ["", "0.5", "1", "0", "0.25", "1.5"],
    "status": ["", "active", "ended"],
}
_GOOD = {"from": 6, "to": 6, "type": 5, "id": 6, "evidence": 5, "source": 4, "since": 6,
         "until": 3, "amount": 5, "currency": 3, "confidence": 5, "status": 3}


def _part_as_rows_give_it(file, folder):
    """The part's columns as the row lane makes them (graph.parts._part_columns)."""
    from graph import parts
    from graph.loader import Builder
    from graph.seedio import read_seed_file
    from graph.validate import Report

    report = Report()
    seed = read_seed_file(file, report, folder)
    builder = Builder(report, False, local=True)
    data = builder.build([seed])
    if report.errors:
        return None
    return {n: (a, k) for n, a, k in parts._part_columns(data, builder.derived)}


def same_part(arrow, rows_part) -> None:
    """The Arrow lane's columns (when it took the file) are the row lane's:
    kind, Arrow type and values."""
    from graph.columns import decode

    event("arrow lane" if arrow is not None else "row lane")
    if arrow is not None:
        assert rows_part is not None and set(arrow) <= set(rows_part)
        for name, (arr, kind) in arrow.items():
            want, want_kind = rows_part[name]
            assert (kind, arr.type) == (want_kind, want.type), name
            assert decode(arr, kind).values() == decode(want, want_kind).values(), name


def lanes_agree(folder, name):
    """The Arrow lane's part of ``folder/name`` equals the row lane's, and the
    folder's report through the parts equals the row builder's. Returns the
    data and report through the parts and the row builder's data."""
    same_part(fastcsv.csv_part(folder / name, folder), _part_as_rows_give_it(folder / name, folder))
    data, report = loader.load_folder(folder)
    truth, truth_report = loader.check_rows(folder)
    assert report.to_dict() == truth_report.to_dict()
    return data, report, truth


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(sorted(_POOL)), unique=True, max_size=9),
       rows=st.lists(st.lists(st.integers(0, 99), min_size=12, max_size=12), min_size=1,
                     max_size=70),
       feature=st.sampled_from(["", "", "", "quote", "bom", "crlf", "blank", "protected",
                                "protected-quoted", "property", "short", "stray", "newline"]),
       good=st.booleans())
def test_the_arrow_lane_loads_and_reports_what_the_rows_do(tmp_path_factory, header, rows,
                                                            feature, good):
    """Generated relations CSV files, good and bad: the Arrow lane's part is
    the row lane's, column for column (kind, Arrow type and values), and a
    cold load (parts) gives the row builder's rows, report and first error."""
    from graph.errors import ValidationFailed

    names = ["from", "type", "to"] + [h for h in header if h not in ("from", "type", "to")]
    lines = [",".join(names + (["weight"] if feature == "property" else []))]
    for picks in rows:
        cells = [_POOL[h][k % (_GOOD[h] if good else len(_POOL[h]))]
                 for h, k in zip(names, picks)]
        if feature == "property":
            cells.append(str(picks[-1]))
        lines.append(",".join(cells))
    body = "\n".join(lines) + "\n"
    if feature == "quote":
        body = body.replace("Alpha supplies Beta", '"Alpha, supplies Beta"')
    elif feature == "stray":
        body = body.replace("Alpha supplies", 'Al"pha supplies')
    elif feature == "newline":
        body = body.replace("Alpha supplies Beta", '"Alpha\nsupplies ""Beta"""')
    elif feature == "bom":
        body = "\ufeff" + body
    elif feature == "crlf":
        body = body.replace("\n", "\r\n")
    elif feature == "blank":
        body = body.replace("\n", "\n\n", 1)
    elif feature == "protected":
        body = body.replace(",x,", ",'=x,")
    elif feature == "protected-quoted":     # as our CSV export writes "'=x, y"
        body = body.replace("Alpha supplies Beta", '"\'=Alpha, supplies Beta"')
    elif feature == "short" and len(lines) > 1:
        body += "a,supplies\n"
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "e.yaml").write_text(
        "entities:\n" + "".join(f"  - {{id: {e}, type: {t}, name: N{e}}}\n" for e, t in
                                [("a", "firm"), ("b", "firm"), ("c", "fund"),
                                 ("p", "project"), ("s", "sector")]), encoding="utf-8")
    (folder / "r.csv").write_bytes(body.encode("utf-8"))

    data, report, truth = lanes_agree(folder, "r.csv")
    if report.ok:
        assert list(data.relations) == list(truth.relations)
        assert list(data.sources) == list(truth.sources)
    try:
        got = list(loader.load_dataset(folder).relations)
    except ValidationFailed as exc:
        with pytest.raises(ValidationFailed) as want_exc:
            loader.load_rows(folder)
        assert str(exc) == str(want_exc.value)
    else:
        assert got == list(loader.load_rows(folder).relations)


def test_the_arrow_lane_reads_a_clean_file_and_leaves_others_to_rows(tmp_path):
    head = "from,type,to,evidence,source,since,amount,currency,confidence\n"
    clean = head + "a,supplies,b,Alpha supplies Beta,https://x.example/1,2020,5,usd,0.5\n"
    cases = {"clean.csv": clean, "quoted.csv": clean.replace("Alpha", '"Alpha"'),
             "bad.csv": clean.replace("2020", "2020-13"),
             "entities.csv": "id,type,name\na,firm,Alpha\n"}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    got = {name: fastcsv.csv_part(tmp_path / name, tmp_path) is not None for name in cases}
    assert got == {"clean.csv": True, "quoted.csv": False, "bad.csv": False,
                   "entities.csv": True}


_ENTITY_POOL = {
    "id": ["a", "b", "c", "d", "e", "a", "bad id", ""],
    "type": ["firm", "fund", "project", "frim", ""],
    "name": ["Alpha", '"Beta, Inc."', "Γάμμα", "A  b\tC d ", " ", ""],
    "aliases": ["", "AL|阿尔法| |AL", "x", "|y|", "Xy  Z|w", '"A, B|C"'],
    "country": ["", "jp", "US", " de ", "XX"],
    "tags": ["", "x|y", "z"],
    "description": ["", "Makes chips", '"say ""hi"""'],
    "url": ["", "https://a.example"],
    "employees": ["", "120", "1.5e3", "true", "[1, 2]", "text", "1e999"],
    "listed": ["", "false", "0"],
}
_ENTITY_GOOD = {"id": 5, "type": 4, "name": 5, "aliases": 6, "country": 4, "tags": 3,
                "description": 3, "url": 2, "employees": 6, "listed": 3}


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(sorted(set(_ENTITY_POOL) - {"id", "type", "name"})),
                       unique=True, max_size=7),
       rows=st.lists(st.lists(st.integers(0, 99), min_size=10, max_size=10), min_size=1,
                     max_size=12),
       good=st.booleans(), stray=st.booleans())
def test_the_arrow_lane_reads_entities_as_the_rows_do(tmp_path_factory, header, rows, good,
                                                      stray):
    """Generated entity CSV files, good and bad (quoted cells, labels, typed
    properties, merges): the Arrow lane's part is the row lane's, and a cold
    load gives the row builder's entities and report."""

    names = ["id", "type", "name"] + header
    lines = [",".join(names)]
    for n, picks in enumerate(rows):
        cells = [_ENTITY_POOL[h][k % (_ENTITY_GOOD[h] if good else len(_ENTITY_POOL[h]))]
                 for h, k in zip(names, picks)]
        if good:
            cells[0] = f"e{n}"
        lines.append(",".join(cells))
    body = "\n".join(lines) + "\n"
    if stray:
        body = body.replace("Alpha", 'Al"pha', 1)
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "e.csv").write_bytes(body.encode("utf-8"))
    data, report, truth = lanes_agree(folder, "e.csv")
    if report.ok:
        assert list(data.entities.values()) == list(truth.entities.values())


def test_protected_cells_in_quotes_read_the_same_in_both_lanes(tmp_path):
    """What `kg export --format csv` writes for a name like "=Alpha, Inc" (a
    protected cell in quotes) reads back without the protecting quote."""
    (tmp_path / "e.csv").write_text('id,type,name\na,firm,"\'=Alpha, Inc"\nb,firm,Beta\n',
                                    encoding="utf-8")
    (tmp_path / "r.csv").write_text('from,type,to,evidence\na,supplies,b,"\'-5% margin, says CFO"\n',
                                    encoding="utf-8")
    rows = loader.load_rows(tmp_path)
    data = loader.load_dataset(tmp_path)
    assert rows.entities["a"].name == data.entities["a"].name == "=Alpha, Inc"
    assert [(r.id, r.evidence) for r in data.relations] == \
        [(r.id, r.evidence) for r in rows.relations]
    assert data.relations[0].evidence == "-5% margin, says CFO"
