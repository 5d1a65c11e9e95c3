"""What the normaliser is unsure of is flagged for a librarian rather than stored as sure."""

from __future__ import annotations

from tests.ingest.conftest import body_article

from archive_app.ingest.normalise.titles import is_section_name

TEXT = "Jakarta - Pemerintah menaikkan harga BBM mulai hari ini, kata menteri."


def _kinds(record: object) -> list[str]:
    return [flag.kind for flag in getattr(record, "review", [])]


def test_a_title_that_names_a_section_is_flagged() -> None:
    for title in ("Ekonomi", "Berita Terkini", "News | Politics", "Gaya Hidup"):
        assert is_section_name(title), title
        record = body_article(TEXT, title=title)
        assert record.title == title and _kinds(record) == ["title"]
        assert "section" in record.warnings[0]
    for headline in ("Ekonomi Indonesia Tumbuh 5 Persen", "Harga BBM Naik Hari Ini"):
        assert not is_section_name(headline)
        assert _kinds(body_article(TEXT, title=headline)) == []


def test_a_person_whose_name_reads_as_an_organisation_is_flagged() -> None:
    for author in (
        "Humas Polda Metro Jaya",
        "PT Citilink Indonesia",
        "CITILINK",
        "Antara",
        "Liputan6.com",
    ):
        record = body_article(TEXT, title="Harga BBM Naik", author=author)
        assert [p.name for p in record.people] == [author]  # kept, not dropped
        assert _kinds(record) == ["person"], author
        assert author in record.warnings[0]
    for author in ("Yessy Artada", "Tim Regional", "ANDI SAPUTRA"):
        record = body_article(TEXT, title="Harga BBM Naik", author=author)
        assert _kinds(record) == [], author


def test_a_text_the_cleaning_empties_is_kept_and_flagged() -> None:
    record = body_article("SCROLL TO CONTINUE WITH CONTENT\nADVERTISEMENT")
    assert record.body == ["SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT"]
    assert _kinds(record) == ["body"]
    # a text of commas and spaces (empty list items) has nothing to keep
    assert body_article(",,, ,,").body == [] and _kinds(body_article(",,, ,,")) == []
