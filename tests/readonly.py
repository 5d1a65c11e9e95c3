"""Make a folder read-only for a test, the way a read-only disk or share looks to Arsip."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Every file and folder under `folder` unwritable while the block runs.

    Permission bits do not bind root, so as root the immutable attribute (chattr +i) does it;
    where even that is refused (a container without CAP_LINUX_IMMUTABLE) the test is skipped.
    """
    paths = [folder, *sorted(folder.rglob("*"))]
    if getattr(os, "geteuid", lambda: 1)() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(modes[path] & ~0o222)
        try:
            yield
        finally:
            for path in paths:
                path.chmod(modes[path])
        return
    chattr = shutil.which("chattr")
    names = [str(path) for path in paths]
    if chattr is None or subprocess.run([chattr, "+i", *names], capture_output=True).returncode:
        if chattr is not None:
            subprocess.run([chattr, "-i", *names], capture_output=True)
        pytest.skip(
            "running as root, and this system refuses chattr +i: no way to make a "
            "folder read-only for root"
        )
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *names], capture_output=True, check=True)
