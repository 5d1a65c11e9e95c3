"""Mend a damaged catalogue: save every readable row into a fresh one, or go back to an
automatic backup. The damaged file is copied aside first and never deleted."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from archive_app.db import salvage
from archive_app.db.engine import create_catalogue_engine, migrate
from archive_app.db.health import check_file
from archive_app.domain.errors import ArchiveError, LibraryFormatError
from archive_app.search.index import FullTextIndex
from archive_app.storage import leftovers
from archive_app.storage.atomic import fsync_file, move_into_place
from archive_app.storage.library_folder import LibraryLayout, WriterLock
from archive_app.usecases import autobackup

log = logging.getLogger(__name__)


class RepairError(ArchiveError):
    """The catalogue could not be repaired; nothing in the library was changed."""


@dataclass(slots=True)
class RepairReport:
    """What `repair` did: where the damaged file went, what was saved and what was lost."""

    library: str
    source: str  # "salvage", or the automatic backup the catalogue went back to
    problem: str | None  # SQLite's complaint about the catalogue that was replaced
    damaged_copy: str | None  # the damaged catalogue, kept aside
    tables: list[salvage.TableSalvage] = field(default_factory=list)
    articles: int = 0
    # articles the search index knew that the repaired catalogue does not hold
    lost_articles: list[int] = field(default_factory=list)
    # articles left out because every version or provenance row of theirs was lost
    incomplete_articles: list[tuple[int, str]] = field(default_factory=list)
    # originals no record names any more: import them (or the files they came from) again
    unclaimed_originals: list[str] = field(default_factory=list)
    index_known: bool = True  # False: the old index could not be read to tell lost articles


def replace_catalogue(layout: LibraryLayout, from_backup: Path | None = None) -> RepairReport:
    """Build a new catalogue (salvaged rows, or the automatic backup) and put it in place of
    the damaged one, holding the writer lock. The caller reindexes and fills in the counts."""
    lock = WriterLock(layout.lock)
    lock.acquire()
    try:
        problems = (
            check_file(layout.catalogue, full=True)
            if layout.catalogue.is_file()
            else [f"{layout.catalogue.name} is missing"]
        )
        if not problems and from_backup is None:
            raise RepairError(
                f"the catalogue of {layout.root} is sound (SQLite's integrity "
                "check finds nothing wrong); there is nothing to repair"
            )
        if from_backup is None and not layout.catalogue.is_file():
            latest = autobackup.newest(layout)
            hint = f" (the newest is {latest})" if latest else ""
            raise RepairError(
                f"the library {layout.root} has no catalogue to repair; give "
                f"--from-backup with an automatic backup{hint}"
            )
        known = _indexed_ids(layout)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        fresh = layout.root / f"{leftovers.REPAIR_PREFIX}{stamp}.sqlite"
        try:
            incomplete: list[tuple[int, str]] = []
            if from_backup is not None:
                tables = _from_backup(from_backup, fresh)
            else:
                tables, incomplete = _salvage(layout, fresh)
            verdict = check_file(fresh, full=True)
            if verdict:
                raise RepairError(
                    f"the repaired catalogue fails SQLite's integrity check "
                    f"({verdict[0]}); nothing was changed"
                )
            os.chmod(fresh, layout.file_mode())
            aside = _set_aside(layout, stamp)
            _swap(layout, fresh)
        finally:
            for path in (fresh, _beside(fresh, "-wal"), _beside(fresh, "-shm")):
                path.unlink(missing_ok=True)
    finally:
        lock.release()
    report = RepairReport(
        str(layout.root),
        str(from_backup) if from_backup else "salvage",
        problems[0] if problems else None,
        str(aside) if aside else None,
        tables,
    )
    report.index_known = known is not None
    report.incomplete_articles = incomplete
    report.lost_articles = sorted(known or set())  # narrowed by the caller after reindexing
    return report


def _salvage(
    layout: LibraryLayout, fresh: Path
) -> tuple[list[salvage.TableSalvage], list[tuple[int, str]]]:
    try:
        source = salvage.open_damaged(layout.catalogue)
    except salvage.SalvageError as error:
        raise RepairError(
            f"nothing can be saved from the catalogue of {layout.root}: "
            f"{error}; go back to an automatic backup with --from-backup "
            "or restore a backup of the library"
        ) from error
    try:
        revision = salvage.schema_revision(source)
        engine = create_catalogue_engine(fresh)
        try:
            # rows go into the schema they were written in; newer migrations then apply
            migrate(engine, revision or "head")
        except LibraryFormatError as error:
            raise RepairError(str(error)) from error
        finally:
            engine.dispose()
        target = sqlite3.connect(fresh)
        try:
            tables = salvage.copy_rows(source, target, skip=frozenset({"alembic_version"}))
            incomplete = salvage.drop_incomplete_articles(target, tables)
        finally:
            target.close()
    finally:
        source.close()
    _migrate(fresh)
    return tables, incomplete


def _from_backup(backup: Path, fresh: Path) -> list[salvage.TableSalvage]:
    backup = backup.expanduser()
    if not backup.is_file():
        raise RepairError(f"there is no file {backup}")
    problems = check_file(backup, full=True)
    if problems:
        raise RepairError(
            f"{backup} is not a sound catalogue (SQLite reports "
            f"'{problems[0]}'); choose another backup"
        )
    autobackup.copy_catalogue(backup, fresh)
    _migrate(fresh)
    connection = sqlite3.connect(fresh)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return [
            salvage.TableSalvage(
                name, saved=int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            )
            for name in names
        ]
    finally:
        connection.close()


def _migrate(path: Path) -> None:
    engine = create_catalogue_engine(path)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    # the last connection closed checkpoints the write-ahead log; make sure before the move
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _indexed_ids(layout: LibraryLayout) -> set[int] | None:
    """The article ids the search index holds (None when it cannot be read)."""
    try:
        index = FullTextIndex(layout.index, readonly=True)
        try:
            return set(index.versions()) if not index.missing else None
        finally:
            index.close()
    except Exception as error:  # a damaged index only means lost articles cannot be named
        log.warning("the search index cannot be read (%s)", error)
        return None


def _set_aside(layout: LibraryLayout, stamp: str) -> Path | None:
    """Copy the damaged catalogue (and its write-ahead log) to damaged/, byte for byte."""
    if not layout.catalogue.is_file():
        return None
    layout.damaged.mkdir(exist_ok=True)
    target = layout.damaged / f"catalogue-{stamp}.sqlite"
    for suffix in ("", "-wal"):
        source = _beside(layout.catalogue, suffix)
        if source.is_file():
            copy = _beside(target, suffix)
            shutil.copyfile(source, copy)
            fsync_file(copy)
    return target


def _swap(layout: LibraryLayout, fresh: Path) -> None:
    """Put the new catalogue in place; the damaged one's log must not be replayed onto it."""
    fsync_file(fresh)
    for suffix in ("-wal", "-shm"):
        _beside(layout.catalogue, suffix).unlink(missing_ok=True)
    move_into_place(fresh, layout.catalogue)


def unclaimed_originals(layout: LibraryLayout, named: set[str]) -> list[str]:
    """Files under originals/ that no provenance row names (their articles were lost)."""
    if not layout.originals.is_dir():
        return []
    found = []
    for path in layout.originals.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            relative = path.relative_to(layout.root).as_posix()
            if relative not in named:
                found.append(relative)
    return sorted(found)


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
