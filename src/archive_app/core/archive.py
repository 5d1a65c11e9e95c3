"""The Archive facade: the one door the CLI and the window use into a library."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from archive_app.core import export
from archive_app.core.errors import LibraryFormatError, LibraryNotFoundError
from archive_app.core.importer import Importer
from archive_app.core.library import LibraryLayout, WriterLock, default_library_path
from archive_app.core.model import (
    ArticleDetail,
    ArticleSummary,
    CheckReport,
    ImportReport,
    IndexDocument,
    LibraryStats,
    SearchHit,
    SearchPage,
)
from archive_app.core.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from archive_app.db import queries
from archive_app.db.engine import (
    create_catalogue_engine,
    current_revision,
    head_revision,
    migrate,
    session_factory,
)
from archive_app.search.index import FullTextIndex

log = logging.getLogger(__name__)


class Archive:
    """An open library. Writers are serialised; reads may run on any thread meanwhile."""

    def __init__(self, layout: LibraryLayout, *, readonly: bool) -> None:
        self.layout = layout
        self.readonly = readonly
        self._lock = None if readonly else WriterLock(layout.lock)
        self._write_lane = threading.Lock()
        if self._lock is not None:
            self._lock.acquire()
        try:
            self._engine = create_catalogue_engine(layout.catalogue, readonly=readonly)
            if readonly:
                if current_revision(self._engine) != head_revision():
                    raise LibraryFormatError(
                        f"the library {layout.root} needs an upgrade; open it once in Arsip "
                        "(or run `archive-app check`) to migrate it"
                    )
            else:
                migrate(self._engine)
            self._sessions: sessionmaker[Session] = session_factory(self._engine)
            self._index = FullTextIndex(layout.index, readonly=readonly)
        except BaseException:
            self._release()
            raise

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, readonly: bool = False) -> Archive:
        """Open (and create, unless read-only) the library at `path` or the default one."""
        layout = LibraryLayout(Path(path).expanduser() if path else default_library_path())
        if readonly:
            if not layout.exists():
                raise LibraryNotFoundError(
                    f"there is no Arsip library at {layout.root} (import something first)"
                )
        else:
            if layout.root.exists() and not layout.root.is_dir():
                raise LibraryFormatError(f"{layout.root} is a file, not a library folder")
            if layout.root.is_dir() and any(layout.root.iterdir()) and not layout.exists():
                known = {"originals", "media", "index", "library.lock"}
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
    ) -> ImportReport:
        """Import files and folders; one bad file never stops the others."""
        self._require_writable()
        importer = Importer(self.layout.root, self._sessions, self._index_changes)
        with self._write_lane:
            return importer.run(paths, progress, cancel or CancelToken())

    def _index_changes(self, new_ids: set[int], changed_ids: set[int]) -> str | None:
        try:
            with self._sessions() as session:
                docs = list(queries.index_documents(session, sorted(new_ids | changed_ids)))
            self._index.write(docs, new_ids=frozenset(new_ids))
        except Exception as error:  # the catalogue is committed; say so instead of failing
            log.exception("index update failed")
            return (f"the search index was not updated for {len(new_ids | changed_ids)} "
                    f"articles ({error}); run `archive-app reindex` to repair it")
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

    def articles(self, ids: Sequence[int]) -> Iterator[ArticleDetail]:
        with self._sessions() as session:
            yield from queries.details(session, ids)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> SearchPage:
        """Ranked hits with snippets; raises QueryError pointing at a mistake in the query."""
        raw = self._index.search(query, limit, offset, self._bodies)
        ids = [hit.id for hit in raw.hits]
        rows = {s.id: s for s in self.summaries(ids)}
        hits = tuple(
            SearchHit(hit.id, hit.score, rows[hit.id].title, rows[hit.id].published,
                      rows[hit.id].site, hit.snippets)
            for hit in raw.hits
            if hit.id in rows
        )
        return SearchPage(query, raw.total, hits)

    def _bodies(self, ids: list[int]) -> dict[int, str]:
        with self._sessions() as session:
            return queries.bodies(session, ids)

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
        """Compare the catalogue with the index and the originals folder."""
        report = CheckReport()
        with self._sessions() as session:
            catalogue = queries.versions(session)
            original_paths = queries.original_paths(session)
        report.articles = len(catalogue)
        if self._index.stale_schema:
            report.index_error = "the index was built by another version of Arsip"
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
        self, progress: ProgressCallback = ignore_progress, cancel: CancelToken | None = None
    ) -> int:
        """Rebuild the whole index from the catalogue; the old index serves until the swap."""
        self._require_writable()
        token = cancel or CancelToken()
        with self._write_lane:
            ids = self.article_ids("added")
            total = len(ids)

            def documents() -> Iterator[IndexDocument]:
                with self._sessions() as session:
                    for done, doc in enumerate(queries.index_documents(session, ids), start=1):
                        if token.cancelled:
                            raise InterruptedError("reindex cancelled")
                        if done % 500 == 0:
                            progress(Progress("indexing", done, total))
                        yield doc

            count = self._index.rebuild(documents())
            progress(Progress("indexing", total, total))
            return count

    # -- export --------------------------------------------------------------------------

    def export_jsonl(self, stream: export.TextSink, ids: Sequence[int] | None = None) -> int:
        """Write one JSON catalogue record per line; returns how many were written."""
        chosen = list(ids) if ids is not None else self.article_ids("added")[::-1]
        return export.write_jsonl(stream, self.articles(chosen))

    def record(self, article_id: int) -> dict[str, object]:
        """The export record of one article (what `show --json` prints)."""
        return export.article_record(self.article(article_id))
