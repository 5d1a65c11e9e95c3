"""Turn bytes into text: refuse binary files, honour BOMs, detect legacy encodings."""

from __future__ import annotations

import codecs
import re

import ftfy
import ftfy.badness
from charset_normalizer import from_bytes

from archive_app.domain.errors import ReadError

# Magic numbers of files people drop by mistake; naming them makes the message useful.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte is zero, as in mostly-ASCII UTF-16."""
    head = data[:8192]
    if len(head) < 16:
        return None
    odd_zeros = head[1::2].count(0) / (len(head) // 2)
    even_zeros = head[0::2].count(0) / ((len(head) + 1) // 2)
    if odd_zeros > 0.6 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.6 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def sniff_binary(data: bytes) -> str | None:
    """Say what a binary file looks like, or None when it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None if _utf16_without_bom(head) else "binary data"
    return None


# Single-byte code pages that read Latin text almost alike: when detection picks one of these
# for a few accented letters or no-break spaces, Windows-1252 is far more likely the truth.
_LATIN_LOOKALIKES = frozenset(
    {
        "cp1250",
        "cp1257",
        "iso8859_2",
        "iso8859_4",
        "iso8859_13",
        "iso8859_15",
        "latin_1",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp1254",
        "iso8859_9",
    }
)


# ftfy's test for mojibake scans every character with a large pattern (about a second per
# megabyte); each of its patterns is a few characters around a non-ASCII one, so only those
# stretches of the text need scanning.
_CONTEXT = 8  # characters kept on each side of a non-ASCII run: more than any pattern spans
# Non-ASCII runs are found by the regex engine alone (a Python loop over every curly quote of a
# 10 MB file cost seconds); a pattern that also took each run's ASCII context backtracked at
# every ASCII character (4 s for the 2.5 MB of a few CSV exports), so the context is added here.
_RUN = re.compile(r"[^\x00-\x7f]+")


def _stretch_spans(text: str) -> list[tuple[int, int]]:
    """Where the text's non-ASCII runs are, with their context: (start, end) of each stretch.

    A stretch is non-ASCII runs closer than two contexts merged into one, with up to a context
    of ASCII on each side; runs further apart than two contexts never share a character.
    """
    spans: list[tuple[int, int]] = []
    first = last = -1  # the start and end of the runs being merged
    for run in _RUN.finditer(text):
        start, end = run.span()
        if first >= 0 and start - last <= 2 * _CONTEXT:
            last = end
            continue
        if first >= 0:
            spans.append((max(0, first - _CONTEXT), min(len(text), last + _CONTEXT)))
        first, last = start, end
    if first >= 0:
        spans.append((max(0, first - _CONTEXT), min(len(text), last + _CONTEXT)))
    return spans


def _non_ascii_stretches(text: str) -> str:
    """The text's non-ASCII runs with their context, one stretch a line."""
    return "\n".join(text[start:end] for start, end in _stretch_spans(text))


# What ftfy's encoding repair does to a text depends only on its non-ASCII characters and a
# few characters around each (its tests are patterns of that reach, and ASCII reads the same in
# every code page it tries), except for ASCII SUB (0x1a), which rules out the code pages it
# tries. So the repair runs on the stretches alone, joined by a character the text lacks, and
# each repaired stretch goes back in its place: a file of 10,000 rows with one garbled word
# costs the word's stretch, not a second (and more) of regex scans over the whole file.
_SEPARATORS = ("\x00", "\x1e", "\x1f", "\x1d")


def _fix_encoding_in_stretches(text: str) -> str:
    separator = next((c for c in _SEPARATORS if c not in text), None)
    if separator is None or "\x1a" in text:
        return str(ftfy.fix_encoding(text))
    spans = _stretch_spans(text)
    pieces = [text[start:end] for start, end in spans]
    fixed = str(ftfy.fix_encoding(separator.join(pieces))).split(separator)
    if len(fixed) != len(pieces):  # a repair took a separator with it: do it the long way
        return str(ftfy.fix_encoding(text))
    out: list[str] = []
    done = 0
    for (start, end), piece in zip(spans, fixed, strict=True):
        out.append(text[done:start])
        out.append(piece)
        done = end
    out.append(text[done:])
    return "".join(out)


def repair_mojibake(text: str) -> str:
    """Undo text that was decoded with the wrong code page upstream ("BeritaÂ â€“ Jakarta").

    Only ftfy's encoding repair runs, and only on text it judges bad: quotes, dashes and
    everything else the source wrote stay verbatim.
    """
    if not text.isascii() and ftfy.badness.is_bad(_non_ascii_stretches(text)):
        return _fix_encoding_in_stretches(text)
    return text


def decode_text(data: bytes, notes: list[str] | None = None) -> str:
    """Decode a text file; raise ReadError naming the reason when it is not text.

    What a person should know about the decoding (bytes that had to be replaced) is appended
    to `notes`.
    """
    return repair_mojibake(_decode(data, notes if notes is not None else []))


# A UTF-8 file with a few damaged bytes (a bad sector, a careless edit) is still UTF-8: read as
# a legacy code page instead, every other line turns to mojibake. "A few": at most 1% of the
# bytes (and at least this many are always allowed), beside at least one valid multi-byte
# character, the sign of UTF-8 that a legacy file (whose accents are all lone bytes) lacks.
_FEW_BAD_BYTES = 16
_SURROGATE = re.compile("[\udc80-\udcff]")
_BEYOND_ASCII = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")  # any but an escaped byte


def mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """The text with its invalid bytes replaced, and a note saying how many and where, when
    the file is UTF-8 but for a few bytes; None otherwise (valid UTF-8 included)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    else:
        return None
    escaped = data.decode("utf-8", "surrogateescape")  # one lone surrogate per invalid byte
    bad = len(_SURROGATE.findall(escaped))
    if bad > max(_FEW_BAD_BYTES, len(data) // 100):
        return None
    if _BEYOND_ASCII.search(escaped) is None:
        return None
    first = _SURROGATE.search(escaped)
    line = escaped.count("\n", 0, first.start() if first else 0) + 1
    noun = "byte was" if bad == 1 else "bytes were"
    note = (
        f"{bad:,} {noun} not valid UTF-8 (the first on line {line:,}, at byte offset "
        f"{first_bad:,}); {'it was' if bad == 1 else 'they were'} replaced by \ufffd"
    )
    return _SURROGATE.sub("\ufffd", escaped), note


def _decode(data: bytes, notes: list[str]) -> str:
    return decode_marked(data, notes)[0]


def decode_marked(data: bytes, notes: list[str]) -> tuple[str, bool]:
    """The text before any mojibake repair, and whether it is the file read as plain UTF-8
    (no byte order mark, no byte replaced); ReadError as decode_text."""
    if not data.strip():
        raise ReadError("the file is empty")
    kind = sniff_binary(data)
    if kind is not None:
        raise ReadError(f"not a text file: it is {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), False
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), False
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError as error:
        utf8_error = error
    mostly = mostly_utf8(data)
    if mostly is not None:
        text, note = mostly
        notes.append(note)
        return text, False
    matches = from_bytes(data)
    best = matches.best()
    # charset-normalizer scores "chaos"; text that only decodes as gibberish is refused rather
    # than stored as mojibake a librarian would have to find and repair by hand.
    if best is None or best.chaos > 0.2:
        raise ReadError(
            f"undecodable text: not UTF-8 (bad byte at offset {utf8_error.start}) "
            "and no other encoding reads it cleanly"
        )
    # Short texts fit several single-byte code pages equally well; legacy Indonesian and
    # English files are overwhelmingly Windows-1252, so it wins a tie.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.02:
            return str(match), False
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return str(best), False
    return (western if best.encoding in _LATIN_LOOKALIKES else str(best)), False
