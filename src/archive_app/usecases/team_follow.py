"""This desktop's index following a team catalogue's change log: on opening, on wake-ups."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from archive_app.db.change_listener import ChangeListener
from archive_app.db.change_log import LogChanges, LogMark, past_own, prune, read_changes
from archive_app.db.sessions import Sessions
from archive_app.db.team_catalogue import checked_address
from archive_app.domain.errors import ArchiveError, LibraryLockedError, LibraryReadOnlyError
from archive_app.search.index import FullTextIndex
from archive_app.search.index_folder import holds_index, stale_schema
from archive_app.search.merging import MERGE_AT
from archive_app.storage.library_folder import LibraryLayout, WriterLock
from archive_app.storage.library_location import TeamLocation
from archive_app.usecases.idle_merge import IdleMerger
from archive_app.usecases.index_upkeep import IndexUpkeep
from archive_app.usecases.opening import WriteLane

log = logging.getLogger(__name__)
MARK_FILE = "change-log-mark.json"  # beside the index: how far this desktop's index follows
# articles a follower indexes in one commit: another desktop's import arrives in several, and
# an edit made meanwhile waits for one of them at most (about a second or two)
FOLLOW_COMMIT = 500
# a follower's commits merge nothing; once this many small segments gathered it merges them
FOLLOW_MERGE_AT = 3 * MERGE_AT


def read_mark(path: Path) -> LogMark | None:
    """The mark saved at `path`; None when there is none or it cannot be read (said in one
    line: the index is then compared with the whole catalogue, which loses nothing)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LogMark(int(data["horizon"]), frozenset(int(i) for i in data["seen"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("%s: not a change log mark (%s); comparing the whole index", path, error)
        return None


def write_mark(path: Path, mark: LogMark) -> None:
    # written beside and renamed, so a mark is never half-written
    temporary = path.with_suffix(".tmp")
    text = json.dumps({"horizon": mark.horizon, "seen": sorted(mark.seen)})
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class ChangeLogFollower:
    """Applies the team catalogue's change log to this desktop's index, from its mark."""

    def __init__(
        self,
        layout: LibraryLayout,
        sessions: Sessions,
        index: FullTextIndex,
        upkeep: IndexUpkeep,
        lane: WriteLane,
        own: set[int] | None = None,
    ) -> None:
        assert layout.team is not None
        # this process's transactions that wrote (db/change_log.track_own_transactions):
        # their changes were indexed as they were written, so following them is skipped
        self._own = own if own is not None else set()
        self._layout = layout
        self._sessions = sessions
        self._index = index
        self._upkeep = upkeep
        self._lane = lane
        self._listener: ChangeListener | None = None
        self._merger: IdleMerger | None = None  # while listening: merges when idle
        self.on_change: list[Callable[[frozenset[int]], None]] = []
        self._pruned = False  # the log is pruned once per opening, before the first reading
        # set by stop(): a follow in progress ends after its current commit, its mark unsaved
        self._stopping = threading.Event()

    @property
    def mark_path(self) -> Path:
        return self._layout.root / MARK_FILE

    def follow(self) -> frozenset[int]:
        """Index what other desktops changed since the mark; the articles indexed again or
        taken out. A desktop with no mark yet marks the log where it is now and has its index
        compared with the whole catalogue (at the next catch-up: the window's repair, an
        import, reindex), so nothing committed before the mark is missed either.

        Edits are indexed first, in one quick commit (no merge), and the listeners told at
        once: someone may be searching for them. Another desktop's import follows in commits
        of FOLLOW_COMMIT articles, the log read again between them, so that an edit made
        meanwhile waits for one such commit, not for the whole import. The mark is saved once
        all is indexed: a follow cut short starts again from the old one, losing nothing."""
        touched: set[int] = set()
        with self._lane:
            if not self._pruned:
                self._pruned = True
                self._prune()
            mark = read_mark(self.mark_path)
            changes = self._read(mark)
            if changes.pruned:
                log.warning(
                    "this desktop last followed the team catalogue before the oldest change "
                    "the catalogue keeps; comparing the whole index"
                )
            last: LogMark | None
            if mark is None or changes.pruned:
                self._index.mark_behind()
                touched, last = set(changes.changed | changes.deleted), changes.mark
            else:
                touched, last = self._apply(changes)
            if last is not None:  # None: cut short by stop(), followed again from the old mark
                write_mark(self.mark_path, last)
            if touched:
                self._merge_small_ones()
        if touched:
            log.info("the index followed %d articles changed on the team catalogue", len(touched))
            if mark is None or changes.pruned:
                self._tell(frozenset(touched))
            if self._merger is not None:
                self._merger.poke()
        return frozenset(touched)

    def _read(self, mark: LogMark | None) -> LogChanges:
        own = frozenset(self._own)
        with self._sessions() as session:
            changes = read_changes(session, mark, own)
        # the log is never read below the new horizon again: those ids are done with
        self._own.difference_update(t for t in own if t < changes.mark.horizon)
        return changes

    def _apply(self, changes: LogChanges) -> tuple[set[int], LogMark | None]:
        """Index these changes (and those committed while doing so), edits first; the
        articles indexed, and the mark of the last reading (None when stop() cut it short:
        closing does not wait for another desktop's whole import)."""
        touched: set[int] = set()
        last = changes.mark
        urgent = set(changes.edited | changes.deleted)
        bulk = sorted(changes.changed - changes.edited)
        # the log is read again while this reading's import is indexed, not for ever: an
        # import going on elsewhere must not hold this desktop's writer lane till it ends
        readings = len(bulk) // FOLLOW_COMMIT
        while urgent or bulk:
            if self._stopping.is_set():
                return touched, None
            if urgent:
                ids, urgent = sorted(urgent), set()
            else:
                ids, bulk = bulk[:FOLLOW_COMMIT], bulk[FOLLOW_COMMIT:]
            for start in range(0, len(ids), FOLLOW_COMMIT):
                # never all the documents in memory at once (a desktop off for long)
                chunk = ids[start : start + FOLLOW_COMMIT]
                self._commit(chunk)
                touched.update(chunk)
                self._tell(frozenset(chunk))
            if bulk and readings > 0:  # committed meanwhile: edits before the rest of an import
                readings -= 1
                newer = self._read(last)
                last = newer.mark
                if newer.pruned:  # the log pruned under a desktop following it: compare all
                    self._index.mark_behind()
                urgent |= newer.edited | newer.deleted  # changed again since: indexed again
                bulk = sorted((set(bulk) | newer.changed) - urgent)
        return touched, last

    def _commit(self, ids: list[int]) -> None:
        """One quick commit of these articles: indexed again, or taken out when gone."""
        docs = list(self._upkeep.documents(ids))
        gone = set(ids) - {doc.id for doc in docs}  # deleted, or changed and then deleted since
        batch = self._index.batch()
        try:
            batch.remove(sorted(gone))
            batch.add(docs)
        except BaseException:
            batch.cancel()
            self._index.mark_behind()
            raise
        batch.commit(quick=True)  # merged when idle, or once small segments gather

    def _merge_small_ones(self) -> None:
        """A follower busy all the time is never idle: once FOLLOW_MERGE_AT small segments
        gathered, merge them now (after the listeners were told what they hold)."""
        batch = self._index.batch()
        if batch.small_segments() >= FOLLOW_MERGE_AT:
            batch.commit()
        else:
            batch.cancel()

    def _tell(self, ids: frozenset[int]) -> None:
        for listener in list(self.on_change):
            listener(ids)

    def _prune(self) -> None:
        """Keep the change log from growing forever (db/change_log.py says what it keeps); a
        failure is said in one line, and following goes on."""
        try:
            with self._sessions() as session:
                gone = prune(session)
        except ArchiveError as error:
            log.warning("the team catalogue's change log was not pruned (%s)", error)
            return
        if gone:
            log.info("pruned %d old changes from the team catalogue's change log", gone)

    def listen(self) -> None:
        """Follow the log whenever the server says it changed (NOTIFY), and on each
        (re)connection, on a thread of the listener's own, until stop()."""
        if self._listener is not None:
            return
        assert self._layout.team is not None
        self._stopping.clear()
        address = checked_address(TeamLocation(self._layout.team, "--library"))
        self._merger = IdleMerger(self._index, self._lane)
        self._merger.start()  # the index may be left unmerged by an import: tidy it when idle
        self._listener = ChangeListener(address.params, self.follow)
        self._listener.start()

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.connected.is_set()

    def stop(self) -> None:
        self._stopping.set()
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
        merger, self._merger = self._merger, None
        if merger is not None:
            merger.stop()

    def leave(self) -> None:
        """Move the mark past this desktop's own last changes as the library closes (an
        import's articles are not indexed again at the next opening), leaving what other
        desktops changed meanwhile to the next opening or reading: an import ending beside
        another desktop's import would otherwise index that one too before its command ends.
        A failure is only logged: the next opening follows from the old mark, losing nothing,
        and a command that failed for the same reason (a server gone) has said so in its own
        line."""
        try:
            with self._lane:
                mark = read_mark(self.mark_path)
                if mark is not None:
                    with self._sessions() as session:
                        write_mark(self.mark_path, past_own(session, mark, frozenset(self._own)))
            if mark is None:  # none, or unreadable: following marks the log where it is now
                self.follow()
        except ArchiveError as error:
            log.info("the team catalogue's change log was not followed on closing (%s)", error)


def follow_while_reading(
    layout: LibraryLayout, sessions: Sessions, count: Callable[[], int]
) -> frozenset[int]:
    """A command that only reads (search, show, check) follows the log too, so it answers
    with what other desktops changed: it takes this desktop's writer lock for the moment of
    it. When a writer holds the lock (the window), that writer follows the log itself, and
    nothing is done here; nor on a desktop whose index was never built or must be rebuilt
    (opening it to write would replace it with an empty one: a writer's work)."""
    if not holds_index(layout.index) or stale_schema(layout.index):
        return frozenset()
    lock = WriterLock(layout.lock)
    try:
        layout.require_writable()
        lock.acquire()
    except LibraryReadOnlyError:  # a read-only disk: the index answers as it stands
        log.info("%s is read-only: the team's latest changes are not indexed", layout.root)
        return frozenset()
    except LibraryLockedError:
        return frozenset()
    try:
        # a damaged index is left as found: opened to write it would be replaced by an empty
        # one, hiding the damage a reader's check reports (a writer's opening rebuilds it)
        probe = FullTextIndex(layout.index, readonly=True)
        probe.close()
        if probe.damage is not None:
            return frozenset()
        index = FullTextIndex(layout.index)
        try:
            upkeep = IndexUpkeep(layout, sessions, index, count)
            return ChangeLogFollower(layout, sessions, index, upkeep, WriteLane()).follow()
        finally:
            index.close()
    finally:
        lock.release()


class TeamFollowMixin:
    """The facade's part for following other desktops' changes (a team library only)."""

    _follower: ChangeLogFollower | None = None

    def follow_team_changes(self) -> frozenset[int]:
        """Bring this desktop's index up to the team catalogue's change log now; the articles
        it indexed again or took out (none on a folder library, whose writer indexes its own
        changes)."""
        return self._follower.follow() if self._follower is not None else frozenset()

    def listen_for_team_changes(self, on_change: Callable[[frozenset[int]], None]) -> bool:
        """Follow the team catalogue by itself from now on (NOTIFY, reconnecting after a
        network loss) and call `on_change` with the articles each time, on the listener's
        thread; False on a folder library. Closing the archive stops it."""
        if self._follower is None:
            return False
        self._follower.on_change.append(on_change)
        self._follower.listen()
        return True

    @property
    def listening_for_team_changes(self) -> bool:
        """The listener is connected to the team server now."""
        return self._follower is not None and self._follower.listening
