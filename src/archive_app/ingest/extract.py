"""One file in, catalogue records out: detect the format, read, normalise; no library needed.

Containers (zip files) are opened here and each member goes through the same path, so a CSV in a
zip is read exactly like a CSV on disk. The importer stores what this yields; the evaluation
command scores it against gold records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path, PurePosixPath
from typing import Any

from archive_app import __version__
from archive_app.domain.errors import ReadError
from archive_app.domain.model import CatalogueRecord
from archive_app.domain.review import ReviewFlag
from archive_app.domain.serial import record_from_dict
from archive_app.ingest.context import ReadContext, folder_resolver
from archive_app.ingest.detect import detect
from archive_app.ingest.normalise.pipeline import normalise
from archive_app.ingest.raw import Member, RawArticle, RawFailure
from archive_app.ingest.readers.zip_archive import read_zip
from archive_app.ingest.sanitise import sanitise

Reader = Callable[[bytes, ReadContext], Iterator[RawArticle | RawFailure]]
Container = Callable[[bytes, ReadContext], Iterator[Member | RawFailure]]
# Each format's reader, as its module and function: a reader's module is imported when a file
# of its format comes, so an import of tables never loads the web page extractor (trafilatura
# and lxml's HTML parser, 0.4 s of every process's start) nor the e-mail package.
READERS: dict[str, tuple[str, str]] = {
    "text": ("text_dump", "read_text_dump"),
    "csv": ("tables", "read_csv"),
    "jsonl": ("tables", "read_json_lines"),
    "json": ("tables", "read_json"),
    "ninjs": ("ninjs", "read_ninjs"),
    "email": ("email_message", "read_email"),
    "reuters-sgml": ("reuters_sgml", "read_reuters_sgml"),
    "html": ("html_page", "read_html"),
    "wire-xml": ("wire_xml", "read_wire_xml"),
    "warc": ("web_archive", "read_web_archive"),
    "photo": ("photo", "read_photo"),
}
CONTAINERS: dict[str, Container] = {"zip": read_zip}
# formats whose records may carry no text: a photo is catalogued by its caption and credits
TEXTLESS_FORMATS = frozenset({"photo"})
EXTRACTOR = f"arsip-normaliser {__version__}"
MAX_DEPTH = 3  # a zip in a zip in a zip, and no deeper


@dataclass(slots=True)
class Extracted:
    """One article read from a file, or the reason it could not be read.

    `photo_data` runs beside `record.photos`: the bytes of each photo the source carried.
    """

    locator: str
    record: CatalogueRecord | None = None
    failure: str | None = None
    warnings: list[str] = field(default_factory=list)
    member: str | None = None
    format: str | None = None
    extractor: str | None = None
    photo_data: list[bytes | None] = field(default_factory=list)
    restore: dict[str, Any] | None = None
    # another capture of an article already archived: `record` holds only its url and capture
    revisit: bool = False


@dataclass(slots=True)
class ExtractedFile:
    """A file's format and the articles in it (a generator: read lazily)."""

    format: str
    items: Iterator[Extracted]


def _normalise_all(
    reader: Reader, payload: bytes, context: ReadContext, fmt: str
) -> Iterator[Extracted]:
    for raw in reader(payload, context):
        member = getattr(raw, "member", None) or context.member
        if isinstance(raw, RawFailure):
            yield Extracted(raw.locator, failure=raw.reason, member=member)
            continue
        if raw.restore is not None:
            yield _restored(raw, member)
            continue
        if raw.revisit:
            seen = sanitise(
                CatalogueRecord(url=raw.columns.get("url"), captured=raw.columns.get("captured"))
            )
            yield Extracted(
                raw.locator,
                record=seen,
                member=member,
                format=raw.format or fmt,
                extractor=raw.extractor or EXTRACTOR,
                revisit=True,
            )
            continue
        # whatever the reader and the rules left, no stored string keeps a control character
        record = sanitise(normalise(raw))
        if context.notes and _replaced_in(raw):
            record = replace(
                record,
                review=[*record.review, *(ReviewFlag("encoding", n) for n in context.notes)],
                warnings=[*record.warnings, *context.notes],
            )
        item_format = raw.format or fmt
        if not record.body and item_format not in TEXTLESS_FORMATS:
            yield Extracted(raw.locator, failure="the record has no article text", member=member)
            continue
        data = [p.data for p in raw.photos]
        data += [None] * (len(record.photos) - len(data))
        yield Extracted(
            raw.locator,
            record=record,
            warnings=list(record.warnings),
            member=member,
            format=item_format,
            extractor=raw.extractor or EXTRACTOR,
            photo_data=data,
        )


def _replaced_in(raw: RawArticle) -> bool:
    """Whether the article holds a character decoding had to put in for a bad byte."""
    return (
        "\ufffd" in raw.text
        or any("\ufffd" in v for v in raw.columns.values())
        or any("\ufffd" in (p.caption or "") + (p.credit or "") for p in raw.photos)
    )


def _restored(raw: RawArticle, member: str | None) -> Extracted:
    """A record of Arsip's own lossless export: no normalising, the state comes back as is."""
    state = raw.restore or {}
    try:
        record = sanitise(record_from_dict(state["record"]))
    except (KeyError, TypeError) as error:
        return Extracted(
            raw.locator,
            failure=f"an Arsip export record without its catalogue state ({error})",
            member=member,
        )
    return Extracted(
        raw.locator,
        record=record,
        member=member,
        format="arsip-export",
        extractor=EXTRACTOR,
        photo_data=[None] * len(record.photos),
        restore=state,
    )


def _join(outer: str | None, inner: str) -> str:
    return f"{outer}/{inner}" if outer else inner


def _members(
    container: Container, payload: bytes, context: ReadContext, depth: int
) -> Iterator[Extracted]:
    for found in container(payload, context):
        if isinstance(found, RawFailure):
            yield Extracted(
                found.locator,
                failure=found.reason,
                member=_join(context.member, found.member or ""),
            )
            continue
        path = _join(context.member, found.path)
        inner_context = ReadContext(
            name=PurePosixPath(found.path).name,
            path=None,
            member=path,
            resolve=found.resolve or context.resolve,
            columns=context.columns,
        )
        try:
            inner = _extract(found.path, found.data, inner_context, depth + 1)
            # a member is one unit: all its records, or none of them and its reason
            items = list(inner.items)
        except ReadError as error:
            yield Extracted("file", failure=str(error), member=path)
            continue
        for item in items:
            item.member = item.member or path
            item.format = item.format or inner.format
            yield item


def reader_for(fmt: str) -> Reader | None:
    """The reader of a format (its module imported on first use); None for a format no
    reader reads."""
    spec = READERS.get(fmt)
    if spec is None:
        return None
    module, function = spec
    reader: Reader = getattr(import_module(f"archive_app.ingest.readers.{module}"), function)
    return reader


def _extract(name: str, data: bytes, context: ReadContext, depth: int) -> ExtractedFile:
    if depth > MAX_DEPTH:
        raise ReadError(f"containers nested more than {MAX_DEPTH} deep")
    detected = detect(name, data)
    fmt = f"{detected.format}+gzip" if detected.gzipped else detected.format
    container = CONTAINERS.get(detected.format)
    if container is not None:
        return ExtractedFile(fmt, _members(container, detected.payload, context, depth))
    reader = reader_for(detected.format)
    if reader is None:
        raise ReadError(f"{detected.format} files cannot be imported by this version of Arsip")
    return ExtractedFile(fmt, _normalise_all(reader, detected.payload, context, fmt))


def extract_file(
    name: str, data: bytes, path: Path | None = None, columns: dict[str, str] | None = None
) -> ExtractedFile:
    """Detect and open a file; ReadError here or while iterating fails the whole file.

    `path` (the file on disk) lets a saved page find the images in its _files folder;
    `columns` maps catalogue fields to a table's own column names.
    """
    resolve = folder_resolver(path.parent) if path is not None else ReadContext(name).resolve
    return _extract(name, data, ReadContext(name, path, None, resolve, columns), 0)
