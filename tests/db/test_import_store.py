"""Storing imported articles (db/import_store.py, db/import_unit.py) on a real, migrated
catalogue: a new article, a new version of a known URL, or a duplicate, as the report says."""

from __future__ import annotations

from sqlalchemy import func, select

from archive_app.db.import_store import Arrival, store_item
from archive_app.db.import_unit import FileOutcome, ImportUnit
from archive_app.db.models import Article, ArticleVersion, ProvenanceRow
from archive_app.db.sessions import Sessions
from archive_app.db.store import Source
from archive_app.domain.model import CatalogueRecord


def _arrival(
    record: CatalogueRecord, key: str | None, digest: str, *, file: str = "1", revisit: bool = False
) -> Arrival:
    origin = Source(file * 64, f"file-{file}.csv", f"row {record.title}", "csv", "csv-rows", None)
    return Arrival(
        record, key, digest, f"row {record.title}", origin.file_name, origin, revisit, None, []
    )


def _import(sessions: Sessions, *items: Arrival) -> FileOutcome:
    """One file's transaction: every item in one chunk, settled and committed."""
    unit = ImportUnit(sessions)
    try:
        for sha256 in {item.origin.sha256 for item in items}:
            unit.writer.original(sha256, 1, "csv", f"originals/{sha256}.csv")
        chunk = unit.open_chunk()
        outcome = FileOutcome()
        for item in items:
            store_item(unit, chunk, outcome, item, lambda: None, lambda i=item: i.record, {})
        unit.settle(chunk)
        unit.commit()
    finally:
        unit.close()
    return outcome


def _articles(sessions: Sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(Article.id))) or 0


def test_the_same_url_and_text_again_is_a_duplicate_of_the_stored_article(
    sessions: Sessions,
) -> None:
    record = CatalogueRecord(title="Banjir", published="2024-05-01")
    [(article_id, _, _)] = _import(sessions, _arrival(record, "jpnn.com/banjir", "h1")).added
    again = _import(sessions, _arrival(record, "jpnn.com/banjir", "h1", file="2"))
    assert again.added == [] and again.updated == []
    assert [d.article_id for d in again.duplicates] == [article_id]
    assert _articles(sessions) == 1
    with sessions() as session:  # where it was found again is kept
        kinds = sorted(session.scalars(select(ProvenanceRow.kind)))
    assert kinds == ["duplicate", "import"]


def test_a_newer_text_of_a_known_url_becomes_the_current_version(sessions: Sessions) -> None:
    old = CatalogueRecord(title="Banjir", published="2024-05-01T08:00:00+07:00")
    newer = CatalogueRecord(title="Banjir meluas", updated="2024-05-01T12:00:00+07:00")
    older = CatalogueRecord(title="Banjir (draf)", published="2024-04-30T08:00:00+07:00")
    [(article_id, _, _)] = _import(sessions, _arrival(old, "jpnn.com/banjir", "h1")).added
    second = _import(sessions, _arrival(newer, "jpnn.com/banjir", "h2", file="2"))
    assert [u[0] for u in second.updated] == [article_id]
    third = _import(sessions, _arrival(older, "jpnn.com/banjir", "h3", file="3"))
    assert [u[0] for u in third.updated] == [article_id]  # kept, but not shown
    with sessions() as session:
        article = session.get(Article, article_id)
        assert article is not None
        assert article.title == "Banjir meluas"
        numbers = sorted(session.scalars(select(ArticleVersion.number)))
    assert numbers == [1, 2, 3]


def test_the_same_text_under_no_url_is_a_duplicate_even_within_one_file(
    sessions: Sessions,
) -> None:
    record = CatalogueRecord(title="Gempa")
    outcome = _import(sessions, _arrival(record, None, "h1"), _arrival(record, None, "h1"))
    [(article_id, _, _)] = outcome.added
    # the first copy had no id yet when the second came: it is named once the chunk settles
    assert [d.article_id for d in outcome.duplicates] == [article_id]
    later = _import(sessions, _arrival(record, None, "h1", file="2"))
    assert [d.article_id for d in later.duplicates] == [article_id]
    assert _articles(sessions) == 1


def test_a_revisit_of_a_capture_not_in_the_library_fails_with_a_reason(
    sessions: Sessions,
) -> None:
    record = CatalogueRecord(title="Pemilu", url="https://jpnn.com/pemilu")
    outcome = _import(sessions, _arrival(record, "jpnn.com/pemilu", "h1", revisit=True))
    [failure] = outcome.failed
    assert failure.message is not None and "not in the library" in failure.message
    assert _articles(sessions) == 0
