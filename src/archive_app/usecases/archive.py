"""The Archive facade: the one door the CLI and the window use into a library."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import TracebackType

from archive_app.db import library_stats, queries, store
from archive_app.db.catalogues import catalogue_engine
from archive_app.db.change_log import track_own_transactions
from archive_app.db.engine import HEAD_REVISION, current_revision, migrate, session_factory
from archive_app.db.health import raise_on_damage
from archive_app.db.team_roles import may_write
from archive_app.domain import record_json as export
from archive_app.domain.errors import LibraryLockedError
from archive_app.domain.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    ImportItem,
    ImportReport,
    LibraryStats,
    Provenance,
    SearchCounts,
    SearchPage,
)
from archive_app.domain.progress import CancelToken, ProgressCallback, ignore_progress
from archive_app.search.index import FullTextIndex
from archive_app.search.index_folder import mark_behind, recover_interrupted_rebuild
from archive_app.storage.library_folder import LibraryLayout, WriterLock
from archive_app.usecases import integrity
from archive_app.usecases.backup import BackupInfo, write_backup
from archive_app.usecases.catalogue_search import catalogue_search
from archive_app.usecases.cataloguing import CataloguingMixin
from archive_app.usecases.idle_merge import IDLE_SECONDS, IdleMerger
from archive_app.usecases.index_upkeep import LATER, IndexUpkeep
from archive_app.usecases.jsonl_export import write_jsonl
from archive_app.usecases.library_files import LibraryFiles
from archive_app.usecases.opening import (
    WriteLane,
    automatic_backup,
    check_catalogue,
    folder_size,
    library_layout,
    opening_checks,
    prepare_writer,
    upgrade_for_reading,
)
from archive_app.usecases.people_and_places import AuthorityMixin, PlacesMixin
from archive_app.usecases.repair import RepairReport
from archive_app.usecases.searching import (
    SORT_ORDERS,
    LibrarySearch,
    SavedSearchesMixin,
    highlight_terms,
)
from archive_app.usecases.team_follow import (
    ChangeLogFollower,
    TeamFollowMixin,
    follow_while_reading,
)
from archive_app.usecases.team_library import (
    READER_REFUSAL,
    team_display,
    team_lock_refusal,
)
from archive_app.usecases.transfer_mixin import TransferMixin
from archive_app.usecases.trust import repair_library, restore_library
from archive_app.usecases.trust_mixin import TrustMixin

__all__ = ["SORT_ORDERS", "Archive"]  # SORT_ORDERS is searching's, named here for callers
log = logging.getLogger(__name__)


class Archive(
    CataloguingMixin,
    AuthorityMixin,
    PlacesMixin,
    SavedSearchesMixin,
    TrustMixin,
    TeamFollowMixin,
    TransferMixin,
):
    """An open library. Writers are serialised; reads may run on any thread meanwhile.

    Its parts: cataloguing, authority and saved searches (mixins over LibraryCore); the
    index upkeep and searching (services it holds); opening, trust and the JSONL export.
    """

    _idle_merger: IdleMerger | None = None  # the window's folder library: merges when idle

    def __init__(self, layout: LibraryLayout, *, readonly: bool, check_later: bool = False) -> None:
        self.layout = layout
        self.readonly = readonly
        self._lock = None if readonly else WriterLock(layout.lock)
        self._write_lane = WriteLane()
        # one line when the last writer ended without closing the library (killed, crashed)
        self.lock_note: str | None = None
        if self._lock is not None:
            try:
                self.lock_note = self._lock.acquire()
            except LibraryLockedError as refused:
                raise team_lock_refusal(layout, refused) from None
        try:
            later = check_later and not readonly and layout.catalogue.is_file()
            if not readonly:
                prepare_writer(layout, check=not later)  # leftovers removed, damage refused
                recover_interrupted_rebuild(layout.index)
                if self.lock_note is not None:  # a writer was killed: the index may be behind
                    mark_behind(layout.index)  # (kept until caught up, whoever opens next)
            self._engine = catalogue_engine(layout.catalogue_source, readonly=readonly)
            if not readonly and layout.team is not None and not may_write(self._engine):
                # a team reader: read-only from here on, refused by the server too; its index
                # (this desktop's own) stays writable
                self._engine.dispose()
                self._engine = catalogue_engine(layout.catalogue_source, readonly=True)
                self.readonly, self.readonly_reason = True, READER_REFUSAL
            # a damaged file met by any statement: one line saying what to run, not a traceback
            raise_on_damage(self._engine, lambda reason: integrity.damaged(layout, reason))
            if self.readonly and current_revision(self._engine) != HEAD_REVISION:
                upgrade_for_reading(layout, current_revision(self._engine))
            else:
                if later and current_revision(self._engine) != HEAD_REVISION:
                    check_catalogue(layout)  # an upgrade writes: the check comes first
                    later = False
                migrate(self._engine)
            self._sessions = session_factory(self._engine)
            # a team library's originals and photos are in its catalogue, cached here
            self.files = LibraryFiles(
                layout.root, self._sessions if layout.team is not None else None
            )
            if later:  # on the writer lane, before the first write (see settle_checks)
                self._write_lane.pending = partial(opening_checks, layout, self.count)
            elif not readonly and layout.team is None:  # a team's is made on its server
                automatic_backup(layout, self.count)
            if layout.team is not None and not self.index_writable:
                follow_while_reading(layout, self._sessions, self.count)
            self._index = FullTextIndex(layout.index, readonly=readonly)
            self._upkeep = IndexUpkeep(layout, self._sessions, self._index, self.count)
            self._search = LibrarySearch(
                self._index,
                self._sessions,
                self.summaries,
                catalogue_search(
                    layout.team is not None,
                    self._sessions,
                    self._index,
                    lambda: self._upkeep.status,
                    self.count,
                ),
            )
            # a repair running on a thread of its own: close() cancels it and waits for it
            self._repair: tuple[threading.Thread, CancelToken] | None = None
            if layout.team is not None and self.index_writable:  # what others changed since
                self._follower = ChangeLogFollower(
                    layout,
                    self._sessions,
                    self._index,
                    self._upkeep,
                    self._write_lane,
                    track_own_transactions(self._engine),
                )
                self._follower.follow()
        except BaseException:
            self._release()
            raise

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path | None = None, *, readonly: bool = False, check_later: bool = False
    ) -> Archive:
        """Open (and create, unless read-only) the library at `path` or the default one; a
        writer checks its catalogue and makes the daily backup first, unless `check_later`."""
        layout = library_layout(path, readonly=readonly)
        return cls(layout, readonly=readonly, check_later=check_later)

    @property
    def path(self) -> Path:
        return self.layout.root

    @property
    def team_name(self) -> str | None:
        """A team library's address as people see it (user@host:port/database, never a
        password); None for a folder library."""
        return team_display(self.layout)

    @property
    def index_needs_rebuild(self) -> bool:
        """The index was from another version and was replaced by an empty one: the articles
        must be indexed again (the window does it in the background, the CLI at once)."""
        return self._index.recreated and self.count() > 0

    @property
    def index_damage(self) -> str | None:
        """What was wrong with the index found on open (a writer replaced it by an empty one
        to be rebuilt; a reader cannot search until `reindex` runs), or None."""
        return self._index.damage

    def close(self) -> None:
        """Stop following the team catalogue, cancel a repair in progress and wait for the
        writer lane to be free, then close."""
        if self._follower is not None:
            self._follower.stop()
        if self._idle_merger is not None:  # waits for a merge in progress (one step)
            self._idle_merger.stop()
        if self._repair is not None:
            thread, token = self._repair
            token.cancel()
            thread.join()
        try:
            if self._follower is not None:  # the mark past this desktop's own changes
                self._follower.leave()
        finally:  # closed and let go whatever the server said
            with self._write_lane.lock:  # not the checks left for later: nothing writes now
                self._index.close()
                self._engine.dispose()
            self._release()

    def tidy_index_when_idle(self, idle: float = IDLE_SECONDS) -> bool:
        """Merge the index's segments whenever this library has been idle a while, until it
        closes: what imports left unmerged to end quickly (the window asks; a command ends
        before it would matter). False where nothing is started: a team desktop's follower
        merges while it listens, and a read-only library leaves its index as it is."""
        if self._idle_merger is not None or self._follower is not None or self.readonly:
            return False
        self._idle_merger = IdleMerger(self._index, self._write_lane, idle)
        self._upkeep.idle_merger = self._idle_merger
        self._idle_merger.start()
        return True

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- importing -----------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback = ignore_progress,
        cancel: CancelToken | None = None,
        columns: dict[str, str] | None = None,
    ) -> ImportReport:
        """Import files and folders; one bad file never stops the others.

        `columns` maps catalogue fields to the column names of an unusual table export
        ({"title": "headline", "body": "story"}); known names are found without it.
        """
        self._require_writable()
        # the readers and the normaliser (trafilatura, lxml, py3langid and numpy, tldextract,
        # ftfy) load with the first import, not with every window and command: ~1 s of start-up
        from archive_app.usecases.importer import Importer

        importer = Importer(
            self.layout.root,
            self._sessions,
            lambda new, changed, big: self._index_changes(new, changed, in_background=big),
            columns,
            team=self.layout.team is not None,
            warm=self._upkeep.warm_background,
        )
        with self._write_lane:
            # what an interrupted import left unindexed: the articles are duplicates now, and
            # nothing else would index them
            leftovers = self._upkeep.catch_up()
            try:
                report = importer.run(paths, progress, cancel or CancelToken())
            finally:
                problems = self._upkeep.finish_background()
            report.indexed_leftovers = leftovers
            for problem in problems:
                report.warnings.append(
                    ImportItem(
                        "(search index)",
                        "",
                        message=f"the search index was not updated for "
                        f"some articles ({problem}); {LATER}",
                    )
                )
            report.finish()  # the report file gets its totals
            return report

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        with self._sessions() as session:
            return queries.count(session)

    def is_empty(self) -> bool:
        """No article yet (the window asks before its first paint: a count of 100,000 rows
        took 50-80 ms there)."""
        with self._sessions() as session:
            return not queries.has_articles(session)

    def article_ids(self, sort: str = "newest", limit: int | None = None) -> list[int]:
        """The articles' ids in `sort` order: all of them, or the first `limit`."""
        with self._sessions() as session:
            return queries.article_ids(session, sort, limit)

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Row fields for `ids`, in the same order (ids no longer present are skipped)."""
        with self._sessions() as session:
            found = queries.summaries(session, ids)
        return [found[i] for i in ids if i in found]

    def library_file(self, relative: str | None) -> Path | None:
        """The file on this disk of an original or photo the catalogue names relative to the
        library (a photo's media_path, a provenance's original_path); a team library's is
        fetched into this desktop's cache first. None when the library has no such file."""
        return self.files.path(relative)

    def article(self, article_id: int) -> ArticleDetail:
        with self._sessions() as session:
            return queries.detail(session, article_id)

    def occurrences(self) -> list[tuple[int, Provenance]]:
        """Every place any article was seen (file, member, locator, version), with its id."""
        with self._sessions() as session:
            return list(queries.occurrences(session))

    def version_record(self, article_id: int, number: int) -> CatalogueRecord:
        """The record one version of an article was imported with, as its file gave it."""
        with self._sessions() as session:
            return queries.version_record(session, article_id, number)

    def articles(self, ids: Sequence[int]) -> Iterator[ArticleDetail]:
        with self._sessions() as session:
            yield from queries.details(session, ids)

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        within: Sequence[str] = (),
    ) -> SearchPage:
        """A page of ranked hits with snippets; `within` narrows to earlier queries' results.

        Raises QueryError pointing at a mistake in the query. The total may be an estimate
        (`total_exact` False): `counts` gives the exact figure with the facets.
        """
        return self._search.search(query, limit, offset, sort, within)

    def counts(self, query: str, within: Sequence[str] = ()) -> SearchCounts:
        """The exact total, facet counts (site, year, month, place, person, language, tag, and
        review: articles per kind of review flag) and hits per month for the whole result
        set."""
        return self._search.counts(query, within)

    def matching_ids(self, query: str, within: Sequence[str] = ()) -> list[int]:
        """Every article the query matches (for exporting or tagging a whole result)."""
        return self._search.matching_ids(query, within)

    @staticmethod
    def highlight_terms(query: str, texts: Iterable[str]) -> list[str]:
        """The words and phrases of an article's `texts` that `query` matched, as spelled
        there (stemmed forms included, excluded words and field values not): what the reader
        marks."""
        return highlight_terms(query, texts)

    # -- deleting ------------------------------------------------------------------------

    def delete_articles(self, ids: Sequence[int]) -> int:
        """Delete articles from the catalogue and the index in one operation."""
        self._require_writable()
        with self._write_lane:
            with self._sessions.begin() as session:
                deleted = store.delete_articles(session, list(ids))
            self._index.delete(deleted)
        return len(deleted)

    # -- keeping the index in step -------------------------------------------------------

    def repair_index_in_background(self) -> threading.Thread | None:
        """`repair_index` on a thread of its own (the window starts it on opening); `close()`
        cancels it and waits for it."""
        if not self.index_writable:
            return None
        token = CancelToken()
        thread = threading.Thread(
            target=self.repair_index, args=(token,), name="arsip-index-repair"
        )
        self._repair = (thread, token)
        thread.start()
        return thread

    def stats(self) -> LibraryStats:
        with self._sessions() as session:
            result = library_stats.stats(session, self.layout.root)
        return replace(
            result,
            indexed=self._index.doc_count(),
            schema_revision=current_revision(self._engine) or "",
            bytes_on_disk=folder_size(self.layout.root),
        )

    # -- safety: backup, restore, fixity --------------------------------------------------

    def backup(self, target: str | Path) -> BackupInfo:
        """Copy the library into one file while it runs (the catalogue from one snapshot); a
        team library's is the backup of a folder library pulled from its catalogue, which
        restore turns into a folder library."""
        if self.layout.team is not None:
            from archive_app.usecases.team_backup import write_team_backup

            return write_team_backup(type(self).open, self.layout.team, Path(target).expanduser())
        return write_backup(self.layout, Path(target).expanduser(), self.count())

    @classmethod
    def restore(cls, source: str | Path, target: str | Path) -> int:
        """Restore a backup into a new folder and rebuild its index; returns the articles."""
        return restore_library(cls.open, Path(source).expanduser(), Path(target).expanduser())

    @classmethod
    def repair(
        cls,
        path: str | Path | None = None,
        from_backup: str | Path | None = None,
        processes: int = 1,
    ) -> RepairReport:
        """Replace a damaged catalogue with every row that can still be read (or with the
        automatic backup `from_backup`), keeping the damaged file in damaged/, and rebuild the
        index; the report counts per table what was saved and lost."""
        backup = Path(from_backup).expanduser() if from_backup is not None else None
        return repair_library(cls.open, path, backup, processes)

    # -- export --------------------------------------------------------------------------

    def export_jsonl(self, stream: export.TextSink, ids: Sequence[int] | None = None) -> int:
        """Write one JSON catalogue record per line, lossless: each record also carries the
        article's whole state under "archive" (versions with provenance, history, photo file
        references, tags, collections, notes), so importing the file into an empty library
        recreates the same catalogue. Returns how many were written."""
        chosen = list(ids) if ids is not None else self.article_ids("added")[::-1]
        return write_jsonl(self._sessions, chosen, stream)

    def record(self, article_id: int) -> dict[str, object]:
        """The export record of one article (what `show --json` prints)."""
        return export.article_record(self.article(article_id))
