"""Thumbnails (media/thumbnails.py): a small JPEG within THUMBNAIL_SIZE, the photo's shape kept."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from tests.conftest import corpus_path

from archive_app.media.decode import inspect_image
from archive_app.media.thumbnails import THUMBNAIL_SIZE, make_thumbnail


@pytest.mark.corpus
def test_the_thumbnail_of_a_corpus_photo_is_a_small_jpeg() -> None:
    files = sorted(corpus_path("photos", "exifr").glob("*.jpg"))
    assert files
    for path in files:
        thumbnail = make_thumbnail(path.read_bytes())
        with Image.open(io.BytesIO(thumbnail)) as image:
            assert image.format == "JPEG", path.name
            width, height = image.size
        assert width <= THUMBNAIL_SIZE[0] and height <= THUMBNAIL_SIZE[1], path.name


@pytest.mark.corpus
def test_a_photo_larger_than_the_bound_is_shrunk_to_it() -> None:
    data = corpus_path("photos", "exifr", "iptc-agency-photographer-example.jpg").read_bytes()
    original = inspect_image(data)
    assert (original.width, original.height) == (527, 350)
    with Image.open(io.BytesIO(make_thumbnail(data))) as image:
        assert image.size[0] == THUMBNAIL_SIZE[0]
        assert abs(image.size[1] - 350 * THUMBNAIL_SIZE[0] / 527) <= 1  # the shape is kept
