"""SQLite's own verdict on a catalogue file: its integrity checks and its words for damage."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from archive_app.db.engine import readonly_uri

CANCEL_POLL_S = 0.05  # how often a running check looks at its cancel flag

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
    let SQLite recover a write-ahead log a crash left). `cancel`, asked every 50 ms while the
    check runs, interrupts it (sqlite3.OperationalError "interrupted") when true.
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
    try:
        with _interrupted_when(connection, cancel):
            rows = connection.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.DatabaseError as error:
        reason = damage_reason(error)
        if reason is None:
            raise
        return [reason]
    finally:
        connection.close()
    return [one_line(str(row[0])) for row in rows if row[0] != "ok"]


@contextmanager
def _interrupted_when(
    connection: sqlite3.Connection, cancel: Callable[[], bool] | None
) -> Iterator[None]:
    """Interrupt `connection`'s statement once `cancel()` is true. Watched from a thread of its
    own: SQLite's integrity check calls no progress handler while it walks the b-trees (most
    of its time, 3.40 here), but it does stop at sqlite3_interrupt, made for other threads."""
    if cancel is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_S):
            if cancel():
                connection.interrupt()
                return

    watcher = threading.Thread(target=watch, name="catalogue-check-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def raise_on_damage(engine: Engine, make_error: Callable[[str], Exception]) -> None:
    """Every statement of `engine` that finds the file damaged raises `make_error(SQLite's
    words)` instead of the driver's multi-line error."""

    def handle(context: Any) -> None:
        reason = damage_reason(context.original_exception)
        if reason is not None:
            raise make_error(reason) from context.original_exception

    event.listen(engine, "handle_error", handle)
