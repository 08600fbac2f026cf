"""Queries with a time limit.

pyoxigraph cannot interrupt a query it is evaluating, and a thread cannot be stopped, so a
query with a limit runs in a child Python process (`python -m kg.timeout`) that opens the
store read-only, runs and renders the query, and pipes the text back. When the time is up the
child is killed (SIGKILL): a read-only reader leaves the store as it was. The limit counts
from the start of the child, whose start-up takes a few tenths of a second.
"""

import os
import pickle
import subprocess
import sys
from pathlib import Path

from kg.errors import KgError
from kg.queries import CannedQuery, run
from kg.results import render
from kg.store import read_store


def run_with_timeout(store: Path, canned: CannedQuery, params: dict[str, str], fmt: str,
                     seconds: float) -> str:
    """`canned` run over the store in folder `store` and rendered as `fmt`, within `seconds`."""
    if not seconds > 0:
        raise KgError(f"--timeout must be a number of seconds above 0, not {seconds:g}")
    request = pickle.dumps((str(store), canned, params, fmt))
    # The child imports kg from wherever this process did.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    child = subprocess.Popen([sys.executable, "-m", "kg.timeout"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        out, err = child.communicate(request, timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise KgError(f"the query ran longer than {seconds:g} s and was stopped "
                      "(raise --timeout to give it longer)") from None
    except BaseException:  # Ctrl-C: the child goes too
        child.kill()
        child.communicate()
        raise
    if child.returncode != 0 or not out:
        last = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise KgError(f"the query process failed (exit status {child.returncode}): {last[0]}")
    status, payload = pickle.loads(out)  # from the child this process started
    if status == "error":
        raise KgError(payload)
    if status == "bug":
        raise RuntimeError(payload)
    return payload


def _child() -> None:
    """In the child: read the request on stdin, write ("ok" | "error" | "bug", text) on stdout."""
    store, canned, params, fmt = pickle.load(sys.stdin.buffer)
    try:
        reply = ("ok", read_store(store, lambda s: render(run(s, canned, params), fmt)))
    except KgError as exc:
        reply = ("error", str(exc))
    except Exception as exc:
        reply = ("bug", f"{type(exc).__name__}: {exc}")
    sys.stdout.buffer.write(pickle.dumps(reply))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _child()
