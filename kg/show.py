"""`kg show`: a picture of the graph, as SVG or as a self-contained HTML page.

The whole store, one article's graph, or the neighbourhood of some entities, drawn by
kg.drawing. Nothing is fetched when the picture is viewed: the HTML page carries its SVG and
a few lines of script that highlight a node's facts under the pointer.
"""

import html
from pathlib import Path

from pyoxigraph import Store

from kg.drawing import svg
from kg.errors import KgError
from kg.files import write_file
from kg.graphview import GraphView, entity_view, read_graph

SHOW_FORMATS = ("svg", "html")
MAX_NODES = 250  # beyond this a picture is not readable at a glance


def show(store: Store, out: Path | None = None, fmt: str | None = None,
         graph: str | None = None, entities: list[str] | None = None,
         depth: int = 1) -> str | None:
    """Draw the store (or one article's graph, or the neighbourhood of `entities`) as SVG or
    HTML; written to `out` (format from its ending unless `fmt`), else returned."""
    fmt = show_format(fmt, out)
    view = entity_view(store, entities, graph, depth) if entities else read_graph(store, graph)
    if len(view.nodes) > MAX_NODES:
        raise KgError(f"{len(view.nodes)} nodes are too many to draw readably (at most "
                      f"{MAX_NODES}); pick one article with --graph or an entity with --entity")
    text = page(view) if fmt == "html" else svg(view)
    if out is None:
        return text
    write_file(out, text)
    return None


def show_format(fmt: str | None, out: Path | None) -> str:
    """svg or html: `fmt`, else `out`'s ending (.svg, .html, .htm), else svg."""
    if fmt is None and out is not None:
        fmt = {".htm": "html"}.get(out.suffix.lower(), out.suffix.lower().lstrip("."))
        if fmt not in SHOW_FORMATS:
            raise KgError(f"kg show writes .svg or .html files, not {out.name}; "
                          "use -f svg|html to choose")
    fmt = (fmt or "svg").lower()
    if fmt not in SHOW_FORMATS:
        raise KgError(f"unknown picture format {fmt!r}; choose svg or html")
    return fmt


def page(view: GraphView) -> str:
    """The picture in a self-contained HTML page (no external files, no network)."""
    title = html.escape(f"newskg: {view.title}")
    return _PAGE.format(title=title, svg=svg(view, inline=True))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ margin: 1.5rem; font-family: Helvetica, Arial, sans-serif; color: #1e293b; }}
p {{ color: #475569; }}
svg {{ max-width: 100%; height: auto; }}
.node {{ cursor: pointer; }}
</style>
</head>
<body>
<p>Point at a box to see only its facts; its IRI shows as a tooltip.</p>
{svg}
<script>
// Fade everything but the node under the pointer, its facts and their other ends.
const nodes = document.querySelectorAll(".node"), edges = document.querySelectorAll(".edge");
nodes.forEach(node => {{
  node.addEventListener("mouseenter", () => {{
    const near = new Set([node.id]);
    edges.forEach(e => {{
      const linked = e.dataset.source === node.id || e.dataset.target === node.id;
      if (linked) {{ near.add(e.dataset.source); near.add(e.dataset.target); }}
      e.classList.toggle("faded", !linked);
    }});
    nodes.forEach(n => n.classList.toggle("faded", !near.has(n.id)));
  }});
  node.addEventListener("mouseleave", () => {{
    document.querySelectorAll(".faded").forEach(x => x.classList.remove("faded"));
  }});
}});
</script>
</body>
</html>
"""
