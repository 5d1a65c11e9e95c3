"""Catalogue columns from a page's markup: title, URL, dates, authors, language, keywords."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

from archive_app.ingest.html import jsonld
from archive_app.ingest.html.bylines import Byline, byline_people, site_account, site_keys
from archive_app.ingest.html.meta import MetaTags
from archive_app.ingest.html.title import page_title
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.text import fold

log = logging.getLogger(__name__)

_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "content_publisheddate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "og:pubdate",
)
_MODIFIED = (
    "article:modified_time",
    "og:updated_time",
    "article:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "lastmod",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "byl",
    "sailthru.author",
    "content_author",
    "cxenseparse:author",
    "twitter:creator",
)
_KEYWORD_META = ("news_keywords", "keywords", "article:tag", "parsely-tags", "content_tag")
_BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
    ' or contains(@class, "author-name") or contains(@class, "author__name")'
    ' or contains(@class, "penulis")]'
)
# Old ISO 639 codes that pages still declare ("In-Id" on Indonesian sites).
_OLD_LANGUAGE = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}
_BY = re.compile(r"^\s*(?:by|oleh|von|par|por|di)\s+", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class PageMetadata:
    """What the page's markup says about the article."""

    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    # every language the markup declares, first first (lang attribute, content-language,
    # og:locale): the normaliser checks them against the text
    languages: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    og_type: str | None = None
    description: str | None = None
    # a wire or outlet the byline names beside the people ("Sandee LaMotte, CNN" on MSN)
    agency: str | None = None
    # every name the byline showed, people and outlets, to know it again in the text
    byline: list[str] = field(default_factory=list)
    # people credited with another role ("Editing by …"): role -> names
    roles: dict[str, list[str]] = field(default_factory=dict)

    def columns(self) -> dict[str, str]:
        """The reader's columns: canonical names, only the fields that were found."""
        found = {
            "title": self.title,
            "url": self.url,
            "date": self.published,
            "updated": self.modified,
            "language": ", ".join(self.languages) or self.language,
            "author": ", ".join(self.authors) if self.authors else None,
            "agency": self.agency,
        }
        found.update((role, ", ".join(names)) for role, names in self.roles.items())
        return {k: v for k, v in found.items() if v}


def _absolute(url: str | None) -> str | None:
    """An http(s) address, or None for anything else."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def page_url(meta: MetaTags, article: dict[str, Any] | None, saved_from: str | None) -> str | None:
    """The canonical address: <link rel=canonical>, og:url, JSON-LD, or the "saved from" note."""
    candidates = [meta.links.get("canonical"), meta.first("og:url", "twitter:url")]
    if article is not None:
        candidates += [
            jsonld.text_of(article.get("url")),
            jsonld.text_of(article.get("mainEntityOfPage")),
        ]
    candidates.append(saved_from)
    return next((u for u in map(_absolute, candidates) if u), None)


def _iso(value: str | None) -> str | None:
    """A date value as the page gives it, when it reads as a date at all."""
    if not value:
        return None
    value = value.strip()
    return value if _ISO_DAY.match(value) or re.search(r"\d{4}", value) else None


def _time_element(tree: HtmlElement) -> str | None:
    """A <time datetime> marked as the publication time."""
    for node in tree.xpath(
        '//time[@datetime][@itemprop="datePublished" or @pubdate or contains(@class, "publish")]'
    ):
        if _ISO_DAY.match(node.get("datetime", "").strip()):
            return str(node.get("datetime")).strip()
    return None


def _dates(
    tree: HtmlElement, meta: MetaTags, article: dict[str, Any] | None, url: str | None
) -> tuple[str | None, str | None]:
    """Published and modified: JSON-LD, then meta tags and <time>, then htmldate for the day."""
    published = modified = None
    if article is not None:
        published = _iso(
            jsonld.text_of(article.get("datePublished"))
            or jsonld.text_of(article.get("dateCreated"))
        )
        modified = _iso(jsonld.text_of(article.get("dateModified")))
    published = published or _iso(meta.first(*_PUBLISHED)) or _time_element(tree)
    modified = modified or _iso(meta.first(*_MODIFIED))
    if published is None:
        try:
            # htmldate reads URLs, visible dates and markup; a day without a time
            published = find_date(tree, url=url, original_date=True, extensive_search=False)
        except (ValueError, TypeError) as error:  # htmldate's own parsing failures
            log.debug("htmldate found no date: %s", error)
    return published, modified


def _person_names(value: Any) -> tuple[list[str], list[str]]:
    """Author names from a JSON-LD author value: persons, and organisations apart (the site,
    or an agency whose story it carries)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    organisations: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = jsonld.text_of(item.get("name"))
            organisation = jsonld.is_type(
                item, "Organization", "NewsMediaOrganization"
            ) and not jsonld.is_type(item, "Person")  # ["Person", "Organization"]: a person
            if organisation or site_account(jsonld.text_of(item.get("url") or item.get("@id"))):
                organisations.extend([name] if name else [])
                continue
        else:
            name = jsonld.text_of(item)
        if name:
            names.extend(split_names(name))
    return names, organisations


def split_names(text: str) -> list[str]:
    """ "By A and B" -> ["A", "B"]; links and handles are not names."""
    text = _BY.sub("", fold(text))
    if not text or "://" in text or text.startswith("@"):
        return []
    parts = re.split(r"\s*(?:,|;|\||\s&\s|\band\b|\bdan\b|\bund\b|\bet\b)\s*", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _meta_names(meta: MetaTags) -> list[str]:
    """Names in author meta tags; a bare handle ("CWoodJournalist") is not one."""
    names: list[str] = []
    for key in _AUTHOR_META:
        for value in meta.all(key):
            if key != "twitter:creator" or " " in value.strip():
                names.extend(split_names(value))
    return names


def _authors(
    tree: HtmlElement, meta: MetaTags, article: dict[str, Any] | None, sites: list[str]
) -> Byline:
    """JSON-LD persons, else author meta tags, else a byline element's names: people only,
    with the agency named beside them."""
    found = Byline()
    if article is not None:
        names, organisations = _person_names(article.get("author"))
        found = byline_people(names, sites)
        others = byline_people(organisations, sites)
        found.agency, found.seen = found.agency or others.agency, found.seen + others.seen
        # the organisation or site account credited here is no person in the boxes below
        sites = site_keys([*sites, *organisations], None)
    # a byline that is an agency alone ("Reuters") names nobody: the boxes below it would
    # give a dateline or another story's byline instead
    if not found.people and not found.agency:
        more = byline_people(_meta_names(meta), sites)
        found = Byline(
            [n for n in more.people if looks_like_name(n)],
            found.agency or more.agency,
            found.seen + more.seen,
        )
    if not found.people and not found.agency:
        for node in tree.xpath(_BYLINE_XPATH)[:3]:
            text = fold(node.text_content())
            if 0 < len(text) <= 80:
                more = byline_people(split_names(text), sites)
                found.people.extend(n for n in more.people if looks_like_name(n))
                found.agency = found.agency or more.agency
                found.seen.extend(more.seen)
            if found.people or found.agency:
                break
    found.people = list(dict.fromkeys(found.people))
    return found


def _languages(tree: HtmlElement, meta: MetaTags) -> list[str]:
    """Every language the page declares as a two-letter code, in order of trust: the html
    lang attribute, then content-language and the like, then og:locale (often a template's
    default, so it never hides the others)."""
    candidates = [
        tree.get("lang"),
        tree.get("xml:lang"),
        *meta.all("language", "content-language", "dc.language"),
        *meta.all("og:locale"),
    ]
    codes: list[str] = []
    for value in candidates:
        for part in (value or "").split(","):
            primary = re.split(r"[-_]", part.strip().lower())[0]
            primary = _OLD_LANGUAGE.get(primary, primary)
            if re.fullmatch(r"[a-z]{2}", primary) and primary not in codes:
                codes.append(primary)
    return codes


def _keywords(meta: MetaTags, article: dict[str, Any] | None) -> list[str]:
    """Meta keywords and JSON-LD keywords, each once."""
    values = meta.all(*_KEYWORD_META)
    if article is not None:
        found = article.get("keywords")
        if isinstance(found, list):
            values.extend(str(k) for k in found if isinstance(k, str))
        elif isinstance(found, str):
            values.append(found)
    words = [fold(w) for v in values for w in re.split(r"[,;]", v)]
    return list(dict.fromkeys(w for w in words if w and len(w) <= 80))


def read_metadata(
    tree: HtmlElement, meta: MetaTags, objects: list[dict[str, Any]], saved_from: str | None
) -> PageMetadata:
    """Everything the markup says about the article, best source first for each field."""
    found = jsonld.articles(objects)
    article = found[0] if found else None
    url = page_url(meta, article, saved_from)
    published, modified = _dates(tree, meta, article, url)
    site_name = meta.first("og:site_name", "application-name")
    publishers = [jsonld.text_of(a.get("publisher")) for a in found[:1]]
    byline = _authors(tree, meta, article, site_keys([site_name, *publishers], url))
    languages = _languages(tree, meta)
    return PageMetadata(
        title=page_title(tree, meta, article, site_name),
        url=url,
        site_name=site_name,
        published=published,
        modified=modified,
        authors=byline.people,
        agency=byline.agency,
        byline=byline.seen,
        language=languages[0] if languages else None,
        languages=languages,
        keywords=_keywords(meta, article),
        og_type=(meta.first("og:type") or "").lower() or None,
        description=meta.first("og:description", "description"),
    )
