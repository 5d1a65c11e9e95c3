"""Open an image safely: a pixel limit against decompression bombs, truncated files refused."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from PIL import Image, ImageFile, UnidentifiedImageError

from archive_app.domain.errors import ReadError

# 100 megapixels is beyond any press photo; a file declaring more is refused before decoding.
MAX_PIXELS = 100_000_000
# open_image reads only the header with Pillow's own bomb check off, then applies MAX_PIXELS
# itself and names the size in its message; the lock keeps that moment to one thread.
_HEADER_ONLY = threading.Lock()
MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
}
EXTENSIONS = {
    "JPEG": ".jpg",
    "PNG": ".png",
    "GIF": ".gif",
    "WEBP": ".webp",
    "TIFF": ".tif",
    "BMP": ".bmp",
}


@dataclass(frozen=True, slots=True)
class ImageInfo:
    format: str
    mime: str
    extension: str
    width: int
    height: int


def open_image(data: bytes) -> Image.Image:
    """A Pillow image whose size was checked; the pixels are not decoded yet."""
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with _HEADER_ONLY:
            checked_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
            try:
                image = Image.open(io.BytesIO(data))
            finally:
                Image.MAX_IMAGE_PIXELS = checked_limit
    except UnidentifiedImageError as error:
        raise ReadError("not an image Arsip can read") from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise ReadError(
            f"the image declares {width:,} x {height:,} pixels, more than the "
            f"{MAX_PIXELS // 1_000_000} megapixels Arsip opens; refused as a possible bomb"
        )
    return image


def inspect_image(data: bytes) -> ImageInfo:
    """Check an image fully (a truncated file fails here) and say what it is."""
    image = open_image(data)
    try:
        image.load()  # decoding every pixel is what finds a truncated file
    except OSError as error:
        raise ReadError(f"the image file is damaged or truncated ({error})") from error
    finally:
        image.close()
    fmt = image.format or "unknown"
    return ImageInfo(
        fmt,
        MIME.get(fmt, "application/octet-stream"),
        EXTENSIONS.get(fmt, ".img"),
        image.size[0],
        image.size[1],
    )
