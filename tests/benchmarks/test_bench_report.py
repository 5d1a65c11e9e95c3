"""The search benchmark's verdicts: the issue's first-page targets for the library's size."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

from tests.conftest import REPO


def _report() -> ModuleType:
    folder = str(REPO / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("report")


def _figures(page_ms: tuple[float, float], fts5_median: float) -> dict[str, dict[str, Any]]:
    """Every class with a first page of (median, p95), FTS5's page median, counts of 0.5 s."""
    report = _report()
    median, p95 = page_ms
    return {
        cls: {
            "queries": 200,
            "arsip_errors": 0,
            "arsip_page_ms": {"n": 200, "median": median, "p95": p95},
            "arsip_counts_ms": {"n": 200, "median": 300.0, "p95": 500.0},
            "fts5_page_ms": {"n": 200, "median": fts5_median, "p95": fts5_median * 2},
            "fts5_counts_ms": {"n": 200, "median": 100.0, "p95": 200.0},
        }
        for cls in report.CLASSES
    }


def _missed(targets: dict[str, Any]) -> set[str]:
    return {name for name, check in targets.items() if not check["met"]}


def test_at_100k_a_median_more_than_five_times_fts5s_is_missed_even_under_40_ms() -> None:
    report = _report()
    # 12 ms against FTS5's 2 ms (6x): the old 40 ms median would have passed it
    missed = _missed(report.targets(_figures((12.0, 100.0), 2.0), {}, 100_000))
    assert "2-3 words: first page median <= 5x FTS5's" in missed
    assert not any("p95" in name for name in missed)
    assert "browse: first page median <= 5x FTS5's" not in missed  # browse has no rank


def test_at_100k_within_five_times_and_p95_under_150_ms_is_met() -> None:
    report = _report()
    figures = _figures((9.0, 140.0), 2.0)
    assert not _missed(report.targets(figures, {}, 100_000))
    table = "\n".join(report.latency_table(figures, 100_000))
    assert "MISSED" not in table and "median <= 5x FTS5's" in table


def test_at_1m_the_median_is_60_ms_and_the_p95_250_ms_for_every_class_browse_included() -> None:
    report = _report()
    # 55 ms is 27x FTS5's 2 ms: no ratio target at a million; a p95 of 260 ms misses
    missed = _missed(report.targets(_figures((55.0, 260.0), 2.0), {}, 1_000_000))
    assert missed == {f"{cls}: first page p95 <= 250 ms" for cls in report.CLASSES}
    table = report.latency_table(_figures((70.0, 200.0), 2.0), 1_000_000)
    browse = next(line for line in table if line.startswith("browse"))
    assert "page MISSED (first page median <= 60 ms)" in browse
