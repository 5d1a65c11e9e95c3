"""Metadata bytes become text in one place (media.metadata.as_text): the credits the importer
stores and the photo viewer's details read the same bytes as the same words."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from archive_app.media.metadata import as_text, embedded_credit, read_metadata
from archive_app.media.photo_details import read_details


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Jakarta Post", "Jakarta Post"),
        ("Foto: Ñoño Widjaja".encode(), "Foto: Ñoño Widjaja"),
        (b"\x93Banjir\x94 \x96 \xa92009 Antara", "“Banjir” – ©2009 Antara"),  # Windows-1252
        (b"Caf\xe9 \x81", "Café \x81"),  # 0x81 is not Windows-1252: Latin-1 takes it
        (b"NIKON CORPORATION\x00\x00\x00", "NIKON CORPORATION"),
        (b"  Antara \x00 ", "Antara"),
        ("E-M10\x00", "E-M10"),
        (b"\x00\x00", ""),
        (None, ""),
        (100, "100"),
    ],
)
def test_a_value_reads_as_its_words(raw: object, text: str) -> None:
    assert as_text(raw) == text


def _jpeg_with_iptc_caption(caption: bytes) -> bytes:
    """A small JPEG whose IPTC caption (2:120) is these bytes, with no character set declared."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    jpeg = buffer.getvalue()
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    iptc += b"\x00" * (len(iptc) % 2)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def test_the_viewer_and_the_stored_credit_read_a_caption_alike(tmp_path: Path) -> None:
    data = _jpeg_with_iptc_caption(b"\x93Banjir rob\x94 di Pekalongan\x00")
    (tmp_path / "photo.jpg").write_bytes(data)
    stored = embedded_credit(read_metadata(data))["caption"]
    shown = read_details(tmp_path / "photo.jpg")
    assert shown.error is None
    assert stored == shown.fields["caption"] == "“Banjir rob” di Pekalongan"
    assert shown.sources["caption"] == "IPTC"
