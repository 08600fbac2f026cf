"""Canned SPARQL queries (`queries/*.rq`, one question per file) and user queries.

Each canned query starts with a comment header that `kg queries` shows:

    # summary: Who reports to whom.
    # param: person — optional; a person's name; only their managers
    # example: kg query reports-to --param person="Ana Souza"

Parameters are bound as RDF terms (never pasted into the query text): a value becomes a plain
string literal, or an IRI when written `<https://…>`.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryResultsFormat,
    QuerySolutions,
    Store,
    parse_query_results,
)

from kg.errors import KgError
from kg.index import is_missing
from kg.resources import data_dir
from kg.store import QueryResults, Term, query
from kg.vocab import INDEX

HEADER_LINE = re.compile(r"#\s*(summary|param|example)\s*:\s*(.*)$", re.IGNORECASE)
# "name — description": an em dash, en dash, hyphen(s) or colon separates the two.
PARAM = re.compile(r"([A-Za-z_]\w*)\s*(?:\u2014|\u2013|--|-|:)\s*(.*)$")
PARAM_ARG = re.compile(r"([A-Za-z_]\w*)=(.*)$", re.DOTALL)


@dataclass(frozen=True)
class Param:
    """A parameter of a canned query: bound to the query variable of the same name."""

    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class CannedQuery:
    """A query file and what its header says about it."""

    name: str
    text: str
    summary: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        """The parameter called `name`, if the query has one."""
        return next((p for p in self.params if p.name == name), None)


def parse_query_file(path: Path) -> CannedQuery:
    """Read a `.rq` file and its comment header (the `#` lines before the query starts)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"cannot read query file {path}: {exc}") from None
    summary, params, examples = parse_header(text)
    return CannedQuery(path.stem, text, summary, params, examples)


def parse_header(text: str) -> tuple[str, tuple[Param, ...], tuple[str, ...]]:
    """(summary, params, examples) from the leading comment lines of a query."""
    summary, params, examples = "", [], []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "summary":
            summary = value
        elif key == "example":
            examples.append(value)
        elif param := PARAM.match(value):
            description = param.group(2).strip()
            required = description.lower().startswith("required")
            params.append(Param(param.group(1), description, required))
    return summary, tuple(params), tuple(examples)


@cache
def canned_queries() -> dict[str, CannedQuery]:
    """Every canned query by name (the file name without `.rq`), sorted by name."""
    folder = data_dir("queries")
    return {path.stem: parse_query_file(path) for path in sorted(folder.glob("*.rq"))}


def get_query(name: str) -> CannedQuery:
    """The canned query `name`; the error lists the available names."""
    queries = canned_queries()
    if name not in queries:
        raise KgError(f"no canned query {name!r}; available: {', '.join(queries)} "
                      "(or give a .rq file, or -e 'SPARQL')")
    return queries[name]


def resolve(source: str | None, expression: str | None = None) -> CannedQuery:
    """The query to run: `-e` text, a `.rq` file path, or a canned query's name."""
    if expression is not None:
        if source is not None:
            raise KgError("give either a query (name or file) or -e 'SPARQL', not both")
        return CannedQuery("-e", valid_text(expression, "the -e query"))
    if source is None:
        raise KgError("which query? give a canned query name (see `kg queries`), "
                      "a .rq file, or -e 'SPARQL'")
    path = Path(source)
    if source in canned_queries():
        return get_query(source)
    if source.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise KgError(f"no such query file: {source}")
        # A user's file runs as written; its header, if any, is only documentation.
        return CannedQuery(str(path), parse_query_file(path).text)
    return get_query(source)  # the error lists the canned queries


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`["person=Ana Souza", …]` as a dict; the value is everything after the first `=`."""
    params: dict[str, str] = {}
    for pair in pairs:
        match = PARAM_ARG.match(pair)
        if not match:
            raise KgError(f"--param takes name=value, got {pair!r}")
        if match.group(1) in params:
            raise KgError(f"--param {match.group(1)} is given twice")
        params[match.group(1)] = valid_text(match.group(2), f"--param {match.group(1)}")
    return params


def valid_text(text: str, what: str) -> str:
    """`text`, if it is Unicode text: a shell hands over bytes that are not UTF-8 as surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise KgError(f"{what} is not valid UTF-8 text (an invalid byte at character {exc.start})"
                      ) from None
    return text


def to_term(value: str) -> Term:
    """A parameter's RDF term: `<iri>` is an IRI, anything else a plain string literal."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return NamedNode(value[1:-1])
        except ValueError:
            raise KgError(f"not a valid IRI: {value}") from None
    return Literal(value)


def run(store: Store, canned: CannedQuery, params: dict[str, str] | None = None) -> QueryResults:
    """Run a query with `params` bound; a canned query's parameter columns are left out."""
    params = params or {}
    if canned.params:
        _check_params(canned, params)
    if INDEX in canned.text and is_missing(store):
        raise KgError(f"query {canned.name} reads the entity index, which this store lacks "
                      "(written by an older kg): build into it again to make the index")
    results = query(store, canned.text, {name: to_term(v) for name, v in params.items()})
    hidden = [p.name for p in canned.params]
    if hidden and isinstance(results, QuerySolutions):
        return drop_columns(results, hidden)
    return results


def _check_params(canned: CannedQuery, params: dict[str, str]) -> None:
    names = ", ".join(p.name for p in canned.params)
    for name in params:
        if canned.param(name) is None:
            raise KgError(f"query {canned.name} has no parameter {name!r}; it takes: {names}")
    for param in canned.params:
        if param.required and param.name not in params:
            raise KgError(f"query {canned.name} needs --param {param.name}=…")


def drop_columns(results: QuerySolutions, names: list[str]) -> QuerySolutions:
    """The same solutions without the columns `names`.

    A bound parameter must be selected by the query (Oxigraph binds only projected variables),
    but it is not an answer: it is removed here, through the W3C TSV results format, whose
    terms are written as in N-Triples (a tab or line break inside a literal is escaped), so
    columns split on tabs and rows on line breaks.
    """
    text = results.serialize(format=QueryResultsFormat.TSV).decode("utf-8")
    lines = text.removesuffix("\n").split("\n")  # an empty line is a row of unbound values
    keep = [n for n, var in enumerate(lines[0].split("\t")) if var.lstrip("?") not in names]
    kept = ["\t".join(cols[n] for n in keep) for cols in (line.split("\t") for line in lines)]
    return parse_query_results("\n".join(kept) + "\n", QueryResultsFormat.TSV)
