"""CSL-JSON, the citation data Zotero, Pandoc and every CSL processor read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import record_fields as fields
from archive_app.exports.keys import citation_key

_NUMBER_LIST = re.compile(r"\[\s*((?:-?\d+,\s*)*-?\d+)\s*\]")


def csl_name(name: str) -> dict[str, str]:
    parts = fields.split_name(name)
    return (
        {"family": parts.family, "given": parts.given} if parts.given else {"family": parts.family}
    )


def csl_item(detail: ArticleDetail) -> dict[str, Any]:
    """One article as a CSL item of type "article-newspaper" ("graphic" for a photo record).

    People by role: an author or a reporter is an `author` (the reporter wrote the story);
    an `editor` stays an editor; a photographer or other contributor is a `contributor`, the
    CSL 1.0.2 name variable for people who helped make a work without writing it, except in
    a photo record, whose photographer made the work and is its `author`.

    Dates: `issued` holds the date parts as the publication printed them (never moved to
    UTC, so a story from 01:00 WIB keeps its day). CSL dates stop at the day, and `raw` would
    be re-parsed instead of the parts by Zotero, so the full timestamp with its zone is kept
    in `custom` (CSL 1.0.2's place for data it has no variable for). `accessed` is when the text
    was taken from the web: a web archive's capture time, else the day Arsip imported it. Not
    today: an offline archive never visits the URL again, and the date stays the same on
    every export.
    """
    record = detail.record
    kind = "graphic" if fields.is_photo(detail) else "article-newspaper"
    item: dict[str, Any] = {"id": citation_key(detail), "type": kind, "title": record.title}
    roles = {
        "author": fields.creators(detail),
        "editor": fields.names(record, "editor"),
        "contributor": fields.contributors(detail),
    }
    for variable, people in roles.items():
        if people:
            item[variable] = [csl_name(name) for name in people]
    publication = fields.publication(record)
    if publication:
        item["container-title"] = publication
    issued = fields.published(record)
    if issued:
        item["issued"] = {"date-parts": [issued.parts]}
    if record.url:
        item["URL"] = record.url
    seen = fields.accessed(detail)
    if seen:
        item["accessed"] = {"date-parts": [seen.parts]}
    if record.language:
        item["language"] = record.language
    summary = fields.abstract(record)
    if summary:
        item["abstract"] = summary
    subjects = fields.subjects(detail)
    if subjects:
        item["keyword"] = ", ".join(subjects)
    item["source"] = "Arsip"
    custom: dict[str, Any] = {"arsip-id": detail.id}
    if issued and issued.time:
        custom["published"] = issued.text
    if record.dateline_place:
        custom["dateline"] = record.dateline_place
    item["custom"] = custom
    return item


def _compact_numbers(text: str) -> str:
    """[2024, 5, 17] on one line instead of five."""
    return _NUMBER_LIST.sub(lambda m: "[" + re.sub(r",\s*", ", ", m.group(1)) + "]", text)


def write_csl_json(stream: TextSink, details: Iterable[ArticleDetail]) -> int:
    """A JSON array of CSL items, written one item at a time."""
    count = 0
    stream.write("[")
    for detail in details:
        text = _compact_numbers(json.dumps(csl_item(detail), ensure_ascii=False, indent=2))
        stream.write(("," if count else "") + "\n" + text)
        count += 1
    stream.write("\n]\n")
    return count
