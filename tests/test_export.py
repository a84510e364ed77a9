"""Exporters (graph/export) and the flat records (graph/records, graph/neo4j_names).

Every file format is read back by the tools it is meant for: networkx and
igraph (GraphML), networkx (GEXF, node-link JSON), our own loader (CSV).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import require
from graph.errors import InputError, KgError, OutputExists
from graph.export import FORMATS, export, exporter_for
from graph.loader import load_dataset
from graph.neo4j_names import identifier, literal, node_labels, relationship_type, type_label
from graph.records import dataset_name, node_properties, relationship_properties

RICH = {
    "types.yaml": """
        types:
          chip_maker: {parent: firm, color: "#123456"}
          sells_to: {symmetric: false}
    """,
    "entities.yaml": """
        source: {title: "Entity file", publisher: "Tests"}
        entities:
          - id: acme
            type: chip_maker
            name: "Acme \\"Chips\\" Ltd"
            aliases: ["艾克米", "O'Brien \\\\ Sons"]
            country: cn
            description: "Line one\\nline two\\ttabbed control"
            url: https://acme.example/
            tags: [fab, listed]
            employees: 1200
            ratio: 0.5
            listed: true
            codes: [1, 2, 3]
            mixed: 7
            type_note: "x"
          - id: beta
            type: firm
            name: Beta
            mixed: "n/a"
            ratio: 2
          - id: gamma
            type: sector
            name: Gamma
    """,
    "relations.yaml": """
        source: {title: "Relations file", publisher: "Tests", url: "https://example.org/r", date: "2025-03"}
        relations:
          - {id: r1, from: acme, type: supplies, to: beta, evidence: "He said \\"yes\\"; it's done.\\nNext line \\\\ end",
             status: active, since: 2024-05, until: 2026, amount: 2500000, currency: usd,
             confidence: 0.75, volume: 12, route: sea}
          - {id: r2, from: acme, type: supplies, to: beta, evidence: "A second, parallel relation."}
          - {id: r3, from: beta, type: sells_to, to: acme, source: "Own source"}
          - {from: acme, type: operates_in, to: gamma}
    """,
}


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    import textwrap

    root = tmp_path_factory.mktemp("rich") / "rich"
    root.mkdir()
    for name, text in RICH.items():
        (root / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_dataset(root)


def flat_expected(dataset):
    """What every flat attribute should read back as (lists JSON-encoded, mixed -> text)."""
    name = dataset_name(dataset)
    return ({e.id: node_properties(e, name) for e in dataset},
            {r.id: relationship_properties(r, name) for r in dataset.relations})


def decoded(attrs: dict, json_keys: set[str]) -> dict:
    return {k: (json.loads(v) if k in json_keys else v) for k, v in attrs.items()}


# -- GraphML ---------------------------------------------------------------------
def test_graphml_networkx_reads_every_entity_and_relation(rich, tmp_path):
    import networkx as nx

    out = export(rich, "graphml", str(tmp_path / "g.graphml")).written[0]
    g = nx.read_graphml(out, force_multigraph=True)
    json_keys = set(json.loads(g.graph["kg_json_attributes"]))
    assert json_keys == {"aliases", "tags", "codes"}
    nodes, edges = flat_expected(rich)
    assert set(g.nodes) == set(nodes)
    for eid, props in nodes.items():
        want = {k: v for k, v in props.items() if k != "id"}
        if eid == "acme":
            want["mixed"] = "7"     # 7 here, "n/a" on beta: one attribute, one type -> text
        assert decoded(g.nodes[eid], json_keys) == want, eid
    got_edges = {k: d for _, _, k, d in g.edges(keys=True, data=True)}
    assert set(got_edges) == set(edges)
    for rid, props in edges.items():
        want = {k: v for k, v in props.items() if k != "id"} | {"relation_id": rid}
        assert got_edges[rid] == want, rid
    assert got_edges["r1"]["amount"] == 2500000 and got_edges["r1"]["confidence"] == 0.75
    assert isinstance(g.nodes["beta"]["ratio"], float)   # 2 beside 0.5: one double attribute
    assert {(u, v) for u, v, k in g.edges(keys=True) if k in ("r1", "r2")} == {("acme", "beta")}


def test_graphml_igraph_reads_every_entity_and_relation(rich, tmp_path):
    try:
        import igraph
    except ImportError:
        require(False, "python-igraph is not installed (pip install -e '.[test]')")
    out = export(rich, "graphml", str(tmp_path / "g.graphml")).written[0]
    g = igraph.Graph.Read_GraphML(out)
    assert g.is_directed()
    assert g.vcount() == len(rich.entities) and g.ecount() == len(rich.relations)
    assert sorted(g.vs["id"]) == sorted(rich.entities)
    by_id = {v["id"]: v for v in g.vs}
    assert by_id["acme"]["type"] == "chip_maker" and by_id["acme"]["employees"] == 1200
    assert json.loads(by_id["acme"]["aliases"]) == ["艾克米", "O'Brien \\ Sons"]
    assert by_id["beta"]["mixed"] == "n/a" and by_id["acme"]["listed"] is True
    edges = {e["relation_id"]: e for e in g.es}
    assert set(edges) == {r.id for r in rich.relations}
    r1 = edges["r1"]
    assert (g.vs[r1.source]["id"], g.vs[r1.target]["id"]) == ("acme", "beta")
    assert r1["type"] == "supplies" and r1["evidence"].startswith('He said "yes"')
    assert r1["source_url"] == "https://example.org/r" and r1["volume"] == 12


# -- GEXF ------------------------------------------------------------------------
GEXF = "{http://www.gexf.net/1.2draft}"


def test_gexf_networkx_reads_it_back_with_labels_and_colours(rich, tmp_path):
    import networkx as nx

    out = export(rich, "gexf", str(tmp_path / "g.gexf")).written[0]
    g = nx.read_gexf(out)
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == set(rich.entities)
    acme = g.nodes["acme"]
    assert acme["label"] == 'Acme "Chips" Ltd' and acme["type"] == "chip_maker"
    assert acme["viz"]["color"] == {"r": 0x12, "g": 0x34, "b": 0x56, "a": 1.0}
    assert json.loads(acme["aliases"]) == ["艾克米", "O'Brien \\ Sons"]
    edges = {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    assert set(edges) == {r.id for r in rich.relations}
    u, v, r1 = edges["r1"]
    assert (u, v) == ("acme", "beta")
    assert r1["label"] == r1["relation_type"] == "supplies" and r1["amount"] == 2500000


def test_gexf_keeps_to_the_gexf_1_2_schema(rich, tmp_path):
    out = export(rich, "gexf", str(tmp_path / "g.gexf")).written[0]
    root = ET.parse(out).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.2"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "directed" and graph.get("mode") == "static"
    declared = {}
    for block in graph.findall(f"{GEXF}attributes"):
        for a in block.findall(f"{GEXF}attribute"):
            assert a.get("type") in {"integer", "long", "float", "double", "boolean", "string",
                                     "liststring", "anyURI"}
            declared[(block.get("class"), a.get("id"))] = a.get("title")
    nodes = graph.find(f"{GEXF}nodes").findall(f"{GEXF}node")
    node_ids = [n.get("id") for n in nodes]
    assert len(set(node_ids)) == len(node_ids) == len(rich.entities)
    edges = graph.find(f"{GEXF}edges").findall(f"{GEXF}edge")
    assert len({e.get("id") for e in edges}) == len(edges) == len(rich.relations)
    for e in edges:
        assert e.get("source") in node_ids and e.get("target") in node_ids
        assert e.get("type") in (None, "directed", "undirected", "mutual")
    for kind, items in (("node", nodes), ("edge", edges)):
        for item in items:
            for av in item.iter(f"{GEXF}attvalue"):
                assert (kind, av.get("for")) in declared
    titles = set(declared.values())
    assert "type" in titles and "relation_type" in titles


# -- node-link JSON ------------------------------------------------------------------
def test_json_node_link_shape_and_networkx(rich, tmp_path):
    import networkx as nx

    out = export(rich, "json", str(tmp_path / "g.json")).written[0]
    data = json.loads(Path(out).read_text(encoding="utf-8"))
    assert {k: data[k] for k in ("format", "version", "directed", "multigraph")} == {
        "format": "kg-explorer/node-link", "version": 1, "directed": True, "multigraph": True}
    assert data["graph"]["name"] == "rich" and len(data["graph"]["sources"]) == 3
    assert data["graph"]["entity_types"]["chip_maker"] == {"color": "#123456", "shape": "dot",
                                                           "parent": "firm"}
    assert data["graph"]["relation_types"]["sells_to"] == {"symmetric": False, "label": "sells to"}
    assert data["nodes"] == [e.to_dict() for e in rich]
    assert data["links"] == [r.to_dict() for r in rich.relations]
    g = nx.node_link_graph(data, source="from", target="to", key="id", edges="links")
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 4
    assert g.edges["acme", "beta", "r1"]["evidence"].startswith('He said "yes"')


# -- CSV in seed format: a round trip ------------------------------------------------
def same_graph(a, b) -> None:
    assert [e.to_dict() for e in a] == [e.to_dict() for e in b]
    assert [r.to_dict() for r in a.relations] == [r.to_dict() for r in b.relations]
    assert {t: (et.parent, et.color, et.shape) for t, et in a.schema.entity_types.items()} == \
        {t: (et.parent, et.color, et.shape) for t, et in b.schema.entity_types.items()}


def test_csv_round_trip_rich(rich, tmp_path):
    exporter = export(rich, "csv", str(tmp_path / "out"))
    assert sorted(Path(p).name for p in exporter.written) == ["entities.csv", "relations.csv",
                                                              "types.yaml"]
    assert exporter.warnings == []
    back = load_dataset(tmp_path / "out")
    same_graph(rich, back)
    assert back.relation("r1").evidence == "He said \"yes\"; it's done.\nNext line \\ end"
    assert back.entities["acme"].properties["codes"] == [1, 2, 3]


@pytest.mark.parametrize("which", ["mini", "seeds"])
def test_csv_round_trip_fixture_and_shipped_seeds(which, mini_dataset, seeds_dataset, tmp_path):
    dataset = mini_dataset if which == "mini" else seeds_dataset
    exporter = export(dataset, "csv", str(tmp_path / "out"))
    same_graph(dataset, load_dataset(tmp_path / "out"))
    assert not (tmp_path / "out" / "types.yaml").exists() or which == "seeds"
    assert exporter.warnings == []


def test_csv_warns_about_what_it_cannot_keep(write_seeds, tmp_path):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A, ticker: "9984", aliases: ["x|y"], flag: "true"}
    """})
    exporter = export(load_dataset(folder), "csv", str(tmp_path / "out"))
    assert exporter.warnings == [
        "entity 'a' aliases: 'x|y' cannot be kept as one CSV list item (contains | or "
        "surrounding spaces)",
        "entity 'a' flag: the text 'true' reads back from CSV as bool",
        "entity 'a' ticker: the text '9984' reads back from CSV as int",
    ]


def test_csv_target_rules(mini_dataset, tmp_path):
    with pytest.raises(InputError, match="csv export writes several files; give a folder"):
        exporter_for("csv", "-")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file; csv export needs a folder"):
        exporter_for("csv", str(tmp_path / "file"))
    export(mini_dataset, "csv", str(tmp_path / "out"))
    with pytest.raises(OutputExists):
        exporter_for("csv", str(tmp_path / "out"))
    (tmp_path / "out" / "types.yaml").write_text("types: {entities: {zzz: {shape: dot}}}\n")
    export(mini_dataset, "csv", str(tmp_path / "out"), force=True)
    assert not (tmp_path / "out" / "types.yaml").exists()   # a stale one would load too


# -- Cypher ------------------------------------------------------------------------
def unquote_cypher(text: str) -> str:
    """Decode one single-quoted Cypher string literal (the inverse of literal())."""
    assert text[0] == text[-1] == "'"
    out, i, body = [], 0, text[1:-1]
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b",
              "f": "\f"}
    while i < len(body):
        c = body[i]
        assert c != "'", "unescaped quote inside a literal"
        if c == "\\":
            nxt = body[i + 1]
            if nxt == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(simple[nxt])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


@pytest.mark.parametrize("text", ["plain", "it's", 'say "hi"', "back\\slash\\", "new\nline\r\n",
                                  "tab\tbell\x07nul\x00", "日本語 – “quotes”", "\u2028\u2029",
                                  "'; MATCH (n) DETACH DELETE n; //", "`backtick`"])
def test_cypher_string_literals_round_trip(text):
    lit = literal(text)
    assert "\n" not in lit and "\r" not in lit
    assert unquote_cypher(lit) == text


def test_cypher_literals_of_other_values():
    assert literal(None) == "null" and literal(True) == "true" and literal(3) == "3"
    assert literal(2.5) == "2.5" and literal(float("nan")) == "toFloat('NaN')"
    assert literal([1, "a"]) == "[1, 'a']"
    assert literal({"a b": 1, "ok": "x"}) == "{`a b`: 1, ok: 'x'}"
    with pytest.raises(KgError, match="too large for Neo4j"):
        literal(2 ** 70)


def test_cypher_script(rich, tmp_path):
    out = export(rich, "cypher", str(tmp_path / "g.cypher")).written[0]
    script = Path(out).read_text(encoding="utf-8")
    lines = [ln for ln in script.splitlines() if ln and not ln.startswith("//")]
    assert lines[0].startswith("CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:`Entity`)")
    assert len(lines) == 1 + len(rich.entities) + len(rich.relations)
    assert all(ln.endswith(";") for ln in lines)
    nodes = [ln for ln in lines if ln.startswith("MERGE (n:`Entity`")]
    rels = [ln for ln in lines if ln.startswith("MATCH (a:`Entity`")]
    assert len(nodes) == 3 and len(rels) == 4
    acme = next(ln for ln in nodes if "id: 'acme'}" in ln)
    assert acme.startswith("MERGE (n:`Entity` {kg_dataset: 'rich', id: 'acme'}) SET n = {")
    assert acme.endswith(", n:`ChipMaker`:`Firm`;")
    assert "description: 'Line one\\nline two\\ttabbed control'" in acme
    assert "aliases: ['艾克米', 'O\\'Brien \\\\ Sons']" in acme and "codes: [1, 2, 3]" in acme
    assert "prop_type_note" not in acme and "type_note: 'x'" in acme
    r1 = next(ln for ln in rels if "id: 'r1'}" in ln)
    assert ("MATCH (a:`Entity` {kg_dataset: 'rich', id: 'acme'}), "
            "(b:`Entity` {kg_dataset: 'rich', id: 'beta'}) "
            "MERGE (a)-[r:`SUPPLIES` {kg_dataset: 'rich', id: 'r1'}]->(b) SET r = {") in r1
    assert "evidence: 'He said \\\"yes\\\"; it\\'s done.\\nNext line \\\\ end'" in r1
    assert "amount: 2500000, currency: 'USD', confidence: 0.75" in r1
    assert "source_url: 'https://example.org/r'" in r1 and "volume: 12" in r1
    assert any("[r:`SELLS_TO`" in ln for ln in rels)
    # every node and relationship carries the dataset marker; no parameters anywhere
    assert all("kg_dataset: 'rich'" in ln.split("SET", 1)[1] for ln in nodes + rels)
    assert "$" not in re.sub(r"'(?:[^'\\]|\\.)*'", "", script)


# -- the Neo4j model ------------------------------------------------------------------
def test_neo4j_names():
    assert type_label("state_owned_fund") == "StateOwnedFund"
    assert relationship_type("partners_with") == "PARTNERS_WITH"
    with pytest.raises(KgError, match="cannot be a Neo4j label"):
        identifier("Bad`Name")


def test_neo4j_property_maps(rich):
    acme = node_properties(rich.entities["acme"], "rich")
    assert list(acme)[:9] == ["id", "name", "type", "aliases", "country", "description", "url",
                              "tags", "kg_dataset"]
    assert acme["employees"] == 1200 and acme["codes"] == [1, 2, 3]
    gamma = node_properties(rich.entities["gamma"], "rich")
    assert gamma == {"id": "gamma", "name": "Gamma", "type": "sector", "aliases": [], "tags": [],
                     "kg_dataset": "rich"}     # no nulls
    r1 = relationship_properties(rich.relation("r1"), "rich")
    assert r1["source_title"] == "Relations file" and r1["since"] == "2024-05"
    r3 = relationship_properties(rich.relation("r3"), "rich")
    assert r3["source_title"] == "Own source" and "source_url" not in r3
    assert node_labels(rich.schema, "chip_maker") == ["Entity", "ChipMaker", "Firm"]


def test_neo4j_property_collisions_and_mixed_lists():
    from graph.model import Entity, Relation

    e = Entity("x", "firm", "X", properties={"type": "shadow", "kg_dataset": "evil",
                                              "mix": [1, "a", True]})
    p = node_properties(e, "d")
    assert p["type"] == "firm" and p["prop_type"] == "shadow"
    assert p["kg_dataset"] == "d" and p["prop_kg_dataset"] == "evil"
    assert p["mix"] == ["1", "a", "true"]
    r = relationship_properties(Relation("r", "funds", "a", "b", properties={"evidence": "no"}), "d")
    assert "evidence" not in r and r["prop_evidence"] == "no"


# -- the common exporter shape ------------------------------------------------------------
def test_exporters_refuse_to_overwrite_and_know_their_defaults(mini_dataset, tmp_path):
    target = tmp_path / "g.json"
    target.write_text("keep me")
    with pytest.raises(OutputExists, match="already exists; pass --force to overwrite it"):
        export(mini_dataset, "json", str(target))
    assert target.read_text() == "keep me"
    export(mini_dataset, "json", str(target), force=True)
    assert json.loads(target.read_text())["nodes"]
    assert {f: exporter_for(f, str(tmp_path / "x")).default_target() for f in FORMATS} == {
        "graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json",
        "csv": "graph-csv", "parquet": "graph-parquet", "cypher": "graph.cypher"}
    with pytest.raises(InputError, match="unknown export format 'dot'"):
        exporter_for("dot")


def test_write_merges_and_finalize_needs_a_dataset(mini_dataset, tmp_path):
    exporter = exporter_for("json", str(tmp_path / "a.json"))
    with pytest.raises(KgError, match="no dataset was given to write"):
        exporter.finalize()
    exporter.write(mini_dataset.subset(["fund-a", "proj-1"]))
    exporter.write(mini_dataset.subset(["proj-1", "proj-2", "fund-a"]))
    exporter.finalize()
    data = json.loads((tmp_path / "a.json").read_text())
    assert sorted(n["id"] for n in data["nodes"]) == ["fund-a", "proj-1", "proj-2"]
    assert sorted(link["id"] for link in data["links"]) == ["r-funds-1", "r-funds-2",
                                                             "r-invests-1"]
