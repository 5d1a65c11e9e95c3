"""Changes other desktops make to a team library, shown in this window as they arrive."""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from archive_app.domain.model import ChangeInfo
from archive_app.usecases.archive import Archive

TEAM_KIND = "team"  # a ChangeInfo kind: articles another desktop changed


class FollowingWindow(Protocol):
    """What showing other desktops' changes needs of the main window."""

    archive: Archive

    def after_change(self, result: object) -> None: ...


class TeamChanges(QObject):
    """Hands the archive's listener (a thread of its own) to the window: its index has caught
    up with the team catalogue, and the window shows the articles named as they are now."""

    arrived = Signal(object)

    def __init__(self, window: FollowingWindow, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        # queued: the listener calls from its own thread, the window is changed on its own
        self.arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def relay(self, articles: frozenset[int]) -> None:
        """Called on the listener's thread; after a library switch this object may be gone
        while the old library's listener has not stopped yet."""
        if shiboken6.isValid(self):
            self.arrived.emit(articles)

    def _show(self, articles: frozenset[int]) -> None:
        # refreshed like this window's own edits: the rows listed in place, the reader, the
        # counts; an article another desktop added shows at the next search (change_refresh)
        self._window.after_change(
            ChangeInfo(0, TEAM_KIND, "changed on another desktop", "", "", sorted(articles))
        )


def follow_team_changes(window: FollowingWindow, parent: QObject) -> TeamChanges | None:
    """Start following a team library's changes made elsewhere (None for a folder library)."""
    bridge = TeamChanges(window, parent)
    if window.archive.listen_for_team_changes(bridge.relay):
        return bridge
    bridge.deleteLater()
    return None
