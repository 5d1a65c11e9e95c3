"""Photos: archived once by content, credits from the file's IPTC/XMP, bombs and damage refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (the pixels are never there)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def test_a_press_photo_becomes_a_record_with_its_embedded_credits(tmp_path: Path) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([photo])
        record = archive.record(report.added[0].article_id or 0)
        assert record["source"]["format"] == "photo"
        assert record["title"] == "BUSH"
        assert {"name": "Duane A. Laverty", "role": "photographer"} in record["people"]
        (lead,) = record["photos"]
        assert lead["credit"] == "AP" and lead["agency"] == "AP"
        assert "(AP Photo/Duane A. Laverty)" in lead["caption"]
        stored = archive.path / lead["media_path"]
        assert stored.read_bytes() == photo.read_bytes()
        detail = archive.article(report.added[0].article_id or 0)
        assert detail.record.photos[0].embedded is not None
        assert detail.record.photos[0].embedded["photographer"] == "DUANE A. LAVERTY"
        thumbs = list((archive.path / "media" / "thumbs").rglob("*.jpg"))
        assert len(thumbs) == 1 and thumbs[0].stat().st_size < photo.stat().st_size


@pytest.mark.parametrize(
    ("name", "photographer", "credit"),
    [
        ("iptc-staff-photographer-example.jpg", "John Doe", "Big Newspaper"),
        ("iptc-agency-photographer-example.jpg", "Julie Doe", "Mugwum Press"),
        ("iptc-independent-photographer-example.jpg", "David Riecks", None),
    ],
)
def test_iptc_reference_images_keep_their_credits(
    tmp_path: Path, name: str, photographer: str, credit: str | None
) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([corpus_path("photos", "exifr", name)])
        photo = archive.record(report.added[0].article_id or 0)["photos"][0]
    assert photo["photographer"] == photographer
    if credit:
        assert photo["credit"] == credit


def test_a_decompression_bomb_is_refused_and_the_rest_imports(
    tmp_path: Path, seed_file: Path
) -> None:
    bomb = tmp_path / "huge.png"
    bomb.write_bytes(_png_declaring(50_000, 50_000))
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([bomb, seed_file])
        assert [Path(f.path).name for f in report.failed] == ["huge.png"]
        assert "50,000 x 50,000" in report.failed[0].message
        assert len(report.added) == 1
        assert not any((archive.path / "media").rglob("*.png"))


def test_a_truncated_photo_is_reported(tmp_path: Path) -> None:
    photo = corpus_path("photos", "exifr", "door-knocker.jpg").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(photo[: len(photo) // 2])
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([cut])
    assert report.added == []
    assert "truncated" in report.failed[0].message or "damaged" in report.failed[0].message


def test_the_same_photo_in_two_files_is_stored_once(tmp_path: Path) -> None:
    photo = corpus_path("photos", "exifr", "iptc-staff-photographer-example.jpg").read_bytes()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.jpg").write_bytes(photo)
    (tmp_path / "a" / "two.jpg").write_bytes(photo)
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([tmp_path / "a"])
        stored = [p for p in (archive.path / "media").rglob("*.jpg") if "thumbs" not in p.parts]
    assert len(stored) == 1
