"""This desktop's index following a team catalogue's change log: on opening, on wake-ups."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
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
# Another desktop's import is indexed in commits, the log read again between them, so an edit
# made meanwhile waits for one commit at most: each takes about FOLLOW_SECONDS, its size
# (SMALLEST_COMMIT to FOLLOW_COMMIT articles) learnt from the last ones. A fixed 500 took
# 10-25 s on a busy machine, every edit of those seconds waiting behind it (the team bench's
# p95 from an edit's commit to another desktop's search: 25 s).
FOLLOW_SECONDS = 0.5
FOLLOW_COMMIT = 500
SMALLEST_COMMIT = 10
FIRST_COMMIT = 50  # before this desktop has timed any
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
        self._commit_size = FIRST_COMMIT  # articles of an import indexed in one commit
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
        of about FOLLOW_SECONDS each, the log read again between them, so that an edit made
        meanwhile waits for one such commit, not for the whole import. The mark is saved once
        all is indexed: a follow cut short starts again from the old one, losing nothing."""
        touched: set[int] = set()
        with self._lane:
            if not self._pruned:
                self._pruned = True
                self._prune()
            mark = read_mark(self.mark_path)
            changes = self._read(mark)
            self._moved(changes.mark)
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
        with self._sessions() as session:
            return read_changes(session, mark, frozenset(self._own))

    def _moved(self, mark: LogMark) -> LogMark:
        """The mark now followed: the log is never read below its horizon again, so this
        desktop's transactions older than it are done with."""
        self._own.difference_update([t for t in self._own if t < mark.horizon])
        return mark

    def _apply(self, changes: LogChanges) -> tuple[set[int], LogMark | None]:
        """Index these changes (and those committed while doing so), edits first; the
        articles indexed, and the mark of the last reading all of whose changes were applied
        (None when stop() cut it short: closing does not wait for another desktop's whole
        import).

        The log is read again after each commit of an import, so an edit made meanwhile
        waits for one commit. Imports that arrive meanwhile are taken on for a while only
        (`readings`): one going on elsewhere must not hold this desktop's writer lane till
        it ends. After that a reading's edits are still indexed at once, but the mark stays
        at the last reading taken on whole, so the next follow reads the rest again (and
        indexes those edits once more): nothing is passed over."""
        touched: set[int] = set()
        last = changes.mark
        urgent = set(changes.edited | changes.deleted)
        bulk = sorted(changes.changed - changes.edited)
        readings = -(-len(bulk) // FOLLOW_COMMIT)  # later readings taken on whole
        probe: LogMark | None = None  # once one is left to the next follow: read on from here
        while urgent or bulk:
            if self._stopping.is_set():
                return touched, None
            if urgent:
                ids, urgent = sorted(urgent), set()
                for start in range(0, len(ids), FOLLOW_COMMIT):
                    # never all the documents in memory at once (a desktop off for long)
                    self._commit_told(ids[start : start + FOLLOW_COMMIT], touched)
            else:
                size = min(self._commit_size, FOLLOW_COMMIT)
                ids, bulk = bulk[:size], bulk[size:]
                started = time.monotonic()
                self._commit_told(ids, touched)
                if len(ids) == size:  # fewer: an import's end, too few to time
                    self._learn(size, time.monotonic() - started)
            if bulk:  # committed meanwhile: edits before the rest of an import
                newer = self._read(probe or last)
                if newer.pruned:  # the log pruned under a desktop following it: compare all
                    self._index.mark_behind()
                urgent |= newer.edited | newer.deleted  # changed again since: indexed again
                fresh = newer.changed - urgent - set(bulk)  # another import's articles
                if probe is None and (readings > 0 or not fresh):
                    readings -= 1 if fresh else 0
                    last = self._moved(newer.mark)
                    bulk = sorted((set(bulk) | fresh) - urgent)
                else:  # that import is left to the next follow, from `last`; the next
                    # reading starts after this one, so its edits are not indexed again
                    probe = newer.mark
                    bulk = [i for i in bulk if i not in urgent]
        return touched, last

    def _commit_told(self, ids: list[int], touched: set[int]) -> None:
        self._commit(ids)
        touched.update(ids)
        self._tell(frozenset(ids))

    def _learn(self, articles: int, seconds: float) -> None:
        """The next import commit's size, from how long this one of `articles` took (wall
        time: on a busy machine an edit waits longer, so commits get smaller); at most
        doubled at once, as one quick commit (the index's files cached) says little."""
        size = round(articles * FOLLOW_SECONDS / max(seconds, 1e-3))
        self._commit_size = max(SMALLEST_COMMIT, min(FOLLOW_COMMIT, size, 2 * articles))

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
