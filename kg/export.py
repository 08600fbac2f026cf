"""Write RDF out: the whole store, one article's graph, or one freshly extracted article.

Turtle, N-Triples and RDF/XML have no named graphs: the store's graphs are merged (each
triple once). TriG, N-Quads and JSON-LD keep every article in its own graph. JSON-LD is
compacted with a context made from the ontology, so its keys read plainly (kg.jsonld).
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pyoxigraph import Quad, RdfFormat, Store, Triple, serialize

from kg.errors import KgError
from kg.files import replacing
from kg.store import query, require_graph
from kg.vocab import PREFIXES

if TYPE_CHECKING:  # kg.extract is imported only by code that extracts
    from kg.extract.model import Article

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
EXTENSIONS = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig",
              ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".xml": "rdfxml",
              ".owl": "rdfxml"}
_ALL_TRIPLES = """
CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o }"""

Output = Path | BinaryIO | None


def format_name(fmt: str | None, out: Path | None = None) -> str:
    """The format to write: `fmt` if given, else guessed from `out`'s ending, else Turtle."""
    if fmt:
        name = fmt.lower().replace("-", "").replace("_", "")
        if name not in FORMATS:
            raise KgError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        return name
    if out is not None and out.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[out.suffix.lower()]
    return "turtle"


def export(store: Store, fmt: str, out: Output = None, graph: str | None = None) -> bytes | None:
    """Serialize the store (or only the graph `graph`: article id or IRI) as `fmt`.

    Writes to `out` (a path or a binary file) and returns None, or returns the bytes.
    """
    rdf_format = FORMATS[format_name(fmt)]
    if graph is not None:
        name = require_graph(store, graph)
        # One graph fits in memory; sorted, Turtle prints one block per subject.
        quads = sorted(store.quads_for_pattern(None, None, None, name), key=_order)
        if rdf_format.supports_datasets:
            return _write(quads, rdf_format, out)
        return _write((q.triple for q in quads), rdf_format, out)
    if rdf_format.supports_datasets:
        return _dump(store, rdf_format, out)
    return _write(query(store, _ALL_TRIPLES), rdf_format, out)


def export_article(article: "Article", fmt: str, out: Output = None) -> bytes | None:
    """Serialize one extracted article, without a store; datasets keep its named graph."""
    from kg.rdf import article_quads, article_triples  # kept off the CLI's start-up

    rdf_format = FORMATS[format_name(fmt)]
    if rdf_format.supports_datasets:
        return _write(article_quads(article), rdf_format, out)
    return _write(sorted(article_triples(article), key=_order), rdf_format, out)


def _order(statement: Triple | Quad) -> tuple[str, str, str]:
    return str(statement.subject), str(statement.predicate), str(statement.object)


def _dump(store: Store, rdf_format: RdfFormat, out: Output) -> bytes | None:
    if rdf_format == RdfFormat.JSON_LD:
        return _write(store, rdf_format, out)
    return _to_output(lambda target: store.dump(target, rdf_format, prefixes=PREFIXES), out)


def _write(items: Iterable[Triple] | Iterable[Quad], rdf_format: RdfFormat,
           out: Output) -> bytes | None:
    if rdf_format == RdfFormat.JSON_LD:  # compacted with the ontology's context: plain keys
        from kg.jsonld import to_jsonld  # rdflib loads only for JSON-LD

        data = to_jsonld(items)  # type: ignore[arg-type]  # always quads here
        return _to_output(lambda target: _put(data, target), out)
    return _to_output(lambda target: serialize(items, target, rdf_format, prefixes=PREFIXES),
                      out)


def _put(data: bytes, target: str | BinaryIO | None) -> bytes | None:
    if target is None:
        return data
    if isinstance(target, str):
        Path(target).write_bytes(data)
    else:
        target.write(data)
    return None


def _to_output(write: Callable[[str | BinaryIO | None], bytes | None],
               out: Output) -> bytes | None:
    """Run `write` on the output: a path (written whole or not at all), a binary file, or
    nothing (it returns the bytes)."""
    try:
        if isinstance(out, Path):
            with replacing(out) as temporary:  # pyoxigraph takes a path as str
                return write(str(temporary))
        return write(out)
    except OSError as exc:
        raise KgError(f"cannot write {out}: {exc.strerror or exc}") from None
