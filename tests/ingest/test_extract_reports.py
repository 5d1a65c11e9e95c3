"""What a librarian is told: records without text are failures, unreadable dates warnings."""

from __future__ import annotations

from archive_app.ingest.extract import extract_file

HEADER = b"title,source,date,time,category,sub-category,content,url,author\n"


def test_a_row_without_article_text_is_reported_not_stored() -> None:
    data = HEADER + (
        b'Judul,detik.com,06 Jun 2025,11:20,,,"  ",'
        b"https://news.detik.com/berita/d-1/judul,Nur Khafifah -detikNews\n"
    )
    items = list(extract_file("berita.csv", data).items)
    assert [(i.locator, i.record, i.failure) for i in items] == [
        ("row 1", None, "the record has no article text")
    ]


def test_a_row_whose_text_is_all_furniture_is_kept_as_it_came_and_flagged() -> None:
    # the cleaning leaves no paragraph: the record is stored with the text uncleaned, so
    # nothing is lost, and a librarian is told to look at its body
    data = HEADER + (
        b'Judul,detik.com,06 Jun 2025,11:20,,,"SCROLL TO CONTINUE WITH CONTENT",'
        b"https://news.detik.com/berita/d-1/judul,Nur Khafifah -detikNews\n"
    )
    items = list(extract_file("berita.csv", data).items)
    assert len(items) == 1 and items[0].failure is None and items[0].record is not None
    record = items[0].record
    assert record.body == ["SCROLL TO CONTINUE WITH CONTENT"]
    assert [flag.kind for flag in record.review] == ["body"]
    assert "no article text" in items[0].warnings[0]


def test_an_unreadable_date_is_a_warning_and_the_record_is_kept() -> None:
    data = HEADER + (
        b'Judul,detik.com,31 Februari 2025,11:20,,,"Jakarta - Teks berita ini tetap '
        b'disimpan.",https://news.detik.com/berita/d-2/judul,Luthfi Anshori\n'
    )
    items = list(extract_file("berita.csv", data).items)
    assert len(items) == 1 and items[0].record is not None
    record = items[0].record
    assert record.published is None and record.published_raw == "31 Februari 2025"
    assert items[0].warnings == record.warnings
    assert "31 Februari 2025" in items[0].warnings[0] and "left empty" in items[0].warnings[0]
    assert record.body == ["Teks berita ini tetap disimpan."]
