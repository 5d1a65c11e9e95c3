"""Small JPEG previews of photos, turned the right way up."""

from __future__ import annotations

import io

from PIL import ImageOps

from archive_app.media.decode import open_image

THUMBNAIL_SIZE = (320, 320)


def make_thumbnail(data: bytes) -> bytes:
    """A JPEG no larger than THUMBNAIL_SIZE, EXIF orientation applied."""
    image = open_image(data)
    try:
        image.draft("RGB", THUMBNAIL_SIZE)  # JPEG decodes at a reduced scale: much faster
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        upright.convert("RGB").save(out, "JPEG", quality=82, optimize=True)
        return out.getvalue()
    finally:
        image.close()
