"""The line above the results saying a search was answered by the team catalogue, not the index."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from archive_app.gui.common.i18n import number, translate

POLL_MS = 1000  # asking whether the index is built yet: a flag, and a count while it is not


def banner_text(built: tuple[int, int], unanswered: tuple[str, ...]) -> str:
    done, total = built
    text = translate(
        "Search",
        "Searching the team catalogue while this desktop's index is built ({done} of {total})",
    ).format(done=number(done), total=number(total))
    if unanswered:
        # the core's own words: what of the query the catalogue's search left out
        text += " — " + translate("Search", "not applied: {parts}").format(
            parts="; ".join(unanswered)
        )
    return text


class CatalogueBanner(QLabel):
    """Shown while results come from the team catalogue's full-text search (a new desktop's
    index being built); hidden as soon as a search is answered by this desktop's index. While
    shown it asks `still_building` now and then and emits `built` when the index is whole, so
    the window searches again (a build too quick for the status bar's poll is seen too)."""

    built = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.still_building: Callable[[], bool] = lambda: False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.setObjectName("catalogueBanner")
        self.setAccessibleName(translate("Search", "Where results come from"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_source(self, built: tuple[int, int] | None, unanswered: tuple[str, ...]) -> None:
        """`built` is (indexed, of how many) when the catalogue answered, else None."""
        if built is None:
            self._timer.stop()
            self.clear()
            self.hide()
            return
        self.setText(banner_text(built, unanswered))
        self.show()
        self._timer.start()

    def _poll(self) -> None:
        if not self.still_building():
            self._timer.stop()
            self.built.emit()
