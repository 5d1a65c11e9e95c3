"""Find the dateline that opens an article ("jpnn.com, BALI -") and take it off the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_app.ingest.normalise.sites import domain_from_name
from archive_app.ingest.normalise.text import title_case_place

_DASH = r"\s*(?:-{1,2}|–|—)\s*"
_SITE = r"(?P<site>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2})"
_PLACE_CAPS = r"(?P<place>[A-Z][A-Z'.]*(?:[ -][A-Z][A-Z'.]*){0,3})"
_PLACE_ANY = r"(?P<place>[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3})"

# Rule id and pattern, most specific first.
_PATTERNS = tuple(
    (rule, re.compile(rx))
    for rule, rx in (
        ("dateline:site-place", r"^" + _SITE + r"\s*,\s*" + _PLACE_ANY + _DASH),
        ("dateline:site-place-glued", r"^" + _SITE + r"\s*,\s*"
         r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[A-Z][a-z])"),
        ("dateline:place-site", r"^" + _PLACE_ANY + r"\s*,\s*" + _SITE + _DASH),
        ("dateline:place-agency", r"^" + _PLACE_ANY + r"\s*\((?P<agency>[A-Za-z. ]{2,24})\)"
         + _DASH),
        ("dateline:place-date", r"^" + _PLACE_CAPS + r",\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
         + _DASH),
        ("dateline:site", r"^" + _SITE + _DASH),
        ("dateline:place-caps", r"^" + _PLACE_CAPS + r"(?<=[A-Z.])" + _DASH + r"(?=\S)"),
        ("dateline:place", r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+(?:-{1,2}|–|—)\s+"),
    )
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: the place, the site or agency it names, and the text after it."""

    place: str | None
    site: str | None
    agency: str | None
    rest: str
    rule: str
    prefix: str


def split_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of `paragraph`, or None when it has none."""
    for rule, pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if match is None:
            continue
        groups = match.groupdict()
        site_name = groups.get("site")
        site = domain_from_name(site_name) if site_name else None
        if site_name and site is None:
            continue  # "Mr.Smith, ..." is not a site
        place = groups.get("place")
        rest = paragraph[match.end():]
        if not rest.strip():
            continue
        return Dateline(
            place=title_case_place(place) if place else None,
            site=site,
            agency=(groups.get("agency") or "").strip() or None,
            rest=rest,
            rule=rule,
            prefix=paragraph[: match.end()],
        )
    return None
