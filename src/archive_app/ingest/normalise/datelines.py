"""Find the dateline that opens an article ("jpnn.com, BALI -") and take it off the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from archive_app.ingest.normalise.dates import MONTHS
from archive_app.ingest.normalise.sites import domain_from_name
from archive_app.ingest.normalise.tables import rules
from archive_app.ingest.normalise.text import title_case_place

_DASH = r"\s*(?:-{1,2}|–|—)\s*"
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2}"
_PLACE_CAPS = r"(?P<place>[A-Z][A-Z'.]*(?:[ -][A-Z][A-Z'.]*){0,3})"
_PLACE_ANY = r"(?P<place>[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3})"
# "PORTLAND, Ore.," / "RICHMOND, Va." / "Scarborough, Ontario,": a wire dateline's region
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,14})?)\.?,?)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A dash glued to the next word ("JAKARTA-Gunung") opens text only before a capital letter,
# so "COVID-19" or "KPK-nya" are never taken for datelines.
_OPEN = r"(?:\s+(?:-{1,2}|–|—)\s*|\s*(?:-{1,2}|–|—)\s+|(?:-{1,2}|–|—)(?=[A-Z“\"']))"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Rule id and pattern, most specific first; site names are domains or known aliases."""
    names = sorted({a for s in rules().sites.values() for a in (*s.aliases, s.name or "")
                    if a and " " in a}, key=len, reverse=True)
    site = r"(?P<site>" + "|".join([*(re.escape(n) for n in names), _DOMAIN]) + r")"
    return tuple(
        (rule, re.compile(rx))
        for rule, rx in (
            ("dateline:site-place", r"^" + site + r"\s*,\s*" + _PLACE_ANY + _DASH),
            ("dateline:site-place-glued", r"^" + site + r"\s*,\s*"
             r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[A-Z])"),
            ("dateline:site-dash-place", r"^" + site + _DASH + _PLACE_CAPS + r"\.\s+(?=\S)"),
            ("dateline:place-site", r"^" + _PLACE_ANY + r"\s*,\s*" + site + _DASH),
            ("dateline:place-agency", r"^" + _PLACE_ANY + r"\s*\((?P<agency>[A-Za-z. ]{2,24})\)"
             + _DASH),
            ("dateline:place-date", r"^(?P<place>[A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3})"
             + _REGION + r"\s*[,-]?\s*(?P<date>(?i:" + _MONTH + r")\.?\s+\d{1,2}|\d{1,2}\s+(?i:"
             + _MONTH + r"))\.?,?" + _DASH),
            ("dateline:site", r"^" + site + _DASH),
            ("dateline:place-caps", r"^" + _PLACE_CAPS + r"(?<=[A-Z.])" + _OPEN + r"(?=\S)"),
            # print-style "JAKARTA. Harga emas …": a capitalised place closed by a full stop
            ("dateline:place-caps-stop", r"^(?P<place>[A-Z]{4,}(?: [A-Z]{2,}){0,2})\.\s+(?=[A-Z])"),
            # "Jakarta - Seorang …": a mixed-case place only before a sentence's capital, so
            # "Pemerintah – dalam hal ini …" stays a sentence
            ("dateline:place", r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+(?:-{1,2}|–|—)"
             r"\s*(?=[A-Z0-9“\"'‘])"),
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


def _place(groups: dict[str, str | None]) -> str | None:
    place = groups.get("place")
    if not place:
        return None
    region = groups.get("region")
    named = title_case_place(place)
    return f"{named}, {region.strip()}" if region else named


def split_dateline(paragraph: str, allow_empty: bool = False) -> Dateline | None:
    """The dateline at the start of `paragraph`, or None when it has none (or nothing after
    it, unless `allow_empty`: a scraped text that is a dateline and nothing else)."""
    if not paragraph[:1].isalnum():
        return None
    for rule, pattern in _patterns():
        match = pattern.match(paragraph)
        if match is None:
            continue
        groups = match.groupdict()
        site_name = groups.get("site")
        site = domain_from_name(site_name) if site_name else None
        if site_name and site is None:
            continue  # "Mr.Smith, ..." is not a site
        rest = paragraph[match.end():]
        if not rest.strip() and not allow_empty:
            continue
        if rule == "dateline:place-caps" and len(re.sub(r"[^A-Z]", "", groups["place"] or "")) < 3:
            continue  # "AS - " or "RI - " open sentences, not datelines
        return Dateline(
            place=_place(groups),
            site=site,
            agency=(groups.get("agency") or "").strip() or None,
            rest=rest,
            rule=rule,
            prefix=paragraph[: match.end()],
        )
    return None


def join_split_dateline(units: list[str], index: int) -> tuple[str, int] | None:
    """A dateline a scraper broke over lines ("Jakarta" / "-" / text, or "BOGOR, KOMPAS.com –"
    / text) joined back: (the joined paragraph, how many lines it took), or None."""
    first = units[index]
    if len(first) > 60 or index + 1 >= len(units):
        return None
    following = units[index + 1]
    if following.strip() in {"-", "--", "–", "—"} and index + 2 < len(units):
        joined, used = f"{first} - {units[index + 2]}", 3
    else:
        joined, used = f"{first} {following}", 2
    found = split_dateline(joined)
    if found is None or len(found.prefix.rstrip()) < len(first.rstrip()):
        return None
    return joined, used
