"""SHACL validation: each shape catches a broken graph; stores, builds and the CLI report it."""

from pathlib import Path

import pytest
import rdflib
from conftest import make_meta_article
from pyoxigraph import Quad, Store
from typer.testing import CliRunner

import kg.extract
from kg.build import build
from kg.cli import app
from kg.errors import KgError
from kg.rdf import article_triples
from kg.store import load_ontology, open_store, replace_article
from kg.validate import (
    GraphReport,
    Violation,
    format_reports,
    shapes_file,
    validate_article,
    validate_store,
    validate_triples,
)
from kg.vocab import PREFIXES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()
# The reified statement of "Yann LeCun reportsTo Alexandr Wang", and the sentence it came from.
STATEMENT = "?st rdf:predicate nkg:reportsTo ; prov:wasDerivedFrom ?s ."
NEW_STATEMENT = ("rdf:subject person:yann-lecun ; rdf:predicate nkg:reportsTo ; "
                 "rdf:object person:alexandr-wang ; nkg:confidence 0.5 ; nkg:extractedBy \"x\"")

# (the shape that must catch it, a SPARQL update that breaks the meta article's graph)
BROKEN = [
    ("nks:Entity", ("INSERT DATA { _:x a nkg:Place ; rdfs:label \"Nowhere\" ; "
                    "nkg:mentionedIn article:meta-scale-en }")),
    ("nks:label", "INSERT DATA { person:yann-lecun rdfs:label \"Yann\" }"),
    ("nks:label", "DELETE DATA { organization:meta rdfs:label \"Meta\" }"),
    ("nks:label", "INSERT DATA { investment:meta-scale-ai-14000000000 rdfs:label \"Deal\" }"),
    ("nks:altLabel", "INSERT DATA { person:yann-lecun skos:altLabel \"LeCun\"@fr }"),
    ("nks:Entity-mentionedIn",
     "DELETE DATA { product:llama nkg:mentionedIn article:meta-scale-en }"),
    ("nks:Person-reportsTo", "INSERT DATA { person:yann-lecun nkg:reportsTo organization:meta }"),
    ("nks:Person-worksFor", "INSERT DATA { person:yann-lecun nkg:worksFor product:llama }"),
    ("nks:Person-leads", "INSERT DATA { person:alexandr-wang nkg:leads place:menlo-park }"),
    ("nks:Person-leftOrganization",
     "INSERT DATA { person:yann-lecun nkg:leftOrganization person:alexandr-wang }"),
    ("nks:Person-jobTitle", "INSERT DATA { person:yann-lecun nkg:jobTitle \"\" }"),
    ("nks:Person-age", "INSERT DATA { person:alexandr-wang nkg:age 200 }"),
    ("nks:Person-age", "INSERT DATA { person:alexandr-wang nkg:age 29.5 }"),
    ("nks:Person-age", "INSERT DATA { person:alexandr-wang nkg:age \"old\"^^xsd:integer }"),
    ("nks:Organization-subOrganizationOf",
     "INSERT DATA { organization:meta nkg:subOrganizationOf product:llama }"),
    ("nks:Organization-partnerOf",
     "INSERT DATA { organization:meta nkg:partnerOf person:yann-lecun }"),
    ("nks:Organization-basedIn",
     "INSERT DATA { organization:meta nkg:basedIn organization:scale-ai }"),
    ("nks:Organization-formerName", "INSERT DATA { organization:meta nkg:formerName 42 }"),
    ("nks:Agent-founded", "INSERT DATA { person:yann-lecun nkg:founded product:llama }"),
    ("nks:Agent-developed",
     "INSERT DATA { organization:meta nkg:developed organization:scale-ai }"),
    ("nks:Event", ("INSERT DATA { _:d a nkg:Acquisition ; rdfs:label \"Meta → Scale AI\" ; "
                   "nkg:acquirer organization:meta ; nkg:acquired organization:scale-ai }")),
    ("nks:Event-amount", "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:amount -5.0 }"),
    ("nks:Event-currency",
     "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:currency \"usd\" }"),
    ("nks:Investment-investor", ("INSERT DATA { investment:x a nkg:Investment ; rdfs:label "
                                 "\"? → Scale AI\" ; nkg:investee organization:scale-ai }")),
    ("nks:Investment-investee",
     "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:investee organization:meta }"),
    ("nks:Investment-investee", ("INSERT DATA { investment:x a nkg:Investment ; "
                                 "rdfs:label \"Meta → ?\" ; nkg:investor organization:meta }")),
    ("nks:Investment-investor",
     "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:investor product:llama }"),
    ("nks:Investment-stakePercent",
     "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:stakePercent 149.0 }"),
    ("nks:Acquisition-acquirer", ("INSERT DATA { acquisition:x a nkg:Acquisition ; rdfs:label "
                                  "\"→ Scale AI\" ; nkg:acquired organization:scale-ai }")),
    ("nks:Acquisition-acquired", ("INSERT DATA { acquisition:x a nkg:Acquisition ; "
                                  "rdfs:label \"Meta →\" ; nkg:acquirer organization:meta }")),
    ("nks:PersonDomain", "INSERT DATA { organization:meta nkg:jobTitle \"CEO\" }"),
    ("nks:OrganizationDomain", "INSERT DATA { person:yann-lecun nkg:basedIn place:menlo-park }"),
    ("nks:AgentDomain", "INSERT DATA { product:llama nkg:developed product:llama }"),
    ("nks:InvestmentDomain", "INSERT DATA { organization:meta nkg:investee organization:meta }"),
    ("nks:AcquisitionDomain",
     "INSERT DATA { investment:meta-scale-ai-14000000000 nkg:acquirer organization:meta }"),
    ("nks:EventDomain", "INSERT DATA { organization:meta nkg:amount 5.0 }"),
    ("nks:MentionedDomain",
     "INSERT DATA { <http://example.org/thing> nkg:mentionedIn article:meta-scale-en }"),
    ("nks:ArticleDomain", "INSERT DATA { person:yann-lecun nkg:language \"en\" }"),
    ("nks:SentenceDomain", "INSERT DATA { person:yann-lecun nkg:startOffset 3 }"),
    ("nks:StatementDomain", "INSERT DATA { person:yann-lecun nkg:confidence 0.5 }"),
    ("nks:Article", "INSERT DATA { _:a a nkg:Article ; nkg:language \"en\" }"),
    ("nks:Article-language", "DELETE DATA { article:meta-scale-en nkg:language \"en\" }"),
    ("nks:Article-language", "INSERT DATA { article:meta-scale-en nkg:language \"English\" }"),
    ("nks:Article-headline", "INSERT DATA { article:meta-scale-en schema:headline \"Two\" }"),
    ("nks:Article-sourceFile", "INSERT DATA { article:meta-scale-en nkg:sourceFile \"\" }"),
    ("nks:Sentence", ("INSERT DATA { _:s a nkg:Sentence ; nkg:text \"x\" ; nkg:startOffset 0 ; "
                      "nkg:endOffset 1 ; dcterms:isPartOf article:meta-scale-en }")),
    ("nks:Sentence-text", f"DELETE {{ ?s nkg:text ?t }} WHERE {{ {STATEMENT} ?s nkg:text ?t }}"),
    ("nks:Sentence-startOffset", f"INSERT {{ ?s nkg:startOffset -1 }} WHERE {{ {STATEMENT} }}"),
    ("nks:Sentence-startOffset", ("INSERT DATA { sentence:x a nkg:Sentence ; nkg:text \"x\" ; "
                                  "nkg:startOffset 10 ; nkg:endOffset 5 ; "
                                  "dcterms:isPartOf article:meta-scale-en }")),
    ("nks:Sentence-endOffset", (f"DELETE {{ ?s nkg:endOffset ?e }} "
                                f"WHERE {{ {STATEMENT} ?s nkg:endOffset ?e }}")),
    ("nks:Sentence-isPartOf",
     f"INSERT {{ ?s dcterms:isPartOf person:yann-lecun }} WHERE {{ {STATEMENT} }}"),
    ("nks:Statement", (f"INSERT {{ _:st a nkg:Statement ; {NEW_STATEMENT} ; "
                       f"prov:wasDerivedFrom ?s }} WHERE {{ {STATEMENT} }}")),
    ("nks:Statement-subject",
     f"DELETE {{ ?st rdf:subject ?x }} WHERE {{ {STATEMENT} ?st rdf:subject ?x }}"),
    ("nks:Statement-predicate",
     ("INSERT { statement:x a nkg:Statement ; rdf:subject person:yann-lecun ; "
     "rdf:predicate rdfs:label ; rdf:object \"Yann LeCun\" ; nkg:confidence 0.5 ; "
     f"nkg:extractedBy \"x\" ; prov:wasDerivedFrom ?s }} WHERE {{ {STATEMENT} }}")),
    ("nks:Statement-object",
     f"DELETE {{ ?st rdf:object ?x }} WHERE {{ {STATEMENT} ?st rdf:object ?x }}"),
    ("nks:Statement-wasDerivedFrom",
     f"INSERT {{ ?st prov:wasDerivedFrom person:yann-lecun }} WHERE {{ {STATEMENT} }}"),
    ("nks:Statement-confidence", (f"DELETE {{ ?st nkg:confidence ?c }} INSERT {{ "
                                  f"?st nkg:confidence 1.5 }} WHERE {{ {STATEMENT} "
                                  "?st nkg:confidence ?c }")),
    ("nks:Statement-extractedBy",
     f"DELETE {{ ?st nkg:extractedBy ?x }} WHERE {{ {STATEMENT} ?st nkg:extractedBy ?x }}"),
    ("nks:Statement-asserted",
     "DELETE DATA { person:yann-lecun nkg:reportsTo person:alexandr-wang }"),
]


def broken_meta_graph(update: str) -> list:
    """The meta article's triples after `update`."""
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object) for t in article_triples(
        make_meta_article()))
    store.update(update, prefixes=PREFIXES)
    return [quad.triple for quad in store]


def test_fixture_articles_conform(meta_article, openai_article):
    assert validate_article(meta_article) == []
    assert validate_article(openai_article) == []


@pytest.mark.parametrize(("shape", "update"), BROKEN)
def test_shape_catches_broken_graph(shape: str, update: str):
    violations = validate_triples(broken_meta_graph(update))
    assert {v.shape for v in violations} == {shape}, "\n".join(map(str, violations))


def test_every_shape_has_a_broken_graph():
    shapes = rdflib.Graph().parse(shapes_file(), format="turtle")
    message = rdflib.URIRef("http://www.w3.org/ns/shacl#message")
    named = {str(s).replace("https://w3id.org/newskg/shapes#", "nks:")
             for s in shapes.subjects(message, None)}
    assert named == {shape for shape, _ in BROKEN}


def test_violation_reads_as_one_line():
    violations = validate_triples(broken_meta_graph(
        "INSERT DATA { person:alexandr-wang nkg:age 200 }"))
    assert [str(v) for v in violations] == [
        ("person:alexandr-wang nkg:age: an age is an xsd:integer from 0 to 130 "
        "(value \"200\"^^xsd:integer) [nks:Person-age]")]


def test_validate_store_each_article_graph(store):
    reports = validate_store(store)
    assert reports == [GraphReport("meta-scale-en", 219, []),
                       GraphReport("openai-microsoft-en", 62, [])]
    store.update("INSERT DATA { GRAPH article:meta-scale-en { "
                 "investment:meta-scale-ai-14000000000 nkg:stakePercent 149.0 } }",
                 prefixes=PREFIXES)
    broken, fine = validate_store(store)
    assert {v.shape for v in broken.violations} == {"nks:Investment-stakePercent"}
    assert fine.conforms
    assert validate_store(store, "openai-microsoft.en") == [fine]


def test_validate_store_unknown_graph(store):
    with pytest.raises(KgError, match="no graph"):
        validate_store(store, "nope")


def test_format_reports():
    bad = Violation("person:x", "nkg:age", "an age is …", "nks:Person-age", '"-1"^^xsd:integer')
    assert format_reports([GraphReport("a", 10, [bad]), GraphReport("b", 5, [])]) == (
        "a: 1 violation\n"
        "  person:x nkg:age: an age is … (value \"-1\"^^xsd:integer) [nks:Person-age]\n"
        "checked 2 articles against the shapes: 1 article with violations (1 in all)\n")
    assert format_reports([GraphReport("b", 5, [])]) == (
        "checked 1 article against the shapes: all conform\n")
    assert format_reports([]) == "checked 0 articles against the shapes: the store has none\n"


def test_cli_validate(store_dir: Path):
    result = runner.invoke(app, ["validate", "--store", str(store_dir)])
    assert (result.exit_code, result.stdout) == (
        0, "checked 2 articles against the shapes: all conform\n")
    store = open_store(store_dir)
    store.update("INSERT DATA { GRAPH article:meta-scale-en { "
                 "person:yann-lecun rdfs:label \"Yann\" } }", prefixes=PREFIXES)
    del store
    result = runner.invoke(app, ["validate", "--store", str(store_dir)])
    assert result.exit_code == 1
    assert result.stdout == (
        "meta-scale-en: 1 violation\n"
        "  person:yann-lecun rdfs:label: has exactly one rdfs:label, a non-empty plain string "
        "(its canonical name) [nks:label]\n"
        "checked 2 articles against the shapes: 1 article with violations (1 in all)\n")
    one = runner.invoke(app, ["validate", "-g", "openai-microsoft.en", "--store", str(store_dir)])
    assert (one.exit_code, one.stdout) == (
        0, "checked 1 article against the shapes: all conform\n")


@pytest.fixture
def old_wang(monkeypatch: pytest.MonkeyPatch):
    """The extractor reads every article as the meta article, with Alexandr Wang aged 290."""

    def extract_article(text, article_id, **options):
        article = make_meta_article()
        article.facts[3].object = 290
        return article

    monkeypatch.setattr(kg.extract, "extract_article", extract_article)


def test_build_reports_violations_and_writes(empty_store, corpus: Path, old_wang):
    report = build([corpus / "meta-scale.en.txt"], empty_store)
    [(path, [violation])] = report.violations.items()
    assert (path.name, violation.shape, violation.value) == (
        "meta-scale.en.txt", "nks:Person-age", '"290"^^xsd:integer')
    assert report.refused == [] and report.articles == 1


def test_build_strict_refuses_the_article(empty_store, corpus: Path, old_wang):
    report = build([corpus / "meta-scale.en.txt"], empty_store, strict=True)
    assert [p.name for p in report.refused] == ["meta-scale.en.txt"]
    assert report.articles == 0
    assert [g.value for g in empty_store.named_graphs()] == ["https://w3id.org/newskg/ontology"]


def test_cli_build_strict(corpus: Path, tmp_path: Path, old_wang):
    argv = ["build", str(corpus / "meta-scale.en.txt"), "--store", str(tmp_path / "s")]
    warned = runner.invoke(app, argv)
    assert warned.exit_code == 0
    assert warned.stderr == (f"kg: warning: {corpus / 'meta-scale.en.txt'}: person:alexandr-wang "
                             "nkg:age: an age is an xsd:integer from 0 to 130 (value "
                             "\"290\"^^xsd:integer) [nks:Person-age]\n")
    refused = runner.invoke(app, [*argv, "--strict"])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[-1] == (
        f"kg: error: --strict: 1 article not built, because their facts break the shapes "
        f"(see the warnings): {corpus / 'meta-scale.en.txt'}")


def test_seed_store_validates_clean(tmp_path: Path):
    store = open_store(tmp_path / "seed")
    load_ontology(store)
    report = build([SEEDS], store)
    assert report.violations == {}
    assert all(r.conforms for r in validate_store(store))


def test_replace_article_then_validate_matches_validate_article(empty_store, meta_article):
    replace_article(empty_store, meta_article)
    [report] = validate_store(empty_store)
    assert report.violations == validate_article(meta_article) == []


def test_cli_validate_help_has_examples():
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Example:\n    kg validate\n    kg validate --graph " in result.stdout
