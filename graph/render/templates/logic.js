/* kg-explorer page logic: plain functions, no DOM, no drawing.
 *
 * Inlined into the page before page.js (one script element) and loaded by Node's
 * test runner (tests/js/*.test.js) through module.exports. Everything here
 * works on the page's own JSON records (the shapes of `kg export json` /
 * Entity.to_dict and Relation.to_dict: relations have from/to).
 *
 * The page gets its data through a *data source* (see embeddedSource):
 *
 *   source.meta                 -> {title, types, relationTypes, sources, focus, depth, ...}
 *   source.entities()           -> [entity records] known now
 *   source.relations()          -> [relation records] known now
 *   source.neighbors(id, depth) -> {entities, relations} around id (records), or a Promise of it
 *   source.find(q, limit)       -> [{id, score, matched}] best first, or a Promise of it
 *
 * The embedded source answers from the JSON inside the page; a server
 * (`kg serve`) can plug in one that fetches the same records on demand: the
 * page merges whatever neighbors() returns into its graph (addRecords) and
 * computes filters and paths over what it holds.
 */
(function (root) {
  "use strict";

  // ---------- dates: `kg path --as-of` semantics (graph/queries.py: active) ----------
  var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  function pad(n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; }
  function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
  /** A normalised ISO date prefix (2025, 2025-07, 2025-07-14) or null when it is not one. */
  function datePrefix(value) {
    if (value === null || value === undefined) return null;
    var text = String(value).trim(), m = DATE_RE.exec(text);
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    return text;
  }
  /** First and last full date a prefix covers: dateBounds("2024-02") -> ["2024-02-01", "2024-02-29"]. */
  function dateBounds(prefix) {
    var p = String(prefix).split("-"), y = +p[0];
    if (p.length === 1) return [pad(y, 4) + "-01-01", pad(y, 4) + "-12-31"];
    var m = +p[1];
    if (p.length === 2) return [pad(y, 4) + "-" + pad(m, 2) + "-01", pad(y, 4) + "-" + pad(m, 2) + "-" + pad(daysIn(y, m), 2)];
    return [prefix, prefix];
  }
  /** Whether a relation's since/until period overlaps the as-of date prefix. */
  function active(rel, asOf) {
    var b = dateBounds(asOf);
    if (rel.since && dateBounds(rel.since)[0] > b[1]) return false;
    if (rel.until && dateBounds(rel.until)[1] < b[0]) return false;
    return true;
  }
  /** The years the relations' since/until mention, sorted (for the time slider). */
  function years(relations) {
    var ys = new Set();
    relations.forEach(function (r) {
      [r.since, r.until].forEach(function (d) { if (d) ys.add(+String(d).slice(0, 4)); });
    });
    return Array.from(ys).sort(function (a, b) { return a - b; });
  }

  // ---------- the graph the page holds ----------
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function cmpSeq(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) { var c = cmp(a[i], b[i]); if (c) return c; }
    return a.length - b.length;
  }
  /** Maps over entity and relation records, with each entity's incident relations. */
  function makeGraph(entities, relations) {
    var g = { ents: new Map(), rels: new Map(), incident: new Map(), order: [] };
    addRecords(g, entities, relations);
    return g;
  }
  /** Merge records into a graph (new ones only); returns the ids that were new. */
  function addRecords(g, entities, relations) {
    var added = { entities: [], relations: [] };
    (entities || []).forEach(function (e) {
      if (g.ents.has(e.id)) return;
      g.ents.set(e.id, e); g.incident.set(e.id, []); g.order.push(e.id); added.entities.push(e.id);
    });
    (relations || []).forEach(function (r) {
      if (g.rels.has(r.id) || !g.ents.has(r.from) || !g.ents.has(r.to)) return;
      g.rels.set(r.id, r);
      g.incident.get(r.from).push(r);
      if (r.to !== r.from) g.incident.get(r.to).push(r);
      added.relations.push(r.id);
    });
    return added;
  }
  function other(r, id) { return r.from === id ? r.to : r.from; }

  // ---------- filters ----------
  var NONE = "(none)";   // the country / status key of records that have none
  /** Filters: allow-lists (null = everything) and two thresholds.
   *  {types, rels, countries, status: [..] | null, minConfidence: number | null, asOf: prefix | null}
   *  Relations without a confidence are kept by minConfidence (they are not scored). */
  function normFilters(f) {
    f = f || {};
    function list(v) { return v === undefined || v === null ? null : new Set(Array.isArray(v) ? v : [v]); }
    var asOf = f.asOf === undefined || f.asOf === null || f.asOf === "" ? null : datePrefix(f.asOf);
    if ((f.asOf || f.asOf === 0) && asOf === null) throw new Error("asOf: " + f.asOf + " is not a date like 2025, 2025-07 or 2025-07-14");
    var mc = f.minConfidence === undefined || f.minConfidence === null || f.minConfidence === "" ? null : Number(f.minConfidence);
    if (mc !== null && !isFinite(mc)) throw new Error("minConfidence: " + f.minConfidence + " is not a number");
    return { types: list(f.types), rels: list(f.rels), countries: list(f.countries), status: list(f.status),
             minConfidence: mc, asOf: asOf };
  }
  var ENTITY_TESTS = {
    types: function (f, e) { return !f.types || f.types.has(e.type); },
    countries: function (f, e) { return !f.countries || f.countries.has(e.country || NONE); }
  };
  var RELATION_TESTS = {
    rels: function (f, r) { return !f.rels || f.rels.has(r.type); },
    status: function (f, r) { return !f.status || f.status.has(r.status || NONE); },
    minConfidence: function (f, r) { return f.minConfidence === null || r.confidence === undefined || r.confidence === null || r.confidence >= f.minConfidence; },
    asOf: function (f, r) { return f.asOf === null || active(r, f.asOf); }
  };
  /** What is visible under filters (and, when `shown` is a Set, only among those entities).
   *  Returns {entities: Set, relations: Set, hides: {filter: {entities, relations}}}: how many
   *  items each filter hides on its own (among the shown ones). */
  function visibility(g, filters, shown) {
    var f = normFilters(filters);
    var ents = new Set(), rels = new Set(), hides = {};
    Object.keys(ENTITY_TESTS).concat(Object.keys(RELATION_TESTS)).forEach(function (k) { hides[k] = { entities: 0, relations: 0 }; });
    var failsE = new Map();
    g.ents.forEach(function (e, id) {
      if (shown && !shown.has(id)) return;
      var fails = [];
      for (var k in ENTITY_TESTS) if (!ENTITY_TESTS[k](f, e)) fails.push(k);
      fails.forEach(function (k) { hides[k].entities++; });
      failsE.set(id, fails);
      if (!fails.length) ents.add(id);
    });
    g.rels.forEach(function (r, id) {
      var fa = failsE.get(r.from), fb = failsE.get(r.to);
      if (!fa || !fb) return;   // an end is not shown
      var fails = new Set(fa.concat(fb));
      for (var k in RELATION_TESTS) if (!RELATION_TESTS[k](f, r)) fails.add(k);
      fails.forEach(function (k) { hides[k].relations++; });
      if (!fails.size) rels.add(id);
    });
    return { entities: ents, relations: rels, hides: hides, filters: f };
  }

  // ---------- focus pages: what expanding shows ----------
  /** Entities shown from `focus` when the entities in `expanded` show their neighbours:
   *  a walk that only continues from expanded entities (collapse one and what hangs only
   *  from it goes too). */
  function reachable(g, focus, expanded) {
    var shown = new Set();
    if (!g.ents.has(focus)) return shown;
    shown.add(focus);
    var queue = [focus];
    while (queue.length) {
      var u = queue.shift();
      if (!expanded.has(u)) continue;
      g.incident.get(u).forEach(function (r) {
        var v = other(r, u);
        if (!shown.has(v)) { shown.add(v); queue.push(v); }
      });
    }
    return shown;
  }
  /** Entities within `depth` hops of `focus` (their distance in a Map). */
  function ball(g, focus, depth) {
    var dist = new Map([[focus, 0]]), frontier = [focus];
    for (var d = 1; d <= depth && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (u) {
        g.incident.get(u).forEach(function (r) {
          var v = other(r, u);
          if (!dist.has(v)) { dist.set(v, d); next.push(v); }
        });
      });
      frontier = next;
    }
    return dist;
  }

  // ---------- paths: `kg path` semantics (graph/traverse.py, graph/store/memory.py) ----------
  var MAX_SHORTEST_PATHS = 20, DEFAULT_MAX_HOPS = 4;
  /** Undirected adjacency over the visible part: id -> sorted neighbour ids. */
  function adjacency(g, vis) {
    var adj = new Map();
    vis.entities.forEach(function (id) { adj.set(id, new Set()); });
    vis.relations.forEach(function (rid) {
      var r = g.rels.get(rid);
      if (r.from !== r.to && adj.has(r.from) && adj.has(r.to)) { adj.get(r.from).add(r.to); adj.get(r.to).add(r.from); }
    });
    var out = new Map();
    adj.forEach(function (s, id) { out.set(id, Array.from(s).sort(cmp)); });
    return out;
  }
  function distances(adj, start, maxDepth, banned, bannedStep) {
    var dist = new Map([[start, 0]]), frontier = [start];
    for (var d = 1; d <= maxDepth && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (u) {
        adj.get(u).forEach(function (v) {
          if (!dist.has(v) && !banned.has(v) && !bannedStep(u, v)) { dist.set(v, d); next.push(v); }
        });
      });
      frontier = next;
    }
    return dist;
  }
  /** Up to `limit` shortest simple paths a -> b (<= maxHops hops), in id-sequence order. */
  function shortestPaths(adj, a, b, maxHops, limit, banned, bannedSteps) {
    banned = banned || new Set(); bannedSteps = bannedSteps || new Set();
    if (a === b || banned.has(a) || banned.has(b) || maxHops < 1 || !adj.has(a) || !adj.has(b)) return [];
    var fwd = function (u, v) { return bannedSteps.has(u + "\u0000" + v); };
    var bwd = function (u, v) { return bannedSteps.has(v + "\u0000" + u); };
    var da = distances(adj, a, maxHops, banned, fwd);
    if (!da.has(b)) return [];
    var d = da.get(b), db = distances(adj, b, d, banned, bwd), out = [];
    (function extend(path) {
      if (out.length >= limit) return;
      var u = path[path.length - 1], i = path.length - 1;
      if (i === d) { if (u === b) out.push(path.slice()); return; }
      adj.get(u).forEach(function (v) {
        if (out.length >= limit || fwd(u, v) || banned.has(v)) return;
        if (da.get(v) === i + 1 && db.get(v) === d - i - 1) { path.push(v); extend(path); path.pop(); }
      });
    })([a]);
    return out;
  }
  /** The k shortest simple paths by (length, id sequence): Yen's method, as graph/traverse.py. */
  function kShortestPaths(adj, a, b, maxHops, k) {
    var first = shortestPaths(adj, a, b, maxHops, 1);
    if (!first.length) return [];
    var found = [first[0]], seen = new Set([first[0].join("\u0000")]), candidates = [];
    while (found.length < k) {
      var last = found[found.length - 1];
      for (var i = 0; i < last.length - 1; i++) {
        var root = last.slice(0, i + 1), rootKey = root.join("\u0000"), banned = new Set(root.slice(0, -1));
        var steps = new Set();
        found.forEach(function (p) {
          if (p.length > i + 1 && p.slice(0, i + 1).join("\u0000") === rootKey) steps.add(p[i] + "\u0000" + p[i + 1]);
        });
        shortestPaths(adj, last[i], b, maxHops - i, 1, banned, steps).forEach(function (tail) {
          var path = root.slice(0, -1).concat(tail), key = path.join("\u0000");
          if (!seen.has(key)) { seen.add(key); candidates.push(path); }
        });
      }
      if (!candidates.length) break;
      candidates.sort(function (x, y) { return x.length - y.length || cmpSeq(x, y); });
      found.push(candidates.shift());
    }
    return found;
  }
  function brief(e) { return { id: e.id, type: e.type, name: e.name }; }
  /** Paths a -> b over the visible part, shaped like `kg path --format json`.
   *  opts: {k: number | null (every shortest path, up to 20), maxHops: 4}. */
  function findPaths(g, vis, a, b, opts) {
    opts = opts || {};
    var maxHops = opts.maxHops === undefined || opts.maxHops === null ? DEFAULT_MAX_HOPS : +opts.maxHops;
    var k = opts.k === undefined || opts.k === null ? null : +opts.k;
    var result = { from: g.ents.get(a) || null, to: g.ents.get(b) || null, max_hops: maxHops, k: k,
                   filters: { as_of: vis.filters ? vis.filters.asOf : null }, found: 0, paths: [] };
    if (!vis.entities.has(a) || !vis.entities.has(b)) return result;
    var adj = adjacency(g, vis);
    var seqs = k === null ? shortestPaths(adj, a, b, maxHops, MAX_SHORTEST_PATHS) : kShortestPaths(adj, a, b, maxHops, k);
    seqs.sort(function (x, y) { return x.length - y.length || cmpSeq(x, y); });
    result.paths = seqs.map(function (ids) {
      var hops = [];
      for (var i = 0; i + 1 < ids.length; i++) {
        var u = ids[i], v = ids[i + 1];
        var rels = g.incident.get(u).filter(function (r) { return vis.relations.has(r.id) && other(r, u) === v && r.from !== r.to; })
          .sort(function (x, y) { return cmp(x.id, y.id); });
        hops.push({ from: u, to: v, relations: rels });
      }
      return { length: ids.length - 1, entities: ids.map(function (id) { return brief(g.ents.get(id)); }), hops: hops };
    });
    result.found = result.paths.length;
    return result;
  }

  // ---------- URL hash state ----------
  /* The view as a flat object (kg.state()):
   *   {select: "e:ID" | "r:ID" | null, from, to, k, maxHops, focus, expanded: [ids],
   *    hide: {types, rels, countries, status: [values]}, minConfidence, asOf}
   * Encoded as key=value pairs in the hash; lists comma-separated, each item
   * percent-encoded (so ids with commas survive). "#smic" alone selects smic (by id, name or alias);
   * "focus=smic" (hash or ?query) opens on smic's neighbourhood, expandable. */
  var LISTS = { ht: "types", hr: "rels", hc: "countries", hs: "status" };
  function enc(s) { return encodeURIComponent(s).replace(/%20/g, "+"); }
  function dec(s) { try { return decodeURIComponent(s.replace(/\+/g, " ")); } catch (e) { return null; } }
  function emptyState() {
    return { select: null, from: null, to: null, k: null, maxHops: null, focus: null, expanded: [],
             hide: { types: [], rels: [], countries: [], status: [] }, minConfidence: null, asOf: null };
  }
  function encodeState(s) {
    var parts = [];
    function put(k, v) { if (v !== null && v !== undefined && v !== "") parts.push(k + "=" + enc(String(v))); }
    function putList(k, v) { if (v && v.length) parts.push(k + "=" + v.slice().sort(cmp).map(enc).join(",")); }
    put("sel", s.select); put("from", s.from); put("to", s.to); put("k", s.k); put("hops", s.maxHops);
    put("focus", s.focus); putList("exp", s.expanded);
    Object.keys(LISTS).forEach(function (k) { putList(k, s.hide && s.hide[LISTS[k]]); });
    put("conf", s.minConfidence); put("asof", s.asOf);
    return parts.join("&");
  }
  function decodeState(hash, search) {
    var s = emptyState();
    hash = String(hash || "").replace(/^#/, "");
    search = String(search || "").replace(/^\?/, "");
    var pairs = [search, hash].join("&").split("&").filter(Boolean);
    pairs.forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i < 0) { var one = dec(pair); if (one) s.select = s.select || "e:" + one; return; }   // "#smic"
      var k = pair.slice(0, i), raw = pair.slice(i + 1);
      var list = function () { return raw.split(",").map(dec).filter(function (x) { return x !== null && x !== ""; }); };
      var v = dec(raw);
      if (v === null) return;
      if (k === "sel") s.select = v;
      else if (k === "from") s.from = v;
      else if (k === "to") s.to = v;
      else if (k === "k") s.k = /^\d+$/.test(v) ? +v : null;
      else if (k === "hops") s.maxHops = /^\d+$/.test(v) ? +v : null;
      else if (k === "focus") s.focus = v;
      else if (k === "exp") s.expanded = list();
      else if (LISTS[k]) s.hide[LISTS[k]] = list();
      else if (k === "conf") s.minConfidence = isFinite(+v) && v !== "" ? +v : null;
      else if (k === "asof") s.asOf = datePrefix(v);
    });
    return s;
  }

  // ---------- search ----------
  var SUFFIXES = new Set(["ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "plc",
    "gmbh", "ag", "sa", "nv", "bv", "kk", "holdings", "有限公司", "股份有限公司", "集团有限公司", "株式会社"]);
  /** Lower case, NFKC, quotes and dashes unified, punctuation to spaces: the words of a text. */
  function words(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'").replace(/[\u2010-\u2015]/g, "-")
      .split(/[\s\-_.,;:!?'"()\[\]{}\/\\|&+*#@$%^~<>=·•、。，（）]+/u).filter(Boolean);
  }
  function compact(ws) { return ws.join(""); }
  function core(ws) {   // without trailing company-form words ("SMIC Ltd" -> "smic")
    var out = ws.slice();
    while (out.length > 1 && SUFFIXES.has(out[out.length - 1])) out.pop();
    return out;
  }
  /** Damerau-Levenshtein distance, giving up (returning max + 1) beyond `max`. */
  function editDistance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var cur = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var c = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c = Math.min(c, prev2[j - 2] + 1);
        cur.push(c); if (c < best) best = c;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function typoBudget(n) { return n >= 8 ? 2 : n >= 4 ? 1 : 0; }
  /** Search labels for one entity: [{text, words, compact, core, weight}]. */
  function searchLabels(e) {
    var out = [];
    function label(text, weight) {
      if (text === undefined || text === null || text === "") return;
      var ws = words(text);
      out.push({ text: String(text), words: ws, compact: compact(ws), core: compact(core(ws)), weight: weight });
    }
    label(e.name, 1); (e.aliases || []).forEach(function (a) { label(a, 0.9); }); label(e.id, 0.8);
    return out;
  }
  /** How well a query matches one label (0 = not at all; higher is better). */
  function scoreLabel(q, l, typeWord) {
    if (!q.compact) return 0;
    if (l.compact === q.compact) return 100;
    if (q.core && (l.core === q.core || l.compact === q.core)) return 95;
    if (l.compact.indexOf(q.compact) === 0) return 85;
    if (l.words.some(function (w) { return w.indexOf(q.compact) === 0; })) return 75;
    if (l.compact.indexOf(q.compact) > 0) return 65;
    if (q.core && q.core.length >= 2 && l.compact.indexOf(q.core) >= 0) return 60;
    // every query word in the label (or the type), in any order, some with a typo
    var ws = core(q.words), typos = 0, ok = ws.length > 0;
    ws.forEach(function (w) {
      if (!ok) return;
      if (l.words.some(function (x) { return x.indexOf(w) === 0; }) || (typeWord && typeWord.indexOf(w) === 0)) return;
      var budget = typoBudget(Array.from(w).length);
      if (budget && l.words.some(function (x) { return editDistance(w, x.slice(0, Math.max(w.length, x.length)), budget) <= budget || editDistance(w, x.slice(0, w.length), budget) <= budget; })) { typos++; return; }
      ok = false;
    });
    if (ok) return 50 - 5 * typos;
    var budget = typoBudget(Array.from(q.compact).length);
    if (budget) {
      var dist = editDistance(q.compact, l.compact, budget);
      if (dist <= budget) return 45 - 5 * dist;
      var pre = editDistance(q.compact, l.compact.slice(0, q.compact.length), budget);
      if (pre <= budget) return 35 - 5 * pre;
    }
    return 0;
  }
  function makeSearchIndex(entities) {
    return entities.map(function (e) { return { e: e, labels: searchLabels(e), type: String(e.type).toLowerCase() }; });
  }
  /** The best entities for a query: [{e, score, matched}] (ties: name, then id). */
  function search(index, query, limit) {
    var ws = words(query);
    var q = { words: ws, compact: compact(ws), core: compact(core(ws)) };
    if (!q.compact) return [];
    var out = [];
    index.forEach(function (row) {
      var best = null;
      row.labels.forEach(function (l) {
        var s = scoreLabel(q, l, row.type);
        if (s) { s *= l.weight; if (!best || s > best.score) best = { e: row.e, score: s, matched: l.text }; }
      });
      if (best) out.push(best);
    });
    out.sort(function (a, b) { return b.score - a.score || a.e.name.localeCompare(b.e.name) || cmp(a.e.id, b.e.id); });
    return out.slice(0, limit || 12);
  }

  // ---------- numbers as written in the seeds ----------
  /** A value for the panel: numbers as written (a year stays 1925), lists joined. */
  function fmt(v) {
    if (Array.isArray(v)) return v.map(fmt).join(", ");
    if (typeof v === "number") return String(v);
    if (v === null || v === undefined) return "";
    return String(v);
  }
  /** An amount with thousands separators (amounts are money, not years): 55000000000 -> 55,000,000,000. */
  function fmtAmount(v) {
    if (typeof v !== "number" || !isFinite(v)) return fmt(v);
    var s = String(v);
    if (/e/i.test(s)) return s;
    var parts = s.split("."), neg = parts[0].charAt(0) === "-", int = neg ? parts[0].slice(1) : parts[0];
    int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (neg ? "-" : "") + int + (parts.length > 1 ? "." + parts[1] : "");
  }

  // ---------- the embedded data source ----------
  /** A data source over the JSON embedded in the page (see the header comment). */
  function embeddedSource(data) {
    var g = null, index = null;   // built on first use
    return {
      kind: "embedded",
      meta: data,
      entities: function () { return data.entities; },
      relations: function () { return data.relations; },
      neighbors: function (id, depth) {
        g = g || makeGraph(data.entities, data.relations);
        var dist = ball(g, id, depth || 1), rels = [];
        g.rels.forEach(function (r) { if (dist.has(r.from) && dist.has(r.to)) rels.push(r); });
        return { entities: Array.from(dist.keys(), function (x) { return g.ents.get(x); }), relations: rels };
      },
      find: function (q, limit) {
        index = index || makeSearchIndex(data.entities);
        return search(index, q, limit).map(function (h) { return { id: h.e.id, score: h.score, matched: h.matched }; });
      }
    };
  }

  var KgLogic = {
    datePrefix: datePrefix, dateBounds: dateBounds, active: active, years: years,
    makeGraph: makeGraph, addRecords: addRecords, other: other,
    NONE: NONE, normFilters: normFilters, visibility: visibility, reachable: reachable, ball: ball,
    adjacency: adjacency, shortestPaths: shortestPaths, kShortestPaths: kShortestPaths, findPaths: findPaths,
    MAX_SHORTEST_PATHS: MAX_SHORTEST_PATHS, DEFAULT_MAX_HOPS: DEFAULT_MAX_HOPS,
    emptyState: emptyState, encodeState: encodeState, decodeState: decodeState,
    words: words, editDistance: editDistance, makeSearchIndex: makeSearchIndex, search: search,
    fmt: fmt, fmtAmount: fmtAmount, embeddedSource: embeddedSource, cmp: cmp, cmpSeq: cmpSeq
  };
  if (typeof module !== "undefined" && module.exports) module.exports = KgLogic;
  else root.KgLogic = KgLogic;
})(this);
