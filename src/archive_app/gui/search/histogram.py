"""A bar chart of hits per month (or per year over long spans); dragging across bars picks dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from archive_app.gui.common.display import month_label
from archive_app.gui.common.i18n import number, translate
from archive_app.gui.shell.theme import LIGHT, Colours

MONTHLY_SPAN = 48  # up to four years drawn month by month; longer spans by year
LABEL_HEIGHT = 16
MAX_BAR = 28  # px: the widest a single bar is drawn


def bins(months: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Consecutive bins with empty ones filled in: "YYYY-MM" keys, or "YYYY" for long spans."""
    counted = [(m, n) for m, n in months if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit()]
    if not counted:
        return []
    keys = sorted(m for m, _n in counted)
    first = int(keys[0][:4]) * 12 + int(keys[0][5:]) - 1
    last = int(keys[-1][:4]) * 12 + int(keys[-1][5:]) - 1
    by_month = dict(counted)
    if last - first + 1 <= MONTHLY_SPAN:
        return [
            (key, by_month.get(key, 0))
            for key in (f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(first, last + 1))
        ]
    years: Counter[str] = Counter()
    for month, n in counted:
        years[month[:4]] += n
    return [(str(y), years.get(str(y), 0)) for y in range(first // 12, last // 12 + 1)]


def range_value(first: str, last: str) -> str:
    """The date filter for bins `first` to `last`: "2024-05", "2019..2021"."""
    first, last = min(first, last), max(first, last)
    return first if first == last else f"{first}..{last}"


class Histogram(QWidget):
    """Emits `rangeChosen(value)` with a date filter value when a person drags across bars."""

    rangeChosen = Signal(str)

    def __init__(self, interactive: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("histogram")
        self.setAccessibleName(translate("Histogram", "Articles over time"))
        self.setAccessibleDescription(
            translate(
                "Histogram",
                "Bars count the results per month or year. Drag across bars, or use "
                "the arrow keys with Shift and press Enter, to filter by those dates.",
            )
        )
        self.interactive = interactive
        self.colours: Colours = LIGHT
        self.bins: list[tuple[str, int]] = []
        self._anchor: int | None = None  # the bin a drag (or Shift+arrows) started on
        self._cursor: int | None = None
        self._selected: tuple[str, str] | None = None  # the active date filter, as bin keys
        self.setMinimumHeight(72)
        self.setMouseTracking(True)
        if interactive:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:
        return QSize(240, 88)

    def set_months(self, months: Sequence[tuple[str, int]]) -> None:
        self.bins = bins(months)
        self._anchor = self._cursor = None
        self.update()

    def set_years(self, years: Sequence[tuple[str, int]]) -> None:
        """Per-year counts (a person's page); empty years between are filled in."""
        self.set_months([(f"{year}-01", n) for year, n in years])
        if self.bins and len(self.bins[0][0]) == 7:  # a short span came out monthly
            self.bins = [(key[:4], n) for key, n in self.bins if key.endswith("-01")]

    def set_selection(self, value: str | None) -> None:
        """Highlight the active date filter ("2019..2021", "2024-05") or nothing."""
        if value:
            first, _sep, last = value.partition("..")
            self._selected = (first, last or first)
        else:
            self._selected = None
        self.update()

    # -- geometry ---------------------------------------------------------------------

    def _chart(self) -> QRect:
        """The bars' area: a few bars stay bar-shaped, centred, instead of filling the width."""
        area = self.rect().adjusted(2, 4, -2, -LABEL_HEIGHT)
        if self.bins and area.width() > MAX_BAR * len(self.bins):
            width = MAX_BAR * len(self.bins)
            area = QRect(
                area.left() + (area.width() - width) // 2, area.top(), width, area.height()
            )
        return area

    def _step(self, chart: QRect) -> float:
        return chart.width() / len(self.bins)

    def _bin_at(self, x: int) -> int | None:
        if not self.bins:
            return None
        chart = self._chart()
        return min(max(int((x - chart.left()) / self._step(chart)), 0), len(self.bins) - 1)

    def _is_marked(self, index: int) -> bool:
        key = self.bins[index][0]
        if self._anchor is not None and self._cursor is not None:
            low, high = sorted((self._anchor, self._cursor))
            return low <= index <= high
        if self._selected is None:
            return False
        first, last = self._selected
        # a filter of another granularity still marks the bins it covers
        return first[: len(key)] <= key <= last[: len(key)]

    # -- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = self.colours
        chart = self._chart()
        if not self.bins:
            painter.setPen(QColor(colours.faint))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("Histogram", "No dated articles"),
            )
            return
        tallest = max(n for _k, n in self.bins) or 1
        step = self._step(chart)
        gap = 1 if step >= 3 else 0
        for index, (_key, count) in enumerate(self.bins):
            height = round(chart.height() * count / tallest)
            if count and height < 2:
                height = 2  # a month with one article must still show
            left = round(chart.left() + index * step)
            width = max(round(chart.left() + (index + 1) * step) - left - gap, 1)
            colour = colours.bar_selected if self._is_marked(index) else colours.bar
            painter.fillRect(
                QRect(left, chart.bottom() - height + 1, width, height), QColor(colour)
            )
        painter.setPen(QColor(colours.faint))
        labels = QRect(2, chart.bottom() + 2, self.width() - 4, LABEL_HEIGHT - 2)
        if len(self.bins) == 1:
            painter.drawText(labels, Qt.AlignmentFlag.AlignCenter, self.bins[0][0])
        else:
            painter.drawText(
                labels, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.bins[0][0]
            )
            painter.drawText(
                labels,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.bins[-1][0],
            )
        if self.hasFocus() and self._cursor is not None:
            left = round(chart.left() + self._cursor * step)
            painter.setPen(QColor(colours.accent))
            painter.drawRect(QRect(left, chart.top(), max(round(step) - 1, 1), chart.height()))

    # -- choosing a range -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.interactive and event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self._cursor = self._bin_at(event.position().toPoint().x())
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._bin_at(event.position().toPoint().x())
        if index is None:
            return
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._cursor = index
            self.update()
        key, count = self.bins[index]
        # the bar under the pointer, shown by Qt's own tooltip when the pointer rests
        self.setToolTip(
            translate("Histogram", "{when}: {n} articles").format(
                when=month_label(key), n=number(count)
            )
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and self._cursor is not None:
            self._choose()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.interactive or not self.bins:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            # the first arrow picks the newest bar; later ones move from there
            self._cursor = (
                len(self.bins) - 1
                if self._cursor is None
                else min(max(self._cursor + step, 0), len(self.bins) - 1)
            )
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier or self._anchor is None:
                self._anchor = self._cursor
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._cursor is not None:
            self._choose()
        else:
            super().keyPressEvent(event)

    def _choose(self) -> None:
        assert self._anchor is not None and self._cursor is not None
        value = range_value(self.bins[self._anchor][0], self.bins[self._cursor][0])
        self._anchor = self._cursor = None
        self.set_selection(value)
        self.rangeChosen.emit(value)
