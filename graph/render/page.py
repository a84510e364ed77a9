"""One self-contained HTML page for a dataset: our template, pyvis's vis-network.

What comes from pyvis 0.3.2: the vis-network 9.1.2 bundle it ships, read
from the installed package without importing it and inlined into the page.
What does not: its template (it loads Bootstrap from a CDN and injects text
as HTML), ``add_node``/``add_edge`` (quadratic; undirected mode drops
parallel edges), ``from_nx`` (mutates the caller's graph) and its Python
options model (importing ``pyvis.network`` loads IPython: +0.7 s per
render, see :func:`vis_options`). Nodes and edges
are embedded as one JSON document in linear time and drawn by ``page.js``.

Safety: seed text only ever reaches the page as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped) and is put into the DOM as text. A Content-Security-Policy
allows only the page's own two scripts (by hash) and no network access.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import KgError, TooLarge
from ..model import Dataset, Relation
from .highlight import Highlight
from .layout import radial_layout
from .limits import MAX_ENTITIES, MAX_RELATIONS, PHYSICS_LIMIT

TEMPLATES = Path(__file__).parent / "templates"
VIS_BUNDLE = ("lib", "vis-9.1.2", "vis-network.min.js")
PARALLEL_BEND = 0.22         # roundness step between parallel relations
# vis-network shapes that draw without extra options; "image"/"circularImage" need an
# image and "icon" a glyph (the page would die with "Option image must be defined")
SAFE_SHAPES = frozenset({"ellipse", "circle", "database", "box", "text", "diamond", "dot", "star",
                         "triangle", "triangleDown", "hexagon", "square"})
LABEL_THRESHOLD = 9          # on-screen px below which vis-network skips a label
ARROW_SCALE = 0.35           # big graphs draw arrowheads from this zoom level on


@dataclass(frozen=True)
class PageOptions:
    title: str | None = None
    subtitle: str | None = None          # e.g. the selection ("within 2 hops of smic")
    max_entities: int = MAX_ENTITIES
    max_relations: int = MAX_RELATIONS
    physics_limit: int = PHYSICS_LIMIT
    generated: str | None = None         # date shown on the page; default: today (UTC)
    file_stem: str = "graph"             # name of the PNG/SVG download
    focus: str | None = None             # entity id the page opens on (a --focus page)
    depth: int = 1                       # hops shown around it at first (more may be embedded)
    beyond: dict[str, int] | None = None  # entity id -> relations the page does not embed


def check_size(dataset: Dataset, options: PageOptions = PageOptions()) -> None:
    """TooLarge, with what to do instead, when a page would be unusable."""
    n, m = len(dataset.entities), len(dataset.relations)
    if n > options.max_entities or m > options.max_relations:
        raise TooLarge(
            f"the page would show {n:,} entities and {m:,} relations, more than the limit of "
            f"{options.max_entities:,} entities / {options.max_relations:,} relations; "
            "narrow it with --focus ENTITY --depth N, --type TYPE or --rel TYPE "
            "(or raise the limits with --max-entities/--max-relations)")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network bundle shipped inside the pyvis package (read, not imported)."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("pyvis is not installed; run `pip install pyvis==0.3.2`")
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*VIS_BUNDLE)
    try:
        js = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot read the vis-network bundle at {path}: {exc.strerror}; "
                      "reinstall pyvis==0.3.2") from None
    # a source-map comment would make browser dev tools fetch a file that is not there
    js = "\n".join(line for line in js.split("\n")   # not splitlines(): U+2028 is in there
                   if not line.startswith("//# sourceMappingURL="))
    if "</script" in js.lower() or "<!--" in js:
        raise KgError(f"{path} cannot be inlined safely (it contains </script or <!--)")
    return js


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def vis_options(physics: bool, large: bool, iterations: int) -> dict[str, Any]:
    """vis-network 9.1 options (https://visjs.github.io/vis-network/docs/network/).

    Physics: the forceAtlas2Based solver (as pyvis's
    ``Network.force_atlas_2based``, a little more spread out), stabilised
    off-screen, then switched off by the page. Written here rather than through pyvis's options
    model: importing ``pyvis.network`` pulls in IPython and costs 0.7 s per
    ``kg render`` — more than rendering the shipped seeds.
    """
    return {
        "autoResize": True,
        "physics": {
            "enabled": physics, "solver": "forceAtlas2Based", "minVelocity": 1.0,
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008,
                                 "springLength": 110, "springConstant": 0.06, "damping": 0.5,
                                 "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25,
                              "fit": True},
        },
        "edges": {
            "smooth": {"enabled": False},   # per relation: curves for parallel ones only
            # big graphs: no arrowheads until zoomed in (10,000 of them cost ~0.7 s a frame
            # in software rendering, yet are sub-pixel when the whole graph is in view)
            "arrows": {"to": {"enabled": not large, "scaleFactor": 0.6}},
            "color": {"inherit": False},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # relation labels only once zoomed in (11 px at 0.75x and closer)
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD}},
            "selectionWidth": 1.5, "hoverWidth": 0.5,
        },
        "nodes": {
            "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            # level of detail: the label grows with the number of relations, and small labels
            # are skipped until zoomed in (the page labels hubs and the selection itself)
            "scaling": {"min": 10, "max": 34,
                        "label": {"enabled": True, "min": 11, "max": 26,
                                  "drawThreshold": LABEL_THRESHOLD, "maxVisible": 26}},
            "shapeProperties": {"interpolation": False},
        },
        # hover highlighting redraws the whole graph as the mouse moves: small graphs only
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "keyboard": False, "multiselect": False},
        # vis's "improved" initial layout (Kamada-Kawai) only pays off on small graphs
        "layout": {"improvedLayout": physics and not large, "randomSeed": 7},
    }


def parallel_bends(relations: list[Relation]) -> dict[str, float]:
    """Signed curve roundness per relation, so relations between the same two
    entities (either direction) fan out instead of overlapping.

    The first of a group stays straight; the others alternate sides, further
    out each time. The sign is relative to the relation's own direction
    (vis-network's curvedCW / curvedCCW), hence flipped for reversed ones.

    >>> from graph.model import Relation
    >>> parallel_bends([Relation("a", "funds", "x", "y"), Relation("b", "owns", "y", "x"),
    ...                 Relation("c", "leads", "x", "y")])
    {'b': -0.22, 'c': -0.22}
    """
    groups: dict[tuple[str, str], list[Relation]] = {}
    for r in relations:
        if r.source_id != r.target_id:
            a, b = sorted((r.source_id, r.target_id))
            groups.setdefault((a, b), []).append(r)
    out: dict[str, float] = {}
    for (first, _), group in groups.items():
        if len(group) < 2:
            continue
        step = min(PARALLEL_BEND, 0.9 / ((len(group)) // 2))
        for i, r in enumerate(group[1:], start=1):
            bend = (1 if i % 2 else -1) * ((i + 1) // 2) * step
            out[r.id] = round(bend if r.source_id == first else -bend, 3)
    return out


def _generated() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")   # reproducible builds
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() \
        else datetime.now(timezone.utc)
    return when.date().isoformat()


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v != [] and v != {}}


def safe_shape(shape: str) -> str:
    """A vis-network shape the page can draw without more options (else ``dot``).

    >>> safe_shape("image"), safe_shape("star")
    ('dot', 'star')
    """
    return shape if shape in SAFE_SHAPES else "dot"


def page_data(dataset: Dataset, options: PageOptions = PageOptions(),
              highlight: Highlight | None = None) -> dict[str, Any]:
    """Everything the page script needs, as one JSON-able document.

    A pure function (data in, JSON out), so a server can build the same records
    for the part of a graph it sends: ``entities``/``relations`` are the records
    of ``kg export json`` (plus ``more`` on entities with relations left out).
    """
    schema = dataset.schema
    ents = list(dataset.entities.values())
    large = len(ents) > options.physics_limit
    counts: dict[str, int] = {}
    for e in ents:
        counts[e.type] = counts.get(e.type, 0) + 1
    positions = None
    if large:
        layout = radial_layout([e.id for e in ents],
                               ((r.source_id, r.target_id) for r in dataset.relations))
        positions = [layout[e.id] for e in ents]
    iterations = 300 if len(ents) <= 300 else 150
    physics = 0 < len(ents) and not large     # nothing to lay out on an empty page
    return {
        "title": _title(dataset, options, highlight),
        "subtitle": options.subtitle,
        "generated": options.generated or _generated(),
        "folder": dataset.folder,
        "fileStem": options.file_stem,
        "sources": [s.to_dict() for s in dataset.sources],
        "types": [{"name": t, "color": schema.color(t), "shape": safe_shape(schema.shape(t)),
                   "count": c}
                  for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))],
        "relationTypes": {t: {"label": (schema.relation_types[t].display
                                        if t in schema.relation_types else t),
                              "symmetric": schema.symmetric(t)}
                          for t in sorted({r.type for r in dataset.relations})},
        "entities": [_entity_record(e.to_dict(), options.beyond) for e in ents],
        "relations": [_compact(r.to_dict()) for r in dataset.relations],
        "positions": positions,
        "physics": physics,
        "arrowScale": ARROW_SCALE if large else None,
        "relayoutIterations": iterations,
        "curves": parallel_bends(dataset.relations),
        "options": vis_options(physics, large, iterations),
        "highlight": highlight.to_dict() if highlight else None,
        "focus": options.focus if options.focus in dataset.entities else None,
        "depth": options.depth,
    }


def _entity_record(record: dict[str, Any], beyond: dict[str, int] | None) -> dict[str, Any]:
    out = _compact(record)
    if beyond and beyond.get(record["id"]):
        out["more"] = beyond[record["id"]]
    return out


def _title(dataset: Dataset, options: PageOptions, highlight: Highlight | None) -> str:
    from ..records import dataset_name

    if options.title:
        return options.title
    if highlight is not None:
        return highlight.title
    return f"{dataset_name(dataset)} — kg-explorer"


def script_json(data: Any) -> str:
    r"""JSON that is inert inside ``<script type="application/json">``.

    >>> script_json({"x": "</script><b>&\u2028"})
    '{"x":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def page_script() -> str:
    """The page's own script: the logic (logic.js, also run by node --test) then the UI."""
    script = _asset("logic.js") + "\n" + _asset("page.js")
    if "<script" in script.lower() or "</script" in script.lower() or "<!--" in script:
        raise KgError("the page script cannot be inlined safely (it contains <script or <!--)")
    return script


def render_page(dataset: Dataset, options: PageOptions = PageOptions(),
                highlight: Highlight | None = None) -> str:
    """The whole HTML page (TooLarge above the size limits)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    check_size(dataset, options)
    data = page_data(dataset, options, highlight)
    vis_js, page_js = vis_network_js(), page_script()
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2"]))
    # Markup: trusted text (our assets, base64 hashes, escaped JSON); the title is escaped
    return env.get_template("page.html.j2").render(
        title=data["title"], version=__version__,
        script_hashes=Markup(" ".join(_csp_hash(s) for s in (vis_js, page_js))),
        css=Markup(_asset("page.css")), data_json=Markup(script_json(data)),
        vis_js=Markup(vis_js), page_js=Markup(page_js))
