"""The `kg` command: a thin layer over kg.build, kg.store, kg.queries and kg.export.

The library raises KgError; every command here reports it as one line, `kg: error: …`,
on stderr and exits with status 1. spaCy loads only in the commands that extract.
"""

import contextlib
import functools
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from kg import __version__
from kg.articles import check_articles, find_articles
from kg.build import build as build_store
from kg.build import extract_file
from kg.errors import KgError
from kg.export import FORMATS, export_article, format_name
from kg.export import export as export_store
from kg.export_graph import GRAPH_FORMATS, export_graph, graph_format
from kg.index import refresh as refresh_index
from kg.queries import canned_queries, get_query, parse_params, resolve, run
from kg.results import RESULT_FORMATS, render
from kg.store import DEFAULT_STORE, default_store_path, open_store, read_store, stats

RdfChoice = Enum("RdfChoice", {name: name for name in FORMATS}, type=str)
ExportChoice = Enum("ExportChoice", {name: name for name in (*FORMATS, *GRAPH_FORMATS)},
                    type=str)
ResultChoice = Enum("ResultChoice", {name: name for name in RESULT_FORMATS}, type=str)

app = typer.Typer(
    name="kg",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: rich would read `[default: …]` as markup
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Turn news articles (Indonesian, English) into a knowledge graph and query it.

\b
Example:
  kg build seeds/
  kg query reports-to
  kg query investments --format csv
  kg export -f turtle -o graph.ttl
""",
)

StoreOption = Annotated[Path | None, typer.Option(
    "--store", metavar="DIR", show_default=False,
    help=f"Store folder [default: $KG_STORE, else ./{DEFAULT_STORE}]")]
GraphOption = Annotated[str | None, typer.Option(
    "--graph", "-g", metavar="ARTICLE",
    help="Only this article's graph: its id (file name without .txt) or graph IRI.")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, metavar="0..1",
    help="Leave out facts the extractor read with less confidence than this.")]

F = TypeVar("F", bound=Callable[..., None])


def _reports_errors(command: F) -> F:
    """Turn library errors into one line on stderr and exit status 1: never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KgError as exc:
            _fail(str(exc))
        except BrokenPipeError:  # `kg query … | head`: the reader left, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        except Exception as exc:
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(f"unexpected {type(exc).__name__}: {exc} (set KG_DEBUG=1 for details)")

    return wrapper  # type: ignore[return-value]


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in ("id", "en"):
        raise KgError(f"--lang must be id or en, not {lang!r}")


def _fail(message: str) -> None:
    typer.echo(f"kg: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(1)


def _write(data: bytes | None) -> None:
    if data:
        stream = typer.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")]
         = False) -> None:
    """Turn news articles into a knowledge graph (see `kg --help`)."""


@app.command(short_help="Print one article's facts as RDF (no store).")
@_reports_errors
def extract(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Article file, UTF-8 text.")],
    fmt: Annotated[RdfChoice | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="RDF format [default: from OUT's ending, else turtle]")] = None,
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="OUT", help="Write here instead of stdout.")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="id|en", help="Article language [default: detected]")] = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Print the facts of one article as RDF (Turtle by default); the store is not touched.

    \b
    Example:
      kg extract seeds/yann-lecun-leaves-meta.id.txt
      kg extract article.txt -o facts.ttl
      kg extract article.txt -f jsonld --lang en
    """
    _check_lang(lang)
    name = format_name(fmt.value if fmt else None, out)
    article = extract_file(file, lang, min_confidence)
    _write(export_article(article, name, out))


@app.command(short_help="Extract articles into the store.")
@_reports_errors
def build(
    paths: Annotated[list[Path], typer.Argument(
        help="Article files, or folders searched for .txt and .md files.")],
    store: StoreOption = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="id|en", help="Language of every article [default: detected]")]
        = None,
    min_confidence: MinConfidenceOption = 0.0,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Extract in N processes.")] = 1,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Do not write an article whose facts break the SHACL shapes.")]
        = False,
) -> None:
    """Extract articles into the store; an article built again replaces its old facts.

    Every file is read before anything is written, and each article's facts are checked
    against ontology/shapes.ttl: violations are printed as warnings (with --strict, the
    article is not written and kg build exits with status 1).

    \b
    Example:
      kg build seeds/
      kg build news/ more/article.txt --store /data/kg
      kg build news/ --jobs 2
      kg build news/ --strict
    """
    _check_lang(lang)
    files = check_articles(find_articles(paths))  # before the store is opened (or created)
    opened = open_store(store)
    with _Progress(len(files)) as progress:
        report = build_store(files, opened, lang=lang, progress=progress,
                             min_confidence=min_confidence, jobs=jobs, strict=strict)
    total = stats(opened)
    where = store or default_store_path()
    typer.echo(f"built {_count(report.articles, 'article')} into {where}: "
               f"{_count(report.entities, 'entity', 'entities')}, "
               f"{_count(report.events, 'event')}, {_count(report.facts, 'fact')}")
    typer.echo(f"the store holds {_count(total.articles, 'article')}: "
               f"{_count(total.entities, 'entity', 'entities')}, "
               f"{_count(total.events, 'event')}, {_count(total.facts, 'fact')}")
    for path, violations in report.violations.items():
        for violation in violations:
            typer.echo(f"kg: warning: {path}: {violation}", err=True)
    if report.refused:
        raise KgError(f"--strict: {_count(len(report.refused), 'article')} not built, "
                      "because their facts break the shapes (see the warnings): "
                      + ", ".join(str(p) for p in report.refused))


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


class _Progress:
    """A progress bar on a terminal's stderr while building several files."""

    def __init__(self, total: int) -> None:
        self.total, self.bar, self.task = total, None, None

    def __enter__(self) -> Callable[[int, int, Path], None] | None:
        if self.total < 2:
            return None
        from rich.console import Console  # rich comes with typer; loaded only when building
        from rich.progress import Progress

        console = Console(stderr=True)
        if not console.is_terminal:  # a log file gets the summary only
            return None
        self.bar = Progress(console=console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("building", total=self.total)
        return self.advance

    def advance(self, done: int, total: int, path: Path) -> None:
        self.bar.update(self.task, completed=done, description=path.name)

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


@app.command("query", short_help="Run a read-only SPARQL query.")
@_reports_errors
def query_command(
    query: Annotated[str | None, typer.Argument(
        metavar="NAME|FILE.rq", help="A canned query (see `kg queries`) or a .rq file.")]
        = None,
    expression: Annotated[str | None, typer.Option(
        "--expression", "-e", metavar="SPARQL", help="Run this SPARQL text instead.")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE",
        help="Bind a parameter (repeatable); <iri> binds an IRI, anything else a string.")]
        = None,
    fmt: Annotated[ResultChoice, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="table for reading; csv, tsv, json: W3C SPARQL results formats.")]
        = ResultChoice.table,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", "-t", metavar="SECONDS", show_default=False,
        help="Stop the query after this long (it runs in a child process) [default: none]")]
        = None,
    store: StoreOption = None,
) -> None:
    """Run a read-only SPARQL query over all articles (the union of their graphs).

    The project's prefixes (nkg:, person:, organization:, rdfs:, ...) are predeclared.

    \b
    Example:
      kg query reports-to
      kg query reports-to --param person="Ana Souza"
      kg query investments --format csv
      kg query my-question.rq
      kg query -e 'SELECT ?name WHERE { ?p a nkg:Person ; rdfs:label ?name }'
      kg query people --timeout 10
    """
    canned = resolve(query, expression)
    params = parse_params(param or [])
    if timeout is not None:
        from kg.timeout import run_with_timeout

        where = store or default_store_path()
        text = run_with_timeout(where, canned, params, fmt.value, timeout)
    else:
        text = read_store(store, lambda s: render(run(s, canned, params), fmt.value))
    typer.echo(text, nl=not text.endswith("\n"))  # JSON ends without one; a shell wants it


@app.command("eval", short_help="Score extraction on articles with gold facts.")
@_reports_errors
def eval_command(
    folder: Annotated[Path, typer.Argument(
        help="Folder of NAME.txt articles, each with NAME.gold.jsonl beside it.")],
    scorer: Annotated[Path | None, typer.Option(
        "--scorer", metavar="SCORE.PY", show_default=False,
        help="The evaluation's score.py [default: $KG_SCORER, else ../shared/eval/score.py]")]
        = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="id|en", help="Language of every article [default: detected]")]
        = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Extract every article of a folder, score it against its gold facts, and print
    per-article scores, the per-relation table and the micro-averaged figures.

    \b
    Example:
      kg eval ../shared/eval/dev
      kg eval my-gold/ --scorer path/to/score.py --min-confidence 0.7
    """
    from kg.evaluate import evaluate, find_scorer, render

    _check_lang(lang)
    scores, total = evaluate(folder, find_scorer(scorer), lang, min_confidence)
    typer.echo(render(scores, total))


@app.command(short_help="List the canned queries.")
@_reports_errors
def queries() -> None:
    """List the canned queries, with what they answer and their parameters.

    \b
    Example:
      kg queries
    """
    catalog = canned_queries()
    width = max((len(name) for name in catalog), default=0)
    for name, canned in catalog.items():
        typer.echo(f"{name.ljust(width)}  {canned.summary}")
        indent = " " * (width + 2)
        for p in canned.params:
            typer.echo(f"{indent}  --param {p.name}=...  {p.description}")
        for example in canned.examples[1:] or canned.examples:
            typer.echo(f"{indent}  e.g. {example}")


@app.command(short_help="Check the store against the SHACL shapes.")
@_reports_errors
def validate(
    graph: GraphOption = None,
    store: StoreOption = None,
) -> None:
    """Check every article graph in the store (or one) against ontology/shapes.ttl.

    Prints each violation: the node, the property, what the shape asks, and the shape's
    name. Exits with status 1 when any article breaks the shapes.

    \b
    Example:
      kg validate
      kg validate --graph yann-lecun-leaves-meta.id
    """
    from kg.validate import format_reports, validate_store

    reports = read_store(store, lambda s: validate_store(s, graph))
    typer.echo(format_reports(reports), nl=False)
    if any(not report.conforms for report in reports):
        raise typer.Exit(1)


@app.command(short_help="Write the store as RDF, GraphML or CSV.")
@_reports_errors
def export(
    fmt: Annotated[ExportChoice | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="Format [default: from FILE's ending, else turtle]")] = None,
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write here instead of stdout (for csv: a folder).")] = None,
    graph: GraphOption = None,
    store: StoreOption = None,
) -> None:
    """Write the store as RDF. turtle, ntriples and rdfxml merge all graphs into one;
    trig, nquads and jsonld keep one named graph per article (jsonld with plain keys).

    For graph tools: graphml (Gephi, Cytoscape, yEd), and csv, which writes nodes.csv and
    edges.csv for `neo4j-admin database import` and gephi-nodes.csv and gephi-edges.csv for
    Gephi into the folder FILE. Both keep entities, deals and the facts between them.

    \b
    Example:
      kg export -f turtle -o graph.ttl
      kg export -f trig -o graph.trig
      kg export --graph yann-lecun-leaves-meta.id
      kg export -f graphml -o graph.graphml
      kg export -f csv -o neo4j-import/
    """
    chosen = fmt.value if fmt else None
    if kind := graph_format(chosen, out):
        _write(read_store(store, lambda s: export_graph(s, kind, out, graph)))
        return
    name = format_name(chosen, out)
    _write(read_store(store, lambda s: export_store(s, name, out, graph)))


@app.command(short_help="Serve the store over HTTP: SPARQL endpoint and query page.")
@_reports_errors
def serve(
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535)] = 7878,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on; anything but loopback opens the store to the "
                       "network, with no login.")] = "127.0.0.1",
    writable: Annotated[bool, typer.Option(
        "--writable", help="Accept SPARQL updates and Graph Store writes (locks the store: "
                           "kg build is refused while it runs).")] = False,
    query: Annotated[list[str] | None, typer.Option(
        "--query", "-q", metavar="NAME",
        help="Also print a link that opens the page with this canned query (repeatable).")]
        = None,
    store: StoreOption = None,
) -> None:
    """Serve the store over the W3C SPARQL 1.1 Protocol, with a query page for the browser.

    Read-only unless --writable. The default graph is the union of the article graphs, as in
    kg query. The server sees the store as it was when it started: restart it after kg build.
    Ctrl-C stops it; a --writable server's changes then reach the entity index.

    \b
    Example:
      kg serve
      kg serve --query reports-to --query investments
      kg serve --port 8080 --store /data/kg
    """
    from kg.serve import Server, canned_link, is_loopback, terminate_as_interrupt

    links = {name: get_query(name).text for name in query or []}
    server = Server(store or default_store_path(), host, port, writable)
    status = 0
    # Told to end before the server is waited on (Ctrl-C, SIGTERM), it still stops with it.
    with terminate_as_interrupt(), contextlib.suppress(KeyboardInterrupt), server:
        mode = "read-write" if writable else "read-only"
        typer.echo(f"serving {store or default_store_path()} ({mode}) at {server.url}; "
                   "Ctrl-C stops it")
        typer.echo(f"  query page       {server.url}")
        typer.echo(f"  SPARQL endpoint  {server.url}query"
                   + (f"  (updates: {server.url}update)" if writable else ""))
        typer.echo(f"  graph store      {server.url}store")
        for name, text in links.items():
            typer.echo(f"  {name}: {canned_link(server.url, text)}")
        if not is_loopback(host):
            typer.echo(f"kg: warning: listening on {host}: anyone who reaches this machine "
                       "can read the store", err=True)
        status = server.wait()
    if writable:  # SPARQL updates sent to the server changed the graphs, not the index
        refresh_index(open_store(store))
    if status:
        raise KgError(f"the oxigraph server stopped (exit status {status})")


@app.command(short_help="Send the store's graphs to a remote SPARQL store.")
@_reports_errors
def push(
    endpoint: Annotated[str, typer.Option(
        "--endpoint", metavar="URL", help="The remote Graph Store Protocol endpoint.")],
    graph: Annotated[list[str] | None, typer.Option(
        "--graph", "-g", metavar="ARTICLE",
        help="Only this graph: article id or graph IRI (repeatable) [default: all graphs].")]
        = None,
    user: Annotated[str | None, typer.Option(
        "--user", metavar="NAME",
        help="HTTP Basic login; the password comes from $KG_PUSH_PASSWORD.")] = None,
    retries: Annotated[int, typer.Option(
        "--retries", min=0, help="Retries of a graph after a transient failure.")] = 3,
    store: StoreOption = None,
) -> None:
    """Send every article's graph (and the ontology's) to a SPARQL 1.1 Graph Store Protocol
    endpoint: one PUT per graph, replacing what the remote store had in it.

    \b
    Example:
      kg push --endpoint http://localhost:7878/store
      kg push --endpoint http://localhost:3030/news/data --graph yann-lecun-leaves-meta.id
      kg push --endpoint http://localhost:7200/repositories/news/rdf-graphs/service
    """
    from kg.push import Endpoint
    from kg.push import push as push_graphs

    target = Endpoint(endpoint, user=user, password=os.environ.get("KG_PUSH_PASSWORD"),
                      retries=retries)
    report = push_graphs(open_store(store, read_only=True), target, graph)
    typer.echo(f"pushed {_count(len(report.pushed), 'graph')} "
               f"({_count(report.triples, 'triple')}) to {endpoint}")
    for iri, why in report.failed:
        typer.echo(f"failed: {iri}: {why}")
    if report.skipped:
        typer.echo(f"not tried: {_count(len(report.skipped), 'graph')}")
    if not report.ok:
        total = len(report.pushed) + len(report.failed) + len(report.skipped)
        raise KgError(f"{len(report.failed) + len(report.skipped)} of {total} graphs were not "
                      f"pushed: {report.failed[0][1]}")


from kg import cli_graph  # noqa: E402, F401  (registers kg show, kg stats, kg ontology)
