"""Property tests (hypothesis): arbitrary text never breaks the extractor or the shapes, and
arbitrary `--param` values never change what a query means.

Each test counts the cases it ran and records them (`record_property("hypothesis_cases")`);
conftest.py prints the counts at the end of the run. See README, "Fuzzing".
"""

import gc
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import META_TEXT, OPENAI_TEXT, make_meta_article, make_openai_article
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pyoxigraph import Store
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.extract import extract_article
from kg.html_text import html_to_text
from kg.queries import get_query, parse_params, run
from kg.store import load_ontology, open_store, replace_article
from kg.validate import validate_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "yann-lecun-leaves-meta.id.txt"
CORPUS = "\n".join([SEED.read_text(encoding="utf-8"), META_TEXT, OPENAI_TEXT])
SENTENCES = sorted({s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", CORPUS) if s.strip()})
WORDS = sorted(set(CORPUS.split()))


def _mutate(sentence: str, edits: list[tuple[int, str]]) -> str:
    words = sentence.split()
    for position, word in edits:
        if words:
            words[position % len(words)] = word
    return " ".join(words)


# News-like text: real sentences (Indonesian and English) with a few words replaced by other
# words or by arbitrary text, so that the extractor finds facts, some of them odd.
SENTENCE = st.builds(_mutate, st.sampled_from(SENTENCES),
                     st.lists(st.tuples(st.integers(0, 60),
                                        st.sampled_from(WORDS) | st.text(max_size=6)),
                              max_size=3))
NEWSY = st.builds(lambda parts, sep: sep.join(parts), st.lists(SENTENCE, min_size=1, max_size=8),
                  st.sampled_from(["\n", " ", "\n\n"]))


# Found by this test: "²" passes str.isdigit() but not int() (kg/extract/encode.py).
SUPERSCRIPT = ("² Zuckerberg justru meluncurkan Superintelligence Labs nan berfokus pada LLM "
               "tahun lalu, terpisah dari lab LeCun.")
# Found by this test: "Ø Meta" and "Meta" are two names, one IRI (the slug drops "Ø").
SAME_IRI = ("Alih-alih, Zuckerberg justru meluncurkan Superintelligence Labs nan berfokus pada "
            "LLM tahun lalu, terpisah dari lab LeCun.\nGesekan internal di tubuh raksasa "
            "teknologi Ø Meta bukanlah perihal baru.\nSuperintelligence Labs is a unit of Meta.")
# Found by this test: a list before "reports to" took in the organization of an aside.
LISTED_ORG = "Yann LeCun, the Chief AI Scientist at Meta, Advanced reports to Alexandr Wang."


def test_extractor_never_crashes_and_its_facts_validate(record_property):
    cases = Counter()

    @settings(max_examples=200, deadline=None)
    @given(text=st.text(max_size=400) | NEWSY, lang=st.sampled_from([None, "id", "en"]))
    @example(text=SUPERSCRIPT, lang=None)
    @example(text=SAME_IRI, lang=None)
    @example(text=LISTED_ORG, lang=None)
    def check(text: str, lang: str | None) -> None:
        article = extract_article(text, "fuzz", lang=lang)
        cases["cases"] += 1
        cases["with facts"] += bool(article.facts or article.events)
        assert validate_article(article) == []

    check()
    record_property("hypothesis_cases", dict(cases))
    print(f"extractor: {cases['cases']} cases, {cases['with facts']} with facts")
    assert cases["cases"] >= 200 and cases["with facts"] > 0


# ---------------------------------------------------------------------------------------------
# --param: whatever the value, it is one string literal (or IRI), never SPARQL

PEOPLE = {"yann lecun", "lecun"}  # the names of the one person who reports to someone
ROW = [("Yann LeCun", "Alexandr Wang")]
PIECES = ['"', "'", '"""', "}", "{", ";", ">", "<", "\n", "#", "\\", "DROP ALL", "} ; DROP ALL ; {",
          "?person", "FILTER(true)", " || true", "UNION", "\x00", "\u2028"]
INJECTED = st.builds(lambda *parts: "".join(parts), st.sampled_from(["", "LeCun", "yann LECUN"]),
                     st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
                     st.text(max_size=4))
VALUES = (st.text()
          | INJECTED
          | st.sampled_from(["LeCun", "YANN LECUN", "lecun", "", "<http://example.org/x>"])
          | st.text(alphabet=st.characters(categories=["Cs"]), min_size=1))  # surrogates


def expected(value: str) -> tuple[str, object]:
    """What `kg query reports-to --param person=VALUE` must answer: rows, or which error."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "error", "--param person is not valid UTF-8 text"
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return "iri", []  # an IRI is no one's name; or it is not a valid IRI
    # An empty value is as if the parameter were not given.
    return "rows", ROW if value.lower() in PEOPLE or value == "" else []


def check_answer(value: str, kind: str, answer: object) -> None:
    want, rows = expected(value)
    if want == "error":
        assert kind == "error" and rows in answer
    elif want == "iri":
        assert (kind, answer) == ("rows", []) or (kind == "error" and "not a valid IRI" in answer)
    else:
        assert (kind, answer) == ("rows", rows)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "store"
    store = open_store(path)
    load_ontology(store)
    replace_article(store, make_meta_article())
    replace_article(store, make_openai_article())
    del store
    gc.collect()
    return path


def test_param_never_changes_the_query(fuzz_store: Path, record_property):
    store = Store.read_only(str(fuzz_store))
    size, canned, cases = len(store), get_query("reports-to"), Counter()

    @settings(max_examples=300, deadline=None)
    @given(value=VALUES)
    def check(value: str) -> None:
        try:
            results = run(store, canned, parse_params([f"person={value}"]))
            kind, answer = "rows", [(r["employee"].value, r["manager"].value) for r in results]
            assert [v.value for v in results.variables] == ["employee", "manager"]
        except KgError as exc:
            kind, answer = "error", str(exc)
        cases["cases"] += 1
        cases[kind] += 1
        check_answer(value, kind, answer)

    check()
    assert len(store) == size
    record_property("hypothesis_cases", dict(cases))
    print(f"--param (library): {dict(cases)}")
    assert cases["cases"] >= 300


def test_param_never_changes_the_query_cli(fuzz_store: Path, record_property):
    runner, cases = CliRunner(), Counter()

    @settings(max_examples=100, deadline=None)
    @given(value=VALUES)
    def check(value: str) -> None:
        result = runner.invoke(app, ["query", "reports-to", "--param", f"person={value}",
                                     "--format", "json", "--store", str(fuzz_store)])
        if result.exit_code == 0:
            data = json.loads(result.stdout)
            assert data["head"]["vars"] == ["employee", "manager"]
            kind = "rows"
            answer = [(b["employee"]["value"], b["manager"]["value"])
                      for b in data["results"]["bindings"]]
        else:
            assert result.exit_code == 1 and result.stderr.count("\n") == 1
            kind, answer = "error", result.stderr
        cases["cases"] += 1
        cases[kind] += 1
        check_answer(value, kind, answer)

    check()
    record_property("hypothesis_cases", dict(cases))
    print(f"--param (kg query): {dict(cases)}")
    assert cases["cases"] >= 100


# ---------------------------------------------------------------------------------------------
# HTML: any text at all comes out as text

def test_html_to_text_takes_anything(record_property):
    cases = Counter()

    @settings(max_examples=300, deadline=None)
    @given(text=st.text() | st.lists(st.sampled_from(["<p>", "</p>", "<br/>", "<script>",
                                                      "</script>", "&amp;", "&#", "<!--", "x",
                                                      " ", "<", ">", "<title>"])).map("".join))
    def check(text: str) -> None:
        out = html_to_text(text)
        cases["cases"] += 1
        if "<" not in text and "&" not in text:  # no markup: the words, in one block
            assert out == (" ".join(text.split()) + "\n" if text.split() else "")

    check()
    record_property("hypothesis_cases", dict(cases))
    assert cases["cases"] >= 300
