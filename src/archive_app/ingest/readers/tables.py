"""Tabular sources: CSV/TSV and JSON Lines or JSON arrays, gzipped or not."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers.columns import expected_body_names, map_columns
from archive_app.ingest.readers.photo_cells import is_photo_cell, row_photos
from archive_app.ingest.text_lines import decode_lines

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
# Python's JSON parser recurses once per level and stops with RecursionError near 1,000
_TOO_DEEP = "nested too deeply"


_PHOTO_FIELDS = ("image", "photo")
# fields whose column is taken by its name whatever its cells hold; a column that only a
# common name mapped ("media", "source") is a photo column when its cells hold photos
_NAMED_ONLY = frozenset({"title", "body", "url", "caption", "credit", *_PHOTO_FIELDS})


def _photo_column(name: str, field: str, row: dict[str, Any]) -> bool:
    return field in _PHOTO_FIELDS or (field not in _NAMED_ONLY and is_photo_cell(row.get(name)))


def _file_column(mapping: dict[str, str], context: ReadContext | None) -> dict[str, str]:
    """The file's name, for a table that names no site or URL: the normaliser may know the
    site by it ("detik.csv")."""
    if context is None or not context.name or {"site", "url"} & set(mapping.values()):
        return {}
    return {"file": context.name}


def _row_to_raw(
    locator: str, row: dict[str, Any], mapping: dict[str, str], extra: dict[str, str] | None = None
) -> RawArticle:
    columns: dict[str, str] = dict(extra or {})
    # asked once a column: the answer decides both where a cell goes and which cells are photos
    photo_names = [name for name, field in mapping.items() if _photo_column(name, field, row)]
    for name, field in mapping.items():
        value = row.get(name)
        if value is None or name in photo_names:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        columns[field] = str(value)
    body = columns.pop("body", "")
    # photo columns by name, then any other column whose cells hold photos (markup, addresses)
    cells = [row.get(name) for name in photo_names]
    cells += [value for name, value in row.items() if name not in mapping and is_photo_cell(value)]
    photos = row_photos(cells, columns.pop("caption", ""), columns.pop("credit", ""))
    keywords = [k.strip() for k in re.split(r"[,;\n|]", columns.pop("keywords", "")) if k.strip()]
    return RawArticle(locator=locator, text=body, columns=columns, photos=photos, keywords=keywords)


def _require_body(mapping: dict[str, str], names: list[str], kind: str) -> None:
    if "body" not in mapping.values():
        found = ", ".join(names) if names else "none"
        raise ReadError(
            f"{kind} has no article text column (expected one of: {expected_body_names()} …); "
            f"its columns are: {found}"
        )


def read_csv(data: bytes, context: ReadContext | None = None) -> Iterator[RawArticle | RawFailure]:
    """Each data row is an article; locator "row N" counts data rows after the header."""
    text = decode_text(data, context.notes if context else None)
    # The header line decides the delimiter: csv.Sniffer guesses from whole rows and is fooled
    # by article text full of commas and semicolons.
    header = text.split("\n", 1)[0]
    delimiter = max(",\t;|", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = [n for n in (reader.fieldnames or []) if n is not None]
    mapping = map_columns(names, context.columns if context else None)
    _require_body(mapping, names, "the table")
    extra = _file_column(mapping, context)
    try:
        for number, row in enumerate(reader, start=1):
            if None in row:
                yield RawFailure(f"row {number}", "the row has more cells than the header")
                continue
            yield _row_to_raw(f"row {number}", row, mapping, extra)
    except csv.Error as error:
        raise ReadError(f"malformed CSV near data row {reader.line_num}: {error}") from error


def read_json_lines(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """Each non-empty line is one JSON object; locator "line N" is its line number."""
    mapping: dict[str, str] | None = None
    extra: dict[str, str] = {}
    lines = decode_lines(data, context.notes if context else None)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield RawFailure(f"line {number}", f"not valid JSON ({error.msg})")
            continue
        except RecursionError:  # arrays in arrays thousands deep: no article looks like that
            yield RawFailure(f"line {number}", f"not valid JSON ({_TOO_DEEP})")
            continue
        if not isinstance(item, dict):
            yield RawFailure(f"line {number}", "not a JSON object")
            continue
        state = item.get("archive")
        if isinstance(state, dict) and state.get("format") == "arsip-record":
            # a line of Arsip's own lossless export: its catalogue state comes back as it was
            yield RawArticle(
                locator=f"line {number}", text="", format="arsip-export", restore=state
            )
            continue
        if mapping is None:
            names = list(item)
            mapping = map_columns(names, context.columns if context else None)
            _require_body(mapping, names, "the JSON Lines file")
            extra = _file_column(mapping, context)
        yield _row_to_raw(f"line {number}", item, mapping, extra)


def read_json(data: bytes, context: ReadContext | None = None) -> Iterator[RawArticle | RawFailure]:
    """A JSON array of objects (or an object holding one); locator "item N"."""
    text = decode_text(data, context.notes if context else None)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(f"not valid JSON ({error.msg} at line {error.lineno})") from error
    except RecursionError:
        raise ReadError(f"not valid JSON ({_TOO_DEEP})") from None
    if isinstance(document, dict):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else [document]
    if not isinstance(document, list):
        raise ReadError("the JSON holds neither an article nor a list of articles")
    mapping: dict[str, str] | None = None
    extra: dict[str, str] = {}
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            yield RawFailure(f"item {number}", "not a JSON object")
            continue
        if mapping is None:
            mapping = map_columns(list(item), context.columns if context else None)
            _require_body(mapping, list(item), "the JSON file")
            extra = _file_column(mapping, context)
        yield _row_to_raw(f"item {number}", item, mapping, extra)
