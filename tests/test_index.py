"""The entity index: one skos:prefLabel per entity, the smallest of its labels, kept in step."""

import gc
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import index
from kg.errors import KgError
from kg.extract.model import Article, Entity
from kg.queries import get_query, run
from kg.store import GraphWriter, open_store, replace_article
from kg.terms import RDFS_LABEL
from kg.vocab import ARTICLE, INDEX, ONTOLOGY, article_iri, entity_iri

PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
META = NamedNode(entity_iri("Organization", "Meta"))


def names(store: Store) -> dict[str, str]:
    """The index: each entity's IRI and its name."""
    quads = store.quads_for_pattern(None, None, None, NamedNode(INDEX))
    assert all(q.predicate == PREF_LABEL for q in quads)
    found = [(q.subject.value, q.object.value) for q in
             store.quads_for_pattern(None, PREF_LABEL, None, NamedNode(INDEX))]
    assert len(found) == len(dict(found)), "one name per entity"
    return dict(found)


def smallest_labels(store: Store) -> dict[str, str]:
    """Each entity's smallest label over the article graphs, computed here the long way."""
    smallest: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, RDFS_LABEL, None):
        if quad.graph_name.value.startswith(ARTICLE):
            entity, label = quad.subject.value, quad.object.value
            smallest[entity] = min(label, smallest.get(entity, label))
    return smallest


def article(article_id: str, *entities: Entity) -> Article:
    return Article(article_id, "", "en", entities=list(entities))


def test_each_entity_gets_its_smallest_label(store):
    assert names(store) == smallest_labels(store)
    assert names(store)[META.value] == "Meta"


def test_a_spelling_in_a_later_article_and_its_removal(store):
    replace_article(store, article("caps", Entity("Organization", "META")))  # same IRI
    assert names(store)[META.value] == "META"  # "META" < "Meta"
    replace_article(store, article("caps"))  # built again without it
    assert names(store)[META.value] == "Meta"
    assert names(store) == smallest_labels(store)


def test_an_entity_no_article_names_leaves_the_index(empty_store):
    acme = Entity("Organization", "Acme")
    replace_article(empty_store, article("a", acme))
    assert names(empty_store) == {entity_iri("Organization", "Acme"): "Acme"}
    replace_article(empty_store, article("a"))
    assert names(empty_store) == {}


def test_the_ontology_s_labels_are_not_entities(store):
    ontology_subjects = {q.subject.value for q in
                         store.quads_for_pattern(None, RDFS_LABEL, None, NamedNode(ONTOLOGY))}
    assert ontology_subjects and not ontology_subjects & set(names(store))


def label_quads(graph: NamedNode, *labels: str) -> list[Quad]:
    return [Quad(NamedNode(entity_iri("Organization", label)), RDFS_LABEL, Literal(label), graph)
            for label in labels]


def test_a_batch_of_new_graphs_is_indexed_when_it_is_written(empty_store):
    graphs = [NamedNode(article_iri(name)) for name in ("a0", "a1")]
    with GraphWriter(empty_store) as writer:
        writer.write(graphs[0], label_quads(graphs[0], "Acme", "Globex"))
        writer.write(graphs[1], label_quads(graphs[1], "ACME"))
        assert names(empty_store) == {}  # not written yet
    assert names(empty_store) == {entity_iri("Organization", "Acme"): "ACME",
                                   entity_iri("Organization", "Globex"): "Globex"}


def test_later_batches_keep_the_smallest_name(empty_store):
    acme = entity_iri("Organization", "Acme")
    for n, label in enumerate(["Acme", "ACME", "Acme"]):  # "ACME" < "Acme"
        graph = NamedNode(article_iri(f"a{n}"))
        with GraphWriter(empty_store) as writer:
            writer.write(graph, [Quad(NamedNode(acme), RDFS_LABEL, Literal(label), graph)])
        assert names(empty_store) == {acme: "ACME" if n else "Acme"}
    assert names(empty_store) == smallest_labels(empty_store)


def test_update_works_in_chunks(empty_store, monkeypatch: pytest.MonkeyPatch):
    graph = NamedNode(article_iri("many"))
    labels = [f"Company {n}" for n in range(7)]
    empty_store.extend(label_quads(graph, *labels))
    monkeypatch.setattr(index, "CHUNK", 3)
    index.update(empty_store, index.labelled_in(empty_store, graph))
    assert sorted(names(empty_store).values()) == labels


def test_refresh_rebuilds_what_the_writers_kept(store):
    kept = names(store)
    store.update(f"DROP GRAPH <{INDEX}>")
    assert index.is_missing(store)
    index.refresh(store)
    assert names(store) == kept and not index.is_missing(store)


def test_a_store_without_an_index_gets_one_when_opened_for_writing(store_dir: Path):
    store = open_store(store_dir)
    kept = names(store)
    store.update(f"DROP GRAPH <{INDEX}>")
    del store
    gc.collect()  # the store's lock goes with the Store object
    assert index.is_missing(open_store(store_dir, read_only=True))
    assert names(open_store(store_dir)) == kept


def test_canned_queries_refuse_a_store_without_an_index(store):
    store.update(f"DROP GRAPH <{INDEX}>")
    with pytest.raises(KgError, match="reads the entity index, which this store lacks"):
        run(store, get_query("reports-to"))


def test_an_empty_store_needs_no_index(empty_store):
    assert not index.is_missing(empty_store)
    assert list(run(empty_store, get_query("reports-to"))) == []
