"""GraphML and CSV: they load in networkx and csv readers with the store's nodes and facts."""

import csv
import io
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KgError
from kg.export_graph import (
    CSV_FILES,
    csv_tables,
    export_graph,
    graph_format,
    graphml,
    relationship_type,
)
from kg.graphview import read_graph
from kg.store import query
from kg.vocab import NKG, entity_iri

NODES = """SELECT DISTINCT ?x WHERE {
  ?x a ?class VALUES ?class { nkg:Person nkg:Organization nkg:Product nkg:Place
                              nkg:Investment nkg:Acquisition } }"""
# Facts whose object is also an entity or a deal: the edges, straight from the store.
EDGES = """SELECT DISTINCT ?s ?p ?o WHERE {
  ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?o a ?class VALUES ?class { nkg:Person nkg:Organization nkg:Product nkg:Place } }"""
YANN = entity_iri("Person", "Yann LeCun")
DEAL = "https://w3id.org/newskg/id/investment/meta-scale-ai-14000000000"


def store_nodes(store) -> set[str]:
    return {row["x"].value for row in query(store, NODES)}


def store_edges(store) -> set[tuple[str, str, str]]:
    return {(r["s"].value, r["p"].value.removeprefix(NKG), r["o"].value)
            for r in query(store, EDGES)}


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_graphml_loads_in_networkx_with_the_stores_nodes_and_edges(store):
    graph = nx.read_graphml(io.BytesIO(graphml(read_graph(store))))
    assert graph.is_directed()
    assert set(graph.nodes) == store_nodes(store)
    edges = {(s, data["property"], t) for s, t, data in graph.edges(data=True)}
    assert edges == store_edges(store)
    assert graph.number_of_edges() == len(edges) == 14


def test_graphml_node_and_edge_attributes(store):
    graph = nx.read_graphml(io.BytesIO(graphml(read_graph(store))))
    assert graph.nodes[YANN] == {"label": "Yann LeCun", "type": "Person", "altLabels": "LeCun",
                                 "jobTitle": "Chief AI Scientist"}
    assert graph.nodes[entity_iri("Person", "Alexandr Wang")]["age"] == 29  # long
    assert graph.nodes[DEAL] == {"label": "Meta → Scale AI", "type": "Investment",
                                 "amount": 14000000000.0, "currency": "USD",
                                 "stakePercent": 49.0}
    labels = {data["label"] for _, _, data in graph.edges(data=True)}
    assert {"reports to", "sub-organization of", "investor", "left organization"} <= labels


def test_graphml_joins_several_values(store, meta_article):
    from kg.extract.model import Fact
    from kg.store import replace_article

    yann = next(e for e in meta_article.entities if e.name == "Yann LeCun")
    meta_article.facts.append(Fact(yann, "jobTitle", "professor", meta_article.facts[0].evidence))
    replace_article(store, meta_article)
    text = graphml(read_graph(store)).decode()
    assert '<key id="n_jobTitle" for="node" attr.name="jobTitle" attr.type="string" />' in text
    assert "<data key=\"n_jobTitle\">Chief AI Scientist;professor</data>" in text


def test_csv_for_neo4j(store):
    tables = csv_tables(read_graph(store))
    assert list(tables) == list(CSV_FILES)
    nodes, edges = tables["nodes.csv"], tables["edges.csv"]
    assert nodes.splitlines()[0] == (
        "iri:ID,name,:LABEL,altLabels:string[],age:long,amount:double,currency:string,"
        "formerName:string,jobTitle:string,stakePercent:double")
    assert edges.splitlines()[0] == ":START_ID,:END_ID,:TYPE,label,property"
    by_id = {row["iri:ID"]: row for row in rows(nodes)}
    assert set(by_id) == store_nodes(store)
    assert by_id[DEAL][":LABEL"] == "Investment;Event"
    assert by_id[DEAL]["amount:double"] == "14000000000"
    assert by_id[YANN]["altLabels:string[]"] == "LeCun"
    facts = {(r[":START_ID"], r["property"], r[":END_ID"]) for r in rows(edges)}
    assert facts == store_edges(store)
    assert {r[":TYPE"] for r in rows(edges)} >= {"REPORTS_TO", "SUB_ORGANIZATION_OF", "INVESTOR"}


def test_csv_for_gephi(store):
    tables = csv_tables(read_graph(store))
    nodes, edges = rows(tables["gephi-nodes.csv"]), rows(tables["gephi-edges.csv"])
    assert list(nodes[0])[:3] == ["Id", "Label", "type"]
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Kind", "Label"]
    assert {r["Id"] for r in nodes} == store_nodes(store)
    assert {(r["Source"], r["Kind"], r["Target"]) for r in edges} == store_edges(store)
    directions = {r["Kind"]: r["Type"] for r in edges}
    assert directions["partnerOf"] == "Undirected"  # owl:SymmetricProperty
    assert directions["reportsTo"] == "Directed"


def test_export_one_article(store):
    graph = nx.read_graphml(io.BytesIO(export_graph(store, "graphml",
                                                    graph="openai-microsoft.en")))
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 3


def test_write_files(store, tmp_path: Path):
    assert export_graph(store, "graphml", tmp_path / "g.graphml") is None
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 12
    assert export_graph(store, "csv", tmp_path / "neo4j") is None
    assert sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == sorted(CSV_FILES)


@pytest.mark.parametrize(("out", "message"), [
    (None, "give a folder with -o DIR"),
    (Path("/no/such/folder/out"), "folder /no/such/folder does not exist"),
])
def test_csv_errors(store, out, message: str):
    with pytest.raises(KgError, match=message):
        export_graph(store, "csv", out)


def test_csv_into_a_file_is_refused(store, tmp_path: Path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(KgError, match="is a file"):
        export_graph(store, "csv", tmp_path / "taken")


@pytest.mark.parametrize(("fmt", "out", "expected"), [
    ("graphml", None, "graphml"), ("GraphML", None, "graphml"), ("csv", Path("dir"), "csv"),
    (None, Path("g.graphml"), "graphml"), ("turtle", Path("g.graphml"), None),
    (None, Path("g.ttl"), None), (None, None, None),
])
def test_graph_format(fmt, out, expected):
    assert graph_format(fmt, out) == expected


@pytest.mark.parametrize(("prop", "kind"), [
    ("reportsTo", "REPORTS_TO"), ("subOrganizationOf", "SUB_ORGANIZATION_OF"),
    ("investor", "INVESTOR"), ("leftOrganization", "LEFT_ORGANIZATION")])
def test_relationship_type(prop: str, kind: str):
    assert relationship_type(prop) == kind
