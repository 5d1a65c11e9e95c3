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
    record = body_article(
        "Teks berita.", date="2024-04-28T12:00:00Z", updated="2024-04-28T13:30:00Z"
    )
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
    found = parse_dates(
        "Published 18 Jun 2025, 10:00 WIB | Updated 18 Jun 2025, 14:05 WIB", default_offset=WIB
    )
    assert [(d.value, d.is_update) for d in found] == [
        ("2025-06-18T10:00:00+07:00", False),
        ("2025-06-18T14:05:00+07:00", True),
    ]


def test_separate_date_and_time_columns() -> None:
    # detik CSV rows: date "06 Jun 2025", time "11:20"
    record = body_article(
        "Teks berita itu dibaca oleh para warga di Jakarta.", date="06 Jun 2025", time="11:20"
    )
    assert record.published == "2025-06-06T11:20:00+07:00"


def test_a_date_without_a_time_stays_a_date() -> None:
    assert body_article("Teks.", date="10 Juni 2025").published == "2025-06-10"


def test_english_wire_dates_keep_no_guessed_zone() -> None:
    record = body_article(
        "Showers continued throughout the week in the Bahia cocoa zone.",
        date="26-FEB-1987 15:01:01.79",
        language="en",
    )
    assert record.published == "1987-02-26T15:01:01"
    assert parse_dates("Feb 26, 1987")[0].value == "1987-02-26"
    # "02/03/1987" is March 2nd in Indonesian, February 3rd in English
    assert body_article("Text.", date="02/03/1987", language="en").published == "1987-02-03"
    assert body_article("Teks.", date="02/03/1987").published == "1987-03-02"


@pytest.mark.parametrize(
    "raw", ["31 Februari 2025 10:00 WIB", "kemarin sore", "2 jam yang lalu", "18 Juni"]
)
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
    record = body_article(
        "Teks berita itu dibaca oleh para warga di Jakarta.", date="Tidak Ditemukan"
    )
    assert record.published is None and record.warnings == []


@pytest.mark.parametrize(
    "line",
    [
        "Jumat, 17 Mei 2024 – 03:50 WIB",
        "Kamis 09 Juli 2020 07:26 WIB",
        "Kompas.com - 02/11/2023, 21:34 WIB",
        "Diperbarui 18 Jun 2025, 14:05 WIB",
    ],
)
def test_date_lines_of_a_page(line: str) -> None:
    assert is_date_line(line)


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    assert not is_date_line("Kegiatan itu digelar pada Selasa (10/6/2025) di Jakarta.")


# Forms from other scrapers and sites (issue 11), grouped as the issue names them; each with
# its offset and the rule that read it, so a librarian can see which parser did.
FORMS = {
    "separators a URL or form encoding kept": [
        ("21+January+2019", "2019-01-21", "date:day-month-year+url-decoded"),
        (
            "Senin,+21+Januari+2019+22:05+WIB",
            "2019-01-21T22:05:00+07:00",
            "date:day-month-year+url-decoded",
        ),
        (
            "21%20Januari%202019%2007%3A05%20WITA",
            "2019-01-21T07:05:00+08:00",
            "date:day-month-year+url-decoded",
        ),
    ],
    "ISO 8601's basic form": [
        ("20180619T055000+0900", "2018-06-19T05:50:00+09:00", "date:iso-basic"),
        ("20180619T0550Z", "2018-06-19T05:50:00+00:00", "date:iso-basic"),
    ],
    "the C library's (and Java's) form, winter and summer time": [
        ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T15:28:56+01:00", "date:ctime"),
        ("Tue Jul 28 15:28:56 CEST 2020", "2020-07-28T15:28:56+02:00", "date:ctime"),
        ("Wed Mar 04 09:01:00 GMT 2020", "2020-03-04T09:01:00+00:00", "date:ctime"),
    ],
    "zones beyond WIB/WITA/WIT": [
        ("21 Jan 2019 10:00 EET", "2019-01-21T10:00:00+02:00", "date:day-month-year"),
        ("21 Jul 2019 10:00 EEST", "2019-07-21T10:00:00+03:00", "date:day-month-year"),
        ("21 Jan 2019 10:00 BST", "2019-01-21T10:00:00+01:00", "date:day-month-year"),
        ("21 Jan 2019 10:00 EST", "2019-01-21T10:00:00-05:00", "date:day-month-year"),
        ("21 Jul 2019 10:00 EDT", "2019-07-21T10:00:00-04:00", "date:day-month-year"),
        ("21 Jan 2019 10:00 PST", "2019-01-21T10:00:00-08:00", "date:day-month-year"),
        ("21 Jan 2019 10:00 GMT", "2019-01-21T10:00:00+00:00", "date:day-month-year"),
        ("21 Jan 2019 10:00 AEST", "2019-01-21T10:00:00+10:00", "date:day-month-year"),
        ("21 January 2019 07:05 (GMT+7)", "2019-01-21T07:05:00+07:00", "date:day-month-year"),
        # a zone only dateparser's table lists (Atlantic daylight time)
        ("21 Jan 2019 10:00 ADT", "2019-01-21T10:00:00-03:00", "date:day-month-year+zone-table"),
    ],
    "single-digit hours": [
        ("2019-01-21 7:05:00", "2019-01-21T07:05:00+07:00", "date:iso"),
        ("Senin, 21 Januari 2019 7:05 WIB", "2019-01-21T07:05:00+07:00", "date:day-month-year"),
    ],
    "day-month-year with one-digit parts, day first in Indonesian": [
        ("2-4-2022", "2022-04-02", "date:numeric"),
        ("Sabtu, 2-4-2022 7:05", "2022-04-02T07:05:00+07:00", "date:numeric"),
        # a part above 12 can only be the day, whatever the language's order
        ("01/21/2019", "2019-01-21", "date:numeric"),
    ],
    "year first, and a time printed before its date": [
        ("2019/01/21 07:05", "2019-01-21T07:05:00+07:00", "date:year-month-day"),
        (
            "10:23 WIB, Kamis 19 Juni 2025",
            "2025-06-19T10:23:00+07:00",
            "date:day-month-year+time-before",
        ),
    ],
    "what the hand-written reader does not know, dateparser reads": [
        ("21 Jan '19", "2019-01-21", "date:dateparser"),
        ("2019, 21 Januari", "2019-01-21", "date:dateparser"),
    ],
}


@pytest.mark.parametrize("form", list(FORMS))
def test_forms_of_other_scrapers(form: str) -> None:
    for raw, published, rule in FORMS[form]:
        record = body_article("Teks berita yang cukup panjang untuk diuji dan dibaca.", date=raw)
        assert (raw, record.published) == (raw, published)
        assert record.rules["published"] == f"{rule}:column"
        assert record.published_raw == raw and record.review == []


def test_english_clock_forms_keep_no_guessed_zone() -> None:
    record = body_article(
        "The government said it would cut taxes for the families.",
        date="January 21st, 2019 8pm",
        language="en",
    )
    assert record.published == "2019-01-21T20:00:00"
    record = body_article(
        "The government said it would cut taxes for the families.",
        date="Tue Jan 28 15:28:56 2020",
        language="en",
    )
    assert record.published == "2020-01-28T15:28:56"


def test_dateparser_reads_the_article_language() -> None:
    record = body_article(
        "Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuern "
        "sinken und die Renten steigen.",
        date="2. Mai 2022 um 19:05 Uhr",
        language="de",
    )
    assert record.published == "2022-05-02T19:05:00"  # no zone printed, none guessed for de
    assert record.rules["published"] == "date:dateparser:column"


@pytest.mark.parametrize("raw", ["kemarin 10:00", "2 jam yang lalu", "Januari 2019", "1548054300"])
def test_dateparser_guesses_nothing(raw: str) -> None:
    # relative dates have no anchor, a month is no day, a bare number may be an id
    record = body_article("Teks berita yang tetap disimpan.", date=raw)
    assert record.published is None and record.published_raw == raw
    assert [flag.kind for flag in record.review] == ["date"]


TEXT = "Presiden meresmikan jembatan itu pada Senin (21/1/2019) di Kupang. Warga menyambutnya."
PLAIN = "Warga menyambut jembatan baru itu dengan gembira di Kupang."


@pytest.mark.parametrize(
    ("date", "url", "text", "named"),
    [
        # an old-style detik address, the column a scraper's day
        (
            "2025-06-18",
            "https://news.detik.com/read/2019/12/27/141856/4837000/judul",
            PLAIN,
            "2019-12-27",
        ),
        ("2024-05-20", "https://example.co.id/2024/05/17/judul-berita/", PLAIN, "2024-05-17"),
        # a CNN Indonesia id opens with its day and time
        (
            "2024-06-01",
            "https://www.cnnindonesia.com/nasional/20240517123456-20-1098765/judul",
            PLAIN,
            "2024-05-17",
        ),
        # the opening sentence states its day with a weekday: another year
        ("2025-01-21", None, TEXT, "2019-01-21"),
    ],
)
def test_a_day_only_column_that_disagrees_is_flagged(
    date: str, url: str | None, text: str, named: str
) -> None:
    columns = {"date": date, **({"url": url} if url else {})}
    record = body_article(text, **columns)
    assert record.published == date  # the column's value is kept
    assert [flag.kind for flag in record.review] == ["date"]
    message = record.review[0].message
    assert date in message and named in message


def test_swapped_day_and_month_are_flagged() -> None:
    # "01/02/2019" read day first is 1 February; the opening's Wednesday is 2 January
    record = body_article(
        "Acara itu digelar pada Rabu (2/1/2019) di Jakarta. Teks lain.", date="01/02/2019"
    )
    assert record.published == "2019-02-01"
    assert [flag.kind for flag in record.review] == ["date"]
    assert "2019-01-02" in record.review[0].message


@pytest.mark.parametrize(
    ("date", "url", "text"),
    [
        ("2019-01-21", "https://news.okezone.com/read/2019/01/21/337/123/judul", TEXT),
        # the address made the night before the story went out
        ("2019-01-22", "https://news.okezone.com/read/2019/01/21/337/123/judul", PLAIN),
        # yesterday's event, next week's match: the event's day, not the column's
        ("2019-01-22", None, TEXT),
        ("2019-01-18", None, "Laga itu akan berlangsung pada Senin (21/1/2019) malam. Teks."),
        # a weekday that is not the date's: no evidence either way
        ("2025-01-21", None, "Acara itu digelar pada Selasa (21/1/2019) di Kupang. Teks."),
        # the column has a time: it is a publication moment, not a scraper's day
        ("2025-06-18 10:00", "https://news.detik.com/read/2019/12/27/141856/4837000/judul", TEXT),
    ],
)
def test_agreeing_or_explained_days_are_not_flagged(date: str, url: str | None, text: str) -> None:
    columns = {"date": date, **({"url": url} if url else {})}
    assert body_article(text, **columns).review == []


def test_an_indonesian_newsroom_prints_wib_whatever_the_article_language() -> None:
    # a detik photo gallery: a headline and no text, so no language, yet detik's times are WIB
    record = body_article(
        "",
        date="06 Jun 2025",
        time="21:02",
        site="hot.detik.com",
        title="Keseruan Berwisata Jeep Lava Tour Merapi",
    )
    assert record.language == "und"
    assert record.published == "2025-06-06T21:02:00+07:00"
