"""Canned queries: their headers, their exact answers on the fixture store, parameter binding."""

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, QuerySolutions

from kg.errors import KgError
from kg.queries import (
    CannedQuery,
    Param,
    canned_queries,
    get_query,
    parse_header,
    parse_params,
    resolve,
    run,
    to_term,
)
from kg.results import cell

CANNED = ["acquisitions", "article-stats", "articles", "departures", "evidence", "founders",
          "investments", "organizations", "people", "products", "reports-to", "stats"]
ROW_1 = "Yann LeCun, the Chief AI Scientist at Meta, now reports to Alexandr Wang."
ROW_4 = "Mark Zuckerberg, the CEO of Meta, renamed the company from Facebook."


def answer(store, name: str, **params: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """(columns, rows) of a canned query, each cell as the table prints it."""
    results = run(store, get_query(name), params)
    assert isinstance(results, QuerySolutions)
    columns = [v.value for v in results.variables]
    return columns, [tuple(cell(s[c]) for c in columns) for s in results]


EXPECTED = {
    ("reports-to", ()): (
        ["employee", "manager"], [("Yann LeCun", "Alexandr Wang")]),
    ("reports-to", (("person", "lecun"),)): (
        ["employee", "manager"], [("Yann LeCun", "Alexandr Wang")]),
    ("reports-to", (("person", "Alexandr Wang"),)): (["employee", "manager"], []),
    ("people", ()): (
        ["name", "age", "titles", "organizations"],
        [("Alexandr Wang", "29", "", "Meta"),
         ("Mark Zuckerberg", "", "CEO", "Meta"),
         ("Sam Altman", "", "CEO", "OpenAI"),
         ("Yann LeCun", "", "Chief AI Scientist", "Meta")]),
    ("people", (("organization", "openai"),)): (
        ["name", "age", "titles", "organizations"], [("Sam Altman", "", "CEO", "OpenAI")]),
    ("organizations", ()): (
        ["organization", "leaders", "former_names", "based_in", "part_of"],
        [("Meta", "Mark Zuckerberg", "Facebook", "Menlo Park", ""),
         ("Microsoft", "", "", "", ""),
         ("OpenAI", "Sam Altman", "", "", ""),
         ("Scale AI", "", "", "", ""),
         ("Superintelligence Labs", "", "", "", "Meta")]),
    ("investments", ()): (
        ["investor", "investee", "amount", "currency", "stake"],
        [("Meta", "Scale AI", "14000000000", "USD", "49")]),
    ("investments", (("organization", "Microsoft"),)): (
        ["investor", "investee", "amount", "currency", "stake"], []),
    ("acquisitions", ()): (["acquirer", "acquired", "amount", "currency"], []),
    ("founders", ()): (["founder", "founded"], [("Alexandr Wang", "Scale AI")]),
    ("departures", ()): (
        ["name", "left"], [("Yann LeCun", "Meta"), ("Alexandr Wang", "Scale AI")]),
    ("departures", (("organization", "scale ai"),)): (
        ["name", "left"], [("Alexandr Wang", "Scale AI")]),
    ("products", ()): (["product", "developer"], [("Llama", "Meta")]),
    ("evidence", (("subject", "Yann LeCun"), ("predicate", "reportsTo"))): (
        ["who", "relation", "what", "confidence", "rule", "sentence", "article"],
        [("Yann LeCun", "reportsTo", "Alexandr Wang", "0.9", "test", ROW_1, "meta-scale-en")]),
    ("evidence", (("entity", "Zuckerberg"),)): (
        ["who", "relation", "what", "confidence", "rule", "sentence", "article"],
        [("Mark Zuckerberg", "jobTitle", "CEO", "0.9", "test", ROW_4, "meta-scale-en"),
         ("Mark Zuckerberg", "leads", "Meta", "0.9", "test", ROW_4, "meta-scale-en"),
         ("Mark Zuckerberg", "leads", "Meta", "0.9", "test", "Mark Zuckerberg leads Meta.",
          "openai-microsoft-en")]),
    ("evidence", (("entity", "scale ai"), ("predicate", "INVESTEE"))): (
        ["who", "relation", "what", "confidence", "rule", "sentence", "article"],
        [("Meta → Scale AI", "investee", "Scale AI", "0.9", "test",
          "Meta paid $14 billion for a 49% stake in Scale AI.", "meta-scale-en")]),
    ("articles", ()): (
        ["article", "language", "headline", "facts"],
        [("meta-scale-en", "en", "Meta hires the founder of Scale AI", "19"),
         ("openai-microsoft-en", "en", "OpenAI and Microsoft deepen their alliance", "4")]),
}


@pytest.mark.parametrize(("name", "params"), list(EXPECTED))
def test_canned_query_answers(store, name: str, params: tuple[tuple[str, str], ...]):
    assert answer(store, name, **dict(params)) == EXPECTED[name, params]


def test_stats_query(store):
    columns, rows = answer(store, "stats")
    assert columns == ["kind", "name", "count"]
    assert ("class", "Person", "4") in rows
    assert ("class", "Organization", "5") in rows
    assert ("class", "Investment", "1") in rows
    assert ("property", "leads", "2") in rows  # Zuckerberg leads Meta: once, in two articles
    assert ("property", "reportsTo", "1") in rows
    assert all(kind in ("class", "property") for kind, _, _ in rows)


def test_every_canned_query_is_listed_and_documented():
    queries = canned_queries()
    assert list(queries) == CANNED
    for canned in queries.values():
        assert canned.summary.endswith("."), canned.name
        assert canned.examples and all(e.startswith(f"kg query {canned.name}")
                                       for e in canned.examples)


@pytest.mark.parametrize("name", CANNED)
def test_every_parameter_is_bound_and_filters(store, name: str):
    """A value that names nothing leaves no row (and proves the query selects the variable)."""
    canned = get_query(name)
    for param in canned.params:
        columns, rows = answer(store, name, **{param.name: "nobody at all"})
        assert rows == []
        assert param.name not in columns


@pytest.mark.parametrize("name", [n for n in CANNED if get_query(n).params])
def test_param_injection_stays_a_literal(store, name: str):
    size = len(store)
    canned = get_query(name)
    for param in canned.params:
        assert answer(store, name, **{param.name: '"} ; DROP ALL ; {"'})[1] == []
        assert answer(store, name, **{param.name: "x' || true || '"})[1] == []
    assert len(store) == size


def test_parse_header():
    text = """# summary: Who reports to whom.
# param: person — optional; a person's name (label); only their managers
# param: boss: required; the manager
#   a free comment line
# example: kg query reports-to --param person="Yann LeCun"
PREFIX nkg: <https://w3id.org/newskg/ontology#>
# param: ignored — after the query started
SELECT ?x WHERE { ?x ?y ?z }
"""
    assert parse_header(text) == (
        "Who reports to whom.",
        (Param("person", "optional; a person's name (label); only their managers"),
         Param("boss", "required; the manager", required=True)),
        ('kg query reports-to --param person="Yann LeCun"',),
    )


def test_parse_header_without_header():
    assert parse_header("SELECT * WHERE { ?s ?p ?o }") == ("", (), ())


def test_parse_params():
    assert parse_params(["person=Yann LeCun", "q=a=b", "empty="]) == {
        "person": "Yann LeCun", "q": "a=b", "empty": ""}
    with pytest.raises(KgError, match="name=value"):
        parse_params(["person"])
    with pytest.raises(KgError, match="person is given twice"):
        parse_params(["person=a", "person=b"])


def test_to_term():
    assert to_term("Meta") == Literal("Meta")
    assert to_term("<https://w3id.org/newskg/id/organization/meta>") == NamedNode(
        "https://w3id.org/newskg/id/organization/meta")
    assert to_term("<>") == Literal("<>")
    with pytest.raises(KgError, match="not a valid IRI"):
        to_term("<not an iri>")


def test_unknown_parameter(store):
    with pytest.raises(KgError, match="has no parameter 'who'; it takes: person"):
        run(store, get_query("reports-to"), {"who": "x"})


def test_required_parameter(store):
    canned = CannedQuery("q", "SELECT ?x WHERE { BIND(1 AS ?y) }", params=(
        Param("x", "required; anything", required=True),))
    with pytest.raises(KgError, match="needs --param x="):
        run(store, canned, {})


def test_iri_parameter(store):
    sparql = "SELECT ?name ?p WHERE { ?p rdfs:label ?name }"
    place = "<https://w3id.org/newskg/id/place/menlo-park>"
    rows = run(store, CannedQuery("-e", sparql), {"p": place})
    assert [r["name"].value for r in rows] == ["Menlo Park"]


def test_get_query_unknown_lists_names():
    with pytest.raises(KgError, match="no canned query 'nope'; available: acquisitions, "
                       "article-stats, articles"):
        get_query("nope")


def test_resolve(tmp_path: Path):
    assert resolve("reports-to") == get_query("reports-to")
    assert resolve(None, "ASK {}").text == "ASK {}"
    path = tmp_path / "mine.rq"
    path.write_text("# summary: mine\nASK {}", encoding="utf-8")
    assert resolve(str(path)).text == "# summary: mine\nASK {}"
    with pytest.raises(KgError, match="no such query file"):
        resolve(str(tmp_path / "missing.rq"))
    with pytest.raises(KgError, match="not both"):
        resolve("reports-to", "ASK {}")
    with pytest.raises(KgError, match="which query"):
        resolve(None)


def test_drop_columns_keeps_every_row_and_value_as_it_was():
    from pyoxigraph import Quad, Store

    from kg.queries import drop_columns

    store = Store()
    g, p = NamedNode("http://example.com/g"), NamedNode("http://example.com/p")
    a, b = NamedNode("http://example.com/a"), NamedNode("http://example.com/b")
    tricky = Literal("tab\there, line\nbreak, quote \" and \\ too", language="en")
    number = Literal("42", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    store.extend([Quad(a, p, tricky, g), Quad(b, p, number, g)])
    sparql = ("SELECT ?s ?o ?hidden ?unbound WHERE { GRAPH ?g { ?s ?p ?o } "
              "BIND(\"x\" AS ?hidden) } ORDER BY ?s")
    dropped = drop_columns(store.query(sparql), ["hidden"])
    assert [v.value for v in dropped.variables] == ["s", "o", "unbound"]
    assert [[s["s"], s["o"], s["unbound"]] for s in dropped] == [[a, tricky, None],
                                                                 [b, number, None]]
    # one column left, unbound in every row: each row is still there
    only = drop_columns(store.query(sparql), ["s", "o", "hidden"])
    assert [s["unbound"] for s in only] == [None, None]
    none = drop_columns(store.query(sparql.replace("?s ?p ?o", "?s ?p ?o FILTER(false)")),
                        ["hidden"])
    assert list(none) == []
