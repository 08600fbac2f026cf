"""SHACL validation: article graphs checked against `ontology/shapes.ttl` with pySHACL.

Each article graph is validated on its own (the same entity may be labelled differently in
two articles), with the ontology's triples beside it so that `sh:class` follows its
`rdfs:subClassOf`, no inference, and SHACL-AF ("advanced") for one shape's SPARQL target.
pySHACL and rdflib load only when something is validated.
"""

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from kg.errors import KgError
from kg.resources import data_dir
from kg.results import short_iri
from kg.store import ontology_file, require_graph
from kg.vocab import ARTICLE

if TYPE_CHECKING:  # kg.extract is imported only by code that extracts
    from kg.extract.model import Article

SHAPES_FILE = "shapes.ttl"
SHAPES = "https://w3id.org/newskg/shapes#"
SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule: the node, its property, what the shape asks, the shape's name."""

    focus: str  # short IRI of the node that breaks the rule
    path: str  # short IRI of the property ("" when the node itself is wrong)
    message: str  # the shape's sh:message: what a conforming graph looks like
    shape: str  # e.g. "nks:Investment-investee"
    value: str = ""  # the offending value, as N-Triples, if there is one

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" (value {self.value})" if self.value else ""
        return f"{where}: {self.message}{value} [{self.shape}]"


@dataclass
class GraphReport:
    """The violations found in one article graph."""

    article: str  # the article id (the graph IRI without its namespace)
    triples: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


def shapes_file() -> Path:
    """The SHACL shapes shipped with the project (Turtle)."""
    return data_dir("ontology") / SHAPES_FILE


def validate_triples(triples: Iterable[Triple]) -> list[Violation]:
    """The violations of the shapes in one graph's `triples`, sorted; none if it conforms."""
    data = _rdflib_graph(triples)
    # The ontology goes in beside the data, so that `sh:class` follows `rdfs:subClassOf`:
    # what pySHACL's `ont_graph` does, without it copying the whole data graph first.
    data += _ontology()
    # rdflib's SPARQL engine leaves reference cycles holding its frames, which would keep the
    # caller's frames (and a Store in them, with its lock) alive until the next garbage
    # collection. In a thread of its own, the cycles reach no frame of the caller.
    with ThreadPoolExecutor(max_workers=1) as pool:
        results = pool.submit(_pyshacl, data).result()
    return sorted(set(_violations(results)))  # one line per rule broken, per value


def _pyshacl(data: Any) -> Any:
    import pyshacl

    _, results, _ = pyshacl.validate(data, shacl_graph=_shapes(), inference="none",
                                     advanced=True, allow_warnings=True, inplace=True)
    return results


def validate_article(article: "Article") -> list[Violation]:
    """The violations in the graph an extracted article would be written as."""
    from kg.rdf import article_triples

    return validate_triples(article_triples(article))


def validate_store(store: Store, graph: str | None = None) -> list[GraphReport]:
    """Validate every article graph of the store (or only `graph`: article id or IRI)."""
    graphs = [require_graph(store, graph)] if graph is not None else article_graphs(store)
    reports = []
    for name in graphs:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, name)]
        reports.append(GraphReport(name.value.removeprefix(ARTICLE), len(triples),
                                   validate_triples(triples)))
    return reports


def article_graphs(store: Store) -> list[NamedNode]:
    """The store's article graphs, sorted (the ontology's graph is not an article)."""
    return sorted((g for g in store.named_graphs()
                   if isinstance(g, NamedNode) and g.value.startswith(ARTICLE)),
                  key=lambda g: g.value)


@cache
def _shapes() -> Any:
    return _parse_turtle(shapes_file())


@cache
def _ontology() -> Any:
    return _parse_turtle(ontology_file())


def _parse_turtle(path: Path) -> Any:
    import rdflib

    if not path.is_file():
        raise KgError(f"file not found: {path}")
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises its own parser errors
        raise KgError(f"{path} is not valid Turtle: {exc}") from None


def _rdflib_graph(triples: Iterable[Triple]) -> Any:
    import rdflib

    # rdflib logs a traceback for each ill-typed literal ("abc"^^xsd:integer); the shapes
    # report those as datatype violations, so its log says nothing more.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
    graph = rdflib.Graph()
    for t in triples:
        graph.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return graph


def _rdflib_term(term: Any) -> Any:
    import rdflib

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise KgError(f"cannot validate a graph holding {term!r}")  # RDF-star triple terms


def _violations(results: Any) -> Iterable[Violation]:
    from rdflib import RDF, URIRef
    from rdflib import Literal as RdfLiteral

    sh = {name: URIRef(SH + name) for name in ("ValidationResult", "focusNode", "resultPath",
                                               "value", "resultMessage", "sourceShape",
                                               "message")}
    for result in results.subjects(RDF.type, sh["ValidationResult"]):
        def get(name: str, result: Any = result) -> Any:
            return results.value(result, sh[name])

        shape = get("sourceShape")
        # The shape's own message: pySHACL may give a result the node shape's message too.
        message = _shapes().value(shape, sh["message"]) or get("resultMessage")
        value = get("value")
        if value == get("focusNode"):  # a node-level rule: the value is the node itself
            value = None
        yield Violation(
            focus=_short(get("focusNode")),
            path=_short(get("resultPath")) if isinstance(get("resultPath"), URIRef) else "",
            message=str(message or "violates the shape"),
            shape=_short(shape),
            value=_literal(value) if isinstance(value, RdfLiteral) else _short(value))


def _literal(term: Any) -> str:
    """A literal as Turtle with a short datatype: "abc"^^xsd:integer, "x"@en, "text"."""
    text = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = " ".join(text.split())  # a report line is one line
    if term.language:
        return f"{text}@{term.language}"
    datatype = str(term.datatype or "")
    return text if datatype in ("", XSD_STRING) else f"{text}^^{short_iri(datatype)}"


def _short(term: Any) -> str:
    from rdflib import URIRef

    if isinstance(term, URIRef):
        iri = str(term)
        return f"nks:{iri.removeprefix(SHAPES)}" if iri.startswith(SHAPES) else short_iri(iri)
    return str(term) if term is not None else ""


def format_reports(reports: list[GraphReport]) -> str:
    """A readable report: each article with violations, its violations, then a summary line."""
    lines = []
    bad = [r for r in reports if not r.conforms]
    for report in bad:
        lines.append(f"{report.article}: {_plural(len(report.violations), 'violation')}")
        lines += [f"  {violation}" for violation in report.violations]
    checked = f"checked {_plural(len(reports), 'article')} against the shapes"
    if not bad:
        lines.append(f"{checked}: {'all conform' if reports else 'the store has none'}")
    else:
        total = sum(len(r.violations) for r in bad)
        lines.append(f"{checked}: {_plural(len(bad), 'article')} with violations "
                     f"({total} in all)")
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
