"""Closing sign-offs: the editors' codes are recorded in order and leave the body."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.signoff import split_signoff


@pytest.mark.parametrize(
    ("paragraph", "text", "codes"),
    [
        ("kinerja institusi yang menggaungkan narasai tunggal pada 2023.(chi/jpnn)",
         "kinerja institusi yang menggaungkan narasai tunggal pada 2023.", ["chi", "jpnn"]),
        ("(riar/dry)", "", ["riar", "dry"]),
        ("(kpl/vna)", "", ["kpl", "vna"]),
        ("(ahs/nu2)", "", ["ahs", "nu2"]),  # detik codes may carry a digit
        ("(wsw/wsw)", "", ["wsw", "wsw"]),  # the same editor twice is kept twice, in order
        ("(kha)", "", ["kha"]),  # okezone: one code on a line of its own
        ("Demikian disampaikan Kapolres.(kha)", "Demikian disampaikan Kapolres.", ["kha"]),
    ],
)
def test_signoffs(paragraph: str, text: str, codes: list[str]) -> None:
    assert split_signoff(paragraph) == (text, codes)


@pytest.mark.parametrize("paragraph", [
    "Sumber: Kementerian Kesehatan (Kemenkes)",  # an acronym, not a sign-off
    "Harga emas naik (ANTARA)",  # an upper-case agency credit
    "menggunakan antarmuka (user interface/UI)",
    "dengan kapasitas baterai (mah)",  # a lone code after no finished sentence
])
def test_parentheses_that_are_not_signoffs(paragraph: str) -> None:
    assert split_signoff(paragraph) is None


def test_detik_tags_and_video_titles_after_the_signoff_leave_the_body() -> None:
    # detik CSV row 119: a video widget's title twice, the sign-off, then the tag list
    text = ("Jakarta\n-\nViral di media sosial, salat Iduladha dengan view tercantik.\n"
            "Indahnya pemandangan alam membuat tempat ini kerap disebut lokasi terindah.\n"
            "Lihat Proses Packing Carica sebagai Oleh-Oleh Khas Wonosobo\n"
            "Lihat Proses Packing Carica sebagai Oleh-Oleh Khas Wonosobo\n"
            "(wsw/wsw)\niduladha\niduladha 2025\nsalat iduladha")
    record = body_article(text)
    assert record.signoff == ["wsw", "wsw"]
    assert record.body == ["Viral di media sosial, salat Iduladha dengan view tercantik.",
                           "Indahnya pemandangan alam membuat tempat ini kerap disebut lokasi "
                           "terindah."]


def test_signoff_names_the_site_when_nothing_else_does() -> None:
    record = body_article("Kapanlagi.com - Polemik skincare belum juga usai.\n(kpl/eri)")
    assert record.site == "kapanlagi.com" and record.signoff == ["kpl", "eri"]


def test_text_after_a_code_in_parentheses_is_never_lost() -> None:
    # a code in the middle of a story is no closing sign-off: the paragraphs after it stay
    text = ("Jakarta - Bagian pertama laporan ini membahas harga pangan.(ant/dwi)\n"
            "Bagian kedua laporan ini membahas dampak kenaikan harga terhadap rumah tangga "
            "miskin di perkotaan dan pedesaan.")
    record = body_article(text)
    assert len(record.body) == 2
    assert record.body[1].startswith("Bagian kedua laporan ini")
