"""Whether a picture a page shows is the article's own photo (not a logo, an avatar, a pixel,
a gallery's counter or a control), and whether its credit names the person who took it."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from archive_app.ingest.html.bylines import organisation
from archive_app.ingest.html.page_rules import page_rules
from archive_app.ingest.raw import RawPhoto

# "Image 1 of 23", "1 of 4", "Foto 2 dari 5", "Bild 3 von 12", "Photo 1/5": a gallery's counter
# opening a caption; no part of what the photo shows.
_COUNTER = re.compile(
    r"^\s*(?:(?:image|photo|picture|slide|foto|bild|gambar|imagen|imagem)"
    r"\s*)?\d{1,3}\s*(?:of|von|dari|de|sur|di|/)\s*\d{1,3}\b\s*[:.|–—-]?\s*",
    re.IGNORECASE,
)
# An upload's number in a picture's address (a date, an id): the site's own images have none.
_UPLOAD_NUMBER = re.compile(r"\d{3,}")
_WORDS = re.compile(r"[a-z]+|\d+x\d+")
# A control of a photo viewer ("Caption Close", "Expand") is no caption: a found "photo" with
# no picture, no credit and fewer words than this is one.
_CONTROL_WORDS = 4
# A picture selling a subscription ("Need more space? Subscribe to our sister title …")
_PROMOTION = re.compile(
    r"\b(?:subscribe|subscription|newsletter|sign up for|abonnez-vous|"
    r"abonnieren|langganan)\b",
    re.IGNORECASE,
)
# "Tara Atkinson for Rest of World": the person, and the publication they shot for
_FOR_PUBLICATION = re.compile(r"\s+for\s+.+$")


def furniture_address(url: str | None, described: bool = False) -> bool:
    """Whether a picture's address marks the site's furniture rather than a news photo. A
    picture with a caption or a credit (`described`) is a photo whose page kept a stand-in
    address ("fallback.png" until a script loads it): only an avatar, an icon or a pixel
    makes it furniture."""
    if not url:
        return False
    parts = urlsplit(url)
    words = set(_WORDS.findall(unquote(f"{parts.path} {parts.query}").lower()))
    rules = page_rules().photos
    if words & set(rules.always_furniture):
        return True
    name = unquote(parts.path.rsplit("/", 1)[-1]).lower()
    return (
        not described
        and bool(set(_WORDS.findall(name)) & set(rules.static_furniture))
        and _UPLOAD_NUMBER.search(parts.path) is None
    )


def without_counter(caption: str | None) -> str | None:
    """A caption without the gallery counter that opens it."""
    if not caption:
        return caption
    return _COUNTER.sub("", caption, count=1).strip() or None


def not_a_photo(photo: RawPhoto) -> bool:
    """A photo viewer's control read as a caption block (no picture, no credit, two words),
    or a picture that sells a subscription."""
    control = (
        photo.source_url is None
        and photo.data is None
        and photo.credit is None
        and len((photo.caption or "").split()) < _CONTROL_WORDS
    )
    return control or bool(_PROMOTION.search(f"{photo.caption or ''} {photo.credit or ''}"))


def photographer_or_none(name: str | None, sites: list[str]) -> str | None:
    """The person a credit names, or None for a number, an institution, a team or the site."""
    if not name:
        return None
    name = _FOR_PUBLICATION.sub("", name).strip()
    if any(ch.isdigit() for ch in name):
        return None
    words = {w.lower().strip(".") for w in re.findall(r"[\w.'’-]+", name)}
    if words & page_rules().photos.institutions or organisation(name, sites):
        return None
    return name
