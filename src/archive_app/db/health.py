"""SQLite's own verdict on a catalogue file: its integrity checks and its words for damage."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from archive_app.db.engine import readonly_uri

# SQLite's primary result codes for a damaged file: SQLITE_CORRUPT ("database disk image is
# malformed") and SQLITE_NOTADB ("file is not a database", e.g. a header overwritten)
DAMAGE_CODES = frozenset({11, 26})
_NOT_UTF8 = "Could not decode to UTF-8"


def damage_reason(error: BaseException) -> str | None:
    """SQLite's message when `error` (or the driver error SQLAlchemy wraps) says the database
    file is damaged; None for any other error (a lock, a full disk, a mistake in SQL)."""
    original = getattr(error, "orig", None) or error
    if not isinstance(original, sqlite3.DatabaseError):
        return None
    text = str(original)
    if text.startswith(_NOT_UTF8):
        # the driver's own complaint: Arsip writes only UTF-8, so bytes changed on disk
        column = text[len(_NOT_UTF8) :].split(" with text", 1)[0].strip()
        return f"a stored text is not valid UTF-8 ({column})"
    code = getattr(original, "sqlite_errorcode", None)
    if code is None or code & 0xFF not in DAMAGE_CODES:
        return None
    return one_line(str(original))


def one_line(message: str) -> str:
    """The first informative line of SQLite's report (integrity_check opens with a banner)."""
    lines = [line.strip() for line in message.splitlines()]
    useful = [line for line in lines if line and not line.startswith("*** in database")]
    return " ".join((useful or ["unknown damage"])[0].split())


def check_file(
    path: Path,
    *,
    full: bool = False,
    readonly: bool = True,
    limit: int = 20,
    cancel: Callable[[], bool] | None = None,
) -> list[str]:
    """SQLite's complaints about the file, none when it is sound.

    `full` runs `PRAGMA integrity_check` (every index against its table too), else
    `quick_check` (every page's structure and the records' format, not the indexes' content).
    `readonly` opens it so nothing can be written (a writer, holding the library's lock, may
    let SQLite recover a write-ahead log a crash left). `cancel`, asked every few thousand
    steps of SQLite's work, interrupts the check (sqlite3.OperationalError) when true.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        if readonly:
            connection = sqlite3.connect(readonly_uri(path), uri=True, timeout=30)
        else:
            connection = sqlite3.connect(path, timeout=30)
    except sqlite3.DatabaseError as error:
        reason = damage_reason(error)
        if reason is None:
            raise
        return [reason]
    if cancel is not None:
        connection.set_progress_handler(lambda: 1 if cancel() else 0, 100_000)
    try:
        rows = connection.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.DatabaseError as error:
        reason = damage_reason(error)
        if reason is None:
            raise
        return [reason]
    finally:
        connection.close()
    return [one_line(str(row[0])) for row in rows if row[0] != "ok"]


def raise_on_damage(engine: Engine, make_error: Callable[[str], Exception]) -> None:
    """Every statement of `engine` that finds the file damaged raises `make_error(SQLite's
    words)` instead of the driver's multi-line error."""

    def handle(context: Any) -> None:
        reason = damage_reason(context.original_exception)
        if reason is not None:
            raise make_error(reason) from context.original_exception

    event.listen(engine, "handle_error", handle)
