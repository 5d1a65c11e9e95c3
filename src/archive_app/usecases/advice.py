"""What `check` tells a person to do about each kind of problem it finds, one line each."""

from __future__ import annotations

from archive_app.domain.model import CheckReport
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import integrity
from archive_app.usecases.backup import FixityReport


def advice(
    layout: LibraryLayout, report: CheckReport, fixity: FixityReport | None = None
) -> list[str]:
    """One line per kind of problem in `report` (and `fixity`), saying what mends it."""
    lines: list[str] = []
    if report.catalogue_error:
        lines.append(f"the catalogue is damaged: {integrity.remedy(layout)}")
    reindex = integrity.command(layout, "reindex")
    if report.index_error:
        lines.append(
            f"the search index must be rebuilt: run {reindex}, or open the library "
            "in the window or with any command that changes it, which rebuilds it "
            "first"
        )
    elif report.missing_from_index or report.stale_in_index or report.orphaned_in_index:
        lines.append(
            f"the search index has fallen out of step with the catalogue: run "
            f"{reindex}, or open the library in the window, which brings the index "
            "up to date in the background"
        )
    changed = fixity.changed if fixity is not None else []
    missing = sorted(set(report.missing_originals) | set(fixity.missing if fixity else []))
    if missing or changed:
        what = " and ".join(
            part
            for part in (
                f"{len(missing):,} missing" if missing else "",
                f"{len(changed):,} changed" if changed else "",
            )
            if part
        )
        lines.append(
            f"originals or photos ({what}): import the same files again, which puts "
            "each original back as it was, or restore a backup of the library "
            "(`archive-app restore`)"
        )
    if report.leftovers:
        lines.append(
            f"{len(report.leftovers):,} temporary files left by interrupted work "
            f"({report.leftover_bytes / 1e6:,.1f} MB): they are removed the next "
            "time the library is opened for writing (the window, or a command that "
            "changes it)"
        )
    return lines
