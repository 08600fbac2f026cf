"""Printing results: the table for people, W3C CSV/TSV/JSON for programs."""

import json

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from kg.errors import KgError
from kg.queries import get_query, run
from kg.results import cell, render
from kg.store import query

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_table(store):
    assert render(run(store, get_query("investments"))) == (
        "investor | investee | amount      | currency | stake\n"
        "---------+----------+-------------+----------+------\n"
        "Meta     | Scale AI | 14000000000 | USD      | 49\n"
        "(1 row)\n")


def test_table_without_rows(store):
    assert render(run(store, get_query("acquisitions"))) == (
        "acquirer | acquired | amount | currency\n"
        "---------+----------+--------+---------\n"
        "(0 rows)\n")


def test_csv_is_w3c(store):
    assert render(run(store, get_query("investments")), "csv") == (
        "investor,investee,amount,currency,stake\r\nMeta,Scale AI,14000000000,USD,49\r\n")


def test_tsv_is_w3c(store):
    assert render(run(store, get_query("reports-to")), "tsv") == (
        '?employee\t?manager\n"Yann LeCun"\t"Alexandr Wang"\n')


def test_json_is_w3c(store):
    data = json.loads(render(run(store, get_query("investments")), "json"))
    assert data["head"]["vars"] == ["investor", "investee", "amount", "currency", "stake"]
    assert data["results"]["bindings"] == [{
        "investor": {"type": "literal", "value": "Meta"},
        "investee": {"type": "literal", "value": "Scale AI"},
        "amount": {"type": "literal", "value": "14000000000", "datatype": XSD + "integer"},
        "currency": {"type": "literal", "value": "USD"},
        "stake": {"type": "literal", "value": "49", "datatype": XSD + "integer"},
    }]


@pytest.mark.parametrize(("fmt", "text"), [
    ("table", "true\n"), ("json", '{"head":{},"boolean":true}'), ("csv", "true")])
def test_ask(store, fmt: str, text: str):
    assert render(query(store, "ASK { ?p nkg:reportsTo ?m }"), fmt) == text


def test_construct_prints_turtle(store):
    sparql = "CONSTRUCT { ?p nkg:reportsTo ?m } WHERE { ?p nkg:reportsTo ?m }"
    text = render(query(store, sparql))
    assert "person:yann-lecun nkg:reportsTo person:alexandr-wang ." in text


def test_unknown_format(store):
    with pytest.raises(KgError, match="unknown format 'xml'"):
        render(query(store, "ASK {}"), "xml")


@pytest.mark.parametrize(("term", "text"), [
    (None, ""),
    (Literal("Yann LeCun"), "Yann LeCun"),
    (Literal("two\nlines  here"), "two lines here"),
    (Literal("14000000000.0", datatype=NamedNode(XSD + "decimal")), "14000000000"),
    (Literal("1.4E10", datatype=NamedNode(XSD + "double")), "14000000000"),
    (Literal("49.50", datatype=NamedNode(XSD + "decimal")), "49.5"),
    (Literal("0.9", datatype=NamedNode(XSD + "decimal")), "0.9"),
    (Literal("NaN", datatype=NamedNode(XSD + "double")), "NaN"),
    (Literal("29", datatype=NamedNode(XSD + "integer")), "29"),
    (NamedNode("https://w3id.org/newskg/id/person/yann-lecun"), "person:yann-lecun"),
    (NamedNode("https://w3id.org/newskg/ontology#reportsTo"), "nkg:reportsTo"),
    (NamedNode("http://example.com/x"), "<http://example.com/x>"),
    (NamedNode("https://w3id.org/newskg/id/person/a%20b"), "<https://w3id.org/newskg/id/person/a%20b>"),
    (BlankNode("b1"), "_:b1"),
])
def test_cell(term, text: str):
    assert cell(term) == text
