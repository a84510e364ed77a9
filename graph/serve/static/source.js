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
    pageUrl: function (selection) {
      var p = selection || {}, q = [];
      ["focus", "depth", "type", "rel"].forEach(function (k) {
        var v = p[k];
        if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length))
          q.push(k + "=" + encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v)));
      });
      return data.server.page + (q.length ? "?" + q.join("&") : "");
    }
  };
};
