"""Catalogue records as JSON: the JSON Lines export and `show --json` share this form."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol

from archive_app.domain.model import ArticleDetail, Provenance
from archive_app.domain.review import flags_to_json


class TextSink(Protocol):
    def write(self, text: str, /) -> int: ...


def _place(source: Provenance) -> dict[str, Any]:
    return {
        "file": source.file,
        "sha256": source.sha256,
        "member": source.member,
        "locator": source.locator,
        "format": source.format,
        "imported_at": source.imported_at,
        "kind": source.kind,
        "version": source.version,
    }


def article_record(detail: ArticleDetail) -> dict[str, Any]:
    """One article as an export record: every gold field, plus id, url, photos, tags, the
    source of the text shown (the current version) and its provenance: every place the
    article was found (each version's file, and each file, row or capture that repeated it)."""
    record = detail.record
    return {
        "id": detail.id,
        "url": record.url,
        "site": record.site,
        "title": record.title,
        "subtitle": record.subtitle,
        "published": record.published,
        "updated": record.updated,
        "dateline_place": record.dateline_place,
        "people": [{"name": p.name, "role": p.role} for p in record.people],
        "signoff": list(record.signoff),
        "related": [link.title for link in record.related],
        "captions": [{"caption": p.caption, "credit": p.credit} for p in record.photos],
        "photos": [
            {
                "caption": p.caption,
                "credit": p.credit,
                "photographer": p.photographer,
                "agency": p.agency,
                "source_url": p.source_url,
                "media_path": p.media_path,
                "size": p.media_size,
                "paragraph": p.paragraph,
            }
            for p in record.photos
        ],
        "body": list(record.body),
        "language": record.language,
        "source_id": record.source_id,
        "captured": record.captured,
        "agency": record.agency,
        "keywords": list(record.keywords),
        "tags": list(detail.tags),
        "collections": list(detail.collections),
        "note": detail.note,
        "source": None if detail.source is None else _place(detail.source),
        "provenance": [_place(p) for p in detail.provenance],
        "versions": detail.versions,
        "same_story": list(detail.same_story),
        "rules": dict(record.rules),
        # what the importer was unsure of and a librarian has not yet answered
        "review": flags_to_json(record.review),
    }


def write_jsonl(stream: TextSink, details: Iterable[ArticleDetail]) -> int:
    count = 0
    for detail in details:
        stream.write(json.dumps(article_record(detail), ensure_ascii=False) + "\n")
        count += 1
    return count
