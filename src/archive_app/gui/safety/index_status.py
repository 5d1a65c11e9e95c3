"""The status-bar note shown while the index catches up with the catalogue in the background."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from archive_app.domain.model import IndexStatus
from archive_app.gui.common.i18n import number, translate

POLL_MS = 500  # reading a dataclass the repair thread replaces: cheap enough to ask often


class IndexStatusSource(Protocol):
    @property
    def index_status(self) -> IndexStatus: ...


def status_text(status: IndexStatus) -> str:
    if not status.indexing:
        return ""
    return translate("Status", "indexing {done} of {total}, results may be incomplete").format(
        done=number(status.done), total=number(status.total)
    )


class IndexStatusLabel(QLabel):
    """Polls `index_status`; emits `finished` when a repair ends (results may now be fuller)."""

    finished = Signal()

    def __init__(self, source: IndexStatusSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexStatus")
        self.setAccessibleName(translate("Status", "Index status"))
        self._source = source
        self._was_indexing = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    def poll(self) -> None:
        status = self._source.index_status
        self.setText(status_text(status))
        self.setVisible(status.indexing)
        if self._was_indexing and not status.indexing:
            self.finished.emit()
        self._was_indexing = status.indexing

    def stop(self) -> None:
        self._timer.stop()
