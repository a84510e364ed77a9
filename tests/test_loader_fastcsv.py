"""The loader's CSV fast lane (graph/fastcsv.py) loads and reports exactly what
the general path does, for clean rows and for every kind of bad one."""

from __future__ import annotations

import pytest

from graph import fastcsv
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
