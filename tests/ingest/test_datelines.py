"""Datelines that open the text: the place becomes a field and the prefix leaves the body."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.datelines import split_dateline


@pytest.mark.parametrize(
    ("opening", "place", "site", "rest"),
    [
        ("jpnn.com, BALI - Direktorat Jenderal Informasi", "Bali", "jpnn.com", "Direktorat"),
        ("Liputan6.com, Jakarta - Harga emas", "Jakarta", "liputan6.com", "Harga"),
        ("Liputan6.com, Jakarta -Laju Indeks Harga Saham", "Jakarta", "liputan6.com", "Laju"),
        (
            "Liputan6.com, JakartaPT Semen Indonesia (Persero) Tbk",
            "Jakarta",
            "liputan6.com",
            "PT Semen",
        ),
        ("JAKARTA, KOMPAS.com - Menteri Perhubungan", "Jakarta", "kompas.com", "Menteri"),
        ("KOMPAS.com - Apakah tidur enam jam cukup?", None, "kompas.com", "Apakah"),
        ("KOMPAS.com- Hormat tertinggi diberikan", None, "kompas.com", "Hormat"),
        ("REPUBLIKA.CO.ID, OKI -- Tiga ekor gajah sumatra", "OKI", "republika.co.id", "Tiga"),
        (
            "TRIBUNNEWS.COM, JAKARTA - Komisi Pemberantasan Korupsi",
            "Jakarta",
            "tribunnews.com",
            "Komisi",
        ),
        ("KONTAN.CO.ID - JAKARTA. Harga emas batangan Antam", "Jakarta", "kontan.co.id", "Harga"),
        ("Bisnis.com, JAKARTA - PT Bank Rakyat Indonesia", "Jakarta", "bisnis.com", "PT Bank"),
        ("JAKARTA-Gunung Raungdi Jawa Timur", "Jakarta", None, "Gunung"),
        ("PADANG PARIAMAN - Polisi menangkap pelaku", "Padang Pariaman", None, "Polisi"),
        ("Jakarta - Seorang wanita muda terkena stroke", "Jakarta", None, "Seorang"),
        ("SALVADOR, Feb 26 - Showers continued", "Salvador", None, "Showers"),
        ("PORTLAND, Ore., Feb 26 - Red Lion Inns", "Portland, Ore.", None, "Red Lion"),
        ("AMSTERDAM, 2 March - The Dutch Central Bank", "Amsterdam", None, "The Dutch"),
    ],
)
def test_dateline_forms(opening: str, place: str | None, site: str | None, rest: str) -> None:
    found = split_dateline(opening)
    assert found is not None
    assert (found.place, found.site) == (place, site)
    assert found.rest.lstrip().startswith(rest)


def test_agency_in_a_dateline() -> None:
    found = split_dateline("Jakarta (ANTARA) - Presiden Prabowo Subianto")
    assert found is not None and (found.place, found.agency) == ("Jakarta", "ANTARA")


@pytest.mark.parametrize(
    "paragraph",
    [
        "COVID-19 merupakan penyakit menular.",
        "Mr.Smith, the director, said",
        "AS - China sepakat menurunkan tarif.",
        "Pemerintah – dalam hal ini kementerian – menyatakan",
    ],
)
def test_sentences_that_are_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_dateline_broken_over_lines_by_a_scraper() -> None:
    # detik CSV rows open with "Jakarta" / "-" / text
    record = body_article(
        "Jakarta\n-\nHonda Civic Type R Ultimate Edition resmi meluncur di Eropa."
    )
    assert record.dateline_place == "Jakarta"
    assert record.body == ["Honda Civic Type R Ultimate Edition resmi meluncur di Eropa."]
    # kompas CSV rows open with "BOGOR, KOMPAS.com –" on a line of its own
    record = body_article(
        "BOGOR, KOMPAS.com –\nKriminolog Universitas Indonesia menyebutkan hal itu."
    )
    assert record.dateline_place == "Bogor" and record.site == "kompas.com"
    assert record.body == ["Kriminolog Universitas Indonesia menyebutkan hal itu."]


def test_table_of_contents_above_the_dateline_is_not_body() -> None:
    # detik CSV row 4: "Daftar Isi" and its entries stand above "Jakarta" / "-"
    text = (
        "Daftar Isi\nPemutihan Pajak Kendaraan Jangan Disia-siakan\n"
        "Syarat Pemutihan Pajak Kendaraan Bermotor di Jawa Barat\nJakarta\n-\n"
        "Warga yang nunggak pajak kendaraan sebaiknya mengikuti pemutihan."
    )
    record = body_article(text)
    assert record.dateline_place == "Jakarta"
    assert record.body == ["Warga yang nunggak pajak kendaraan sebaiknya mengikuti pemutihan."]


def test_a_repeated_dateline_is_taken_off_every_copy() -> None:
    # republika's visual pages print the story whole, then paragraph by paragraph
    text = (
        "REPUBLIKA.CO.ID, LEBAK -- Pekerja berjalan melintasi jembatan.Balai Teknik mencatat "
        "progres pembangunan.Ikuti Whatsapp Channel Republikasumber : Antara Foto\n"
        "REPUBLIKA.CO.ID, LEBAK -- Pekerja berjalan melintasi jembatan.\n"
        "Balai Teknik mencatat progres pembangunan."
    )
    record = body_article(text, url="https://visual.republika.co.id/berita/x/y")
    assert record.dateline_place == "Lebak"
    assert record.body == [
        "Pekerja berjalan melintasi jembatan.",
        "Balai Teknik mencatat progres pembangunan.",
    ]
    assert record.agency == "Antara Foto"
    assert [(p.caption, p.credit) for p in record.photos] == [
        (
            "Pekerja berjalan melintasi jembatan. Balai Teknik mencatat progres pembangunan.",
            "Antara Foto",
        )
    ]


def test_a_text_that_is_only_a_dateline_keeps_it_and_is_flagged() -> None:
    # tempo in id_json: the scraper kept "TEMPO.CO,Jakarta-" and nothing after it; the record
    # is kept with the text as it came (nothing lost) and flagged for a librarian
    record = body_article("TEMPO.CO,Jakarta-")
    assert record.dateline_place == "Jakarta"
    assert record.body == ["TEMPO.CO,Jakarta-"] and record.rules["body"] == "body:uncleaned"
    # the body is flagged (and the language: a dateline alone cannot tell it)
    assert "body" in [flag.kind for flag in record.review]


def test_print_style_dateline() -> None:
    found = split_dateline("JAKARTA. Harga emas batangan Antam naik Rp 5.000.")
    assert found is not None and found.place == "Jakarta"
    assert split_dateline("KPK. Ia mengatakan hal itu.") is None  # too short for a place


def test_title_loses_the_site_name_and_page_furniture() -> None:
    record = body_article(
        "Teks.",
        url="https://money.kompas.com/read/2023/11/02/x",
        title="Menhub Bocorkan Penyebab Harga Tiket Pesawat Masih Mahal Halaman all - Kompas.com",
    )
    assert record.title == "Menhub Bocorkan Penyebab Harga Tiket Pesawat Masih Mahal"
    assert record.rules["title"] == "title:site-suffix-removed"
