"""Render resources/icons/arsip.svg into the hicolor PNG sizes the desktop menu uses.

Run it (`make icons`) after changing the SVG; the PNGs are committed so an installed Arsip,
its tests and `archive-app desktop install` need no renderer at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from archive_app import APP_ID
from archive_app.desktop.files import ICON_SIZES, icon_svg
from archive_app.resources import resource_dir


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels, antialiased."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])  # QImage and QPainter need one
    svg = icon_svg()
    hicolor = resource_dir() / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"{target}: could not be written")
        print(target.relative_to(resource_dir().parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
