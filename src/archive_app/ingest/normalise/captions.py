"""Photo captions and credits in text ("… Foto: Dok. Honda", "ANTARA FOTO/…", "(Foto: …)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.text import fold

_AGENCY_PREFIX = (
    r"ANTARA FOTO|ANTARA|REUTERS|AP Photo|AP|AFP(?: PHOTO)?|EPA(?:-EFE)?|JIBI|Bisnis|"
    r"Getty Images|XINHUA|Xinhua|ANADOLU|Anadolu"
)
# Words that mark a credit as an organisation or a source, not a photographer.
_NOT_A_PERSON = re.compile(
    r"\b(dok|dokumentasi|istimewa|ist|arsip|antara|reuters|ap|afp|epa|getty|shutterstock|"
    r"humas|foto|photo|net|instagram|twitter|youtube|tiktok|facebook|x|screenshot|tangkapan|"
    r"layar|pemkot|pemprov|pemkab|kementerian|polres|polda|polri|tni|netflix|dokpri|freepik|"
    r"unsplash|pexels|pixabay|ilustrasi|handout|courtesy|file)\b",
    re.IGNORECASE,
)
_FOTO = r"(?:Foto|FOTO|Photo|PHOTO|Fotografer)"
_PATTERNS = tuple(
    (rule, re.compile(rx))
    for rule, rx in (
        # detik repeats the caption after "Foto:": keep the first copy and its "(Name/outlet)"
        ("caption:paren-credit-repeated",
         r"^(?P<caption>.+?)\s*\((?P<credit>[^()]{2,60}/[^()]{2,40})\)\.?\s*" + _FOTO + r"\s*:.*$"),
        ("caption:paren-foto",
         r"^(?P<caption>.*?)\s*\(\s*" + _FOTO + r"\s*:?\s*(?P<credit>[^()]{2,80}?)\s*\)\s*\.?$"),
        ("caption:agency-slash",
         r"^(?P<caption>.*?)[\s(]*(?P<credit>(?:" + _AGENCY_PREFIX + r")\s*/\s*[^()\n]{2,60}?)"
         r"\s*\)?\s*\.?$"),
        ("caption:foto-suffix",
         r"^(?P<caption>.+?)\s+" + _FOTO + r"\s*:?\s+(?P<credit>\S[^:]{1,60}?)\s*\.?$"),
        ("caption:foto-only", r"^" + _FOTO + r"\s*:\s*(?P<credit>\S.{1,80}?)\s*\.?$"),
    )
)


@dataclass(frozen=True, slots=True)
class CaptionCredit:
    """A caption (None for a credit-only line), its credit, and who took the photo if named."""

    caption: str | None
    credit: str
    photographer: str | None
    agency: str | None
    rule: str


def photographer_in(credit: str) -> tuple[str | None, str | None]:
    """(photographer, agency) named by a credit: "ANTARA FOTO/Aprillio Akbar" gives both."""
    parts = [fold(p) for p in credit.split("/") if p.strip()]
    agency = None
    if len(parts) > 1 and re.fullmatch(_AGENCY_PREFIX, parts[0]):
        agency = parts[0]
        parts = parts[1:]
    candidate = parts[0] if parts else ""
    if candidate and looks_like_name(candidate) and not _NOT_A_PERSON.search(candidate):
        return candidate, agency
    return None, agency


def find_caption(line: str) -> CaptionCredit | None:
    """The caption and credit a line carries, or None when it carries no photo credit."""
    text = line.strip()
    for rule, pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        credit = fold(match["credit"]).rstrip(" .")
        if rule == "caption:foto-suffix" and len(credit.split(" ")) > 7:
            continue
        caption = match.groupdict().get("caption")
        caption = fold(caption) if caption and caption.strip() else None
        photographer, agency = photographer_in(credit)
        return CaptionCredit(caption, credit, photographer, agency, rule)
    return None
