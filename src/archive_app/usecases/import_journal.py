"""The import report file: every item as a line of JSON as it comes, the totals last.

<library>/logs/imports/import-<UTC time>-<batch>.jsonl holds one object a line, written while
the import runs:

    {"kind": "added", "file": "...", "where": "row 3", "article_id": 12, "title": "...",
     "message": ""}

and, once the import has ended, {"kind": "summary", "batch_id": ..., "counts": {...}, ...}. The
report in memory holds only a screenful of each kind (domain/import_report.py) and reads the
rest back from here. Should the disk fill up, the items the file could not take stay in memory,
so the report still lists each item exactly once.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from archive_app.domain.import_report import KINDS, ImportItem, ImportReport

log = logging.getLogger(__name__)
FOLDER = Path("logs") / "imports"
KEEP_REPORTS = 20  # the newest report files kept; older ones are removed by the next import
_FLUSH_LINES = 500
_PREFIX = {kind: b'{"kind":"' + kind.encode() + b'",' for kind in KINDS}


class ReportFile:
    """An ItemSink writing JSON Lines: buffered, written with os.write so that a failed write
    is known exactly (the file is cut back to its last whole line and those items kept)."""

    def __init__(self, path: Path, mode: int = 0o644) -> None:
        self.path = path
        self._fd: int | None = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        self._written = 0  # bytes of whole lines in the file
        self._pending: list[tuple[str, ImportItem, bytes]] = []
        # items the file could not take (a full disk): they stay here, in order
        self._unwritten: list[tuple[str, ImportItem]] = []

    def write(self, kind: str, item: ImportItem) -> None:
        if self._fd is None:
            self._unwritten.append((kind, item))
            return
        line = json.dumps(
            {
                "kind": kind,
                "file": item.path,
                "where": item.locator,
                "article_id": item.article_id,
                "title": item.title,
                "message": item.message,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        self._pending.append((kind, item, line.encode("utf-8", "surrogateescape") + b"\n"))
        if len(self._pending) >= _FLUSH_LINES:
            self.flush()

    def flush(self) -> None:
        if self._fd is None or not self._pending:
            return
        data = b"".join(line for _kind, _item, line in self._pending)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as error:
            self._give_up(error)
            return
        self._written += len(data)
        self._pending.clear()

    def _give_up(self, error: OSError) -> None:
        """Keep in memory what the file could not take, and write no more to it."""
        log.info("the import report file %s is incomplete: %s", self.path, error)
        try:
            os.ftruncate(self._fd or -1, self._written)
        except OSError:
            log.debug("could not cut the report file back", exc_info=True)
        self._unwritten.extend((kind, item) for kind, item, _line in self._pending)
        self._pending.clear()
        self._close_fd()

    def read(self, kind: str) -> Iterator[ImportItem]:
        self.flush()
        prefix = _PREFIX[kind]
        left = self._written
        with self.path.open("rb") as stream:
            for line in stream:
                left -= len(line)
                if left < 0:
                    break  # a line cut short by a failed write
                if line.startswith(prefix):
                    data = json.loads(line)
                    yield ImportItem(
                        data["file"],
                        data["where"],
                        data["article_id"],
                        data["title"],
                        data["message"],
                    )
        for unwritten_kind, item in self._unwritten:
            if unwritten_kind == kind:
                yield item

    def close(self, summary: dict[str, object]) -> None:
        """Write what is pending and the totals, and close the file (it is still read from)."""
        self.flush()
        if self._fd is None:
            return
        line = json.dumps({"kind": "summary"} | summary, ensure_ascii=False, separators=(",", ":"))
        try:
            os.write(self._fd, line.encode("utf-8") + b"\n")
            os.fsync(self._fd)
        except OSError as error:  # the items are all there; only the totals are missing
            log.info("the import report file %s lacks its totals: %s", self.path, error)
            os.ftruncate(self._fd, self._written)
        self._close_fd()

    def _close_fd(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def stream_report(report: ImportReport, root: Path, mode: int = 0o644) -> ReportFile | None:
    """Send the report's items to a new report file in the library's logs from now on; None
    (every item then stays in memory) when the file cannot be made."""
    folder = root / FOLDER
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_old(folder)
        path = folder / f"import-{stamp}-{report.batch_id or 0:06d}.jsonl"
        sink = ReportFile(path, mode)
    except OSError as error:
        log.info("the import report is kept in memory only: %s", error)
        return None
    report.stream_to(sink, str(path))
    return sink


def _remove_old(folder: Path) -> None:
    reports = sorted(folder.glob("import-*.jsonl"))
    for old in reports[: max(0, len(reports) - (KEEP_REPORTS - 1))]:
        old.unlink(missing_ok=True)
