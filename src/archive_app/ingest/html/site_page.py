"""Tell an article from the site's own pages (home, privacy, contact, login, forum, category,
redirect) by what the page says of itself: schema.org type, og:type, address, title, forms."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from archive_app.ingest.html import jsonld
from archive_app.ingest.html.meta import MetaTags
from archive_app.ingest.html.page_rules import page_rules
from archive_app.ingest.normalise.text import fold

# A page's <title> names the site after a separator: "Privacy Policy | The Daily".
_TITLE_PARTS = re.compile(r"\s+[|–—:·•»-]\s+|\s*[|·•»]\s*")
_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)
_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*(?:url\s*=\s*)?['\"]?(?P<url>[^'\"\s]+)", re.IGNORECASE)
_PUBLISHED_META = ("article:published_time", "datepublished", "og:article:published_time")


def _is_article(meta: MetaTags, objects: list[dict[str, Any]]) -> bool:
    """The page calls itself an article: a schema.org article type or a publication time."""
    return bool(jsonld.articles(objects)) or meta.first(*_PUBLISHED_META) is not None


def _schema_kind(objects: list[dict[str, Any]]) -> str | None:
    """The kind of page a schema.org type names (ContactPage, CollectionPage …)."""
    kinds = page_rules().site_pages.schema_types
    for obj in objects:
        types = obj.get("@type")
        for name in types if isinstance(types, list) else [types]:
            kind = kinds.get(str(name).lower().rsplit("/", 1)[-1]) if name else None
            if kind is not None:
                return f"{kind} (its schema.org type is {name})"
    return None


def _segments(url: str | None) -> list[str]:
    """The address's path, in parts, lower-cased, without a file extension on the last."""
    if not url:
        return []
    parts = [unquote(p).lower() for p in urlsplit(url).path.split("/") if p]
    if parts:
        parts[-1] = _EXTENSION.sub("", parts[-1])
    return parts


def _address_kind(url: str | None, og_article: bool) -> str | None:
    """The kind of page the address names: its last part (/privacy-policy), a list part and
    a short name after it (/category/politics), or the site's root."""
    if not url:
        return None
    rules = page_rules().site_pages
    parts = urlsplit(url)
    segments = _segments(url)
    if segments and segments[-1] in rules.paths:
        return f"{rules.paths[segments[-1]]} ({url})"
    if og_article:
        return None  # a page calling itself an article is one unless it names itself above
    query = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if parts.path in rules.home_paths and not query & rules.story_keys:
        if query & rules.list_keys:
            return f"a list or search page ({url})"
        return f"the site's home page ({url})"
    for index, segment in enumerate(segments):
        rest = segments[index + 1 :]
        if (
            segment in rules.list_paths
            and len(rest) <= 2
            and all(len(re.split(r"[-_+]", part)) <= rules.max_list_words for part in rest)
        ):
            return f"{rules.list_paths[segment]} ({url})"
    return None


def _title_kind(tree: HtmlElement) -> str | None:
    """The kind of page its <title> names ("Privacy Policy | The Daily")."""
    title = tree.find(".//title")
    if title is None:
        return None
    text = fold(title.text_content()).lower()
    titles = page_rules().site_pages.titles
    for part in [text, *_TITLE_PARTS.split(text)]:
        kind = titles.get(part.strip(" .!"))
        if kind is not None:
            return f"{kind} (its title is {fold(title.text_content())!r})"
    return None


def _refresh_target(meta: MetaTags, base: str | None) -> str | None:
    """Where a <meta http-equiv="refresh"> sends the reader, if it does."""
    value = meta.first("refresh")
    match = _REFRESH.match(value) if value else None
    if match is None:
        return None
    return urljoin(base, match["url"]) if base else match["url"]


def _forum_software(meta: MetaTags) -> str | None:
    """The forum software named by <meta name="generator">."""
    generator = meta.first("generator")
    if not generator:
        return None
    first = generator.strip().split()[0].lower() if generator.strip() else ""
    return generator.strip() if first in page_rules().site_pages.forum_generators else None


def site_page(
    tree: HtmlElement,
    meta: MetaTags,
    objects: list[dict[str, Any]],
    url: str | None,
    body: list[str],
) -> str | None:
    """Why the page is not an article (the site's own page, a redirect), or None for an
    article. Only the page's own signals count; a page that calls itself an article (a
    schema.org article type, a publication time) always is one."""
    if _is_article(meta, objects):
        return None
    words = sum(len(line.split()) for line in body)
    short = words < page_rules().site_pages.short_words
    target = _refresh_target(meta, url)
    if target is not None and short:
        return f"the page only sends the reader on to {target}"
    kind = _schema_kind(objects)
    if kind is not None:
        return kind
    if short and tree.xpath(
        'boolean(//input[translate(@type, "PASWORD", "pasword") = "password"])'
    ):
        return "a login page (it asks for a password)"
    software = _forum_software(meta)
    if software is not None:
        return f"a forum page (made with {software})"
    og_article = (meta.first("og:type") or "").lower().startswith("article")
    return _address_kind(url, og_article) or _title_kind(tree)
