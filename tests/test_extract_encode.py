"""The encoder's memo: a later reading reuses a sentence's encoding only if nothing it read
changed, so reusing gives exactly what encoding afresh would."""

from pathlib import Path

import pytest

from kg.extract.encode import Encoded, Encoder
from kg.extract.language import detect_language
from kg.extract.pipeline import (
    _dominant_org,
    _former_names,
    _owners,
    _prepare,
    _Reading,
    _settle_kinds,
)

ROOT = Path(__file__).parent
ARTICLES = sorted((ROOT / "eval").glob("set*/*.txt")) + sorted(
    (ROOT.parent / "seeds").glob("*.txt"))


def _view(encoded: list[Encoded]) -> list[tuple]:
    return [(e.text, tuple(id(s.entity) for s in e.slots)) for e in encoded]


def _afresh(reading: _Reading) -> list[Encoded]:
    """The sentences encoded with no memo, in the reading's present state."""
    encoder = Encoder(reading.lexicon, reading.owners, reading.dominant)
    return [encoder.encode(sent, *parts) for sent, parts in zip(reading.sents, reading._parts,
                                                                strict=True)]


def test_an_unchanged_reading_reuses_every_encoding():
    reading, _ = _prepare("Rina Hartono mendirikan PT Awan Sejahtera pada 2019. Ia kini "
                          "menjabat Direktur Utama perusahaan tersebut.", "id")
    first = list(reading.encoded())
    again = list(reading.encoded())
    assert len(first) == 2
    assert all(a is b for a, b in zip(first, again, strict=True))


def test_a_settled_kind_is_read_again_where_it_shows():
    reading, _ = _prepare("Kalandra bertemu investor di Jakarta. Ia kemudian mendirikan "
                          "PT Awan Sejahtera. Harga saham naik.", "id")
    before = list(reading.encoded())
    name = next(m.entity for m in reading.mentions if m.entity.name == "Kalandra")
    assert name.guessed
    name.kind, name.guessed = "Person", False
    after = list(reading.encoded())
    assert before[0] is not after[0]  # it is named there
    assert before[1] is not after[1]  # "Ia" may refer back to it
    assert _view(after) == _view(_afresh(reading))
    assert "PER#" in after[1].text


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_reading_encodes_as_a_fresh_one_would(path: Path):
    text = path.read_text(encoding="utf-8")
    reading, _ = _prepare(text, detect_language(text))
    list(reading.encoded())
    _former_names(reading)  # merges names: mentions and their windows change
    assert _view(list(reading.encoded())) == _view(_afresh(reading))
    _settle_kinds(reading)  # kinds change
    assert _view(list(reading.encoded())) == _view(_afresh(reading))
    reading.owners = _owners(reading)  # possessives ("perusahaan X") read who leads what
    reading.dominant = _dominant_org(reading.mentions)
    assert _view(list(reading.encoded())) == _view(_afresh(reading))
