"""The `kg` command: each command's output, and one-line errors with a non-zero exit."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from kg.export import FORMATS
from tests.cli_helpers import assert_fails, kg


def test_build(corpus: Path, tmp_path: Path, fake_extractor):
    result = kg("build", corpus, store=tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"built 2 articles into {tmp_path / 's'}: 13 entities, 1 event, 23 facts\n"
        "the store holds 2 articles: 11 entities, 1 event, 22 facts\n")
    again = kg("build", corpus / "meta-scale.en.txt", store=tmp_path / "s")
    assert again.stdout.endswith("the store holds 2 articles: 11 entities, 1 event, 22 facts\n")


def test_build_uses_kg_store_env(corpus: Path, tmp_path: Path, fake_extractor, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert kg("build", corpus).exit_code == 0
    assert (tmp_path / "env-store" / "CURRENT").is_file()
    assert "Yann LeCun | Alexandr Wang" in kg("query", "reports-to").stdout


def test_build_missing_path(tmp_path: Path):
    assert_fails(kg("build", tmp_path / "nope", store=tmp_path / "s"), "no such file or folder")


def test_query_table(store_dir: Path):
    result = kg("query", "reports-to", store=store_dir)
    assert result.exit_code == 0
    assert result.stdout == ("employee   | manager\n"
                             "-----------+--------------\n"
                             "Yann LeCun | Alexandr Wang\n"
                             "(1 row)\n")


def test_query_param_csv(store_dir: Path):
    result = kg("query", "investments", "--param", "organization=scale ai", "-f", "csv",
                store=store_dir)
    assert result.stdout_bytes == (b"investor,investee,amount,currency,stake\r\n"
                                   b"Meta,Scale AI,14000000000,USD,49\r\n")


def test_query_json(store_dir: Path):
    result = kg("query", "founders", "--format", "json", store=store_dir)
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["founder", "founded"]
    assert [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]] == [
        {"founder": "Alexandr Wang", "founded": "Scale AI"}]


def test_query_expression_and_file(store_dir: Path, tmp_path: Path):
    sparql = "SELECT ?name WHERE { ?p a nkg:Product ; rdfs:label ?name }"
    assert kg("query", "-e", sparql, "-f", "tsv", store=store_dir).stdout == '?name\n"Llama"\n'
    path = tmp_path / "products.rq"
    path.write_text(sparql, encoding="utf-8")
    assert kg("query", path, "-f", "tsv", store=store_dir).stdout == '?name\n"Llama"\n'


def test_queries_lists_every_canned_query():
    result = kg("queries")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if not line[0].isspace()]
    assert names == ["acquisitions", "article-stats", "articles", "departures", "evidence",
                     "founders", "investments", "organizations", "people", "products",
                     "reports-to", "stats"]
    assert "--param person=...  optional; a person's name" in result.stdout


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_each_format(store_dir: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"graph.{fmt}"
    result = kg("export", "-f", fmt, "-o", out, store=store_dir)
    assert result.exit_code == 0, result.output
    assert len(Store.read_only(str(store_dir))) > 0
    fresh = Store()
    fresh.load(path=str(out), format=FORMATS[fmt])
    assert len(fresh) > 600


def test_export_stdout_graph(store_dir: Path):
    result = kg("export", "--graph", "openai-microsoft.en", store=store_dir)
    assert result.exit_code == 0
    fresh = Store()
    fresh.load(result.stdout_bytes, RdfFormat.TURTLE)
    assert len(fresh) == 62


def test_export_format_from_file_ending(store_dir: Path, tmp_path: Path):
    assert kg("export", "-o", tmp_path / "g.nq", store=store_dir).exit_code == 0
    assert (tmp_path / "g.nq").read_text(encoding="utf-8").split("\n")[0].endswith("> .")


def test_export_graphml(store_dir: Path, tmp_path: Path):
    import networkx as nx

    assert kg("export", "-o", tmp_path / "g.graphml", store=store_dir).exit_code == 0
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (12, 14)
    stdout = kg("export", "-f", "graphml", "--graph", "openai-microsoft.en", store=store_dir)
    assert stdout.stdout.startswith("<?xml")


def test_export_csv(store_dir: Path, tmp_path: Path):
    result = kg("export", "-f", "csv", "-o", tmp_path / "neo4j", store=store_dir)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == [
        "edges.csv", "gephi-edges.csv", "gephi-nodes.csv", "nodes.csv"]
    header = (tmp_path / "neo4j" / "edges.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ":START_ID,:END_ID,:TYPE,label,property"
    assert_fails(kg("export", "-f", "csv", store=store_dir), "give a folder with -o DIR")


def test_extract(corpus: Path, tmp_path: Path, fake_extractor):
    result = kg("extract", corpus / "meta-scale.en.txt")
    assert result.exit_code == 0
    assert "person:yann-lecun" in result.stdout
    out = tmp_path / "facts.jsonld"
    assert kg("extract", corpus / "meta-scale.en.txt", "-o", out, "--lang", "en").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"][0]["@id"] == \
        "article:meta-scale-en"
    assert fake_extractor[-1] == ("meta-scale.en", "en")
    assert not (tmp_path / "kg-store").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["query", "nope"], "no canned query 'nope'; available: acquisitions"),
    (["query", "-e", "DELETE WHERE { ?s ?p ?o }"], "kg query is read-only"),
    (["query", "-e", "SELECT ?x WHERE { ?x }"], "invalid SPARQL query: error at 1:"),
    (["query", "reports-to", "--param", "who=x"], "has no parameter 'who'; it takes: person"),
    (["query", "reports-to", "--param", "person"], "--param takes name=value"),
    (["query", "missing.rq"], "no such query file"),
    (["export", "--graph", "nope"], "no graph https://w3id.org/newskg/article/nope"),
    (["extract", "missing.txt"], "no such file"),
    (["extract", "x.txt", "--lang", "fr"], "--lang must be id or en"),
])
def test_errors_are_one_line(store_dir: Path, args: list[str], message: str):
    store = store_dir if args[0] != "extract" else None
    assert_fails(kg(*args, store=store), message)
    assert len(Store.read_only(str(store_dir))) > 600  # untouched


def test_query_without_store(tmp_path: Path):
    assert_fails(kg("query", "reports-to", store=tmp_path / "none"), "no store at")


def test_unexpected_errors_are_one_line(store_dir: Path, monkeypatch: pytest.MonkeyPatch):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("kg.cli.render", boom)
    assert_fails(kg("query", "stats", store=store_dir), "unexpected ZeroDivisionError: bug")


@pytest.mark.parametrize("command", [[], ["extract"], ["build"], ["query"], ["queries"],
                                     ["export"]])
def test_help_has_examples(command: list[str]):
    result = kg(*command, "--help")
    assert result.exit_code == 0
    assert "Example:\n    kg " in result.stdout or "Example:\n  kg " in result.stdout


@pytest.mark.parametrize("command", [None, ["--help"], ["queries"], ["query", "stats"]])
def test_start_up_does_not_load_the_extractor(command: list[str] | None, store_dir: Path):
    loaded = "sorted(m for m in sys.modules if m.startswith(('spacy', 'kg.extract', 'kg.rdf')))"
    argv = command and [*command, *(["--store", str(store_dir)] if "query" in command else [])]
    code = ("import sys, kg.cli\n"
            + (f"try:\n    kg.cli.app({argv!r})\nexcept SystemExit as e:\n    assert not e.code\n"
               if argv else "")
            + f"print({loaded}, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stderr == "[]\n"
