"""`kg ontology`: the ontology's classes and properties as a table, or as ontology/README.md.

Read from the shipped ontology file: each term's labels in English and Indonesian, its
domain and range, and its alignments to other vocabularies (sub-class/sub-property, inverse,
close match), in the order the file declares them.
"""

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

from kg.errors import KgError
from kg.texttable import text_table
from kg.vocab import NKG, ONTOLOGY, PREFIXES

OWL, RDF, RDFS = PREFIXES["owl"], PREFIXES["rdf"], PREFIXES["rdfs"]
KINDS = {OWL + "Class": "class", OWL + "ObjectProperty": "object property",
         OWL + "DatatypeProperty": "datatype property"}
# Alignment predicates, as the documentation words them.
ALIGNMENTS = {RDFS + "subClassOf": "subClassOf", RDFS + "subPropertyOf": "subPropertyOf",
              OWL + "equivalentClass": "equivalentClass", OWL + "inverseOf": "inverseOf",
              PREFIXES["skos"] + "closeMatch": "closeMatch"}
REGENERATE = "kg ontology --format markdown -o ontology/README.md"
Term = NamedNode | BlankNode | Literal


@dataclass
class OntologyTerm:
    """A class or property of the ontology, as documented."""

    name: str  # local name
    kind: str  # "class", "object property", "datatype property"
    labels: dict[str, str] = field(default_factory=dict)  # language → label
    comment: str = ""  # English
    domain: str = ""
    range: str = ""
    alignments: list[str] = field(default_factory=list)  # "subClassOf schema:Person, …"
    symmetric: bool = False


@dataclass
class Ontology:
    """The ontology's own description, and its terms in the order of the file."""

    title: str
    version: str
    description: str
    prefixes: dict[str, str]
    terms: list[OntologyTerm]

    def classes(self) -> list[OntologyTerm]:
        return [t for t in self.terms if t.kind == "class"]

    def properties(self) -> list[OntologyTerm]:
        return [t for t in self.terms if t.kind != "class"]


def read_ontology(path: Path | None = None) -> Ontology:
    """Parse the ontology file (default: the shipped one)."""
    from kg.store import ontology_file

    path = path or ontology_file()
    try:
        parser = parse(path=path, format=RdfFormat.TURTLE, base_iri=ONTOLOGY)
        triples = [q.triple for q in parser]
    except (OSError, SyntaxError) as exc:
        raise KgError(f"cannot read the ontology {path}: {exc}") from None
    about: dict[Term, list[tuple[str, Term]]] = {}
    for t in triples:
        about.setdefault(t.subject, []).append((t.predicate.value, t.object))
    doc = _Reader(about, parser.prefixes)
    terms = [doc.term(s) for s in about
             if isinstance(s, NamedNode) and s.value.startswith(NKG) and doc.kind(s)]
    head = NamedNode(ONTOLOGY)
    return Ontology(doc.text(head, RDFS + "label"), doc.text(head, OWL + "versionInfo", None),
                    doc.text(head, RDFS + "comment"), parser.prefixes, terms)


class _Reader:
    """Looks up what the file says about a subject, and names IRIs the way the file does."""

    def __init__(self, about: dict[Term, list[tuple[str, Term]]], prefixes: dict[str, str]):
        self.about = about
        self.prefixes = sorted(prefixes.items(), key=lambda p: -len(p[1]))

    def values(self, subject: Term, predicate: str) -> list[Term]:
        return [o for p, o in self.about.get(subject, []) if p == predicate]

    def text(self, subject: Term, predicate: str, language: str | None = "en") -> str:
        texts = [o.value for o in self.values(subject, predicate)
                 if isinstance(o, Literal) and (language is None or o.language == language)]
        return texts[0] if texts else ""

    def kind(self, subject: Term) -> str:
        kinds = [KINDS[o.value] for o in self.values(subject, RDF + "type") if o.value in KINDS]
        return kinds[0] if kinds else ""

    def term(self, subject: NamedNode) -> OntologyTerm:
        labels = {o.language: o.value for o in self.values(subject, RDFS + "label")
                  if isinstance(o, Literal) and o.language}
        alignments = []
        for predicate, word in ALIGNMENTS.items():
            names = [self.name(o) for o in self.values(subject, predicate)
                     if not (word == "subClassOf" and o.value.startswith(NKG))]
            if names:
                alignments.append(f"{word} {', '.join(names)}")
        parents = [self.name(o) for o in self.values(subject, RDFS + "subClassOf")
                   if o.value.startswith(NKG)]
        kind = self.kind(subject)
        return OntologyTerm(
            subject.value.removeprefix(NKG), kind, labels, self.text(subject, RDFS + "comment"),
            domain=", ".join(parents) if kind == "class" else self.names(subject, "domain"),
            range=self.names(subject, "range"), alignments=alignments,
            symmetric=NamedNode(OWL + "SymmetricProperty") in self.values(subject, RDF + "type"))

    def names(self, subject: Term, predicate: str) -> str:
        return ", ".join(self.name(o) for o in self.values(subject, RDFS + predicate))

    def name(self, term: Term) -> str:
        """`Person` for nkg terms, `schema:Person` for others, `A or B` for a union."""
        if isinstance(term, BlankNode):
            union = self.values(term, OWL + "unionOf")
            return " or ".join(self.name(m) for m in self.members(union[0])) if union else "…"
        if term.value.startswith(NKG):
            return term.value.removeprefix(NKG)
        for prefix, namespace in self.prefixes:
            if term.value.startswith(namespace) and prefix != "nkg":
                return f"{prefix}:{term.value.removeprefix(namespace)}"
        return f"<{term.value}>"

    def members(self, node: Term) -> list[Term]:
        """The items of an RDF list."""
        items: list[Term] = []
        while isinstance(node, BlankNode) and (first := self.values(node, RDF + "first")):
            items.append(first[0])
            node = self.values(node, RDF + "rest")[0]
        return items


def text(ontology: Ontology) -> str:
    """Two aligned tables for the terminal: classes, then properties."""
    classes = [[f"nkg:{t.name}", t.labels.get("en", ""), t.labels.get("id", ""), t.domain,
                "; ".join(t.alignments)] for t in ontology.classes()]
    properties = [[f"nkg:{t.name}", _kind(t).replace(" property", ""), t.labels.get("en", ""),
                   t.labels.get("id", ""),
                   t.domain, t.range, "; ".join(t.alignments)] for t in ontology.properties()]
    return (f"{ontology.title} {ontology.version}\n\n"
            + text_table(["class", "label (en)", "label (id)", "subclass of", "alignments"],
                         classes) + "\n"
            + text_table(["property", "kind", "label (en)", "label (id)", "domain", "range",
                          "alignments"], properties))


def markdown(ontology: Ontology) -> str:
    """The ontology's documentation page, ontology/README.md."""
    source = f"Version {ontology.version}. Namespace `nkg: <{NKG}>`, in [`newskg.ttl`](newskg.ttl)."
    lines = [f"# {ontology.title}", "",
             f"<!-- Generated from newskg.ttl by `{REGENERATE}`; do not edit. -->", "",
             source, "", ontology.description, "", "## Classes", ""]
    lines += _table(["class", "label (en)", "label (id)", "subclass of", "alignments",
                     "description"],
                    [[f"`nkg:{t.name}`", t.labels.get("en", ""), t.labels.get("id", ""),
                      t.domain, _aligned(t), t.comment] for t in ontology.classes()])
    lines += ["", "## Properties", ""]
    lines += _table(["property", "kind", "label (en)", "label (id)", "domain", "range",
                     "alignments", "description"],
                    [[f"`nkg:{t.name}`", _kind(t), t.labels.get("en", ""),
                      t.labels.get("id", ""), t.domain, t.range, _aligned(t), t.comment]
                     for t in ontology.properties()])
    prefixes = [f"`{p}:` `<{ns}>`" for p, ns in sorted(ontology.prefixes.items())]
    lines += ["", "Prefixes: " + ", ".join(prefixes) + ".", ""]
    return "\n".join(lines)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(*header), "|" + "---|" * len(header), *(_row(*r) for r in rows)]


def _kind(term: OntologyTerm) -> str:
    return term.kind + (", symmetric" if term.symmetric else "")


def _aligned(term: OntologyTerm) -> str:
    return "<br>".join(term.alignments)


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
