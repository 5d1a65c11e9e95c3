"""Paragraphs a scraper broke at links are mended; paragraphs it repeated are kept once."""

from __future__ import annotations

from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.paragraphs import (
    drop_concatenations,
    drop_repeats,
    repair_split_sentences,
)


def test_sentence_broken_at_keyword_links_is_mended() -> None:
    # kompas CSV row 4: the scraper broke the first sentence at two links
    pieces = [
        "Kriminolog Universitas Indonesia, Adrianus Meliala, menyebutkan kemunculan "
        "kelompok remaja di kawasan Mulyaharja, Kecamatan",
        "Bogor Selatan",
        ", merupakan bentuk",
        "perilaku kolektif",
        "yang menyimpang.",
    ]
    assert repair_split_sentences(pieces) == [
        "Kriminolog Universitas Indonesia, Adrianus Meliala, menyebutkan kemunculan kelompok "
        "remaja di kawasan Mulyaharja, Kecamatan Bogor Selatan, merupakan bentuk perilaku "
        "kolektif yang menyimpang."
    ]


def test_whole_sentences_are_not_joined() -> None:
    paragraphs = ["Harga emas turun pada perdagangan hari ini.", "Penurunan dipicu dolar AS."]
    assert repair_split_sentences(paragraphs) == paragraphs


def test_repeated_paragraphs_are_kept_once() -> None:
    # kapanlagi CSV row 69 prints every paragraph of a section twice
    paragraph = (
        "Lee Seung Gi dan Bae Suzy menjadi salah satu pasangan drama Korea yang paling "
        "diingat penonton."
    )
    later = "Bertahun-tahun kemudian, keduanya bertemu lagi."
    assert drop_repeats([paragraph, later, paragraph]) == [paragraph, later]


def test_short_repeats_and_captions_are_kept() -> None:
    caption = "Honda Civic Type R Ultimate Edition Foto: Dok. Honda"
    assert drop_repeats(
        ["Isuzu", "Teks.", "Isuzu", caption, caption], keep=frozenset({caption})
    ) == ["Isuzu", "Teks.", "Isuzu", caption, caption]


def test_a_paragraph_that_is_others_run_together_goes() -> None:
    first = "Pekerja berjalan melintasi akses jembatan penyeberangan di Stasiun Rangkasbitung."
    second = "Balai Teknik Perkeretaapian Kelas I Jakarta mencatat progres pengerjaan."
    assert drop_concatenations([first + second, first, second]) == [first, second]
    assert drop_concatenations([first, second, "Penutup."]) == [first, second, "Penutup."]


def test_kompas_links_and_repeats_end_to_end() -> None:
    text = (
        "BOGOR, KOMPAS.com –\nKriminolog Universitas Indonesia menyebutkan kemunculan "
        "kelompok remaja di kawasan Mulyaharja, Kecamatan\nBogor Selatan\n, merupakan bentuk\n"
        "perilaku kolektif\nyang menyimpang.\n“Pada dasarnya, ini adalah perilaku kolektif,” "
        "ujar Adrianus saat dihubungi\nKompas.com,\nSelasa (10/6/2025)."
    )
    assert body_article(text).body == [
        "Kriminolog Universitas Indonesia menyebutkan kemunculan kelompok remaja di kawasan "
        "Mulyaharja, Kecamatan Bogor Selatan, merupakan bentuk perilaku kolektif yang menyimpang.",
        "“Pada dasarnya, ini adalah perilaku kolektif,” ujar Adrianus saat dihubungi Kompas.com, "
        "Selasa (10/6/2025).",
    ]


def test_the_whole_article_glued_before_its_paragraphs_goes() -> None:
    # okezone in id_json: line 1 is the article run together with its subheadings
    first = "Marquez mengaku tetap rajin latihan meski sudah punya banyak gelar di MotoGP."
    second = "Marquez sudah lebih dari 10 tahun berkarier di MotoGP sejak debut pada 2013."
    glued = f"{first}{second}1. Tidak Mau Berpuas Diri"
    assert drop_concatenations([glued, first, second]) == [first, second]
