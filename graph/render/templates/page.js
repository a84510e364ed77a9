/* kg-explorer page: draws the embedded graph with vis-network and wires the UI.
 *
 * Safety rule: every string from the seeds is inserted as text (textContent,
 * Text nodes, attributes) — never through innerHTML — and vis-network tooltips
 * get plain strings, which it shows with innerText.
 *
 * Globals for tests and users' scripts: `network` (the vis.Network, as pyvis
 * names it) and `kg` (data, DataSets and the actions behind the UI).
 */
"use strict";
var network = null;
var kg = (function () {
  var T = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  T.parsed = performance.now();
  var ents = DATA.entities, rels = DATA.relations;
  var entById = new Map(), relById = new Map(), incident = new Map();
  ents.forEach(function (e) { entById.set(e.id, e); incident.set(e.id, []); });
  rels.forEach(function (r) {
    relById.set(r.id, r);
    incident.get(r.from).push(r);
    if (r.to !== r.from) incident.get(r.to).push(r);
  });
  var typeInfo = new Map(DATA.types.map(function (t) { return [t.name, t]; }));
  // Maps, not plain objects: a seed may name a relation "constructor" or "toString"
  var relTypes = new Map(Object.entries(DATA.relationTypes));
  var curves = new Map(Object.entries(DATA.curves));
  var hiddenTypes = new Set();
  var INSIDE = new Set(["box", "ellipse", "circle", "database", "text"]);
  var PATH_COLOR = "#c2410c";
  var FADE = "rgba(255,255,255,0.84)";
  // vis-network keeps items in plain objects, so an id such as "constructor"
  // would collide with Object.prototype: such ids get a "~" prefix inside vis
  // (seed ids cannot start with "~"). Everything outside vis uses seed ids.
  function vid(id) { return id in Object.prototype ? "~" + id : id; }
  function kid(v) { return v.charAt(0) === "~" ? v.slice(1) : v; }

  // ---------- small DOM helpers (text only) ----------
  function add(node) {      // append children, skipping null/undefined/false; strings become Text nodes
    for (var i = 1; i < arguments.length; i++) {
      var kid = arguments[i];
      if (Array.isArray(kid)) add.apply(null, [node].concat(kid));
      else if (kid !== null && kid !== undefined && kid !== false) node.append(kid);
    }
    return node;
  }
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v === undefined || v === null) return;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    });
    return add.apply(null, [node].concat(Array.prototype.slice.call(arguments, 2)));
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
  function link(text, url) {
    var href = safeUrl(url);
    return href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, text) : text;
  }
  function fmt(v) {
    if (Array.isArray(v)) return v.map(fmt).join(", ");
    if (typeof v === "number") return v.toLocaleString("en-US");
    return String(v);
  }
  function setStatus(text) { document.getElementById("kg-status").textContent = text; }

  // ---------- labels ----------
  function relLabel(type) { var t = relTypes.get(type); return t ? t.label : type.replace(/_/g, " "); }
  function symmetric(type) { var t = relTypes.get(type); return !!(t && t.symmetric); }
  function arrowText(r, walkedFrom) {
    var l = relLabel(r.type);
    if (symmetric(r.type)) return "—" + l + "—";
    return r.from === walkedFrom ? "—" + l + "→" : "←" + l + "—";
  }
  function name(id) { var e = entById.get(id); return e ? e.name : id; }
  function sourceLabel(s) {
    if (!s) return null;
    var head = s.title || s.url || s.publisher || "unknown source";
    var extra = [s.title ? s.publisher : null, s.date].filter(Boolean);
    return extra.length ? head + " (" + extra.join(", ") + ")" : head;
  }
  function nodeTooltip(e) {
    var t = e.name + "\n" + e.type + (e.country ? " · " + e.country : "");
    if (e.aliases && e.aliases.length) t += "\n" + e.aliases.join(" · ");
    return t;
  }
  function edgeTooltip(r) {
    var t = name(r.from) + " " + (symmetric(r.type) ? "—" + relLabel(r.type) + "—" : "—" + relLabel(r.type) + "→") + " " + name(r.to);
    if (r.evidence) t += "\n“" + r.evidence + "”";
    var s = sourceLabel(r.source);
    if (s) t += "\n— " + s;
    return t;
  }

  // ---------- styles: one vis group per entity type ----------
  function darker(hex) {
    var h = hex.replace("#", "");
    if (h.length === 3) h = h.split("").map(function (c) { return c + c; }).join("");
    var n = parseInt(h, 16), f = 0.72;
    var r = Math.round(((n >> 16) & 255) * f), g = Math.round(((n >> 8) & 255) * f), b = Math.round((n & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }
  var groups = {};
  DATA.types.forEach(function (t) {
    var c = t.color || "#9e9e9e";
    groups[t.name] = {
      shape: t.shape,
      color: { background: c, border: darker(c), highlight: { background: c, border: "#1d2330" }, hover: { background: c, border: "#1d2330" } },
      font: INSIDE.has(t.shape) ? { color: "#ffffff", strokeWidth: 0 } : { color: "#1d2330" }
    };
  });
  DATA.options.groups = groups;
  function curve(id) {
    var bend = curves.get(id);
    return bend ? { enabled: true, type: bend > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(bend) } : null;
  }

  // ---------- data sets: only what differs from the global options per item ----------
  var pos = DATA.positions;
  var nodes = new vis.DataSet(ents.map(function (e, i) {
    var item = { id: vid(e.id), label: e.name, group: e.type, title: nodeTooltip(e), value: incident.get(e.id).length };
    if (pos) { item.x = pos[i][0]; item.y = pos[i][1]; }
    return item;
  }));
  var edges = new vis.DataSet(rels.map(function (r) {
    var item = { id: vid(r.id), from: vid(r.from), to: vid(r.to), label: relLabel(r.type), title: edgeTooltip(r) };
    if (symmetric(r.type)) { item.arrows = { to: { enabled: false } }; item.dashes = true; }
    var c = curve(r.id);
    if (c) item.smooth = c;
    return item;
  }));
  T.datasets = performance.now();

  // ---------- focus: lit items drawn over a veil that fades everything else ----------
  // Re-colouring thousands of items through the DataSet takes seconds on big
  // graphs; drawing a translucent layer and then the few lit items again
  // (vis-network 9.1.2's own Node/Edge draw calls) costs one redraw.
  var lit = null;            // {nodes: Set, edges: Set} while something is in focus
  var resting = null;        // the same for a query result (kg path --html ...)
  function setLit(value) { lit = value; network.redraw(); }
  function drawLit(ctx) {
    if (!lit) return;
    var w = container.clientWidth, h = container.clientHeight;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: w, y: h });
    ctx.save();
    ctx.fillStyle = FADE;
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    var body = network.body, labels = [];
    function shown(e) { return e && e.connected && !e.options.hidden && !e.from.options.hidden && !e.to.options.hidden; }
    lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e)) e.draw(ctx); });
    lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e)) e.drawArrows(ctx); });
    lit.nodes.forEach(function (id) {
      var n = body.nodes[id];
      if (n && !n.options.hidden) { var r = n.draw(ctx); if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel); }
    });
    labels.forEach(function (f) { f(); });
  }
  function lightUp(nodeIds, edgeIds) { setLit({ nodes: nodeIds, edges: edgeIds }); }
  function restState() { setLit(resting); }

  // ---------- network ----------
  var container = document.getElementById("kg-graph");
  // Listeners first, data second: on tiny graphs vis-network stabilises inside
  // setData, and an event nobody hears would leave the page "laying out".
  network = new vis.Network(container, {}, DATA.options);
  var api = { timing: T, data: DATA, nodes: nodes, edges: edges, ready: false, readyAt: null, selected: null };
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = T.ready = performance.now();
    document.body.setAttribute("data-ready", "1");
    setStatus("");
  }
  function settled() {
    network.setOptions({ physics: { enabled: false } });   // settle, then stop: no endless jiggle
    setStatus("");
    markReady();
  }
  network.on("afterDrawing", drawLit);
  network.on("stabilizationProgress", function (p) {
    setStatus("Laying out… " + Math.round(100 * p.iterations / p.total) + "%");
  });
  network.on("stabilizationIterationsDone", settled);
  network.on("stabilized", function () { if (network.physics.options.enabled) settled(); });
  if (DATA.arrowScale) {   // big graphs: arrowheads only once zoomed in enough to see them
    var arrowsOn = false;
    var syncArrows = function () {
      var want = network.getScale() >= DATA.arrowScale;
      if (want !== arrowsOn) {
        arrowsOn = want;
        network.setOptions({ edges: { arrows: { to: { enabled: want, scaleFactor: 0.6 } } } });
      }
    };
    network.on("zoom", syncArrows);
    network.on("animationFinished", syncArrows);
  }
  if (DATA.physics) setStatus("Laying out…");
  else network.once("afterDrawing", markReady);
  network.setData({ nodes: nodes, edges: edges });
  T.network = performance.now();

  // ---------- selection ----------
  function selectEntity(id, opts) {
    var e = entById.get(id);
    if (!e) return;
    if (hiddenTypes.has(e.type)) toggleType(e.type);
    api.selected = { kind: "entity", id: id };
    network.selectNodes([vid(id)], false);
    var near = new Set([vid(id)]);
    network.getConnectedNodes(vid(id)).forEach(function (n) { near.add(n); });
    lightUp(near, new Set(network.getConnectedEdges(vid(id))));
    showEntity(e);
    if (opts && opts.focus) network.focus(vid(id), { scale: Math.max(network.getScale(), 1.1), animation: { duration: 350 } });
  }
  function selectRelation(id) {
    var r = relById.get(id);
    if (!r) return;
    api.selected = { kind: "relation", id: id };
    network.setSelection({ nodes: [], edges: [vid(id)] }, { unselectAll: true, highlightEdges: false });
    lightUp(new Set([vid(r.from), vid(r.to)]), new Set([vid(id)]));
    showRelation(r);
  }
  function clearSelection() {
    api.selected = null;
    network.unselectAll();
    restState();
    clear(document.getElementById("kg-details")).append(
      el("p", { class: "kg-hint" }, "Click an entity or a relation to see its evidence."));
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectEntity(kid(p.nodes[0]));
    else if (p.edges.length) selectRelation(kid(p.edges[0]));
    else clearSelection();
  });

  // ---------- side panel ----------
  function entityButton(id) {
    return el("button", { class: "kg-link", type: "button", "data-entity": id,
                          onclick: function () { selectEntity(id, { focus: true }); } }, name(id));
  }
  function relationButton(r, walkedFrom) {
    return el("button", { class: "kg-link kg-arrow", type: "button", "data-relation": r.id,
                          onclick: function () { selectRelation(r.id); } }, arrowText(r, walkedFrom));
  }
  function typeBadge(type) {
    var t = typeInfo.get(type) || { color: "#9e9e9e", shape: "dot" };
    var sw = el("span", { class: "kg-swatch " + t.shape });
    sw.style.background = t.color;
    return el("span", { class: "kg-type" }, sw, type);
  }
  function facts(r) {
    var parts = [];
    if (r.amount !== undefined) parts.push("amount " + fmt(r.amount) + (r.currency ? " " + r.currency : ""));
    if (r.status) parts.push("status " + r.status);
    if (r.since) parts.push("since " + r.since);
    if (r.until) parts.push("until " + r.until);
    if (r.confidence !== undefined) parts.push("confidence " + r.confidence);
    Object.keys(r.properties || {}).forEach(function (k) { parts.push(k + " " + fmt(r.properties[k])); });
    return parts.length ? el("div", { class: "kg-facts" }, parts.join(" · ")) : null;
  }
  function evidenceBlock(r) {
    var s = r.source;
    return [
      r.evidence ? el("blockquote", { class: "kg-evidence" }, "“" + r.evidence + "”") : el("div", { class: "kg-facts" }, "(no evidence quote)"),
      s ? el("div", { class: "kg-source" }, "Source: ", link(sourceLabel(s), s.url), s.url && s.title ? el("span", null, " · ", link(s.url, s.url)) : null) : null,
      facts(r)
    ];
  }
  function showEntity(e) {
    var box = clear(document.getElementById("kg-details"));
    var dl = el("dl");
    function row(k, v) { if (v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length)) dl.append(el("dt", null, k), el("dd", null, v)); }
    row("id", e.id);
    row("aliases", (e.aliases || []).join(" · "));
    row("country", e.country);
    row("description", e.description);
    if (e.url) row("url", link(e.url, e.url));
    row("tags", (e.tags || []).join(", "));
    Object.keys(e.properties || {}).forEach(function (k) { row(k, fmt(e.properties[k])); });
    var list = el("ul", { class: "kg-rels" });
    incident.get(e.id).slice().sort(function (a, b) {
      return a.type < b.type ? -1 : a.type > b.type ? 1 : name(a.from === e.id ? a.to : a.from).localeCompare(name(b.from === e.id ? b.to : b.from));
    }).forEach(function (r) {
      var other = r.from === e.id ? r.to : r.from;
      list.append(el("li", { "data-relation": r.id },
        el("div", { class: "kg-rel-head" }, relationButton(r, e.id), " ", entityButton(other)),
        evidenceBlock(r)));
    });
    add(box, el("h3", { id: "kg-details-name" }, e.name), typeBadge(e.type), dl,
               el("h2", null, "Relations (" + incident.get(e.id).length + ")"), list);
  }
  function showRelation(r) {
    var box = clear(document.getElementById("kg-details"));
    add(box, el("h3", { id: "kg-details-name" }, entityButton(r.from), " ", relationButton(r, r.from), " ", entityButton(r.to)),
        el("div", { class: "kg-facts" }, "relation " + r.id), evidenceBlock(r));
  }

  // ---------- query result (kg path / neighbors / exposure --html) ----------
  function showResult(h) {
    var box = document.getElementById("kg-result");
    box.hidden = false;
    var list = el("ol", { class: "kg-items", id: "kg-result-items" });
    h.items.forEach(function (item, i) {
      var chain = el("div", { class: "kg-chain" });
      var hops = item.distance !== undefined ? item.distance : item.hops.length;
      chain.append(el("span", { class: "kg-facts" },
        (h.kind === "path" ? "Path " + (i + 1) + " · " : "") + hops + " hop" + (hops === 1 ? "" : "s") + ":"));
      item.nodes.forEach(function (id, k) {
        if (k > 0) item.hops[k - 1].forEach(function (rid) { chain.append(relationButton(relById.get(rid), item.nodes[k - 1])); });
        chain.append(entityButton(id));
      });
      (item.via || []).forEach(function (rid) {
        var r = relById.get(rid);
        chain.append(el("span", { class: "kg-facts" }, "via"), relationButton(r, item.nodes[0]), entityButton(r.from === item.nodes[0] ? r.to : r.from));
      });
      list.append(el("li", { "data-item": String(i) }, chain));
    });
    add(box, el("h2", null, h.title), h.note ? el("p", { class: "kg-note" }, h.note) : null, list);
    // the result is emphasised for good, and is what stays lit when nothing is selected
    nodes.update(h.nodes.map(function (id) {
      return { id: vid(id), kgPath: true, borderWidth: 4, color: { border: PATH_COLOR, highlight: { border: PATH_COLOR }, hover: { border: PATH_COLOR } } };
    }));
    edges.update(h.edges.map(function (id) {
      return { id: vid(id), kgPath: true, width: 4, color: { color: PATH_COLOR, highlight: "#9a3412", hover: "#9a3412" }, font: { color: "#9a3412" } };
    }));
    resting = { nodes: new Set(h.nodes.map(vid)), edges: new Set(h.edges.map(vid)) };
    restState();
  }

  // ---------- legend = type toggles ----------
  function toggleType(type) {
    var hide = !hiddenTypes.has(type);
    if (hide) hiddenTypes.add(type); else hiddenTypes.delete(type);
    var nu = [];
    nodes.forEach(function (n) { if (n.group === type) nu.push({ id: n.id, hidden: hide }); });
    nodes.update(nu);   // vis-network stops drawing the relations of hidden entities itself
    var b = document.querySelector('#kg-legend button[data-type="' + CSS.escape(type) + '"]');
    if (b) b.setAttribute("aria-pressed", hide ? "false" : "true");
  }
  var legend = document.getElementById("kg-legend");
  DATA.types.forEach(function (t) {
    var sw = el("span", { class: "kg-swatch " + t.shape });
    sw.style.background = t.color;
    legend.append(el("li", null, el("button", { type: "button", "data-type": t.name, "aria-pressed": "true",
      title: "Hide or show " + t.name + " entities", onclick: function () { toggleType(t.name); } },
      sw, t.name, el("span", { class: "kg-count" }, String(t.count)))));
  });

  // ---------- header, sources ----------
  var meta = [ents.length.toLocaleString("en-US") + " entities", rels.length.toLocaleString("en-US") + " relations",
              "generated " + DATA.generated];
  if (DATA.folder) meta.push("seeds: " + DATA.folder);
  if (DATA.subtitle) meta.push(DATA.subtitle);
  document.getElementById("kg-meta").textContent = meta.join(" · ");
  var srcList = document.getElementById("kg-sources");
  DATA.sources.forEach(function (s) {
    srcList.append(el("li", null, link(s.title || s.url || s.publisher || "untitled", s.url),
      [s.title ? s.publisher : null, s.date].filter(Boolean).length ? " — " + [s.title ? s.publisher : null, s.date].filter(Boolean).join(", ") : ""));
  });
  if (!DATA.sources.length) srcList.append(el("li", { class: "kg-hint" }, "No sources given."));

  // ---------- search ----------
  function norm(s) {
    return String(s).normalize("NFKC").replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑–—]/g, "-")
      .toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  var searchIndex = ents.map(function (e) {
    var labels = [[norm(e.name), e.name, 0.1]];
    (e.aliases || []).forEach(function (a) { labels.push([norm(a), a, 0]); });
    labels.push([norm(e.id), e.id, 0]);
    return { e: e, labels: labels };
  });
  function search(q) {
    q = norm(q);
    if (!q) return [];
    var out = [];
    searchIndex.forEach(function (row) {
      var best = null;
      row.labels.forEach(function (l) {
        var s = l[0] === q ? 3 : l[0].indexOf(q) === 0 ? 2 : l[0].indexOf(q) > 0 ? 1 : 0;
        if (s) { s += l[2]; if (!best || s > best.score) best = { e: row.e, score: s, matched: l[1] }; }
      });
      if (best) out.push(best);
    });
    out.sort(function (a, b) { return b.score - a.score || a.e.name.localeCompare(b.e.name) || (a.e.id < b.e.id ? -1 : 1); });
    return out.slice(0, 12);
  }
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-search-results");
  var hits = [], active = -1;
  function renderHits() {
    clear(results);
    results.hidden = !hits.length;
    hits.forEach(function (h, i) {
      var sub = h.matched !== h.e.name ? h.e.type + " · " + h.matched : h.e.type;
      results.append(el("li", { role: "option", "data-entity": h.e.id, "aria-selected": i === active ? "true" : "false",
        onmousedown: function (ev) { ev.preventDefault(); choose(i); } },
        h.e.name, " ", el("span", { class: "kg-sub" }, sub)));
    });
  }
  function choose(i) {
    var h = hits[i];
    if (!h) return;
    hits = []; active = -1; renderHits();
    input.value = h.e.name;
    selectEntity(h.e.id, { focus: true });
  }
  input.addEventListener("input", function () { hits = search(input.value); active = hits.length ? 0 : -1; renderHits(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); renderHits(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderHits(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (!hits.length) hits = search(input.value); choose(Math.max(active, 0)); ev.preventDefault(); }
    else if (ev.key === "Escape") { hits = []; renderHits(); }
  });
  input.addEventListener("blur", function () { hits = []; renderHits(); });

  // ---------- buttons ----------
  function relayout() {
    setStatus("Laying out…");
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(DATA.relayoutIterations);
  }
  function pngBlob(callback) {
    var src = container.querySelector("canvas");
    var c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    c.toBlob(callback, "image/png");
  }
  function downloadPng() {
    pngBlob(function (blob) {
      var a = el("a", { href: URL.createObjectURL(blob), download: DATA.fileStem + ".png" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  }
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("kg-relayout").addEventListener("click", relayout);
  document.getElementById("kg-png").addEventListener("click", downloadPng);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && ev.target === document.body) clearSelection(); });

  if (DATA.highlight) showResult(DATA.highlight);

  api.lit = function () {
    return lit ? { nodes: Array.from(lit.nodes, kid).sort(), edges: Array.from(lit.edges, kid).sort() } : null;
  };
  api.selectEntity = selectEntity;
  api.selectRelation = selectRelation;
  api.clearSelection = clearSelection;
  api.toggleType = toggleType;
  api.search = search;
  api.relayout = relayout;
  api.pngBlob = pngBlob;
  api.hiddenTypes = hiddenTypes;
  return api;
})();
