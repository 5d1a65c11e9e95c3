"""What every part of the Archive facade shares: sessions, the one writer lane, the index upkeep."""

from __future__ import annotations

from archive_app.db import library_stats
from archive_app.db.sessions import Sessions
from archive_app.domain.errors import LibraryFormatError
from archive_app.domain.progress import CancelToken
from archive_app.usecases.index_upkeep import IndexUpkeep
from archive_app.usecases.opening import WriteLane


class LibraryCore:
    """The base of the facade and of its cataloguing and authority parts (set up by Archive):
    every write goes through `_write_lane`, and the index follows through `_index_changes`."""

    readonly: bool
    # why the library is read-only when it was not opened so (a reader's role on a team
    # library): said by every refused write, and by the window beside its greyed-out editing
    readonly_reason: str | None = None
    _sessions: Sessions
    _write_lane: WriteLane
    _upkeep: IndexUpkeep

    def settle_checks(self, cancel: CancelToken | None = None) -> None:
        """Run the checks a writer opened with check_later left for the writer lane (SQLite's
        quick check of the catalogue, then the daily automatic backup); writes wait for them,
        and the first write runs them if nothing did. A damaged catalogue raises the error
        opening would have, and so does every write after it: nothing is written to it.
        `cancel` stops the check (ChecksStopped: they stay pending) or the backup (the next
        opening makes it) at their next safe point. Nothing when none are left."""
        self._write_lane.settle(cancel)

    @property
    def checks_pending(self) -> bool:
        """Checks opening left for later have still to run (settle_checks, or the first write
        runs them)."""
        return self._write_lane.pending is not None

    def _require_writable(self) -> None:
        if self.readonly:
            raise LibraryFormatError(self.readonly_reason or "this library was opened read-only")

    @property
    def index_writable(self) -> bool:
        """This desktop may write its index: a writer, or a team library's reader (the
        catalogue is the server's and read-only to them; the index is their desktop's own)."""
        return not self.readonly or self.readonly_reason is not None

    def _require_index_writable(self) -> None:
        if not self.index_writable:
            raise LibraryFormatError("this library was opened read-only")

    def _index_changes(
        self, new_ids: set[int], changed_ids: set[int], in_background: bool = False
    ) -> str | None:
        """Index new and changed articles; a message saying what failed, or None."""
        return self._upkeep.index_changes(new_ids, changed_ids, in_background)

    def claimed_originals(self) -> set[str]:
        """The stored originals some provenance row names (the others lost their articles)."""
        with self._sessions() as session:
            return library_stats.provenance_original_paths(session)
