"""Insert a row unless its unique key is taken, then read it: look-ups racing between desktops."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
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
    if found is not None:
        return found
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing())
    row = session.scalar(select(model).where(where))
    if row is None:  # pragma: no cover - the insert or the winner's row is there
        raise LookupError(f"{model.__tablename__}: the row just inserted is not found")
    return row
