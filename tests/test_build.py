"""Building: every article file read, extracted and put in its own graph, once."""

from pathlib import Path

import pytest
from conftest import make_meta_article
from pyoxigraph import NamedNode

import kg.extract
from kg.build import build, count_statements
from kg.errors import KgError
from kg.store import Counts, stats
from kg.vocab import ONTOLOGY


def article_quads(store) -> set:
    """The quads outside the ontology graph (whose blank nodes are new at each load)."""
    return {q for q in store if q.graph_name != NamedNode(ONTOLOGY)}


def test_build_reports_counts(empty_store, corpus: Path, fake_extractor):
    report = build([corpus], empty_store, lang="en")
    assert report.counts() == Counts(articles=2, entities=13, events=1, facts=23)
    assert report.files == sorted(corpus.iterdir())
    assert fake_extractor == [("meta-scale.en", "en"), ("openai-microsoft.en", "en")]
    assert stats(empty_store) == Counts(articles=2, entities=11, events=1, facts=22)


def test_build_loads_the_ontology(empty_store, corpus: Path, fake_extractor):
    build([corpus], empty_store)
    assert empty_store.contains_named_graph(NamedNode(ONTOLOGY))


def test_rebuild_changes_nothing(empty_store, corpus: Path, fake_extractor):
    first = build([corpus], empty_store)
    size, articles = len(empty_store), article_quads(empty_store)
    assert build([corpus], empty_store) == first
    assert (len(empty_store), article_quads(empty_store)) == (size, articles)


def test_build_progress(empty_store, corpus: Path, fake_extractor):
    seen = []
    build([corpus], empty_store, progress=lambda done, total, path: seen.append(
        (done, total, path.name)))
    assert seen == [(1, 2, "meta-scale.en.txt"), (2, 2, "openai-microsoft.en.txt")]


def test_build_names_the_file_the_extractor_failed_on(empty_store, corpus: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    def broken(text, article_id, *, lang=None, source="", min_confidence=0.0):
        raise ValueError("no model")

    monkeypatch.setattr(kg.extract, "extract_article", broken)
    with pytest.raises(KgError, match=r"meta-scale\.en\.txt: extraction failed: "
                                      r"ValueError: no model"):
        build([corpus], empty_store)


def test_build_titles_an_untitled_article(empty_store, corpus: Path,
                                          monkeypatch: pytest.MonkeyPatch):
    def untitled(text, article_id, *, lang=None, source="", min_confidence=0.0):
        article = make_meta_article()
        article.title = ""
        return article

    monkeypatch.setattr(kg.extract, "extract_article", untitled)
    build([corpus / "meta-scale.en.txt"], empty_store)
    headline = NamedNode("https://schema.org/headline")
    titles = [q.object.value for q in empty_store.quads_for_pattern(None, headline, None)]
    assert titles == ["Meta hires the founder of Scale AI"]


def test_count_statements(meta_article, openai_article):
    from kg.rdf import article_triples

    counts = [count_statements(list(article_triples(a))) for a in (meta_article, openai_article)]
    assert counts == [19, 4]
