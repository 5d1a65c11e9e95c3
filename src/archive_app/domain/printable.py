"""File names as people read them: bytes that are not UTF-8 shown as \\xNN, never a crash."""

from __future__ import annotations


def printable(name: str) -> str:
    """`name` with the undecodable bytes a file system handed over (Python keeps them as lone
    surrogates) written as `\\xNN`: a text the catalogue, a terminal, a CSV file and the window
    can all hold, and from which the original bytes can still be told."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate no byte made (a Windows name, a bad string)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
