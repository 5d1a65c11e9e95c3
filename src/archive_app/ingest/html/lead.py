"""The page's own picture (og:image, the article's JSON-LD image) and what the metadata
says about it."""

from __future__ import annotations

from typing import Any

from archive_app.ingest.html import jsonld
from archive_app.ingest.html.credits import Split, clean_credit, people_in, split_caption
from archive_app.ingest.html.figures import FoundPhoto
from archive_app.ingest.html.meta import MetaTags


def _image_object(value: Any) -> tuple[str | None, dict[str, Any] | None]:
    """The address of a JSON-LD image value and its ImageObject, when it is one."""
    if isinstance(value, list):
        for item in value:
            url, obj = _image_object(item)
            if url:
                return url, obj
        return None, None
    if isinstance(value, dict):
        return jsonld.text_of(value.get("url") or value.get("contentUrl")), value
    return jsonld.text_of(value), None


def lead_photo(
    meta: MetaTags, article: dict[str, Any] | None, objects: list[dict[str, Any]]
) -> FoundPhoto | None:
    """The page's own picture: og:image or the article's JSON-LD image, with what it says."""
    url = meta.first(
        "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"
    )
    obj = None
    if article is not None:
        ld_url, obj = _image_object(jsonld.resolve(article.get("image"), objects))
        url = url or ld_url
    if not url:
        return None
    caption = credit = None
    if obj is not None:
        caption = jsonld.text_of(obj.get("caption")) or jsonld.text_of(obj.get("description"))
        credit = (
            jsonld.text_of(obj.get("creditText"))
            or jsonld.text_of(obj.get("author"))
            or jsonld.text_of(obj.get("creator"))
            or jsonld.text_of(obj.get("copyrightHolder"))
        )
    caption = caption or meta.first("og:image:alt", "twitter:image:alt")
    split = split_caption(caption)
    if credit and not split.credit:
        clean = clean_credit(credit)
        photographer, agency = people_in(clean)
        split = Split(split.caption, clean, photographer, agency, "photo:jsonld")
    return FoundPhoto([url], split, lead=True)
