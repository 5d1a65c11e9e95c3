"""An import report as CSV: one row per article or file, what happened and why."""

from __future__ import annotations

import csv
from typing import TextIO

from archive_app.domain.model import ImportReport

COLUMNS = ("outcome", "file", "where", "article_id", "title", "message")


def write_report_csv(report: ImportReport, stream: TextIO) -> int:
    """Write every added, updated, duplicate, failed and warned item; returns the row count."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    rows = 0
    for outcome, items in (
        ("failed", report.failed),
        ("warning", report.warnings),
        ("updated", report.updated),
        ("duplicate", report.duplicates),
        ("added", report.added),
    ):
        for item in items:
            writer.writerow(
                (outcome, item.path, item.locator, item.article_id or "", item.title, item.message)
            )
            rows += 1
    return rows
