"""Language profiles: detection, and one pipeline reading both languages from lexicon files."""

import pytest

from kg.extract.language import SAMPLE, detect_language
from kg.extract.lexicon import LexiconError, available_languages, load_lexicon
from tests.extract_helpers import read


@pytest.mark.parametrize(("text", "lang"), [
    ("Perusahaan itu mengatakan bahwa dana tersebut akan dipakai untuk ekspansi.", "id"),
    ("The company said the money would be used to expand into new markets.", "en"),
])
def test_detects_the_language(text, lang):
    assert detect_language(text) == lang


def test_the_language_is_read_from_the_opening():
    opening = "Perusahaan itu mengatakan bahwa dana tersebut akan dipakai untuk ekspansi. "
    quoted = "The company said the money would be used to expand into new markets. "
    text = opening * (SAMPLE // len(opening) + 1) + quoted * 200
    assert detect_language(text) == "id"


def test_an_article_records_its_language():
    assert read("The company said that Northwind has hired Priya Raman as its new chief "
                "technology officer.").lang == "en"


def test_both_profiles_ship_and_an_unknown_one_is_an_error():
    assert {"id", "en"} <= set(available_languages())
    with pytest.raises(LexiconError, match="no lexicon for language 'xx'"):
        load_lexicon("xx")


def test_confidence_filter():
    text = ("Northwind has hired Priya Raman, who will report to Alan Reed. "
            "Priya Raman left Oakridge Systems in March.")
    everything = read(text, "en").facts
    assert everything
    floor = max(f.evidence.confidence for f in everything)
    from kg.extract import extract_article
    kept = extract_article(text, "t", lang="en", min_confidence=floor).facts
    assert kept and len(kept) < len(everything)
    assert all(f.evidence.confidence >= floor for f in kept)
