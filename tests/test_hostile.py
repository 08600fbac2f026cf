"""Hostile and broken input: one line on stderr, exit status 1, no traceback, store unchanged.

Also covered elsewhere: an unknown canned query, a query file that does not exist and a
malformed query (test_cli.test_errors_are_one_line); a file for a store, a folder of other
files (test_store); reading empty, binary and non-UTF-8 files (test_articles).
"""

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import META_TEXT, build_fixture_store, make_meta_article
from pyoxigraph import Store
from typer.testing import CliRunner

from kg.articles import DEFAULT_MAX_BYTES, read_article
from kg.cli import app
from kg.errors import KgError
from kg.html_text import html_to_text, looks_like_html

runner = CliRunner()
SLOW_QUERY = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
              "?m ?n2 ?o }")


def kg(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def assert_fails(result, message: str) -> None:
    """Exit status 1 and exactly one line on stderr, `kg: error: …`, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("kg: error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output


def snapshot(path: Path) -> set | None:
    """Every quad of the store in `path` (None if there is no store)."""
    if not (path / "CURRENT").is_file():
        return None
    store = Store.read_only(str(path))
    quads = set(store)
    del store
    gc.collect()
    return quads


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed store holding the ontology and both fixture articles, built once."""
    return build_fixture_store(tmp_path_factory.mktemp("built") / "store")


@pytest.fixture
def store_dir(built_store: Path, tmp_path: Path) -> Path:
    """A copy of the built store for one test (faster than building it again)."""
    return Path(shutil.copytree(built_store, tmp_path / "store"))


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The extractor sees each article's text (recorded) and reads it as the meta article."""
    seen: list[str] = []

    def extract_article(text: str, article_id: str, **options) -> object:
        seen.append(text)
        article = make_meta_article()
        article.id = article_id
        return article

    monkeypatch.setattr("kg.extract.extract_article", extract_article)
    return seen


# ---------------------------------------------------------------------------------------------
# Articles: what kg build and kg extract refuse, before anything is written

LIMIT = f"larger than {DEFAULT_MAX_BYTES:,} bytes"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"\n \t\n", "is empty"),
    ("binary.txt", bytes(range(256)) * 4, "not a text file (it contains NUL bytes)"),
    ("latin1.txt", "Café de la Paix\n".encode("latin-1"), "not valid UTF-8 text"),
    ("cp1252.txt", "“Meta” hires\n".encode("cp1252"),
     "not valid UTF-8 text (bad byte at offset 0)"),
    ("huge.txt", b"word " * (DEFAULT_MAX_BYTES // 5 + 1), LIMIT),
    ("tags-only.html", b"<html><head><script>x()</script></head><body> </body></html>",
     "HTML page with no text"),
])
def test_build_refuses_a_bad_article_and_writes_nothing(store_dir: Path, tmp_path: Path,
                                                        texts, name, data, message):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(META_TEXT, encoding="utf-8")  # sorts before or after
    (folder / name).write_bytes(data)
    before = snapshot(store_dir)
    assert_fails(kg("build", folder, folder / name, "--store", store_dir), message)
    assert snapshot(store_dir) == before
    assert texts == []  # nothing was even extracted


def test_build_bad_article_creates_no_store(tmp_path: Path, texts):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_fails(kg("build", tmp_path / "empty.txt", "--store", tmp_path / "s"), "is empty")
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.mkdir(), "no articles (.txt or .md files) in folder"),
    (lambda p: None, "no such file or folder"),
])
def test_build_no_articles(store_dir: Path, tmp_path: Path, make, message):
    make(tmp_path / "news")
    before = snapshot(store_dir)
    assert_fails(kg("build", tmp_path / "news", "--store", store_dir), message)
    assert snapshot(store_dir) == before


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "a.txt"
    path.write_text("Title\n" + "x" * 994, encoding="utf-8")  # 1,000 bytes
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "999")
    with pytest.raises(KgError, match=r"larger than 999 bytes, .*KG_MAX_ARTICLE_BYTES"):
        read_article(path)
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "1_000")
    assert read_article(path)[1] == "Title"
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "lots")
    with pytest.raises(KgError, match="KG_MAX_ARTICLE_BYTES must be a whole number"):
        read_article(path)


def test_endless_file_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "4096")
    assert_fails(kg("extract", "/dev/zero"), "/dev/zero is larger than 4,096 bytes")


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Meta hires the founder of Scale AI</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Meta hires the founder of Scale AI</h1>
<p>Yann LeCun, the Chief AI Scientist at Meta,
   now reports to Alexandr&nbsp;Wang.</p>
<p>Meta paid $14 billion for a 49% stake in Scale&nbsp;AI &amp; more.<br>Wang, 29, founded it.</p>
<!-- a comment --></article></body></html>
"""
PAGE_TEXT = ("Meta hires the founder of Scale AI\n\nHome\n\nMeta hires the founder of Scale AI\n\n"
             "Yann LeCun, the Chief AI Scientist at Meta, now reports to Alexandr Wang.\n\n"
             "Meta paid $14 billion for a 49% stake in Scale AI & more.\n\n"
             "Wang, 29, founded it.\n")


def test_html_page_is_read_as_its_text(tmp_path: Path, texts):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert read_article(path) == ("page", "Meta hires the founder of Scale AI", PAGE_TEXT)
    result = kg("build", path, "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert texts == [PAGE_TEXT]


@pytest.mark.parametrize(("text", "name", "html"), [
    ("<!doctype html><p>x</p>", "a.txt", True),
    ("  <!-- saved -->\n<HTML><body>x</body></HTML>", "a.txt", True),
    ("<p>Meta hires.</p>\n<p>Wang leads.</p>", "a.md", True),
    ("plain text", "page.html", True),
    ("Meta <b>hires</b> Wang", "a.txt", False),  # text that happens to hold a tag
    ("a < b and c > d", "a.txt", False),
    ("# Title\n\n<div>x</div>", "a.md", False),
])
def test_looks_like_html(text: str, name: str, html: bool):
    assert looks_like_html(text, name) is html


def test_html_to_text_survives_broken_markup():
    assert html_to_text("<p>a <b>b</p> c</i></div><script>d") == "a b\n\nc\n"
    assert html_to_text("<<<>>>&&;</>") == "<<<>>>&&;\n"


# ---------------------------------------------------------------------------------------------
# Queries: what kg query refuses, and what it never lets through

@pytest.mark.parametrize("update", [
    "DROP ALL",
    "CLEAR DEFAULT",
    "INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }",
    "DELETE WHERE { ?s ?p ?o }",
    "# a comment\nPREFIX ex: <http://example.org/>\nDELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
])
def test_query_refuses_updates(store_dir: Path, update: str):
    before = snapshot(store_dir)
    result = kg("query", "-e", update, "--store", store_dir)
    assert_fails(result, "kg query is read-only" if "SELECT" not in update
                 else "invalid SPARQL query")
    assert snapshot(store_dir) == before


def test_malformed_query_says_where(store_dir: Path):
    result = kg("query", "-e", "SELECT ?x\nWHERE { ?x nkg:leads }", "--store", store_dir)
    assert_fails(result, "invalid SPARQL query: error at 2:")


INJECTIONS = ['"} ; DROP ALL ; {"', '") } UNION { ?e ?p ?o } #', "Yann LeCun\" || true || \"",
              "a > b", "line one\nline two", "'; DROP ALL; '", "\\\" }", "{ ?x ?y ?z }",
              "<http://example.org/x>", "Meta\n} ; CLEAR ALL ; {", "null\x00byte"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_param_is_always_a_literal(store_dir: Path, value: str):
    before = snapshot(store_dir)
    result = kg("query", "reports-to", "--param", f"person={value}", "--format", "csv",
                "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"employee,manager\r\n"  # no one is called that
    assert snapshot(store_dir) == before


def test_param_that_looks_like_an_iri_but_is_not(store_dir: Path):
    assert_fails(kg("query", "reports-to", "--param", "person=<} ; DROP ALL ; {>",
                    "--store", store_dir), "not a valid IRI")


def test_param_and_query_must_be_unicode(store_dir: Path):
    bad = b"Caf\xe9".decode("utf-8", "surrogateescape")  # what a shell hands over
    assert_fails(kg("query", "people", "--param", f"organization={bad}", "--store", store_dir),
                 "--param organization is not valid UTF-8 text (an invalid byte at character 3)")
    assert_fails(kg("query", "-e", f"ASK {{ ?s ?p '{bad}' }}", "--store", store_dir),
                 "the -e query is not valid UTF-8 text")


def test_query_timeout_stops_a_long_query(store_dir: Path):
    before = snapshot(store_dir)
    result = kg("query", "-e", SLOW_QUERY, "--timeout", "0.5", "--store", store_dir)
    assert_fails(result, "the query ran longer than 0.5 s and was stopped (raise --timeout")
    assert snapshot(store_dir) == before


def test_query_timeout_gives_the_same_answer(store_dir: Path):
    plain = kg("query", "reports-to", "--param", "person=lecun", "--store", store_dir)
    limited = kg("query", "reports-to", "--param", "person=lecun", "--timeout", "60",
                 "--store", store_dir)
    assert limited.exit_code == 0
    assert limited.stdout == plain.stdout == ("employee   | manager\n"
                                              "-----------+--------------\n"
                                              "Yann LeCun | Alexandr Wang\n"
                                              "(1 row)\n")


@pytest.mark.parametrize(("args", "message"), [
    (["-e", "SELECT ?x WHERE {"], "invalid SPARQL query: error at 1:18"),
    (["nope"], "no canned query 'nope'"),
    (["-e", "DROP ALL"], "kg query is read-only"),
    (["reports-to", "--param", "who=x"], "has no parameter 'who'"),
])
def test_query_timeout_reports_errors_as_usual(store_dir: Path, args: list[str], message: str):
    assert_fails(kg("query", *args, "--timeout", "60", "--store", store_dir), message)


def test_query_timeout_must_be_positive(store_dir: Path):
    assert_fails(kg("query", "stats", "--timeout", "0", "--store", store_dir),
                 "--timeout must be a number of seconds above 0, not 0")


# ---------------------------------------------------------------------------------------------
# The store: in use, not a store

def test_store_in_use_by_another_kg(store_dir: Path, corpus: Path, texts):
    before = snapshot(store_dir)
    hold = ("import sys; from kg.store import open_store; "
            "s = open_store(sys.argv[1]); print('open', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(store_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n"
        result = kg("build", corpus, "--store", store_dir)
        assert_fails(result, f"the store {store_dir} is in use by another kg process")
        # Readers do not need the lock: queries and validation still work.
        queried = kg("query", "stats", "--store", store_dir)
        assert queried.exit_code == 0, queried.output
        assert kg("validate", "--store", store_dir).exit_code == 0
    finally:
        holder.communicate("")
    assert snapshot(store_dir) == before
    assert texts == []


def test_not_a_store(tmp_path: Path, corpus: Path, texts):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    assert_fails(kg("build", corpus, "--store", folder), "is a folder of other files")
    assert_fails(kg("query", "stats", "--store", folder), "no store at")
    assert_fails(kg("validate", "--store", folder), "no store at")
    assert os.listdir(folder) == ["cat.jpg"]


def test_broken_store(tmp_path: Path, corpus: Path, texts):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "CURRENT").write_text("MANIFEST-000099\n", encoding="utf-8")
    assert_fails(kg("build", corpus, "--store", folder), f"cannot open the store {folder}")


# ---------------------------------------------------------------------------------------------
# Exports to where nothing can be written

@pytest.mark.parametrize(("out", "message"), [
    ("/dev/full", "cannot write /dev/full: No space left on device"),
    ("{tmp}", "cannot write {tmp}: Is a directory"),
    ("{tmp}/missing/graph.ttl", "folder {tmp}/missing does not exist"),
])
@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_to_an_unwritable_path(store_dir: Path, tmp_path: Path, out: str, message: str,
                                      fmt: str):
    before = snapshot(store_dir)
    out, message = out.format(tmp=tmp_path), message.format(tmp=tmp_path)
    assert_fails(kg("export", "-f", fmt, "-o", out, "--store", store_dir), message)
    assert snapshot(store_dir) == before
