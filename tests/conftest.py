"""Shared fixtures: two hand-built articles (no extractor needed) and stores holding them.

Hypothesis is imported here, before any test loads the extractor, which freezes what it loads
out of the collector's sight (`gc.freeze`): imported later, hypothesis's start-up check of the
random generators it manages finds no referrer to one and warns, and warnings are errors.
"""

import gc
from decimal import Decimal
from pathlib import Path

import hypothesis  # noqa: F401
import pytest

from kg.extract.model import Article, Entity, Event, Evidence, Fact
from kg.store import load_ontology, open_store, replace_article

META_TEXT = """Meta hires the founder of Scale AI

Yann LeCun, the Chief AI Scientist at Meta, now reports to Alexandr Wang.
Meta paid $14 billion for a 49% stake in Scale AI.
Wang, 29, founded Scale AI and left it to join Meta.
Mark Zuckerberg, the CEO of Meta, renamed the company from Facebook.
Meta, based in Menlo Park, developed Llama.
Superintelligence Labs is a unit of Meta.
LeCun left Meta in November.
"""

OPENAI_TEXT = """OpenAI and Microsoft deepen their alliance

Sam Altman, the CEO of OpenAI, said the partnership with Microsoft is strong.
Mark Zuckerberg leads Meta.
"""


def evidence(text: str, sentence: str, confidence: float = 0.9) -> Evidence:
    """Evidence for the line of `text` that starts with `sentence`."""
    start = text.index(sentence)
    end = text.index("\n", start)
    return Evidence(start, end, text[start:end], rule="test", confidence=confidence)


def make_meta_article() -> Article:
    """Yann LeCun reports to Alexandr Wang; Meta invests in Scale AI."""
    text = META_TEXT
    yann = Entity("Person", "Yann LeCun", {"LeCun"})
    wang = Entity("Person", "Alexandr Wang", {"Wang"})
    zuck = Entity("Person", "Mark Zuckerberg")
    meta = Entity("Organization", "Meta")
    scale = Entity("Organization", "Scale AI")
    labs = Entity("Organization", "Superintelligence Labs")
    llama = Entity("Product", "Llama")
    menlo = Entity("Place", "Menlo Park")
    s1, s2, s3 = (evidence(text, s) for s in ("Yann LeCun,", "Meta paid", "Wang, 29"))
    s4, s5, s6 = (evidence(text, s) for s in ("Mark Zuckerberg", "Meta, based", "Superint"))
    s7 = evidence(text, "LeCun left", confidence=0.7)
    facts = [
        Fact(yann, "reportsTo", wang, s1),
        Fact(yann, "jobTitle", "Chief AI Scientist", s1),
        Fact(yann, "worksFor", meta, s1),
        Fact(wang, "age", 29, s3),
        Fact(wang, "founded", scale, s3),
        Fact(wang, "leftOrganization", scale, s3),
        Fact(wang, "worksFor", meta, s3),
        Fact(zuck, "leads", meta, s4),
        Fact(zuck, "jobTitle", "CEO", s4),
        Fact(meta, "formerName", "Facebook", s4),
        Fact(meta, "basedIn", menlo, s5),
        Fact(meta, "developed", llama, s5),
        Fact(labs, "subOrganizationOf", meta, s6),
        Fact(yann, "leftOrganization", meta, s7),
    ]
    deal = Event("Investment", [meta], scale, s2, amount=Decimal("14000000000"),
                 currency="USD", stake=Decimal("49"))
    return Article("meta-scale.en", text, "en", title="Meta hires the founder of Scale AI",
                   source="meta-scale.en.txt",
                   entities=[yann, wang, zuck, meta, scale, labs, llama, menlo],
                   facts=facts, events=[deal])


def make_openai_article() -> Article:
    """A second article sharing Meta and Mark Zuckerberg with the first."""
    text = OPENAI_TEXT
    altman = Entity("Person", "Sam Altman")
    zuck = Entity("Person", "Mark Zuckerberg", {"Zuckerberg"})
    openai = Entity("Organization", "OpenAI")
    microsoft = Entity("Organization", "Microsoft")
    meta = Entity("Organization", "Meta")
    s1, s2 = evidence(text, "Sam Altman"), evidence(text, "Mark Zuckerberg")
    facts = [
        Fact(altman, "leads", openai, s1),
        Fact(altman, "jobTitle", "CEO", s1),
        Fact(openai, "partnerOf", microsoft, s1),
        Fact(zuck, "leads", meta, s2),
    ]
    return Article("openai-microsoft.en", text, "en", title=text.splitlines()[0],
                   source="openai-microsoft.en.txt",
                   entities=[altman, zuck, openai, microsoft, meta], facts=facts)


@pytest.fixture
def meta_article() -> Article:
    return make_meta_article()


@pytest.fixture
def openai_article() -> Article:
    return make_openai_article()


@pytest.fixture
def empty_store(tmp_path: Path):
    """A fresh on-disk store."""
    store = open_store(tmp_path / "store")
    yield store
    del store
    gc.collect()


@pytest.fixture
def store(empty_store, meta_article, openai_article):
    """A store holding the ontology and both articles."""
    load_ontology(empty_store)
    replace_article(empty_store, meta_article)
    replace_article(empty_store, openai_article)
    return empty_store


def build_fixture_store(path: Path) -> Path:
    """Build a closed store at `path` holding the ontology and both fixture articles."""
    store = open_store(path)
    load_ontology(store)
    replace_article(store, make_meta_article())
    replace_article(store, make_openai_article())
    store.flush()
    del store
    gc.collect()  # the store's lock is released when the Store object goes
    return path


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """The folder of a closed store holding the ontology and both articles (for the CLI)."""
    return build_fixture_store(tmp_path / "built")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the two fixture articles as text files."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "meta-scale.en.txt").write_text(META_TEXT, encoding="utf-8")
    (folder / "openai-microsoft.en.txt").write_text(OPENAI_TEXT, encoding="utf-8")
    return folder


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """Stand in for the real extractor: the fixture article named by the file. Records calls."""
    import kg.extract

    makers = {"meta-scale.en": make_meta_article, "openai-microsoft.en": make_openai_article}
    calls: list[tuple[str, str | None]] = []

    def extract_article(text: str, article_id: str, *, lang: str | None = None,
                        source: str = "", min_confidence: float = 0.0) -> Article:
        from kg.extract.model import above

        calls.append((article_id, lang))
        article = makers[article_id]()
        assert text == article.text
        article.source = source
        return above(article, min_confidence)

    monkeypatch.setattr(kg.extract, "extract_article", extract_article)
    return calls


def pytest_terminal_summary(terminalreporter) -> None:
    """Print how many cases each property test (tests/test_fuzz.py) ran."""
    counts = [(report.nodeid, value) for report in terminalreporter.stats.get("passed", [])
              for name, value in report.user_properties if name == "hypothesis_cases"]
    if counts:
        terminalreporter.write_sep("-", "hypothesis cases")
        for nodeid, value in counts:
            terminalreporter.write_line(f"{nodeid}: {value}")
