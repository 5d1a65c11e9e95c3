"""A team library's backup: a folder library's backup file, which restore makes a folder library."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from archive_app.usecases.backup import BackupInfo


def write_team_backup(address: str, target: Path) -> BackupInfo:
    """Pull the team catalogue (records, versions, history, collections, originals and photos
    from its blobs) into a scratch folder library beside `target`, and back that up in the
    folder backup's format; the scratch folder goes whatever happens."""
    # imported here: the transfer opens Archives, and the Archive imports this module's caller
    from archive_app.usecases.archive import Archive
    from archive_app.usecases.team_transfer import pull

    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=".arsip-team-backup-"))
    try:
        pull(address, scratch / "library")
        with Archive.open(scratch / "library") as copy:
            return copy.backup(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
