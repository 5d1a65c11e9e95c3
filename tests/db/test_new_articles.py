"""New articles inserted a chunk at a time (db/new_articles.py): the same rows as the ORM
writer's, articles met again in the same chunk, and people kept only once committed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from archive_app.db.engine import create_catalogue_engine, migrate, session_factory
from archive_app.db.import_store import Arrival, store_item
from archive_app.db.import_unit import FileOutcome, ImportUnit
from archive_app.db.models import (
    Article,
    ArticlePerson,
    ArticleVersion,
    Person,
    Photo,
    ProvenanceRow,
    RelatedLink,
)
from archive_app.db.new_articles import Lookups
from archive_app.db.sessions import Sessions
from archive_app.db.store import Source
from archive_app.domain.model import CatalogueRecord, PersonRole
from archive_app.domain.model import Photo as PhotoRecord
from archive_app.domain.model import RelatedLink as RelatedLinkRecord

_RECORD = CatalogueRecord(
    title="Éclair banjir di Jakarta",
    url="https://jpnn.com/banjir",
    site="jpnn.com",
    language="id",
    published="2024-05-01T08:00:00+07:00",
    published_raw="Rabu, 1 Mei 2024 08:00 WIB",
    dateline_place="Jakarta",
    body=["Banjir melanda Jakarta.", "Warga mengungsi."],
    signoff=["(chi/jpnn)"],
    people=[
        PersonRole("Budi Santoso", "author"),
        PersonRole("budi  santoso", "author"),  # the same person and role: credited once
        PersonRole("Sari", "editor"),
    ],
    photos=[PhotoRecord(caption="Banjir", credit="Foto: Sari", paragraph=0)],
    related=[RelatedLinkRecord(title="Baca juga", url="https://jpnn.com/lain")],
    keywords=["banjir"],
)


def _source(locator: str = "row 1") -> Source:
    return Source("a" * 64, "berita.csv", locator, "csv", "csv-rows", None)


def _catalogue(folder: Path) -> Sessions:
    engine = create_catalogue_engine(folder / "catalogue.sqlite")
    migrate(engine)
    return session_factory(engine)


def _rows(sessions: Sessions) -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, Any] = {
        "articles": Article,
        "versions": ArticleVersion,
        "provenance": ProvenanceRow,
        "credits": ArticlePerson,
        "photos": Photo,
        "links": RelatedLink,
        "people": Person,
    }
    found = {}
    with sessions() as session:
        for name, model in tables.items():
            columns = [c for c in model.__table__.columns]
            found[name] = [tuple(r) for r in session.execute(select(*columns).order_by(columns[0]))]
    return found


def _store(unit: ImportUnit, records: list[tuple[CatalogueRecord, str | None, str]]) -> FileOutcome:
    """Store records (record, URL key, text hash) in one chunk of the unit, settled."""
    unit.writer.original("a" * 64, 1, "csv", "originals/a.csv")
    unit.writer.now = "2024-06-01T00:00:00+00:00"
    chunk = unit.open_chunk()
    outcome = FileOutcome()
    for number, (record, key, digest) in enumerate(records, start=1):
        origin = _source(f"row {number}")
        item = Arrival(record, key, digest, f"row {number}", "berita.csv", origin, False, None, [])
        store_item(unit, chunk, outcome, item, lambda: None, lambda r=record: r, {})
    unit.settle(chunk)
    return outcome


def test_a_new_article_is_stored_with_the_rows_the_orm_writer_gives_it(tmp_path: Path) -> None:
    by_orm = _catalogue(tmp_path)
    with by_orm.begin() as session:
        from archive_app.db.store import CatalogueWriter

        writer = CatalogueWriter(session, "2024-06-01T00:00:00+00:00")
        writer.original("a" * 64, 1, "csv", "originals/a.csv")
        writer.add_article(_RECORD, "h1", "jpnn.com/banjir", _source())
    (tmp_path / "queued").mkdir()
    queued = _catalogue(tmp_path / "queued")
    unit = ImportUnit(queued)
    try:
        _store(unit, [(_RECORD, "jpnn.com/banjir", "h1")])
        unit.commit()
    finally:
        unit.close()
    expected, stored = _rows(by_orm), _rows(queued)
    assert stored == expected
    assert [len(rows) for rows in stored.values()] == [1, 1, 1, 2, 1, 1, 2]


def test_an_article_met_again_in_its_chunk_is_found_before_its_chunk_settles(
    sessions: Sessions,
) -> None:
    newer = CatalogueRecord(title="Banjir meluas", updated="2024-05-02T08:00:00+07:00", body=["x"])
    unit = ImportUnit(sessions)
    try:
        outcome = _store(
            unit,
            [
                (_RECORD, "jpnn.com/banjir", "h1"),
                (newer, "jpnn.com/banjir", "h2"),  # a newer text of the same URL
                (_RECORD, None, "h1"),  # the first text again, under no URL
            ],
        )
        unit.commit()
    finally:
        unit.close()
    [(article_id, _, _)] = outcome.added
    assert [u[0] for u in outcome.updated] == [article_id]
    assert [d.article_id for d in outcome.duplicates] == [article_id]
    with sessions() as session:
        article = session.get(Article, article_id)
        assert article is not None and article.title == "Banjir meluas"
        assert [v.number for v in article.versions] == [1, 2]
        kinds = [(p.locator, p.kind) for p in article.provenance]
    assert kinds == [("row 1", "import"), ("row 2", "import"), ("row 3", "duplicate")]


def test_people_of_a_transaction_rolled_back_are_not_taken_for_stored_ones(
    tmp_path: Path,
) -> None:
    sessions = _catalogue(tmp_path)
    known = (Lookups(), Lookups())
    failed = ImportUnit(sessions, known)
    try:
        _store(failed, [(_RECORD, "jpnn.com/banjir", "h1")])
        failed.roll_back()  # e.g. the disk filled up at the commit
    finally:
        failed.close()
    unit = ImportUnit(sessions, known)
    try:
        _store(unit, [(_RECORD, "jpnn.com/banjir", "h1")])
        unit.commit()
    finally:
        unit.close()
    with sessions() as session:
        credited = session.execute(
            select(Person.name, ArticlePerson.role).join(
                ArticlePerson, ArticlePerson.person_id == Person.id
            )
        ).all()
    assert sorted(credited) == [("Budi Santoso", "author"), ("Sari", "editor")]
    assert set(known[0].kept) == {"budi santoso", "sari"}  # kept for the import's next files
