"""The on-disk Oxigraph store: one named graph per article, plus the ontology's graph.

Every write replaces a whole graph in one transaction (adding a new graph's quads, or one
SPARQL update that drops the old graph and inserts the new): a rebuilt article never
duplicates facts, and a failed write leaves the old graph.
Queries see the union of all graphs as their default graph.
"""

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse,
)

from kg.articles import SUFFIXES
from kg.errors import KgError
from kg.resources import data_dir
from kg.vocab import ARTICLE, ONTOLOGY, PREFIXES, article_iri

DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"
ONTOLOGY_FILE = "newskg.ttl"
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                "WITH"}
# Comments, PREFIX and BASE declarations: what may come before a query's or update's first verb.
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)",
                       re.IGNORECASE)

if TYPE_CHECKING:  # kg.extract is imported only by code that extracts
    from kg.extract.model import Article

QueryResults = QuerySolutions | QueryBoolean | QueryTriples
Term = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class Counts:
    """How much a store (or a build) holds: articles, entities, deal events, distinct facts."""

    articles: int = 0
    entities: int = 0
    events: int = 0
    facts: int = 0


def default_store_path() -> Path:
    """The store folder: `$KG_STORE` if set, else `./kg-store`."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def open_store(path: Path | str | None = None, read_only: bool = False) -> Store:
    """Open (creating it unless `read_only`) the store in folder `path` (default: see above)."""
    path = Path(path) if path is not None else default_store_path()
    if path.exists() and not path.is_dir():
        raise KgError(f"the store {path} is a file; --store (or KG_STORE) must name a folder")
    is_store = (path / "CURRENT").is_file()  # RocksDB's marker file
    if read_only and not is_store:
        raise KgError(f"no store at {path}: build one first with `kg build PATH --store {path}`")
    if not is_store and path.is_dir() and any(path.iterdir()):
        # Opening would scatter database files among someone else's.
        raise KgError(f"{path} is a folder of other files, not a kg store; choose another")
    try:
        if read_only:
            return Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise KgError(f"the store {path} is in use by another kg process") from None
        raise KgError(f"cannot open the store {path}: {exc}") from None


def replace_article(store: Store, article: "Article") -> int:
    """Put the article's facts in its named graph, replacing what was there. Returns triples."""
    from kg.rdf import article_triples  # imports kg.extract.model: kept off the CLI's start-up

    return replace_graph(store, NamedNode(article_iri(article.id)), article_triples(article))


def replace_graph(store: Store, graph: NamedNode, triples: Iterable[Triple]) -> int:
    """Make `graph` hold exactly `triples`, in one transaction. Returns the number of triples."""
    quads = [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    try:
        if not store.contains_named_graph(graph):
            # A new graph (every article of a first build): adding its quads is the whole
            # write, one transaction, with no SPARQL text to print and parse again.
            store.extend(quads)
            return len(quads)
        # Terms print as N-Triples, which SPARQL reads as written: nothing is spliced from text.
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    except (OSError, SyntaxError) as exc:
        raise KgError(f"could not write graph {graph.value}: {exc}") from None
    return len(quads)


def ontology_file() -> Path:
    """The ontology shipped with the project (Turtle)."""
    return data_dir("ontology") / ONTOLOGY_FILE


def load_ontology(store: Store, path: Path | None = None) -> int:
    """Load the ontology into its own graph (`kg.vocab.ONTOLOGY`), replacing it. Returns triples."""
    path = path or ontology_file()
    if not path.is_file():
        raise KgError(f"ontology file not found: {path}")
    try:
        triples = [quad.triple for quad in parse(path=path, format=RdfFormat.TURTLE,
                                                 base_iri=ONTOLOGY)]
    except SyntaxError as exc:
        raise KgError(f"{path} is not valid Turtle: {exc}") from None
    return replace_graph(store, NamedNode(ONTOLOGY), triples)


def query(store: Store, sparql: str, params: dict[str, Term] | None = None) -> QueryResults:
    """Run a read-only SPARQL query over the union of all graphs, `params` bound as terms.

    The project's prefixes (`nkg:`, `person:`, `rdfs:` …) are predeclared.
    """
    substitutions = {Variable(name): value for name, value in (params or {}).items()}
    try:
        return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES,
                           substitutions=substitutions or None)
    except SyntaxError as exc:
        if is_update(sparql):
            raise KgError("kg query is read-only: SPARQL updates (INSERT, DELETE, DROP, LOAD, "
                          "CLEAR …) are refused; change the store with `kg build`") from None
        raise KgError(f"invalid SPARQL query: {exc}") from None
    except RuntimeError as exc:
        # Oxigraph refuses to bind a variable the query does not select.
        raise KgError(f"cannot bind the parameters: {exc}") from None
    except OSError as exc:
        raise KgError(f"cannot read the store: {exc}") from None


def is_update(sparql: str) -> bool:
    """Whether `sparql` is a SPARQL update (its first word after the prologue is an update verb)."""
    pos = 0
    while match := _PROLOGUE.match(sparql, pos):
        pos = match.end()
    word = re.match(r"\s*([A-Za-z]+)", sparql[pos:])
    return bool(word) and word.group(1).upper() in UPDATE_WORDS


def graph_name(ref: str) -> NamedNode:
    """The graph an `--graph` value names: a full IRI, an article id, or an article's file name."""
    if "://" in ref:
        try:
            return NamedNode(ref)
        except ValueError:
            raise KgError(f"not a valid IRI: {ref}") from None
    if ref.endswith(SUFFIXES):
        ref = Path(ref).stem
    return NamedNode(article_iri(ref))


def require_graph(store: Store, ref: str) -> NamedNode:
    """The graph `ref` names, which must be in the store."""
    graph = graph_name(ref)
    if not store.contains_named_graph(graph):
        known = sorted(g.value.removeprefix(ARTICLE) for g in store.named_graphs()
                       if isinstance(g, NamedNode) and g.value.startswith(ARTICLE))
        shown = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
        raise KgError(f"no graph {graph.value} in the store; articles: {shown or 'none'}")
    return graph


_COUNTS = """
SELECT
  (COUNT(DISTINCT ?article) AS ?articles)
  (COUNT(DISTINCT ?entity) AS ?entities)
  (COUNT(DISTINCT ?event) AS ?events)
WHERE {
  { ?article a nkg:Article }
  UNION { ?entity a ?kind VALUES ?kind { nkg:Person nkg:Organization nkg:Product nkg:Place } }
  UNION { ?event a ?kind VALUES ?kind { nkg:Investment nkg:Acquisition } }
}"""
_FACTS = """
SELECT (COUNT(*) AS ?facts) WHERE {
  SELECT DISTINCT ?s ?p ?o WHERE {
    ?statement a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
}"""


def stats(store: Store) -> Counts:
    """Counts of articles, entities, events and distinct facts over all graphs."""
    row = next(iter(query(store, _COUNTS)))
    facts = next(iter(query(store, _FACTS)))["facts"]
    return Counts(*(int(row[name].value) for name in ("articles", "entities", "events")),
                  facts=int(facts.value))
