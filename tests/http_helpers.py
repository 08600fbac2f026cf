"""HTTP on loopback for the server and push tests: SPARQL over the protocol, a scripted stub."""

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from pyoxigraph import QueryResultsFormat

from kg.queries import CannedQuery, run

JSON_RESULTS = "application/sparql-results+json"


def sparql(url: str, query: str) -> dict:
    """POST `query` to the SPARQL endpoint `url` (W3C protocol); the JSON results."""
    request = urllib.request.Request(url, data=query.encode(), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": JSON_RESULTS})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith(JSON_RESULTS)
        return json.load(response)


def update(url: str, text: str) -> int:
    """POST a SPARQL update; the HTTP status (an error status is returned, not raised)."""
    request = urllib.request.Request(url, data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def rows(results: dict, drop: tuple[str, ...] = ()) -> list[dict]:
    """The bindings of W3C JSON results as plain dicts, without the columns `drop`."""
    return [{k: v for k, v in b.items() if k not in drop} for b in results["results"]["bindings"]]


def local_rows(store, canned: CannedQuery) -> list[dict]:
    """What `kg query NAME` finds in a local store, as `rows` gives it."""
    data = run(store, canned).serialize(format=QueryResultsFormat.JSON)
    return rows(json.loads(data))


class Stub:
    """A Graph Store endpoint that answers PUTs from a script: statuses, then 204 for good."""

    def __init__(self, statuses: list[int], headers: dict[str, str] | None = None) -> None:
        self.statuses, self.headers = list(statuses), headers or {}
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []


@contextmanager
def stub_endpoint(statuses: list[int], headers: dict[str, str] | None = None
                  ) -> Iterator[tuple[str, Stub]]:
    """(URL, stub) of a server on a free loopback port, for the `with` block."""
    stub = Stub(statuses, headers)

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            stub.requests.append((self.command, self.path, dict(self.headers), body))
            status = stub.statuses.pop(0) if stub.statuses else 204
            self.send_response(status)
            for name, value in (stub.headers.items() if status != 204 else ()):
                self.send_header(name, value)
            message = b"" if status < 300 else f"scripted {status}".encode()
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store", stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
