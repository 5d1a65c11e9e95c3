"""Exceptions the core raises, each with a message a librarian can act on."""

from __future__ import annotations


class ArchiveError(Exception):
    """Base of every error Arsip reports to a person instead of a traceback."""


class LibraryLockedError(ArchiveError):
    """Another process is writing to the library."""


class LibraryReadOnlyError(ArchiveError):
    """The library is on a read-only disk or share, or in a folder the person may not write."""


class LibraryNotFoundError(ArchiveError):
    """A library folder was expected but is not there."""


class LibraryFormatError(ArchiveError):
    """The folder is not an Arsip library, or is from a newer Arsip."""


class ArticleNotFoundError(ArchiveError):
    """No article has the requested id."""


class QueryError(ArchiveError):
    """A search query could not be understood; `position` points at the mistake."""

    def __init__(self, message: str, query: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.position = position


class ReadError(ArchiveError):
    """A file (or one record in it) could not be read; the message says why."""


class ImportCancelled(ArchiveError):
    """The person cancelled an import; what was committed before stays."""


class CatalogueDamagedError(ArchiveError):
    """SQLite finds the catalogue file damaged; the message says what to run."""


class ExportError(ArchiveError):
    """An export could not be written (or had nothing to write); no output was left behind."""
