"""Paint a results row: the title over its hit snippet (hits marked), and the other columns."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from archive_app.gui.search.results_model import TITLE, ResultsModel
from archive_app.gui.shell.theme import LIGHT, Colours

_HIT = re.compile(r'<b\b[^>]*class="hit[^"]*"[^>]*>(.*?)</b>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
PADDING = 6
TEXTS_KEPT = 4000  # laid-out cell texts kept: a row is drawn about ten times as it scrolls by
_ELIDE = Qt.TextElideMode.ElideRight
_SELECTED = QStyle.StateFlag.State_Selected
_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
PLAIN, BOLD, SMALL = range(3)


@lru_cache(maxsize=512)
def snippet_segments(snippet: str) -> tuple[tuple[str, bool], ...]:
    """The snippet's text as (text, is_hit) pieces, markup removed and entities decoded."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _HIT.finditer(snippet):
        pieces.append((_plain(snippet[last : match.start()]), False))
        pieces.append((_plain(match.group(1)), True))
        last = match.end()
    pieces.append((_plain(snippet[last:]), False))
    return tuple((text, hit) for text, hit in pieces if text)


def _plain(fragment: str) -> str:
    """Text without markup, runs of white space as one space (kept at either end)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", fragment)))


class ResultsDelegate(QStyledItemDelegate):
    """Draws rows itself from the model's Python side: a cell costs a few text runs, with no
    round of data() calls per role and no HTML layout (scrolling 100,000 rows stays smooth)."""

    colours: Colours = LIGHT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics] | None
        self._fonts = None
        self._font_key = ""
        # each cell's text elided and laid out once, by (text, width, font): drawing a laid-out
        # text is several times cheaper than laying it out again in every frame of a scroll
        self._texts: dict[tuple[str, int, int], tuple[str | QStaticText, int]] = {}
        self._qcolours: dict[str, QColor] = {}

    def _colour(self, name: str) -> QColor:
        found = self._qcolours.get(name)
        if found is None:
            found = self._qcolours[name] = QColor(name)
        return found

    def _laid_out(self, text: str, width: int, which: int) -> tuple[str | QStaticText, int]:
        """The text elided to `width` in font `which` (any width for -1), and its width in
        pixels: as a string the first time it is drawn, laid out (QStaticText) from the second,
        so a page drawn once costs what drawText costs and a row drawn again costs less."""
        key = (text, width, which)
        found = self._texts.get(key)
        if found is None:
            assert self._fonts is not None
            fonts = self._fonts
            metrics = (fonts[3], fonts[4], fonts[5])[which]
            shown = metrics.elidedText(text, _ELIDE, width) if width >= 0 else text
            if len(self._texts) >= TEXTS_KEPT:
                self._texts.clear()  # scrolled far: the rows on screen are laid out again
            found = self._texts[key] = (shown, metrics.horizontalAdvance(shown))
        elif isinstance(found[0], str):
            assert self._fonts is not None
            static = QStaticText(found[0])
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), (self._fonts[0], self._fonts[1], self._fonts[2])[which])
            found = self._texts[key] = (static, found[1])
        return found

    @staticmethod
    def _draw(painter: QPainter, x: int, y: int, text: str | QStaticText, height: int) -> None:
        """Draw a text at (x, y) on a line `height` high, laid out or not."""
        if isinstance(text, QStaticText):
            painter.drawStaticText(QPoint(x, y), text)
        else:
            painter.drawText(QRect(x, y, 100_000, height), _ALIGN, text)

    def _font_set(
        self, font: QFont
    ) -> tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics]:
        """The plain, bold (title) and small (snippet) fonts, made once per view font."""
        key = font.key()
        if self._fonts is None or key != self._font_key:
            font = QFont(font)  # the option's font belongs to the option: keep a copy
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            small = QFont(font)
            small.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
            self._fonts = (
                font,
                bold,
                small,
                QFontMetrics(font),
                QFontMetrics(bold),
                QFontMetrics(small),
            )
            self._font_key = key
            self._texts.clear()
        return self._fonts

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, ResultsModel):
            super().paint(painter, option, index)
            return
        row, column = index.row(), index.column()
        colours = self.colours
        cell: QRect = option.rect
        selected = bool(option.state & _SELECTED)
        # on the selection, text takes the colour made for it (white on high contrast's blue)
        heading, muted = (
            (colours.selected_text,) * 2 if selected else (colours.heading, colours.muted)
        )
        if selected:
            painter.fillRect(cell, self._colour(colours.selection))
        elif row % 2:
            painter.fillRect(cell, self._colour(colours.surface_alt))
        plain, bold, small, plain_metrics, bold_metrics, small_metrics = self._font_set(option.font)
        left, top = cell.left() + PADDING, cell.top() + 3
        width = cell.width() - 2 * PADDING
        line = plain_metrics.height()
        text = model.cell_text(row, column)
        if column == TITLE:
            painter.setFont(bold)
            painter.setPen(self._colour(heading))
            shown, _width = self._laid_out(text, width, BOLD)
            # centred on the first line, as drawText with AlignVCenter placed it
            height = bold_metrics.height()
            self._draw(painter, left, top + (line - height) // 2, shown, height)
            snippet = model.snippet_text(row)
            if snippet:
                self._snippet(
                    painter,
                    small,
                    small_metrics,
                    (left, top + line + 3, width, line),
                    snippet,
                    muted,
                )
        else:
            painter.setFont(plain)
            painter.setPen(self._colour(muted))
            shown, _width = self._laid_out(text, width, PLAIN)
            self._draw(painter, left, top, shown, line)

    def _snippet(
        self,
        painter: QPainter,
        font: QFont,
        metrics: QFontMetrics,
        box: tuple[int, int, int, int],
        snippet: str,
        muted: str,
    ) -> None:
        """The snippet's pieces in a line, hits marked, the last that fits cut with "…"."""
        left, top, width, line = box
        painter.setFont(font)
        x, right = left, left + width - 1
        text_top = top + (line - metrics.height()) // 2
        for text, hit in snippet_segments(snippet):
            # the last piece that fits is cut with an ellipsis
            shown, advance = self._laid_out(text, -1, SMALL)
            if x + advance > right:
                shown, advance = self._laid_out(text, right - x, SMALL)
            if hit:
                painter.fillRect(QRect(x, top, advance, line), self._colour(self.colours.hit))
            painter.setPen(self._colour(self.colours.text if hit else muted))
            self._draw(painter, x, text_top, shown, metrics.height())
            x += advance
            if x >= right:
                break
