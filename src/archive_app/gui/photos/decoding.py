"""Decode archived photo files with Pillow on worker threads (no Qt: QPixmaps are the GUI's)."""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image, ImageOps

from archive_app.domain.model import Photo
from archive_app.gui.reader.prepared import DecodedImage
from archive_app.media.decode import open_image

log = logging.getLogger(__name__)

READER_SIDE = 960  # px: the reader column at up to 170 % zoom; JPEG decodes at 1/4 for this
THUMB_SIDE = 160
_ORIENTATION = 0x0112  # the EXIF tag


def photo_path(library: Path | None, photo: Photo) -> Path | None:
    """The archived file of a photo, only when it lies inside the library folder and exists."""
    if library is None or not photo.media_path:
        return None
    root = library.resolve()
    path = (root / photo.media_path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def decode(path: Path, max_side: int | None = READER_SIDE) -> DecodedImage:
    """The photo upright (EXIF orientation applied), at most `max_side` px, as RGBA bytes."""
    # the core's opener checks the declared size first (a bomb is refused, not decoded)
    with open_image(path.read_bytes()) as image:
        original = image.size
        if max_side is not None and image.format == "JPEG":
            # let the JPEG decoder scale by 1/2, 1/4 or 1/8: far faster than decoding in full.
            # It keeps at least the size asked for, so ask for the fitted size, not the box
            scale = max_side / max(original)
            if scale < 1:
                image.draft("RGB", (round(original[0] * scale), round(original[1] * scale)))
        upright = ImageOps.exif_transpose(image)
        if max_side is not None:
            upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        rgba = upright.convert("RGBA")
        # EXIF orientations 5 to 8 turn the photo a quarter: its upright size is swapped
        turned = image.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8)
        width, height = (original[1], original[0]) if turned else original
        return DecodedImage(rgba.width, rgba.height, rgba.tobytes(), width, height)


def decode_photos(
    library: Path | None, photos: list[Photo], max_side: int = READER_SIDE
) -> dict[int, DecodedImage]:
    """Every archived photo of an article that decodes; a damaged file is skipped and logged."""
    images: dict[int, DecodedImage] = {}
    for position, photo in enumerate(photos):
        path = photo_path(library, photo)
        if path is None:
            continue
        try:
            images[position] = decode(path, max_side)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            log.warning("cannot decode %s: %s", path, error)
    return images
