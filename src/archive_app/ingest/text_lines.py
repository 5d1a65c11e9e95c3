"""A text file's lines one at a time, as decode_text(data).splitlines() gives them.

A table of 10,000 articles is 14 MB of UTF-8; decoded whole it is one string of 14 to 58 MB
(a single emoji makes Python keep every character in four bytes), held while every row is
read and stored, beside a list of every line. Here a plain UTF-8 file (no byte order mark,
no byte replaced, nothing for the mojibake repair to do: checked on the whole text once, then
let go) is decoded a line at a time from its bytes, and any other text is split lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archive_app.ingest.decode import decode_marked, repair_mojibake

# where str.splitlines() breaks a line
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# the breaks other than \r and \n: one before a newline leaves an empty line between them
_OWN_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def lines_of(text: str) -> Iterator[str]:
    """The lines of `text` as `text.splitlines()` gives them, one at a time."""
    start = 0
    for found in _LINE_BREAK.finditer(text):
        yield text[start : found.start()]
        start = found.end()
    if start < len(text):
        yield text[start:]


def decode_lines(data: bytes, notes: list[str] | None = None) -> Iterator[str]:
    """decode_text(data, notes).splitlines(), a line at a time (ReadError as decode_text)."""
    text, plain = decode_marked(data, notes if notes is not None else [])
    repaired = repair_mojibake(text)
    if not plain or repaired is not text:
        del text  # only the repaired text is read from
        yield from lines_of(repaired)
        return
    del text, repaired  # the same characters come again from the bytes, a line at a time
    yield from _utf8_lines(data)


def _utf8_lines(data: bytes) -> Iterator[str]:
    """The lines of valid UTF-8 `data`: a newline byte is never part of another character, so
    each newline-ended piece decodes alone; a piece's own breaks (\\r, U+2028...) split it
    further: a piece ending in \\r was a \\r\\n (one break), one ending in another break
    is followed by an empty line."""
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        piece = data[start:end].decode("utf-8")
        if not piece:
            yield ""  # an empty line
        else:
            yield from piece.splitlines()
            if end < size and piece[-1] in _OWN_BREAKS:
                yield ""  # two breaks (U+2029 then the newline): an empty line between
        start = end + 1
