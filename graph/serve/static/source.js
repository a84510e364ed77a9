/* kg serve: the page's data source over the server's JSON API (see logic.js for the
 * interface the page expects). Defines one global, kgServerSource(data), which page.js
 * uses instead of the embedded source when the page was served by `kg serve`.
 *
 * Every answer is JSON fetched from the page's own origin (the CSP allows
 * connect-src 'self' and nothing else); records are the page's own shapes.
 */
"use strict";
var kgServerSource = function (data) {
  var api = data.server.api;
  function get(path, params) {
    var q = Object.keys(params || {}).filter(function (k) {
      var v = params[k];
      return v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length);
    }).map(function (k) {
      var v = params[k];
      return encodeURIComponent(k) + "=" + encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v));
    }).join("&");
    return fetch(api + path + (q ? "?" + q : ""), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (doc) {
          if (!r.ok) { var e = new Error(doc && doc.error ? doc.error : "HTTP " + r.status); e.status = r.status; throw e; }
          return doc;
        });
      });
  }
  function seg(id) { return encodeURIComponent(id); }
  function pageUrl(selection) {
    var p = selection || {}, q = [];
    ["focus", "depth", "type", "rel"].forEach(function (k) {
      var v = p[k];
      if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length))
        q.push(k + "=" + encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v)));
    });
    return data.server.page + (q.length ? "?" + q.join("&") : "");
  }
  /** The selection the view on screen stands for, as `kg render` options: the entity
   * explored from (or selected), the depth that reaches every entity shown, and the
   * entity/relation types left visible when some are hidden. */
  function viewSelection(kg) {
    var st = kg.state(), vis = kg.visible();
    var focus = st.focus || data.focus || (kg.selected && kg.selected.kind === "entity" ? kg.selected.id : null);
    if (!focus) return {};
    var adj = new Map();
    function link(a, b) { if (!adj.has(a)) adj.set(a, []); adj.get(a).push(b); }
    function kid(v) { return v.charAt(0) === "~" ? v.slice(1) : v; }
    kg.edges.get(vis.relations.map(function (id) { return id in Object.prototype ? "~" + id : id; })).forEach(function (e) {
      if (e) { link(kid(e.from), kid(e.to)); link(kid(e.to), kid(e.from)); }
    });
    var dist = new Map([[focus, 0]]), queue = [focus], depth = 1;
    while (queue.length) {
      var u = queue.shift();
      (adj.get(u) || []).forEach(function (v) {
        if (!dist.has(v)) { dist.set(v, dist.get(u) + 1); depth = Math.max(depth, dist.get(v)); queue.push(v); }
      });
    }
    function allowed(hidden, all) { return hidden.length ? all.filter(function (x) { return hidden.indexOf(x) < 0; }) : null; }
    return { focus: focus, depth: depth,
             type: allowed(st.hide.types, data.types.map(function (t) { return t.name; })),
             rel: allowed(st.hide.rels, Object.keys(data.relationTypes)) };
  }
  function installSave() {   // "Save this view": the page `kg render` writes for the selection
    var tools = document.querySelector(".kg-tools"), fit = document.getElementById("kg-fit");
    if (!tools || document.getElementById("kg-save")) return;
    var b = document.createElement("button");
    b.id = "kg-save"; b.type = "button";
    b.title = "Download this view as a self-contained page (what kg render writes for it)";
    b.textContent = "Save this view";
    // the answer is an attachment (Content-Disposition), so the browser saves it and stays here
    b.addEventListener("click", function () { location.assign(pageUrl(window.kg ? viewSelection(window.kg) : {})); });
    tools.insertBefore(b, fit);
  }
  installSave();
  // a refused or failed request (a ceiling, an unknown name) is said in the status line
  window.addEventListener("unhandledrejection", function (ev) {
    var status = document.getElementById("kg-status");
    if (status && ev.reason && ev.reason.status) { status.textContent = ev.reason.message; ev.preventDefault(); }
  });
  return {
    kind: "server",
    meta: data,
    entities: function () { return data.entities; },
    relations: function () { return data.relations; },
    /** {entities, relations} within depth hops of id (Promise). */
    neighbors: function (id, depth, opts) {
      opts = opts || {};
      return get("/records/neighbors/" + seg(id), { depth: depth || 1, rel: opts.rels, as_of: opts.asOf });
    },
    /** [{id, score, matched, entity: {id, type, name}}] best first (Promise). */
    find: function (q, limit) {
      return get("/find", { q: q, limit: limit || 12 }).then(function (hits) {
        return hits.map(function (h) {
          return { id: h.id, score: h.score, matched: h.matched, entity: { id: h.id, type: h.type, name: h.name } };
        });
      });
    },
    /** kg path over the whole graph: {result (kg path's JSON), entities, relations} (Promise). */
    paths: function (from, to, opts) {
      opts = opts || {};
      return get("/records/path", { from: from, to: to, k: opts.k, max_hops: opts.maxHops, rel: opts.rels,
                                    via_type: opts.viaTypes, as_of: opts.asOf, directed: opts.directed ? "true" : null });
    },
    /** The self-contained page `kg render` writes for a selection (its URL, for a download link). */
    pageUrl: pageUrl,
    /** The selection the view on screen stands for (see viewSelection). */
    viewSelection: viewSelection
  };
};
