"""What every format derives from a record: dates, names, the publication, citation keys."""

from __future__ import annotations

import dataclasses

import pytest

from archive_app.domain.model import ArticleDetail, CatalogueRecord
from archive_app.exports import record_fields as fields
from archive_app.exports.keys import citation_key


@pytest.mark.parametrize(
    ("text", "parts", "time", "zone"),
    [
        ("2024-05-17T03:50:00+07:00", [2024, 5, 17], "03:50:00", "+07:00"),
        ("2023-02-03T10:15", [2023, 2, 3], "10:15", None),
        ("2023-02-04", [2023, 2, 4], None, None),
        ("2024-05", [2024, 5], None, None),
        ("2024", [2024], None, None),
        ("2024-05-17T03:50:00Z", [2024, 5, 17], "03:50:00", "Z"),
        ("2024-05-17T03:50:00+0700", [2024, 5, 17], "03:50:00", "+07:00"),
    ],
)
def test_dates_split_as_printed(
    text: str, parts: list[int], time: str | None, zone: str | None
) -> None:
    date = fields.parse_date(text)
    assert date is not None
    assert (date.parts, date.time, date.zone) == (parts, time, zone)


@pytest.mark.parametrize("text", [None, "", "17 Mei 2024", "2024-13-01", "2024-05-32"])
def test_unreadable_dates_are_none(text: str | None) -> None:
    assert fields.parse_date(text) is None


def test_date_wordings() -> None:
    date = fields.parse_date("2024-05-17T03:50:00+07:00")
    assert date is not None
    assert (date.long(), date.apa(), date.day_iso) == ("May 17, 2024", "2024, May 17", "2024-05-17")
    month = fields.parse_date("2024-05")
    assert month is not None and (month.long(), month.apa()) == ("May 2024", "2024, May")


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Yessy Artada", "Yessy", "Artada"),
        ("Sukarno", "", "Sukarno"),
        ("Duane A. Laverty", "Duane A.", "Laverty"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Ahmad bin Abdullah", "Ahmad", "bin Abdullah"),
        ("Ana María Pérez", "Ana María", "Pérez"),
    ],
)
def test_names_split_at_the_last_word(name: str, given: str, family: str) -> None:
    assert fields.split_name(name) == fields.NameParts(given, family)


def test_initials() -> None:
    assert fields.initials("Duane A.") == "D. A."
    assert fields.initials("Jean-Paul") == "J.-P."


@pytest.mark.parametrize(
    ("site", "name"),
    [
        ("jpnn.com", "JPNN.com"),
        ("news.detik.com", "detikcom"),
        ("example.com", "example.com"),
        (None, None),
    ],
)
def test_publication_names_come_from_the_site_table(site: str | None, name: str | None) -> None:
    assert fields.publication(CatalogueRecord(site=site)) == name


def test_people_by_role(details: dict[str, ArticleDetail]) -> None:
    seed = details["seed"]
    assert fields.creators(seed) == ["Yessy Artada"]  # the reporter wrote it
    assert fields.names(seed.record, "editor") == ["Yessy Artada"]
    photo = details["photo"]
    assert fields.creators(photo) == ["Duane A. Laverty"]  # a photo record's maker
    assert fields.contributors(photo) == []
    row = details["row"]
    assert fields.creators(row) == ["Budi Santoso"]
    assert fields.contributors(row) == ["Agus Salim"]


def test_photo_credits_prefer_the_articles_spelling(details: dict[str, ArticleDetail]) -> None:
    record = details["photo"].record
    (photo,) = record.photos
    assert photo.photographer == "DUANE A. LAVERTY"  # as the IPTC block has it
    assert fields.photographer(record, photo) == "Duane A. Laverty"
    assert fields.credit_text(record, photo) == "AP"


def test_accessed_is_the_import_day(details: dict[str, ArticleDetail], imported_on: str) -> None:
    seen = fields.accessed(details["seed"])
    assert seen is not None and seen.day_iso == imported_on


def test_citation_keys_are_readable_unique_and_stable(details: dict[str, ArticleDetail]) -> None:
    seed = details["seed"]
    assert citation_key(seed) == f"artada2024gaungkan_{seed.id}"
    assert citation_key(details["photo"]).startswith("laverty2003bush_")
    assert citation_key(details["plain"]).startswith("perez2023second_")
    keys = [citation_key(d) for d in details.values()]
    assert len(set(keys)) == len(keys)
    # the same first author, year and first word still differ by the article id
    twin = dataclasses.replace(seed, id=seed.id + 100)
    assert citation_key(twin) != citation_key(seed)
    assert citation_key(seed) == citation_key(dataclasses.replace(seed))


def test_a_key_without_people_uses_the_publication() -> None:
    detail = ArticleDetail(
        7,
        CatalogueRecord(title="Banjir di Gresik", site="jpnn.com", published="2024-01-02"),
        [],
        [],
        1,
        1,
        "",
        "",
    )
    assert citation_key(detail) == "jpnn2024banjir_7"
    nothing = ArticleDetail(8, CatalogueRecord(title="日本"), [], [], 1, 1, "", "")
    assert citation_key(nothing) == "arsipnd_8"


def test_a_web_archive_capture_is_the_accessed_date(details: dict[str, ArticleDetail]) -> None:
    record = dataclasses.replace(details["seed"].record, captured="2024-05-18T01:02:03Z")
    captured = dataclasses.replace(details["seed"], record=record)
    seen = fields.accessed(captured)
    assert seen is not None and seen.day_iso == "2024-05-18"
