"""Print query results: an aligned table for people, or W3C CSV, TSV and JSON for programs.

SELECT results in csv/tsv/json follow the W3C SPARQL 1.1 results formats, as Oxigraph writes
them. CONSTRUCT/DESCRIBE results are RDF: Turtle (table), JSON-LD (json), N-Triples (csv/tsv).
"""

from decimal import Decimal, InvalidOperation

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    serialize,
)

from kg.errors import KgError
from kg.store import QueryResults
from kg.vocab import PREFIXES

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_W3C = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
        "json": QueryResultsFormat.JSON}
_GRAPH = {"table": RdfFormat.TURTLE, "json": RdfFormat.JSON_LD, "csv": RdfFormat.N_TRIPLES,
          "tsv": RdfFormat.N_TRIPLES}
XSD = PREFIXES["xsd"]
_NUMBERS = {XSD + name for name in ("decimal", "double", "float")}
# Longest namespace first, so `person:` wins over a shorter prefix of the same IRI.
_NAMESPACES = sorted(((iri, name) for name, iri in PREFIXES.items()), key=lambda p: -len(p[0]))


def render(results: QueryResults, fmt: str = "table") -> str:
    """The results as text in `fmt` (table, csv, tsv or json)."""
    if fmt not in RESULT_FORMATS:
        raise KgError(f"unknown format {fmt!r}; choose one of: {', '.join(RESULT_FORMATS)}")
    try:
        if isinstance(results, QueryTriples):
            return serialize(results, format=_GRAPH[fmt], prefixes=PREFIXES).decode()
        if fmt != "table":
            return results.serialize(format=_W3C[fmt]).decode()
        if isinstance(results, QueryBoolean):
            return f"{str(bool(results)).lower()}\n"
        return table(results)
    except OSError as exc:  # evaluation runs lazily, while the results are read
        raise KgError(f"query failed: {exc}") from None


def table(results: QuerySolutions) -> str:
    """An aligned text table with a header row and a row count."""
    names = [v.value for v in results.variables]
    rows = [[cell(solution[name]) for name in names] for solution in results]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [_line(names, widths), "-+-".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    return " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def cell(term: NamedNode | BlankNode | Literal | None) -> str:
    """A term as a person reads it: a literal's value, a short IRI, nothing for unbound."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = number(term) if term.datatype.value in _NUMBERS else term.value
        return " ".join(text.split())  # a table row is one line
    if isinstance(term, NamedNode):
        return short_iri(term.value)
    return str(term)


def number(term: Literal) -> str:
    """A decimal as written plainly: 14000000000 (not 1.4E10 or 14000000000.0), 0.9."""
    try:
        value = Decimal(term.value)
    except InvalidOperation:
        return term.value  # NaN, INF or an ill-typed literal: as stored
    if not value.is_finite():
        return term.value
    return format(value.quantize(Decimal(1)) if value == value.to_integral_value()
                  else value.normalize(), "f")


def short_iri(iri: str) -> str:
    """`person:yann-lecun` for an IRI under a known prefix, else `<iri>`."""
    for namespace, name in _NAMESPACES:
        local = iri.removeprefix(namespace)
        if local != iri and local and all(c.isalnum() or c in "-_." for c in local):
            return f"{name}:{local}"
    return f"<{iri}>"
