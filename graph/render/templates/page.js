/* kg-explorer page: draws the graph with vis-network and wires the UI.
 *
 * The logic that is not drawing (filters, as-of, paths, URL state, search)
 * lives in logic.js (KgLogic, unit-tested with node --test); this file keeps
 * the DOM and the canvas in step with it. Data comes through a data source
 * (KgLogic.embeddedSource here; see logic.js for the interface).
 *
 * Safety rule: every string from the seeds is inserted as text (textContent,
 * Text nodes, attributes) — never through innerHTML — and vis-network tooltips
 * get plain strings, which it shows with innerText.
 *
 * Globals: `network` (the vis.Network, as pyvis names it) and `kg`, the page's
 * public API (README, "The page's JavaScript API"): kg.select, kg.filter, kg.path,
 * kg.expand, kg.collapse, kg.visible, kg.state.
 */
"use strict";
var network = null;
var kg = (function () {
  var L = KgLogic;
  var T = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  T.parsed = performance.now();
  // kg serve: its pages carry DATA.server and its data source (graph/serve/static/source.js)
  var source = DATA.server && typeof kgServerSource === "function" ? kgServerSource(DATA) : L.embeddedSource(DATA);
  var LIVE = source.kind === "server";   // queries go to the server, over the whole graph
  var G = L.makeGraph(source.entities(), source.relations());
  var ents = DATA.entities, rels = DATA.relations;
  var entById = G.ents, relById = G.rels, incident = G.incident;
  var typeInfo = new Map(DATA.types.map(function (t) { return [t.name, t]; }));
  // Maps, not plain objects: a seed may name a relation "constructor" or "toString"
  var relTypes = new Map(Object.entries(DATA.relationTypes));
  var curves = new Map(Object.entries(DATA.curves));
  var INSIDE = new Set(["box", "ellipse", "circle", "database", "text"]);
  var PATH_COLOR = "#c2410c", FOCUS_COLOR = "#7c3aed";
  var FADE = "rgba(255,255,255,0.84)";
  var LARGE = !!DATA.arrowScale;
  var HUBS = 24;              // entities labelled at any zoom (the best connected visible ones)
  var PAGE = 50;              // relations listed at a time in the panel
  var LIT_LABELS = 40;        // most labels drawn for a selection's neighbourhood
  // vis-network keeps items in plain objects, so an id such as "constructor"
  // would collide with Object.prototype: such ids get a "~" prefix inside vis
  // (seed ids cannot start with "~"). Everything outside vis uses seed ids.
  function vid(id) { return id in Object.prototype ? "~" + id : id; }
  function kid(v) { return v.charAt(0) === "~" ? v.slice(1) : v; }

  // ---------- small DOM helpers (text only) ----------
  function add(node) {      // append children, skipping null/undefined/false; strings become Text nodes
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (Array.isArray(c)) add.apply(null, [node].concat(c));
      else if (c !== null && c !== undefined && c !== false) node.append(c);
    }
    return node;
  }
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    });
    return add.apply(null, [node].concat(Array.prototype.slice.call(arguments, 2)));
  }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
  function link(text, url) {
    var href = safeUrl(url);
    return href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, text) : text;
  }
  var fmt = L.fmt;
  function setStatus(text) { $("kg-status").textContent = text; }

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
  function rgb(hex) {
    var h = String(hex || "#9e9e9e").replace("#", "");
    if (h.length === 3) h = h.split("").map(function (c) { return c + c; }).join("");
    var n = parseInt(h, 16);
    return isNaN(n) ? [158, 158, 158] : [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  function hex(c) { return "#" + ((1 << 24) + (c[0] << 16) + (c[1] << 8) + c[2]).toString(16).slice(1); }
  function darker(h) { return hex(rgb(h).map(function (x) { return Math.round(x * 0.72); })); }
  function paler(h) { return hex(rgb(h).map(function (x) { return Math.round(x + (255 - x) * 0.45); })); }
  var groups = {};
  DATA.types.forEach(function (t) {
    var c = t.color || "#9e9e9e", bg = LARGE ? paler(c) : c;
    groups[t.name] = {
      shape: t.shape,
      color: { background: bg, border: darker(c), highlight: { background: c, border: "#1d2330" }, hover: { background: c, border: "#1d2330" } },
      font: INSIDE.has(t.shape) ? { color: "#ffffff", strokeWidth: 0 } : { color: "#1d2330" }
    };
    // a label drawn inside its shape (box, ellipse...) is the shape: never skip it
    if (INSIDE.has(t.shape)) groups[t.name].scaling = { label: { drawThreshold: 1 } };
  });
  DATA.options.groups = groups;
  function curve(id) {
    var bend = curves.get(id);
    return bend ? { enabled: true, type: bend > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(bend) } : null;
  }

  // ---------- data sets: only what differs from the global options per item ----------
  var pos = DATA.positions;
  function nodeItem(e, i) {
    var item = { id: vid(e.id), label: e.name, group: e.type, title: nodeTooltip(e), value: incident.get(e.id).length };
    if (pos && pos[i]) { item.x = pos[i][0]; item.y = pos[i][1]; }
    return item;
  }
  function edgeItem(r) {
    var item = { id: vid(r.id), from: vid(r.from), to: vid(r.to), label: relLabel(r.type), title: edgeTooltip(r) };
    if (symmetric(r.type)) { item.arrows = { to: { enabled: false } }; item.dashes = true; }
    var c = curve(r.id);
    if (c) item.smooth = c;
    return item;
  }
  var nodes = new vis.DataSet(ents.map(nodeItem));
  var edges = new vis.DataSet(rels.map(edgeItem));
  T.datasets = performance.now();

  // ---------- view state (what kg.state() returns and the hash encodes) ----------
  var allTypes = DATA.types.map(function (t) { return t.name; });
  var allRels = Object.keys(DATA.relationTypes);
  var allCountries = Array.from(new Set(ents.map(function (e) { return e.country || L.NONE; }))).sort(L.cmp);
  var allStatus = Array.from(new Set(rels.map(function (r) { return r.status || L.NONE; }))).sort(L.cmp);
  var S = L.emptyState();
  var hidden = { types: new Set(), rels: new Set(), countries: new Set(), status: new Set() };
  var explore = null;        // {focus, expanded: Set} when only part of the graph is shown
  var V = null;              // the current L.visibility(...) result
  var pathResult = null;     // the last in-page path result
  var hubs = [];             // vis ids of the best-connected visible entities
  if (DATA.focus && entById.has(DATA.focus)) {
    var dist0 = L.ball(G, DATA.focus, DATA.depth || 1), exp0 = new Set();
    dist0.forEach(function (d, id) { if (d < (DATA.depth || 1)) exp0.add(id); });
    explore = { focus: DATA.focus, expanded: exp0 };
  }

  // ---------- focus: lit items drawn over a veil that fades everything else ----------
  // Re-colouring thousands of items through the DataSet takes seconds on big
  // graphs; drawing a translucent layer and then the few lit items again
  // (vis-network 9.1.2's own Node/Edge draw calls) costs one redraw.
  var lit = null;            // {nodes: Set, edges: Set, path: bool} while something is in focus
  var resting = null;        // the same for a query result (kg path --html ...)
  function setLit(value) { lit = value; network.redraw(); }
  function drawLabel(ctx, n, scale, placed, always) {
    // in screen space: a 12 px font under a 0.005x zoom would be a 2,400 px glyph to rasterise;
    // a label that would overlap one already drawn is skipped (best connected first)
    var off = overview() ? dotRadius(n, scale) : (n.shape && n.shape.height ? n.shape.height / 2 : 10);
    var at = network.canvasToDOM({ x: n.x, y: n.y + off }), ratio = network.canvas.pixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "12px system-ui, sans-serif";
    var w = ctx.measureText(n.options.label).width + 6;
    var box = { l: at.x - w / 2, r: at.x + w / 2, t: at.y + 2, b: at.y + 18 };
    var clash = placed.some(function (q) { return box.l < q.r && q.l < box.r && box.t < q.b && q.t < box.b; });
    if (!clash || always) {
      placed.push(box);
      ctx.textAlign = "center"; ctx.textBaseline = "top";
      ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff"; ctx.lineJoin = "round";
      ctx.strokeText(n.options.label, at.x, at.y + 3);
      ctx.fillStyle = "#1d2330"; ctx.fillText(n.options.label, at.x, at.y + 3);
    }
    ctx.restore();
  }
  function labelShown(n, scale) {   // whether vis draws this node's own label at this zoom
    var th = DATA.options.nodes.scaling.label.drawThreshold;
    return n.options.font && n.options.font.size * scale >= th - 1;
  }
  function afterDrawing(ctx) {
    var body = network.body, scale = network.getScale(), labels = [];
    function shown(e) { return e && e.connected && !e.options.hidden && !e.from.options.hidden && !e.to.options.hidden; }
    if (lit) {
      var w = container.clientWidth, h = container.clientHeight;
      var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: w, y: h });
      ctx.save();
      ctx.fillStyle = FADE;
      ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
      ctx.restore();
      if (lit.path) {   // the path under the lit relations, in the path colour
        ctx.save(); ctx.strokeStyle = PATH_COLOR; ctx.globalAlpha = 0.55; ctx.lineWidth = Math.max(5, 6 / scale);
        lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e)) { ctx.beginPath(); ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); ctx.stroke(); } });
        ctx.restore();
      }
      if (overview()) {   // the lit part as strong lines and dots, in screen-sized strokes
        // hairlines (1 px): Skia's fast path; wider strokes of thousands of segments take seconds
        ctx.save(); ctx.lineWidth = 1 / scale; ctx.strokeStyle = "#3b4352"; ctx.beginPath();
        lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e)) { ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); } });
        ctx.stroke();
        var byColor = new Map(), ring = [], vb = viewBox(20);
        lit.nodes.forEach(function (id) {   // batched: a hub's neighbourhood can be thousands of entities
          var n = body.nodes[id];
          if (!n || n.options.hidden || n.x < vb.l || n.x > vb.r || n.y < vb.t || n.y > vb.b) return;
          var t = typeInfo.get(entById.get(kid(id)).type) || { color: "#9e9e9e" };
          if (!byColor.has(t.color)) byColor.set(t.color, []);
          byColor.get(t.color).push(n); ring.push(n);
        });
        byColor.forEach(function (list, c) { ctx.beginPath(); dotPath(ctx, list, scale, 4.5 / scale); ctx.fillStyle = c || "#9e9e9e"; ctx.fill(); });
        ctx.restore();
      } else {
        var vb2 = viewBox(40);
        lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e) && !outside(vb2, e.from, e.to)) e.draw(ctx); });
        lit.edges.forEach(function (id) { var e = body.edges[id]; if (shown(e) && !outside(vb2, e.from, e.to)) e.drawArrows(ctx); });
        lit.nodes.forEach(function (id) {
          var n = body.nodes[id];
          if (n && !n.options.hidden && !outside(vb2, n, n)) { var r = n.draw(ctx); if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel); }
        });
        labels.forEach(function (f) { f(); });
      }
    }
    // level of detail: hubs, the lit entities and the focus keep a readable label at every zoom
    var want = [], placed = [], first = null;
    if (api.selected && api.selected.kind === "entity") first = vid(api.selected.id);
    if (explore) want.push(vid(explore.focus));
    if (lit) {   // the lit entities, best connected first (at most LIT_LABELS of them)
      var litIds = Array.from(lit.nodes);
      litIds.sort(function (a, b) { return incident.get(kid(b)).length - incident.get(kid(a)).length || L.cmp(a, b); });
      want = want.concat(litIds.slice(0, LIT_LABELS));
    }
    want = want.concat(hubs);
    if (first) want.unshift(first);
    var done = new Set();
    want.forEach(function (id) {
      var n = body.nodes[id];
      if (done.has(id) || !n || n.options.hidden) return;
      done.add(id);
      if (!labelShown(n, scale)) drawLabel(ctx, n, scale, placed, id === first);
    });
    if (explore) {   // the focus entity is ringed
      var f = body.nodes[vid(explore.focus)];
      if (f && !f.options.hidden) {
        ctx.save(); ctx.strokeStyle = FOCUS_COLOR; ctx.lineWidth = 3 / scale;
        ctx.beginPath(); ctx.arc(f.x, f.y, Math.max(f.shape.width || 20, 20) / 2 + 6 / scale, 0, 2 * Math.PI); ctx.stroke(); ctx.restore();
      }
    }
  }
  function lightUp(nodeIds, edgeIds, isPath) { setLit({ nodes: nodeIds, edges: edgeIds, path: !!isPath }); }
  function restState() { setLit(resting); }

  // ---------- network ----------
  var container = $("kg-graph");
  // Listeners first, data second: on tiny graphs vis-network stabilises inside
  // setData, and an event nobody hears would leave the page "laying out".
  network = new vis.Network(container, {}, DATA.options);
  var api = { timing: T, data: DATA, source: source, nodes: nodes, edges: edges, ready: false, readyAt: null, selected: null };
  var restore = null;   // the hash's state, applied once the layout is settled
  function markReady() {
    if (api.ready) return;
    if (restore) { var s = restore; restore = null; applyState(s, true); }
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
  network.on("afterDrawing", afterDrawing);
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
  // hidden items stay in the data (and in the layout): filters never reshuffle the graph
  restore = L.decodeState(location.hash, location.search);
  applyVisibility(true);
  // ---------- large pages: an overview that draws fast ----------
  // Below DATA.arrowScale a big graph is drawn as one batched path per colour
  // (edges as faint hairlines, entities as dots of at least OVERVIEW_DOT px),
  // and edges outside the window are skipped at every zoom. Software-rendered
  // canvases (no GPU) pay per stroke call: 30,000 separate strokes took seconds
  // a frame. Relies on vis-network 9.1.2's renderer (_drawEdges/_drawNodes/_drawArrows),
  // pinned through pyvis 0.3.2.
  var OVERVIEW_DOT = 2.2;
  function overview() { return LARGE && network.getScale() < DATA.arrowScale; }
  function viewBox(margin) {
    var a = network.DOMtoCanvas({ x: -margin, y: -margin }), b = network.DOMtoCanvas({ x: container.clientWidth + margin, y: container.clientHeight + margin });
    return { l: a.x, t: a.y, r: b.x, b: b.y };
  }
  function outside(box, f, t) {
    return (f.x < box.l && t.x < box.l) || (f.x > box.r && t.x > box.r) || (f.y < box.t && t.y < box.t) || (f.y > box.b && t.y > box.b);
  }
  function dotPath(ctx, list, scale, min) {   // many dots: squares (arcs cost ~3x to rasterise)
    var square = list.length > 1500;
    list.forEach(function (n) {
      var r = Math.max(dotRadius(n, scale), min);
      if (square) ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
      else { ctx.moveTo(n.x + r, n.y); ctx.arc(n.x, n.y, r, 0, 2 * Math.PI); }
    });
  }
  function dotRadius(n, scale) { return Math.max((n.options.size || 10) * 0.6, (OVERVIEW_DOT + Math.min(4, Math.sqrt(n.edges.length) / 2)) / scale); }
  // The overview layer is kept as a bitmap while the view and the data stay the same:
  // selecting, clearing and hovering then redraw only what lies on top of it.
  var layer = { canvas: document.createElement("canvas"), key: null, version: 0, hit: false };
  function layerKey() {
    var v = network.body.view, c = network.canvas.frame.canvas;
    return [v.translation.x, v.translation.y, v.scale, c.width, c.height, layer.version].join(",");
  }
  function dataChanged() { layer.version++; }
  nodes.on("*", dataChanged);
  edges.on("*", dataChanged);
  if (LARGE) {
    var R = network.renderer, drawNodes = R._drawNodes.bind(R);
    R._drawEdges = function (ctx) {
      var body = network.body, ids = body.edgeIndices, box = viewBox(40), scale = network.getScale(), i, e;
      layer.hit = false;
      if (overview() && layer.key === layerKey()) {
        ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.drawImage(layer.canvas, 0, 0); ctx.restore();
        layer.hit = true;
        return;
      }
      if (overview()) {
        ctx.save(); ctx.lineWidth = 1 / scale; ctx.strokeStyle = "rgba(105,115,130,0.16)"; ctx.beginPath();
        for (i = 0; i < ids.length; i++) {
          e = body.edges[ids[i]];
          if (!e.connected || outside(box, e.from, e.to)) continue;
          ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y);
        }
        ctx.stroke(); ctx.restore();
        return;
      }
      for (i = 0; i < ids.length; i++) { e = body.edges[ids[i]]; if (e.connected && !outside(box, e.from, e.to)) e.draw(ctx); }
    };
    R._drawArrows = function (ctx) {
      if (overview()) return;
      var body = network.body, ids = body.edgeIndices, box = viewBox(40), i, e;
      for (i = 0; i < ids.length; i++) { e = body.edges[ids[i]]; if (e.connected && !outside(box, e.from, e.to)) e.drawArrows(ctx); }
    };
    R._drawNodes = function (ctx, alwaysShow) {
      if (alwaysShow || !overview()) return drawNodes(ctx, alwaysShow);
      if (layer.hit) return { drawExternalLabels: null };
      var body = network.body, ids = body.nodeIndices, box = viewBox(20), scale = network.getScale(), byColor = new Map();
      for (var i = 0; i < ids.length; i++) {
        var n = body.nodes[ids[i]];
        if (n.x < box.l || n.x > box.r || n.y < box.t || n.y > box.b) continue;
        var c = n.options.color.background;
        if (!byColor.has(c)) byColor.set(c, []);
        byColor.get(c).push(n);
      }
      byColor.forEach(function (list, c) {
        ctx.beginPath();
        dotPath(ctx, list, scale, 0);
        ctx.fillStyle = c; ctx.fill();
      });
      var src = network.canvas.frame.canvas;   // keep the layer (edges and dots) for the next frames
      layer.canvas.width = src.width; layer.canvas.height = src.height;
      layer.canvas.getContext("2d").drawImage(src, 0, 0);
      layer.key = layerKey();
      return { drawExternalLabels: null };
    };
  }
  function nearestEntity(domPoint, px) {   // hit-testing in the overview (dots are drawn by us)
    var body = network.body, ids = body.nodeIndices, c = network.DOMtoCanvas(domPoint), scale = network.getScale();
    var best = null, bd = Infinity;
    for (var i = 0; i < ids.length; i++) {
      var n = body.nodes[ids[i]], dx = n.x - c.x, dy = n.y - c.y, d = dx * dx + dy * dy;
      var reach = Math.max(px / scale, dotRadius(n, scale) + 2 / scale);
      if (d < bd && d <= reach * reach) { bd = d; best = ids[i]; }
    }
    return best === null ? null : kid(best);
  }
  if (DATA.physics) setStatus("Laying out…");
  else network.once("afterDrawing", markReady);
  network.setData({ nodes: nodes, edges: edges });
  T.network = performance.now();

  // ---------- filters and what is shown ----------
  function allowList(set, all) {
    if (!set.size) return null;
    return all.filter(function (x) { return !set.has(x); });
  }
  function filterSpec() {
    return { types: allowList(hidden.types, allTypes), rels: allowList(hidden.rels, allRels),
             countries: allowList(hidden.countries, allCountries), status: allowList(hidden.status, allStatus),
             minConfidence: S.minConfidence, asOf: S.asOf };
  }
  function shownSet() { return explore ? L.reachable(G, explore.focus, explore.expanded) : null; }
  function applyVisibility(initial) {
    V = L.visibility(G, filterSpec(), shownSet());
    var nu = [], eu = [];
    // only what changes goes through the DataSet (updating 10,000 items costs seconds)
    G.ents.forEach(function (e, id) {
      var h = !V.entities.has(id), item = initial ? null : nodes.get(vid(id));
      if (initial ? h : !!(item && item.hidden) !== h) nu.push({ id: vid(id), hidden: h });
    });
    G.rels.forEach(function (r, id) {
      var h = !V.relations.has(id), item = initial ? null : edges.get(vid(id));
      if (initial ? h : !!(item && item.hidden) !== h) eu.push({ id: vid(id), hidden: h });
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    var deg = [];
    V.entities.forEach(function (id) { deg.push([id, incident.get(id).length]); });
    deg.sort(function (a, b) { return b[1] - a[1] || L.cmp(a[0], b[0]); });
    hubs = deg.slice(0, HUBS).filter(function (d) { return d[1] > 1 || deg.length < HUBS; }).map(function (d) { return vid(d[0]); });
    if (!initial) { renderFilterCounts(); if (api.selected) reselect(); else if (network) network.redraw(); }
    return counts();
  }
  function counts() {
    return { entities: V.entities.size, relations: V.relations.size,
             total: { entities: G.ents.size, relations: G.rels.size }, hides: V.hides };
  }
  function reselect() {
    var s = api.selected;
    if (s && s.kind === "entity" && V.entities.has(s.id)) selectEntity(s.id);
    else if (s && s.kind === "relation" && V.relations.has(s.id)) selectRelation(s.id);
    else if (s && s.kind === "path" && pathResult) runPath(S.from, S.to, { k: S.k, maxHops: S.maxHops });
    else clearSelection();
  }
  /** kg.filter: allow-lists (null = all) and thresholds; returns the visible counts. */
  function filter(f) {
    f = f || {};
    L.normFilters(f);   // throws on a bad date or number
    function hideFrom(allow, all) { return allow === undefined ? null : new Set(allow === null ? [] : all.filter(function (x) { return allow.indexOf(x) < 0; })); }
    var sets = { types: hideFrom(f.types, allTypes), rels: hideFrom(f.rels, allRels),
                 countries: hideFrom(f.countries, allCountries), status: hideFrom(f.status, allStatus) };
    Object.keys(sets).forEach(function (k) { if (sets[k]) hidden[k] = sets[k]; });
    if (f.minConfidence !== undefined) S.minConfidence = f.minConfidence === null || f.minConfidence === "" ? null : +f.minConfidence;
    if (f.asOf !== undefined) S.asOf = f.asOf === null || f.asOf === "" ? null : L.datePrefix(f.asOf);
    syncControls();
    var c = applyVisibility(false);
    saveHash();
    return c;
  }
  function toggle(kind, value) {
    var set = hidden[kind];
    if (set.has(value)) set.delete(value); else set.add(value);
    syncControls();
    applyVisibility(false);
    saveHash();
  }
  function toggleType(type) { toggle("types", type); }

  // ---------- selection ----------
  function resolveId(idOrName) {
    if (idOrName === null || idOrName === undefined) return null;
    if (entById.has(idOrName)) return idOrName;
    if (LIVE) return null;   // not loaded yet: the server resolves names (see bring)
    var hit = source.find(String(idOrName), 1)[0];
    return hit ? hit.id : null;
  }
  function neighbourhood(id) {
    var near = new Set([vid(id)]), es = new Set();
    incident.get(id).forEach(function (r) {
      if (V.relations.has(r.id)) { es.add(vid(r.id)); near.add(vid(L.other(r, id))); }
    });
    return { nodes: near, edges: es };
  }
  function selectEntity(id, opts) {
    var e = entById.get(id);
    if (!e) return false;
    if (!V.entities.has(id)) {   // make it visible: its type, its country and, exploring, a way to it
      hidden.types.delete(e.type);
      hidden.countries.delete(e.country || L.NONE);
      if (explore && !L.reachable(G, explore.focus, explore.expanded).has(id)) {
        var all = { entities: new Set(G.ents.keys()), relations: new Set(G.rels.keys()) };
        var way = L.findPaths(G, all, explore.focus, id, { k: 1, maxHops: G.ents.size }).paths[0];
        if (way) way.entities.slice(0, -1).forEach(function (x) { explore.expanded.add(x.id); });
        else explore = { focus: id, expanded: new Set([id]) };
      }
      syncControls();
      applyVisibility(false);
    }
    api.selected = { kind: "entity", id: id };
    S.select = "e:" + id;
    network.selectNodes([vid(id)], false);
    var nb = neighbourhood(id);
    lightUp(nb.nodes, nb.edges);
    showEntity(e);
    if (opts && opts.focus) zoomTo(Array.from(nb.nodes));
    if (!(opts && opts.quiet)) saveHash();
    return true;
  }
  function zoomTo(vids) {   // the neighbourhood fills the view, but never closer than 1.6x
    if (!vids.length) return;
    var pts = network.getPositions(vids), xs = [], ys = [];
    Object.keys(pts).forEach(function (k) { xs.push(pts[k].x); ys.push(pts[k].y); });
    var w = Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), 120), h = Math.max(Math.max.apply(null, ys) - Math.min.apply(null, ys), 120);
    var cw = container.clientWidth || 300, ch = container.clientHeight || 300;
    var scale = Math.min(1.6, 0.8 * Math.min(cw / w, ch / h)), now = network.getScale();
    var inView = vids.length > 1 && Object.keys(pts).every(function (k) {
      var d = network.canvasToDOM(pts[k]); return d.x >= 0 && d.y >= 0 && d.x <= cw && d.y <= ch; });
    if (inView && scale / now < 1.25) return;   // already in view at about this zoom: the drawn layer stays
    network.moveTo({ position: { x: (Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2, y: (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2 },
                     scale: scale, animation: LARGE ? false : { duration: 350 } });
  }
  function selectRelation(id, opts) {
    var r = relById.get(id);
    if (!r) return false;
    api.selected = { kind: "relation", id: id };
    S.select = "r:" + id;
    network.setSelection({ nodes: [], edges: [vid(id)] }, { unselectAll: true, highlightEdges: false });
    lightUp(new Set([vid(r.from), vid(r.to)]), new Set([vid(id)]));
    showRelation(r);
    if (!(opts && opts.quiet)) saveHash();
    return true;
  }
  function clearSelection() {
    api.selected = null;
    S.select = null;
    if (pathResult) { pathResult = null; S.from = S.to = S.k = S.maxHops = null; clear($("kg-paths")); }
    network.unselectAll();
    restState();
    clear($("kg-details")).append(
      el("p", { class: "kg-hint" }, "Click an entity or a relation to see its evidence. Shift-click two entities for the paths between them."));
    saveHash();
  }
  var pickFrom = null;   // shift-click: the first end of a path
  network.on("click", function (p) {
    var node = p.nodes.length ? kid(p.nodes[0]) : null;
    if (!node && (overview() || (p.edges.length && network.getScale() < 0.35))) node = nearestEntity(p.pointer.DOM, 10);
    if (overview() && !node) p.edges = [];   // hairlines at Fit are not click targets
    var ev = p.event && p.event.srcEvent;
    if (node && ev && (ev.shiftKey || ev.altKey || ev.metaKey || ev.ctrlKey)) {
      if (pickFrom && pickFrom !== node) { var a = pickFrom; pickFrom = null; pathUI(a, node); }
      else { pickFrom = node; selectEntity(node); setStatus("Path from " + name(node) + ": shift-click the other end"); }
      return;
    }
    pickFrom = null;
    if (node) selectEntity(node, { focus: true });
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
  function swatch(t) {
    var sw = el("span", { class: "kg-swatch " + t.shape });
    sw.style.background = t.color;
    return sw;
  }
  function typeBadge(type) {
    return el("span", { class: "kg-type" }, swatch(typeInfo.get(type) || { color: "#9e9e9e", shape: "dot" }), type);
  }
  function facts(r) {
    var parts = [];
    if (r.amount !== undefined) parts.push("amount " + L.fmtAmount(r.amount) + (r.currency ? " " + r.currency : ""));
    if (r.status) parts.push("status " + r.status);
    if (r.since) parts.push("since " + r.since);
    if (r.until) parts.push("until " + r.until);
    if (r.confidence !== undefined) parts.push("confidence " + fmt(r.confidence));
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
  function paged(list, items, render) {   // PAGE items, then a "show more" button
    var shown = 0;
    var more = el("button", { type: "button", class: "kg-more" });
    function next() {
      items.slice(shown, shown + PAGE).forEach(function (x) { list.append(render(x)); });
      shown = Math.min(items.length, shown + PAGE);
      more.textContent = "Show " + Math.min(PAGE, items.length - shown) + " more (" + (items.length - shown) + " left)";
      more.hidden = shown >= items.length;
    }
    more.addEventListener("click", next);
    next();
    return more;
  }
  function showEntity(e) {
    var box = clear($("kg-details"));
    var dl = el("dl");
    function row(k, v) { if (v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length)) dl.append(el("dt", null, k), el("dd", null, v)); }
    row("id", e.id);
    row("aliases", (e.aliases || []).join(" · "));
    row("country", e.country);
    row("description", e.description);
    if (e.url) row("url", link(e.url, e.url));
    row("tags", (e.tags || []).join(", "));
    Object.keys(e.properties || {}).forEach(function (k) { row(k, fmt(e.properties[k])); });
    var all = incident.get(e.id), shownRels = all.filter(function (r) { return V.relations.has(r.id); });
    shownRels.sort(function (a, b) {
      return L.cmp(a.type, b.type) || name(L.other(a, e.id)).localeCompare(name(L.other(b, e.id))) || L.cmp(a.id, b.id);
    });
    var list = el("ul", { class: "kg-rels" });
    var more = paged(list, shownRels, function (r) {
      return el("li", { "data-relation": r.id },
        el("div", { class: "kg-rel-head" }, relationButton(r, e.id), " ", entityButton(L.other(r, e.id))),
        evidenceBlock(r));
    });
    var actions = el("div", { class: "kg-actions" },
      el("button", { type: "button", "data-action": "path-from", onclick: function () { $("kg-from").value = e.name; $("kg-from").dataset.id = e.id; $("kg-to").focus(); } }, "Path from here"),
      el("button", { type: "button", "data-action": "path-to", onclick: function () { $("kg-to").value = e.name; $("kg-to").dataset.id = e.id; if ($("kg-from").dataset.id) findFromForm(); else $("kg-from").focus(); } }, "Path to here"),
      explore && explore.expanded.has(e.id)
        ? el("button", { type: "button", "data-action": "collapse", onclick: function () { collapse(e.id); } }, "Collapse neighbours")
        : el("button", { type: "button", "data-action": "expand", onclick: function () { expand(e.id); } }, "Expand neighbours"));
    var beyond = e.more ? el("p", { class: "kg-note" }, e.more + " more relation" + (e.more === 1 ? "" : "s") + (LIVE ? " not loaded yet (Expand neighbours fetches them)." : " not in this page (re-render with a larger --depth).")) : null;
    var hiddenN = all.length - shownRels.length;
    add(box, el("h3", { id: "kg-details-name" }, e.name), typeBadge(e.type), dl, actions, beyond,
        el("h2", null, "Relations (" + shownRels.length + (hiddenN ? ", " + hiddenN + " hidden by filters" : "") + ")"), list, more);
  }
  function showRelation(r) {
    var box = clear($("kg-details"));
    add(box, el("h3", { id: "kg-details-name" }, entityButton(r.from), " ", relationButton(r, r.from), " ", entityButton(r.to)),
        el("div", { class: "kg-facts" }, "relation " + r.id), evidenceBlock(r));
  }

  // ---------- paths in the page ----------
  function path(from, to, opts) {
    if (LIVE) {
      return source.paths(from, to, Object.assign({ asOf: S.asOf }, opts || {})).then(function (got) {
        grow(L.addRecords(G, got.entities, got.relations));
        if (explore) got.result.paths.forEach(function (p) { p.entities.forEach(function (e) { explore.expanded.add(e.id); }); });
        applyVisibility(false);
        return got.result;
      });
    }
    var a = resolveId(from), b = resolveId(to);
    if (!a) throw new Error("no entity matches " + JSON.stringify(from));
    if (!b) throw new Error("no entity matches " + JSON.stringify(to));
    return L.findPaths(G, V, a, b, opts || {});
  }
  function runPath(from, to, opts) {
    return when(path(from, to, opts), function (res) { return showPathResult(res, opts); });
  }
  function showPathResult(res, opts) {
    pathResult = res;
    S.from = res.from.id; S.to = res.to.id;
    S.k = opts && opts.k ? +opts.k : null; S.maxHops = opts && opts.maxHops ? +opts.maxHops : null;
    S.select = null;
    api.selected = { kind: "path", from: S.from, to: S.to };
    showPaths(res);
    var ns = new Set([vid(S.from), vid(S.to)]), es = new Set();
    res.paths.forEach(function (p) {
      p.entities.forEach(function (e) { ns.add(vid(e.id)); });
      p.hops.forEach(function (h) { h.relations.forEach(function (r) { es.add(vid(r.id)); }); });
    });
    network.unselectAll();
    lightUp(ns, es, true);
    saveHash();
    return res;
  }
  function pathUI(a, b, opts) {
    $("kg-from").value = name(a); $("kg-from").dataset.id = a;
    $("kg-to").value = name(b); $("kg-to").dataset.id = b;
    return when(runPath(a, b, opts || { k: +$("kg-k").value || null, maxHops: +$("kg-hops").value || null }), function (res) {
    var ids = res.paths.length ? Array.from(new Set([].concat.apply([], res.paths.map(function (p) { return p.entities.map(function (e) { return vid(e.id); }); })))) : [vid(a), vid(b)];
    zoomTo(ids);
    return res;
    });
  }
  function findFromForm() {
    var f = $("kg-from"), t = $("kg-to");
    var a = f.dataset.id && name(f.dataset.id) === f.value ? f.dataset.id : resolveId(f.value) || (LIVE && f.value);
    var b = t.dataset.id && name(t.dataset.id) === t.value ? t.dataset.id : resolveId(t.value) || (LIVE && t.value);
    if (!a || !b) { clear($("kg-paths")).append(el("p", { class: "kg-note" }, "No entity matches " + (a ? t.value : f.value) + ".")); return null; }
    var res = pathUI(a, b);
    if (LIVE) res.catch(function (e) { clear($("kg-paths")).append(el("p", { class: "kg-note" }, e.message)); });
    return res;
  }
  function showPaths(res) {
    var box = clear($("kg-paths"));
    var title = "Paths from " + res.from.name + " to " + res.to.name;
    var note = res.paths.length ? res.found + " path" + (res.found === 1 ? "" : "s") + (res.k ? " (k = " + res.k + ")" : " (all shortest)") + (LIVE ? " in the whole graph" : " over what is visible now") + (S.asOf ? ", as of " + S.asOf : "")
      : "No path within " + res.max_hops + " hops " + (LIVE ? "in the whole graph." : "over what is visible now.");
    var list = el("ol", { class: "kg-items", id: "kg-path-items" });
    res.paths.forEach(function (p, i) {
      var chain = el("div", { class: "kg-chain" }, el("span", { class: "kg-facts" }, "Path " + (i + 1) + " · " + p.length + " hop" + (p.length === 1 ? "" : "s") + ":"));
      var hopsBox = el("ol", { class: "kg-hops" });
      p.entities.forEach(function (e, k) {
        if (k > 0) p.hops[k - 1].relations.forEach(function (r) { chain.append(relationButton(relById.get(r.id), p.entities[k - 1].id)); });
        chain.append(entityButton(e.id));
      });
      p.hops.forEach(function (h) {
        h.relations.forEach(function (r) {
          hopsBox.append(el("li", { "data-relation": r.id },
            el("div", { class: "kg-rel-head" }, entityButton(h.from), " ", relationButton(relById.get(r.id), h.from), " ", entityButton(h.to)),
            evidenceBlock(relById.get(r.id))));
        });
      });
      var det = el("details", { open: i === 0 ? true : null }, el("summary", null, "Evidence for each hop"), hopsBox);
      list.append(el("li", { "data-item": String(i) }, chain, det));
    });
    add(box, el("h2", { id: "kg-paths-title" }, title), el("p", { class: res.paths.length ? "kg-hint" : "kg-note" }, note), list);
    box.hidden = false;
    box.scrollIntoView && $("kg-panel").scrollTo({ top: 0 });
  }

  // ---------- expand / collapse ----------
  function when(value, fn) { return value && typeof value.then === "function" ? value.then(fn) : fn(value); }
  function grow(added) {   // records a data source brought in join the page's data sets
    if (added.entities.length) nodes.add(added.entities.map(function (id) { return nodeItem(G.ents.get(id), -1); }));
    if (added.relations.length) edges.add(added.relations.map(function (id) { return edgeItem(G.rels.get(id)); }));
  }
  function expand(idOrName) {
    var id = resolveId(idOrName) || (LIVE ? idOrName : null);
    if (!id) return null;
    return when(source.neighbors(id, 1), function (got) {
      if (got.center) id = got.center;
      grow(L.addRecords(G, got.entities, got.relations));
      if (!explore) explore = { focus: id, expanded: new Set(G.order) };   // whole graph: already all shown
      explore.expanded.add(id);
      var c = applyVisibility(false);
      if (api.selected && api.selected.kind === "entity" && api.selected.id === id) selectEntity(id, { quiet: true });
      saveHash();
      return c;
    });
  }
  function collapse(idOrName) {
    var id = resolveId(idOrName);
    if (!id) return null;
    if (!explore) explore = { focus: id, expanded: new Set(G.order) };
    explore.expanded.delete(id);
    var c = applyVisibility(false);
    if (api.selected && api.selected.kind === "entity" && api.selected.id === id) selectEntity(id, { quiet: true });
    saveHash();
    return c;
  }
  function showAll() { explore = null; applyVisibility(false); saveHash(); updateExploreBar(); }
  function startExplore(id) {   // a whole-graph page opened on one entity: its neighbours, expandable
    explore = { focus: id, expanded: new Set([id]) };
    applyVisibility(false);
    updateExploreBar();
  }
  function updateExploreBar() {
    var bar = $("kg-explore");
    clear(bar);
    bar.hidden = !explore;
    if (!explore) return;
    add(bar, "Exploring from ", entityButton(explore.focus), " · " + V.entities.size + " of " + G.ents.size + " entities shown. Select an entity to expand or collapse it. ",
        el("button", { type: "button", id: "kg-show-all", onclick: showAll }, "Show all"));
  }

  // ---------- URL hash ----------
  var applying = false;
  function state() {
    var s = {
      select: S.select, from: S.from, to: S.to, k: S.k, maxHops: S.maxHops,
      focus: explore ? explore.focus : null,
      expanded: explore ? Array.from(explore.expanded).filter(function (id) { return V.entities.has(id); }).sort(L.cmp) : [],
      hide: { types: Array.from(hidden.types).sort(L.cmp), rels: Array.from(hidden.rels).sort(L.cmp),
              countries: Array.from(hidden.countries).sort(L.cmp), status: Array.from(hidden.status).sort(L.cmp) },
      minConfidence: S.minConfidence, asOf: S.asOf
    };
    if (DATA.focus && explore && explore.focus === DATA.focus && sameSet(explore.expanded, initialExpanded())) { s.focus = null; s.expanded = []; }
    return s;
  }
  function initialExpanded() {
    var out = new Set();
    L.ball(G, DATA.focus, DATA.depth || 1).forEach(function (d, id) { if (d < (DATA.depth || 1)) out.add(id); });
    return out;
  }
  function sameSet(a, b) { if (a.size !== b.size) return false; var ok = true; a.forEach(function (x) { if (!b.has(x)) ok = false; }); return ok; }
  function saveHash() {
    if (applying || !api.ready) return;
    var h = L.encodeState(state());
    if (("#" + h) !== location.hash && !(h === "" && location.hash === "")) history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
  }
  function applyState(s, initial) {
    applying = true;
    try {
      ["types", "rels", "countries", "status"].forEach(function (k) { hidden[k] = new Set(s.hide[k] || []); });
      S.minConfidence = s.minConfidence; S.asOf = s.asOf;
      var focus = s.focus ? resolveId(s.focus) : null;
      if (focus) explore = { focus: focus, expanded: new Set((s.expanded || []).filter(function (id) { return entById.has(id); }).concat(s.expanded && s.expanded.length ? [] : [focus])) };
      else if (!DATA.focus) explore = null;
      syncControls();
      applyVisibility(false);
      updateExploreBar();
      if (s.from && s.to && resolveId(s.from) && resolveId(s.to)) pathUI(resolveId(s.from), resolveId(s.to), { k: s.k, maxHops: s.maxHops });
      if (s.select && s.select.slice(0, 2) === "r:") selectRelation(s.select.slice(2));
      else if (s.select) { var id = resolveId(s.select.replace(/^e:/, "")); if (id) selectEntity(id, { focus: true }); }
      else if (explore && initial) zoomTo(Array.from(V.entities, vid));
    } finally { applying = false; }
  }
  window.addEventListener("hashchange", function () { if (!applying) applyState(L.decodeState(location.hash, ""), false); });
  function copyLink() {
    saveHash();
    var url = location.href, done = function () { setStatus("Link to this view copied"); setTimeout(function () { setStatus(""); }, 2000); };
    var input = $("kg-link-text");
    input.value = url; input.hidden = false; input.select();
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, function () { document.execCommand && document.execCommand("copy"); done(); });
    else { try { document.execCommand("copy"); } catch (e) { /* the link stays selected in the box */ } done(); }
    return url;
  }

  // ---------- query result (kg path / neighbors / exposure --html) ----------
  function showResult(h) {
    var box = $("kg-result");
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

  // ---------- legend (pinned on the graph) and filters (in the panel) ----------
  var legend = $("kg-legend");
  DATA.types.forEach(function (t) {
    legend.append(el("li", null, el("button", { type: "button", "data-type": t.name, "aria-pressed": "true",
      title: "Hide or show " + t.name + " entities", onclick: function () { toggleType(t.name); } },
      swatch(t), t.name, el("span", { class: "kg-count" }, String(t.count)))));
  });
  var relLegend = $("kg-rel-legend");
  var relCounts = new Map();
  rels.forEach(function (r) { relCounts.set(r.type, (relCounts.get(r.type) || 0) + 1); });
  allRels.forEach(function (t) {
    var line = el("span", { class: "kg-line" + (symmetric(t) ? " dashed" : "") });
    relLegend.append(el("li", null, el("button", { type: "button", "data-rel": t, "aria-pressed": "true",
      title: (symmetric(t) ? "Symmetric (dashed, no arrow): " : "Directed (arrow): ") + relLabel(t) + ". Click to hide or show.",
      onclick: function () { toggle("rels", t); } }, line, relLabel(t), el("span", { class: "kg-count" }, String(relCounts.get(t) || 0)))));
  });
  if (allRels.some(symmetric)) $("kg-legend-note").textContent = "arrows point from → to; dashed lines are symmetric (both ways)";
  function checkList(box, kind, values, label) {
    values.forEach(function (v) {
      var id = "kg-f-" + kind + "-" + values.indexOf(v);
      box.append(el("label", { for: id, class: "kg-check" },
        el("input", { type: "checkbox", id: id, "data-kind": kind, "data-value": v, checked: true, onchange: function () { toggle(kind, v); } }),
        label ? label(v) : v));
    });
  }
  checkList($("kg-f-countries"), "countries", allCountries);
  checkList($("kg-f-status"), "status", allStatus);
  if (allCountries.length < 2) $("kg-f-countries-box").hidden = true;
  if (allStatus.length < 2) $("kg-f-status-box").hidden = true;
  var yrs = L.years(rels);
  var asofRange = $("kg-asof"), asofAll = $("kg-asof-all"), asofText = $("kg-asof-value");
  if (yrs.length) {
    asofRange.min = String(yrs[0] - 1); asofRange.max = String(Math.max(yrs[yrs.length - 1] + 1, new Date().getUTCFullYear()));
    asofRange.value = asofRange.max;
  } else $("kg-f-time-box").hidden = true;
  asofRange.addEventListener("input", function () { asofAll.checked = false; filter({ asOf: asofRange.value }); });
  asofAll.addEventListener("change", function () { filter({ asOf: asofAll.checked ? null : asofRange.value }); });
  var scored = rels.some(function (r) { return typeof r.confidence === "number"; });
  var conf = $("kg-conf");
  conf.addEventListener("input", function () { filter({ minConfidence: +conf.value > 0 ? +conf.value : null }); });
  if (!scored) $("kg-f-conf-box").hidden = true;
  function syncControls() {
    document.querySelectorAll("#kg-legend button[data-type]").forEach(function (b) { b.setAttribute("aria-pressed", hidden.types.has(b.getAttribute("data-type")) ? "false" : "true"); });
    document.querySelectorAll("#kg-rel-legend button[data-rel]").forEach(function (b) { b.setAttribute("aria-pressed", hidden.rels.has(b.getAttribute("data-rel")) ? "false" : "true"); });
    document.querySelectorAll("#kg-filters input[type=checkbox][data-kind]").forEach(function (c) { c.checked = !hidden[c.getAttribute("data-kind")].has(c.getAttribute("data-value")); });
    asofAll.checked = !S.asOf;
    if (S.asOf) asofRange.value = String(S.asOf).slice(0, 4);
    asofText.textContent = S.asOf ? "as of " + S.asOf : "all dates";
    conf.value = S.minConfidence === null || S.minConfidence === undefined ? "0" : String(S.minConfidence);
    $("kg-conf-value").textContent = S.minConfidence ? "≥ " + S.minConfidence : "any";
  }
  var FILTER_NAMES = { types: "entity types", countries: "countries", rels: "relation types", status: "status", minConfidence: "confidence", asOf: "date" };
  function renderFilterCounts() {
    var parts = [];
    Object.keys(FILTER_NAMES).forEach(function (k) {
      var h = V.hides[k];
      var text = h.entities || h.relations ? "hides " + (h.entities ? h.entities + " entit" + (h.entities === 1 ? "y" : "ies") : "") + (h.entities && h.relations ? ", " : "") + (h.relations ? h.relations + " relation" + (h.relations === 1 ? "" : "s") : "") : "";
      var slot = document.querySelector('[data-hides="' + k + '"]');
      if (slot) slot.textContent = text;
      if (text) parts.push(FILTER_NAMES[k] + " " + text);
    });
    $("kg-visible").textContent = "Showing " + V.entities.size + " of " + G.ents.size + " entities, " + V.relations.size + " of " + G.rels.size + " relations" + (parts.length ? " — " + parts.join("; ") : "");
    updateExploreBar();
  }

  // ---------- header, sources ----------
  var meta = [ents.length + " entities", rels.length + " relations", "generated " + DATA.generated];
  if (DATA.folder) meta.push("seeds: " + DATA.folder);
  if (DATA.subtitle) meta.push(DATA.subtitle);
  $("kg-meta").textContent = meta.join(" · ");
  var srcList = $("kg-sources");
  DATA.sources.forEach(function (s) {
    var extra = [s.title ? s.publisher : null, s.date].filter(Boolean);
    srcList.append(el("li", null, link(s.title || s.url || s.publisher || "untitled", s.url), extra.length ? " — " + extra.join(", ") : ""));
  });
  if (!DATA.sources.length) srcList.append(el("li", { class: "kg-hint" }, "No sources given."));
  $("kg-sources-count").textContent = String(DATA.sources.length);
  if (DATA.sources.length <= 12) $("kg-sources-box").open = true;

  // ---------- search ----------
  function search(q) {
    return when(source.find(q, 12), function (found) {
      return found.map(function (h) { return { e: entById.get(h.id) || h.entity, score: h.score, matched: h.matched }; });
    });
  }
  function bring(id) {   // a live page loads an entity it does not hold yet (with its neighbours)
    return entById.has(id) || !LIVE ? id : expand(id).then(function () { return id; });
  }
  function searchBox(input, results, onChoose) {
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
      input.dataset.id = h.e.id;
      when(bring(h.e.id), onChoose);
    }
    function update(then) {
      var q = input.value;
      when(search(q), function (found) {
        if (input.value !== q) return;   // an older answer
        hits = found; active = hits.length ? 0 : -1; renderHits();
        if (then) then();
      });
    }
    input.addEventListener("input", function () { delete input.dataset.id; update(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); renderHits(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderHits(); ev.preventDefault(); }
      else if (ev.key === "Enter") { if (!hits.length) update(function () { choose(0); }); else choose(Math.max(active, 0)); ev.preventDefault(); }
      else if (ev.key === "Escape") { hits = []; renderHits(); }
    });
    input.addEventListener("blur", function () { hits = []; renderHits(); });
  }
  searchBox($("kg-search"), $("kg-search-results"), function (id) { selectEntity(id, { focus: true }); });
  searchBox($("kg-from"), $("kg-from-results"), function () { if ($("kg-to").dataset.id) findFromForm(); else $("kg-to").focus(); });
  searchBox($("kg-to"), $("kg-to-results"), function () { if ($("kg-from").dataset.id) findFromForm(); });
  $("kg-path-form").addEventListener("submit", function (ev) { ev.preventDefault(); findFromForm(); });
  $("kg-path-more").addEventListener("click", function () {
    if (!pathResult) return;
    var k = Math.max(pathResult.found, 1) + 3;
    $("kg-k").value = String(k);
    pathUI(S.from, S.to, { k: k, maxHops: +$("kg-hops").value || null });
  });

  // ---------- export: PNG of the view, SVG of everything shown ----------
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
  function download(blob, filename) {
    var a = el("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  function downloadPng() { pngBlob(function (blob) { download(blob, DATA.fileStem + ".png"); }); }
  /** The whole current view (every visible entity and relation, not only what fits the window)
   *  as an SVG document string, `scale` canvas pixels per unit. Built in a detached XML document,
   *  so seed text is serialised as escaped text. */
  function svg(scale) {
    scale = +scale || 1;
    var NS = "http://www.w3.org/2000/svg";
    var doc = document.implementation.createDocument(NS, "svg", null), root = doc.documentElement;
    var ids = Array.from(V.entities), p = network.getPositions(ids.map(vid));
    var xs = [], ys = [];
    ids.forEach(function (id) { var q = p[vid(id)]; if (q) { xs.push(q.x); ys.push(q.y); } });
    if (!xs.length) { xs = [0]; ys = [0]; }
    var pad = 60, x0 = Math.min.apply(null, xs) - pad, y0 = Math.min.apply(null, ys) - pad;
    var w = Math.max.apply(null, xs) + pad - x0, h = Math.max.apply(null, ys) + pad - y0;
    function mk(tag, attrs, text) {
      var n = doc.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
      if (text !== undefined) n.textContent = text;
      return n;
    }
    function X(x) { return ((x - x0) * scale).toFixed(1); }
    function Y(y) { return ((y - y0) * scale).toFixed(1); }
    root.setAttribute("width", (w * scale).toFixed(0)); root.setAttribute("height", (h * scale).toFixed(0));
    root.setAttribute("viewBox", "0 0 " + (w * scale).toFixed(0) + " " + (h * scale).toFixed(0));
    root.appendChild(mk("title", {}, document.title));
    root.appendChild(mk("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" }));
    var defs = mk("defs", {}), marker = mk("marker", { id: "kg-arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
    marker.appendChild(mk("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a94a6" })); defs.appendChild(marker); root.appendChild(defs);
    var gE = mk("g", { class: "relations", stroke: "#8a94a6", "stroke-width": Math.max(0.6, scale), fill: "none" }), gN = mk("g", { class: "entities" }), gL = mk("g", { class: "labels", "font-family": "system-ui, sans-serif", "font-size": 12 * scale, "text-anchor": "middle" });
    V.relations.forEach(function (rid) {
      var r = relById.get(rid), a = p[vid(r.from)], b = p[vid(r.to)];
      if (!a || !b) return;
      var attrs = { "data-relation": rid };
      var bend = curves.get(rid) || 0;
      if (bend) {   // the same quadratic bend as vis-network's curvedCW/CCW
        var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y;
        var cx = mx + dy * bend, cy = my - dx * bend;
        attrs.d = "M" + X(a.x) + "," + Y(a.y) + " Q" + X(cx) + "," + Y(cy) + " " + X(b.x) + "," + Y(b.y);
      } else attrs.d = "M" + X(a.x) + "," + Y(a.y) + " L" + X(b.x) + "," + Y(b.y);
      if (symmetric(r.type)) attrs["stroke-dasharray"] = (5 * scale) + "," + (4 * scale);
      else attrs["marker-end"] = "url(#kg-arrow)";
      var path = mk("path", attrs);
      path.appendChild(mk("title", {}, edgeTooltip(r)));
      gE.appendChild(path);
    });
    var labelled = new Set(hubs.map(kid));
    if (lit) lit.nodes.forEach(function (v) { labelled.add(kid(v)); });
    var all = ids.length <= 400;
    ids.forEach(function (id) {
      var e = entById.get(id), q = p[vid(id)], t = typeInfo.get(e.type) || { color: "#9e9e9e" };
      if (!q) return;
      var rad = Math.min(16, 6 + Math.sqrt(incident.get(id).length) * 1.5) * scale;
      var c = mk("circle", { cx: X(q.x), cy: Y(q.y), r: rad.toFixed(1), fill: t.color || "#9e9e9e", stroke: darker(t.color || "#9e9e9e"), "data-entity": id });
      c.appendChild(mk("title", {}, nodeTooltip(e)));
      gN.appendChild(c);
      if (all || labelled.has(id)) gL.appendChild(mk("text", { x: X(q.x), y: (Y(q.y) * 1 + rad + 12 * scale).toFixed(1), stroke: "#ffffff", "stroke-width": 3 * scale, "paint-order": "stroke" }, e.name));
    });
    root.appendChild(gE); root.appendChild(gN); root.appendChild(gL);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }
  function downloadSvg() {
    download(new Blob([svg(+$("kg-svg-scale").value || 1)], { type: "image/svg+xml" }), DATA.fileStem + ".svg");
  }
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("kg-relayout").addEventListener("click", relayout);
  $("kg-png").addEventListener("click", downloadPng);
  $("kg-svg").addEventListener("click", downloadSvg);
  $("kg-copy").addEventListener("click", copyLink);
  $("kg-panel-toggle").addEventListener("click", function () { $("kg-panel").scrollIntoView({ behavior: "smooth" }); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && ev.target === document.body) clearSelection(); });
  window.addEventListener("beforeprint", function () { network.fit(); network.redraw(); });

  syncControls();
  renderFilterCounts();
  if (innerWidth < 900 || innerHeight < 640) $("kg-legend-pin").open = false;   // small windows: the graph first
  if (DATA.highlight) showResult(DATA.highlight);

  // ---------- the public API ----------
  api.lit = function () {
    return lit ? { nodes: Array.from(lit.nodes, kid).sort(), edges: Array.from(lit.edges, kid).sort() } : null;
  };
  api.select = function (idOrName) {
    var id = resolveId(idOrName);
    if (id) { selectEntity(id, { focus: true }); return id; }
    if (relById.has(idOrName)) { selectRelation(idOrName); return idOrName; }
    return null;
  };
  api.filter = filter;
  api.path = function (from, to, opts) { return pathUI(resolveId(from) || from, resolveId(to) || to, opts || {}); };
  api.paths = path;          // the same answer without touching the view
  api.expand = expand;
  api.collapse = collapse;
  api.showAll = showAll;
  api.explore = function (idOrName) { var id = resolveId(idOrName); if (id) startExplore(id); return id; };
  api.visible = function () { return { entities: Array.from(V.entities).sort(L.cmp), relations: Array.from(V.relations).sort(L.cmp) }; };
  api.counts = counts;
  api.state = state;
  api.copyLink = copyLink;
  api.svg = svg;
  api.selectEntity = selectEntity;
  api.selectRelation = selectRelation;
  api.clearSelection = clearSelection;
  api.toggleType = toggleType;
  api.search = search;
  api.relayout = relayout;
  api.pngBlob = pngBlob;
  api.hiddenTypes = hidden.types;
  api.logic = L;
  return api;
})();
