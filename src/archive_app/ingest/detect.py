"""Decide a file's format from its content as well as its name, unwrapping gzip.

The content decides; the name only breaks ties and catches lies: a ".html" that is really a
picture is refused with a message naming both, rather than imported as either.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from archive_app.domain.errors import ReadError
from archive_app.ingest.bombs import inflation_problem
from archive_app.ingest.decode import sniff_binary

# How a Reuters-21578 file opens (the .sgm name may have been lost in a download).
_REUTERS_HEAD = (b"<!DOCTYPE lewis", b"<REUTERS")
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".tif", ".tiff", ".webp", ".bmp"}
)
TEXT_EXTENSIONS = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".csv",
        ".tsv",
        ".json",
        ".jsonl",
        ".ndjson",
        ".html",
        ".htm",
        ".xhtml",
        ".xml",
        ".nitf",
        ".sgm",
        ".sgml",
        ".warc",
        ".arc",
        ".eml",
    }
)
_HTML_HEAD = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta)",
    re.IGNORECASE | re.DOTALL,
)
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)[\s>/]")
# Legacy wire transmissions framed by control characters: ANPA 1312 opens with SYN SYN SOH,
# IPTC 7901 with SOH; both put the story between STX and ETX. Arsip refuses them by name: each
# agency filled their headers its own way, so a reading would put service codes in titles.
_ANPA_OPEN = (b"\x16\x16\x01", b"\x16\x01")
_FRAMED = re.compile(rb"\x02[^\x03]*\x03", re.DOTALL)
# IPTC ninjs (News in JSON) 1.x-3.x: an identifier, a text field, and a field no ordinary
# table of articles has
_NINJS_ID = re.compile(rb'"(?:uri|guid)"\s*:')
_NINJS_TEXT = re.compile(
    rb'"(?:headline|headlines|body_text|body_html|body_xhtml|bodies|'
    rb'description_text|descriptions)"\s*:'
)
_NINJS_MARK = re.compile(
    rb'"(?:versioncreated|firstcreated|associations|renditions|pubstatus|'
    rb'urgency)"\s*:|ninjs',
    re.IGNORECASE,
)
# An RFC 822 / MIME message: header fields up to the first blank line (an mbox "From " line
# may open it)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]{1,40}):[ \t]?")
_MAIL_FIELDS = frozenset(
    {
        b"date",
        b"subject",
        b"message-id",
        b"mime-version",
        b"received",
        b"return-path",
        b"to",
        b"content-type",
    }
)
EMAIL_EXTENSIONS = frozenset({".eml"})
# "contentset": the content of a NewsML-G2 item without its envelope (IPTC's own listings)
WIRE_ROOTS = frozenset(
    {
        "nitf",
        "newsmessage",
        "newsitem",
        "newsml",
        "packageitem",
        "conceptitem",
        "knowledgeitem",
        "contentset",
    }
)


@dataclass(frozen=True, slots=True)
class Detected:
    """A payload and its format: text, csv, jsonl, json, ninjs, email, reuters-sgml, html,
    wire-xml, warc, zip or photo. A web archive keeps its compression (warcio reads it record
    by record)."""

    format: str
    payload: bytes
    gzipped: bool = False


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, refusing truncated or corrupt streams and bombs.

    The stream is unpacked a megabyte at a time and weighed against the compressed bytes read
    so far, so a bomb is refused after a few megabytes, as zip members are.
    """
    out = io.BytesIO()
    source = io.BytesIO(data)
    try:
        with gzip.GzipFile(fileobj=source) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                problem = inflation_problem("gzip", out.tell(), source.tell())
                if problem is not None:
                    raise ReadError(problem)
    except EOFError as error:
        raise ReadError(
            "truncated gzip file: the compressed data ends before its end marker"
        ) from error
    except (gzip.BadGzipFile, zlib.error) as error:
        raise ReadError(f"corrupt gzip file ({error})") from error
    return out.getvalue()


def _gzip_head(data: bytes, size: int = 4096) -> bytes:
    """The first bytes of a gzip stream (enough to sniff), even when the stream is damaged."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return stream.read(size)
    except (EOFError, OSError, zlib.error):
        return b""


def image_format(data: bytes) -> str | None:
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    # "BM" alone opens many texts ("BMKG memperkirakan…"): a bitmap also has four zero bytes
    # after its size and a header size Pillow knows
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00" and len(data) > 26:
        return "BMP"
    return None


def _is_web_archive(head: bytes) -> bool:
    stripped = head.lstrip()
    return stripped.startswith(b"WARC/") or stripped.startswith(b"filedesc://")


def _xml_root(head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    # skip the declaration, comments, processing instructions and the doctype
    text = re.sub(
        rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", b"", text, flags=re.DOTALL
    )
    match = _XML_ROOT.search(text)
    if match is None:
        return None
    return match.group(1).decode("ascii", "replace").split(":")[-1].lower()


def _framed_wire(data: bytes) -> str | None:
    """ "ANPA 1312" or "IPTC 7901" for a legacy wire transmission, else None."""
    head = data[:65536].lstrip(b" \t\r\n")
    if head.startswith(_ANPA_OPEN) and _FRAMED.search(head):
        return "ANPA 1312"
    if head.startswith(b"\x01") and _FRAMED.search(head):
        return "IPTC 7901"
    return None


def _is_ninjs(data: bytes) -> bool:
    head = data[:65536]
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return False
    return all(p.search(head) for p in (_NINJS_ID, _NINJS_TEXT, _NINJS_MARK))


def _is_email(data: bytes) -> bool:
    """Whether the file opens with a mail header: From and at least two other mail fields."""
    lines = data[:16384].lstrip(b"\r\n").splitlines()
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    names: set[bytes] = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded header line
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group(1).lower())
    # a browser's saved page (MHTML) is a MIME message too, but a page, not a letter
    return (
        b"from" in names
        and len(names & _MAIL_FIELDS) >= 2
        and b"snapshot-content-location" not in names
    )


def _sniff_text_format(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [ln for ln in data[:65536].splitlines() if ln.strip()]
        complete = lines[:-1] if len(lines) > 1 else lines
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in complete):
            return "jsonl"
        return "json"
    return "text"


def detect(name: str, data: bytes) -> Detected:
    """The format of a file, from its content checked against its (inner) extension."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if not data:
        raise ReadError("the file is empty")
    gzipped = data.startswith(b"\x1f\x8b")
    if gzipped and suffixes and suffixes[-1] in {".gz", ".gzip"}:
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if gzipped and (ext in {".warc", ".arc"} or _is_web_archive(_gzip_head(data))):
        # warcio reads compressed archives record by record, so a damaged tail loses only
        # the records after the damage: hand it the compressed bytes
        return Detected("warc", data, True)
    if gzipped:
        data = gunzip(data)
    if not data.strip():
        raise ReadError("the file is empty")
    picture = image_format(data)
    if picture is not None:
        if ext in TEXT_EXTENSIONS:
            raise ReadError(f"the file is named {ext} but it is a {picture} image")
        return Detected("photo", data, gzipped)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return Detected("zip", data, gzipped)
    if _is_web_archive(data[:1024]):
        return Detected("warc", data, gzipped)
    kind = sniff_binary(data)
    if kind is not None and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"not a file Arsip can read: it is {kind}")
    framed = _framed_wire(data)
    if framed is not None:
        raise ReadError(
            f"an {framed} wire file: Arsip does not read this format (ask the "
            "agency for NITF or NewsML, which it does read)"
        )
    head = data[:8192]
    if ext in {".sgm", ".sgml"} or head.lstrip().startswith(_REUTERS_HEAD):
        return Detected("reuters-sgml", data, gzipped)
    if ext in {".csv", ".tsv"}:
        return Detected("csv", data, gzipped)
    if _is_ninjs(data):
        return Detected("ninjs", data, gzipped)
    if ext in {".jsonl", ".ndjson"}:
        return Detected("jsonl", data, gzipped)
    if ext in EMAIL_EXTENSIONS or _is_email(head):
        return Detected("email", data, gzipped)
    if _HTML_HEAD.match(head) or ext in {".html", ".htm", ".xhtml"}:
        return Detected("html", data, gzipped)
    root = _xml_root(head)
    if root in WIRE_ROOTS or ext in {".xml", ".nitf"}:
        if root is None:
            raise ReadError("the file is named .xml but holds no XML")
        if root not in WIRE_ROOTS:
            raise ReadError(
                f"XML with a <{root}> root is not a news format Arsip reads "
                "(NITF, NewsML 1.2 or NewsML-G2)"
            )
        return Detected("wire-xml", data, gzipped)
    sniffed = _sniff_text_format(data)
    if ext == ".json":
        return Detected(sniffed if sniffed != "text" else "json", data, gzipped)
    if ext in {".txt", ".text", ".md"}:
        return Detected("text", data, gzipped)
    return Detected(sniffed, data, gzipped)
