"""Trusting a library: the full check, and restoring or repairing one whose catalogue was lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from archive_app.db.health import check_file
from archive_app.domain.errors import LibraryNotFoundError
from archive_app.domain.model import CheckReport
from archive_app.storage import leftovers
from archive_app.storage.library_folder import LibraryLayout, default_library_path
from archive_app.usecases import autobackup, team_library
from archive_app.usecases.advice import advice
from archive_app.usecases.backup import restore_backup
from archive_app.usecases.repair import RepairReport, replace_catalogue, unclaimed_originals


class ReopenedLibrary(Protocol):
    """What restoring and repairing need of the library they open again (the Archive)."""

    def __enter__(self) -> ReopenedLibrary: ...

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None: ...

    def reindex(self, *, processes: int = 1) -> int: ...

    def count(self) -> int: ...

    def article_ids(self, sort: str = "newest") -> list[int]: ...

    def claimed_originals(self) -> set[str]: ...


def check_library(layout: LibraryLayout, compare: Callable[[CheckReport], object]) -> CheckReport:
    """SQLite's full integrity check of the catalogue, then (through `compare`) the catalogue
    against the index and the originals folder; leftovers of interrupted work are counted, and
    each kind of problem gets its advice."""
    report = CheckReport()
    latest = autobackup.newest(layout)
    report.automatic_backup = str(latest) if latest is not None else None
    found = leftovers.find(layout)
    report.leftovers = [str(item.path) for item in found]
    report.leftover_bytes = sum(item.size for item in found)
    # a team catalogue's pages are the server's to check; SQLite's check is for the file
    problems = check_file(layout.catalogue, full=True) if layout.team is None else []
    if problems:
        report.catalogue_error = problems[0]  # what the catalogue says cannot be trusted
    else:
        compare(report)
    report.advice = advice(layout, report)
    return report


def restore_library(
    open_library: Callable[[Path], ReopenedLibrary], source: Path, target: Path
) -> int:
    """Restore a backup into a new folder and rebuild its index; returns the articles."""
    restore_backup(source, target)
    with open_library(target) as restored:
        restored.reindex()
        return restored.count()


def repair_library(
    open_library: Callable[[Path], ReopenedLibrary],
    path: str | Path | None,
    from_backup: Path | None,
    processes: int,
) -> RepairReport:
    """Replace a damaged catalogue with every row that can still be read (or with the
    automatic backup `from_backup`), keeping the damaged file in damaged/, and rebuild the
    index; the report counts per table what was saved and lost."""
    team_library.refuse_team(path, "repair")
    layout = LibraryLayout(Path(path).expanduser() if path else default_library_path())
    if not layout.root.is_dir():
        raise LibraryNotFoundError(f"there is no Arsip library at {layout.root}")
    report = replace_catalogue(layout, from_backup)
    with open_library(layout.root) as repaired:
        repaired.reindex(processes=processes)
        ids = set(repaired.article_ids("added"))
        named = repaired.claimed_originals()
    report.articles = len(ids)
    report.lost_articles = sorted(set(report.lost_articles) - ids)
    report.unclaimed_originals = unclaimed_originals(layout, named)
    return report
