"""An edit whose article another desktop commits between our read and our update is refused
by the database (UPDATE ... WHERE row_version = ?) and reported as a conflict, field by field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.orm import Session

from archive_app.db.change_sets import ChangeSetStore
from archive_app.db.engine import session_factory
from archive_app.db.models import Article, HistoryEntry
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.domain.conflicts import ConflictError, FieldConflict
from archive_app.storage.library_location import TeamLocation


@pytest.fixture
def engines(migrated_postgres: str) -> Iterator[tuple[Engine, Engine]]:
    """Two desktops' connections to one team catalogue."""
    made = [
        create_team_engine(parse_team_address(TeamLocation(migrated_postgres, "test")))
        for _ in range(2)
    ]
    yield made[0], made[1]
    for engine in made:
        engine.dispose()


def _before_our_update(action: Callable[[], None]) -> Callable[..., None]:
    """A flush listener running `action` once, just before our article's UPDATE goes out."""
    done: list[bool] = []

    def listener(session: Session, *_args: Any) -> None:
        if not done and any(isinstance(o, Article) for o in session.dirty):
            done.append(True)
            action()

    return listener


def test_an_update_racing_another_desktops_commit_is_refused(
    engines: tuple[Engine, Engine],
) -> None:
    ours, theirs = engines
    with ours.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (url_key, title, body, signoff, rules, warnings, "
                "content_hash, version, created_at, modified_at) VALUES ('k', 'Judul', '[]', "
                "'[]', '{}', '[]', 'h', 1, '2025-01-01', '2025-01-01')"
            )
        )
    sessions = session_factory(ours)
    store = ChangeSetStore(sessions, imported_fields=("title",), review_field="review")

    def their_edit() -> None:
        with theirs.begin() as connection:
            connection.execute(
                text("UPDATE articles SET title = 'Theirs', row_version = row_version + 1")
            )

    listener = _before_our_update(their_edit)
    event.listen(Session, "before_flush", listener)
    try:
        with pytest.raises(ConflictError) as refused:
            store.record("edit", "edit title", "ana", [(1, "title", "Yours")], None)
    finally:
        event.remove(Session, "before_flush", listener)
    [conflict] = refused.value.conflicts
    assert (conflict.article_id, conflict.expected_version, conflict.current_version) == (1, 1, 2)
    assert conflict.fields == (FieldConflict("title", "Theirs", "Yours"),)
    with sessions() as session:  # theirs kept, nothing of ours written
        assert session.scalar(select(Article.title)) == "Theirs"
        assert session.scalars(select(HistoryEntry)).all() == []
