"""The team catalogue's change log is pruned to a time window on a writer's opening: a desktop
behind by less keeps following it; one whose mark is older compares its whole index instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests.conftest import corpus_path

from archive_app.db.change_log import PRUNED
from archive_app.usecases.archive import Archive

ENGLISH = (
    "wire",
    "newsml-g2",
    "newsmlvalidator_reuters_2013-10-21T192044Z_L1N0IB1MQ_BBO-SOX-CARDINALS-NEWS.xml",
)
WORD = "Zebrakuda"  # a title word no corpus article holds


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address)


def _sql(address: str, statement: str) -> list[tuple[object, ...]]:
    engine = create_engine(
        address.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as connection:
            result = connection.execute(text(statement))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_pruning_keeps_what_a_lagging_desktop_needs_and_an_older_one_compares_its_index(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> None:
    address = migrated_postgres
    desk1, lagging, older = tmp_path / "desk1", tmp_path / "lagging", tmp_path / "older"
    with _open(address, older, monkeypatch) as archive:  # follows the log from its start
        assert archive.is_empty()
    with _open(address, desk1, monkeypatch) as one:
        report = one.import_paths([seed_file, corpus_path(*ENGLISH)])
        seed, story = sorted(item.article_id for item in report.added if item.article_id)
    with _open(address, lagging, monkeypatch) as archive:  # builds its index, follows
        assert archive.repair_index() == 2
    # the import was long ago; the edit below is recent
    _sql(address, "UPDATE article_changes SET at = now() - interval '40 days'")
    with _open(address, desk1, monkeypatch) as one:  # a writer's opening prunes
        one.edit(seed, {"title": f"Banjir {WORD}"})
    kinds = _sql(address, "SELECT article_id, kind FROM article_changes ORDER BY id")
    assert kinds[0] == (0, PRUNED) and set(kinds[1:]) == {(seed, "changed")}, kinds

    # behind by less than the window: it follows the edit on opening, as before
    with _open(address, lagging, monkeypatch) as archive:
        assert archive.matching_ids(WORD) == [seed]
        assert archive.check().ok

    # marked before the pruned import: it cannot follow, so it compares the whole index
    with _open(address, older, monkeypatch) as archive:
        assert archive.matching_ids("Wainwright") == []  # not indexed yet
        assert archive.repair_index() == 2  # what the window does after opening
        assert archive.matching_ids(WORD) == [seed]
        assert archive.matching_ids("Wainwright") == [story]
        assert archive.check().ok
