"""The status bar's word that a change waits for the library check, until the change lands."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner


def waiting_text() -> str:
    return translate("Safety", "Saving after the library check finishes…")


class WriteWaitNotice(QObject):
    """Watches the writer lane from just after the opening checks were queued on it.

    The lane is serial, so outcomes arrive in the order jobs were queued: the first delivered
    is the checks', and each later one is a write queued behind them. While writes wait, the
    status bar says so (no time-out: a backup can take seconds); the message goes when the
    last write queued during the checks has landed, or failed (its error says why).
    """

    def __init__(self, lane: TaskRunner, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._checking = True  # the checks were queued just before this was made
        self._waiting = 0  # writes queued behind the checks, not landed yet
        lane.queued.connect(self._queued)
        lane.delivered.connect(self._delivered)

    @property
    def waiting(self) -> int:
        """Writes queued behind the checks that have not landed yet."""
        return self._waiting

    def _queued(self) -> None:
        if self._checking:
            self._waiting += 1
            self._bar.showMessage(waiting_text())

    def _delivered(self) -> None:
        if self._checking:  # the checks' own outcome: writes now run in turn
            self._checking = False
            return
        if self._waiting:
            self._waiting -= 1
            if not self._waiting and self._bar.currentMessage() == waiting_text():
                self._bar.clearMessage()
