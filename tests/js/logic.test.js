// Unit tests for the page's logic (graph/render/templates/logic.js): node --test tests/js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const L = require(path.join(__dirname, "..", "..", "graph", "render", "templates", "logic.js"));

const E = (id, type = "firm", extra = {}) => ({ id, type, name: extra.name || id.toUpperCase(), ...extra });
const R = (id, from, to, extra = {}) => ({ id, type: extra.type || "funds", from, to, ...extra });

test("dates: prefixes, bounds and as-of like kg path --as-of", () => {
  assert.deepEqual(L.dateBounds("2024-02"), ["2024-02-01", "2024-02-29"]);
  assert.deepEqual(L.dateBounds("2023-02"), ["2023-02-01", "2023-02-28"]);
  assert.deepEqual(L.dateBounds("2025"), ["2025-01-01", "2025-12-31"]);
  assert.equal(L.datePrefix("2025-13"), null);
  assert.equal(L.datePrefix("2025-02-30"), null);
  assert.equal(L.datePrefix("twenty"), null);
  assert.equal(L.datePrefix(2025), "2025");
  const r = R("r", "a", "b", { since: "2026", until: "2027-06" });
  assert.equal(L.active(r, "2027"), true);
  assert.equal(L.active(r, "2025-12-31"), false);
  assert.equal(L.active(r, "2027-07"), false);
  assert.equal(L.active(r, "2027-06-30"), true);
  assert.equal(L.active(R("x", "a", "b"), "1900"), true);
  assert.deepEqual(L.years([r, R("y", "a", "b", { since: "2020-05" })]), [2020, 2026, 2027]);
});

function sample() {
  return L.makeGraph(
    [E("a", "firm", { country: "JP" }), E("b", "firm", { country: "CN" }), E("c", "person"), E("d", "fund", { country: "JP" })],
    [R("r1", "a", "b", { confidence: 0.9, status: "active", since: "2020" }),
     R("r2", "b", "c", { type: "works_for", confidence: 0.4 }),
     R("r3", "c", "d", { until: "2019" }),
     R("r4", "a", "d", { status: "proposed" })]);
}

test("filters compose and count what each hides", () => {
  const g = sample();
  let v = L.visibility(g, {});
  assert.equal(v.entities.size, 4); assert.equal(v.relations.size, 4);
  v = L.visibility(g, { types: ["firm", "fund"] });
  assert.deepEqual([...v.entities].sort(), ["a", "b", "d"]);
  assert.deepEqual([...v.relations].sort(), ["r1", "r4"]);
  assert.deepEqual(v.hides.types, { entities: 1, relations: 2 });
  v = L.visibility(g, { countries: ["JP"] });
  assert.deepEqual([...v.entities].sort(), ["a", "d"]);
  v = L.visibility(g, { countries: ["JP", L.NONE] });
  assert.deepEqual([...v.entities].sort(), ["a", "c", "d"]);
  v = L.visibility(g, { minConfidence: 0.5 });   // unscored relations stay
  assert.deepEqual([...v.relations].sort(), ["r1", "r3", "r4"]);
  v = L.visibility(g, { status: ["active"] });
  assert.deepEqual([...v.relations], ["r1"]);
  v = L.visibility(g, { asOf: "2021", rels: ["funds"] });
  assert.deepEqual([...v.relations].sort(), ["r1", "r4"]);
  assert.deepEqual(v.hides.asOf, { entities: 0, relations: 1 });
  assert.deepEqual(v.hides.rels, { entities: 0, relations: 1 });
  assert.throws(() => L.visibility(g, { asOf: "2021-14" }), /not a date/);
  assert.throws(() => L.visibility(g, { minConfidence: "high" }), /not a number/);
});

test("expand and collapse: what hangs only from a collapsed entity goes too", () => {
  const g = L.makeGraph([E("f"), E("x"), E("y"), E("z")], [R("1", "f", "x"), R("2", "x", "y"), R("3", "y", "z")]);
  assert.deepEqual([...L.reachable(g, "f", new Set(["f"]))].sort(), ["f", "x"]);
  assert.deepEqual([...L.reachable(g, "f", new Set(["f", "x", "y"]))].sort(), ["f", "x", "y", "z"]);
  assert.deepEqual([...L.reachable(g, "f", new Set(["f", "y"]))].sort(), ["f", "x"]);   // y is not reached
  assert.deepEqual([...L.ball(g, "f", 2).entries()], [["f", 0], ["x", 1], ["y", 2]]);
});

// every simple path up to maxHops, ordered by (length, ids): the definition the search must meet
function bruteForce(g, a, b, maxHops) {
  const adj = L.adjacency(g, { entities: new Set(g.ents.keys()), relations: new Set(g.rels.keys()) });
  const out = [];
  (function walk(p) {
    const u = p[p.length - 1];
    if (u === b) { out.push(p.slice()); return; }
    if (p.length - 1 >= maxHops) return;
    adj.get(u).forEach((v) => { if (!p.includes(v)) { p.push(v); walk(p); p.pop(); } });
  })([a]);
  return out.sort((x, y) => x.length - y.length || L.cmpSeq(x, y));
}
function randomGraph(seed, n, m) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ents = Array.from({ length: n }, (_, i) => E("n" + String(i).padStart(2, "0")));
  const rels = Array.from({ length: m }, (_, i) => R("r" + i, ents[Math.floor(rnd() * n)].id, ents[Math.floor(rnd() * n)].id));
  return L.makeGraph(ents, rels);
}

test("paths: every shortest path in id order, and Yen's k shortest, on random graphs", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const g = randomGraph(seed, 12, 22);
    const all = { entities: new Set(g.ents.keys()), relations: new Set(g.rels.keys()) };
    const want = bruteForce(g, "n00", "n07", 5);
    const res = L.findPaths(g, all, "n00", "n07", { maxHops: 5 });
    const shortest = want.filter((p) => p.length === (want[0] || []).length).slice(0, 20);
    assert.deepEqual(res.paths.map((p) => p.entities.map((e) => e.id)), shortest, "seed " + seed);
    for (const k of [1, 3, 7]) {
      const got = L.findPaths(g, all, "n00", "n07", { maxHops: 5, k }).paths.map((p) => p.entities.map((e) => e.id));
      assert.deepEqual(got, want.slice(0, k), `seed ${seed} k ${k}`);
    }
  }
});

test("paths: hops carry every visible relation between the two, in id order, with the JSON shape", () => {
  const g = L.makeGraph([E("a"), E("b"), E("c")],
    [R("z", "a", "b"), R("m", "b", "a", { type: "owns" }), R("q", "b", "c", { since: "2030" })]);
  let v = L.visibility(g, {});
  const res = L.findPaths(g, v, "a", "c", {});
  assert.equal(res.found, 1);
  assert.equal(res.paths[0].length, 2);
  assert.deepEqual(res.paths[0].entities, [{ id: "a", type: "firm", name: "A" }, { id: "b", type: "firm", name: "B" }, { id: "c", type: "firm", name: "C" }]);
  assert.deepEqual(res.paths[0].hops[0].relations.map((r) => r.id), ["m", "z"]);
  assert.equal(res.paths[0].hops[0].from, "a");
  v = L.visibility(g, { asOf: "2025" });
  assert.equal(L.findPaths(g, v, "a", "c", {}).found, 0);
  v = L.visibility(g, { types: [] });
  assert.equal(L.findPaths(g, v, "a", "c", {}).found, 0);   // hidden ends: no path
  assert.equal(L.findPaths(g, L.visibility(g, {}), "a", "c", { maxHops: 1 }).found, 0);
});

test("URL state: round trip, odd ids, #name and ?focus=", () => {
  const s = L.emptyState();
  s.select = "e:a,b&c=d é"; s.from = "x y"; s.to = "中芯国际"; s.k = 3; s.maxHops = 5;
  s.focus = "f"; s.expanded = ["f", "g,h"]; s.hide.types = ["person"]; s.hide.countries = [L.NONE, "JP"];
  s.minConfidence = 0.5; s.asOf = "2025-07";
  const h = L.encodeState(s);
  assert.ok(!/[ é中]/.test(h));
  const back = L.decodeState("#" + h, "");
  assert.deepEqual(back, { ...s, expanded: ["f", "g,h"].sort(), hide: { ...s.hide, countries: [L.NONE, "JP"].sort() } });
  assert.equal(L.encodeState(L.emptyState()), "");
  assert.equal(L.decodeState("#smic", "").select, "e:smic");
  assert.equal(L.decodeState("", "?focus=smic").focus, "smic");
  const bad = L.decodeState("#asof=2025-99&k=x&conf=abc&sel=%E0%A4%A", "");
  assert.equal(bad.asOf, null); assert.equal(bad.k, null); assert.equal(bad.minConfidence, null); assert.equal(bad.select, null);
});

test("search tolerates spaces, case, company suffixes, typos and any script", () => {
  const ents = [
    E("softbank-group", "firm", { name: "SoftBank Group", aliases: ["软银集团", "SoftBank Group Corp."] }),
    E("smic", "firm", { name: "SMIC", aliases: ["中芯国际", "Semiconductor Manufacturing International Corporation"] }),
    E("japan-55b-investment-tool", "fund", { name: "Japan's $55 billion investment tool" }),
    E("japan", "location", { name: "Japan" }),
    E("hua-hong", "firm", { name: "Hua Hong Semiconductor" })];
  const idx = L.makeSearchIndex(ents);
  const top = (q) => (L.search(idx, q)[0] || { e: {} }).e.id;
  assert.equal(top("soft bank"), "softbank-group");
  assert.equal(top("SOFTBANK"), "softbank-group");
  assert.equal(top("SMIC Ltd"), "smic");
  assert.equal(top("smic limited"), "smic");
  assert.equal(top("japan fund"), "japan-55b-investment-tool");
  assert.equal(top("japan"), "japan");
  assert.equal(top("softbnak"), "softbank-group");   // transposition
  assert.equal(top("semiconducter"), "hua-hong");
  assert.equal(top("中芯"), "smic");
  assert.equal(top("软银"), "softbank-group");
  assert.deepEqual(L.search(idx, "   "), []);
  assert.deepEqual(L.search(idx, "zzzzzz"), []);
});

test("numbers as written: years stay 1925, amounts get separators", () => {
  assert.equal(L.fmt(1925), "1925");
  assert.equal(L.fmt([2020, 0.5]), "2020, 0.5");
  assert.equal(L.fmtAmount(55000000000), "55,000,000,000");
  assert.equal(L.fmtAmount(-1234.5), "-1,234.5");
});

test("the embedded data source answers neighbours and search from the page's JSON", () => {
  const data = { entities: [E("a"), E("b"), E("c")], relations: [R("1", "a", "b"), R("2", "b", "c")] };
  const src = L.embeddedSource(data);
  const n = src.neighbors("a", 1);
  assert.deepEqual(n.entities.map((e) => e.id).sort(), ["a", "b"]);
  assert.deepEqual(n.relations.map((r) => r.id), ["1"]);
  assert.equal(src.find("b", 5)[0].id, "b");
  const g = L.makeGraph([E("a")], []);
  const added = L.addRecords(g, n.entities, n.relations);
  assert.deepEqual(added, { entities: ["b"], relations: ["1"] });
});
