"""Finding and reading article files."""

from pathlib import Path

import pytest

from kg.articles import find_articles, read_article
from kg.errors import KgError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "b.en.txt").write_text("B title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.id.md").write_text("# A title\nIsi.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    return tmp_path


def test_find_articles_recursive_sorted_txt_and_md(corpus: Path):
    assert find_articles([corpus]) == [corpus / "b.en.txt", corpus / "sub" / "a.id.md"]


def test_find_articles_takes_a_named_file_once(corpus: Path):
    named = corpus / "notes.json"
    assert find_articles([named, corpus, corpus / "b.en.txt"]) == sorted(
        [named, corpus / "b.en.txt", corpus / "sub" / "a.id.md"])


def test_find_articles_missing_path(tmp_path: Path):
    with pytest.raises(KgError, match="no such file or folder"):
        find_articles([tmp_path / "nope"])


def test_find_articles_empty_folder(tmp_path: Path):
    with pytest.raises(KgError, match="no articles"):
        find_articles([tmp_path])


def test_read_article_id_title_text(corpus: Path):
    article_id, title, text = read_article(corpus / "b.en.txt")
    assert (article_id, title, text) == ("b.en", "B title", "B title\n\nBody.\n")


def test_read_article_markdown_title_without_hashes(corpus: Path):
    assert read_article(corpus / "sub" / "a.id.md")[:2] == ("a.id", "A title")


def test_read_article_seed_id():
    seed = Path(__file__).parent.parent / "seeds" / "yann-lecun-leaves-meta.id.txt"
    article_id, title, _ = read_article(seed)
    assert article_id == "yann-lecun-leaves-meta.id"
    assert title.startswith("Yann Lecun Bongkar Alasan")


def test_read_article_skips_byte_order_mark(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\nText".encode())
    assert read_article(path)[1:] == ("Title", "Title\nText")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "is empty"),
    (b" \n\t\n", "is empty"),
    (b"Title\x00\x01binary", "NUL bytes"),
    (b"Caf\xe9 latin-1", "not valid UTF-8"),
])
def test_read_article_refuses(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(KgError, match=message):
        read_article(path)


def test_read_article_missing_file(tmp_path: Path):
    with pytest.raises(KgError, match="no such file"):
        read_article(tmp_path / "gone.txt")
