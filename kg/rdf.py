"""An extracted article as RDF: the shape every query, export and shape file relies on.

For an article with id `a`, everything goes into the named graph `article:a`:

    article:a  a nkg:Article ; schema:headline "…" ; nkg:language "id" ; nkg:sourceFile "a.txt" .
    person:ana-souza  a nkg:Person ; rdfs:label "Ana Souza" ; skos:altLabel "Souza" ;
        nkg:mentionedIn article:a ; nkg:reportsTo person:budi-santoso .
    investment:meta-brightpath-ai  a nkg:Investment ; rdfs:label "Northwind → Brightmoor AI" ;
        nkg:investor organization:meta ; nkg:investee organization:brightpath-ai ;
        nkg:amount 14000000000.0 ; nkg:currency "USD" ; nkg:stakePercent 49.0 .

Provenance is plain RDF 1.1 (no RDF-star): each fact triple has a reified statement,

    statement:a-…  a nkg:Statement ; rdf:subject … ; rdf:predicate … ; rdf:object … ;
        prov:wasDerivedFrom sentence:a-10-200 ; nkg:confidence 0.9 ; nkg:extractedBy "rule" .
    sentence:a-10-200  a nkg:Sentence ; nkg:text "…" ; nkg:startOffset 10 ;
        nkg:endOffset 200 ; dcterms:isPartOf article:a .
"""

from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad, Triple

from kg.extract.model import Article, Entity, Event, Evidence, Value
from kg.terms import RDF_TYPE, RDFS_LABEL, SKOS_ALT
from kg.vocab import (
    ENTITY,
    PREFIXES,
    article_iri,
    entity_iri,
    sentence_iri,
    slugify,
    statement_iri,
    term,
)

DERIVED = NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
PART_OF = NamedNode(PREFIXES["dcterms"] + "isPartOf")
HEADLINE = NamedNode(PREFIXES["schema"] + "headline")
XSD = PREFIXES["xsd"]
EVENT_ROLES = {"Investment": ("investor", "investee"), "Acquisition": ("acquirer", "acquired")}


def nkg(local_name: str) -> NamedNode:
    return NamedNode(term(local_name))


def literal(value: str | int | float | Decimal) -> Literal:
    """A typed literal: integers as xsd:integer, decimals without exponent as xsd:decimal."""
    if isinstance(value, bool):
        raise TypeError("booleans are not fact values")
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    if isinstance(value, float | Decimal):
        text = format(Decimal(str(value)).normalize(), "f")
        return Literal(text if "." in text else text + ".0", datatype=NamedNode(XSD + "decimal"))
    return Literal(value)


def entity_node(entity: Entity) -> NamedNode:
    return NamedNode(entity_iri(entity.kind, entity.name))


def event_node(event: Event) -> NamedNode:
    parts = [a.name for a in event.agents] + [event.target.name]
    if event.amount is not None:
        parts.append(format(event.amount.normalize(), "f"))
    return NamedNode(f"{ENTITY}{event.kind.lower()}/{slugify('-'.join(parts))}")


def article_triples(article: Article) -> Iterator[Triple]:
    """Every triple the article contributes, provenance included, without duplicates."""
    for spo in _distinct(article):
        yield Triple(*spo)


def article_quads(article: Article) -> Iterator[Quad]:
    """The article's triples in its own named graph."""
    graph = NamedNode(article_iri(article.id))
    for spo in _distinct(article):
        yield Quad(*spo, graph)


# Triples are made as plain tuples and turned into Triple or Quad objects once: a term read
# back from a pyoxigraph Triple is a new object each time, which made loading slower.
Spo = tuple[NamedNode, NamedNode, NamedNode | Literal]


def _distinct(article: Article) -> Iterator[Spo]:
    seen: set[Spo] = set()
    for spo in _triples(article):
        if spo not in seen:
            seen.add(spo)
            yield spo


def _triples(article: Article) -> Iterator[Spo]:
    doc = NamedNode(article_iri(article.id))
    yield doc, RDF_TYPE, nkg("Article")
    if article.title:
        yield doc, HEADLINE, Literal(article.title)
    yield doc, nkg("language"), Literal(article.lang)
    if article.source:
        yield doc, nkg("sourceFile"), Literal(article.source)
    labelled: set[NamedNode] = set()
    for entity in article.entities:
        node = entity_node(entity)
        yield node, RDF_TYPE, nkg(entity.kind)
        # two names that differ only in what an IRI leaves out ("Ø Acme", "Acme") are one
        # node: the first gives its label, the others are its other names
        if node in labelled:
            others = entity.aliases | {entity.name}
        else:
            labelled.add(node)
            yield node, RDFS_LABEL, Literal(entity.name)
            others = entity.aliases - {entity.name}
        for alias in sorted(others):
            yield node, SKOS_ALT, Literal(alias)
        yield node, nkg("mentionedIn"), doc
    for fact in article.facts:
        yield from _asserted(article.id, entity_node(fact.subject), fact.predicate,
                             _object(fact.object), fact.evidence)
    for event in article.events:
        yield from _event_triples(article.id, event)


def _object(value: Value) -> NamedNode | Literal:
    return entity_node(value) if isinstance(value, Entity) else literal(value)


def _event_triples(article_id: str, event: Event) -> Iterator[Spo]:
    node = event_node(event)
    agent_role, target_role = EVENT_ROLES[event.kind]
    names = " & ".join(a.name for a in event.agents)
    yield node, RDF_TYPE, nkg(event.kind)
    yield node, RDFS_LABEL, Literal(f"{names} → {event.target.name}")
    values: list[tuple[str, NamedNode | Literal]] = [(agent_role, entity_node(a))
                                                     for a in event.agents]
    values.append((target_role, entity_node(event.target)))
    for prop, value in (("amount", event.amount), ("currency", event.currency),
                        ("stakePercent", event.stake)):
        if value is not None:
            values.append((prop, literal(value)))
    for prop, obj in values:
        yield from _asserted(article_id, node, prop, obj, event.evidence)


def _asserted(article_id: str, subject: NamedNode, predicate: str, obj: NamedNode | Literal,
              evidence: Evidence) -> Iterator[Spo]:
    """The fact triple, its reified statement, and the sentence the statement came from."""
    pred = nkg(predicate)
    yield subject, pred, obj
    sentence = NamedNode(sentence_iri(article_id, evidence.start, evidence.end))
    statement = NamedNode(statement_iri(article_id, subject.value, pred.value, str(obj),
                                        str(evidence.start), str(evidence.end)))
    yield statement, RDF_TYPE, nkg("Statement")
    yield statement, NamedNode(PREFIXES["rdf"] + "subject"), subject
    yield statement, NamedNode(PREFIXES["rdf"] + "predicate"), pred
    yield statement, NamedNode(PREFIXES["rdf"] + "object"), obj
    yield statement, DERIVED, sentence
    yield statement, nkg("confidence"), literal(Decimal(str(round(evidence.confidence, 3))))
    yield statement, nkg("extractedBy"), Literal(evidence.rule)
    yield sentence, RDF_TYPE, nkg("Sentence")
    yield sentence, nkg("text"), Literal(evidence.text)
    yield sentence, nkg("startOffset"), literal(evidence.start)
    yield sentence, nkg("endOffset"), literal(evidence.end)
    yield sentence, PART_OF, NamedNode(article_iri(article_id))
