"""Credits embedded in photos (media/metadata.py): the IPTC example photos give the credit,
photographer, agency and copyright their metadata states, as the importer stores them."""

from __future__ import annotations

import pytest
from tests.conftest import corpus_path

from archive_app.media.metadata import embedded_credit, read_metadata


def _credit(name: str) -> dict[str, str | None]:
    return embedded_credit(read_metadata(corpus_path("photos", "exifr", name).read_bytes()))


@pytest.mark.corpus
def test_the_agency_photographer_example_names_the_agency_and_photographer() -> None:
    credit = _credit("iptc-agency-photographer-example.jpg")
    assert credit["credit"] == "Mugwum Press"
    assert credit["photographer"] == "Julie Doe"
    assert credit["agency"] == "Julie Doe / Mugwum Press"
    assert credit["copyright"] == "©2009 Julie Doe / Mugwum Press, all rights reserved"
    assert credit["headline"] == "Lincoln Memorial"
    assert credit["taken"] == "2009:06:24 09:41:07"  # EXIF's moment before IPTC's date
    assert (credit["caption"] or "").startswith("This statue of the 16th President")


@pytest.mark.corpus
def test_the_staff_photographer_example_names_the_newspaper() -> None:
    credit = _credit("iptc-staff-photographer-example.jpg")
    assert credit["credit"] == "Big Newspaper"
    assert credit["photographer"] == "John Doe"
    assert credit["agency"] == "John Doe / Big Newspaper"
    assert credit["copyright"] == "©2010 Big Newspaper, all rights reserved"
    assert credit["headline"] == "Farmer planting onions"
    assert credit["taken"] == "20070419"  # no EXIF date: IPTC's DateCreated
    assert credit["caption"] == (
        "After digging the furrows another ten yards with the tractor, "
        "Jim Moore hops off to hand-set more leeks and onions."
    )


@pytest.mark.corpus
def test_keywords_stay_a_list_and_fields_keep_their_standard_names() -> None:
    metadata = read_metadata(
        corpus_path("photos", "exifr", "iptc-staff-photographer-example.jpg").read_bytes()
    )
    assert set(metadata) == {"iptc", "xmp", "exif"}
    iptc = metadata["iptc"]
    assert iptc["By-line"] == "John Doe"
    assert iptc["By-lineTitle"] == "Staff Photographer"
    assert iptc["City"] == "Watseka"
    assert isinstance(iptc["Keywords"], list) and "onions" in iptc["Keywords"]


@pytest.mark.corpus
def test_a_camera_file_without_credits_gives_only_its_date() -> None:
    credit = _credit("img_1771.jpg")
    assert credit["taken"] == "2003:12:14 12:01:44"
    assert [key for key, value in credit.items() if value] == ["taken"]


@pytest.mark.corpus
def test_every_corpus_image_reads_without_raising() -> None:
    files = sorted(
        p for p in corpus_path().rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".tif"}
    )
    assert files
    for path in files:
        metadata = read_metadata(path.read_bytes())
        assert set(metadata) == {"iptc", "xmp", "exif"}, path.name
        assert set(embedded_credit(metadata)) >= {"credit", "photographer", "agency"}, path.name
