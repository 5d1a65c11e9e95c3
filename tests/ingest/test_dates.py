"""Dates as Indonesian and English newsrooms print them, and dates that cannot be read."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.dates import DateProblem, is_date_line, parse_dates

WIB = "+07:00"


@pytest.mark.parametrize(
    ("raw", "published"),
    [
        # the seed page's date line
        ("Jumat, 17 Mei 2024 – 03:50 WIB", "2024-05-17T03:50:00+07:00"),
        # kompas tanggal columns in id_csv and id_json
        ("Kompas.com - 10/06/2025, 21:23 WIB", "2025-06-10T21:23:00+07:00"),
        ("Kompas.com- 19/06/2025, 09:01 WIB", "2025-06-19T09:01:00+07:00"),
        # okezone and republika columns in id_json
        (", Jurnalis-Kamis, 19 Juni 2025 |10:23 WIB", "2025-06-19T10:23:00+07:00"),
        ("Rabu   18 Jun 2025  22:00 WIB", "2025-06-18T22:00:00+07:00"),
        # forms issue 3 names
        ("Senin, 21 Januari 2019 / 22:05 WIB", "2019-01-21T22:05:00+07:00"),
        ("29 Maret 2022 09:27 WIB", "2022-03-29T09:27:00+07:00"),
        ("Selasa (22/1/2019)", "2019-01-22"),
        ("Kamis, 19 Juni 2025 10:23 WITA", "2025-06-19T10:23:00+08:00"),
        ("Kamis, 19 Juni 2025 10:23 WIT", "2025-06-19T10:23:00+09:00"),
        ("17 Agt 2024", "2024-08-17"),
        ("2 Des 2024 08.15", "2024-12-02T08:15:00+07:00"),
        ("2025-06-18T14:05:00+07:00", "2025-06-18T14:05:00+07:00"),
        ("Thu, 19 Jun 2025 10:23:00 +0700", "2025-06-19T10:23:00+07:00"),
    ],
)
def test_indonesian_dates(raw: str, published: str) -> None:
    record = body_article("Teks berita yang cukup panjang untuk diuji.", date=raw)
    assert record.published == published
    assert record.published_raw == raw.strip()
    assert record.updated is None and record.warnings == []


def test_an_update_column_is_kept_as_the_source_printed_it() -> None:
    # a page's dateModified, a table's "updated" column: no marker of ours in the original
    record = body_article("Teks berita.", date="2024-04-28T12:00:00Z",
                          updated="2024-04-28T13:30:00Z")
    assert record.published == "2024-04-28T12:00:00+00:00"
    assert record.updated == "2024-04-28T13:30:00+00:00"
    assert record.updated_raw == "2024-04-28T13:30:00Z"
    unreadable = body_article("Teks berita.", updated="kemarin sore")
    assert unreadable.updated is None and unreadable.updated_raw == "kemarin sore"


def test_diperbarui_is_the_update_time_not_publication() -> None:
    # liputan6 in id_json prints only the update time
    record = body_article("Teks berita.", date="Diperbarui 18 Jun 2025, 14:05 WIB")
    assert record.published is None
    assert record.updated == "2025-06-18T14:05:00+07:00"
    assert record.updated_raw == "Diperbarui 18 Jun 2025, 14:05 WIB"


def test_published_and_updated_in_one_string() -> None:
    found = parse_dates("Published 18 Jun 2025, 10:00 WIB | Updated 18 Jun 2025, 14:05 WIB",
                        default_offset=WIB)
    assert [(d.value, d.is_update) for d in found] == [
        ("2025-06-18T10:00:00+07:00", False), ("2025-06-18T14:05:00+07:00", True)]


def test_separate_date_and_time_columns() -> None:
    # detik CSV rows: date "06 Jun 2025", time "11:20"
    record = body_article("Teks berita.", date="06 Jun 2025", time="11:20")
    assert record.published == "2025-06-06T11:20:00+07:00"


def test_a_date_without_a_time_stays_a_date() -> None:
    assert body_article("Teks.", date="10 Juni 2025").published == "2025-06-10"


def test_english_wire_dates_keep_no_guessed_zone() -> None:
    record = body_article("Showers continued throughout the week in the Bahia cocoa zone.",
                          date="26-FEB-1987 15:01:01.79", language="en")
    assert record.published == "1987-02-26T15:01:01"
    assert parse_dates("Feb 26, 1987")[0].value == "1987-02-26"
    # "02/03/1987" is March 2nd in Indonesian, February 3rd in English
    assert body_article("Text.", date="02/03/1987", language="en").published == "1987-02-03"
    assert body_article("Teks.", date="02/03/1987").published == "1987-03-02"


@pytest.mark.parametrize("raw", ["31 Februari 2025 10:00 WIB", "kemarin sore", "2 jam yang lalu",
                                 "18 Juni"])
def test_unreadable_dates_warn_and_keep_the_original(raw: str) -> None:
    record = body_article("Teks berita yang tetap disimpan.", date=raw)
    assert record.published is None and record.updated is None  # never a guessed date
    assert record.published_raw == raw
    assert len(record.warnings) == 1 and repr(raw) in record.warnings[0]
    assert record.body == ["Teks berita yang tetap disimpan."]


def test_impossible_date_is_a_problem_not_a_date() -> None:
    with pytest.raises(DateProblem):
        parse_dates("Rabu, 31/2/2025")


def test_no_date_in_the_source_is_not_a_warning() -> None:
    # kapanlagi's date column says "Tidak Ditemukan" (not found)
    record = body_article("Teks.", date="Tidak Ditemukan")
    assert record.published is None and record.warnings == []


@pytest.mark.parametrize("line", ["Jumat, 17 Mei 2024 – 03:50 WIB", "Kamis 09 Juli 2020 07:26 WIB",
                                  "Kompas.com - 02/11/2023, 21:34 WIB",
                                  "Diperbarui 18 Jun 2025, 14:05 WIB"])
def test_date_lines_of_a_page(line: str) -> None:
    assert is_date_line(line)


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    assert not is_date_line("Kegiatan itu digelar pada Selasa (10/6/2025) di Jakarta.")
