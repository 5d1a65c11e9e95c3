"""The error an export raises: one line a person can act on, and nothing left half-written."""

from __future__ import annotations

from archive_app.core.errors import ArchiveError


class ExportError(ArchiveError):
    """An export could not be written (or had nothing to write); no output was left behind."""
