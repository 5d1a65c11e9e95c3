"""Save the whole X screen named by DISPLAY as a PNG (run as a process of its own)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

BAND = 34  # pixels of caption above the screen


def captioned(screen: QImage, captions: list[str]) -> QImage:
    """The screen below a band naming what each equal part of it shows (whose window), as
    no window manager draws title bars under Xvfb."""
    image = QImage(screen.width(), screen.height() + BAND, QImage.Format.Format_RGB32)
    image.fill(QColor("#263238"))
    painter = QPainter(image)
    painter.drawImage(0, BAND, screen)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(17)
    font.setBold(True)
    painter.setFont(font)
    width = screen.width() // len(captions)
    for number, caption in enumerate(captions):
        painter.drawText(
            QRect(number * width, 0, width, BAND), Qt.AlignmentFlag.AlignCenter, caption
        )
    painter.end()
    return image


def main(argv: list[str]) -> int:
    if not argv:
        print(
            "usage: python -m scripts.screenshots.screen_grab PATH.png [CAPTION...]",
            file=sys.stderr,
        )
        return 2
    app = QGuiApplication(["screen_grab"])
    image = app.primaryScreen().grabWindow(0).toImage()
    if argv[1:]:
        image = captioned(image, argv[1:])
    if not image.save(argv[0]):
        print(f"could not save the screen to {argv[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
