"""One file in, catalogue records out: detect the format, read, normalise; no library needed.

The importer stores what this yields; the evaluation command scores it against gold records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from archive_app.core.errors import ReadError
from archive_app.core.model import CatalogueRecord
from archive_app.ingest.detect import detect
from archive_app.ingest.normalise import normalise
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers.reuters_sgml import read_reuters_sgml
from archive_app.ingest.readers.tables import read_csv, read_json, read_json_lines
from archive_app.ingest.readers.text_dump import read_text_dump

Reader = Callable[[bytes], Iterator[RawArticle | RawFailure]]
READERS: dict[str, Reader] = {
    "text": read_text_dump,
    "csv": read_csv,
    "jsonl": read_json_lines,
    "json": read_json,
    "reuters-sgml": read_reuters_sgml,
}
EXTRACTOR = "arsip-normaliser"


@dataclass(slots=True)
class Extracted:
    """One article read from a file, or the reason it could not be read."""

    locator: str
    record: CatalogueRecord | None = None
    failure: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ExtractedFile:
    """A file's format and the articles in it (a generator: read lazily)."""

    format: str
    items: Iterator[Extracted]


def _normalise_all(reader: Reader, payload: bytes) -> Iterator[Extracted]:
    for raw in reader(payload):
        if isinstance(raw, RawFailure):
            yield Extracted(raw.locator, failure=raw.reason)
            continue
        record = normalise(raw)
        if not record.body:
            yield Extracted(raw.locator, failure="the record has no article text")
            continue
        yield Extracted(raw.locator, record=record, warnings=list(record.warnings))


def extract_file(name: str, data: bytes) -> ExtractedFile:
    """Detect and open a file; ReadError here or while iterating fails the whole file."""
    detected = detect(name, data)
    reader = READERS.get(detected.format)
    if reader is None:  # pragma: no cover - detect() only returns known formats
        raise ReadError(f"no reader for {detected.format}")
    fmt = f"{detected.format}+gzip" if detected.gzipped else detected.format
    return ExtractedFile(fmt, _normalise_all(reader, detected.payload))
