"""Changes other desktops make to a team library, shown in this window as they arrive."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from archive_app.domain.model import ChangeInfo

if TYPE_CHECKING:
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
        # relay() and stop() run on different threads: the lock makes "stopped" final, so no
        # emit is under way once stop() has returned and this object may then be deleted
        self._lock = threading.Lock()
        self._open = True
        # queued: the listener calls from its own thread, the window is changed on its own
        self.arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def relay(self, articles: frozenset[int]) -> None:
        """Called on the listener's thread, which goes on until the library closes: after the
        window shut its library's work down (closed, or switched library) nothing is sent."""
        with self._lock:  # a queued emit only posts an event: never waits for the GUI thread
            if self._open and shiboken6.isValid(self):
                self.arrived.emit(articles)

    def stop(self) -> None:
        """Show no more changes (GUI thread, before the window's workers stop and this object
        may be deleted): a check-then-emit without the lock could emit into a deleted object."""
        with self._lock:
            self._open = False

    def _show(self, articles: frozenset[int]) -> None:
        if not self._open:  # queued before stop(): the window's workers are stopped
            return
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
