"""`kg ontology`: every class and property with its labels, domain, range and alignments."""

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ontology_doc import markdown, read_ontology, text

README = Path(__file__).resolve().parent.parent / "ontology" / "README.md"


@pytest.fixture(scope="module")
def ontology():
    return read_ontology()


def test_readme_is_up_to_date(ontology):
    """ontology/README.md is generated: after changing newskg.ttl, run the command it names."""
    assert README.read_text(encoding="utf-8") == markdown(ontology), (
        "ontology/README.md is stale: run kg ontology --format markdown -o ontology/README.md")


def test_every_term_with_both_labels(ontology):
    names = [t.name for t in ontology.terms]
    assert names[:3] == ["Agent", "Person", "Organization"]  # in the file's order
    assert {"reportsTo", "investor", "stakePercent", "mentionedIn", "language"} <= set(names)
    assert all(t.labels.get("en") and t.labels.get("id") for t in ontology.terms)
    assert len(ontology.classes()) == 11


def by_name(ontology, name: str):
    return next(t for t in ontology.terms if t.name == name)


@pytest.mark.parametrize(("name", "kind", "domain", "range_", "alignments"), [
    ("Person", "class", "Agent", "", ["subClassOf schema:Person, foaf:Person, prov:Person"]),
    ("Agent", "class", "", "", ["subClassOf foaf:Agent, prov:Agent",
                                "equivalentClass Person or Organization"]),
    ("worksFor", "object property", "Person", "Organization",
     ["subPropertyOf org:memberOf", "closeMatch schema:worksFor"]),
    ("founded", "object property", "Agent", "Organization", ["inverseOf schema:founder"]),
    ("age", "datatype property", "Person", "xsd:integer", ["closeMatch foaf:age"]),
    ("mentionedIn", "object property", "Person or Organization or Product or Place", "Article",
     ["inverseOf schema:mentions"]),
    ("leftOrganization", "object property", "Person", "Organization", []),
])
def test_term(ontology, name, kind, domain, range_, alignments):
    term = by_name(ontology, name)
    assert (term.kind, term.domain, term.range, term.alignments) == (kind, domain, range_,
                                                                     alignments)


def test_symmetric(ontology):
    assert [t.name for t in ontology.terms if t.symmetric] == ["partnerOf"]


def test_text_table(ontology):
    lines = text(ontology).splitlines()
    assert lines[0] == "newskg ontology 0.1.0"
    row = next(line for line in lines if line.startswith("nkg:reportsTo "))
    assert row.split() == ["nkg:reportsTo", "object", "reports", "to", "melapor", "kepada",
                           "Person", "Person", "subPropertyOf", "org:reportsTo"]


def test_markdown_rows(ontology):
    page = markdown(ontology)
    assert ("| `nkg:partnerOf` | object property, symmetric | partner of | mitra dari "
            "| Organization | Organization | subPropertyOf org:linkedTo |") in page


def test_bad_file(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(KgError, match="cannot read the ontology"):
        read_ontology(bad)
