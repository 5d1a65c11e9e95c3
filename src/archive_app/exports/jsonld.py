"""schema.org NewsArticle as JSON-LD, photos as ImageObjects with caption and credit."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import Any

from archive_app.domain.model import ArticleDetail, Photo
from archive_app.domain.record_json import TextSink
from archive_app.exports import record_fields as fields


def _people(names: list[str]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": name} for name in names]


def image_object(detail: ArticleDetail, photo: Photo) -> dict[str, Any]:
    """A photo with its caption and credit line; the photographer is its `creator`, the
    archived file its `contentUrl`, relative to the library folder (media/ab/<sha256>.jpg)
    so it resolves against a copy of the library, and the web address it came from its `url`.
    """
    image: dict[str, Any] = {"@type": "ImageObject"}
    if photo.caption:
        image["caption"] = photo.caption
    credit = fields.credit_text(detail.record, photo)
    if credit:
        image["creditText"] = credit
    who = fields.photographer(detail.record, photo)
    if who:
        image["creator"] = {"@type": "Person", "name": who}
    if photo.agency:
        image["sourceOrganization"] = {"@type": "Organization", "name": photo.agency}
    if photo.media_path:
        image["contentUrl"] = photo.media_path
    if photo.media_sha256:
        image["sha256"] = photo.media_sha256
    if photo.source_url:
        image["url"] = photo.source_url
    return image


def news_article(detail: ArticleDetail) -> dict[str, Any]:
    """One article as a NewsArticle node (`@id` "#article-<id>" within the document)."""
    record = detail.record
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"#article-{detail.id}",
        "identifier": f"arsip:{detail.id}",
        "headline": record.title,
    }
    for key, value in (
        ("alternativeHeadline", record.subtitle),
        ("datePublished", record.published),
        ("dateModified", record.updated),
        ("inLanguage", record.language),
        ("url", record.url),
        ("dateline", record.dateline_place),
    ):
        if value:
            node[key] = value
    for key, names in (
        ("author", fields.creators(detail)),
        ("editor", fields.names(record, "editor")),
        ("contributor", fields.contributors(detail)),
    ):
        if names:
            node[key] = _people(names)
    publication = fields.publication(record)
    if publication:
        node["publisher"] = {"@type": "Organization", "name": publication}
    if record.agency:
        node["sourceOrganization"] = {"@type": "Organization", "name": record.agency}
    summary = fields.abstract(record)
    if summary:
        node["description"] = summary
    subjects = fields.subjects(detail)
    if subjects:
        node["keywords"] = subjects
    if record.photos:
        node["image"] = [image_object(detail, photo) for photo in record.photos]
    if record.body:
        node["articleBody"] = "\n\n".join(record.body)
    return node


def write_jsonld(stream: TextSink, details: Iterable[ArticleDetail]) -> int:
    """One JSON-LD document: the schema.org context and a @graph of NewsArticles."""
    stream.write('{\n  "@context": "https://schema.org",\n  "@graph": [')
    count = 0
    for detail in details:
        text = textwrap.indent(
            json.dumps(news_article(detail), ensure_ascii=False, indent=2), "    "
        )
        stream.write(("," if count else "") + "\n" + text)
        count += 1
    stream.write("\n  ]\n}\n")
    return count
