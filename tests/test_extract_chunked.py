"""Tokenizing a text a chunk at a time gives the tokens the whole text gives."""

from functools import cache
from itertools import pairwise
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.chunked import ChunkedTokenizer, chunks
from kg.extract.pipeline import get_nlp

ROOT = Path(__file__).resolve().parents[1]
# words that meet the tokenizers' special cases, affixes and infixes, and whitespace of
# every kind a cut can fall in
PARTS = ["PT", "Tbk.", "hal-hal", "rata-rata", "Inc.", "U.S.", "don't", "(XYZ)", "US$14",
         "49%", "“kata", "Budi”", "—", "’", "Sp.PD", "e-mail", "2024.", "Rp1,2", ":)", "a",
         " ", " ", " ", "  ", "\n", "\n\n", "\t", " \n "]


@cache
def blank_tokenizer(lang: str):
    return spacy.blank(lang).tokenizer


def tokens(doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=80), st.integers(1, 60),
       st.sampled_from(["id", "en"]))
def test_chunks_give_the_whole_texts_tokens(parts: list[str], size: int, lang: str) -> None:
    text = "".join(parts)
    tokenizer = blank_tokenizer(lang)
    assert tokens(ChunkedTokenizer(tokenizer, size)(text)) == tokens(tokenizer(text))


@given(st.text(alphabet="ab .\n", max_size=200), st.integers(1, 30))
def test_a_text_is_cut_only_before_a_word(text: str, size: int) -> None:
    pieces = chunks(text, size)
    assert "".join(pieces) == text
    for piece, following in pairwise(pieces):
        assert len(piece) > size
        assert piece[-1].isspace() and not following[0].isspace()


def test_the_pipeline_reads_articles_as_the_whole_text_tokenizer_does() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted(
            (ROOT / "tests" / "eval").glob("set2*/*.txt")):
        text = path.read_text(encoding="utf-8")
        for lang in ("id", "en"):
            nlp = get_nlp(lang)
            assert isinstance(nlp.tokenizer, ChunkedTokenizer)
            assert len(text) > nlp.tokenizer.chunk  # so the article is cut
            assert tokens(nlp(text)) == tokens(nlp.tokenizer.tokenizer(text)), path.name
