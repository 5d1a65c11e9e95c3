"""A team library's backup: a folder library's backup file, which restore makes a folder library."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from archive_app.usecases.backup import BackupError, BackupInfo
from archive_app.usecases.team_transfer import Opener, pull


def write_team_backup(open_library: Opener, address: str, target: Path) -> BackupInfo:
    """Pull the team catalogue (records, versions, history, collections, originals and photos
    from its blobs) into a scratch folder library beside `target`, and back that up in the
    folder backup's format; the scratch folder goes whatever happens."""
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=".arsip-team-backup-"))
    try:
        try:
            pull(open_library, address, scratch / "library")
        except OSError as error:  # the disk the backup goes to (full, gone): as a folder's
            reason = error.strerror or str(error)
            raise BackupError(
                f"the backup could not be written to {target} ({reason}); "
                "no backup file was left there"
            ) from error
        with open_library(scratch / "library") as copy:
            info: BackupInfo = copy.backup(target)
            return info
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
