"""Compact JSON-LD: the graph as plain JSON keys, with an `@context` made from the ontology.

    {"@id": "person:ana-souza", "@type": "Person", "label": "Ana Souza",
     "altLabel": "Souza", "reportsTo": "person:budi-santoso", "jobTitle": "Chief AI Scientist"}

Every ontology class and property is a term named by its local name; object properties hold
IRIs, numeric properties their typed values as strings ("14000000000"), so the JSON reads back
to exactly the same triples. The context is inline: nothing is fetched to read the file.
"""

import json
import warnings
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from kg.vocab import NKG, ONTOLOGY, PREFIXES

OWL = PREFIXES["owl"]
RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
# Terms from other vocabularies the graph uses: name → (IRI, whether its values are IRIs).
REUSED = {
    "label": (RDFS + "label", False),
    "altLabel": (PREFIXES["skos"] + "altLabel", False),
    "headline": (PREFIXES["schema"] + "headline", False),
    "wasDerivedFrom": (PREFIXES["prov"] + "wasDerivedFrom", True),
    "isPartOf": (PREFIXES["dcterms"] + "isPartOf", True),
    "subject": (RDF + "subject", True),
    "predicate": (RDF + "predicate", True),
    "object": (RDF + "object", False),  # an IRI or a literal
}


@cache
def context(ontology: Path | None = None) -> dict[str, Any]:
    """The `@context`: the project's prefixes, then one term per ontology class and property."""
    from kg.store import ontology_file

    triples = [q.triple for q in parse(path=ontology or ontology_file(),
                                       format=RdfFormat.TURTLE, base_iri=ONTOLOGY)]
    kinds = {(t.subject.value, t.object.value) for t in triples
             if t.predicate.value == RDF + "type" and isinstance(t.subject, NamedNode)}
    ranges = {t.subject.value: t.object.value for t in triples
              if t.predicate.value == RDFS + "range" and isinstance(t.object, NamedNode)}
    terms: dict[str, Any] = dict(PREFIXES)
    for iri, kind in sorted(kinds):
        if not iri.startswith(NKG):
            continue
        name = iri.removeprefix(NKG)
        if kind == OWL + "Class":
            terms[name] = iri
        elif kind == OWL + "ObjectProperty":
            terms[name] = {"@id": iri, "@type": "@id"}
        elif kind == OWL + "DatatypeProperty":
            datatype = ranges.get(iri, XSD + "string")
            typed = datatype != XSD + "string"
            terms[name] = {"@id": iri, "@type": datatype} if typed else iri
    for name, (iri, is_iri) in REUSED.items():
        terms[name] = {"@id": iri, "@type": "@id"} if is_iri else iri
    return terms


def to_jsonld(quads: Iterable[Quad]) -> bytes:
    """The quads as compacted JSON-LD (named graphs kept), keys and values in a stable order."""
    from rdflib import BNode, Dataset, URIRef
    from rdflib import Literal as RdfLiteral  # rdflib loads only for JSON-LD

    def convert(term: NamedNode | BlankNode | Literal) -> URIRef | BNode | RdfLiteral:
        if isinstance(term, NamedNode):
            return URIRef(term.value)
        if isinstance(term, BlankNode):
            return BNode(term.value)
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        return RdfLiteral(term.value, datatype=None if datatype == XSD + "string" else datatype)

    dataset = Dataset()
    for quad in quads:
        graph = None if isinstance(quad.graph_name, DefaultGraph) else URIRef(
            quad.graph_name.value)
        triple = (convert(quad.subject), convert(quad.predicate), convert(quad.object))
        if graph is None:
            dataset.add(triple)
        else:
            dataset.add((*triple, graph))
    with warnings.catch_warnings():  # rdflib's serializer calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        text = dataset.serialize(format="json-ld", context=context(), auto_compact=True)
    data = _ordered(json.loads(text))
    if "@id" in data:  # rdflib writes a lone named graph as the top object: one shape for all
        data = {"@context": data.pop("@context"), "@graph": [data]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _ordered(data: Any, key: str = "") -> Any:
    """Sort nodes by id and multiple values by their JSON: rdflib's own order varies by run."""
    if isinstance(data, dict):
        return {k: v if k == "@context" else _ordered(v, k) for k, v in sorted(data.items())}
    if isinstance(data, list):
        items = [_ordered(item) for item in data]
        if key == "@list":  # an RDF list keeps its order
            return items
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True,
                                                         ensure_ascii=False))
    return data
