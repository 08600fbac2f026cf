"""The pipeline pauses the cycle collector while it reads, which is safe only because reading
an article makes no reference cycles."""

import gc
from pathlib import Path

import pytest

from kg.extract import pipeline
from kg.extract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "eval").glob(
    "set2[23]/*.txt"))


@pytest.fixture
def collector():
    """The collector off, its garbage cleared; as it was, afterwards."""
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


def test_reading_articles_leaves_no_cyclic_garbage(collector) -> None:
    extract(ARTICLES[0].read_text(encoding="utf-8"), "warm-up")  # loads the pipeline
    gc.collect()
    for path in ARTICLES:
        article = extract(path.read_text(encoding="utf-8"), path.stem)
        assert article.facts
        del article
        assert gc.collect() == 0, path.name


def test_the_collector_runs_again_after_reading() -> None:
    assert gc.isenabled()
    extract("PT Sinar Kencana mengangkat Budi Santoso sebagai direktur utama.", "a")
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failed_reading(monkeypatch) -> None:
    def broken(text: str, lang: str):
        assert not gc.isenabled()
        raise RuntimeError("broken")

    monkeypatch.setattr(pipeline, "_prepare", broken)
    with pytest.raises(RuntimeError):
        extract("Budi Santoso memimpin PT Sinar Kencana.", "a", lang="id")
    assert gc.isenabled()


def test_a_collector_left_off_stays_off(collector) -> None:
    extract("Budi Santoso memimpin PT Sinar Kencana.", "a", lang="id")
    assert not gc.isenabled()
