"""`kg push`: the store's graphs sent to a Graph Store Protocol endpoint, one PUT per graph."""

import base64
from pathlib import Path

import pytest
from http_helpers import local_rows, rows, sparql, stub_endpoint
from pyoxigraph import NamedNode
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.push import Endpoint, push
from kg.queries import canned_queries
from kg.serve import Server, free_port
from kg.store import open_store
from kg.vocab import ARTICLE, INDEX, ONTOLOGY

GRAPHS = [ARTICLE + "meta-scale-en", ARTICLE + "openai-microsoft-en", INDEX, ONTOLOGY]
COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def no_wait(seconds: float) -> None:
    pass


@pytest.fixture
def remote():
    """An empty, writable Oxigraph server (in memory) on a free loopback port."""
    with Server(None, port=free_port(), writable=True) as running:
        yield running


@pytest.fixture
def local(store_dir: Path):
    return open_store(store_dir, read_only=True)


def graph_sizes(url: str) -> dict[str, int]:
    return {b["g"]["value"]: int(b["n"]["value"]) for b in rows(sparql(url + "query", COUNT))}


def test_push_then_the_remote_store_answers_like_the_local_one(remote: Server, local):
    report = push(local, Endpoint(remote.url + "store"))
    assert report.ok
    assert [iri for iri, _ in report.pushed] == sorted(GRAPHS)
    assert report.triples == len(local)
    for name, canned in canned_queries().items():
        params = tuple(p.name for p in canned.params)
        answer = rows(sparql(remote.url + "query", canned.text), drop=params)
        assert answer == local_rows(local, canned), name


def test_push_replaces_the_remote_graphs(remote: Server, local):
    endpoint = Endpoint(remote.url + "store")
    push(local, endpoint)
    first = graph_sizes(remote.url)
    assert push(local, endpoint).ok
    assert graph_sizes(remote.url) == first
    assert sum(first.values()) == len(local)


def test_push_one_graph(remote: Server, local):
    report = push(local, Endpoint(remote.url + "store"), ["openai-microsoft.en.txt"])
    index_size = len(list(local.quads_for_pattern(None, None, None, NamedNode(INDEX))))
    # the entity index goes along: the remote's canned queries read the names from it
    assert report.pushed == [(ARTICLE + "openai-microsoft-en", 62), (INDEX, index_size)]
    assert graph_sizes(remote.url) == {ARTICLE + "openai-microsoft-en": 62, INDEX: index_size}


def test_push_unknown_graph(remote: Server, local):
    with pytest.raises(KgError, match=r"no graph .*/article/nope in the store"):
        push(local, Endpoint(remote.url + "store"), ["nope"])


def test_push_sends_turtle_to_each_graph_url(local):
    with stub_endpoint([]) as (url, stub):
        push(local, Endpoint(url + "?x=1", user="ann", password="pw"), ["meta-scale.en"])
    (method, path, headers, body), index = stub.requests
    assert index[1] == "/store?x=1&graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Findex"
    assert method == "PUT"
    assert path == "/store?x=1&graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Farticle%2Fmeta-scale-en"
    assert headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"ann:pw").decode()
    assert b"person:yann-lecun" in body


def test_push_retries_transient_errors(local):
    waits: list[float] = []
    with stub_endpoint([503, 502, 429]) as (url, stub):
        report = push(local, Endpoint(url, sleep=waits.append), [GRAPHS[0]])
    assert report.ok and len(stub.requests) == 5  # 4 for the graph, 1 for the index
    assert waits == [0.5, 1.0, 2.0]


def test_push_honours_retry_after(local):
    waits: list[float] = []
    with stub_endpoint([503], {"Retry-After": "7"}) as (url, _):
        assert push(local, Endpoint(url, sleep=waits.append), [GRAPHS[0]]).ok
    assert waits == [7.0]


def test_push_reports_a_graph_that_fails_and_goes_on(local):
    with stub_endpoint([400]) as (url, stub):
        report = push(local, Endpoint(url, sleep=no_wait))
    assert [iri for iri, _ in report.failed] == [GRAPHS[0]]
    assert report.failed[0][1] == "HTTP 400 Bad Request: scripted 400"
    assert [iri for iri, _ in report.pushed] == GRAPHS[1:]
    assert len(stub.requests) == 4


def test_push_gives_up_after_the_retries(local):
    with stub_endpoint([500] * 10) as (url, stub):
        report = push(local, Endpoint(url, retries=2, sleep=no_wait), [GRAPHS[0]])
    why = "HTTP 500 Internal Server Error: scripted 500 (tried 3 times)"
    assert report.failed[0] == (GRAPHS[0], why)
    assert len(stub.requests) == 6  # the index, pushed next, fails the same way


def test_push_stops_when_every_graph_would_fail(local):
    with stub_endpoint([401]) as (url, stub):
        report = push(local, Endpoint(url, sleep=no_wait))
    assert [iri for iri, _ in report.failed] == [GRAPHS[0]]
    assert report.skipped == GRAPHS[1:]
    assert len(stub.requests) == 1


def test_push_to_nobody(local):
    report = push(local, Endpoint(f"http://127.0.0.1:{free_port()}/store", sleep=no_wait))
    assert report.failed[0][1].startswith("cannot connect: ")
    assert report.failed[0][1].endswith("(tried 4 times)")
    assert report.skipped == GRAPHS[1:]


@pytest.mark.parametrize("url", ["localhost:7878/store", "ftp://host/store", "http:///store"])
def test_push_needs_an_http_url(url: str):
    with pytest.raises(KgError, match="--endpoint must be an http"):
        Endpoint(url)


def test_kg_push(remote: Server, store_dir: Path):
    result = CliRunner().invoke(app, ["push", "--endpoint", remote.url + "store",
                                      "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    triples = len(open_store(store_dir, read_only=True))
    assert result.stdout == f"pushed 4 graphs ({triples} triples) to {remote.url}store\n"
    assert set(graph_sizes(remote.url)) == set(GRAPHS)


def test_kg_push_failure_report(store_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_PUSH_PASSWORD", "secret")
    with stub_endpoint([403]) as (url, stub):
        result = CliRunner().invoke(app, ["push", "--endpoint", url, "--user", "ann",
                                          "--store", str(store_dir)])
    assert result.exit_code == 1
    assert result.stdout == (f"pushed 0 graphs (0 triples) to {url}\n"
                             f"failed: {GRAPHS[0]}: HTTP 403 Forbidden: scripted 403\n"
                             "not tried: 3 graphs\n")
    assert result.stderr == ("kg: error: 4 of 4 graphs were not pushed: HTTP 403 Forbidden: "
                             "scripted 403\n")
    assert stub.requests[0][2]["Authorization"] == "Basic " + base64.b64encode(
        b"ann:secret").decode()

