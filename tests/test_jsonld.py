"""Compact JSON-LD: plain keys from the ontology's context, and the same triples read back."""

import json
import warnings

from pyoxigraph import RdfFormat, parse
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import export, export_article
from kg.jsonld import context
from kg.store import ontology_file
from kg.vocab import NKG


def rdflib_dataset(data: bytes, fmt: str) -> Dataset:
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's Dataset.parse calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=data, format=fmt)
    return dataset


def graphs(dataset: Dataset) -> dict[str, Graph]:
    """Each non-empty graph by name, so datasets compare graph by graph (blank nodes too)."""
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_round_trip_with_rdflib(store):
    jsonld = rdflib_dataset(export(store, "jsonld"), "json-ld")
    nquads = rdflib_dataset(export(store, "nquads"), "nquads")
    expected, got = graphs(nquads), graphs(jsonld)
    assert len(expected) == 4  # the ontology, the entity index and two articles
    assert set(got) == set(expected)
    for name, graph in expected.items():
        assert isomorphic(got[name], graph), name


def test_keys_read_plainly(meta_article):
    data = json.loads(export_article(meta_article, "jsonld"))
    nodes = {node["@id"]: node for node in data["@graph"][0]["@graph"]}
    assert nodes["person:yann-lecun"] == {
        "@id": "person:yann-lecun", "@type": "Person", "label": "Yann LeCun",
        "altLabel": "LeCun", "jobTitle": "Chief AI Scientist",
        "leftOrganization": "organization:meta", "mentionedIn": "article:meta-scale-en",
        "reportsTo": "person:alexandr-wang", "worksFor": "organization:meta"}
    deal = nodes["investment:meta-scale-ai-14000000000"]
    assert (deal["@type"], deal["amount"], deal["currency"]) == ("Investment", "14000000000.0",
                                                                 "USD")
    assert data["@context"]["amount"] == {"@id": NKG + "amount",
                                          "@type": "http://www.w3.org/2001/XMLSchema#decimal"}


def test_context_has_every_ontology_term():
    terms = context()
    declared = {q.subject.value.removeprefix(NKG)
                for q in parse(path=ontology_file(), format=RdfFormat.TURTLE)
                if q.subject.value.startswith(NKG) and q.predicate.value.endswith("#type")}
    assert declared <= set(terms)
    assert terms["reportsTo"] == {"@id": NKG + "reportsTo", "@type": "@id"}
    assert terms["Person"] == NKG + "Person"
    assert terms["jobTitle"] == NKG + "jobTitle"  # a plain string
    assert terms["label"] == "http://www.w3.org/2000/01/rdf-schema#label"
    assert terms["person"] == "https://w3id.org/newskg/id/person/"


def test_output_is_stable(store):
    assert export(store, "jsonld") == export(store, "jsonld")


def test_one_graph_has_the_same_shape(store):
    data = json.loads(export(store, "jsonld", graph="openai-microsoft.en"))
    assert [g["@id"] for g in data["@graph"]] == ["article:openai-microsoft-en"]
