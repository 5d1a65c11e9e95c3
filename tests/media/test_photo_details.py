"""The photo viewer's details (media/photo_details.py): credits and camera settings as display
text, each saying where it was read; a damaged file gives its error instead of raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.media.photo_details import read_details


@pytest.mark.corpus
def test_an_agency_photo_shows_its_credits_and_camera() -> None:
    details = read_details(corpus_path("photos", "exifr", "iptc-agency-photographer-example.jpg"))
    assert details.error is None
    assert (details.width, details.height, details.format) == (527, 350, "JPEG")
    fields = details.fields
    assert fields["credit"] == "Mugwum Press"
    assert fields["photographer"] == "Julie Doe"
    assert fields["photographer_title"] == "Mugwum contract photographer"
    assert fields["source"] == "Julie Doe / Mugwum Press"
    assert fields["city"] == "Washington"
    assert fields["camera_make"] == "NIKON CORPORATION"
    assert fields["camera_model"] == "NIKON D2X"
    assert fields["exposure"] == "1/160 s"
    assert fields["aperture"] == "f/4"
    assert fields["focal_length"] == "130 mm"
    assert fields["iso"] == "100"
    assert details.sources["credit"] == "IPTC"
    assert details.sources["camera_model"] == "EXIF"


@pytest.mark.corpus
def test_a_camera_file_shows_its_exposure() -> None:
    details = read_details(corpus_path("photos", "exifr", "img_1771.jpg"))
    assert details.fields == {
        "camera_make": "Canon",
        "camera_model": "Canon PowerShot S40",
        "modified": "2003:12:14 12:01:44",
        "date": "2003:12:14 12:01:44",
        "focal_length": "21.3125 mm",
        "exposure": "1/500 s",
        "aperture": "f/4.9",
    }
    assert set(details.sources.values()) == {"EXIF"}


@pytest.mark.corpus
def test_xmp_fills_in_where_iptc_is_silent() -> None:
    details = read_details(corpus_path("photos", "exifr", "iptc-mess.jpg"))
    assert details.fields["photographer"] == "MARCO VILLANTI"
    assert details.sources["photographer"] == "IPTC"  # IPTC first, then XMP, then EXIF
    assert details.fields["lens"].startswith("80.0-200.0 mm")


@pytest.mark.corpus
def test_every_corpus_image_gives_details() -> None:
    files = sorted(
        p for p in corpus_path().rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".tif"}
    )
    assert files
    for path in files:
        details = read_details(path)
        assert details.error is None, (path.name, details.error)
        assert details.width * details.height > 0, path.name
        assert set(details.sources) == set(details.fields), path.name


@pytest.mark.corpus
def test_a_truncated_file_gives_its_details_or_its_error(tmp_path: Path) -> None:
    data = corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()
    (tmp_path / "half.jpg").write_bytes(data[: len(data) // 2])
    details = read_details(tmp_path / "half.jpg")  # the header is intact: credits still read
    assert details.fields["credit"] == "AP"
    (tmp_path / "junk.jpg").write_bytes(b"not a photo")
    broken = read_details(tmp_path / "junk.jpg")
    assert broken.error == "not an image Arsip can read"
    assert broken.fields == {}
