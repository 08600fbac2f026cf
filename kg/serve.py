"""Serve a store over HTTP: the Oxigraph server (from the `oxigraph` package) on the same folder.

The server speaks the W3C SPARQL 1.1 Protocol at `/query` (and `/update` when writable), the
Graph Store Protocol at `/store`, and serves a query page (YASGUI, bundled in the binary: it
works offline) at `/`. Like `kg query`, its default graph is the union of the article graphs.

Read-only by default (`oxigraph serve-read-only`): it takes no lock, so `kg query` and
`kg export` still work beside it, but it sees the store as it was when it started: restart it
after `kg build`. Writable (`oxigraph serve`) takes the store's lock: `kg build` is refused
until it stops.
"""

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO
from urllib.parse import quote

from kg.errors import KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
EXECUTABLE = "oxigraph"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def oxigraph_executable() -> Path:
    """The `oxigraph` server binary: beside this Python's own scripts, else on PATH."""
    beside = Path(sys.executable).parent / EXECUTABLE
    if beside.is_file():
        return beside
    found = shutil.which(EXECUTABLE)
    if found is None:
        raise KgError("the oxigraph server is not installed; install it with "
                      "`pip install 'oxigraph>=0.5,<0.6'` (newskg depends on it)")
    return Path(found)


def base_url(host: str, port: int) -> str:
    """`http://host:port/`, with an IPv6 address in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def page_link(url: str, sparql: str) -> str:
    """A link to the query page (at `url`) with `sparql` in its editor.

    YASGUI reads `#query=…&endpoint=…`; the endpoint must be given, since the page derives its
    default one from its own address, fragment included.
    """
    return f"{url}#query={quote(sparql, safe='')}&endpoint={quote(url + 'query', safe='')}"


def server_command(store: Path | None, host: str, port: int,
                   writable: bool = False) -> list[str]:
    """The command line that serves `store` (None: an empty one in memory) on `host:port`."""
    mode = "serve" if writable else "serve-read-only"
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    location = ["--location", str(store)] if store is not None else []
    return [str(oxigraph_executable()), mode, *location, "--bind", bind,
            "--union-default-graph"]


class Server:
    """An Oxigraph server process on a store folder; `with Server(...) as s:` starts and stops it.

    `store=None` with `writable=True` serves an empty in-memory store (for tests and benchmarks).
    """

    def __init__(self, store: Path | str | None, host: str = DEFAULT_HOST,
                 port: int = DEFAULT_PORT, writable: bool = False) -> None:
        self.store = Path(store) if store is not None else None
        self.host, self.port, self.writable = host, port, writable
        self.url = base_url(host, port)
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None  # the server's own messages, read if it fails

    def start(self, timeout: float = 30.0) -> "Server":
        """Start the server and wait (at most `timeout` seconds) until it answers."""
        command = self._command()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (open while the server runs)
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _command(self) -> list[str]:
        if self.store is None:
            if not self.writable:
                raise KgError("a read-only server needs a store folder")
        elif not (self.store / "CURRENT").is_file():
            raise KgError(f"no store at {self.store}: build one first with "
                          f"`kg build PATH --store {self.store}`")
        return server_command(self.store, self.host, self.port, self.writable)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = self.url + "query?query=" + quote("ASK {}")
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise KgError(f"the oxigraph server stopped at start: {self._last_message()}")
            try:
                with urllib.request.urlopen(probe, timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise KgError(f"the oxigraph server did not answer at {self.url} "
                                  f"within {timeout:g} s") from None
                time.sleep(0.1)

    def _last_message(self) -> str:
        """The last line the server wrote (its error, when it stopped)."""
        text = b""
        if self.log is not None:
            self.log.seek(0)
            text = self.log.read()
        lines = [line for line in text.decode(errors="replace").splitlines() if line.strip()]
        errors = [line.removeprefix("Error: ") for line in lines if line.startswith("Error: ")]
        status = self.process.returncode if self.process else None
        return (errors or lines or [f"exit status {status}"])[-1]

    def wait(self) -> int:
        """Wait until the server process ends, or this one is interrupted (Ctrl-C) or
        terminated (SIGTERM, which stops the server too); the server's exit status."""
        if self.process is None:
            return 0
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            status = self.process.wait()
            # Ctrl-C reaches the server too, which may end before this process notices.
            return 0 if status in (-signal.SIGINT, -signal.SIGTERM) else status
        except KeyboardInterrupt:
            self.stop()
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after `timeout` seconds)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        if self.log is not None:
            self.log.close()
            self.log = None

    def __enter__(self) -> "Server":
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt as Ctrl-C does, so that a `with
    Server` block inside it stops its server whenever this process is told to end."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def canned_link(url: str, sparql: str) -> str:
    """`page_link` for a canned query, without its comment lines but the summary."""
    kept = [line for line in sparql.splitlines()
            if not line.lstrip().startswith("#") or line.lstrip("# ").startswith("summary:")]
    return page_link(url, "\n".join(kept) + "\n")


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now, on `host`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this machine."""
    return host in LOOPBACK or host.startswith("127.")
