"""What a reader yields for one article before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive_app.core.model import Photo


@dataclass(slots=True)
class RawArticle:
    """One article as the source holds it: its text and whatever columns the source has.

    `columns` uses canonical names (title, body, url, site, author, date, time, language,
    category); `layout` is "page" when the text is a whole page dump whose first lines are the
    headline, date and photo caption, and "body" when the source already separates the fields.
    """

    locator: str
    text: str
    columns: dict[str, str] = field(default_factory=dict)
    layout: str = "body"
    photos: list[Photo] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RawFailure:
    """A record a reader found but could not read, and why."""

    locator: str
    reason: str
