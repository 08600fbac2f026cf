"""Tests for the number normaliser: money, percentages and ages in Indonesian and English."""

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.numbers import (
    Quantity,
    _matches,
    _starts,
    find_quantities,
    load_numbers_lexicon,
)


def _only(text: str, lang: str, kind: str) -> Quantity:
    """The single quantity of `kind` found in `text`."""
    found = [q for q in find_quantities(text, lang) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


MONEY = [
    # (lang, sentence, expected span text, value, currency)
    ("id", "Mitra itu menyetor NZ$ 19 juta untuk 49% saham.", "NZ$ 19 juta", "19000000",
     "NZD"),
    ("id", "Nilainya 40 juta dolar Kanada.", "40 juta dolar Kanada", "40000000", "CAD"),
    ("en", "The fund paid C$40 million for the stake.", "C$40 million", "40000000", "CAD"),
    ("en", "It raised 12 million New Zealand dollars.", "12 million New Zealand dollars",
     "12000000", "NZD"),
    ("id", "Startup itu menghimpun US$1,5 miliar dari investor.", "US$1,5 miliar",
     "1500000000", "USD"),
    ("id", "Nilai pasar grup ritel itu $14 miliar.", "$14 miliar", "14000000000", "USD"),
    ("id", "Valuasinya kini US$2 Miliar.", "US$2 Miliar", "2000000000", "USD"),
    ("id", "Pabrik baru itu bernilai US$650 juta.", "US$650 juta", "650000000", "USD"),
    ("id", "Kesepakatan itu bernilai sekitar US$13 miliar.", "US$13 miliar", "13000000000",
     "USD"),
    ("id", "Perusahaan rintisan itu bernilai 1,5 miliar dolar AS.", "1,5 miliar dolar AS",
     "1500000000", "USD"),
    ("id", "Anggaran proyek jalan itu Rp 23 triliun.", "Rp 23 triliun", "23000000000000", "IDR"),
    ("id", "Anggaran proyek jalan itu Rp23 triliun.", "Rp23 triliun", "23000000000000", "IDR"),
    ("id", "Harga tiket bus itu Rp 23.000 per orang.", "Rp 23.000", "23000", "IDR"),
    ("id", "Pemerintah daerah menyiapkan Rp 1,2 triliun.", "Rp 1,2 triliun", "1200000000000",
     "IDR"),
    ("id", "Dana segar 750 juta dolar masuk pekan lalu.", "750 juta dolar", "750000000", "USD"),
    ("id", "Hibah 5 juta euro diberikan kepada kampus itu.", "5 juta euro", "5000000", "EUR"),
    ("id", "Denda yang dijatuhkan mencapai 40 ribu rupiah.", "40 ribu rupiah", "40000", "IDR"),
    ("id", "Ia membeli saham senilai dua miliar dolar AS.", "dua miliar dolar AS", "2000000000",
     "USD"),
    ("id", "Sumbangan sebesar dua puluh lima juta rupiah diserahkan.",
     "dua puluh lima juta rupiah", "25000000", "IDR"),
    ("id", "Ekspor ke Jepang mencapai ¥300 miliar.", "¥300 miliar", "300000000000", "JPY"),
    ("id", "Kantor cabang itu disewa S$2 juta per tahun.", "S$2 juta", "2000000", "SGD"),
    ("id", "Kapitalisasinya Rp 1.500 triliun.", "Rp 1.500 triliun", "1500000000000000", "IDR"),
    ("id", "Biaya proyek Rp 12.500.000 sudah dibayar.", "Rp 12.500.000", "12500000", "IDR"),
    ("id", "Utangnya Rp 2.750,5 miliar.", "Rp 2.750,5 miliar", "2750500000000", "IDR"),
    ("id", "Menurut kutipan itu, nilainya US$1.5 billion.", "US$1.5 billion", "1500000000",
     "USD"),
    ("en", "The chipmaker raised $400 million on Tuesday.", "$400 million", "400000000", "USD"),
    ("en", "The retailer is worth $14B today.", "$14B", "14000000000", "USD"),
    ("en", "The retailer is worth $14bn today.", "$14bn", "14000000000", "USD"),
    ("en", "The deal values the firm at $1.5 billion.", "$1.5 billion", "1500000000", "USD"),
    ("en", "It secured US$ 2.5 million in seed money.", "US$ 2.5 million", "2500000", "USD"),
    ("en", "The bonds total USD 1.5 billion.", "USD 1.5 billion", "1500000000", "USD"),
    ("en", "Analysts expect 1.5 billion dollars in sales.", "1.5 billion dollars", "1500000000",
     "USD"),
    ("en", "The grant was €5 million.", "€5 million", "5000000", "EUR"),
    ("en", "The club paid £3 million for the striker.", "£3 million", "3000000", "GBP"),
    ("en", "Exports reached ¥800 billion.", "¥800 billion", "800000000000", "JPY"),
    ("en", "Rent is S$40 thousand a month.", "S$40 thousand", "40000", "SGD"),
    ("en", "The state budget is 3,000 trillion rupiah.", "3,000 trillion rupiah",
     "3000000000000000", "IDR"),
    ("en", "The fund has $2 trillion under management.", "$2 trillion", "2000000000000", "USD"),
    ("en", "A ticket costs $1,500 at the door.", "$1,500", "1500", "USD"),
    ("en", "The miner spent A$5 million on trucks.", "A$5 million", "5000000", "AUD"),
    ("id", "Gedung itu dijual 80 juta dolar Hong Kong.", "80 juta dolar Hong Kong", "80000000",
     "HKD"),
    ("en", "She gave two million dollars to the school.", "two million dollars", "2000000",
     "USD"),
]


@pytest.mark.parametrize(("lang", "text", "span", "value", "currency"), MONEY)
def test_money(lang: str, text: str, span: str, value: str, currency: str) -> None:
    q = _only(text, lang, "money")
    assert text[q.start:q.end] == span
    assert q.value == Decimal(value)
    assert q.currency == currency


def test_money_values_are_plain_integers() -> None:
    q = _only("Dana US$1,5 miliar cair.", "id", "money")
    assert str(q.value) == "1500000000"


def test_two_currencies_are_two_quantities() -> None:
    text = "Investasi US$1,5 miliar, atau setara sekitar Rp 23 triliun, diumumkan kemarin."
    found = find_quantities(text, "id")
    assert [(text[q.start:q.end], q.currency) for q in found] == [
        ("US$1,5 miliar", "USD"), ("Rp 23 triliun", "IDR")]
    assert [q.value for q in found] == [Decimal("1500000000"), Decimal("23000000000000")]


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "Kerugiannya mencapai ratusan juta dolar."),
    ("id", "Perusahaan itu menyerap miliaran dolar AS."),
    ("id", "Puluhan juta rupiah hilang."),
    ("en", "The project burned hundreds of millions of dollars."),
    ("en", "Billions of dollars moved overseas."),
    ("id", "Laba naik 1,5 miliar."),  # a scale with no currency is no amount of money
    ("en", "The mill cost J$5 million."),  # an unlisted dollar is not taken for US dollars
    ("en", "Entry costs $5k."),  # an unknown scale glued on: no guess at the value
])
def test_vague_or_bare_amounts_are_not_money(lang: str, text: str) -> None:
    assert [q for q in find_quantities(text, lang) if q.kind == "money"] == []


PERCENT = [
    ("id", "Mereka memiliki 49% saham.", "49%", "49"),
    ("id", "Mereka memiliki 49 % saham.", "49 %", "49"),
    ("id", "Partai itu meraih 75,01 persen suara.", "75,01 persen", "75.01"),
    ("id", "Kepemilikan asing dibatasi 49 persen.", "49 persen", "49"),
    ("id", "Inflasi tercatat lima persen.", "lima persen", "5"),
    ("en", "Turnout reached 75.01 percent.", "75.01 percent", "75.01"),
    ("en", "The fund holds 49 per cent of the shares.", "49 per cent", "49"),
    ("en", "Prices rose 3.5% last year.", "3.5%", "3.5"),
    ("en", "Support fell to twenty percent.", "twenty percent", "20"),
]


@pytest.mark.parametrize(("lang", "text", "span", "value"), PERCENT)
def test_percent(lang: str, text: str, span: str, value: str) -> None:
    q = _only(text, lang, "percent")
    assert text[q.start:q.end] == span
    assert q.value == Decimal(value)
    assert q.currency is None


AGES = [
    ("id", "Direktur itu berusia 38 tahun.", "berusia 38 tahun", 38),
    ("id", "Penulis yang berumur 29 tahun itu menang.", "berumur 29 tahun", 29),
    ("id", "Pada usia 29 tahun ia pindah ke Bandung.", "usia 29 tahun", 29),
    ("id", "Ia, yang kala itu berusia 35 tahun, memimpin tim.", "berusia 35 tahun", 35),
    ("id", "Seorang pria berusia 39 tahun ditemukan.", "berusia 39 tahun", 39),
    ("id", "Petani itu berusia sekitar 60 tahun.", "berusia sekitar 60 tahun", 60),
    ("id", "Atlet yang berusia dua puluh sembilan tahun itu pensiun.",
     "berusia dua puluh sembilan tahun", 29),
    ("id", "Murid itu berusia dua belas tahun.", "berusia dua belas tahun", 12),
    ("en", "The 53-year-old engineer resigned.", "53-year-old", 53),
    ("en", "She spoke to the 53 year old founder.", "53 year old", 53),
    ("en", "He is 41 years old.", "41 years old", 41),
    ("en", "A chemist aged 53 joined the board.", "aged 53", 53),
    ("en", "At age 53 she left the bank.", "age 53", 53),
    ("en", "He retired at the age of 61.", "age of 61", 61),
    ("en", "The twenty-nine-year-old pilot landed.", "twenty-nine-year-old", 29),
]


@pytest.mark.parametrize(("lang", "text", "span", "years"), AGES)
def test_age(lang: str, text: str, span: str, years: int) -> None:
    q = _only(text, lang, "age")
    assert text[q.start:q.end] == span
    assert q.value == Decimal(years)
    assert q.value == q.value.to_integral_value()


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "Usia rata-rata pegawai pabrik itu saat itu adalah 27 tahun."),
    ("id", "Usia rata-rata 27 tahun tercatat di kantor itu."),
    ("id", "Rata-rata usia 27 tahun tercatat di kantor itu."),
    ("id", "Ia bekerja di sana selama 27 tahun."),
    ("id", "Bayi yang berusia 3 bulan itu sehat."),
    ("id", "Lowongan untuk pelamar berusia di atas 50 tahun."),
    ("id", "Pohon itu berusia 300 tahun."),  # beyond a person's age
    ("id", "Usia pensiun 65 tahun berlaku tahun depan."),
    ("en", "He moved there at 53."),
    ("en", "The average age of 27 surprised the board."),
    ("en", "Volunteers aged over 60 are welcome."),
    ("en", "The puppy, aged 3 months, slept."),
    ("en", "He served for 27 years."),
    ("en", "A 0-year-old record is no age."),
])
def test_not_an_age(lang: str, text: str) -> None:
    assert [q for q in find_quantities(text, lang) if q.kind == "age"] == []


def test_separator_rule() -> None:
    cases = {"1.500 dolar": "1500", "1,500 dolar": "1500", "1,5 dolar": "1.5",
             "75,01 dolar": "75.01", "1.5 dolar": "1.5", "0,500 dolar": "0.5",
             "1.5001 dolar": "1.5001"}
    for text, value in cases.items():
        assert _only(text, "id", "money").value == Decimal(value), text


def test_results_in_text_order_and_non_overlapping() -> None:
    text = ("Pendiri berusia 45 tahun itu menjual 30% saham senilai Rp 2 triliun "
            "kepada investor yang membayar US$120 juta.")
    found = find_quantities(text, "id")
    assert [q.kind for q in found] == ["age", "percent", "money", "money"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize("text", [
    "", "1234567", "$", "Rp", "US$", "1,2,3,4", "%%%", "$1,2,3,4", "1,2,3,4%",
    "9" * 5000, "$" + "9" * 5000 + " miliar", "Rp " + "1." * 3000, "berusia " + "9" * 400,
    "usia tahun", "-year-old", "$.", "Rp ,5", "\u00a0$\u00a0", "٣٠ persen", "dua puluh",
])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_odd_input_never_crashes(text: str, lang: str) -> None:
    found = find_quantities(text, lang)
    assert all(isinstance(q, Quantity) for q in found)


ARTICLES = sorted(Path(__file__).parent.glob("eval/*/*.txt")) + sorted(
    (Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_trying_only_where_a_number_can_start_finds_what_a_full_scan_finds(lang: str) -> None:
    lex = load_numbers_lexicon(lang)
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES] + [
        "Harga naik ke US$5 juta, 30 persen, usia 45 tahun; EUR 3 miliar dan lima puluh",
        "gaji A$5, nz$ 7 juta, 12%, aged 40, the 29-year-old, forty-two percent",
        "umur  45", "USIA 45", "Rp.5 juta", "x$5", "dua5", "5dua", "\u017fatu persen",
        "\u0130stanbul, usia 45", "berusia\u00a045 tahun", "",
    ]
    assert lex.start_words  # the quick search is in use, not the full scan only
    for text in texts:
        for regex in (lex.money_re, lex.percent_re, lex.age_re):
            full = [(m.span(), m.groupdict()) for m in regex.finditer(text)]
            quick = [(m.span(), m.groupdict()) for m in _matches(regex, text, _starts(text, lex))]
            assert quick == full, text[:60]


def test_long_runs_of_digits_and_number_words_are_not_amounts() -> None:
    # hostile input: the regexes are bounded (digits capped, at most five number words), so
    # it reads in one pass; a run of digits too long for an amount is an identifier, and bare
    # number words are no quantity
    text = ("1,2" * 20000) + " " + ("9" * 100000) + " " + ("dua " * 20000)
    assert find_quantities(text, "id") == []
    # a percentage after a long run of number words takes five of them, no more
    found = find_quantities("dua " * 2000 + "persen", "id")
    assert [(q.kind, q.end - q.start) for q in found] == [
        ("percent", len("dua dua dua dua dua persen"))]


def test_lexicon_is_cached_and_unknown_language_is_refused() -> None:
    assert load_numbers_lexicon("id") is load_numbers_lexicon("id")
    with pytest.raises(ValueError):
        find_quantities("US$5 juta", "xx")
