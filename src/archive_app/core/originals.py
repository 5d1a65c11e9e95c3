"""Keep imported files byte for byte under originals/, named by their SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path, PurePath


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extension_of(name: str) -> str:
    """ ".jsonl.gz" for "news.jsonl.gz": the suffixes that say what the file is."""
    suffixes = [s.lower() for s in PurePath(name).suffixes if 1 < len(s) <= 8 and s[1:].isalnum()]
    return "".join(suffixes[-2:])


def relative_path(sha256: str, ext: str) -> str:
    return f"originals/{sha256[:2]}/{sha256}{ext}"


def store(root: Path, relative: str, data: bytes) -> bool:
    """Write the file atomically (temp file, fsync, rename); False when it was already there."""
    target = root / relative
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return True
