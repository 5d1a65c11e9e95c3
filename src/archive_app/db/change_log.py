"""The team catalogue's change log: its table, and reading what changed since a desktop's mark."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, func, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from archive_app.db.models import Base

CHANNEL = "arsip_changes"  # what the trigger of schema 0011 NOTIFYs on each committed change


class ArticleChange(Base):
    """One insert, update or delete of an article row, appended by a trigger (schema 0011) in
    the writing transaction; only a team catalogue (PostgreSQL) fills it."""

    __tablename__ = "article_changes"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # added, changed, deleted
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    txid: Mapped[int | None] = mapped_column(BigInteger, index=True)


@dataclass(frozen=True, slots=True)
class LogMark:
    """How far a desktop has followed the log. Ids are taken in one order and committed in
    another, so the mark is a transaction horizon: every change written by a transaction older
    than `horizon` (the oldest one running when the log was last read) was visible then and has
    been applied; `seen` are the changes at or above it applied already."""

    horizon: int
    seen: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class LogChanges:
    """What a reading of the log found: articles to index again, articles gone, the new mark."""

    changed: frozenset[int]
    deleted: frozenset[int]
    mark: LogMark


# one statement, so the horizon and the rows come from the same snapshot; with no mark, the
# rows from the horizon up (running transactions' company, applied by the whole comparison)
_READ = text(
    "SELECT s.horizon, c.id, c.article_id, c.kind, c.txid FROM "
    "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon) AS s "
    "LEFT JOIN article_changes AS c ON c.txid >= coalesce(CAST(:since AS bigint), s.horizon) "
    "ORDER BY c.id"
)


def read_changes(session: Session, mark: LogMark | None) -> LogChanges:
    """The changes a desktop at `mark` has not applied (none when `mark` is None: a desktop
    starting to follow the log, which compares its whole index with the catalogue instead)."""
    rows = session.execute(_READ, {"since": mark.horizon if mark else None}).all()
    horizon = int(rows[0][0])
    seen_before = mark.seen if mark is not None else frozenset()
    latest: dict[int, str] = {}
    seen: set[int] = set()
    for _horizon, change_id, article_id, kind, txid in rows:
        if change_id is None:
            continue
        if txid >= horizon:  # a transaction as old may still be running: remember this one
            seen.add(change_id)
        if mark is not None and change_id not in seen_before:
            latest[article_id] = kind
    deleted = frozenset(a for a, kind in latest.items() if kind == "deleted")
    return LogChanges(frozenset(latest) - deleted, deleted, LogMark(horizon, frozenset(seen)))
