"""A catalogue whose SQLite check takes a while (as a large library's does), for tests that
close or write while the check runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

ROWS = 300_000  # about 50 MB: SQLite's quick check of it takes most of a second here
COLUMNS = 40


def make_check_slow(catalogue: Path) -> None:
    """Add a table of many rows that Arsip never reads: SQLite's quick check reads every page
    and every row's NOT NULL columns whatever the table, so checking the file takes as long as
    a catalogue of a large library takes, without importing one (minutes). Arsip's own check
    and its comparison of catalogue and index are unaffected by it."""
    columns = ", ".join(f"c{i} INTEGER NOT NULL" for i in range(COLUMNS))
    values = ", ".join(["n"] * COLUMNS)
    with sqlite3.connect(catalogue) as connection:
        connection.execute(f"CREATE TABLE check_ballast (id INTEGER PRIMARY KEY, {columns})")
        connection.execute(
            "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter"
            f" WHERE n < {ROWS}) INSERT INTO check_ballast SELECT n, {values} FROM counter"
        )
    connection.close()
