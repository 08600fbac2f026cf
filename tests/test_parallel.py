"""`kg build --jobs N`: extraction in worker processes writes exactly what one process writes."""

import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from typer.testing import CliRunner

import kg.build
from kg.build import build
from kg.cli import app
from kg.errors import KgError
from kg.parallel import extract_files
from kg.store import open_store
from kg.vocab import ONTOLOGY

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def news(corpus: Path) -> Path:
    """The fixture articles, the shipped seed, and copies under other names: six files."""
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
        for n in (1, 2, 3):
            shutil.copy(seed, corpus / f"copy-{n}.{seed.name}")
    return corpus


def article_quads(store) -> set:
    """The quads outside the ontology graph (whose blank nodes are new at each load)."""
    return {q for q in store if q.graph_name != NamedNode(ONTOLOGY)}


def test_parallel_build_writes_what_a_sequential_one_writes(news: Path, tmp_path: Path):
    one, two = open_store(tmp_path / "one"), open_store(tmp_path / "two")
    sequential = build([news], one, jobs=1)
    parallel = build([news], two, jobs=2)
    assert parallel == sequential
    assert sequential.articles == 6
    assert article_quads(two) == article_quads(one)
    assert len(two) == len(one)


def test_articles_come_back_in_file_order(news: Path):
    files = sorted(news.iterdir())
    got = [(path, article.id, checked) for path, article, checked
           in extract_files(files, jobs=2, chunk=1, check=len_of_facts)]
    assert [(path, article_id) for path, article_id, _ in got] == [(p, p.stem) for p in files]
    in_process = extract_files(files, jobs=1, check=len_of_facts)
    assert [checked for *_, checked in got] == [checked for *_, checked in in_process]


def len_of_facts(article) -> int:
    """A check for the workers to run: it travels to them by name."""
    return len(article.facts)


def test_a_worker_error_names_the_file(news: Path):
    (news / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(KgError, match=r"empty\.txt is empty"):
        list(extract_files(sorted(news.iterdir()), jobs=2))


def test_jobs_must_be_positive(news: Path):
    with pytest.raises(KgError, match="--jobs must be 1 or more"):
        list(extract_files([news / "meta-scale.en.txt"], jobs=0))


def test_kg_build_jobs(news: Path, tmp_path: Path):
    runner = CliRunner()
    outputs = [runner.invoke(app, ["build", str(news), "--jobs", jobs, "--store",
                                   str(tmp_path / f"s{jobs}")]) for jobs in ("1", "2")]
    assert [r.exit_code for r in outputs] == [0, 0], outputs[1].output
    lines = [r.stdout.replace(str(tmp_path / f"s{j}"), "STORE") for r, j in zip(outputs, "12",
                                                                                 strict=True)]
    assert lines[0] == lines[1]
    assert lines[1].startswith("built 6 articles into STORE: ")


def test_build_flushes_as_it_goes(empty_store, corpus: Path, fake_extractor,
                                  monkeypatch: pytest.MonkeyPatch):
    """A flush every FLUSH_EVERY articles keeps RocksDB's write buffers, and memory, flat."""
    monkeypatch.setattr(kg.build, "FLUSH_EVERY", 1)
    flushes = []

    class Counting:
        def __getattr__(self, name: str):
            return getattr(empty_store, name)

        def flush(self) -> None:
            flushes.append(True)
            empty_store.flush()

    assert build([corpus], Counting()).articles == 2
    assert len(flushes) == 2
