"""Find the dateline that opens an article ("jpnn.com, BALI -") and take it off the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from archive_app.domain.places import place_key, shipped_places
from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.date_tables import MONTHS
from archive_app.ingest.normalise.sites import domain_from_name
from archive_app.ingest.normalise.text import fold, title_case_place


def _letters(upper: bool) -> str:
    """Letters beyond ASCII (Latin, Greek, Cyrillic) of one case, for character classes:
    wires write "Hämeenlinna", "København", "MÜNCHEN". Runs of neighbouring code points are
    written as ranges ("À-Ö"), which keeps the class small: the patterns that hold it compile
    in a quarter of the time the listed letters took, on every import process's start."""
    points = [
        p
        for p in range(0xC0, 0x530)
        if chr(p).isalpha() and (chr(p).isupper() if upper else chr(p).islower())
    ]
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "".join(
        chr(a) if a == b else chr(a) + ("" if b == a + 1 else "-") + chr(b) for a, b in runs
    )


# Contents of character classes: upper-case letters, lower-case letters, both.
_UPC = "A-Z" + _letters(upper=True)
_LOWC = "a-z" + _letters(upper=False)
_LETC = _UPC + _LOWC
_DASH = r"\s*(?:-{1,2}|–|—)\s*"
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2}"
# Words of a place are joined by a space, a hyphen, or a slash ("Frankfurt/Main").
_PLACE_CAPS = rf"(?P<place>[{_UPC}][{_UPC}'.]*(?:[ /-][{_UPC}][{_UPC}'.]*){{0,3}})"
_PLACE_ANY = rf"(?P<place>[{_UPC}][\w'.]*(?:[ /-][{_UPC}][\w'.]*){{0,3}})"
_REGION_WORDS = rf"[{_UPC}][{_LETC}.]{{1,14}}(?: [{_UPC}][{_LETC}.]{{1,14}})?"
# "PORTLAND, Ore.," / "RICHMOND, Va." / "Scarborough, Ontario,": a wire dateline's region
_REGION = rf"(?:,\s*(?P<region>{_REGION_WORDS})\.?,?)?"
# The agency's tag after the place: "(Reuters) -", "(EFE).-", "/TASS/.", "/ritzau/:". A colon or
# a full stop ends only the slashed form: "Presiden Joko Widodo (Jokowi): …" is a sentence.
_TAG_NAME = r"[^\W\d_][\w.&' -]{0,22}?"
_TAGGED = (
    rf"(?:\s*\(\s*(?P<agency>{_TAG_NAME})\s*\)(?:{_DASH}|\s*\.-\s*)"
    rf"|\s*/\s*(?P<slashed>{_TAG_NAME})\s*/(?:{_DASH}|\s*[.:]\s+))"
)
# A dash glued to the next word ("JAKARTA-Gunung") opens text only before a capital letter,
# so "COVID-19" or "KPK-nya" are never taken for datelines.
_OPEN = rf"(?:\s+(?:-{{1,2}}|–|—)\s*|\s*(?:-{{1,2}}|–|—)\s+|(?:-{{1,2}}|–|—)(?=[{_UPC}“\"']))"


def _months() -> str:
    """The month names a dateline's date may use, longest first (as alternatives)."""
    names = {*MONTHS, *rules().dateline_months}
    return "|".join(re.escape(m) for m in sorted(names, key=len, reverse=True))


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Rule id and pattern, most specific first; site names are domains or known aliases."""
    names = sorted(
        {a for s in rules().sites.values() for a in (*s.aliases, s.name or "") if a and " " in a},
        key=len,
        reverse=True,
    )
    site = r"(?P<site>" + "|".join([*(re.escape(n) for n in names), _DOMAIN]) + r")"
    month = _months()
    # "Feb 26", "JUL 11", "January 21.", "21 ene", "29. Juni"
    date = rf"(?P<date>(?i:{month})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?i:{month}))"
    return tuple(
        (rule, re.compile(rx))
        for rule, rx in (
            ("dateline:site-place", r"^" + site + r"\s*,\s*" + _PLACE_ANY + _DASH),
            (
                "dateline:site-place-glued",
                r"^" + site + r"\s*,\s*"
                r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[A-Z])",
            ),
            ("dateline:site-dash-place", r"^" + site + _DASH + _PLACE_CAPS + r"\.\s+(?=\S)"),
            # "Liputan6.com, Jakarta Ramadhan kali ini …": no dash at all; the place's words
            # are settled by the list of places (see _settle_place)
            (
                "dateline:site-place-nodash",
                r"^" + site + r"\s*,\s*"
                r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?=[A-Z][a-z]*\b)",
            ),
            ("dateline:place-site", r"^" + _PLACE_ANY + r"\s*,\s*" + site + _DASH),
            # "Erfurt (dpa) -", "CAPE CANAVERAL, Fla. (EP) —", "København /ritzau/:"
            ("dateline:place-agency", r"^" + _PLACE_ANY + _REGION + _TAGGED),
            # "SALVADOR, Feb 26 -", "NEW YORK, Jan 21 (Reuters) -", "MOSCOW, January 21. /TASS/."
            (
                "dateline:place-date",
                rf"^(?P<place>[{_UPC}][{_LETC}'.]*(?:[ /-][{_UPC}]"
                rf"[{_LETC}'.]*){{0,3}})"
                + _REGION
                + r"\s*[,-]?\s*"
                + date
                + r"\.?,?(?:"
                + _TAGGED
                + "|"
                + _DASH
                + ")",
            ),
            # "WHISTLER, British Columbia —": a place in capitals and its region
            (
                "dateline:place-region",
                r"^" + _PLACE_CAPS + rf",\s*(?P<region>{_REGION_WORDS})" + r"\.?,?" + _DASH,
            ),
            ("dateline:site", r"^" + site + _DASH),
            ("dateline:place-caps", r"^" + _PLACE_CAPS + rf"(?<=[{_UPC}.])" + _OPEN + r"(?=\S)"),
            # print-style "JAKARTA. Harga emas …": a capitalised place closed by a full stop
            (
                "dateline:place-caps-stop",
                rf"^(?P<place>[{_UPC}]{{4,}}(?: [{_UPC}]{{2,}}){{0,2}})"
                rf"\.\s+(?=[{_UPC}])",
            ),
            # "Jakarta - Seorang …", "Hämeenlinna - …": a mixed-case place only before a
            # sentence's capital, so "Pemerintah – dalam hal ini …" stays a sentence
            (
                "dateline:place",
                rf"^(?P<place>[{_UPC}][{_LOWC}]+(?:[ /][{_UPC}][{_LOWC}]+){{0,2}})"
                rf"\s+(?:-{{1,2}}|–|—)\s*(?=[{_UPC}0-9“\"'‘])",
            ),
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


def _capitals(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


def _rejected(rule: str, groups: dict[str, str | None]) -> bool:
    """Matches that read as a dateline but are none."""
    if (
        rule in ("dateline:place-caps", "dateline:place-region")
        and _capitals(groups.get("place") or "") < 3
    ):
        return True  # "AS - " or "RI - " open sentences, not datelines
    region = groups.get("region") or ""
    # "JAKARTA, Kompas -": a site after the place is no region
    return bool(region) and region.strip(" .,").lower() in rules().alias_map()


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
        rest = paragraph[match.end() :]
        if (not rest.strip() and not allow_empty) or _rejected(rule, groups):
            continue
        if rule == "dateline:site-place-nodash":
            settled = _settle_place(paragraph, match.start("place"), groups["place"] or "")
            if settled is None:
                continue
            groups["place"], end = settled
            rest = paragraph[end:]
        else:
            end = match.end()
        agency = groups.get("agency") or groups.get("slashed")
        return Dateline(
            place=_place(groups),
            site=site,
            agency=(agency or "").strip() or None,
            rest=rest,
            rule=rule,
            prefix=paragraph[:end],
        )
    return None


# Capitalised words in a row ("Tanjung Redeb Polisi"), up to the first word that is not
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _settle_place(paragraph: str, start: int, words: str) -> tuple[str, int] | None:
    """A dash-less dateline's place and where the text then starts: the longest run of its
    capitalised words that names a known place ("Jakarta Selatan Polisi menangkap …"), else
    all the capitalised words but the last, which is taken for the sentence's subject
    ("Tanjung Redeb Polisi menangkap …"). None when no sentence follows."""
    parts = words.split(" ")
    known = shipped_places()
    size = next((n for n in range(len(parts), 0, -1) if place_key(" ".join(parts[:n])) in known), 0)
    if not size:
        capitalised = _CAPITALISED_RUN.match(paragraph, start)
        run = capitalised.group(0).split() if capitalised else parts
        size = max(1, min(len(parts), len(run) - 1))
    place = " ".join(parts[:size])
    end = start + len(place)
    rest = paragraph[end:]
    if not rest.startswith(" ") or not rest[1:2].isupper():
        return None
    return place, end + 1


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


@cache
def _column_parts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An agency's tag, and a date, inside a dateline field."""
    month = _months()
    tag = re.compile(r"\s*(?:\(\s*([^()\d]{2,24}?)\s*\)|/\s*([^/\d]{2,22}?)\s*/)\s*")
    date = re.compile(
        rf",?\s*(?:(?:{month})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{month}))\b\.?", re.IGNORECASE
    )
    return tag, date


# How many words a dateline field's place may have ("CAPE CANAVERAL, Fla").
_FIELD_WORDS = 6


def read_dateline_field(value: str) -> Dateline | None:
    """The place (and agency) a source's own dateline field names: "Erfurt (dpa) -",
    "CAPE CANAVERAL, Fla", "BEIJING, July 23", "Hämeenlinna"; None when it names no place
    ("January 21": a date only)."""
    text = fold(value)
    tag, date = _column_parts()
    agency = None
    if (found := tag.search(text)) is not None:
        agency = (found.group(1) or found.group(2)).strip()
        text = f"{text[: found.start()]} {text[found.end() :]}"
    text = date.sub("", text).strip(" ,.:;-–—")
    words = text.split()
    if (
        not text
        or not text[0].isupper()
        or any(ch.isdigit() for ch in text)
        or len(words) > _FIELD_WORDS
    ):
        return None
    place, _comma, region = text.partition(",")
    named = _place({"place": place, "region": region.strip(" ,") or None})
    return Dateline(named, None, agency, "", "dateline:column", value)
