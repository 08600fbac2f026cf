"""The on-disk Oxigraph store: one named graph per article, plus the ontology's graph.

Every write replaces whole graphs atomically: a graph already in the store is replaced by
one SPARQL update (drop, then insert) in a transaction; new graphs, which a first build
makes by the thousand, are gathered by `GraphWriter` and added in batches by Oxigraph's
bulk loader, whose batch is ingested in one step. A rebuilt article never duplicates facts,
and a failed or killed write leaves each graph as it was or as it was meant to be.
Queries see the union of all graphs as their default graph. Each write also updates the
entity index (`kg.index`), a derived graph the canned queries read names from.
"""

import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

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

from kg import index
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
            return _open_read_only(path)
        path.mkdir(parents=True, exist_ok=True)
        store = Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise KgError(f"the store {path} is in use by another kg process") from None
        raise KgError(f"cannot open the store {path}: {exc}") from None
    _remove_unfinished_batches(path)
    if index.is_missing(store):  # a store written before kg kept an index
        index.refresh(store)
    return store


def _open_read_only(path: Path, attempts: int = 4) -> Store:
    """Open the store read-only, trying again briefly if its files change meanwhile.

    A process holding the store for writing may be flushing or compacting its tables, which
    renames and deletes files under a reader that is opening it: a moment later they are
    consistent again.
    """
    for attempt in range(1, attempts):
        try:
            return Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if isinstance(exc, RuntimeError) and not _vanished(exc):
                raise
            time.sleep(0.1 * attempt)
    return Store.read_only(str(path))  # the last attempt's error is the one reported


T = TypeVar("T")


def read_store(path: Path | str | None, action: Callable[[Store], T], attempts: int = 4) -> T:
    """Run `action` on the store opened read-only; again, on a fresh opening, if a process
    writing the store removed a table file that the reading needed.

    A writer compacts its tables in the background: it writes new files and deletes the old
    ones, which a reader that opened the store a moment before still lists. Read-only commands
    that may run beside `kg build` or `kg serve --writable` go through here.
    """
    for attempt in range(1, attempts + 1):
        try:  # opening reads the file list too, and may meet the same
            return action(open_store(path, read_only=True))
        except (OSError, RuntimeError) as exc:
            if attempt == attempts or not _vanished(exc):
                raise
        time.sleep(0.1 * attempt)
    raise AssertionError("unreachable")  # the last attempt returns or raises


def _vanished(exc: Exception) -> bool:
    """Did RocksDB fail because a file it listed is gone?"""
    return "No such file or directory" in str(exc)


def _remove_unfinished_batches(path: Path) -> None:
    """Delete the table files of a bulk load that was killed before it was ingested.

    They hold no part of the store (an ingestion takes all of a batch's files or none), and
    only the process holding the store's lock, this one, could be loading them.
    """
    for leftover in path.glob("bulk-*.sst"):  # the names Oxigraph's bulk loader gives them
        leftover.unlink(missing_ok=True)


def replace_article(store: Store, article: "Article") -> int:
    """Put the article's facts in its named graph, replacing what was there. Returns triples."""
    from kg.rdf import article_quads  # imports kg.extract.model: kept off the CLI's start-up

    graph = NamedNode(article_iri(article.id))
    return replace_entity_graph(store, graph, list(article_quads(article)))


def replace_entity_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> int:
    """`replace_graph` for a graph of entities (an article's), keeping the entity index
    (`kg.index`) in step: the entities it named before and those it names now."""
    entities = index.labelled_in(store, graph) | index.labelled(quads)
    count = replace_graph(store, graph, quads)
    index.update(store, entities)
    return count


def replace_graph(store: Store, graph: NamedNode, triples: Iterable[Triple | Quad]) -> int:
    """Make `graph` hold exactly `triples` (or quads: their graph is ignored), in one
    transaction. Returns the number of triples."""
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


def add_graphs(store: Store, graphs: dict[NamedNode, list[Quad]]) -> None:
    """Add the quads of graphs the store does not hold yet, all of them or none.

    Oxigraph's bulk loader writes the quads into new table files and hands them to RocksDB
    in one ingestion, which is atomic across its tables as long as the batch stays under the
    loader's chunk size (a million quads; `GraphWriter` keeps batches far smaller). It is
    twice as fast as a transaction, but it does not replace: the graphs must be new.

    The index entries of entities new to the store go in the same load; an entity whose
    name gets smaller (a new spelling) is renamed after it, in a transaction of its own.
    """
    entries = index.additions(store, (q for quads in graphs.values() for q in quads))
    try:
        store.bulk_extend(chain((q for quads in graphs.values() for q in quads), entries.new))
    except OSError as exc:
        names = ", ".join(graph.value for graph in graphs)
        raise KgError(f"could not write graphs {names}: {exc}") from None
    index.rename(store, entries.renamed)


class GraphWriter:
    """Replaces article graphs in a store, adding new ones in batches (see `add_graphs`).

    Use it as a context manager, or call `flush` at the end: a new graph is in the store
    only once its batch is written. A graph already in the store is replaced at once.
    """

    BATCH_GRAPHS = 100
    # Far under the bulk loader's one-ingestion chunk of a million quads: see `add_graphs`.
    BATCH_QUADS = 200_000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: dict[NamedNode, list[Quad]] = {}
        self.pending_quads = 0

    def write(self, graph: NamedNode, quads: list[Quad]) -> int:
        """Make `graph` hold exactly `quads`, all in `graph` (a new graph: once its batch is
        written). Returns the number of quads."""
        if graph in self.pending:  # written twice in one batch: the later one replaces
            self.flush()
        if self.store.contains_named_graph(graph) or len(quads) >= self.BATCH_QUADS:
            # an outsized graph goes alone in a transaction: no batch may pass the chunk size
            return replace_entity_graph(self.store, graph, quads)
        self.pending[graph] = quads
        self.pending_quads += len(quads)
        if len(self.pending) >= self.BATCH_GRAPHS or self.pending_quads >= self.BATCH_QUADS:
            self.flush()
        return len(quads)

    def flush(self) -> None:
        """Write the new graphs gathered so far."""
        if self.pending:
            graphs, self.pending, self.pending_quads = self.pending, {}, 0
            add_graphs(self.store, graphs)

    def __enter__(self) -> "GraphWriter":
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Also when the build stops on an error: the articles read before it are written.
        self.flush()


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
