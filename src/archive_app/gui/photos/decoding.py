"""Decode archived photo files with Pillow on worker threads (no Qt: QPixmaps are the GUI's)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Collection
from pathlib import Path

from archive_app.domain.model import Photo
from archive_app.gui.reader.prepared import Box, DecodedImage, fitted

log = logging.getLogger(__name__)

READER_SIDE = 960  # px: the reader column at up to 170 % zoom; JPEG decodes at 1/4 for this
THUMB_SIDE = 160
_ORIENTATION = 0x0112  # the EXIF tag
CACHE_BYTES = 48 * 1024 * 1024  # decoded photos kept for going back to an article: ~30 photos


def photo_path(library: Path | None, photo: Photo) -> Path | None:
    """The archived file of a photo, only when it lies inside the library folder and exists."""
    if library is None or not photo.media_path:
        return None
    root = library.resolve()
    path = (root / photo.media_path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def warm() -> None:
    """Load Pillow (on a worker, once the window is idle): the window starts without it, and
    the first article with photos should not wait for it."""
    import PIL.Image  # noqa: F401

    import archive_app.media.decode  # noqa: F401


def decode(path: Path, max_side: int | None = READER_SIDE, box: Box | None = None) -> DecodedImage:
    """The photo upright (EXIF orientation applied), as RGBA bytes: fitted within `box` when
    given (the size the reader draws it), else at most `max_side` px on its longer side."""
    from PIL import Image, ImageOps  # loaded after the window shows (see warm)

    from archive_app.media.decode import open_image

    # the core's opener checks the declared size first (a bomb is refused, not decoded)
    with open_image(path.read_bytes()) as image:
        original = image.size
        # EXIF orientations 5 to 8 turn the photo a quarter: its upright size is swapped
        turned = image.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8)
        width, height = (original[1], original[0]) if turned else original
        if box is None and max_side is not None:
            box = (max_side, max_side)
        target = fitted((width, height), box) if box is not None else (width, height)
        if image.format == "JPEG" and target != (width, height):
            # let the JPEG decoder scale by 1/2, 1/4 or 1/8: far faster than decoding in full.
            # It keeps at least the size asked for, so ask for the fitted size, not the box
            image.draft("RGB", (target[1], target[0]) if turned else target)
        upright = ImageOps.exif_transpose(image)
        if upright.size != target:
            # what is left after the decoder's scaling is under 2x: Hamming is as clean as
            # Lanczos there at under half its time (20 ms for a 12-megapixel photo's 1/4)
            upright = upright.resize(target, Image.Resampling.HAMMING)
        rgba = upright.convert("RGBA")
        return DecodedImage(rgba.width, rgba.height, rgba.tobytes(), width, height)


# a file by its path, size and modification time (a team cache's file fetched again is new)
# and the box it was fitted into
_Key = tuple[Path, int, int, Box]


def _key(path: Path, box: Box) -> _Key:
    stat = path.stat()
    return path, stat.st_size, stat.st_mtime_ns, box


class DecodedCache:
    """The photos decoded last, by file and size, up to `limit` bytes: going back to an
    article shows its photos at once. Worker threads share it."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self._limit = limit
        self._bytes = 0
        self._images: OrderedDict[_Key, DecodedImage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: _Key) -> DecodedImage | None:
        with self._lock:
            found = self._images.get(key)
            if found is not None:
                self._images.move_to_end(key)
            return found

    def put(self, key: _Key, image: DecodedImage) -> None:
        with self._lock:
            if key in self._images or len(image.rgba) > self._limit:
                return
            self._images[key] = image
            self._bytes += len(image.rgba)
            while self._bytes > self._limit:
                _key, dropped = self._images.popitem(last=False)
                self._bytes -= len(dropped.rgba)

    def clear(self) -> None:
        with self._lock:
            self._images.clear()
            self._bytes = 0


RECENT = DecodedCache()


def upright_size(path: Path) -> Box | None:
    """A photo's size as it is shown (EXIF orientation applied), read from its header only;
    None for a file that is no image Arsip reads."""
    from PIL import Image

    from archive_app.media.decode import open_image

    try:
        with open_image(path.read_bytes()) as image:
            width, height = image.size
            turned = image.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        log.warning("cannot read %s: %s", path, error)
        return None
    return (height, width) if turned else (width, height)


def cached_photos(
    library: Path | None, photos: list[Photo], box: Box | None, cache: DecodedCache = RECENT
) -> dict[int, DecodedImage]:
    """The photos of an article decoded lately at this size (nothing is decoded here)."""
    found: dict[int, DecodedImage] = {}
    for position, photo in enumerate(photos):
        path = photo_path(library, photo)
        if path is None:
            continue
        try:
            image = cache.get(_key(path, box if box is not None else (READER_SIDE, READER_SIDE)))
        except OSError:  # gone since: decoding it will say so
            continue
        if image is not None:
            found[position] = image
    return found


def decode_photos(
    library: Path | None,
    photos: list[Photo],
    max_side: int = READER_SIDE,
    box: Box | None = None,
    cache: DecodedCache | None = RECENT,
    only: Collection[int] | None = None,
) -> dict[int, DecodedImage]:
    """Every archived photo of an article (or those at positions `only`) that decodes,
    fitted within `box` when given (else `max_side`); a damaged file is skipped and logged."""
    from PIL import Image

    images: dict[int, DecodedImage] = {}
    for position, photo in enumerate(photos):
        path = photo_path(library, photo)
        if path is None or (only is not None and position not in only):
            continue
        try:
            key = _key(path, box if box is not None else (max_side, max_side))
            found = cache.get(key) if cache is not None else None
            if found is None:
                found = decode(path, max_side, box)
                if cache is not None:
                    cache.put(key, found)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            log.warning("cannot decode %s: %s", path, error)
            continue
        images[position] = found
    return images
