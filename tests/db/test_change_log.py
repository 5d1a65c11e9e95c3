"""The team catalogue's change log: written by the catalogue's own trigger, read from a mark
that misses no change whose transaction commits after a later one's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from archive_app.db.change_log import read_changes
from archive_app.usecases.archive import Archive


@pytest.fixture
def catalogue(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> Iterator[tuple[Engine, list[int]]]:
    """A team catalogue holding two articles, and an engine on it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk"))
    other = tmp_path / "other.txt"
    other.write_text("Banjir di Gresik\n\nAir naik dua meter di Gresik.\n", encoding="utf-8")
    with Archive.open(migrated_postgres) as archive:
        report = archive.import_paths([seed_file, other])
    ids = sorted(item.article_id for item in report.added if item.article_id is not None)
    engine = create_engine(migrated_postgres.replace("postgresql://", "postgresql+psycopg://"))
    yield engine, ids
    engine.dispose()


def _retitle(connection_or_session: Session, article_id: int, title: str) -> None:
    connection_or_session.execute(
        text("UPDATE articles SET title = :t, version = version + 1 WHERE id = :i"),
        {"t": title, "i": article_id},
    )


def test_each_change_is_logged_in_its_own_transaction_and_kinds_say_what(
    catalogue: tuple[Engine, list[int]],
) -> None:
    engine, ids = catalogue
    with engine.begin() as connection:
        logged = connection.execute(
            text("SELECT article_id, kind FROM article_changes ORDER BY id")
        ).all()
    assert sorted(set(logged)) == sorted((i, "added") for i in ids)
    with Session(engine) as session:
        _retitle(session, ids[0], "rolled back")
        session.rollback()  # nothing committed, nothing logged
        mark = read_changes(session, None).mark
        _retitle(session, ids[0], "Judul baru")
        session.execute(text("DELETE FROM articles WHERE id = :i"), {"i": ids[1]})
        session.commit()
        changes = read_changes(session, mark)
    assert changes.changed == {ids[0]} and changes.deleted == {ids[1]}


def test_a_change_committed_after_a_later_one_is_not_missed(
    catalogue: tuple[Engine, list[int]],
) -> None:
    engine, ids = catalogue
    with Session(engine) as reader:
        mark = read_changes(reader, None).mark
        reader.commit()
        slow, quick = Session(engine), Session(engine)
        try:
            _retitle(slow, ids[0], "slow")  # takes the lower log id, commits last
            _retitle(quick, ids[1], "quick")
            quick.commit()
            first = read_changes(reader, mark)
            reader.commit()
            assert first.changed == {ids[1]}  # the slow one is not visible yet
            slow.commit()
        finally:
            slow.close()
            quick.close()
        second = read_changes(reader, first.mark)
    assert second.changed == {ids[0]}  # found, and the quick one not applied twice
