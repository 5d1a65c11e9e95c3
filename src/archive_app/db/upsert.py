"""Insert a row unless its unique key is taken, then read it: look-ups racing between desktops."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from archive_app.db.models import Base

Row = TypeVar("Row", bound=Base)


def get_or_insert(
    session: Session, model: type[Row], where: ColumnElement[bool], values: dict[str, Any]
) -> Row:
    """The row matching `where`, inserted with `values` first when there is none.

    Two desktops creating the same site, person, tag or collection at once would both miss it
    in a plain select-then-add and the second would fail on the unique key; ON CONFLICT DO
    NOTHING (SQLite and PostgreSQL alike) lets the loser wait for the winner's row and read it.
    """
    found = session.scalar(select(model).where(where))
    return found if found is not None else insert_or_read(session, model, where, values)


def insert_or_read(
    session: Session, model: type[Row], where: ColumnElement[bool], values: dict[str, Any]
) -> Row:
    """The row inserted with `values`, or the one matching `where` when another writer's
    insert took its key first: for a caller that has just looked for it and found none.

    The insert returns the new row itself (RETURNING), so a new row costs one statement, not
    an insert and a select."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = session.scalar(insert(model).values(**values).on_conflict_do_nothing().returning(model))
    if row is None:  # the key was taken: the winner's row
        row = session.scalar(select(model).where(where))
    if row is None:  # pragma: no cover - the insert or the winner's row is there
        raise LookupError(f"{model.__tablename__}: the row just inserted is not found")
    return row


def get_or_create_committed(
    session: Session, model: type[Row], where: ColumnElement[bool], values: dict[str, Any]
) -> Row:
    """The row matching `where`; on PostgreSQL, inserted first in a short transaction of its own.

    An import's transaction lasts a whole file. Inserting a new person or site inside it holds
    that key until the file commits, so two desktops whose files credit the same new people
    in different orders each wait for a key the other holds: a deadlock, and a whole file
    stored again. Committed at once, a new key is held for one statement; a file that fails
    afterwards leaves a person or site credited by nothing, which no list shows (people() and
    the statistics count credits and articles), and the next import meeting it reuses it.
    SQLite has one writer at a time (a second connection would wait for the import's own
    lock): there the row is inserted in the session, as before.
    """
    found = session.scalar(select(model).where(where))
    return found if found is not None else create_committed(session, model, where, values)


def create_committed(
    session: Session, model: type[Row], where: ColumnElement[bool], values: dict[str, Any]
) -> Row:
    """`get_or_create_committed` for a caller that has just looked for the row and found none
    (a person's name and aliases are looked up first): the look-up is not made again."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return insert_or_read(session, model, where, values)
    engine = bind.engine if isinstance(bind, Connection) else bind
    assert isinstance(engine, Engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as own:
        own.execute(postgresql.insert(model).values(**values).on_conflict_do_nothing())
    # read committed: the session's next statement sees the row committed above
    row = session.scalar(select(model).where(where))
    if row is None:  # pragma: no cover - committed above or by the winner of a race
        raise LookupError(f"{model.__tablename__}: the row just committed is not found")
    return row
