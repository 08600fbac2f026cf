"""Push the store's graphs to a remote SPARQL 1.1 Graph Store Protocol endpoint.

One `PUT <endpoint>?graph=<graph IRI>` per named graph (each article's, and the ontology's),
which replaces what the remote store had in that graph. A PUT is idempotent, so transient
failures (connection refused or reset, time-outs, HTTP 408, 429, 500, 502, 503, 504) are
retried; other answers fail that graph at once. Endpoints, for example:

    Oxigraph server    http://localhost:7878/store
    Apache Jena Fuseki http://localhost:3030/DATASET/data
    GraphDB            http://localhost:7200/repositories/REPO/rdf-graphs/service
    Virtuoso           http://localhost:8890/sparql-graph-crud

Logins are HTTP Basic, sent with every request (Virtuoso's `-auth` endpoint wants Digest).
"""

import base64
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from pyoxigraph import NamedNode, RdfFormat, Store, serialize

from kg.errors import KgError
from kg.store import require_graph
from kg.vocab import INDEX, PREFIXES

TRANSIENT = {408, 425, 429, 500, 502, 503, 504}
# Answers that no other graph would get past either: stop instead of failing every graph.
FATAL = {401, 403, 404, 405}
CONTENT_TYPE = "text/turtle; charset=utf-8"
MAX_WAIT = 30.0  # seconds: the longest Retry-After honoured

# Called after each graph: (graphs done, graphs in all, graph IRI, error or None).
Progress = Callable[[int, int, str, str | None], None]


@dataclass
class PushReport:
    """What a push did: the graphs sent (IRI, triples), failed (IRI, why) and not tried."""

    endpoint: str
    pushed: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.pushed)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.skipped


class PushError(Exception):
    """One graph could not be pushed; `fatal` when no other graph would fare better."""

    def __init__(self, message: str, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


@dataclass
class Endpoint:
    """A Graph Store Protocol endpoint, with optional HTTP Basic credentials."""

    url: str
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise KgError(f"--endpoint must be an http:// or https:// URL, not {self.url!r}")
        if parts.fragment:
            raise KgError(f"--endpoint must not have a #fragment: {self.url}")
        if self.retries < 0:
            raise KgError("--retries must be 0 or more")

    def graph_url(self, graph: str) -> str:
        """The URL naming `graph` on this endpoint (`?graph=`, percent-encoded)."""
        joiner = "&" if urlsplit(self.url).query else "?"
        return f"{self.url}{joiner}graph={quote(graph, safe='')}"

    def put(self, graph: str, body: bytes) -> None:
        """PUT `body` (Turtle) as `graph`, retrying transient failures; raises PushError."""
        for attempt in range(self.retries + 1):
            try:
                self._send(graph, body)
                return
            except urllib.error.HTTPError as exc:
                error, wait = _http_error(exc), _retry_after(exc)
                if exc.code not in TRANSIENT:
                    raise PushError(error, fatal=exc.code in FATAL) from None
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                error, wait = f"cannot connect: {reason}", None
            if attempt < self.retries:
                self.sleep(wait if wait is not None else self.backoff * 2 ** attempt)
        tries = f" (tried {self.retries + 1} times)" if self.retries else ""
        raise PushError(error + tries, fatal=error.startswith("cannot connect"))

    def _send(self, graph: str, body: bytes) -> None:
        request = urllib.request.Request(self.graph_url(graph), data=body, method="PUT",
                                         headers={"Content-Type": CONTENT_TYPE})
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()


def _http_error(exc: urllib.error.HTTPError) -> str:
    try:
        detail = exc.read(300).decode("utf-8", errors="replace")
    except OSError:
        detail = ""
    detail = " ".join(detail.split())
    return f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    value = exc.headers.get("Retry-After") if exc.headers else None
    try:
        return min(float(value), MAX_WAIT) if value is not None else None
    except ValueError:
        return None  # an HTTP date: back off as usual


def graph_body(store: Store, graph: NamedNode) -> tuple[bytes, int]:
    """The graph's triples as Turtle, and how many there are."""
    triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES), len(triples)


def graphs_to_push(store: Store, refs: Iterable[str] | None = None) -> list[NamedNode]:
    """The graphs named by `refs` (article ids or IRIs, which must exist), else all, sorted.

    The entity index (`kg.index`) goes with a selection of graphs too: it names the entities
    of every article, and the remote store's canned queries read it.
    """
    if refs:
        graphs = list(dict.fromkeys(require_graph(store, ref) for ref in refs))
        index = NamedNode(INDEX)
        if index not in graphs and store.contains_named_graph(index):
            graphs.append(index)
        return graphs
    graphs = sorted((g for g in store.named_graphs() if isinstance(g, NamedNode)),
                    key=lambda g: g.value)
    if not graphs:
        raise KgError("the store is empty: nothing to push (build it first with `kg build`)")
    return graphs


def push(store: Store, endpoint: Endpoint, graphs: Iterable[str] | None = None,
         progress: Progress | None = None) -> PushReport:
    """Send each graph (all of them, or those `graphs` names) to `endpoint`, one PUT each.

    A graph that fails is reported and the push goes on, unless the failure would repeat for
    every graph (refused credentials, no such endpoint, nobody listening): then the rest are
    skipped. Never raises for a failed graph: read the report.
    """
    names = graphs_to_push(store, graphs)
    report = PushReport(endpoint.url)
    for done, graph in enumerate(names, start=1):
        body, count = graph_body(store, graph)
        try:
            endpoint.put(graph.value, body)
        except PushError as exc:
            report.failed.append((graph.value, str(exc)))
            if progress:
                progress(done, len(names), graph.value, str(exc))
            if exc.fatal:
                report.skipped = [g.value for g in names[done:]]
                break
            continue
        report.pushed.append((graph.value, count))
        if progress:
            progress(done, len(names), graph.value, None)
    return report
