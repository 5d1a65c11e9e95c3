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
from archive_app.core.media_store import archive_photo
from archive_app.core.model import CatalogueRecord, ImportItem, ImportReport
from archive_app.core.progress import CancelToken, Progress, ProgressCallback
from archive_app.db.lossless import load_article
from archive_app.db.models import Article, ArticleVersion, ImportBatch
from archive_app.db.store import CatalogueWriter, Source, link_same_stories, sort_date
from archive_app.ingest.dedupe import content_hash, url_key
from archive_app.ingest.extract import EXTRACTOR, Extracted, extract_file
from archive_app.ingest.sources import MissingPath, SourceFile, expand

log = logging.getLogger(__name__)
_CHECK_EVERY = 100  # records between cancel checks and progress reports
_SETTLE_EVERY = 500  # records between flushes that let the session's objects go
# a transaction holds files until one of these is reached
_GROUP_RECORDS = 2000
_GROUP_FILES = 500
_GROUP_SECONDS = 10.0


@dataclass(slots=True)
class _FileOutcome:
    """What one file's transaction did, merged into the report only once it commits."""

    added: list[tuple[int, str, str]] = field(default_factory=list)
    updated: list[tuple[int, str, str, str]] = field(default_factory=list)
    duplicates: list[ImportItem] = field(default_factory=list)
    failed: list[ImportItem] = field(default_factory=list)
    warnings: list[tuple[int | None, str, str]] = field(default_factory=list)
    new_ids: set[int] = field(default_factory=set)
    changed_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Pending:
    """Articles stored since the session was last settled (their ids come at the flush)."""

    added: list[tuple[Article, str, str, list[str]]] = field(default_factory=list)
    updated: list[tuple[Article, str, str]] = field(default_factory=list)
    # URL keys and text hashes met in this file -> the article (an object until settled)
    seen_urls: dict[str, Article | int] = field(default_factory=dict)
    seen_hashes: dict[str, Article | int] = field(default_factory=dict)


@dataclass(slots=True)
class _Group:
    """Files stored in one transaction, each in a savepoint of its own: small files commit
    together (a commit and its fsync per file dominated folders of page dumps), while a file
    that fails still takes only its own records with it."""

    session: Session
    started: float
    outcomes: list[tuple[SourceFile, _FileOutcome]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # originals and photos new in the group
    # originals written under temporary names: made durable together just before the commit
    staged: list[originals.Staged] = field(default_factory=list)
    records: int = 0
    # articles added in the group, to link to the same stories in one query before commit
    bodies: dict[int, list[str]] = field(default_factory=dict)
    placed: dict[int, tuple[_FileOutcome, str]] = field(default_factory=dict)

    def full(self) -> bool:
        return (self.records >= _GROUP_RECORDS or len(self.outcomes) >= _GROUP_FILES
                or time.monotonic() - self.started > _GROUP_SECONDS)


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
        columns: dict[str, str] | None = None,
    ) -> None:
        self._columns = columns
        self._clock: tuple[float, int] = (time.monotonic(), 0)
        self._bytes_done = 0
        self._root = root
        self._sessions = sessions
        # (new ids, changed ids) -> None, or a message when the index could not be updated
        self._index_changes = index_changes
        self._written_media: list[Path] = []  # photo files first written by the current file
        self._bodies: dict[int, list[str]] = {}  # bodies of the current file's added articles
        # exported change ids -> change sets made while restoring an Arsip export (by id)
        self._restored_changes: dict[int, int] = {}

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
        sizes = [_size(f) for f in files]
        self._clock = (started, sum(sizes))
        self._bytes_done = 0
        pending_new: set[int] = set()
        pending_changed: set[int] = set()
        group: _Group | None = None
        for number, source in enumerate(files):
            self._bytes_done = sum(sizes[:number])
            progress(self._progress(number, len(files), source.display, len(report.added)))
            if cancel.cancelled:
                report.cancelled = True
                break
            if isinstance(source, MissingPath):
                report.failed.append(ImportItem(source.display, "file", message=source.reason))
                continue
            report.files += 1
            if group is None:
                group = _Group(self._sessions(), time.monotonic())
            try:
                outcome = self._import_file(group, source, report.batch_id, progress, cancel,
                                            (number, len(files), len(report.added)))
            except ImportCancelled:
                report.cancelled = True
                break
            except ReadError as error:
                report.failed.append(ImportItem(source.display, "file", message=str(error)))
                continue
            group.outcomes.append((source, outcome))
            group.records += len(outcome.added) + len(outcome.updated)
            if group.full():
                self._commit_group(group, report, pending_new, pending_changed)
                group = None
                if len(pending_new) + len(pending_changed) >= 2000:
                    self._flush_index(report, pending_new, pending_changed)
        if group is not None:  # files finished before a cancel are kept too
            self._commit_group(group, report, pending_new, pending_changed)
        self._flush_index(report, pending_new, pending_changed)
        self._bytes_done = sum(sizes)
        progress(self._progress(len(files), len(files), "", len(report.added), "done"))
        self._finish_batch(report)
        report.seconds = time.monotonic() - started
        return report

    def _commit_group(self, group: _Group, report: ImportReport, new: set[int],
                      changed: set[int]) -> None:
        """Commit the group's files; if that fails, none of them is kept and each says why."""
        try:
            links = link_same_stories(group.session, group.bodies)
            for article_id, others in links.items():
                outcome, where = group.placed[article_id]
                outcome.warnings.append((article_id, where, "same story as article " + ", ".join(
                    str(i) for i in others)))
            originals.put_in_place(group.staged)  # durable and named before the catalogue says so
            group.session.commit()
        except Exception as error:
            group.session.rollback()
            originals.discard(group.staged)
            for path in group.written:
                path.unlink(missing_ok=True)
            for source, outcome in group.outcomes:
                if outcome.added or outcome.updated:
                    report.failed.append(ImportItem(
                        source.display, "file", message=f"could not be saved ({error})"))
                else:
                    self._merge(report, source, outcome)
            log.exception("an import transaction failed")
            return
        finally:
            group.session.close()
        for source, outcome in group.outcomes:
            self._merge(report, source, outcome)
            new |= outcome.new_ids
            changed |= outcome.changed_ids

    def _progress(self, done: int, total: int, current: str, articles: int,
                  phase: str = "importing") -> Progress:
        started, total_bytes = self._clock
        return Progress(phase, done, total, current, articles, time.monotonic() - started,
                        self._bytes_done, total_bytes)

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
        for article_id, locator, title in outcome.added:
            report.added.append(ImportItem(source.display, locator, article_id, title))
        for article_id, locator, title, message in outcome.updated:
            report.updated.append(ImportItem(source.display, locator, article_id, title, message))
        report.duplicates.extend(outcome.duplicates)
        report.failed.extend(outcome.failed)
        for warned_id, locator, message in outcome.warnings:
            report.warnings.append(ImportItem(source.display, locator, warned_id, "", message))

    def _import_file(
        self, group: _Group, source: SourceFile, batch_id: int | None,
        progress: ProgressCallback, cancel: CancelToken, position: tuple[int, int, int],
    ) -> _FileOutcome:
        try:
            data = source.path.read_bytes()
        except OSError as error:
            raise ReadError(f"cannot read the file ({error.strerror})") from error
        sha256 = originals.sha256_of(data)
        ext = originals.extension_of(source.path.name)
        relative = originals.relative_path(sha256, ext)
        extracted = extract_file(source.path.name, data, source.path, self._columns)
        outcome = _FileOutcome()
        pending = _Pending()
        session = group.session
        self._written_media = []
        self._restored_changes = {}
        self._bodies = {}
        savepoint = session.begin_nested()
        staged: originals.Staged | None = None
        try:
            writer = CatalogueWriter(session, utc_now())
            origin = Source(sha256, source.path.name, "", extracted.format, EXTRACTOR, batch_id)
            registered = False
            for count, item in enumerate(extracted.items, start=1):
                if count % _CHECK_EVERY == 0:
                    if cancel.cancelled:
                        raise ImportCancelled("import cancelled")
                    done, total, added = position
                    progress(self._progress(done, total, source.display,
                                            added + len(outcome.added) + len(pending.added)))
                if count % _SETTLE_EVERY == 0:
                    writer = self._settle(session, writer, pending, outcome)
                if item.record is None:
                    outcome.failed.append(
                        ImportItem(source.display, _where(item), message=item.failure or "")
                    )
                    continue
                if not registered:
                    writer.original(sha256, len(data), ext, relative)
                    registered = True
                self._store(session, writer, item, _for_item(origin, item), source.display,
                            outcome, pending)
            self._settle(session, writer, pending, outcome)
            if not (outcome.added or outcome.updated):
                savepoint.rollback()  # nothing new in this file: keep nothing of it
                return _FileOutcome(duplicates=outcome.duplicates, failed=outcome.failed)
            staged = originals.stage(self._root, relative, data)
            savepoint.commit()
        except BaseException:
            if savepoint.is_active:
                savepoint.rollback()
            if staged is not None:
                originals.discard([staged])
            for written in self._written_media:  # the photos new in this file
                written.unlink(missing_ok=True)
            raise
        group.written.extend(self._written_media)
        if staged is not None:
            group.staged.append(staged)
            group.written.append(staged.target)
        for article_id, where, _title in outcome.added:
            group.bodies[article_id] = self._bodies.pop(article_id)
            group.placed[article_id] = (outcome, where)
        self._bodies.clear()
        outcome.new_ids.update(article_id for article_id, _loc, _title in outcome.added)
        outcome.changed_ids.update(entry[0] for entry in outcome.updated)
        return outcome

    def _settle(self, session: Session, writer: CatalogueWriter, pending: _Pending,
                outcome: _FileOutcome) -> CatalogueWriter:
        """Flush what is pending, keep only ids and bodies, and let the ORM objects go.

        The file stays one transaction, but the session holds at most a few hundred articles:
        a file of 100,000 rows would otherwise keep them all in memory until its commit.
        """
        session.flush()
        for article, where, title, warnings in pending.added:
            outcome.added.append((article.id, where, title))
            outcome.warnings.extend((article.id, where, w) for w in warnings)
            self._bodies[article.id] = list(article.body)
        for article, where, message in pending.updated:
            outcome.updated.append((article.id, where, article.title, message))
        for seen in (pending.seen_urls, pending.seen_hashes):
            for key, value in seen.items():
                if isinstance(value, Article):
                    seen[key] = value.id
        pending.added.clear()
        pending.updated.clear()
        session.expunge_all()
        # the writer's caches hold ORM objects the session no longer knows
        return CatalogueWriter(session, writer.now)

    def _archive_photos(self, writer: CatalogueWriter, item: Extracted) -> list[str]:
        """Store the photo files an article carries; warnings for those that cannot be kept.

        The article's own caption and credit win; what the file says fills the gaps and is
        kept beside them.
        """
        assert item.record is not None
        warnings: list[str] = []
        for number, (photo, data) in enumerate(
            zip(item.record.photos, item.photo_data, strict=False), start=1
        ):
            if not data:
                continue
            try:
                archived = archive_photo(self._root, data)
            except ReadError as error:
                warnings.append(f"photo {number}: {error}; its caption and credit are kept, "
                                "the file is not archived")
                continue
            self._written_media.extend(archived.written)
            writer.media(archived.sha256, archived.path, archived.size, archived.mime,
                         archived.width, archived.height,
                         {**archived.metadata, "summary": archived.credit}, archived.thumbnail)
            embedded = archived.credit
            photo.media_sha256, photo.media_path = archived.sha256, archived.path
            photo.media_size, photo.embedded = archived.size, embedded
            photo.caption = photo.caption or embedded["caption"]
            photo.credit = photo.credit or embedded["credit"]
            photo.photographer = photo.photographer or embedded["photographer"]
            photo.agency = photo.agency or embedded["agency"]
        return warnings

    def _store(
        self, session: Session, writer: CatalogueWriter, item: Extracted, origin: Source,
        display: str, outcome: _FileOutcome, pending: _Pending,
    ) -> None:
        record = item.record
        assert record is not None
        # a wire item without a web address is known by its own identifier (guid)
        key = url_key(record.url) or (f"id:{record.source_id}" if record.source_id else None)
        digest = content_hash(record)
        where = _where(item)
        with session.no_autoflush:
            article = _resolve(session, pending.seen_urls.get(key)) if key else None
            if article is None and key:
                article = session.scalar(select(Article).where(Article.url_key == key).limit(1))
            if article is not None:
                if digest in {v.content_hash for v in article.versions}:
                    outcome.duplicates.append(ImportItem(
                        display, where, article.id, record.title,
                        "same URL and text as an article already in the library",
                    ))
                    return
                item.warnings.extend(self._archive_photos(writer, item))
                number = writer.add_version(article, record, digest, origin,
                                            make_current=_is_newer(record, article))
                pending.updated.append((article, where,
                                        f"URL already in the library with different text: "
                                        f"kept as version {number}"))
                if key:
                    pending.seen_urls[key] = article
                pending.seen_hashes[digest] = article
                return
            # a restored record is known by the texts it was imported with, not its edits
            hashes = {v["content_hash"] for v in item.restore["versions"]} if (
                item.restore is not None) else {digest}
            twin = next((pending.seen_hashes[h] for h in hashes if h in pending.seen_hashes),
                        None)
            twin_id = (twin if isinstance(twin, int) else twin.id if twin is not None
                       else session.scalar(select(ArticleVersion.article_id)
                                           .where(ArticleVersion.content_hash.in_(hashes))
                                           .limit(1)))
            if twin is not None or twin_id is not None:
                outcome.duplicates.append(ImportItem(
                    display, where, twin_id, record.title,
                    "same text as an article already in the library",
                ))
                return
            if item.restore is not None:
                article = load_article(session, writer, record, item.restore, key,
                                       origin.batch_id, self._restored_changes)
            else:
                item.warnings.extend(self._archive_photos(writer, item))
                article = writer.add_article(record, digest, key, origin)
        if key:
            pending.seen_urls[key] = article
        for restored_hash in hashes:
            pending.seen_hashes[restored_hash] = article
        pending.added.append((article, where, record.title, list(item.warnings)))


def _size(source: SourceFile | MissingPath) -> int:
    if isinstance(source, MissingPath):
        return 0
    try:
        return source.path.stat().st_size
    except OSError:
        return 0


def _resolve(session: Session, seen: Article | int | None) -> Article | None:
    """An article met earlier in this file, loaded again if the session has let it go."""
    if isinstance(seen, int):
        return session.get(Article, seen)
    return seen


def _for_item(source: Source, item: Extracted) -> Source:
    """Where this article came from inside the file: member path, locator, format, extractor."""
    return Source(source.sha256, source.file_name, item.locator, item.format or source.format,
                  item.extractor or source.extractor, source.batch_id, item.member)


def _where(item: Extracted) -> str:
    """How a report names an article's place: "row 3", or "news/day1.csv row 3" in a zip."""
    if item.member and item.locator not in ("", "file"):
        return f"{item.member} {item.locator}"
    return item.member or item.locator
