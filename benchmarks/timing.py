"""Time every query through Arsip's facade and through FTS5, one after the other per query."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

import fts5_reference as fts5
from queries import BenchQuery

PAGE_SIZE = 20


@dataclass(slots=True)
class Timed:
    """One query's figures on both engines (seconds; totals as each engine counts them)."""

    query: BenchQuery
    arsip_page_s: float | None = None
    arsip_counts_s: float | None = None
    arsip_page_total: int | None = None
    arsip_page_total_exact: bool | None = None
    arsip_total: int | None = None
    arsip_hits: int | None = None
    arsip_hits_with_snippets: int | None = None
    arsip_error: str | None = None
    fts5_page_s: float | None = None
    fts5_counts_s: float | None = None
    fts5_total: int | None = None
    fts5_rows: int | None = None

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("query"))
        return data


def _clock(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def time_arsip(archive: Any, timed: Timed) -> None:
    """First page (top 20 with snippets), then the exact total and facets, as the window asks."""
    text = timed.query.arsip
    try:
        timed.arsip_page_s, page = _clock(lambda: archive.search(text, limit=PAGE_SIZE))
        timed.arsip_page_total, timed.arsip_page_total_exact = page.total, page.total_exact
        timed.arsip_hits = len(page.hits)
        timed.arsip_hits_with_snippets = sum(1 for hit in page.hits if hit.snippets)
        timed.arsip_counts_s, counts = _clock(lambda: archive.counts(text))
        timed.arsip_total = counts.total
    except Exception as error:  # a failing query is a finding to report, not a reason to stop
        timed.arsip_error = f"{type(error).__name__}: {error}"


def time_fts5(connection: sqlite3.Connection, timed: Timed) -> None:
    timed.fts5_page_s, page = _clock(lambda: fts5.first_page(connection, timed.query))
    timed.fts5_rows = page.rows
    timed.fts5_counts_s, counts = _clock(lambda: fts5.counts(connection, timed.query))
    timed.fts5_total = counts.total


def warm_up(archive: Any, connection: sqlite3.Connection, queries: Iterable[BenchQuery]) -> None:
    """Open searchers and fill caches on both sides before anything is measured."""
    for query in queries:
        time_arsip(archive, Timed(query))
        time_fts5(connection, Timed(query))


def run_all(
    archive: Any,
    connection: sqlite3.Connection,
    queries: dict[str, list[BenchQuery]],
    progress: Callable[[str], None],
) -> list[Timed]:
    results: list[Timed] = []
    for cls, class_queries in queries.items():
        started = time.perf_counter()
        for query in class_queries:
            timed = Timed(query)
            time_arsip(archive, timed)
            time_fts5(connection, timed)
            results.append(timed)
        progress(f"  {cls}: {len(class_queries)} queries in {time.perf_counter() - started:.1f} s")
    return results
