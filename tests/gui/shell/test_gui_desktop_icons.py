"""The shipped hicolor PNGs are the SVG as Qt draws it now: none left stale after an SVG edit."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from scripts.render_icons import render

from archive_app.desktop.files import ICON_SIZES, icon_png, icon_svg


def _pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def test_every_shipped_icon_matches_a_fresh_rendering_of_the_svg() -> None:
    stale = []
    for size in ICON_SIZES:
        fresh = _pil(render(icon_svg(), size))
        with Image.open(icon_png(size)) as shipped:
            difference = ImageChops.difference(fresh, shipped.convert("RGBA"))
        # antialiasing may differ by a shade between Qt builds; a changed drawing differs more
        if max(high for _low, high in difference.getextrema()) > 8:
            stale.append(size)
    assert stale == [], f"run `make icons`: the PNGs of sizes {stale} differ from the SVG"
