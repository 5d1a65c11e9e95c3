"""The Archive facade: the one door the CLI and the window use into a library."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from archive_app.db import lossless, queries, store
from archive_app.db.engine import (
    create_catalogue_engine,
    current_revision,
    head_revision,
    migrate,
    session_factory,
)
from archive_app.db.health import check_file, raise_on_damage
from archive_app.domain import query as query_language
from archive_app.domain import record_json as export
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import (
    LibraryFormatError,
    LibraryLockedError,
    LibraryNotFoundError,
    QueryError,
)
from archive_app.domain.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    CheckReport,
    ImportItem,
    ImportReport,
    IndexDocument,
    IndexStatus,
    LibraryStats,
    Provenance,
    SavedSearch,
    SearchCounts,
    SearchHit,
    SearchPage,
)
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from archive_app.domain.serial import record_to_dict
from archive_app.search.background import BackgroundWriter
from archive_app.search.index import FullTextIndex
from archive_app.search.index_folder import mark_behind, recover_interrupted_rebuild
from archive_app.storage import leftovers
from archive_app.storage.diskspace import is_disk_full
from archive_app.storage.library_folder import LibraryLayout, WriterLock, default_library_path
from archive_app.usecases import autobackup, integrity
from archive_app.usecases.advice import advice
from archive_app.usecases.authority import AuthorityMixin, PlacesMixin
from archive_app.usecases.backup import (
    BackupInfo,
    FixityReport,
    check_fixity,
    restore_backup,
    write_backup,
)
from archive_app.usecases.cataloguing import CataloguingMixin
from archive_app.usecases.importer import Importer
from archive_app.usecases.repair import RepairReport, replace_catalogue, unclaimed_originals

log = logging.getLogger(__name__)
T = TypeVar("T")
SORT_ORDERS = ("relevance", "newest", "oldest", "title")
# an import flushing this many articles at once hands indexing to a process of its own
BACKGROUND_BATCH = 1500
# catching up, the index commits every so many articles (one segment each): a catch-up cut
# short keeps what it did
CATCH_UP_COMMIT = 5000
_LATER = "Arsip indexes them the next time it opens this library to write"


class Archive(CataloguingMixin, AuthorityMixin, PlacesMixin):
    """An open library. Writers are serialised; reads may run on any thread meanwhile."""

    def __init__(self, layout: LibraryLayout, *, readonly: bool) -> None:
        self.layout = layout
        self.readonly = readonly
        self._lock = None if readonly else WriterLock(layout.lock)
        self._write_lane = threading.Lock()
        # one line when the last writer ended without closing the library (killed, crashed)
        self.lock_note: str | None = None
        if self._lock is not None:
            self.lock_note = self._lock.acquire()
        try:
            if not readonly:
                self._prepare_writer(layout)  # leftovers removed, damage refused
                recover_interrupted_rebuild(layout.index)
                if self.lock_note is not None:  # a writer was killed: the index may be behind
                    mark_behind(layout.index)  # (kept until caught up, whoever opens next)
            self._engine = create_catalogue_engine(layout.catalogue, readonly=readonly)
            # a damaged file met by any statement: one line saying what to run, not a traceback
            raise_on_damage(self._engine, lambda reason: integrity.damaged(layout, reason))
            if readonly and current_revision(self._engine) != head_revision():
                self._upgrade_for_reading(layout)
            else:
                migrate(self._engine)
            self._sessions: sessionmaker[Session] = session_factory(self._engine)
            if not readonly:
                self._automatic_backup()
            self._index = FullTextIndex(layout.index, readonly=readonly)
            self._index_status = IndexStatus(False, 0, 0)
            self._background: BackgroundWriter | None = None
        except BaseException:
            self._release()
            raise

    # -- opening and closing -------------------------------------------------------------

    @staticmethod
    def _prepare_writer(layout: LibraryLayout) -> None:
        """Holding the writer lock: remove what killed processes left, and refuse a catalogue
        SQLite finds damaged (its quick check reads every page's structure: 0.1 s for a
        30 MB catalogue, about 3 ms per MB) before anything writes to it."""
        leftovers.clean(layout)
        if not layout.catalogue.is_file():
            return
        problems = check_file(layout.catalogue, readonly=False)
        if problems:
            raise integrity.damaged(layout, problems[0])

    def _automatic_backup(self) -> None:
        """A verified copy of the catalogue in backups/, once a day, when there is something
        to keep; a failure (a full disk) is logged and opening goes on."""
        try:
            if autobackup.due(self.layout) and self.count() > 0:
                autobackup.make(self.layout)
        except (OSError, sqlite3.Error) as error:
            log.warning("no automatic backup of %s was made (%s)", self.layout.catalogue, error)

    def _upgrade_for_reading(self, layout: LibraryLayout) -> None:
        """A reader meets an older schema: migrate it when no writer holds the library."""
        lock = WriterLock(layout.lock)
        try:
            if lock.acquire() is not None:  # the writer before was killed: say so to the next
                mark_behind(layout.index)
        except LibraryLockedError:
            raise LibraryFormatError(
                f"the library {layout.root} needs an upgrade, and another Arsip process has it "
                "open; close that one first"
            ) from None
        try:
            writable = create_catalogue_engine(layout.catalogue)
            migrate(writable)
            writable.dispose()
        finally:
            lock.release()

    @classmethod
    def open(cls, path: str | Path | None = None, *, readonly: bool = False) -> Archive:
        """Open (and create, unless read-only) the library at `path` or the default one."""
        layout = LibraryLayout(Path(path).expanduser() if path else default_library_path())
        if not layout.exists() and (latest := autobackup.newest(layout)) is not None:
            raise integrity.missing(layout, latest)
        if readonly:
            if not layout.exists():
                raise LibraryNotFoundError(
                    f"there is no Arsip library at {layout.root} (import something first)"
                )
        else:
            if layout.root.exists() and not layout.root.is_dir():
                raise LibraryFormatError(f"{layout.root} is a file, not a library folder")
            if layout.root.is_dir() and any(layout.root.iterdir()) and not layout.exists():
                known = {
                    "originals",
                    "media",
                    "index",
                    "library.lock",
                    "backups",
                    "damaged",
                    ".unfinished",
                }
                if any(p.name not in known for p in layout.root.iterdir()):
                    raise LibraryFormatError(
                        f"{layout.root} holds other files and no catalogue.sqlite; choose an "
                        "empty folder or an existing Arsip library"
                    )
            layout.create()
        return cls(layout, readonly=readonly)

    @property
    def path(self) -> Path:
        return self.layout.root

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
        self._index.close()
        self._engine.dispose()
        self._release()

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
        importer = Importer(
            self.layout.root,
            self._sessions,
            lambda new, changed, big: self._index_changes(new, changed, in_background=big),
            columns,
            warm=self._warm_index,
        )
        with self._write_lane:
            # what an interrupted import left unindexed: the articles are duplicates now, and
            # nothing else would index them
            leftovers = self._catch_up()
            try:
                report = importer.run(paths, progress, cancel or CancelToken())
            finally:
                problems = self._finish_background()
            report.indexed_leftovers = leftovers
            for problem in problems:
                report.warnings.append(
                    ImportItem(
                        "(search index)",
                        "",
                        message=f"the search index was not updated for "
                        f"some articles ({problem}); {_LATER}",
                    )
                )
            return report

    def _finish_background(self) -> list[str]:
        writer, self._background = self._background, None
        if writer is None:
            return []
        problems = writer.finish()
        self._index.changed_elsewhere()
        if problems:
            self._index.mark_behind()
        return problems

    def _warm_index(self, docs: list[IndexDocument]) -> None:
        if self._background is not None:
            self._background.warm(docs)

    def _index_changes(
        self, new_ids: set[int], changed_ids: set[int], in_background: bool = False
    ) -> str | None:
        try:
            with self._sessions() as session:
                docs = list(queries.index_documents(session, sorted(new_ids | changed_ids)))
            if in_background or len(docs) >= BACKGROUND_BATCH or self._background is not None:
                # a big import: index in a process of its own while the import goes on
                if self._background is None:
                    self._background = BackgroundWriter(self.layout.index)
                if docs:  # none when a big import starts: the process gets ready meanwhile
                    self._background.submit(docs, new_ids)
                return None
            self._index.write(docs, new_ids=frozenset(new_ids))
        except Exception as error:  # the catalogue is committed; say so instead of failing
            self._index.mark_behind()
            if is_disk_full(error):  # expected, and said once: no traceback
                log.warning("index update failed: the disk is full")
                error_text = "the disk is full"
            else:
                log.exception("index update failed")
                error_text = str(error)
            return (
                f"the search index was not updated for {len(new_ids | changed_ids)} "
                f"articles ({error_text}); {_LATER}"
            )
        return None

    def _require_writable(self) -> None:
        if self.readonly:
            raise LibraryFormatError("this library was opened read-only")

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        with self._sessions() as session:
            return queries.count(session)

    def is_empty(self) -> bool:
        return self.count() == 0

    def article_ids(self, sort: str = "newest") -> list[int]:
        with self._sessions() as session:
            return queries.article_ids(session, sort)

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Row fields for `ids`, in the same order (ids no longer present are skipped)."""
        with self._sessions() as session:
            found = queries.summaries(session, ids)
        return [found[i] for i in ids if i in found]

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
        if sort not in SORT_ORDERS:
            raise QueryError(f"unknown sort {sort!r} (choose {', '.join(SORT_ORDERS)})", query)
        node = self._parse(query, within)
        raw = self._with_query_text(
            query,
            lambda: self._index.search(
                node, sort=sort, limit=limit, offset=offset, texts=self._texts, query_text=query
            ),
        )
        rows = {s.id: s for s in self.summaries([hit.id for hit in raw.hits])}
        hits = tuple(
            SearchHit(
                hit.id,
                hit.score,
                rows[hit.id].title,
                rows[hit.id].published,
                rows[hit.id].site,
                hit.snippets,
            )
            for hit in raw.hits
            if hit.id in rows
        )
        return SearchPage(query, raw.total, hits, raw.exact, raw.suggestion, sort)

    def counts(self, query: str, within: Sequence[str] = ()) -> SearchCounts:
        """The exact total, facet counts (site, year, month, place, person, language, tag, and
        review: articles per kind of review flag) and hits per month for the whole result
        set."""
        node = self._parse(query, within)
        raw = self._with_query_text(query, lambda: self._index.counts(node, self._texts))
        return SearchCounts(query, raw.total, raw.facets, raw.months)

    def matching_ids(self, query: str, within: Sequence[str] = ()) -> list[int]:
        """Every article the query matches (for exporting or tagging a whole result)."""
        node = self._parse(query, within)
        return self._with_query_text(query, lambda: self._index.matching_ids(node, self._texts))

    @staticmethod
    def _parse(query: str, within: Sequence[str]) -> query_language.Node:
        nodes = [query_language.parse(q) for q in (*within, query) if q.strip()]
        # nothing typed: every article (a browse, listed newest first)
        return nodes[0] if len(nodes) == 1 else query_language.And(tuple(nodes))

    @staticmethod
    def _with_query_text(query: str, run: Callable[[], T]) -> T:
        try:
            return run()
        except QueryError as error:
            if not error.query:
                raise QueryError(str(error), query, error.position) from None
            raise

    def _texts(
        self, ids: list[int], fields: frozenset[str] = frozenset({"text"})
    ) -> dict[int, dict[str, str]]:
        with self._sessions() as session:
            return queries.field_texts(session, ids, fields)

    # -- saved searches --------------------------------------------------------------------

    def save_search(self, name: str, query: str, sort: str = "relevance") -> None:
        """Keep a query under a name (replacing one of the same name)."""
        self._require_writable()
        if not name.strip():
            raise QueryError("a saved search needs a name", query)
        query_language.parse(query)  # refuse to save a query that cannot run
        with self._write_lane, self._sessions.begin() as session:
            store.save_search(session, name.strip(), query, sort, utc_now())

    def saved_searches(self) -> list[SavedSearch]:
        with self._sessions() as session:
            return queries.saved_searches(session)

    def delete_saved_search(self, name: str) -> bool:
        self._require_writable()
        with self._write_lane, self._sessions.begin() as session:
            return store.delete_saved_search(session, name)

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

    @property
    def index_status(self) -> IndexStatus:
        return self._index_status

    def repair_index_in_background(self) -> threading.Thread | None:
        """Index what the catalogue holds and the index lacks, on a thread of its own; until it
        finishes, `index_status` says "indexing N of M, results may be incomplete"."""
        if self.readonly:
            return None
        thread = threading.Thread(target=self._repair_index, name="arsip-index-repair", daemon=True)
        thread.start()
        return thread

    def _repair_index(self) -> None:
        try:
            with self._write_lane:
                self._catch_up()
                self._index.warm()
        except Exception as error:  # a failed repair leaves the drift for the next open
            if is_disk_full(error):
                log.warning("the index could not catch up: the disk is full")
            else:
                log.exception("index repair failed")

    def catch_up_index(self) -> int:
        """Index what the catalogue committed and the index lacks (an import or edit was
        killed, or the disk filled before the index was written); the articles indexed.

        Costs a count when nothing says the index lags: the last writer closed the library,
        no index write failed since, and the two hold as many articles.
        """
        self._require_writable()
        with self._write_lane:
            return self._catch_up()

    def _index_may_lag(self) -> bool:
        if self._index.behind or self._index.recreated or self._index.stale_schema:
            return True
        return self._index.doc_count() != self.count()

    def _catch_up(self) -> int:
        """Compare the catalogue's versions with the index's and index the difference; the
        number of articles indexed (`index_status` says how far it is meanwhile)."""
        if not self._index_may_lag():
            return 0
        # a catch-up cut short (the window closed, the process killed) must be taken up again
        # by the next writer, even when only versions differ and the counts agree
        self._index.mark_behind()
        try:
            report = self._compare(CheckReport())  # the index only: no integrity check
            if report.index_error or self._index.stale_schema:
                todo = self.article_ids("added")
                self._index_status = IndexStatus(True, 0, len(todo))
                self._index.rebuild(self._index_documents(todo), self._rebuild_progress)
            else:
                todo = sorted(set(report.missing_from_index) | set(report.stale_in_index))
                if report.orphaned_in_index:
                    self._index.delete(report.orphaned_in_index)
                self._index_status = IndexStatus(bool(todo), 0, len(todo))
                new = frozenset(report.missing_from_index)
                for start in range(0, len(todo), CATCH_UP_COMMIT):
                    chunk = todo[start : start + CATCH_UP_COMMIT]
                    self._index.write(self._index_documents(chunk), new_ids=new)
                    self._index_status = IndexStatus(True, start + len(chunk), len(todo))
        finally:
            self._index_status = IndexStatus(False, 0, 0)
        self._index.caught_up()
        self._index.recreated = False
        if todo:
            log.info("indexed %d articles the index lacked", len(todo))
        return len(todo)

    def _rebuild_progress(self, done: int) -> None:
        self._index_status = IndexStatus(True, done, self._index_status.total)

    def _index_documents(self, ids: Sequence[int]) -> Iterator[IndexDocument]:
        with self._sessions() as session:
            yield from queries.index_documents(session, ids)

    def stats(self) -> LibraryStats:
        with self._sessions() as session:
            result = queries.stats(session, self.layout.root)
        result.indexed = self._index.doc_count()
        result.schema_revision = current_revision(self._engine) or ""
        result.bytes_on_disk = sum(
            p.stat().st_size for p in self.layout.root.rglob("*") if p.is_file()
        )
        return result

    # -- trust: check and reindex ----------------------------------------------------------

    def check(self) -> CheckReport:
        """SQLite's full integrity check of the catalogue, then the catalogue against the index
        and the originals folder; leftovers of interrupted work are counted, and each kind of
        problem gets its advice."""
        report = CheckReport()
        latest = autobackup.newest(self.layout)
        report.automatic_backup = str(latest) if latest is not None else None
        found = leftovers.find(self.layout)
        report.leftovers = [str(item.path) for item in found]
        report.leftover_bytes = sum(item.size for item in found)
        problems = check_file(self.layout.catalogue, full=True)
        if problems:
            report.catalogue_error = problems[0]  # what the catalogue says cannot be trusted
        else:
            self._compare(report)
        report.advice = advice(self.layout, report)
        return report

    def check_advice(self, report: CheckReport, fixity: FixityReport | None = None) -> list[str]:
        """The advice for a check together with a fixity check."""
        return advice(self.layout, report, fixity)

    def _compare(self, report: CheckReport) -> CheckReport:
        """The catalogue against the index and the originals folder."""
        with self._sessions() as session:
            catalogue = queries.versions(session)
            original_paths = queries.original_paths(session)
        report.articles = len(catalogue)
        if self._index.missing:
            report.index_error = f"the search index is missing ({self.layout.index} is empty)"
        elif self._index.stale_schema:
            report.index_error = "the index was built by another version of Arsip"
        elif self._index.damage:
            report.index_error = f"the search index is damaged ({self._index.damage})"
        try:
            indexed = self._index.versions()
        except Exception as error:  # a damaged index must be reported, not crash the check
            report.index_error = f"the index cannot be read ({error})"
            indexed = {}
        report.indexed = len(indexed)
        for article_id, version in sorted(catalogue.items()):
            if article_id not in indexed:
                report.missing_from_index.append(article_id)
            elif indexed[article_id] != version:
                report.stale_in_index.append(article_id)
        report.orphaned_in_index = sorted(set(indexed) - set(catalogue))
        report.missing_originals = [
            p for p in original_paths if not (self.layout.root / p).is_file()
        ]
        return report

    def reindex(
        self,
        progress: ProgressCallback = ignore_progress,
        cancel: CancelToken | None = None,
        processes: int = 1,
    ) -> int:
        """Rebuild the whole index from the catalogue; the old index serves until the swap.

        `processes` > 1 indexes in worker processes: the CLI uses the machine's cores; the
        window, which has threads of its own, keeps one.
        """
        self._require_writable()
        token = cancel or CancelToken()
        with self._write_lane:
            ids = self.article_ids("added")
            total = len(ids)

            def documents() -> Iterator[IndexDocument]:
                for done, doc in enumerate(self._index_documents(ids), start=1):
                    if token.cancelled:
                        raise InterruptedError("reindex cancelled")
                    if done % 500 == 0:
                        progress(Progress("indexing", done, total))
                    yield doc

            count = self._index.rebuild(documents(), processes=processes)
            progress(Progress("indexing", total, total))
            return count

    # -- safety: backup, restore, fixity --------------------------------------------------

    def backup(self, target: str | Path) -> BackupInfo:
        """Copy the library into one file while it runs (the catalogue from one snapshot)."""
        return write_backup(self.layout, Path(target).expanduser(), self.count())

    @classmethod
    def restore(cls, source: str | Path, target: str | Path) -> int:
        """Restore a backup into a new folder and rebuild its index; returns the articles."""
        restore_backup(Path(source).expanduser(), Path(target).expanduser())
        with cls.open(target) as restored:
            restored.reindex()
            return restored.count()

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
        layout = LibraryLayout(Path(path).expanduser() if path else default_library_path())
        if not layout.root.is_dir():
            raise LibraryNotFoundError(f"there is no Arsip library at {layout.root}")
        report = replace_catalogue(
            layout, Path(from_backup).expanduser() if from_backup is not None else None
        )
        with cls.open(layout.root) as repaired:
            repaired.reindex(processes=processes)
            ids = set(repaired.article_ids("added"))
            with repaired._sessions() as session:
                named = queries.provenance_original_paths(session)
        report.articles = len(ids)
        report.lost_articles = sorted(set(report.lost_articles) - ids)
        report.unclaimed_originals = unclaimed_originals(layout, named)
        return report

    def fixity(self) -> FixityReport:
        """Re-hash every original and archived photo; report changed or missing files."""
        with self._sessions() as session:
            named = queries.original_paths(session) + queries.media_paths(session)
        return check_fixity(self.layout.root, named)

    # -- export --------------------------------------------------------------------------

    def export_jsonl(self, stream: export.TextSink, ids: Sequence[int] | None = None) -> int:
        """Write one JSON catalogue record per line, lossless: each record also carries the
        article's whole state under "archive" (versions with provenance, history, photo file
        references, tags, collections, notes), so importing the file into an empty library
        recreates the same catalogue. Returns how many were written."""
        chosen = list(ids) if ids is not None else self.article_ids("added")[::-1]
        count = 0
        with self._sessions() as session:
            for detail in self.articles(chosen):
                state = lossless.dump_article(session, detail.id)
                state["record"] = record_to_dict(detail.record)
                line = export.article_record(detail) | {"archive": state}
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        return count

    def record(self, article_id: int) -> dict[str, object]:
        """The export record of one article (what `show --json` prints)."""
        return export.article_record(self.article(article_id))
