"""What a reader yields for one article before normalisation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class RawPhoto:
    """A photo a source names for an article: caption, credit, where it lives, and its bytes
    when the source carries the file (a saved page's _files folder, a zip, a WARC, a wire item).
    """

    caption: str | None = None
    credit: str | None = None
    photographer: str | None = None
    agency: str | None = None
    source_url: str | None = None
    data: bytes | None = None
    rule: str | None = None
    lead: bool = False
    # where an inline photo stood, so the normaliser can place it after a body paragraph: the
    # page's lines before and after it, nearest first on each side (none for a lead photo)
    follows: tuple[str, ...] = ()
    precedes: tuple[str, ...] = ()


@dataclass(slots=True)
class RawArticle:
    """One article as the source holds it: its text and whatever columns the source has.

    `columns` uses canonical names (title, body, url, site, author, editor, reporter,
    photographer, date, time, updated, language, category); `layout` is "page" when the text is
    a whole page dump whose first lines are the headline, date and photo caption, and "body" when
    the source already separates the fields. `member` says where inside a container (zip path,
    WARC capture URL) the article was found; `extractor` names the library that pulled the text
    out of markup ("trafilatura 2.3.1"); `format` overrides the file's format for this article.
    """

    locator: str
    text: str
    columns: dict[str, str] = field(default_factory=dict)
    layout: str = "body"
    photos: list[RawPhoto] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    member: str | None = None
    extractor: str | None = None
    format: str | None = None
    # an Arsip lossless export record: the article's whole catalogue state, restored as is
    restore: dict[str, Any] | None = None
    # a web archive's revisit record: another capture (columns "url", "captured") of a page
    # whose content was archived before; the importer records it on the article with that URL
    revisit: bool = False


@dataclass(frozen=True, slots=True)
class RawFailure:
    """A record a reader found but could not read, and why."""

    locator: str
    reason: str
    member: str | None = None


@dataclass(frozen=True, slots=True)
class Member:
    """A file inside a container (a zip): its path there, its bytes, and how to fetch the files
    it refers to (a saved page's images in the same zip)."""

    path: str
    data: bytes
    resolve: Callable[[str], bytes | None] | None = None
