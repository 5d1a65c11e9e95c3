"""The import pipeline: files -> records -> dedupe -> a transaction per file -> index -> report."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive_app.core import originals
from archive_app.core.clock import utc_now
from archive_app.core.errors import ImportCancelled, ReadError
from archive_app.core.model import CatalogueRecord, ImportItem, ImportReport
from archive_app.core.progress import CancelToken, Progress, ProgressCallback
from archive_app.db.models import Article, ArticleVersion, ImportBatch
from archive_app.db.store import CatalogueWriter, Source, sort_date
from archive_app.ingest.dedupe import content_hash, url_key
from archive_app.ingest.extract import EXTRACTOR, Extracted, extract_file
from archive_app.ingest.sources import MissingPath, SourceFile, expand

log = logging.getLogger(__name__)
_CHECK_EVERY = 100  # records between cancel checks and progress reports


@dataclass(slots=True)
class _FileOutcome:
    """What one file's transaction did, merged into the report only once it commits."""

    added: list[tuple[Article, str, str]] = field(default_factory=list)
    updated: list[tuple[Article, str, str]] = field(default_factory=list)
    duplicates: list[ImportItem] = field(default_factory=list)
    failed: list[ImportItem] = field(default_factory=list)
    warnings: list[tuple[Article | None, str, str]] = field(default_factory=list)
    new_ids: set[int] = field(default_factory=set)
    changed_ids: set[int] = field(default_factory=set)


def _is_newer(record: CatalogueRecord, article: Article) -> bool:
    """Whether a new text of an article should become the one shown (newest date wins)."""
    new = sort_date(record.updated or record.published)
    current = sort_date(article.updated or article.published)
    return new is None or current is None or new >= current


class Importer:
    """Runs imports into one library; the caller serialises writers."""

    def __init__(
        self,
        root: Path,
        sessions: sessionmaker[Session],
        index_changes: Callable[[set[int], set[int]], str | None],
    ) -> None:
        self._root = root
        self._sessions = sessions
        # (new ids, changed ids) -> None, or a message when the index could not be updated
        self._index_changes = index_changes

    def run(
        self, paths: Iterable[str | Path], progress: ProgressCallback, cancel: CancelToken
    ) -> ImportReport:
        started = time.monotonic()
        path_list = [str(p) for p in paths]
        report = ImportReport()
        with self._sessions.begin() as session:
            batch = CatalogueWriter(session, utc_now()).new_batch(path_list)
            report.batch_id = batch.id
        files = expand(path_list)
        pending_new: set[int] = set()
        pending_changed: set[int] = set()
        for number, source in enumerate(files):
            progress(Progress("importing", number, len(files), source.display, len(report.added)))
            if cancel.cancelled:
                report.cancelled = True
                break
            if isinstance(source, MissingPath):
                report.failed.append(ImportItem(source.display, "file", message=source.reason))
                continue
            report.files += 1
            try:
                outcome = self._import_file(source, report.batch_id, progress, cancel,
                                            (number, len(files), len(report.added)))
            except ImportCancelled:
                report.cancelled = True
                break
            except ReadError as error:
                report.failed.append(ImportItem(source.display, "file", message=str(error)))
                continue
            self._merge(report, source, outcome)
            pending_new |= outcome.new_ids
            pending_changed |= outcome.changed_ids
            if len(pending_new) + len(pending_changed) >= 2000:
                self._flush_index(report, pending_new, pending_changed)
        self._flush_index(report, pending_new, pending_changed)
        progress(Progress("done", len(files), len(files), "", len(report.added)))
        self._finish_batch(report)
        report.seconds = time.monotonic() - started
        return report

    def _flush_index(self, report: ImportReport, new: set[int], changed: set[int]) -> None:
        if not new and not changed:
            return
        problem = self._index_changes(set(new), set(changed))
        if problem:
            report.warnings.append(ImportItem("(search index)", "", message=problem))
        new.clear()
        changed.clear()

    def _finish_batch(self, report: ImportReport) -> None:
        with self._sessions.begin() as session:
            batch = session.get(ImportBatch, report.batch_id)
            assert batch is not None
            batch.finished_at = utc_now()
            batch.status = "cancelled" if report.cancelled else "done"
            batch.added, batch.updated = len(report.added), len(report.updated)
            batch.duplicates, batch.failed = len(report.duplicates), len(report.failed)

    @staticmethod
    def _merge(report: ImportReport, source: SourceFile, outcome: _FileOutcome) -> None:
        for article, locator, title in outcome.added:
            report.added.append(ImportItem(source.display, locator, article.id, title))
        for article, locator, message in outcome.updated:
            report.updated.append(
                ImportItem(source.display, locator, article.id, article.title, message)
            )
        report.duplicates.extend(outcome.duplicates)
        report.failed.extend(outcome.failed)
        for maybe_article, locator, message in outcome.warnings:
            article_id = maybe_article.id if maybe_article is not None else None
            report.warnings.append(ImportItem(source.display, locator, article_id, "", message))

    def _import_file(
        self, source: SourceFile, batch_id: int | None, progress: ProgressCallback,
        cancel: CancelToken, position: tuple[int, int, int],
    ) -> _FileOutcome:
        try:
            data = source.path.read_bytes()
        except OSError as error:
            raise ReadError(f"cannot read the file ({error.strerror})") from error
        sha256 = originals.sha256_of(data)
        ext = originals.extension_of(source.path.name)
        relative = originals.relative_path(sha256, ext)
        extracted = extract_file(source.path.name, data)
        outcome = _FileOutcome()
        wrote_original = False
        session = self._sessions()
        try:
            writer = CatalogueWriter(session, utc_now())
            origin = Source(sha256, source.path.name, "", extracted.format, EXTRACTOR, batch_id)
            registered = False
            seen_urls: dict[str, Article] = {}
            seen_hashes: dict[str, Article] = {}
            for count, item in enumerate(extracted.items, start=1):
                if count % _CHECK_EVERY == 0:
                    if cancel.cancelled:
                        raise ImportCancelled("import cancelled")
                    done, total, added = position
                    progress(Progress("importing", done, total, source.display,
                                      added + len(outcome.added)))
                if item.record is None:
                    outcome.failed.append(
                        ImportItem(source.display, item.locator, message=item.failure or "")
                    )
                    continue
                if not registered:
                    writer.original(sha256, len(data), ext, relative)
                    registered = True
                self._store(
                    session, writer, item, _with_locator(origin, item.locator),
                    source.display, outcome, seen_urls, seen_hashes,
                )
            if not (outcome.added or outcome.updated):
                session.rollback()  # nothing new in this file: keep nothing of it
                return outcome
            session.flush()
            wrote_original = originals.store(self._root, relative, data)
            session.commit()
        except BaseException:
            session.rollback()
            if wrote_original:
                (self._root / relative).unlink(missing_ok=True)
            raise
        finally:
            session.close()
        outcome.new_ids.update(article.id for article, _loc, _title in outcome.added)
        outcome.changed_ids.update(article.id for article, _loc, _msg in outcome.updated)
        return outcome

    @staticmethod
    def _store(
        session: Session, writer: CatalogueWriter, item: Extracted, origin: Source,
        display: str, outcome: _FileOutcome, seen_urls: dict[str, Article],
        seen_hashes: dict[str, Article],
    ) -> None:
        record = item.record
        assert record is not None
        key = url_key(record.url)
        digest = content_hash(record)
        with session.no_autoflush:
            article = seen_urls.get(key) if key else None
            if article is None and key:
                article = session.scalar(select(Article).where(Article.url_key == key).limit(1))
            if article is not None:
                if digest in {v.content_hash for v in article.versions}:
                    outcome.duplicates.append(ImportItem(
                        display, item.locator, article.id, record.title,
                        "same URL and text as an article already in the library",
                    ))
                    return
                number = writer.add_version(article, record, digest, origin,
                                            make_current=_is_newer(record, article))
                outcome.updated.append((article, item.locator,
                                        f"URL already in the library with different text: "
                                        f"kept as version {number}"))
                if key:
                    seen_urls[key] = article
                seen_hashes[digest] = article
                return
            twin = seen_hashes.get(digest)
            twin_id = twin.id if twin is not None else session.scalar(
                select(ArticleVersion.article_id)
                .where(ArticleVersion.content_hash == digest).limit(1)
            )
            if twin is not None or twin_id is not None:
                outcome.duplicates.append(ImportItem(
                    display, item.locator, twin_id, record.title,
                    "same text as an article already in the library",
                ))
                return
            article = writer.add_article(record, digest, key, origin)
        if key:
            seen_urls[key] = article
        seen_hashes[digest] = article
        outcome.added.append((article, item.locator, record.title))
        outcome.warnings.extend((article, item.locator, w) for w in item.warnings)


def _with_locator(source: Source, locator: str) -> Source:
    return Source(source.sha256, source.file_name, locator, source.format, source.extractor,
                  source.batch_id, source.member)
