"""Back a library up into one file while it runs, restore it elsewhere, and check fixity."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from archive_app import __version__
from archive_app.db.health import check_file, damage_reason
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ArchiveError
from archive_app.storage import leftovers
from archive_app.storage.atomic import atomic_path
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import integrity

FORMAT = "arsip-backup"
MANIFEST = "manifest.json"
CATALOGUE = "catalogue.sqlite"
_CHUNK = 1 << 20


class BackupError(ArchiveError):
    """A backup cannot be written or read; nothing was changed."""


@dataclass(slots=True)
class BackupInfo:
    path: str
    files: int
    bytes: int
    articles: int
    created_at: str


@dataclass(slots=True)
class FixityReport:
    """Files whose bytes no longer match the SHA-256 they are named by, and missing ones."""

    checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _snapshot(catalogue: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the backup API reads one snapshot)."""
    source = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _library_files(root: Path, snapshot: Path) -> list[str]:
    """Originals and photos the snapshot names (files added after it are not its business)."""
    connection = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    try:
        originals = [row[0] for row in connection.execute("SELECT path FROM originals")]
        media = [
            p
            for row in connection.execute("SELECT path, thumbnail FROM media_files")
            for p in row
            if p
        ]
    finally:
        connection.close()
    return sorted(p for p in {*originals, *media} if (root / p).is_file())


@contextmanager
def _atomic_file(layout: LibraryLayout, target: Path) -> Iterator[Path]:
    """A hidden `.part` file beside `target`, given the library's file mode, made durable and
    renamed over `target` when complete; the library notes it meanwhile, so a killed backup's
    file is found and removed later."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target, library=layout.root) as temp:
        yield temp
        # a backup follows the library's own files, whatever the umask gave the new file
        os.chmod(temp, layout.file_mode())


@contextmanager
def _scratch(layout: LibraryLayout, near: Path) -> Iterator[Path]:
    """A hidden scratch folder beside the backup for the catalogue's snapshot."""
    folder = Path(
        tempfile.mkdtemp(
            dir=near if near.exists() else None, prefix=f".{CATALOGUE}.", suffix=".scratch"
        )
    )
    try:
        with leftovers.noting(layout.root, folder):
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _refuse_damage(layout: LibraryLayout, snapshot: Path) -> None:
    """A backup of a damaged catalogue would pass the damage on: refuse it, saying what to do."""
    problems = check_file(snapshot, full=True)
    if problems:
        raise BackupError(
            f"no backup was written: the catalogue of {layout.root} is damaged "
            f"(SQLite reports '{problems[0]}'); {integrity.remedy(layout)}"
        )


def write_backup(layout: LibraryLayout, target: Path, articles: int) -> BackupInfo:
    """One zip holding a consistent catalogue, the originals, the photos and a manifest.

    The catalogue's snapshot passes SQLite's full integrity check first: a damaged catalogue
    is refused rather than backed up.
    """
    files: list[dict[str, object]] = []
    total = 0
    try:
        with _scratch(layout, target.parent) as scratch, _atomic_file(layout, target) as temp:
            snapshot = scratch / CATALOGUE
            try:
                _snapshot(layout.catalogue, snapshot)
            except sqlite3.DatabaseError as error:
                reason = damage_reason(error)
                if reason is None:
                    raise
                raise BackupError(
                    f"no backup was written: the catalogue of {layout.root} is "
                    f"damaged (SQLite reports '{reason}'); "
                    f"{integrity.remedy(layout)}"
                ) from error
            _refuse_damage(layout, snapshot)
            entries = [(CATALOGUE, snapshot)] + [
                (p, layout.root / p) for p in _library_files(layout.root, snapshot)
            ]
            with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                for name, path in entries:
                    digest = sha256_file(path)
                    size = path.stat().st_size
                    # photos and gzip files do not shrink: store them as they are
                    shrinks = name == CATALOGUE or name.endswith(
                        (".txt", ".csv", ".json", ".jsonl", ".html", ".xml")
                    )
                    method = zipfile.ZIP_DEFLATED if shrinks else zipfile.ZIP_STORED
                    archive.write(path, name, compress_type=method)
                    files.append({"path": name, "sha256": digest, "size": size})
                    total += size
                manifest = {
                    "format": FORMAT,
                    "version": 1,
                    "app": __version__,
                    "created_at": utc_now(),
                    "articles": articles,
                    "files": files,
                }
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
    except OSError as error:
        reason = error.strerror or str(error)
        raise BackupError(
            f"the backup could not be written to {target} ({reason}); no backup file was left there"
        ) from error
    return BackupInfo(str(target), len(files), total, articles, str(manifest["created_at"]))


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, object]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(f"{source} is not an Arsip backup (it has no manifest)") from None
    except ValueError:
        raise BackupError(f"{source} has a damaged manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not an Arsip backup")
    if manifest.get("version") != 1:
        raise BackupError(
            f"{source} was written by a newer Arsip (backup version {manifest.get('version')})"
        )
    return manifest


def restore_backup(source: Path, target: Path) -> int:
    """Unpack a backup into a new folder, every file checked against the manifest first.

    Refuses a damaged or foreign file and leaves no folder behind; returns the file count.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} already exists and is not empty; choose a new folder")
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"{source} is not an Arsip backup ({error})") from error
    staging = Path(
        tempfile.mkdtemp(
            dir=target.parent if target.parent.exists() else None,
            prefix=f".{target.name}.restoring-",
        )
    )
    try:
        with archive:
            manifest = _read_manifest(archive, source)
            files = manifest.get("files")
            if not isinstance(files, list) or not any(f.get("path") == CATALOGUE for f in files):
                raise BackupError(f"{source} holds no catalogue")
            for entry in files:
                name = str(entry["path"])
                destination = (staging / name).resolve()
                if not destination.is_relative_to(staging.resolve()):
                    raise BackupError(f"{source} names a file outside the library: {name}")
                destination.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                try:
                    with archive.open(name) as stream, destination.open("wb") as out:
                        while chunk := stream.read(_CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
                except (KeyError, zipfile.BadZipFile, OSError) as error:
                    raise BackupError(
                        f"{source} is damaged: {name} cannot be read ({error})"
                    ) from error
                if digest.hexdigest() != entry["sha256"]:
                    raise BackupError(f"{source} is damaged: {name} does not match its checksum")
        problems = check_file(staging / CATALOGUE, full=True)
        if problems:
            raise BackupError(
                f"{source} holds a damaged catalogue (SQLite reports "
                f"'{problems[0]}'); nothing was restored: choose an older backup"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files)


def check_fixity(root: Path, named: list[str]) -> FixityReport:
    """Re-hash every original and photo against the SHA-256 in its name."""
    report = FixityReport()
    for relative in named:
        path = root / relative
        report.checked += 1
        if not path.is_file():
            report.missing.append(relative)
            continue
        expected = path.name.split(".", 1)[0]
        if sha256_file(path) != expected:
            report.changed.append(relative)
    return report
