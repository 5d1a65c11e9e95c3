"""The team catalogue's change log: its table, and reading what changed since a desktop's mark."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import BigInteger, Connection, DateTime, Engine, Integer, String, event, func, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from archive_app.db.models import Base
from archive_app.domain.errors import ArchiveError

CHANNEL = "arsip_changes"  # what the trigger of schema 0011 NOTIFYs on each committed change
# Pruning keeps a time window, not what each known desktop still needs: the catalogue does not
# know its desktops (a reader's may not even write to it), and a desktop off for longer than
# this loses nothing, it only compares its whole index with the catalogue instead (as for a
# mark it cannot read). A month covers holidays; the log holds a row per article change.
KEEP = timedelta(days=30)
# the kind of the one row pruning leaves: its txid is the newest pruned change's, so a desktop
# whose mark is not above it (it may have missed a pruned change) reads it and knows
PRUNED = "pruned"
_PRUNE_LOCK = 0x41525349505052  # pg_try_advisory_xact_lock: one desktop prunes at a time


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
    # the log was pruned past the mark: the whole index must be compared with the catalogue
    pruned: bool = False
    # of `changed`, those whose last change was an edit (not their arrival): few, and someone
    # may be waiting to find them, so a follower indexes them before another desktop's import
    edited: frozenset[int] = frozenset()


# one statement, so the horizon and the rows come from the same snapshot; with no mark, the
# rows from the horizon up (running transactions' company, applied by the whole comparison)
_READ = text(
    "SELECT s.horizon, c.id, c.article_id, c.kind, c.txid FROM "
    "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon) AS s "
    "LEFT JOIN article_changes AS c ON c.txid >= coalesce(CAST(:since AS bigint), s.horizon) "
    "ORDER BY c.id"
)


def track_own_transactions(engine: Engine) -> set[int]:
    """The ids of the transactions this process committed on `engine` that wrote, added as
    each commit is sent. The log's rows of them are this desktop's own changes, which its
    writer indexed itself: following them again would index a whole import twice."""
    own: set[int] = set()
    if engine.dialect.name != "postgresql":  # a folder's catalogue keeps no change log
        return own
    driver_error = engine.dialect.loaded_dbapi.Error

    def before_commit(connection: Connection) -> None:
        # on the driver's connection: a statement through SQLAlchemy would run inside its
        # commit; "if assigned": a transaction that only read has no id, and costs none
        dbapi = connection.connection.dbapi_connection
        if dbapi is None:
            return
        cursor = dbapi.cursor()
        try:
            cursor.execute("SELECT pg_current_xact_id_if_assigned()::text")
            row = cursor.fetchone()
        except driver_error:
            # a lost connection: the commit that follows fails and says so in its one line;
            # an id not kept only means this desktop indexes those changes once more
            return
        finally:
            cursor.close()
        if row is not None and row[0] is not None:
            own.add(int(row[0]))

    event.listen(engine, "commit", before_commit)
    return own


def read_changes(
    session: Session, mark: LogMark | None, own: frozenset[int] = frozenset()
) -> LogChanges:
    """The changes a desktop at `mark` has not applied (none when `mark` is None: a desktop
    starting to follow the log, which compares its whole index with the catalogue instead);
    those of the transactions in `own` (this desktop's, indexed as written) are passed over."""
    rows = session.execute(_READ, {"since": mark.horizon if mark else None}).all()
    horizon = int(rows[0][0])
    seen_before = mark.seen if mark is not None else frozenset()
    latest: dict[int, str] = {}
    seen: set[int] = set()
    pruned = False
    for _horizon, change_id, article_id, kind, txid in rows:
        if change_id is None:
            continue
        if txid >= horizon:  # a transaction as old may still be running: remember this one
            seen.add(change_id)
        if mark is not None and change_id not in seen_before:
            if kind == PRUNED:
                pruned = True
            elif txid not in own:
                latest[article_id] = kind
    deleted = frozenset(a for a, kind in latest.items() if kind == "deleted")
    changed = frozenset(latest) - deleted
    edited = frozenset(a for a, kind in latest.items() if kind == "changed")
    return LogChanges(changed, deleted, LogMark(horizon, frozenset(seen)), pruned, edited)


def past_own(session: Session, mark: LogMark, own: frozenset[int]) -> LogMark:
    """`mark` moved past the changes of the transactions in `own` (this desktop's, indexed as
    written) and no further: another desktop's changes not applied yet stay ahead of it, for
    the next reading to apply. A desktop closing needs no more than this (its own changes not
    indexed twice at the next opening); indexing another desktop's import as it closes would
    make its own command wait for work the next one does anyway.

    The horizon stays below the oldest transaction of a change left unapplied, so a reading
    from the new mark meets that change again; the changes at or above it already applied
    (seen before, or this desktop's own) are the new mark's `seen`."""
    rows = session.execute(_READ, {"since": mark.horizon}).all()
    horizon = int(rows[0][0])
    changes = [(change_id, txid) for _h, change_id, _a, _k, txid in rows if change_id is not None]
    waiting = [txid for change_id, txid in changes if not (change_id in mark.seen or txid in own)]
    if waiting:
        horizon = min(horizon, *waiting)
    seen = frozenset(
        change_id
        for change_id, txid in changes
        if txid >= horizon and (change_id in mark.seen or txid in own)
    )
    return LogMark(horizon, seen)


_MAY_PRUNE = text(
    "SELECT has_table_privilege('article_changes', 'DELETE') "
    "AND current_setting('transaction_read_only') = 'off' "
    "AND pg_try_advisory_xact_lock(:lock)"
)
# only changes of transactions below the horizon: every one of them has committed (or ended)
_PRUNE = text(
    "WITH gone AS (DELETE FROM article_changes WHERE at < now() - CAST(:keep AS interval) "
    "AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint RETURNING txid) "
    "SELECT count(*), max(txid) FROM gone"
)
_MARK_PRUNED = text("INSERT INTO article_changes (article_id, kind, txid) VALUES (0, :kind, :txid)")


def prune(session: Session, keep: timedelta = KEEP) -> int:
    """Delete the changes older than `keep`, leaving one row that says how far the log was
    pruned (replacing an earlier one); the number of changes deleted. Nothing is done by a
    member who may not delete (a reader), nor while another desktop prunes. Commits."""
    try:
        if not session.scalar(_MAY_PRUNE, {"lock": _PRUNE_LOCK}):
            session.rollback()
            return 0
        count, newest = session.execute(_PRUNE, {"keep": f"{keep.total_seconds()} seconds"}).one()
        if count:
            session.execute(_MARK_PRUNED, {"kind": PRUNED, "txid": newest})
        session.commit()
    except SQLAlchemyError as error:  # said in the use cases' terms: they speak no SQLAlchemy
        session.rollback()
        raise ArchiveError(str(error)) from error
    return int(count)
