"""Which parts of an article are read: body paragraphs, without headlines or datelines."""

from kg.extract.layout import body_spans, is_body, title_of

ARTICLE = """Startup Lokal Raih Pendanaan Baru Dari Investor Asing

Rabu, 3 Juli 2024 | 10:00 WIB

BANDUNG, KabarUsaha.id – Perusahaan rintisan Tanikita meraih pendanaan baru dari investor.

Ekspansi ke Luar Jawa

Dana itu akan dipakai untuk membuka kantor di tiga kota baru tahun ini.
"""


def body(text: str) -> list[str]:
    return [text[s:e] for s, e in body_spans(text)]


def test_headlines_bylines_and_headings_are_not_read():
    assert body(ARTICLE) == [
        "Perusahaan rintisan Tanikita meraih pendanaan baru dari investor.",
        "Dana itu akan dipakai untuk membuka kantor di tiga kota baru tahun ini.",
    ]


def test_a_sentence_dense_with_names_is_still_body():
    assert is_body("Pada Maret lalu Rudi Hermawan bergabung dengan Lintasarta Digital sebagai CTO.")


def test_a_title_case_line_is_a_heading():
    assert not is_body("Yann Bongkar Alasan Keluar Dari Perusahaan Dengan Bos Baru Nya")


def test_title_is_the_first_line():
    assert title_of("\n\n  Judul Berita  \nIsi.") == "Judul Berita"


def test_a_wire_credit_with_a_double_hyphen_is_a_dateline():
    text = ("Headline Of The Story\n\n(Marketwire) -- Isarwald Capital agreed to buy a stake "
            "in Nordvik, the company said.\n")
    (start, end), = body_spans(text)
    assert text[start:end].startswith("Isarwald Capital agreed")


def test_a_source_written_in_camel_case_is_a_dateline():
    text = ("Judul Berita Ini\n\nwartaBISNIS - Startup teknologi pendidikan Cerdaskita "
            "mengumumkan pendanaan baru.\n")
    (start, end), = body_spans(text)
    assert text[start:end].startswith("Startup teknologi")


def test_a_dateline_with_a_long_place_a_date_and_a_wire_is_cut():
    text = ("Headline Of The Story\n\nHO CHI MINH CITY, Oct 23 (Reuters) - Mekong Delta Foods "
            "said on Thursday it had agreed to buy a rival.\n")
    (start, end), = body_spans(text)
    assert text[start:end].startswith("Mekong Delta Foods said")
