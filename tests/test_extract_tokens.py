"""The extractor's copy of a spaCy Doc reads the same as the Doc."""

import gc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

from kg.extract.lexicon import load_lexicon
from kg.extract.pipeline import _body_sentences, get_nlp
from kg.extract.tokens import Tok, TokenDoc, TokSpan

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
        sent = copy.sentence_of(ours.i)
        for name in ATTRIBUTES:
            assert getattr(ours, name) == getattr(theirs, name), (name, theirs.text)
        assert (sent.start, sent.end) == (theirs.sent.start, theirs.sent.end)
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


# Any text an article file can hold, rich in what ends sentences. UTF-8 has no lone surrogates.
ARTICLE_TEXT = st.lists(st.sampled_from([*"aZ9 .,\n\t-“”'$%İß", "Tbk.", "Ph.D.", " Itu", "  "])
                        | st.characters(blacklist_categories=("Cs",)), max_size=40).map("".join)


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


def test_a_line_break_or_a_form_before_a_capital_ends_a_sentence() -> None:
    text = ("PT Northwind Tbk. (NWD) merombak direksi. PT Kopiloka Tbk. Itu langkah baru\n"
            "Ana Souza, Ph.D. pindah ke Hoshimura Tsusho Co. Ltd. Ia senang")
    sentences = [s.text for s in get_nlp("id")(text).sents]
    assert sentences == ["PT Northwind Tbk. (NWD) merombak direksi.", "PT Kopiloka Tbk.",
                         "Itu langkah baru\n",
                         "Ana Souza, Ph.D. pindah ke Hoshimura Tsusho Co. Ltd.", "Ia senang"]


def _expected_starts(text: str) -> list[bool]:
    """Sentence starts by spaCy's own sentencizer, then the pipeline's two rules, token by
    token."""
    nlp = get_nlp("id")
    doc = Sentencizer()(nlp.make_doc(text))
    lexicon = load_lexicon("id")
    legal = lexicon.words_of("legal_forms")
    # the forms with their stop, and those the tokenizer keeps with a sentence's stop ("SpA.")
    forms = {w for w in legal + lexicon.words_of("degrees") if w.endswith(".")}
    forms |= {f"{w}." for w in legal if "." not in w}
    starts = [bool(t.is_sent_start) for t in doc]
    for t in doc[1:]:
        before = doc[t.i - 1]
        if ("\n" in before.text and not t.is_space) or (
                before.text in forms and t.text not in forms  # "Co. Ltd." is one name
                and t.text[:1].isupper() and t.text[:1].isalpha()):
            starts[t.i] = True
    return starts


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT)
def test_sentences_start_where_the_rules_say(text: str) -> None:
    assert [bool(t.is_sent_start) for t in get_nlp("id")(text)] == _expected_starts(text)


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT, st.lists(st.integers(0, 90), max_size=6))
def test_body_sentences_are_the_tokens_of_each_sentence_inside_a_paragraph(
        text: str, cuts: list[int]) -> None:
    cuts = sorted(min(c, len(text)) for c in cuts)
    paragraphs = list(zip(cuts[::2], cuts[1::2], strict=False))
    doc = get_nlp("id")(text)
    expected = []
    for sent in doc.sents:
        for start, end in paragraphs:
            lo, hi = max(sent.start_char, start), min(sent.end_char, end)
            span = doc.char_span(lo, hi, alignment_mode="contract") if lo < hi else None
            if span is not None and len(span) > 0:
                expected.append((span.start, span.end))
    found = _body_sentences(TokenDoc(doc, text), paragraphs)
    assert [(s.start, s.end) for s in found] == expected


def test_an_article_leaves_no_reference_cycle_behind() -> None:
    """Its tokens are freed as soon as it is read, not by the garbage collector's next pass."""
    from kg.extract import extract_article

    text = (Path(__file__).parent.parent / "seeds" / "yann-lecun-leaves-meta.id.txt").read_text(
        encoding="utf-8")
    extract_article(text, "seed", lang="id")  # loads the pipeline first
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        article = extract_article(text, "seed", lang="id")
        assert article.facts
        del article
        gc.collect()
        left = [o for o in gc.garbage if type(o) in (Tok, TokSpan, TokenDoc)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []
