"""People and roles from author columns, credit lines, bylines and closing credits."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article, page_article

from archive_app.domain.model import PersonRole
from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.people import (
    parse_closing_credit,
    parse_credit_line,
    people_from_author_column,
)


@pytest.mark.parametrize(
    ("column", "names"),
    [
        ("Luthfi Anshori - detikOto", ["Luthfi Anshori"]),  # a desk, not part of the name
        ("Nur Khafifah -detikNews", ["Nur Khafifah"]),
        (
            "Caroline Saskia, Wahyunanda Kusuma Pertiwi",
            ["Caroline Saskia", "Wahyunanda Kusuma Pertiwi"],
        ),
        (
            "Hafizh Wahyu Darmawan,            \n\n                Larissa Huda            \n\n"
            "Tim Redaksi",
            ["Hafizh Wahyu Darmawan", "Larissa Huda"],
        ),
        ("Tim Regional", ["Tim Regional"]),  # team bylines count as authors
        ("by Janie Gabbett, Reuters", ["Janie Gabbett"]),
        ("Tidak Ditemukan", []),
    ],
)
def test_author_columns(column: str, names: list[str]) -> None:
    site = rules().site("kompas.com")
    assert [p.name for p in people_from_author_column(column, site)] == names


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Redaktur & Reporter : Yessy Artada",
            [("Yessy Artada", "editor"), ("Yessy Artada", "reporter")],
        ),
        ("Penulis: Muhammad Renald Shiftanto", [("Muhammad Renald Shiftanto", "author")]),
        ("Editor : Hadijah Alaydrus", [("Hadijah Alaydrus", "editor")]),
        (
            "Reporter: Yuliana Hema | Editor: Noverius Laoli",
            [("Yuliana Hema", "reporter"), ("Noverius Laoli", "editor")],
        ),
        ("Pewarta: Fianda Sjofjan Rassat", [("Fianda Sjofjan Rassat", "reporter")]),
        (
            "Laporan Wartawan Tribunnews.com, Ilham Rian Pratama",
            [("Ilham Rian Pratama", "reporter")],
        ),
        (
            "Laporan Wartawan Tribun Jateng, Rahdyan Trijoko Pamungkas",
            [("Rahdyan Trijoko Pamungkas", "reporter")],
        ),
        ("By Michael Gelb, Reuters", [("Michael Gelb", "author")]),
        ("Vidya Pinandhita - detikHealth", [("Vidya Pinandhita", "author")]),
    ],
)
def test_credit_lines(line: str, people: list[tuple[str, str]]) -> None:
    found = parse_credit_line(line)
    assert found is not None
    assert [(p.name, p.role) for p in found[0]] == people


@pytest.mark.parametrize(
    "line",
    [
        "Catatan: harga dapat berubah sewaktu-waktu.",
        "Baca juga: Kominfo Beri Penghargaan kepada 36 Mitra Terbaik Newsroom",
        "Oleh karena itu, pemerintah meminta warga berhati-hati.",
        "Foto: Dok. Honda",
    ],
)
def test_lines_that_credit_nobody(line: str) -> None:
    assert parse_credit_line(line) is None


def test_closing_credits() -> None:
    # okezone closes with its editor's name; tribunnews with outlet and reporter
    assert parse_closing_credit("(Angkasa Yudhistira)", None, "id") == (
        [PersonRole("Angkasa Yudhistira", "editor")],
        "people:closing-name",
    )
    assert parse_closing_credit("(Tribunnews.com/Danang Triatmojo)", None, "id") == (
        [PersonRole("Danang Triatmojo", "reporter")],
        "people:closing-outlet-name",
    )
    # an English wire's closing company name is nobody's credit
    assert parse_closing_credit("(Del E. Webb Investment Properties Inc)", None, "en") is None
    assert parse_closing_credit("(kha)", None, "id") is None


def test_okezone_closing_editor_leaves_the_body() -> None:
    text = (
        "JAKARTA-Gunung Raungdi Jawa Timur, kembalierupsi.\n"
        "Gunung api ini merupakan gunung api strato berkaldera.\n(Angkasa Yudhistira)"
    )
    record = body_article(text, author="Binti Mufarida")
    assert [(p.name, p.role) for p in record.people] == [
        ("Binti Mufarida", "author"),
        ("Angkasa Yudhistira", "editor"),
    ]
    assert record.body[-1] == "Gunung api ini merupakan gunung api strato berkaldera."


def test_trailer_credits_and_source_agency() -> None:
    text = (
        "Liputan6.com, Jakarta - Harga emas turun pada perdagangan hari ini.\n"
        "Penurunan dipicu penguatan dolar AS.\nReporter: Maria Flora\nSumber: Merdeka.com"
    )
    record = body_article(text)
    assert [(p.name, p.role) for p in record.people] == [("Maria Flora", "reporter")]
    assert record.agency == "Merdeka.com"
    assert record.body == [
        "Harga emas turun pada perdagangan hari ini.",
        "Penurunan dipicu penguatan dolar AS.",
    ]


def test_desk_byline_names_the_site() -> None:
    record = page_article(
        "Curhat Wanita Kena Stroke di Umur 26\nVidya Pinandhita - detikHealth\n"
        "Kamis, 02 Nov 2023 20:59 WIB\nJakarta - Seorang wanita muda terkena "
        "stroke di usia 26 tahun."
    )
    assert record.site == "detik.com" and record.rules["site"] == "site:desk"
    assert [(p.name, p.role) for p in record.people] == [("Vidya Pinandhita", "author")]


def test_byline_box_with_role_and_date() -> None:
    # okezone's byline box (html_id okezone page)
    record = page_article(
        "Cara Memulai Bisnis Baru\n"
        "Natasha Oktalia, Jurnalis · Kamis 09 Juli 2020 07:26 WIB\n"
        "JAKARTA - Memulai bisnis baru memerlukan persiapan matang."
    )
    assert record.published == "2020-07-09T07:26:00+07:00"
    assert [(p.name, p.role) for p in record.people] == [("Natasha Oktalia", "reporter")]
    assert record.body == ["Memulai bisnis baru memerlukan persiapan matang."]


def test_author_column_with_labels_keeps_the_roles() -> None:
    record = body_article("Teks.", author="Penulis: Rika Anggraeni | Editor: Hadijah Alaydrus")
    assert [(p.name, p.role) for p in record.people] == [
        ("Rika Anggraeni", "author"),
        ("Hadijah Alaydrus", "editor"),
    ]
    record = body_article("Teks.", author="Tribunnews.com/Ilham Rian Pratama")
    assert [(p.name, p.role) for p in record.people] == [("Ilham Rian Pratama", "author")]
