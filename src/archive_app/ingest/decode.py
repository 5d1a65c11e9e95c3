"""Turn bytes into text: refuse binary files, honour BOMs, detect legacy encodings."""

from __future__ import annotations

import codecs

import ftfy
import ftfy.badness
from charset_normalizer import from_bytes

from archive_app.core.errors import ReadError

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
_LATIN_LOOKALIKES = frozenset({
    "cp1250", "cp1257", "iso8859_2", "iso8859_4", "iso8859_13", "iso8859_15", "latin_1",
    "cp437", "cp775", "cp850", "cp852", "cp858", "cp860", "cp861", "cp863", "cp865",
    "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp1254", "iso8859_9",
})


def repair_mojibake(text: str) -> str:
    """Undo text that was decoded with the wrong code page upstream ("BeritaÂ â€“ Jakarta").

    Only ftfy's encoding repair runs, and only on text it judges bad: quotes, dashes and
    everything else the source wrote stay verbatim.
    """
    if not text.isascii() and ftfy.badness.is_bad(text):
        return ftfy.fix_encoding(text)
    return text


def decode_text(data: bytes) -> str:
    """Decode a text file; raise ReadError naming the reason when it is not text."""
    return repair_mojibake(_decode(data))


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ReadError("the file is empty")
    kind = sniff_binary(data)
    if kind is not None:
        raise ReadError(f"not a text file: it is {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
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
            return str(match)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return str(best)
    return western if best.encoding in _LATIN_LOOKALIKES else str(best)
