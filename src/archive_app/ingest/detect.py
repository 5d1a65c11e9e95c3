"""Decide a file's format from its content as well as its name, unwrapping gzip."""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from archive_app.core.errors import ReadError
from archive_app.ingest.decode import sniff_binary

# Far beyond any real article export; stops a gzip bomb from filling memory.
MAX_UNPACKED = 2 * 1024**3
_LATER = {
    ".html": "saved web pages", ".htm": "saved web pages", ".xml": "wire-service XML",
    ".warc": "web archives", ".arc": "web archives", ".zip": "zip files",
    ".nitf": "wire-service XML",
}

# How a Reuters-21578 file opens (the .sgm name may have been lost in a download).
_REUTERS_HEAD = (b"<!DOCTYPE lewis", b"<REUTERS")


@dataclass(frozen=True, slots=True)
class Detected:
    """A readable payload and its format: text, csv, jsonl, json or reuters-sgml."""

    format: str
    payload: bytes
    gzipped: bool = False


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, refusing truncated or corrupt streams and bombs."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_UNPACKED:
                    raise ReadError("gzip file unpacks to more than 2 GB; refused as a bomb")
    except EOFError as error:
        raise ReadError(
            "truncated gzip file: the compressed data ends before its end marker"
        ) from error
    except (gzip.BadGzipFile, zlib.error) as error:
        raise ReadError(f"corrupt gzip file ({error})") from error
    return out.getvalue()


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
    """The format of a file, from its (inner) extension checked against its content."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    gzipped = data.startswith(b"\x1f\x8b")
    if gzipped:
        data = gunzip(data)
        if suffixes and suffixes[-1] in {".gz", ".gzip"}:
            suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in _LATER:
        raise ReadError(f"{_LATER[ext]} ({ext}) cannot be imported by this version of Arsip yet")
    kind = sniff_binary(data)
    if kind is not None and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("the file is empty" if not data else f"not a text file: it is {kind}")
    if ext in {".sgm", ".sgml"} or data[:512].lstrip().startswith(_REUTERS_HEAD):
        return Detected("reuters-sgml", data, gzipped)
    if ext in {".csv", ".tsv"}:
        return Detected("csv", data, gzipped)
    if ext in {".jsonl", ".ndjson"}:
        return Detected("jsonl", data, gzipped)
    sniffed = _sniff_text_format(data)
    if ext == ".json":
        return Detected(sniffed if sniffed != "text" else "json", data, gzipped)
    if ext in {".txt", ".text", ".md"}:
        return Detected("text", data, gzipped)
    return Detected(sniffed, data, gzipped)
