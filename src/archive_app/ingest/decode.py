"""Turn bytes into text: refuse binary files, honour BOMs, detect legacy encodings."""

from __future__ import annotations

import codecs

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


def sniff_binary(data: bytes) -> str | None:
    """Say what a binary file looks like, or None when it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data"
    return None


def decode_text(data: bytes) -> str:
    """Decode a text file; raise ReadError naming the reason when it is not text."""
    if not data.strip():
        raise ReadError("the file is empty")
    kind = sniff_binary(data)
    if kind is not None:
        raise ReadError(f"not a text file: it is {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data).best()
    # charset-normalizer scores "chaos"; text that only decodes as gibberish is refused rather
    # than stored as mojibake a librarian would have to find and repair by hand.
    if best is None or best.chaos > 0.2:
        raise ReadError(
            f"undecodable text: not UTF-8 (bad byte at offset {utf8_error.start}) "
            "and no other encoding reads it cleanly"
        )
    return str(best)
