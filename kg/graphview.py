"""The store as a plain property graph: nodes, their literal attributes, and edges between them.

What GraphML, CSV and `kg show` draw. Only the core vocabulary is read: entities (persons,
organizations, products, places) and deal events are the nodes; a fact whose object is another
node is an edge labelled with its property; a fact whose object is a literal (job title, age,
amount …) is an attribute of its subject. Provenance (statements, sentences, articles,
`nkg:mentionedIn`) is left out. A node read from several articles is one node.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import KgError
from kg.store import require_graph
from kg.terms import RDF_TYPE, RDFS_LABEL, SKOS_ALT
from kg.vocab import NKG, ONTOLOGY, PREFIXES

ENTITY_CLASSES = ("Person", "Organization", "Product", "Place")
EVENT_CLASSES = ("Investment", "Acquisition")
NODE_CLASSES = ENTITY_CLASSES + EVENT_CLASSES
NOT_FACTS = frozenset({"mentionedIn"})  # nkg: properties of entities that are provenance
SYMMETRIC = NamedNode(PREFIXES["owl"] + "SymmetricProperty")
XSD = PREFIXES["xsd"]
_NUMBERS = {XSD + name for name in ("decimal", "double", "float")}

Value = str | int | Decimal


@dataclass
class Node:
    """An entity or event: its IRI, one name, its class (`Person` …), other names, attributes."""

    iri: str
    label: str
    kind: str
    alt_labels: list[str] = field(default_factory=list)
    attributes: dict[str, list[Value]] = field(default_factory=dict)  # property → values

    @property
    def is_event(self) -> bool:
        return self.kind in EVENT_CLASSES


@dataclass(frozen=True, order=True)
class Edge:
    """A fact between two nodes; `prop` is the property's local name (`reportsTo`)."""

    source: str
    prop: str
    target: str


@dataclass
class GraphView:
    """Nodes by IRI, edges, and the ontology's English labels of classes and properties."""

    nodes: dict[str, Node]
    edges: list[Edge]
    labels: dict[str, str] = field(default_factory=dict)  # local name → English rdfs:label
    symmetric: frozenset[str] = frozenset()  # properties declared owl:SymmetricProperty
    title: str = "all articles"

    def label(self, local_name: str) -> str:
        """The English label of an ontology term, e.g. "reports to" for `reportsTo`."""
        return self.labels.get(local_name) or _words(local_name)

    def attribute_names(self) -> list[str]:
        """Every literal property some node has, sorted."""
        return sorted({name for node in self.nodes.values() for name in node.attributes})

    def find(self, name: str) -> list[Node]:
        """Nodes named `name`: an IRI (bare or in <>), or any of its names in any case."""
        iri = name[1:-1] if name.startswith("<") and name.endswith(">") else name
        if iri in self.nodes:
            return [self.nodes[iri]]
        wanted = name.casefold().strip()
        return [n for n in self.nodes.values()
                if wanted in {x.casefold() for x in [n.label, *n.alt_labels]}]

    def neighbourhood(self, centres: Iterable[str], depth: int = 1) -> "GraphView":
        """The nodes within `depth` facts of `centres`; a deal counts with all its parties."""
        around: dict[str, set[str]] = {iri: set() for iri in self.nodes}
        for edge in self.edges:
            around[edge.source].add(edge.target)
            around[edge.target].add(edge.source)
        keep = set(centres)
        frontier = set(keep)
        for _ in range(depth):
            reached = {n for iri in frontier for n in around[iri]}
            reached |= {p for iri in reached if self.nodes[iri].is_event for p in around[iri]}
            frontier = reached - keep
            keep |= reached
        return self.subgraph(keep)

    def subgraph(self, iris: set[str]) -> "GraphView":
        """Only the nodes `iris` and the edges between them."""
        return GraphView({i: n for i, n in self.nodes.items() if i in iris},
                         [e for e in self.edges if e.source in iris and e.target in iris],
                         self.labels, self.symmetric, self.title)


def read_graph(store: Store, graph: str | None = None) -> GraphView:
    """The property graph of the whole store, or of one article's graph (id or IRI)."""
    name = require_graph(store, graph) if graph is not None else None
    kinds: dict[str, str] = {}
    for kind in NODE_CLASSES:
        for quad in _quads(store, None, RDF_TYPE, NamedNode(NKG + kind), name):
            kinds.setdefault(quad.subject.value, kind)  # classes are disjoint; first wins
    nodes, edges = {}, set()
    for iri in sorted(kinds):
        node, facts = _node(store, iri, kinds[iri], name)
        nodes[iri] = node
        edges |= {Edge(iri, prop, target) for prop, target in facts if target in kinds}
    title = f"article {graph}" if graph is not None else "all articles"
    return GraphView(nodes, sorted(edges), ontology_labels(store), _symmetric(store), title)


def entity_view(store: Store, names: list[str], graph: str | None = None,
                depth: int = 1) -> GraphView:
    """The neighbourhood of the entities called `names` (names or IRIs)."""
    view = read_graph(store, graph)
    centres: list[str] = []
    for name in names:
        found = view.find(name)
        if not found:
            raise KgError(f"no entity named {name!r}{_suggest(view, name)}")
        centres += [n.iri for n in found]
    around = view.neighbourhood(centres, depth)
    around.title = f"around {', '.join(view.nodes[c].label for c in dict.fromkeys(centres))}"
    return around


def ontology_labels(store: Store) -> dict[str, str]:
    """English labels of the nkg: terms, from the ontology graph in the store."""
    labels: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, RDFS_LABEL, None, NamedNode(ONTOLOGY)):
        label = quad.object
        if (isinstance(label, Literal) and label.language == "en"
                and quad.subject.value.startswith(NKG)):
            labels[quad.subject.value.removeprefix(NKG)] = label.value
    return labels


def _symmetric(store: Store) -> frozenset[str]:
    return frozenset(q.subject.value.removeprefix(NKG) for q in
                     store.quads_for_pattern(None, RDF_TYPE, SYMMETRIC, NamedNode(ONTOLOGY))
                     if q.subject.value.startswith(NKG))


def _node(store: Store, iri: str, kind: str,
          graph: NamedNode | None) -> tuple[Node, list[tuple[str, str]]]:
    """The node `iri` and its facts whose object is an IRI, as (property, object IRI)."""
    labels, alts = set(), set()
    attributes: dict[str, set[Value]] = {}
    facts: list[tuple[str, str]] = []
    for quad in _quads(store, NamedNode(iri), None, None, graph):
        prop, obj = quad.predicate, quad.object
        if prop == RDFS_LABEL:
            labels.add(obj.value)
        elif prop == SKOS_ALT:
            alts.add(obj.value)
        elif prop.value.startswith(NKG) and prop.value.removeprefix(NKG) not in NOT_FACTS:
            local = prop.value.removeprefix(NKG)
            if isinstance(obj, Literal):
                attributes.setdefault(local, set()).add(value(obj))
            elif isinstance(obj, NamedNode):
                facts.append((local, obj.value))
    label = min(labels) if labels else iri.rsplit("/", 1)[-1]
    node = Node(iri, label, kind, sorted((labels | alts) - {label}),
                {p: sorted(v, key=_sort_key) for p, v in sorted(attributes.items())})
    return node, facts


def value(literal: Literal) -> Value:
    """A literal as Python: xsd:integer as int, decimals as Decimal, anything else as text."""
    datatype = literal.datatype.value
    try:
        if datatype == XSD + "integer":
            return int(literal.value)
        if datatype in _NUMBERS:
            return Decimal(literal.value)
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal stays as written
    return literal.value


def _sort_key(v: Value) -> tuple[int, Decimal, str]:
    return (1, Decimal(0), v) if isinstance(v, str) else (0, Decimal(v), "")


def _quads(store: Store, subject: NamedNode | None, predicate: NamedNode | None,
           obj: NamedNode | None, graph: NamedNode | None) -> Iterator[Quad]:
    """Matching quads in `graph`, or in every article graph (never the ontology's)."""
    ontology = NamedNode(ONTOLOGY)
    for quad in store.quads_for_pattern(subject, predicate, obj, graph):
        if graph is not None or quad.graph_name != ontology:
            yield quad


def _suggest(view: GraphView, name: str) -> str:
    wanted = name.casefold()
    close = sorted({n.label for n in view.nodes.values()
                    if wanted in n.label.casefold() and not n.is_event})
    if close:
        return f"; did you mean: {', '.join(close[:5])}?"
    return "; `kg query people` and `kg query organizations` list the names"


def _words(local_name: str) -> str:
    """`leftOrganization` → "left organization" (for terms the ontology does not label)."""
    return "".join(" " + c.lower() if c.isupper() else c for c in local_name).strip()
