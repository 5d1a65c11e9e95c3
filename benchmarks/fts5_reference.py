"""The reference: the same documents and queries through SQLite FTS5 (Python's sqlite3)."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from articles import Doc
from queries import BenchQuery

SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, people, place,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE meta (rowid INTEGER PRIMARY KEY, site TEXT NOT NULL, lang TEXT NOT NULL,
    day INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX meta_site_day ON meta (site, day);
CREATE INDEX meta_lang_day ON meta (lang, day);
CREATE INDEX meta_day ON meta (day);
"""
BATCH = 10_000
# Title weighted above the body, as Arsip does; bm25() is lower for better matches.
RANK = "bm25(fts, 3.0, 1.0, 1.0, 1.0)"


@dataclass(frozen=True, slots=True)
class Answer:
    """The first page (rowids with snippets) or the counts of one query."""

    total: int
    rows: int
    facets: dict[str, dict[str, int]]


def build(db: Path, docs: Iterable[Doc]) -> dict[str, float]:
    """A fresh FTS5 database from `docs`; returns the build figures."""
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    connection.executescript(SCHEMA)
    count = 0
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == BATCH:
            count += _insert(connection, batch)
            batch = []
    count += _insert(connection, batch)
    loaded = time.perf_counter()
    connection.executescript(INDEXES)
    # merge the b-tree segments into one, as a read-mostly archive would after a bulk load
    connection.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    connection.commit()
    connection.close()
    seconds = time.perf_counter() - started
    return {
        "articles": count,
        "seconds": seconds,
        "articles_per_second": count / seconds,
        "load_seconds": loaded - started,
        "optimize_seconds": time.perf_counter() - loaded,
        "bytes": db.stat().st_size,
    }


def _insert(connection: sqlite3.Connection, batch: list[Doc]) -> int:
    with connection:  # one transaction per batch
        connection.executemany(
            "INSERT INTO fts (rowid, title, body, people, place) VALUES (?, ?, ?, ?, ?)",
            [(d.number, d.title, d.body, "\n".join(d.people), d.place) for d in batch],
        )
        connection.executemany(
            "INSERT INTO meta (rowid, site, lang, day) VALUES (?, ?, ?, ?)",
            [(d.number, d.site, d.lang, d.day) for d in batch],
        )
    return len(batch)


def open_reader(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)


def _filters(query: BenchQuery) -> tuple[str, list[object]]:
    conditions = (["fts MATCH ?"] if query.match else []) + list(query.where)
    params: list[object] = ([query.match] if query.match else []) + list(query.params)
    return " AND ".join(conditions) or "1", params


def first_page(connection: sqlite3.Connection, query: BenchQuery, limit: int = 20) -> Answer:
    """Top `limit` by bm25 with a snippet each; a browse lists the newest (no words, no rank)."""
    where, params = _filters(query)
    if query.match:
        sql = (
            f"SELECT fts.rowid, fts.title, snippet(fts, -1, '[', ']', '…', 16) "
            f"FROM fts JOIN meta ON meta.rowid = fts.rowid WHERE {where} "
            f"ORDER BY {RANK} LIMIT ?"
        )
    else:
        sql = (
            f"SELECT meta.rowid, fts.title FROM meta JOIN fts ON fts.rowid = meta.rowid "
            f"WHERE {where} ORDER BY meta.day DESC LIMIT ?"
        )
    rows = connection.execute(sql, [*params, limit]).fetchall()
    return Answer(len(rows), len(rows), {})


def counts(connection: sqlite3.Connection, query: BenchQuery) -> Answer:
    """The exact total and site, language and year facets, from one GROUP BY pass."""
    where, params = _filters(query)
    source = "fts JOIN meta ON meta.rowid = fts.rowid" if query.match else "meta"
    sql = (
        f"SELECT meta.site, meta.lang, meta.day / 10000, count(*) FROM {source} "
        f"WHERE {where} GROUP BY 1, 2, 3"
    )
    facets: dict[str, Counter[str]] = {"site": Counter(), "language": Counter(), "year": Counter()}
    total = 0
    for site, lang, year, n in connection.execute(sql, params):
        total += n
        facets["site"][site] += n
        facets["language"][lang] += n
        facets["year"][str(year)] += n
    return Answer(total, 0, {name: dict(c) for name, c in facets.items()})
