"""Arsip's version and the versions of what it runs on, for Help ▸ About and bug reports."""

from __future__ import annotations

import platform
from importlib import metadata

from archive_app import __version__

# (name shown, the distributions that may provide it): the first installed one is read.
# PySide6 comes as the Essentials wheel here and as the full PySide6 elsewhere; Whoosh as the
# maintained fork, which installs the same `whoosh` module as the old release.
_COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PySide6", ("PySide6-Essentials", "PySide6")),
    ("Whoosh", ("whoosh-reloaded", "Whoosh")),
    ("SQLAlchemy", ("SQLAlchemy",)),
)
UNKNOWN = "unknown"


def arsip_version() -> str:
    """The installed version (the package's own when run from a tree without metadata)."""
    try:
        return metadata.version("archive-app")
    except metadata.PackageNotFoundError:
        return __version__


def _installed(distributions: tuple[str, ...]) -> str:
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    # a bundle may leave the metadata behind: say so rather than guess
    return UNKNOWN


def component_versions() -> list[tuple[str, str]]:
    """(name, version) of Python and the libraries Arsip's window and catalogue run on; the
    Qt library itself is known only to the window (it asks Qt)."""
    found = [("Python", platform.python_version())]
    found += [(name, _installed(distributions)) for name, distributions in _COMPONENTS]
    return found
