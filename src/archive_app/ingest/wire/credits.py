"""Photo captions and credit lines as wire items write them.

A caption often ends with its credit: "(Doug Mills/The New York Times)", "(Photo by Spencer
Platt/Getty Images)", "Foto: Jörg Carstensen/dpa". The credit is taken off the caption, and the
photographer is the name before the first slash when it reads like a person's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_app.ingest.normalise.captions import find_caption, photographer_in
from archive_app.ingest.wire.bylines import read_byline

_LABEL = r"(?:photo|foto|picture|bild|kuva|image|pic)"
_TAILS = (
    # "(Doug Mills/The New York Times)", "(Photo by Spencer Platt/Getty Images)"
    re.compile(
        r"\s*\(\s*(?:" + _LABEL + r"\s*(?:by|:)?\s*)?(?P<credit>[^()]{2,80}/[^()]{1,80}?)"
        r"\s*\)\s*\.?\s*$",
        re.IGNORECASE,
    ),
    # "(Photo: Reuters)", "(Foto: dpa)"
    re.compile(
        r"\s*\(\s*" + _LABEL + r"\s*(?:by|:)\s*(?P<credit>[^()]{2,80}?)\s*\)\s*\.?\s*$",
        re.IGNORECASE,
    ),
    # "… Foto: Jörg Carstensen/dpa", "… Photo: AP"
    re.compile(r"\s+" + _LABEL + r"\s*:\s*(?P<credit>[^:]{2,80}?)\s*\.?\s*$", re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class CreditedCaption:
    """A caption without its credit, the credit, and the photographer it names."""

    caption: str | None
    credit: str | None
    photographer: str | None


def split_credit(caption: str, creditline: str | None = None) -> CreditedCaption:
    """Take the credit off the end of a caption (or the item's credit line, when the caption
    ends with it)."""
    caption = " ".join(caption.split())
    if creditline and caption.endswith(creditline) and len(caption) > len(creditline):
        rest = caption[: -len(creditline)].rstrip()
        rest = re.sub(r"\s*(?:" + _LABEL + r")\s*:?\s*$", "", rest, flags=re.IGNORECASE)
        return CreditedCaption(rest.rstrip(" (") or None, creditline, photographer(creditline))
    for pattern in _TAILS:
        match = pattern.search(caption)
        # "Jumat (17/5/2024)": a date in brackets closes many captions, and names nobody
        if match is not None and re.search(r"[^\W\d_]", match["credit"]):
            credit = match["credit"].strip()
            return CreditedCaption(
                caption[: match.start()].strip() or None, credit, photographer(credit)
            )
    found = find_caption(caption)
    if found is not None:
        return CreditedCaption(found.caption, found.credit, found.photographer)
    return CreditedCaption(caption or None, None, None)


def photographer(credit: str | None) -> str | None:
    """The person a credit names ("Steve Helber/AP/dpa" -> "Steve Helber"), or None."""
    if not credit:
        return None
    person, _agency = photographer_in(credit)
    if person:
        return person
    people = read_byline(credit.split("/", 1)[0]).people
    return people[0] if len(people) == 1 else None


def agency_of(credit: str | None) -> str | None:
    """The agency a "Name/Agency" credit ends with ("Jörg Carstensen/dpa" -> "dpa")."""
    if not credit or "/" not in credit:
        return None
    tail = credit.rsplit("/", 1)[-1].strip()
    return tail or None
