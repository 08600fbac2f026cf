"""The store: one graph per article, replaced atomically; union queries; the ontology graph."""

import gc
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

import kg.rdf
from kg.errors import KgError
from kg.store import (
    Counts,
    GraphWriter,
    default_store_path,
    graph_name,
    is_update,
    load_ontology,
    ontology_file,
    open_store,
    query,
    read_store,
    replace_article,
    replace_graph,
    require_graph,
    stats,
)
from kg.vocab import INDEX, ONTOLOGY, article_iri, term

META_GRAPH = NamedNode(article_iri("meta-scale.en"))


def graph_size(store: Store, graph: NamedNode) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def test_default_store_path(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert default_store_path() == Path("kg-store")
    monkeypatch.setenv("KG_STORE", "/data/kg")
    assert default_store_path() == Path("/data/kg")


def test_replace_article_twice_same_triples(empty_store, meta_article):
    written = replace_article(empty_store, meta_article)
    first = set(empty_store)
    assert replace_article(empty_store, meta_article) == written
    assert set(empty_store) == first
    assert written == graph_size(empty_store, META_GRAPH)
    assert len(empty_store) == written + graph_size(empty_store, NamedNode(INDEX))


def test_replace_article_drops_old_facts(empty_store, meta_article):
    replace_article(empty_store, meta_article)
    meta_article.facts = [f for f in meta_article.facts if f.predicate != "reportsTo"]
    replace_article(empty_store, meta_article)
    assert not list(empty_store.quads_for_pattern(None, NamedNode(term("reportsTo")), None))


def test_replace_article_leaves_other_graphs(store, meta_article):
    before = {q for q in store if q.graph_name != META_GRAPH}
    replace_article(store, meta_article)
    assert {q for q in store if q.graph_name != META_GRAPH} == before


def test_replace_is_atomic_when_triples_fail(store, meta_article, monkeypatch):
    before = set(store)
    original = kg.rdf.article_quads

    def failing(article):
        yield from list(original(article))[:5]
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(kg.rdf, "article_quads", failing)
    meta_article.facts = []
    with pytest.raises(RuntimeError):
        replace_article(store, meta_article)
    assert set(store) == before


class FailingInsert:
    """A store whose updates break after the DROP: the write must not half-happen."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def contains_named_graph(self, graph: NamedNode) -> bool:
        return self.store.contains_named_graph(graph)

    def quads_for_pattern(self, *pattern: object) -> object:
        return self.store.quads_for_pattern(*pattern)

    def update(self, sparql: str) -> None:
        self.store.update(sparql + " INSERT DATA { broken")


class FailingExtend(FailingInsert):
    """A store whose transaction adding a new graph's quads fails (and so writes nothing)."""

    def extend(self, quads: list) -> None:
        raise OSError("disk full")


def test_replace_is_atomic_when_the_update_fails(store, meta_article):
    before = set(store)
    meta_article.facts = []
    with pytest.raises(KgError, match="could not write graph"):
        replace_article(FailingInsert(store), meta_article)
    assert set(store) == before


def test_a_new_graph_is_written_whole_or_not_at_all(empty_store, meta_article):
    with pytest.raises(KgError, match=r"could not write graph .*disk full"):
        replace_article(FailingExtend(empty_store), meta_article)
    assert len(empty_store) == 0
    replace_article(empty_store, meta_article)  # a new graph: its quads are added
    replace_article(empty_store, meta_article)  # it exists now: replaced, not added to
    fresh = Store()
    assert replace_article(fresh, meta_article) == graph_size(empty_store, META_GRAPH)
    assert set(empty_store) == set(fresh)


def test_union_query_sees_every_graph(store):
    rows = query(store, "SELECT DISTINCT ?name WHERE { ?p nkg:leads ?o ; rdfs:label ?name } "
                        "ORDER BY ?name")
    assert [r["name"].value for r in rows] == ["Mark Zuckerberg", "Sam Altman"]


def test_query_binds_params_as_terms(store):
    sparql = "SELECT ?p ?name WHERE { ?p rdfs:label ?name }"
    rows = list(query(store, sparql, {"name": Literal("Sam Altman")}))
    assert [r["p"].value for r in rows] == ["https://w3id.org/newskg/id/person/sam-altman"]
    assert not list(query(store, sparql, {"name": Literal('"} ; DROP ALL ; {"')}))


def test_query_refuses_updates(store):
    size = len(store)
    with pytest.raises(KgError, match="kg query is read-only"):
        query(store, "PREFIX ex: <http://ex/>\n# wipe\nDROP ALL")
    assert len(store) == size


@pytest.mark.parametrize(("sparql", "update"), [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", True),
    ("  delete where { ?s ?p ?o }", True),
    ("# comment\nPREFIX x: <http://x/#>\nBASE <http://b/>\nCLEAR ALL", True),
    ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
    ("LOAD <http://example.com/x.ttl>", True),
    ("SELECT * WHERE { ?s ?p ?o }", False),
    ("# DROP ALL\nASK { ?s ?p ?o }", False),
    ("PREFIX drop: <http://d/> SELECT ?s WHERE { ?s drop:x ?o }", False),
])
def test_is_update(sparql: str, update: bool):
    assert is_update(sparql) is update


def test_query_syntax_error_gives_position(store):
    with pytest.raises(KgError, match=r"invalid SPARQL query: error at 1:\d+"):
        query(store, "SELECT ?x WHERE { ?x }")


def test_ontology_graph_loaded(empty_store):
    triples = load_ontology(empty_store)
    ontology = NamedNode(ONTOLOGY)
    assert empty_store.contains_named_graph(ontology)
    assert graph_size(empty_store, ontology) == triples > 100
    owl_property = NamedNode("http://www.w3.org/2002/07/owl#ObjectProperty")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert Quad(NamedNode(term("reportsTo")), rdf_type, owl_property, ontology) in empty_store
    assert load_ontology(empty_store) == triples  # replaced, blank nodes included
    assert len(empty_store) == triples


def test_ontology_file_ships_with_the_package():
    assert ontology_file().name == "newskg.ttl"
    assert ontology_file().is_file()


def test_load_ontology_errors(empty_store, tmp_path: Path):
    with pytest.raises(KgError, match="ontology file not found"):
        load_ontology(empty_store, tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> .\n: : :", encoding="utf-8")
    with pytest.raises(KgError, match="not valid Turtle"):
        load_ontology(empty_store, bad)


def test_stats(store):
    assert stats(store) == Counts(articles=2, entities=11, events=1, facts=22)


@pytest.mark.parametrize("ref", [
    "meta-scale.en", "seeds/meta-scale.en.txt", "https://w3id.org/newskg/article/meta-scale-en"])
def test_graph_name(ref: str):
    assert graph_name(ref) == META_GRAPH


def test_require_graph_lists_articles(store):
    assert require_graph(store, "meta-scale.en") == META_GRAPH
    with pytest.raises(KgError, match="articles: meta-scale-en, openai-microsoft-en"):
        require_graph(store, "nope")


def test_open_store_read_only_needs_a_store(tmp_path: Path):
    with pytest.raises(KgError, match="no store at"):
        open_store(tmp_path / "none", read_only=True)
    assert not (tmp_path / "none").exists()


def test_open_store_refuses_a_file(tmp_path: Path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(KgError, match="is a file"):
        open_store(tmp_path / "f")


def test_open_store_refuses_a_folder_of_other_files(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(KgError, match="not a kg store"):
        open_store(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_open_store_creates_folders(tmp_path: Path):
    open_store(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / "CURRENT").is_file()


def test_open_store_in_use(tmp_path: Path):
    first = open_store(tmp_path / "s")
    with pytest.raises(KgError, match="in use"):
        open_store(tmp_path / "s")
    assert len(open_store(tmp_path / "s", read_only=True)) == len(first)


def test_read_only_store_cannot_change(store_dir: Path):
    read_only = open_store(store_dir, read_only=True)
    with pytest.raises(KgError, match="read-only"):
        query(read_only, "CLEAR ALL")
    assert stats(read_only).articles == 2


def test_a_read_runs_again_when_a_writer_removed_a_table_file(store_dir: Path):
    calls = []

    def read(store) -> int:
        calls.append(store)
        if len(calls) == 1:  # what RocksDB says when a compaction deleted a file it listed
            raise RuntimeError("Corruption: IO error: No such file or directory: While open a "
                               "file for random read: store/000015.sst")
        return stats(store).articles

    assert read_store(store_dir, read) == 2
    assert len(calls) == 2 and calls[0] is not calls[1]  # opened afresh


def test_a_read_that_fails_otherwise_is_not_repeated(store_dir: Path):
    calls = []

    def read(store) -> None:
        calls.append(store)
        raise RuntimeError("some other failure")

    with pytest.raises(RuntimeError, match="some other failure"):
        read_store(store_dir, read)
    assert len(calls) == 1


def quads_of(graph: NamedNode, version: str = "") -> list[Quad]:
    return [Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"),
                 Literal(f"{version}{k}"), graph) for k in range(3)]


def triples_of(quads: list[Quad]) -> set:
    return {q.triple for q in quads}


def graph_triples(store: Store, graph: NamedNode) -> set:
    return {q.triple for q in store.quads_for_pattern(None, None, None, graph)}


def test_graph_writer_adds_new_graphs_a_batch_at_a_time(empty_store):
    graphs = [NamedNode(article_iri(f"a{n}")) for n in range(3)]
    writer = GraphWriter(empty_store)
    writer.BATCH_GRAPHS = 2
    with writer:
        assert writer.write(graphs[0], quads_of(graphs[0])) == 3
        assert len(empty_store) == 0  # gathered, not yet written
        writer.write(graphs[1], quads_of(graphs[1]))
        assert len(empty_store) == 6  # the batch is full: both graphs are in
        writer.write(graphs[2], quads_of(graphs[2]))
        assert len(empty_store) == 6
    for graph in graphs:  # the last batch was written on leaving the block
        assert graph_triples(empty_store, graph) == triples_of(quads_of(graph))


def test_graph_writer_replaces_a_graph_the_store_holds_at_once(empty_store):
    graph = NamedNode(article_iri("a0"))
    replace_graph(empty_store, graph, quads_of(graph, "old"))
    with GraphWriter(empty_store) as writer:
        writer.write(graph, quads_of(graph, "new"))
        assert graph_triples(empty_store, graph) == triples_of(quads_of(graph, "new"))


def test_graph_writer_keeps_the_later_of_two_writes_in_one_batch(empty_store):
    graph = NamedNode(article_iri("a0"))
    with GraphWriter(empty_store) as writer:
        writer.write(graph, quads_of(graph, "first"))
        writer.write(graph, quads_of(graph, "second"))
    assert graph_triples(empty_store, graph) == triples_of(quads_of(graph, "second"))


class FailingBulk:
    """A store whose bulk load fails (disk full, say) after it has seen some quads."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def contains_named_graph(self, graph: NamedNode) -> bool:
        return self.store.contains_named_graph(graph)

    def bulk_extend(self, quads) -> None:
        next(iter(quads))
        raise OSError("disk full")

    def extend(self, quads) -> None:
        self.store.extend(quads)

    def quads_for_pattern(self, *pattern: object) -> object:
        return self.store.quads_for_pattern(*pattern)

    def update(self, sparql: str) -> None:
        self.store.update(sparql)


def test_a_failed_batch_writes_none_of_its_graphs(empty_store):
    writer = GraphWriter(FailingBulk(empty_store))
    for name in ("a0", "a1"):
        writer.write(NamedNode(article_iri(name)), quads_of(NamedNode(article_iri(name))))
    with pytest.raises(KgError, match=r"could not write graphs .*a0.*a1.*disk full"):
        writer.flush()
    assert len(empty_store) == 0


def test_open_store_deletes_a_killed_bulk_load_s_files(tmp_path):
    folder = tmp_path / "store"
    store = open_store(folder)
    replace_graph(store, NamedNode(article_iri("a0")), quads_of(NamedNode(article_iri("a0"))))
    del store
    gc.collect()
    leftover = folder / "bulk-123456789.sst"  # as a bulk load killed before ingestion leaves
    leftover.write_bytes(b"never ingested")
    store = open_store(folder)
    assert not leftover.exists()
    assert len(store) == 3


def test_graph_writer_writes_an_outsized_graph_in_a_transaction(empty_store):
    graph = NamedNode(article_iri("a0"))
    writer = GraphWriter(FailingBulk(empty_store))  # the bulk loader must not be used
    writer.BATCH_QUADS = 3  # the graph alone fills a batch
    writer.write(graph, quads_of(graph))
    assert graph_triples(empty_store, graph) == triples_of(quads_of(graph))


# What RocksDB raised when a writer that had just opened the store compacted its files
VANISHED = ("Corruption: Corruption: IO error: No such file or directory: While open a file "
            "for random read: store/000013.sst: No such file or directory The file "
            "store/MANIFEST-000023 may be corrupted.")


@pytest.mark.parametrize("error", [OSError(VANISHED), RuntimeError(VANISHED)],
                         ids=["OSError", "RuntimeError"])
def test_a_reader_tries_again_while_a_writer_changes_the_files(store_dir: Path, error: Exception,
                                                                monkeypatch: pytest.MonkeyPatch):
    opened = Store.read_only
    failures = iter([error])

    def flaky(path: str) -> Store:
        error = next(failures, None)
        if error:
            raise error
        return opened(path)

    monkeypatch.setattr(kg.store.Store, "read_only", staticmethod(flaky))
    assert len(open_store(store_dir, read_only=True)) > 0
