"""Benchmarks of newskg, each against a baseline measured in the same run (not timed tests).

    python bench/run.py --quick            # a few minutes: small sizes, to check it all runs
    python bench/run.py                    # full: see the sizes below; tens of minutes
    python bench/run.py --sizes 100,1000,10000 --query-articles 3400 --output out.md

Sections (each prints a Markdown table):
  startup     `kg --help`, `kg queries`, `kg query` wall time, and whether spaCy was imported
  extraction  words/s of kg build's extraction / spaCy's blank tokenizer on the same text
  loading     triples/s of kg build's writes / `pyoxigraph.Store.bulk_load` of the same N-Quads
  queries     median latency of each canned query / rdflib's SPARQL engine on the same data
  scaling     time and peak memory of `kg build` at each size; `--jobs 2` against `--jobs 1`
"""

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from corpus import words, write_corpus  # bench/corpus.py: run as `python bench/run.py`

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(title: str, header: list[str], rows: list[list[object]]) -> str:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    packages = ", ".join(f"{p} {_version(p)}" for p in
                         ("pyoxigraph", "oxigraph", "spacy", "rdflib", "pyshacl"))
    return (f"- machine: {cpu}, {os.cpu_count()} cores, {int(mem) // 1024 ** 2} GiB, "
            f"{platform.system()} {platform.release()}; load average at start {load()}\n"
            f"- Python {platform.python_version()}; {packages}\n- newskg at {commit}\n")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


# --- startup -------------------------------------------------------------------------------

def startup(store: Path, runs: int) -> str:
    commands = {
        "`python -c pass` (baseline)": [sys.executable, "-c", "pass"],
        "`python -c 'import spacy'` (for scale)": [sys.executable, "-c", "import spacy"],
        "`kg --help`": [*KG, "--help"],
        "`kg queries`": [*KG, "queries"],
        "`kg query reports-to` (the seed's store)": [*KG, "query", "reports-to", "--store",
                                                     str(store)],
    }
    rows = []
    for name, command in commands.items():
        seconds = median_time(lambda c=command: subprocess.run(c, capture_output=True,
                                                                check=True), runs)
        imported = ""
        if command[:3] == KG:
            trace = subprocess.run([sys.executable, "-X", "importtime", *command[1:]],
                                   capture_output=True, text=True, check=True).stderr
            imported = "yes" if "| spacy" in trace else "no"
        rows.append([name, f"{seconds * 1000:.0f} ms", imported])
    return table(f"Start-up (median of {runs})", ["command", "wall time", "imports spaCy"],
                 rows)


# --- extraction and loading ----------------------------------------------------------------

EXTRACTION_BATCH = 50


def extraction(files: list[Path]) -> tuple[str, list]:
    import spacy

    from kg.build import extract_file
    from kg.extract.chunked import ChunkedTokenizer
    from kg.validate import validate_article

    texts = [f.read_text(encoding="utf-8") for f in files]
    count = sum(words(t) for t in texts)
    extract_file(files[0])  # loads the models: not part of the rate
    validate_article(extract_file(files[0]))
    tokenizer = spacy.blank("id")
    # the two take turns, a batch of articles each, so that a machine slowing down or
    # speeding up during the run weighs on both alike
    articles: list = []
    ours = ceiling = 0.0
    for batch in range(0, len(files), EXTRACTION_BATCH):
        start = time.perf_counter()
        articles += [extract_file(f) for f in files[batch:batch + EXTRACTION_BATCH]]
        ours += time.perf_counter() - start
        start = time.perf_counter()
        for text in texts[batch:batch + EXTRACTION_BATCH]:
            tokenizer.make_doc(text)
        ceiling += time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        validate_article(article)
    shapes = time.perf_counter() - start
    # the same tokenizer fed a line at a time, as the extractor feeds its own (see
    # kg/extract/chunked.py): how much of the ceiling is spaCy's tokenizing, and how much its
    # caching stopping at a text's first special case
    chunked = ChunkedTokenizer(spacy.blank("id").tokenizer)
    start = time.perf_counter()
    for text in texts:
        chunked(text)
    lines = time.perf_counter() - start
    rows = [["kg build's extraction (`extract_file`)", f"{count / ours:,.0f}", "",
             f"**{ceiling / ours:.3f}**"],
            ["spaCy `blank('id')` tokenizer (ceiling)", f"{count / ceiling:,.0f}", "", "1"],
            ["for scale: SHACL validation of the same articles", f"{count / shapes:,.0f}", "",
             f"{ceiling / shapes:.3f}"],
            ["for scale: the same tokenizer fed a line at a time", f"{count / lines:,.0f}", "",
             f"{ceiling / lines:.3f}"]]
    rows[0][2] = f"{ours / len(files) * 1000:.0f} ms/article"
    rows[1][2] = f"{ceiling / len(files) * 1000:.1f} ms/article"
    rows[2][2] = f"{shapes / len(files) * 1000:.0f} ms/article"
    rows[3][2] = f"{lines / len(files) * 1000:.1f} ms/article"
    text = table(f"Extraction: {len(files)} articles, {count:,} words (goal ≥ 0.5)",
                 ["what", "words/s", "time", "ratio"], rows)
    return text, articles


def loading(articles: list, work: Path) -> str:
    from pyoxigraph import NamedNode, RdfFormat, Store, serialize

    from kg.rdf import article_quads
    from kg.store import GraphWriter
    from kg.vocab import INDEX, article_iri

    nquads = b"".join(serialize(article_quads(a), format=RdfFormat.N_QUADS) for a in articles)
    ours_store, bulk_store = Store(str(work / "load-ours")), Store(str(work / "load-bulk"))
    start = time.perf_counter()
    with GraphWriter(ours_store) as writer:  # as kg build writes: the quads are made here
        for article in articles:
            writer.write(NamedNode(article_iri(article.id)), list(article_quads(article)))
    ours_store.flush()
    ours = time.perf_counter() - start
    start = time.perf_counter()
    bulk_store.bulk_load(nquads, RdfFormat.N_QUADS)
    bulk_store.flush()
    bulk = time.perf_counter() - start
    # kg's writes also keep the entity index (kg.index): timed, but its triples not counted
    index = sum(1 for _ in ours_store.quads_for_pattern(None, None, None, NamedNode(INDEX)))
    triples = len(bulk_store)
    assert triples == len(ours_store) - index, (len(ours_store), index, triples)
    rows = [[("kg build's writes (`GraphWriter`: quads made, new graphs added in batches, "
             "entity index kept)"),
             f"{triples / ours:,.0f}", f"{ours:.2f} s", f"**{bulk / ours:.2f}**"],
            ["`Store.bulk_load` of the same N-Quads (baseline)", f"{triples / bulk:,.0f}",
             f"{bulk:.2f} s", "1"]]
    return table(f"Loading: {len(articles)} articles, {triples:,} triples (goal ≥ 0.5)",
                 ["what", "triples/s", "time", "ratio"], rows)


# --- queries -------------------------------------------------------------------------------

class Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Timeout


def queries(store_path: Path, work: Path, runs: int, budget: int,
            rdflib_texts: Path | None = None) -> str:
    import rdflib
    from pyoxigraph import RdfFormat, Store

    from kg.queries import canned_queries

    store = Store.read_only(str(store_path))
    triples = len(store)
    dump = work / "queries.nq"
    store.dump(str(dump), format=RdfFormat.N_QUADS)
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(dump), format="nquads")
    rdflib_load = time.perf_counter() - start
    rows = []
    signal.signal(signal.SIGALRM, _alarm)
    del store  # each query is timed in a child process, stopped after `budget` seconds
    for name, canned in canned_queries().items():
        ours, count = time_query(store_path, name, runs, budget)
        signal.alarm(budget)
        start = time.perf_counter()
        # rdflib may do better with another text of the same query (the one kg used before
        # its rewrite for Oxigraph): --rdflib-queries names a folder of such .rq files
        text = canned.text
        if rdflib_texts is not None and (rdflib_texts / f"{name}.rq").is_file():
            text = (rdflib_texts / f"{name}.rq").read_text(encoding="utf-8")
        try:
            theirs_rows = len(list(dataset.query(text)))
            theirs: float | None = time.perf_counter() - start
        except Timeout:
            theirs, theirs_rows = None, None
        finally:
            signal.alarm(0)
        # A stopped kg query made its warm-up and runs in `budget`: one run took > budget/(runs+1).
        rows.append([f"`{name}`", "?" if count is None else count,
                     _ms(ours, budget / (runs + 1)), _ms(theirs, budget),
                     _ratio(theirs, ours, budget / (runs + 1), budget),
                     "?" if None in (count, theirs_rows) else
                     "yes" if count == theirs_rows else f"no ({theirs_rows})"])
    title = (f"Queries: {triples:,} triples; kg median of {runs} after a warm-up, rdflib one "
             f"run; each stopped after {budget} s; rdflib took {rdflib_load:.0f} s to load "
             "(goal ≥ 50× faster)")
    return table(title, ["canned query", "rows", "kg (pyoxigraph)", "rdflib", "speed-up",
                         "same rows"], rows)


def time_query(store: Path, name: str, runs: int, budget: int) -> tuple[float | None, int | None]:
    """(median seconds, rows) of a canned query on a store, or (None, None) past `budget`."""
    code = ("import statistics, sys, time\n"
            "from pyoxigraph import Store\n"
            "from kg.queries import get_query, run\n"
            "store, query = Store.read_only(sys.argv[1]), get_query(sys.argv[2])\n"
            "times = []\n"
            "for _ in range(int(sys.argv[3]) + 1):  # the first run warms up\n"
            "    start = time.perf_counter()\n"
            "    rows = sum(1 for _ in run(store, query))\n"
            "    times.append(time.perf_counter() - start)\n"
            "print(statistics.median(times[1:]), rows)\n")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(store), name, str(runs)],
                             capture_output=True, text=True, check=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return None, None
    seconds, rows = out.stdout.split()
    return float(seconds), int(rows)


def _ms(seconds: float | None, bound: float) -> str:
    return f"> {bound:,.0f} s (stopped)" if seconds is None else f"{seconds * 1000:,.1f} ms"


def _ratio(theirs: float | None, ours: float | None, our_bound: float, budget: float) -> str:
    if ours is None:
        return "?" if theirs is None else f"**< {theirs / our_bound:.2f}×**"
    if theirs is None:
        return f"**> {budget / ours:,.0f}×**"
    return f"**{theirs / ours:,.2f}×**" if theirs < 10 * ours else f"**{theirs / ours:,.0f}×**"


# --- scaling -------------------------------------------------------------------------------

def kg_build(folder: Path, store: Path, jobs: int) -> tuple[float, int, int]:
    """Wall time, and peak RSS in MiB of the main process and of its largest worker, of
    `kg build` as a command. Peaks are read from /proc (VmHWM) while it runs."""
    start = time.perf_counter()
    process = subprocess.Popen([*KG, "build", str(folder), "--store", str(store),
                                "--jobs", str(jobs)], stdout=subprocess.DEVNULL)
    main_peak = worker_peak = 0
    while process.poll() is None:
        main_peak = max(main_peak, _peak_kib(process.pid))
        for child in _children(process.pid):
            worker_peak = max(worker_peak, _peak_kib(child))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"kg build {folder} failed (status {process.returncode})")
    return seconds, main_peak // 1024, worker_peak // 1024


def _peak_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it just ended
        return 0
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("VmHWM:")), 0)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def load() -> str:
    """The machine's 1-minute load average: other work on it skews the timings."""
    return f"{os.getloadavg()[0]:.1f}"


def subset(corpus: Path, n: int, work: Path) -> Path:
    """A folder with the first `n` articles of `corpus` (hard links)."""
    folder = work / f"corpus-{n}"
    if not folder.is_dir():
        folder.mkdir()
        for path in sorted(corpus.iterdir())[:n]:
            os.link(path, folder / path.name)
    return folder


def scaling(corpus: Path, sizes: list[int], jobs_size: int, work: Path) -> str:
    from pyoxigraph import Store

    rows, times = [], {}
    for n in sizes:
        before = load()
        seconds, peak, _ = kg_build(subset(corpus, n, work), work / f"scale-{n}", 1)
        triples = len(Store.read_only(str(work / f"scale-{n}")))
        times[n] = seconds
        rows.append([f"{n:,}", f"{triples:,}", f"{seconds:,.1f} s",
                     f"{seconds / n * 1000:.0f} ms", f"{peak} MiB", f"{before} / {load()}"])
    text = table("Scaling: `kg build --jobs 1` (linear time, flat memory)",
                 ["articles", "triples", "time", "per article", "peak memory",
                  "load before / after"], rows)
    if not jobs_size:
        return text
    rows = []
    for jobs in (1, 2):
        before = load()
        seconds, peak, worker = kg_build(subset(corpus, jobs_size, work),
                                         work / f"jobs{jobs}-{jobs_size}", jobs)
        times[jobs] = seconds
        rows.append([f"`--jobs {jobs}`", f"{seconds:,.1f} s",
                     f"{peak} MiB" + (f" + {jobs} × {worker} MiB" if jobs > 1 else ""),
                     f"**{times[1] / seconds:.2f}×**", f"{before} / {load()}"])
    return text + "\n" + table(f"`--jobs 2` against `--jobs 1`: {jobs_size:,} articles "
                               "(goal ≥ 1.6×)", ["", "time", "peak memory (main + workers)",
                                                  "speed-up", "load before / after"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes")
    parser.add_argument("--sizes", help="scaling sizes, comma-separated [100,1000,10000]")
    parser.add_argument("--query-articles", type=int, help="articles in the query store [3400]")
    parser.add_argument("--jobs-articles", type=int,
                        help="articles for --jobs 2 against --jobs 1 [1000]; 0 skips it")
    parser.add_argument("--workdir", type=Path, help="keep corpora and stores here")
    parser.add_argument("--output", type=Path, help="also write the report here")
    parser.add_argument("--only", help="sections to run, comma-separated")
    parser.add_argument("--rdflib-queries", type=Path,
                        help="time rdflib on these .rq texts of the canned queries instead")
    args = parser.parse_args()
    quick = args.quick
    sizes = [int(s) for s in (args.sizes or ("20,100" if quick else "100,1000,10000"))
             .split(",")]
    query_articles = args.query_articles or (100 if quick else 3400)
    sections = set((args.only or "startup,extraction,loading,queries,scaling").split(","))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = write_corpus(work / "corpus", max([*sizes, query_articles, 500]))
    command = " ".join(["python", "bench/run.py", *sys.argv[1:]])
    parts = [f"## `{command}`\n", machine()]
    print("\n".join(parts), flush=True)

    def emit(text: str) -> None:
        parts.append(text)
        print(text, flush=True)

    query_store = work / f"query-{query_articles}"
    if not query_store.is_dir() and "queries" in sections:
        kg_build(subset(corpus, query_articles, work), query_store, 2)  # not a figure
    if "startup" in sections:
        small = work / "startup-store"  # start-up, not query time: the seed article only
        if not small.is_dir():
            kg_build(ROOT / "seeds", small, 1)
        emit(startup(small, 3 if quick else 7))
    if sections & {"extraction", "loading"}:
        files = sorted(corpus.iterdir())[:40 if quick else 500]
        text, articles = extraction(files)
        if "extraction" in sections:
            emit(text)
        if "loading" in sections:
            emit(loading(articles, Path(tempfile.mkdtemp(dir=work))))
    if "queries" in sections:
        emit(queries(query_store, work, 3, 30 if quick else 45, args.rdflib_queries))
    if "scaling" in sections:
        jobs_size = args.jobs_articles if args.jobs_articles is not None else (
            100 if quick else 1000)
        emit(scaling(corpus, sizes, jobs_size, work))
    if args.output:
        args.output.write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
