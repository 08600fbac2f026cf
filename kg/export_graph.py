"""Write the store as a property graph for graph tools: GraphML, and CSV for Neo4j and Gephi.

Nodes are entities and deal events (id = IRI); edges are facts between them, labelled with
the property's English label; literal facts (job title, age, amount …) are node attributes,
several values joined with `;`. See kg.graphview for what is read.

- GraphML opens in Gephi, Cytoscape and yEd (and networkx).
- CSV writes, into a folder, `nodes.csv` and `edges.csv` in the header format of
  `neo4j-admin database import` (`iri:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`), and
  `gephi-nodes.csv` and `gephi-edges.csv` with the column names Gephi's spreadsheet import
  looks for (`Id`, `Label`, `Source`, `Target`, `Type`, `Kind`).
"""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from pyoxigraph import Store

from kg.errors import KgError
from kg.files import write_file
from kg.graphview import GraphView, Value, read_graph

GRAPH_FORMATS = ("graphml", "csv")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter
CSV_FILES = ("nodes.csv", "edges.csv", "gephi-nodes.csv", "gephi-edges.csv")


def graph_format(fmt: str | None, out: Path | None = None) -> str | None:
    """"graphml" or "csv" when `fmt` (or, without one, `out`'s ending) asks for it; else None."""
    if fmt:
        return fmt.lower() if fmt.lower() in GRAPH_FORMATS else None
    return "graphml" if out is not None and out.suffix.lower() == ".graphml" else None


def export_graph(store: Store, fmt: str, out: Path | None = None,
                 graph: str | None = None) -> bytes | None:
    """Write the store (or one article's graph) as GraphML (to `out`, or returned) or as CSV
    files in the folder `out`."""
    view = read_graph(store, graph)
    if fmt == "csv":
        if out is None:
            raise KgError("csv writes four files: give a folder with -o DIR")
        write_csv(view, out)
        return None
    data = graphml(view)
    if out is None:
        return data
    write_file(out, data)
    return None


def graphml(view: GraphView) -> bytes:
    """The graph as GraphML: directed, node and edge attributes declared with `<key>`."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(_g("graphml"))
    keys = {"label": "string", "type": "string", "altLabels": "string"}
    keys |= {name: _graphml_type(view, name) for name in view.attribute_names()}
    for name, kind in keys.items():
        ET.SubElement(root, _g("key"), {"id": f"n_{name}", "for": "node", "attr.name": name,
                                        "attr.type": kind})
    for name in ("label", "property"):
        ET.SubElement(root, _g("key"), {"id": f"e_{name}", "for": "edge", "attr.name": name,
                                        "attr.type": "string"})
    body = ET.SubElement(root, _g("graph"), {"id": "newskg", "edgedefault": "directed"})
    for node in view.nodes.values():
        element = ET.SubElement(body, _g("node"), {"id": node.iri})
        values = {"label": [node.label], "type": [node.kind], "altLabels": node.alt_labels,
                  **node.attributes}
        for name, items in values.items():
            if items:
                _data(element, f"n_{name}", _joined(items))
    for number, edge in enumerate(view.edges):
        element = ET.SubElement(body, _g("edge"), {"id": f"e{number}", "source": edge.source,
                                                   "target": edge.target})
        _data(element, "e_label", view.label(edge.prop))
        _data(element, "e_property", edge.prop)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def csv_tables(view: GraphView) -> dict[str, str]:
    """The four CSV files' text by file name (see the module's docstring)."""
    attributes = view.attribute_names()
    types = {name: _neo4j_type(view, name) for name in attributes}
    nodes = [["iri:ID", "name", ":LABEL", "altLabels:string[]",
              *(f"{name}:{types[name]}" for name in attributes)]]
    gephi_nodes = [["Id", "Label", "type", "altLabels", *attributes]]
    for node in view.nodes.values():
        labels = f"{node.kind};Event" if node.is_event else node.kind
        values = [_joined(node.attributes.get(name, [])) for name in attributes]
        nodes.append([node.iri, node.label, labels, _joined(node.alt_labels), *values])
        gephi_nodes.append([node.iri, node.label, node.kind, _joined(node.alt_labels), *values])
    edges = [[":START_ID", ":END_ID", ":TYPE", "label", "property"]]
    gephi_edges = [["Source", "Target", "Type", "Kind", "Label", "property"]]
    for edge in view.edges:
        label = view.label(edge.prop)
        edges.append([edge.source, edge.target, relationship_type(edge.prop), label, edge.prop])
        direction = "Undirected" if edge.prop in view.symmetric else "Directed"
        gephi_edges.append([edge.source, edge.target, direction, edge.prop, label, edge.prop])
    tables = (nodes, edges, gephi_nodes, gephi_edges)
    return {name: _csv(rows) for name, rows in zip(CSV_FILES, tables, strict=True)}


def write_csv(view: GraphView, folder: Path) -> None:
    """Write the CSV files into `folder`, made if missing (its parent must exist)."""
    if folder.exists() and not folder.is_dir():
        raise KgError(f"csv writes four files into a folder; {folder} is a file")
    if not folder.parent.is_dir():
        raise KgError(f"cannot write {folder}: folder {folder.parent} does not exist")
    folder.mkdir(exist_ok=True)
    for name, text in csv_tables(view).items():
        write_file(folder / name, text.encode("utf-8"))


def relationship_type(prop: str) -> str:
    """A Neo4j relationship type from a property's local name: `reportsTo` → `REPORTS_TO`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", prop).upper()


def _g(tag: str) -> str:
    return f"{{{GRAPHML_NS}}}{tag}"


def _data(element: ET.Element, key: str, text: str) -> None:
    ET.SubElement(element, _g("data"), {"key": key}).text = text


def _joined(values: list[Value] | list[str]) -> str:
    return ARRAY_DELIMITER.join(_text(v) for v in values)


def _text(v: Value) -> str:
    """Numbers written plainly (14000000000, 49, 0.5), text as it is."""
    if isinstance(v, Decimal) and v.is_finite():
        return format(v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize(), "f")
    return str(v)


def _kind(view: GraphView, name: str) -> tuple[str, bool]:
    """The type of attribute `name` ("long", "double" or "string"), and whether some node has
    several values for it."""
    values = [n.attributes[name] for n in view.nodes.values() if name in n.attributes]
    flat = [v for vs in values for v in vs]
    several = any(len(vs) > 1 for vs in values)
    if any(isinstance(v, str) for v in flat):
        return "string", several
    return ("long" if all(isinstance(v, int) for v in flat) else "double"), several


def _graphml_type(view: GraphView, name: str) -> str:
    kind, several = _kind(view, name)
    return "string" if several else kind


def _neo4j_type(view: GraphView, name: str) -> str:
    kind, several = _kind(view, name)
    return kind + "[]" if several else kind


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
