"""Closing sign-offs: the editors' codes are recorded in order and leave the body."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.signoff import split_signoff


@pytest.mark.parametrize(
    ("paragraph", "text", "codes"),
    [
        (
            "kinerja institusi yang menggaungkan narasai tunggal pada 2023.(chi/jpnn)",
            "kinerja institusi yang menggaungkan narasai tunggal pada 2023.",
            ["chi", "jpnn"],
        ),
        ("(riar/dry)", "", ["riar", "dry"]),
        ("(kpl/vna)", "", ["kpl", "vna"]),
        ("(ahs/nu2)", "", ["ahs", "nu2"]),  # detik codes may carry a digit
        ("(wsw/wsw)", "", ["wsw", "wsw"]),  # the same editor twice is kept twice, in order
        ("(kha)", "", ["kha"]),  # okezone: one code on a line of its own
        ("Demikian disampaikan Kapolres.(kha)", "Demikian disampaikan Kapolres.", ["kha"]),
        # title case as well as lower case
        ("kata dia. (Dio/Ysl)", "kata dia.", ["Dio", "Ysl"]),
        ("(ahs/Dep)", "", ["ahs", "Dep"]),
    ],
)
def test_signoffs(paragraph: str, text: str, codes: list[str]) -> None:
    assert split_signoff(paragraph) == (text, codes)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Sumber: Kementerian Kesehatan (Kemenkes)",  # an acronym, not a sign-off
        "Harga emas naik (ANTARA)",  # an upper-case agency credit
        "menggunakan antarmuka (user interface/UI)",
        "dengan kapasitas baterai (mah)",  # a lone code after no finished sentence
        "Mobil itu melaju dengan kecepatan 80 (km/jam).",  # a unit, from the [signoff] table
        "deliveries of 24.38 mln tonnes in 1985/86 (August/July).",  # months
        "Foto: Rapat DPRD Banten. (Arief/detikcom)",  # a photographer's name is no initials
        "Kedua tim bermain imbang (AP/AFP)",  # agencies in capitals
    ],
)
def test_parentheses_that_are_not_signoffs(paragraph: str) -> None:
    assert split_signoff(paragraph) is None


def test_detik_tags_and_video_titles_after_the_signoff_leave_the_body() -> None:
    # detik CSV row 119: a video widget's title twice, the sign-off, then the tag list
    text = (
        "Jakarta\n-\nViral di media sosial, salat Iduladha dengan view tercantik.\n"
        "Indahnya pemandangan alam membuat tempat ini kerap disebut lokasi terindah.\n"
        "Lihat Proses Packing Carica sebagai Oleh-Oleh Khas Wonosobo\n"
        "Lihat Proses Packing Carica sebagai Oleh-Oleh Khas Wonosobo\n"
        "(wsw/wsw)\niduladha\niduladha 2025\nsalat iduladha"
    )
    record = body_article(text)
    assert record.signoff == ["wsw", "wsw"]
    assert record.body == [
        "Viral di media sosial, salat Iduladha dengan view tercantik.",
        "Indahnya pemandangan alam membuat tempat ini kerap disebut lokasi terindah.",
    ]


def test_signoff_names_the_site_when_nothing_else_does() -> None:
    record = body_article("Kapanlagi.com - Polemik skincare belum juga usai.\n(kpl/eri)")
    assert record.site == "kapanlagi.com" and record.signoff == ["kpl", "eri"]


def test_text_after_a_code_in_parentheses_is_never_lost() -> None:
    # a code in the middle of a story is no closing sign-off: the paragraphs after it stay
    text = (
        "Jakarta - Bagian pertama laporan ini membahas harga pangan.(ant/dwi)\n"
        "Bagian kedua laporan ini membahas dampak kenaikan harga terhadap rumah tangga "
        "miskin di perkotaan dan pedesaan."
    )
    record = body_article(text)
    assert len(record.body) == 2
    assert record.body[1].startswith("Bagian kedua laporan ini")


def test_a_title_case_signoff_closes_the_story() -> None:
    record = body_article("Jakarta - Harga cabai naik tajam pekan ini.\n(Dio/Ysl)")
    assert record.signoff == ["Dio", "Ysl"]
    assert record.body == ["Harga cabai naik tajam pekan ini."]


def test_agency_credits_and_units_stay_text() -> None:
    for closing in (
        "Harga cabai naik tajam pekan ini (ANTARA)",
        "Mobil listrik itu melaju hingga 120 (km/jam).",
    ):
        record = body_article(f"Jakarta - {closing}")
        assert record.signoff == [] and record.body == [closing]


def test_a_signoff_run_into_its_tag_list_in_one_line() -> None:
    # detik one-line item: "… lanjut Pras. (eva/fca) badan komunikasi pemerintah …"
    record = body_article(
        'Jakarta - Pras mengatakan tim akan dipindahkan. "Untuk sementara '
        'ini ya," lanjut Pras. (eva/fca) badan komunikasi pemerintah pco '
        "prabowo subianto"
    )
    assert record.signoff == ["eva", "fca"]
    assert record.body == [
        'Pras mengatakan tim akan dipindahkan. "Untuk sementara ini ya," lanjut Pras.'
    ]
