"""Exports load back into a fresh store with the same triples (or quads); scoring reads them."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import (
    CanonicalizationAlgorithm,
    Dataset,
    DefaultGraph,
    NamedNode,
    Quad,
    Store,
)

from kg.errors import KgError
from kg.export import FORMATS, export, export_article, format_name
from kg.rdf import article_quads
from kg.vocab import article_iri

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
TRIPLE_FORMATS = [name for name, f in FORMATS.items() if not f.supports_datasets]
DATASET_FORMATS = [name for name, f in FORMATS.items() if f.supports_datasets]


def canonical(quads) -> Dataset:
    """The quads as a dataset whose blank nodes (the ontology has some) compare by shape."""
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def reload(data: bytes, fmt: str) -> Store:
    fresh = Store()
    fresh.load(data, FORMATS[fmt])
    return fresh


def merged(quads) -> set[Quad]:
    return {Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads}


@pytest.mark.parametrize("fmt", TRIPLE_FORMATS)
def test_triple_formats_round_trip_merged_graphs(store, fmt: str):
    fresh = reload(export(store, fmt), fmt)
    assert canonical(fresh) == canonical(merged(store))
    assert len(fresh) < len(store)  # Zuckerberg leads Meta was in two graphs: now once


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_dataset_formats_round_trip_quads(store, fmt: str):
    fresh = reload(export(store, fmt), fmt)
    assert canonical(fresh) == canonical(store)
    assert set(fresh.named_graphs()) == set(store.named_graphs())


def test_turtle_uses_prefixes(store):
    text = export(store, "turtle").decode()
    assert "@prefix person: <https://w3id.org/newskg/id/person/> ." in text
    assert "person:yann-lecun" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_one_graph(store, fmt: str):
    graph = NamedNode(article_iri("openai-microsoft.en"))
    fresh = reload(export(store, fmt, graph="openai-microsoft.en"), fmt)
    expected = set(store.quads_for_pattern(None, None, None, graph))
    assert set(fresh) == (expected if fmt in DATASET_FORMATS else merged(expected))


def test_export_graph_by_iri(store):
    by_id = export(store, "nquads", graph="meta-scale.en")
    assert export(store, "nquads", graph=article_iri("meta-scale.en")) == by_id


def test_export_unknown_graph(store):
    with pytest.raises(KgError, match="no graph"):
        export(store, "turtle", graph="nope")


def test_export_to_file_and_stream(store, tmp_path: Path):
    path = tmp_path / "graph.trig"
    assert export(store, "trig", path) is None
    stream = io.BytesIO()
    export(store, "trig", stream)
    assert path.read_bytes() == stream.getvalue() == export(store, "trig")


def test_export_to_missing_folder(store, tmp_path: Path):
    with pytest.raises(KgError, match="does not exist"):
        export(store, "turtle", tmp_path / "no" / "graph.ttl")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_article_round_trip(meta_article, fmt: str):
    stored = Store()  # a store writes numbers canonically: 14000000000.0 as 14000000000
    stored.extend(article_quads(meta_article))
    quads = set(stored)
    fresh = reload(export_article(meta_article, fmt), fmt)
    assert set(fresh) == (quads if fmt in DATASET_FORMATS else merged(quads))


def test_jsonld_keeps_graphs(meta_article):
    data = json.loads(export_article(meta_article, "jsonld"))
    assert [graph["@id"] for graph in data["@graph"]] == ["article:meta-scale-en"]


@pytest.mark.parametrize(("fmt", "out", "name"), [
    (None, None, "turtle"),
    (None, Path("x.ttl"), "turtle"),
    (None, Path("x.NT"), "ntriples"),
    (None, Path("x.nq"), "nquads"),
    (None, Path("x.trig"), "trig"),
    (None, Path("x.jsonld"), "jsonld"),
    (None, Path("x.json"), "jsonld"),
    (None, Path("x.rdf"), "rdfxml"),
    (None, Path("x.owl"), "rdfxml"),
    (None, Path("x.txt"), "turtle"),
    ("TriG", Path("x.ttl"), "trig"),
    ("json-ld", None, "jsonld"),
    ("rdf_xml", None, "rdfxml"),
])
def test_format_name(fmt, out, name: str):
    assert format_name(fmt, out) == name


def test_format_name_unknown():
    with pytest.raises(KgError, match="unknown format 'n3'; choose one of: turtle"):
        format_name("n3")


GOLD = [
    {"s": "Yann LeCun", "p": "reportsTo", "o": "Alexandr Wang"},
    {"s": "Yann LeCun", "p": "jobTitle", "o": "Chief AI Scientist"},
    {"s": "Yann LeCun", "p": "worksFor", "o": "Meta"},
    {"s": "Yann LeCun", "p": "leftOrganization", "o": "Meta"},
    {"s": "Alexandr Wang", "p": "age", "o": 29},
    {"s": "Alexandr Wang", "p": "founded", "o": "Scale AI"},
    {"s": "Alexandr Wang", "p": "leftOrganization", "o": "Scale AI"},
    {"s": "Alexandr Wang", "p": "worksFor", "o": "Meta"},
    {"s": "Mark Zuckerberg", "p": "leads", "o": "Meta"},
    {"s": "Mark Zuckerberg", "p": "jobTitle", "o": "CEO"},
    {"s": "Meta", "p": "formerName", "o": "Facebook"},
    {"s": "Meta", "p": "basedIn", "o": "Menlo Park"},
    {"s": "Meta", "p": "developed", "o": "Llama"},
    {"s": "Superintelligence Labs", "p": "subOrganizationOf", "o": "Meta"},
    {"event": "Investment", "investor": "Meta", "investee": "Scale AI",
     "amount": 14000000000, "currency": "USD", "stakePercent": 49},
]


@pytest.mark.skipif(not SCORE.is_file(), reason="../shared/eval/score.py is not beside the repo")
@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_score_reads_what_extract_writes(meta_article, tmp_path: Path, suffix: str):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(u) for u in GOLD), encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    export_article(meta_article, format_name(None, out), out)  # what `kg extract -o` does
    run = subprocess.run([sys.executable, str(SCORE), str(out), str(gold)],
                         capture_output=True, text=True, check=True)
    assert "micro P=1.000 R=1.000 F1=1.000 (gold 18, output 18, matched 18)" in run.stdout
