"""Paint a results row: the title over its hit snippet (hits marked), and the other columns."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from archive_app.gui.search.results_model import TITLE, ResultsModel
from archive_app.gui.shell.theme import LIGHT, Colours

_HIT = re.compile(r'<b\b[^>]*class="hit[^"]*"[^>]*>(.*?)</b>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
PADDING = 6


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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # on the selection, text takes the colour made for it (white on high contrast's blue)
        heading, muted = (
            (colours.selected_text,) * 2 if selected else (colours.heading, colours.muted)
        )
        if selected:
            painter.fillRect(cell, QColor(colours.selection))
        elif row % 2:
            painter.fillRect(cell, QColor(colours.surface_alt))
        plain, bold, small, plain_metrics, bold_metrics, small_metrics = self._font_set(option.font)
        rect = cell.adjusted(PADDING, 3, -PADDING, -3)
        first = QRect(rect.left(), rect.top(), rect.width(), plain_metrics.height())
        text = model.cell_text(row, column)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if column == TITLE:
            painter.setFont(bold)
            painter.setPen(QColor(heading))
            painter.drawText(
                first,
                align,
                bold_metrics.elidedText(text, Qt.TextElideMode.ElideRight, first.width()),
            )
            snippet = model.snippet_text(row)
            if snippet:
                self._snippet(
                    painter,
                    small,
                    small_metrics,
                    QRect(rect.left(), first.bottom() + 3, rect.width(), plain_metrics.height()),
                    snippet,
                    muted,
                )
        else:
            painter.setFont(plain)
            painter.setPen(QColor(muted))
            painter.drawText(
                first,
                align,
                plain_metrics.elidedText(text, Qt.TextElideMode.ElideRight, first.width()),
            )

    def _snippet(
        self,
        painter: QPainter,
        font: QFont,
        metrics: QFontMetrics,
        rect: QRect,
        snippet: str,
        muted: str,
    ) -> None:
        painter.setFont(font)
        x, right = rect.left(), rect.right()
        for text, hit in snippet_segments(snippet):
            width = metrics.horizontalAdvance(text)
            if x + width > right:  # the last piece that fits is cut with an ellipsis
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
                width = metrics.horizontalAdvance(text)
            box = QRect(x, rect.top(), width, rect.height())
            if hit:
                painter.fillRect(box, QColor(self.colours.hit))
            painter.setPen(QColor(self.colours.text if hit else muted))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += width
            if x >= right:
                break
