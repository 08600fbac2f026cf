"""Crash safety: `kg build` killed (SIGKILL) at any moment leaves every graph whole.

A store holds the old version of articles 0-3; `kg build` of the new version of articles
0-5 is killed before, during and after writes (0-3 are replaced one by one, 4 and 5 are
added in one batch). Afterwards the store opens, and each article
graph is exactly its old version (or absent, for 4 and 5) or exactly its new version; the
ontology graph is complete. A build run to the end then gives the new version of every graph.
"""

import gc
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from crash_build import article_from, article_text
from pyoxigraph import BlankNode, NamedNode, RdfFormat, Store, parse

import kg.build
from kg.build import build
from kg.rdf import article_triples
from kg.store import ontology_file, open_store, replace_graph
from kg.vocab import ONTOLOGY, article_iri

OLD, NEW = range(4), range(6)
DRIVER = Path(__file__).with_name("crash_build.py")
# (print line to wait for, then seconds before SIGKILL). A write of one article takes a few
# tens of milliseconds, so the short delays mostly land inside the write; where exactly each
# kill lands does not matter: every outcome is checked the same way.
KILLS = [
    (f"write {ONTOLOGY}", 0.0),
    (f"write {article_iri('a2')}", 0.005),
    (f"wrote {article_iri('a2')}", 0.0),
    # a4 and a5 are new: they are added in one batch, after a line for each.
    (f"write {article_iri('a5')}", 0.0),
    (f"write {article_iri('a5')}", 0.003),
    (f"write {article_iri('a5')}", 0.01),
    (f"wrote {article_iri('a5')}", 0.0),  # the last write: every graph is new
]


def write_articles(folder: Path, version: str, numbers: range) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"a{n}.txt").write_text(article_text(version, n), encoding="utf-8")


@cache
def expected_graph(version: str, n: int) -> frozenset:
    """The triples a complete graph of article `n` in `version` holds (written to a store in
    memory, which reads literals as the store does: "1.0"^^xsd:decimal as "1")."""
    name = NamedNode(article_iri(f"a{n}"))
    reference = Store()
    replace_graph(reference, name, article_triples(article_from(article_text(version, n),
                                                                f"a{n}")))
    return frozenset(graph(reference, name.value))


def graph(store: Store, name: str) -> set:
    return {q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(name))}


def without_blank_nodes(triples: set) -> set:
    return {t for t in triples
            if not isinstance(t.subject, BlankNode) and not isinstance(t.object, BlankNode)}


@pytest.fixture(scope="module")
def ontology() -> tuple[int, set]:
    """(number of triples, those without blank nodes) of a complete ontology graph."""
    triples = {q.triple for q in parse(path=ontology_file(), format=RdfFormat.TURTLE,
                                       base_iri=ONTOLOGY)}
    return len(triples), without_blank_nodes(triples)


@pytest.fixture(scope="module")
def old_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed store built from the old version of articles 0-3."""
    folder = tmp_path_factory.mktemp("old")
    write_articles(folder / "news", "old", OLD)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.extract.extract_article", article_from)
        patch.setattr(kg.build, "validate_article", lambda article: [])
        store = open_store(folder / "store")
        build([folder / "news"], store)
        del store
    gc.collect()
    return folder / "store"


def run_driver(store: Path, news: Path, until: str | None = None,
               delay: float = 0.0) -> list[str]:
    """Run the build; with `until`, SIGKILL it `delay` s after it prints that line."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(DRIVER.parent), *sys.path])}
    child = subprocess.Popen([sys.executable, str(DRIVER), "build", str(news), "--store",
                              str(store)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    lines = []
    if until is not None:
        for line in child.stdout:
            lines.append(line.rstrip("\n"))
            if lines[-1] == until:
                time.sleep(delay)
                child.send_signal(signal.SIGKILL)
                break
    out, err = child.communicate()
    lines += out.splitlines()
    if until is None:
        assert child.returncode == 0, err
    else:
        assert until in lines, f"the build never printed {until!r}: {err}"
        assert child.returncode == -signal.SIGKILL, (child.returncode, err)
    return lines


def check_whole(store_path: Path, ontology: tuple[int, set]) -> dict[int, str]:
    """Which version each article graph holds ("old", "new" or "absent"); fails if torn."""
    store = open_store(store_path)  # opens again, read-write: the killed build left no lock
    assert not list(store_path.glob("bulk-*")), "a killed batch's files were left behind"
    found = {}
    for n in NEW:
        held = graph(store, article_iri(f"a{n}"))
        candidates = {"new": expected_graph("new", n),
                      "old" if n in OLD else "absent": expected_graph("old", n) if n in OLD
                      else set()}
        matches = [version for version, triples in candidates.items() if held == triples]
        assert matches, f"graph a{n} is torn: {len(held)} triples"
        found[n] = matches[0]
    onto = graph(store, ONTOLOGY)
    assert (len(onto), without_blank_nodes(onto)) == ontology
    del store
    gc.collect()
    return found


def test_killed_build_leaves_every_graph_whole(old_store: Path, tmp_path: Path, ontology):
    news = tmp_path / "news"
    write_articles(news, "new", NEW)
    assert check_whole(old_store, ontology) == dict.fromkeys(NEW, "old") | {4: "absent",
                                                                            5: "absent"}
    stores = [Path(shutil.copytree(old_store, tmp_path / f"s{i}")) for i in range(len(KILLS))]
    with ThreadPoolExecutor(len(KILLS)) as pool:  # the builds run side by side
        printed = list(pool.map(run_driver, stores, [news] * len(KILLS),
                                *zip(*KILLS, strict=True)))
    for store, lines, (until, _) in zip(stores, printed, KILLS, strict=True):
        outcome = check_whole(store, ontology)
        # The graphs written before the kill are new.
        done = {int(line.rsplit("/a", 1)[1]) for line in lines
                if line.startswith(f"wrote {article_iri('a')}")}
        assert all(outcome[n] == "new" for n in done), (until, outcome)
    assert outcome == dict.fromkeys(NEW, "new")  # killed after the last write
    # Building again after a kill completes the job.
    run_driver(stores[2], news)
    assert check_whole(stores[2], ontology) == dict.fromkeys(NEW, "new")


BATCH_CHILD = """
import sys, time
from pyoxigraph import Literal, NamedNode, Quad
from kg.store import add_graphs, open_store
store = open_store(sys.argv[1])
graphs = {NamedNode(f"http://example.org/g{g}"): [
    Quad(NamedNode(f"http://example.org/s{k}"), NamedNode("http://example.org/p"),
         Literal(f"{g} {k}"), NamedNode(f"http://example.org/g{g}")) for k in range(40_000)]
    for g in range(2)}
print("go", flush=True)
start = time.perf_counter()
add_graphs(store, graphs)
print(time.perf_counter() - start, flush=True)
"""


def add_batch(store: Path, kill_after: float | None) -> float | None:
    """Run BATCH_CHILD; SIGKILL it `kill_after` s into its batch, or return how long it took."""
    child = subprocess.Popen([sys.executable, "-c", BATCH_CHILD, str(store)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "go\n"
    if kill_after is None:
        return float(child.communicate()[0])
    time.sleep(kill_after)
    child.kill()
    child.communicate()
    return None


def test_a_batch_killed_at_any_moment_is_all_in_or_all_out(tmp_path: Path):
    took = add_batch(tmp_path / "whole", None)
    whole = open_store(tmp_path / "whole")
    assert len(whole) == 80_000
    del whole
    outcomes = set()
    for n, fraction in enumerate([0.2, 0.5, 0.8, 0.9, 0.95, 1.0, 1.05, 1.5]):  # one by one:
        store_path = tmp_path / f"s{n}"  # side by side, they would all be slower than `took`
        add_batch(store_path, fraction * took)
        store = open_store(store_path)
        outcomes.add(len(store))
        assert not list(store_path.glob("bulk-*"))
        del store
        gc.collect()
    assert outcomes <= {0, 80_000}, outcomes
