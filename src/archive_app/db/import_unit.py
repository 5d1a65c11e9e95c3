"""An import's unit of work: one session per group of files, a savepoint per chunk, settling."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session, SessionTransaction

from archive_app.db.models import Article, ImportBatch
from archive_app.db.new_articles import Lookups, NewArticle, NewArticles
from archive_app.db.same_story import link_fingerprints
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now
from archive_app.domain.fingerprint import sentence_hashes
from archive_app.domain.model import ImportItem, ImportReport

# an article's language and its texts (title, paragraphs)
Texts = tuple[str | None, list[str]]


@dataclass(slots=True)
class FileOutcome:
    """What one file's transaction did, merged into the report only once it commits."""

    added: list[tuple[int, str, str]] = field(default_factory=list)
    updated: list[tuple[int, str, str, str]] = field(default_factory=list)
    duplicates: list[ImportItem] = field(default_factory=list)
    failed: list[ImportItem] = field(default_factory=list)
    warnings: list[tuple[int | None, str, str]] = field(default_factory=list)
    new_ids: set[int] = field(default_factory=set)
    changed_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Pending:
    """Articles stored since the session was last settled (their ids come at the flush)."""

    added: list[tuple[FileOutcome, Article | NewArticle, str, str, list[str]]] = field(
        default_factory=list
    )
    updated: list[tuple[FileOutcome, Article, str, str]] = field(default_factory=list)
    # URL keys and text hashes met in this chunk -> the article (an object until settled)
    seen_urls: dict[str, Article | NewArticle | int] = field(default_factory=dict)
    seen_hashes: dict[str, Article | NewArticle | int] = field(default_factory=dict)
    # places (article, file, member, locator) recorded in this chunk: a place is kept once
    places: set[tuple[int, str, str, str]] = field(default_factory=set)
    # duplicates of articles not flushed yet: reported once their ids are known
    duplicates: list[tuple[FileOutcome, Article, ImportItem]] = field(default_factory=list)


@dataclass(slots=True)
class ChunkRows:
    """The catalogue side of a chunk of files: its savepoint and what awaits the next flush."""

    savepoint: SessionTransaction
    pending: Pending = field(default_factory=Pending)
    unsettled: int = 0  # records read since the last flush
    # articles added in the chunk: their sentence hashes (for same-story links, made at the
    # commit: a few ints an article, not its text, are held until then) and who added them
    fingerprints: dict[int, list[int]] = field(default_factory=dict)
    placed: dict[int, tuple[FileOutcome, str]] = field(default_factory=dict)


class ImportUnit:
    """One transaction of an import: its session and the writer that adds rows in it."""

    def __init__(self, sessions: Sessions, known: tuple[Lookups, Lookups] | None = None) -> None:
        """`known`: the people and sites met by the import's earlier transactions, kept across
        them on a folder's catalogue (one writer: nobody merges a person away meanwhile)."""
        self.session: Session = sessions()
        self.writer = CatalogueWriter(self.session, utc_now())
        if known is None or self.session.get_bind().dialect.name != "sqlite":
            known = (Lookups(), Lookups())
        self.new = NewArticles(*known)
        self.new.forget()  # nothing of a transaction that was not committed is known

    def flush_new(self) -> None:
        """Insert the queued new articles (after what the session holds, which came first):
        before the session writes anything else, or reads one of them."""
        if self.new.queued:
            self.session.flush()
            self.new.insert(self.session.connection())

    def open_chunk(self) -> ChunkRows:
        return ChunkRows(self.session.begin_nested())

    def settle(self, chunk: ChunkRows, texts: list[Texts] | None = None) -> list[int]:
        """Flush what is pending, keep only ids and fingerprints, and let the ORM objects go; the
        articles added or changed since the last flush. With `texts`, the language, title and
        paragraphs of each of those articles are added to it (for the indexer to analyse ahead).

        A chunk stays one savepoint, but the session holds at most a few hundred articles:
        a file of 100,000 rows would otherwise keep them all in memory until its commit.
        """
        session, pending = self.session, chunk.pending
        session.flush()
        self.new.insert(session.connection())
        settled: list[int] = []
        if texts is not None:
            articles = [added[1] for added in pending.added]
            articles += [updated[1] for updated in pending.updated]
            texts.extend((a.language, [a.title, *a.body]) for a in articles)
        for outcome, article, where, title, warnings in pending.added:
            article_id = article.id
            assert article_id is not None  # flushed or inserted above
            outcome.added.append((article_id, where, title))
            outcome.new_ids.add(article_id)
            outcome.warnings.extend((article_id, where, w) for w in warnings)
            chunk.fingerprints[article_id] = sentence_hashes(article.body)
            chunk.placed[article_id] = (outcome, where)
            settled.append(article_id)
        for outcome, article, where, message in pending.updated:
            outcome.updated.append((article.id, where, article.title, message))
            outcome.changed_ids.add(article.id)
            settled.append(article.id)
        for outcome, article, item in pending.duplicates:
            outcome.duplicates.append(replace(item, article_id=article.id))
        for seen in (pending.seen_urls, pending.seen_hashes):
            for key, value in seen.items():
                if isinstance(value, Article | NewArticle):
                    assert value.id is not None
                    seen[key] = value.id
        pending.added.clear()
        pending.updated.clear()
        pending.duplicates.clear()
        chunk.unsettled = 0
        self.writer.release()  # its sites and people become ids the session can load again
        session.expunge_all()
        return settled

    def roll_back_chunk(self, chunk: ChunkRows) -> None:
        # a failed flush leaves the savepoint deactivated but still open: it needs the rollback
        if self.session.get_nested_transaction() is chunk.savepoint:
            chunk.savepoint.rollback()

    def forget(self) -> None:
        """After a chunk's rollback: the writer may remember sites and people it took away."""
        self.writer = CatalogueWriter(self.session, self.writer.now)
        self.new.forget()
        self.session.expunge_all()

    def link_same_stories(self, fingerprints: dict[int, list[int]]) -> dict[int, list[int]]:
        return link_fingerprints(self.session, fingerprints)

    def commit(self) -> None:
        self.session.commit()
        self.new.committed()

    def roll_back(self) -> None:
        self.session.rollback()
        self.new.forget()

    def close(self) -> None:
        self.session.close()


def new_batch(sessions: Sessions, paths: list[str]) -> int | None:
    """Record that an import of these paths begins; the batch's id."""
    with sessions.begin() as session:
        batch = CatalogueWriter(session, utc_now()).new_batch(paths)
        return batch.id


def finish_batch(sessions: Sessions, report: ImportReport) -> None:
    """Record the batch's end and its totals."""
    with sessions.begin() as session:
        batch = session.get(ImportBatch, report.batch_id)
        assert batch is not None
        batch.finished_at = utc_now()
        batch.status = "cancelled" if report.cancelled else "done"
        batch.added, batch.updated = len(report.added), len(report.updated)
        batch.duplicates, batch.failed = len(report.duplicates), len(report.failed)
