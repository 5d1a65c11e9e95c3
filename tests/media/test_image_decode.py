"""Opening images safely (media/decode.py): a real photo opens with its size; a truncated
file and a pixel bomb are refused with a one-line reason instead of being decoded."""

from __future__ import annotations

import struct
import zlib

import pytest
from tests.conftest import corpus_path

from archive_app.domain.errors import ReadError
from archive_app.media.decode import inspect_image, open_image


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height pixels, with almost no pixel data behind it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + _chunk(b"IEND", b"")
    )


@pytest.mark.corpus
def test_a_press_photo_decodes_with_its_size() -> None:
    data = corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()
    info = inspect_image(data)
    assert (info.format, info.mime, info.extension) == ("JPEG", "image/jpeg", ".jpg")
    with open_image(data) as image:
        assert image.size == (info.width, info.height)
    assert info.width > 0 and info.height > 0


@pytest.mark.corpus
def test_every_corpus_photo_decodes() -> None:
    files = sorted(corpus_path("photos").rglob("*.jp*g"))
    assert files
    for path in files:
        info = inspect_image(path.read_bytes())
        assert info.format == "JPEG" and info.width * info.height > 0, path.name


@pytest.mark.corpus
def test_a_truncated_photo_is_refused_in_one_line() -> None:
    data = corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()
    with pytest.raises(ReadError) as refused:
        inspect_image(data[: len(data) // 2])
    message = str(refused.value)
    assert message.startswith("the image file is damaged or truncated")
    assert "\n" not in message


def test_a_pixel_bomb_is_refused_before_decoding() -> None:
    bomb = _png_declaring(50_000, 50_000)
    for read in (open_image, inspect_image):
        with pytest.raises(ReadError) as refused:
            read(bomb)
        message = str(refused.value)
        assert "50,000 x 50,000" in message and "bomb" in message
        assert "\n" not in message


def test_a_small_png_is_not_taken_for_a_bomb() -> None:
    with open_image(_png_declaring(4, 4)) as image:
        assert image.size == (4, 4)


def test_bytes_that_are_not_an_image_are_refused() -> None:
    with pytest.raises(ReadError, match="not an image"):
        open_image(b"plain text, not a picture")
