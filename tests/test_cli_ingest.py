"""`kg ingest` end to end with click's CliRunner: exit codes and exact messages."""

from __future__ import annotations

import yaml

from graph.loader import load_folder
from ingest_support import INGEST, MAIN_ARTICLE, SHIPPED_SEEDS


def test_main_article_to_stdout(run_kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                       # no ./seeds here: nothing is known
    r = run_kg("ingest", MAIN_ARTICLE)
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(r.stdout)
    assert data["source"]["title"] == "Unpacking Japan’s $55 Billion Investment Tool: A Strategic Move"
    assert {"softbank-group", "smic", "lutnick", "akazawa-ryo"} <= {e["id"] for e in data["entities"]}
    assert r.stderr.startswith("Wrote stdout: ") and "relations (status: suggested)" in r.stderr
    (tmp_path / "draft.yaml").write_text(r.stdout, encoding="utf-8")
    assert load_folder(tmp_path / "draft.yaml")[1].ok


def test_output_file_refuses_to_overwrite_without_force(run_kg, tmp_path):
    out = tmp_path / "drafts" / "draft.yaml"          # missing folders are created
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    article = INGEST / "battery-plant.txt"
    assert run_kg("ingest", article, "-o", out, "--seeds", seeds).exit_code == 0
    first = out.read_text(encoding="utf-8")
    r = run_kg("ingest", article, "-o", out, "--seeds", seeds)
    assert r.exit_code == 1
    assert r.output.strip() == f"Error: {out} already exists; pass --force to overwrite it"
    assert out.read_text(encoding="utf-8") == first
    assert run_kg("ingest", article, "-o", out, "--force", "--seeds", seeds).exit_code == 0
    assert out.read_text(encoding="utf-8") == first          # reproducible


def test_a_draft_in_the_seed_folder_makes_its_entities_known(run_kg, tmp_path):
    article = INGEST / "battery-plant.txt"
    assert run_kg("ingest", article, "-o", tmp_path / "draft.yaml", "--seeds", tmp_path).exit_code == 0
    again = yaml.safe_load(run_kg("ingest", article, "--seeds", tmp_path).stdout)
    assert again["entities"] == [] and again["relations"] == []     # nothing new to say


def test_with_the_shipped_seeds_known_entities_keep_their_ids(run_kg, tmp_path):
    out = tmp_path / "draft.yaml"
    r = run_kg("ingest", MAIN_ARTICLE, "--seeds", SHIPPED_SEEDS, "-o", out)
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    ids = {x for rel in data["relations"] for x in (rel["from"], rel["to"])}
    assert {"data-center-project", "gulf-oil-terminal-project", "lutnick"} <= ids
    # METI is known: its relations are all in the seeds already, and it is not minted anew
    new = {e["id"] for e in data["entities"]}
    assert "ministry-of-economy-trade-and-industry" not in new and "softbank-group-2" not in new
    assert load_folder(SHIPPED_SEEDS, extra=[out])[1].ok


def test_explicit_missing_seed_folder(run_kg, tmp_path):
    r = run_kg("ingest", INGEST / "battery-plant.txt", "--seeds", tmp_path / "nope")
    assert r.exit_code == 1
    assert r.output.strip() == (f"Error: seed folder {tmp_path / 'nope'} does not exist; "
                                "pass --seeds PATH or set KG_SEEDS")


def test_empty_file(run_kg, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = run_kg("ingest", tmp_path / "empty.txt", "--seeds", tmp_path)
    assert (r.exit_code, r.output.strip()) == (
        1, f"Error: {tmp_path / 'empty.txt'}: empty file, nothing to ingest")


def test_binary_file(run_kg, tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    r = run_kg("ingest", tmp_path / "scan.txt", "--seeds", tmp_path)
    assert (r.exit_code, r.output.strip()) == (
        1, f"Error: {tmp_path / 'scan.txt'}: binary file, not a text article; "
           "give a .txt, .md or .html file")


def test_non_utf8_text(run_kg, tmp_path):
    (tmp_path / "old.txt").write_bytes("Société Générale\n".encode("cp1252"))
    r = run_kg("ingest", tmp_path / "old.txt", "--seeds", tmp_path)
    assert (r.exit_code, r.output.strip()) == (
        1, f"Error: {tmp_path / 'old.txt'}:1: not UTF-8 text (byte 0xe9); save the article as UTF-8")


def test_huge_file_is_refused_with_a_clear_message(run_kg, tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(20_000_000)                          # size is checked before reading
    r = run_kg("ingest", huge, "--seeds", tmp_path)
    assert (r.exit_code, r.output.strip()) == (
        1, f"Error: {huge} is 20.0 MB, over the 5 MB limit for one article; "
           "split it, or raise the limit with --max-bytes")


def test_max_bytes_lifts_or_lowers_the_limit(run_kg, tmp_path):
    r = run_kg("ingest", INGEST / "battery-plant.txt", "--max-bytes", "100", "--seeds", tmp_path)
    assert r.exit_code == 1 and "over the 100-byte limit" in r.output
    assert run_kg("ingest", INGEST / "battery-plant.txt", "--max-bytes", "0",
                  "--seeds", tmp_path).exit_code == 0


def test_missing_file(run_kg, tmp_path):
    r = run_kg("ingest", tmp_path / "nope.txt", "--seeds", tmp_path)
    assert (r.exit_code, r.output.strip()) == (1, f"Error: {tmp_path / 'nope.txt'} does not exist")


def test_html_with_scripts_and_styles(run_kg, tmp_path):
    r = run_kg("ingest", INGEST / "port-acquisition.html", "--seeds", tmp_path)
    assert r.exit_code == 0
    assert "COSCO Shipping Ports" in r.stdout
    for hidden in ("Hamburg Port Authority", "Shanghai International Port Group", "Rotterdam"):
        assert hidden not in r.stdout


def test_article_naming_nothing(run_kg, tmp_path):
    (tmp_path / "calm.md").write_text("# a quiet day\n\nnothing much happened here.\n",
                                      encoding="utf-8")
    r = run_kg("ingest", tmp_path / "calm.md", "--seeds", tmp_path)
    assert r.exit_code == 0
    data = yaml.safe_load(r.stdout)
    assert data["entities"] == [] and data["relations"] == []
    assert "0 new entities" in r.stderr


def test_stdin(run_kg, tmp_path):
    r = run_kg("ingest", "-", "--seeds", tmp_path,
               input="Nomura Securities and SoftBank Group (软银集团) met in Tokyo.\n")
    assert r.exit_code == 0
    data = yaml.safe_load(r.stdout)
    assert "url" not in data["source"]
    assert {"nomura-securities", "softbank-group", "tokyo"} <= {e["id"] for e in data["entities"]}


def test_no_article_is_a_usage_error(run_kg):
    r = run_kg("ingest")
    assert r.exit_code == 2 and "Missing argument 'ARTICLE...'" in r.output


def test_draft_loads_and_renders_as_a_seed_folder(run_kg, tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_kg("ingest", MAIN_ARTICLE, "--seeds", empty, "-o", folder / "draft.yaml").exit_code == 0
    r = run_kg("path", "SoftBank Group", "中芯国际", "--seeds", folder)
    assert r.exit_code == 0 and "SMIC" in r.output and "status: suggested" in r.output
    r = run_kg("render", "--seeds", folder, "-o", tmp_path / "graph.html")
    assert r.exit_code == 0 and (tmp_path / "graph.html").stat().st_size > 10_000


def test_cli_default_limit_is_the_library_default():
    from cli.ingest import DEFAULT_MAX_BYTES as shown
    from graph.ingest import DEFAULT_MAX_BYTES
    assert shown == DEFAULT_MAX_BYTES


def _seed_copy(tmp_path):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(SHIPPED_SEEDS, seeds)
    return seeds


def test_force_does_not_replace_a_seed_file_the_draft_would_shrink(run_kg, tmp_path):
    seeds = _seed_copy(tmp_path)
    target = seeds / "firms-and-organizations.yaml"
    before = target.read_bytes()
    r = run_kg("ingest", MAIN_ARTICLE, "--force", "-o", target, "--seeds", seeds)
    assert r.exit_code == 1
    from graph.ingest import draft_yaml, ingest
    from graph.ingest.guard import lost_content
    from graph.loader import load_dataset

    draft = yaml.safe_load(draft_yaml(ingest([str(MAIN_ARTICLE)], load_dataset(seeds))))
    ents, rels = lost_content(target, draft)
    assert (ents, rels) == (13, 0)       # every firm of the file; it has no relations
    assert r.output.strip() == (
        f"Error: {target} is a file of the seed folder {seeds} with {ents} entities and {rels} "
        "relations that the draft does not have; write the draft elsewhere and merge it by hand, "
        "or pass --replace-seed-file to replace the file (a .bak copy is kept)")
    assert target.read_bytes() == before
    assert not (seeds / "firms-and-organizations.yaml.bak").exists()
    rel_file = seeds / "relations-fund-and-projects.yaml"
    r = run_kg("ingest", MAIN_ARTICLE, "--force", "-o", rel_file, "--seeds", seeds)
    assert r.exit_code == 1
    assert " entities and " in r.output and " 0 relations" not in r.output


def test_replace_seed_file_replaces_it_and_keeps_a_backup(run_kg, tmp_path):
    seeds = _seed_copy(tmp_path)
    target = seeds / "firms-and-organizations.yaml"
    before = target.read_bytes()
    r = run_kg("ingest", MAIN_ARTICLE, "--force", "--replace-seed-file", "-o", target,
               "--seeds", seeds)
    assert r.exit_code == 0, r.output
    assert (seeds / "firms-and-organizations.yaml.bak").read_bytes() == before
    assert target.read_bytes() != before
    assert "kept as" in r.output


def test_backups_never_overwrite_each_other(tmp_path):
    from graph.ingest.guard import backup_path

    f = tmp_path / "a.yaml"
    assert backup_path(f) == tmp_path / "a.yaml.bak"
    (tmp_path / "a.yaml.bak").write_text("x")
    assert backup_path(f) == tmp_path / "a.yaml.bak.2"


def test_a_seed_file_the_draft_keeps_whole_is_replaced_with_force_and_backed_up(run_kg, tmp_path):
    seeds = _seed_copy(tmp_path)
    target = seeds / "inbox.yaml"          # an empty file kept for drafts
    target.write_text("entities: []\nrelations: []\n", encoding="utf-8")
    r = run_kg("ingest", INGEST / "battery-plant.txt", "--force", "-o", target, "--seeds", seeds)
    assert r.exit_code == 0, r.output
    assert (seeds / "inbox.yaml.bak").read_text(encoding="utf-8") == "entities: []\nrelations: []\n"
    assert "entities:" in target.read_text(encoding="utf-8")
