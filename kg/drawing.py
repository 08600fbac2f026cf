"""The SVG of a graph view: boxes coloured by class, arrows labelled with properties.

Entities are boxes with their literal facts (job title, age …) under the name; deals are
rounded boxes with their amount and stake; the facts from one node to another are one arrow
carrying every property's English label, placed where it overlaps the least. Entities without
any fact are set in a grid below. Sizes are estimated from the text, so no font is needed.
"""

import html
import math
from decimal import Decimal

from kg.arrows import Arrow, route
from kg.graphview import GraphView, Node, Value
from kg.layout import GAP, Point, Size, layout

FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
TITLE_SIZE, LINE_SIZE, EDGE_SIZE = 14.0, 11.5, 11.0
PAD_X, PAD_Y, MARGIN = 10.0, 7.0, 24.0
COLOURS = {  # class: (fill, stroke)
    "Person": ("#dbeafe", "#2563eb"),
    "Organization": ("#ffedd5", "#ea580c"),
    "Product": ("#dcfce7", "#16a34a"),
    "Place": ("#f3e8ff", "#9333ea"),
    "Investment": ("#fef9c3", "#a16207"),
    "Acquisition": ("#fef9c3", "#a16207"),
}
# How a literal fact reads under a name; others read "label: value".
ATTRIBUTE_TEXT = {"jobTitle": "{}", "age": "age {}", "formerName": "formerly {}",
                  "stakePercent": "{}% stake"}
_WIDE, _NARROW = set("mwMW@%"), set("ijlftrI.,:;'!|() ")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """About how wide `text` is in a sans-serif font of `size` pixels."""
    units = sum(0.82 if c in _WIDE else 0.3 if c in _NARROW else 0.66 if c.isupper()
                else 0.56 for c in text)
    return units * size * (1.07 if bold else 1.0)


def node_lines(view: GraphView, node: Node) -> list[str]:
    """The name (a deal's kind), then one line per literal fact."""
    lines = [view.label(node.kind).capitalize() if node.is_event else node.label]
    attributes = dict(node.attributes)
    if node.is_event and "amount" in attributes:
        currency = ", ".join(str(c) for c in attributes.pop("currency", []))
        amounts = ", ".join(_amount(a) for a in attributes.pop("amount"))
        lines.append(f"{currency} {amounts}".strip())
    for prop, values in attributes.items():
        form = ATTRIBUTE_TEXT.get(prop, view.label(prop) + ": {}")
        lines.append(form.format(", ".join(_plain(v) for v in values)))
    return [_clip(line, 48) for line in lines]


def svg(view: GraphView, inline: bool = False) -> str:
    """The picture as a standalone SVG document (or, `inline`, an <svg> element for HTML)."""
    return Drawing(view).svg(inline)


class Drawing:
    """Sizes, positions and SVG elements of one picture."""

    def __init__(self, view: GraphView) -> None:
        self.view = view
        self.ids = {iri: f"n{i}" for i, iri in enumerate(view.nodes)}
        self.lines = {iri: node_lines(view, n) for iri, n in view.nodes.items()}
        self.sizes = {iri: self._size(lines) for iri, lines in self.lines.items()}
        self.pairs: dict[tuple[str, str], list[str]] = {}  # one arrow for all facts of a pair
        for edge in view.edges:
            if edge.source != edge.target:
                self.pairs.setdefault((edge.source, edge.target), []).append(edge.prop)
        linked = {e.source for e in view.edges} | {e.target for e in view.edges}
        self.caption_y = 0.0
        self.lonely = [iri for iri in view.nodes if iri not in linked]
        self.pos = self._place(linked)

    def _size(self, lines: list[str]) -> Size:
        widths = [text_width(lines[0], TITLE_SIZE, bold=True)]
        widths += [text_width(line, LINE_SIZE) for line in lines[1:]]
        height = TITLE_SIZE * 1.25 + LINE_SIZE * 1.3 * (len(lines) - 1)
        return max(widths) + 2 * PAD_X, height + 2 * PAD_Y

    def _place(self, linked: set[str]) -> dict[str, Point]:
        top = MARGIN + 62  # below the title and the legend
        sizes = {iri: self.sizes[iri] for iri in self.view.nodes if iri in linked}
        labels = {pair: self._label_size(props) for pair, props in self.pairs.items()}
        pos = layout(sizes, labels)
        pos = {iri: (x + MARGIN, y + top) for iri, (x, y) in pos.items()}
        if self.lonely:
            bottom = max((y + sizes[i][1] / 2 for i, (_, y) in pos.items()), default=top)
            self.caption_y = bottom + (2 * GAP if pos else 0) + 14
            grid = layout({i: self.sizes[i] for i in self.lonely}, {})
            pos |= {iri: (x + MARGIN, y + self.caption_y + 12) for iri, (x, y) in grid.items()}
        return pos

    def svg(self, inline: bool = False) -> str:
        width = max([x + self.sizes[i][0] / 2 for i, (x, _) in self.pos.items()] + [480.0])
        height = max([y + self.sizes[i][1] / 2 for i, (_, y) in self.pos.items()] + [100.0])
        width, height = math.ceil(width + MARGIN), math.ceil(height + MARGIN)
        parts = [self._header(), *self._edges(), *(self._node(i) for i in self.view.nodes)]
        if self.lonely:
            parts.append(_text(MARGIN, self.caption_y, "Mentioned, without facts:", "caption"))
        namespace = "" if inline else ' xmlns="http://www.w3.org/2000/svg"'
        prologue = "" if inline else '<?xml version="1.0" encoding="UTF-8"?>\n'
        label = html.escape(f"newskg: {self.view.title}")
        return (f'{prologue}<svg{namespace} width="{width}" height="{height}" '
                f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}">\n'
                f"<title>{label}</title>\n{_STYLE}\n"
                f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
                + "\n".join(parts) + "\n</svg>\n")

    def _header(self) -> str:
        parts = [_text(MARGIN, MARGIN + 10, f"newskg: {self.view.title}", "heading"),
                 _text(MARGIN, MARGIN + 28, summary(self.view), "caption")]
        x = MARGIN
        kinds = [k for k in COLOURS if any(n.kind == k for n in self.view.nodes.values())]
        for kind in kinds:
            fill, stroke = COLOURS[kind]
            parts.append(f'<rect x="{x}" y="{MARGIN + 38}" width="14" height="14" rx="3" '
                         f'fill="{fill}" stroke="{stroke}"/>')
            name = self.view.label(kind)
            parts.append(_text(x + 19, MARGIN + 49, name, "legend"))
            x += 19 + text_width(name, LINE_SIZE) + 18
        return "\n".join(parts)

    def _node(self, iri: str) -> str:
        node, (w, h), (x, y) = self.view.nodes[iri], self.sizes[iri], self.pos[iri]
        fill, stroke = COLOURS.get(node.kind, ("#f1f5f9", "#475569"))
        radius = h / 2 if node.is_event else 6
        tip = "\n".join([iri, *(f"also: {a}" for a in node.alt_labels)])
        box = (f'<rect x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w:.1f}" '
               f'height="{h:.1f}" rx="{radius:.1f}" fill="{fill}" stroke="{stroke}" '
               'stroke-width="1.5"/>')
        out = [f'<g class="node" id="{self.ids[iri]}"><title>{html.escape(tip)}</title>', box]
        lines = self.lines[iri]
        baseline = y - h / 2 + PAD_Y + TITLE_SIZE
        out.append(_text(x, baseline, lines[0], "name", middle=True))
        for k, line in enumerate(lines[1:]):
            out.append(_text(x, baseline + LINE_SIZE * 1.3 * (k + 1) + 1, line, "fact",
                             middle=True))
        return "\n".join(out) + "</g>"

    def _label_size(self, props: list[str]) -> Size:
        width = max(text_width(self.view.label(p), EDGE_SIZE) for p in props) + 6
        return width, EDGE_SIZE * 1.2 * len(props) + 2

    def _edges(self) -> list[str]:
        """One arrow per ordered pair of nodes, labelled with every property between them."""
        labels = {pair: self._label_size(props) for pair, props in self.pairs.items()}
        arrows = route(self.pos, self.sizes, labels)
        return [self._edge(pair, arrows[pair]) for pair in self.pairs]

    def _edge(self, pair: tuple[str, str], arrow: Arrow) -> str:
        props = self.pairs[pair]
        symmetric = all(p in self.view.symmetric for p in props)
        head = "" if symmetric else ' marker-end="url(#arrow)"'
        (x1, y1), (cx, cy), (x2, y2) = arrow.start, arrow.control, arrow.end
        (x, y), (width, height) = arrow.label_at, arrow.label
        source, target = (self.ids[n] for n in pair)
        group = f'<g class="edge" data-source="{source}" data-target="{target}">'
        halo = (f'<rect class="halo" x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" '
                f'width="{width:.1f}" height="{height:.1f}" rx="3"/>')
        out = [group, f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"{head}/>',
               halo]
        for k, prop in enumerate(props):
            baseline = y - height / 2 + EDGE_SIZE * (1.2 * k + 1.0)
            out.append(_text(x, baseline, self.view.label(prop), "fact-label", middle=True))
        return "\n".join(out) + "</g>"


def _text(x: float, y: float, text: str, cls: str, middle: bool = False) -> str:
    anchor = ' text-anchor="middle"' if middle else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}"{anchor}>{html.escape(text)}</text>'


def summary(view: GraphView) -> str:
    deals = sum(1 for n in view.nodes.values() if n.is_event)
    entities = len(view.nodes) - deals
    return (f"{entities} {'entity' if entities == 1 else 'entities'}, "
            f"{deals} {'deal' if deals == 1 else 'deals'}, "
            f"{len(view.edges)} {'fact' if len(view.edges) == 1 else 'facts'} between them")


def _plain(v: Value) -> str:
    if isinstance(v, Decimal) and v.is_finite():
        return format(v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize(),
                      "f")
    return str(v)


def _amount(v: Value) -> str:
    """14000000000 → "14 billion"; small or odd amounts as written."""
    if not isinstance(v, int | Decimal) or not Decimal(v).is_finite():
        return str(v)
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if abs(v) >= size:
            return f"{_plain(Decimal(v) / size)} {word}"
    return _plain(Decimal(v))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


_STYLE = f"""<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"
 markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/>
</marker></defs>
<style>
text {{ font-family: {FONT}; fill: #1e293b; }}
.heading {{ font-size: 17px; font-weight: bold; }}
.caption {{ font-size: 12px; fill: #475569; }}
.legend {{ font-size: {LINE_SIZE}px; }}
.name {{ font-size: {TITLE_SIZE}px; font-weight: bold; }}
.fact {{ font-size: {LINE_SIZE}px; fill: #334155; }}
.fact-label {{ font-size: {EDGE_SIZE}px; fill: #334155; }}
.edge path {{ fill: none; stroke: #64748b; stroke-width: 1.4; }}
.halo {{ fill: #ffffff; fill-opacity: 0.88; }}
.faded {{ opacity: 0.15; }}
</style>"""
