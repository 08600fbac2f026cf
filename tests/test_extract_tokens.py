"""The extractor's copy of a spaCy Doc reads the same as the Doc."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.pipeline import get_nlp
from kg.extract.tokens import TokenDoc

TEXTS = [
    ("Ana Souza, 41, kini menjabat CEO Northwind.\nIa bergabung pada Mei 2024.\n\n"
     "Northwind (NWD) didirikan di Jakarta."),
    "The start - up said: “We’re done.”  Then\tit  left…  ",
    "",
    "\n\n  \n",
    "İstanbul'da ŞİRKET. Straße 5 000 000 US$ 14 miliar!",
]
ATTRIBUTES = ("i", "text", "lower_", "whitespace_", "idx", "is_space", "is_sent_start",
              "is_alpha", "is_lower")


def assert_same(text: str, lang: str) -> None:
    doc = get_nlp(lang)(text)
    copy = TokenDoc(doc, text)
    assert len(copy) == len(doc)
    for ours, theirs in zip(copy, doc, strict=True):
        for name in ATTRIBUTES:
            assert getattr(ours, name) == getattr(theirs, name), (name, theirs.text)
        assert (ours.sent.start, ours.sent.end) == (theirs.sent.start, theirs.sent.end)
    assert [(s.start, s.end, s.text) for s in copy.sents] == \
        [(s.start, s.end, s.text) for s in doc.sents]
    for start in range(0, len(doc) + 1, 3):
        for end in (start, start + 1, start + 4, len(doc) + 2):
            ours, theirs = copy[start:end], doc[start:end]
            assert (ours.start, ours.end, ours.text) == (theirs.start, theirs.end, theirs.text)
            if len(theirs):
                assert (ours.start_char, ours.end_char) == (theirs.start_char, theirs.end_char)
                assert [t.text for t in ours[1:]] == [t.text for t in theirs[1:]]
                assert ours[-1].i == theirs[-1].i


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_token_doc_reads_as_the_spacy_doc(text: str, lang: str) -> None:
    assert_same(text, lang)


@settings(max_examples=150, deadline=None)
# Any text an article file can hold: UTF-8 has no lone surrogates (category Cs).
@given(st.text(alphabet=st.sampled_from(list("aZ9 .,\n\t-“”'$%İß"))
               | st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_token_doc_reads_as_the_spacy_doc_on_any_text(text: str) -> None:
    assert_same(text, "id")


def test_char_span_follows_spacy() -> None:
    text = "Northwind membeli 49% saham Kopiloka."
    doc = get_nlp("id")(text)
    copy = TokenDoc(doc, text)
    for mode in ("strict", "contract", "expand"):
        for start, end in ((0, 9), (2, 12), (18, 21), (30, 37), (5, 5)):
            theirs = doc.char_span(start, end, alignment_mode=mode)
            ours = copy.char_span(start, end, alignment_mode=mode)
            assert (ours is None) == (theirs is None)
            if theirs is not None:
                assert (ours.start, ours.end, ours.text) == (theirs.start, theirs.end,
                                                             theirs.text)
