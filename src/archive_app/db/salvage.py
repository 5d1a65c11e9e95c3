"""Copy every row SQLite can still read from a damaged catalogue into a fresh one.

Written by hand on the `sqlite3` module because nothing better is reliably at hand: Python's
sqlite3 has no binding for SQLite's recovery extension, and the `sqlite3` program's `.recover`
needs the sqlite_dbpage table, which Debian's build lacks (it fails with "SQL logic error").

Each table is read in rowid order, a chunk at a time. A read that meets a damaged page stops
there; the row after the last good one is looked up by rowid alone (its record may be what is
damaged: it is counted lost and skipped), and when even that fails (a damaged page of the
table's tree) the first readable rowid beyond the damage is found by probing ahead in doubling
steps and then bisecting, and reading goes on from there. Rows on pages no probe can reach are
lost, as is a table whose list entry (page 1) is unreadable. Indexes are not read: the fresh
catalogue's migrations build them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archive_app.db.health import damage_reason

CHUNK = 500
_LOWEST = -(2**63)
_HIGHEST = 2**63 - 1


class SalvageError(Exception):
    """Nothing can be read from the damaged file (its list of tables is unreadable)."""


@dataclass(slots=True)
class TableSalvage:
    """What became of one table's rows."""

    table: str
    saved: int = 0
    unreadable: int = 0  # rows whose record could not be read (counted by rowid)
    damaged_stretches: int = 0  # runs of unreadable pages skipped
    uncounted: int = 0  # of those runs, how many no index of the table could count
    dropped: int = 0  # rows read but left out: they belong to rows that were lost
    skipped: list[tuple[int, int]] = field(default_factory=list, repr=False)

    @property
    def lost(self) -> int:
        return self.unreadable + self.dropped


def schema_revision(source: sqlite3.Connection) -> str | None:
    """The Alembic revision the damaged catalogue was at, when it can be read."""
    try:
        row = source.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def open_damaged(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes to the damaged file."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # tolerate schema entries that point at missing pages (a truncated file): the tables
        # whose pages are there can still be read (the connection cannot write anyway)
        source.execute("PRAGMA writable_schema = ON")
        source.execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        source.close()
        raise SalvageError(f"its list of tables cannot be read ({error})") from error
    return source


def copy_rows(
    source: sqlite3.Connection, fresh: sqlite3.Connection, skip: frozenset[str] = frozenset()
) -> list[TableSalvage]:
    """Copy every readable row of every table `fresh` has into it (its own rows of that table
    are replaced), then drop rows whose parent row was lost; foreign keys are off meanwhile."""
    fresh.execute("PRAGMA foreign_keys = OFF")
    results: dict[str, TableSalvage] = {}
    names = [
        row[0]
        for row in fresh.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    theirs = {
        row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for name in names:
        if name in skip or name not in theirs:
            continue
        results[name] = _copy_table(source, fresh, name)
    fresh.commit()
    for table, dropped in _drop_orphans(fresh).items():
        results.setdefault(table, TableSalvage(table)).dropped += dropped
        results[table].saved -= dropped
    fresh.commit()
    return list(results.values())


def drop_incomplete_articles(
    fresh: sqlite3.Connection, results: list[TableSalvage]
) -> list[tuple[int, str]]:
    """Leave out articles whose every version was lost, and those whose every provenance row
    was lost unless a librarian worked on them (an edit, a note, a tag, a collection): such an
    article cannot say what it was or where it came from, and importing its file again brings
    it back whole. Returns their ids and titles; their rows are counted as dropped."""
    if "articles" not in {r.table for r in results}:
        return []
    fresh.execute("PRAGMA foreign_keys = OFF")
    tables = {row[0] for row in fresh.execute("SELECT name FROM sqlite_master")}
    columns = set(_columns(fresh, "articles"))
    # a librarian's work on an article, in whichever of these the schema has
    work = [
        f"coalesce(a.{c}, '{{}}') IN ('{{}}', 'null')" if c == "overrides" else f"a.{c} IS NULL"
        for c in ("overrides", "note")
        if c in columns
    ]
    work += [
        f"NOT EXISTS (SELECT 1 FROM {t} x WHERE x.article_id = a.id)"
        for t in ("article_tags", "article_collections", "history")
        if t in tables
    ]
    incomplete = [
        (int(row[0]), str(row[1] or ""))
        for row in fresh.execute(
            "SELECT id, title FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id) "
            "OR (NOT EXISTS (SELECT 1 FROM provenance p WHERE p.article_id = a.id) AND "
            + " AND ".join(work or ["1"])
            + ") ORDER BY id"
        )
    ]
    if not incomplete:
        return []
    fresh.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i, _ in incomplete])
    by_table = {r.table: r for r in results}
    by_table["articles"].dropped += len(incomplete)
    by_table["articles"].saved -= len(incomplete)
    for table, dropped in _drop_orphans(fresh).items():
        entry = by_table.setdefault(table, TableSalvage(table))
        entry.dropped += dropped
        entry.saved -= dropped
        if entry not in results:
            results.append(entry)
    fresh.commit()
    return incomplete


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _copy_table(source: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> TableSalvage:
    result = TableSalvage(table)
    wanted = _columns(fresh, table)
    try:
        present = set(_columns(source, table))
    except sqlite3.DatabaseError:
        present = set(wanted)
    columns = [c for c in wanted if c in present]
    quoted = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})'
    fresh.execute(f'DELETE FROM "{table}"')  # rows a migration seeded: the damaged file's win
    for rows in _readable_rows(source, table, quoted, result):
        try:
            fresh.executemany(insert, rows)
            result.saved += len(rows)
        except sqlite3.IntegrityError:  # a damaged value breaks a constraint: row by row
            for row in rows:
                try:
                    fresh.execute(insert, row)
                    result.saved += 1
                except sqlite3.IntegrityError:
                    result.dropped += 1
    if result.skipped:
        try:
            _count_skipped(source, table, result)
        except sqlite3.DatabaseError:  # the table's list of indexes is unreadable
            result.uncounted += len(result.skipped)
    return result


def _readable_rows(
    source: sqlite3.Connection, table: str, quoted: str, result: TableSalvage
) -> Iterator[list[tuple[object, ...]]]:
    """Chunks of rows in rowid order, stepping over what cannot be read."""
    query = f'SELECT rowid, {quoted} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT {CHUNK}'
    after = _LOWEST
    while True:
        rows: list[tuple[object, ...]] = []
        failed = False
        try:
            for row in source.execute(query, (after,)):
                rows.append(row[1:])
                after = int(row[0])
        except sqlite3.DatabaseError as error:
            if damage_reason(error) is None:
                raise
            failed = True
        if rows:
            yield rows
        if not failed:
            if len(rows) < CHUNK:
                return
            continue
        next_rowid = _first_rowid(source, table, after)
        if next_rowid is not None:
            result.unreadable += 1  # its rowid can be read, its record cannot
            after = next_rowid
            continue
        result.damaged_stretches += 1
        beyond = _past_damage(source, table, after)
        result.skipped.append((after, _HIGHEST if beyond is None else beyond))
        if beyond is None:
            return
        after = beyond


def _count_skipped(source: sqlite3.Connection, table: str, result: TableSalvage) -> None:
    """Count the rows of the skipped stretches from the table's indexes, which hold every
    rowid on pages of their own (the largest count any readable index gives)."""
    indexes = [row[1] for row in source.execute(f'PRAGMA index_list("{table}")')]
    for low, high in result.skipped:
        counts = []
        for index in indexes:
            try:
                counts.append(
                    int(
                        source.execute(
                            f'SELECT count(*) FROM "{table}" INDEXED BY "{index}" '
                            "WHERE rowid > ? AND rowid <= ?",
                            (low, high),
                        ).fetchone()[0]
                    )
                )
            except sqlite3.DatabaseError:
                continue
        if counts:
            result.unreadable += max(counts)
        else:
            result.uncounted += 1


def _first_rowid(source: sqlite3.Connection, table: str, after: int) -> int | None:
    """The first rowid after `after`, None when it cannot be read (or there is none)."""
    try:
        row = source.execute(
            f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', (after,)
        ).fetchone()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]) if row else None


def _seeks(source: sqlite3.Connection, table: str, after: int) -> bool:
    """Whether looking for the rows after `after` gets past the damage."""
    try:
        source.execute(
            f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', (after,)
        ).fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def _past_damage(source: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest rowid from which reading gets past the damage, None if nothing does."""
    step = 1
    failed = after
    while True:
        probe = min(after + step, _HIGHEST)
        if _seeks(source, table, probe):
            break
        if probe == _HIGHEST:
            return None
        failed = probe
        step *= 2
    low, high = failed, probe  # reading after `low` fails, after `high` works
    while high - low > 1:
        middle = (low + high) // 2
        if _seeks(source, table, middle):
            high = middle
        else:
            low = middle
    return high


def _drop_orphans(fresh: sqlite3.Connection) -> dict[str, int]:
    """Delete rows whose parent row was lost, until none are left; counts per table."""
    dropped: dict[str, int] = {}
    while True:
        found = fresh.execute("PRAGMA foreign_key_check").fetchall()
        if not found:
            return dropped
        for table, rowid, _parent, _index in found:
            if rowid is None:
                continue
            deleted = fresh.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            if deleted.rowcount:
                dropped[table] = dropped.get(table, 0) + deleted.rowcount
