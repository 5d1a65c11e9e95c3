"""`team push` and `team pull`: a folder library copied into a team catalogue, and back."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive_app.domain.errors import ArchiveError, LibraryFormatError
from archive_app.domain.progress import Progress, ProgressCallback, ignore_progress
from archive_app.storage.library_folder import LibraryLayout
from archive_app.storage.library_location import team_location
from archive_app.usecases.team_library import require_team

BATCH = 200  # articles per transaction: a push interrupted loses at most one batch's work

# Archive.open, given by the caller: this module is imported by the Archive's backup (through
# team_backup), so it cannot import the Archive itself without an import cycle
Opener = Callable[..., Any]


@dataclass(slots=True)
class TransferSummary:
    """What a push or a pull copied."""

    articles: int = 0
    already_there: int = 0  # skipped: an interrupted push's articles, found again
    history: int = 0  # history entries of the articles copied
    originals: set[str] = field(default_factory=set)
    photos: set[str] = field(default_factory=set)
    lacking: int = 0  # files the source library's catalogue names that it does not hold
    index_problems: list[str] = field(default_factory=list)
    target: str = ""  # the library copied into, as people see it (never a password)


def push(
    open_library: Opener,
    local: str | Path,
    address: str,
    *,
    merge: bool = False,
    progress: ProgressCallback = ignore_progress,
) -> TransferSummary:
    """Copy the folder library `local` into the team catalogue at `address`, which must hold
    no articles unless `merge` (a push interrupted is run again with it: what is there
    already is skipped). This desktop's index of the team library is built as it goes."""
    require_team(address)  # a folder given as the target is refused in one line
    if team_location(str(local)) is not None:
        raise LibraryFormatError(
            f"{local} is a team library: push copies a folder library into a team catalogue"
        )
    with open_library(local, readonly=True) as source, open_library(address) as target:
        held = target.count()
        if held and not merge:
            raise ArchiveError(
                f"{target.team_name} holds {held} articles already: nothing was pushed "
                "(add --merge to push into it anyway, or to go on with an interrupted push)"
            )
        return _copy(source, target, progress, "pushing")


def pull(
    open_library: Opener,
    address: str,
    folder: str | Path,
    *,
    progress: ProgressCallback = ignore_progress,
) -> TransferSummary:
    """Make the new folder library `folder` from the team catalogue at `address`, with its
    index built; nothing is left in `folder` when the pull fails."""
    require_team(address)
    target = Path(folder).expanduser()
    if team_location(str(folder)) is not None:
        raise LibraryFormatError(f"{folder} is a team library: pull makes a folder library")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise LibraryFormatError(
            f"{target} already exists and is not empty: pull makes a new folder library "
            "(give a new or empty folder)"
        )
    made = not target.exists()
    try:
        # the folder library's layout is made first: the opening then finds a folder library
        # being made, never an empty folder it may take for something else (the test suite's
        # --backend postgresql turns empty folders into team catalogues)
        LibraryLayout(target).create()
        with open_library(address, readonly=True) as source, open_library(target) as copy:
            if copy.layout.team is not None:
                raise LibraryFormatError(
                    f"{target} opened as a team library: pull makes a folder library"
                )
            return _copy(source, copy, progress, "pulling")
    except BaseException:
        # the folder was new or empty: a pull that failed leaves nothing looking like a library
        if made:
            shutil.rmtree(target, ignore_errors=True)
        else:
            _empty(target)
        raise


def _copy(source: Any, target: Any, progress: ProgressCallback, phase: str) -> TransferSummary:
    """Every article of `source` (oldest import first, so the copy's ids follow the same
    order), batch by batch, then its saved searches, collections and authorities."""
    summary = TransferSummary(target=target.team_name or str(target.path))
    ids = source.article_ids("added")[::-1]
    changes: dict[int, int] = {}  # the source's change ids -> the target's, across batches
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        stream = io.StringIO()
        source.export_jsonl(stream, batch)
        lines = [json.loads(line) for line in stream.getvalue().splitlines()]
        restored = target.restore_articles(lines, changes, source.library_file)
        summary.articles += len(restored.ids)
        summary.already_there += restored.already_there
        summary.history += restored.history
        summary.originals |= restored.originals
        summary.photos |= restored.photos
        summary.lacking += restored.lacking
        if restored.index_problem:
            summary.index_problems.append(restored.index_problem)
        done = start + len(batch)
        progress(Progress(phase, done, len(ids), articles=summary.articles))
    target.restore_extras(source.transfer_extras())
    return summary


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
