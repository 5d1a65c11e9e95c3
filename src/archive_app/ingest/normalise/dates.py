"""Read publication and update dates in Indonesian and English forms into ISO 8601.

Written by hand because it is the fast path (a few microseconds a string, where dateparser
takes milliseconds) for the forms newsrooms and scrapers print; dateparser (date_fallback.py)
reads what this does not, before a date is given up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import unquote_plus

from archive_app.ingest.normalise.date_tables import DAYS, MONTHS, UPPER_ZONES, ZONES, zone_table

UPDATE_MARKERS = re.compile(
    r"\b(diperbarui|diupdate|update[d]?|pembaruan|terakhir diubah|last updated|modified|"
    r"revised|diubah)\b",
    re.IGNORECASE,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(re.escape(d) for d in DAYS)
_ZONE = (
    r"(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
    + "|".join(sorted(ZONES, key=len, reverse=True))
    + "|(?-i:"
    + "|".join(sorted(UPPER_ZONES, key=len, reverse=True))
    + ")"
    + r"|[+-]\d{2}:?\d{2}"
)
# "7:05", "07.05", "19:05:30", "7:05 p.m.", and "8pm" (minutes left out only before am/pm)
_CLOCK = (
    r"(?:(?:pukul|jam|at|pkl\.?)\s+)?(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d)"
    r"(?:[:.](?P<ss>[0-5]\d)(?:\.\d+)?)?)?(?(mm)|(?=\s*[ap]\.?m))\s*(?P<ampm>[ap]\.?m\.?)?"
)
# the zone may stand in brackets: "07:05 (GMT+7)"
_TIME = _CLOCK + r"(?:\s*(?P<paren>\()?(?P<zone>" + _ZONE + r")(?(paren)\)))?(?![\w:])"
_SEP = r"\s*(?:[,|/–—-]|\s)\s*(?:[,|/–—-]\s*)?"

# Each pattern is a rule id and a regex; the first that matches a string wins.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(rx, re.IGNORECASE))
    for rule, rx in (
        (
            "date:iso",
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{1,2}):(?P<mm>\d{2})"
            r"(?::(?P<ss>\d{2})(?:\.\d+)?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2}"
            r"|(?:" + _ZONE + r")(?![\w:]))?)?(?![\d])",
        ),
        # ISO 8601's basic form: "20180619T055000+0900"
        (
            "date:iso-basic",
            r"\b(?P<y>\d{4})(?P<m>[01]\d)(?P<d>[0-3]\d)"
            r"T(?P<hh>[0-2]\d)(?P<mm>[0-5]\d)(?P<ss>[0-5]\d)?(?:[.,]\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?(?![\d])",
        ),
        # the C library's form (ctime, Java's Date.toString): "Tue Jan 28 15:28:56 CET 2020"
        # (each pattern that opens with a name first looks ahead for its shape: the long
        # alternation of names is then tried at a few places, not at every letter)
        (
            "date:ctime",
            r"\b(?=[a-z]{3,9}\.?\s+\d{1,2}\s+\d{1,2}:\d\d)(?P<mon>" + _MONTH + r")\.?\s+"
            r"(?P<d>\d{1,2})\s+(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?\s+"
            r"(?:(?P<zone>" + _ZONE + r")\s+)?(?P<y>\d{4})\b",
        ),
        (
            "date:day-month-year",
            r"\b(?=\d{1,2}\s*[-\s.]?\s*[a-z])(?P<d>\d{1,2})\s*[-\s.]?\s*(?P<mon>"
            + _MONTH
            + r")\.?[-\s,.]*\s*(?P<y>\d{4})\b"
            r"(?:" + _SEP + _TIME + r")?",
        ),
        (
            "date:month-day-year",
            r"\b(?=[a-z]{3,9}\.?\s+\d)(?P<mon>" + _MONTH + r")\.?\s+(?P<d>\d{1,2})"
            r"(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
            r"(?:" + _SEP + _TIME + r")?",
        ),
        (
            "date:numeric",
            r"(?<![\d/])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])"
            r"(?:" + _SEP + _TIME + r")?",
        ),
        # "2019/01/21 07:05", "2019-1-21": year first, the month always before the day
        (
            "date:year-month-day",
            r"(?<![\d/])(?P<y>(?:19|20)\d{2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
            r"(?![\d/])(?:" + _SEP + _TIME + r")?",
        ),
    )
)
# A time printed before its date: "10:23 WIB, Kamis 19 Juni 2025".
_TIME_BEFORE = re.compile(
    _TIME + r"\s*[,|/–—-]?\s*(?:(?:" + _DAY + r")\.?\s*,?\s*)?$", re.IGNORECASE
)
# A capitalised word right after a time that may be a zone this reader does not list.
_ABBREVIATION = re.compile(r"\s*(?P<paren>\()?(?P<abbr>[A-Z]{3,5})(?(paren)\))(?![\w+-])")
# A string a URL or form encoding kept: "21+January+2019", "21%20January%202019".
_URL_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}|[^\W\d_]\+|\+[^\W\d_]")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: ISO value, the original string, the rule, and whether it is an
    update time ("Diperbarui …") rather than the publication time."""

    value: str
    raw: str
    rule: str
    is_update: bool = False


class DateProblem(ValueError):
    """A string looked like a date but names an impossible one (e.g. 31 February)."""


def _offset(zone: str | None, default: str | None) -> str | None:
    if not zone:
        return default
    if zone.strip() in UPPER_ZONES:
        return UPPER_ZONES[zone.strip()]
    zone = re.sub(r"\s+", "", zone).lower()
    if zone in ZONES:
        return ZONES[zone]
    named = re.fullmatch(r"(?:gmt|utc)([+-])(\d{1,2})(?::?(\d{2}))?", zone)
    if named:
        return f"{named[1]}{int(named[2]):02d}:{named[3] or '00'}"
    if re.fullmatch(r"[+-]\d{4}", zone):
        return f"{zone[:3]}:{zone[3:]}"
    return zone


def _tz(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 70 else 1900) if year < 100 else year


def _build(
    parts: dict[str, str | None], year: int, month: int, day: int, default_offset: str | None
) -> str:
    try:
        day_value = date(year, month, day)
    except ValueError as error:
        raise DateProblem(f"{day:02d}-{month:02d}-{year} is not a real date") from error
    if parts.get("hh") is None:
        return day_value.isoformat()
    hour = int(parts["hh"] or 0)
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    moment = datetime(year, month, day, hour, int(parts["mm"] or 0), int(parts.get("ss") or 0))
    offset = _offset(parts.get("zone"), default_offset)
    if offset is not None:
        moment = moment.replace(tzinfo=_tz(offset))
    return moment.isoformat()


def _value(
    rule: str, parts: dict[str, str | None], default_offset: str | None, day_first: bool
) -> str:
    rule = rule.split("+")[0]
    if rule in ("date:iso", "date:iso-basic", "date:year-month-day"):
        year, month, day = int(parts["y"] or 0), int(parts["m"] or 0), int(parts["d"] or 0)
    elif rule == "date:numeric":
        first, second = int(parts["a"] or 0), int(parts["b"] or 0)
        # a part above 12 can only be the day ("01/21/2019" is month first, whatever the
        # language); otherwise the language's order decides
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
        else:
            day, month = (first, second) if day_first else (second, first)
        year = _year(parts["y"] or "0")
    else:
        year, day = int(parts["y"] or 0), int(parts["d"] or 0)
        month = MONTHS[(parts["mon"] or "").lower()]
    return _build(parts, year, month, day, default_offset)


def parse_dates(
    text: str, *, default_offset: str | None = None, day_first: bool = True
) -> list[ParsedDate]:
    """Every date in `text`, in order; a date after "Diperbarui"/"Updated" is an update time.

    Raises DateProblem when a date names an impossible day (31 February), so that the caller
    can keep the original and warn instead of guessing.
    """
    if not text or not text.strip():
        return []
    decoded = _url_decoded(text)
    if decoded is None:
        return _parse(text, default_offset, day_first)
    found = _parse(decoded, default_offset, day_first)
    return [
        ParsedDate(
            p.value,
            text.strip() if len(found) == 1 else p.raw,
            p.rule + "+url-decoded",
            p.is_update,
        )
        for p in found
    ]


def _url_decoded(text: str) -> str | None:
    """A one-word string that a URL or form encoding kept ("21+January+2019"), decoded;
    None for any other text (an offset's "+07:00" is no encoding)."""
    stripped = text.strip()
    if len(stripped.split()) != 1 or not _URL_ENCODED.search(stripped):
        return None
    return unquote_plus(stripped)


def _parse(text: str, default_offset: str | None, day_first: bool) -> list[ParsedDate]:
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _r, _m in spans):
                spans.append((match.start(), match.end(), rule, match))
    spans.sort(key=lambda span: span[0])
    found: list[ParsedDate] = []
    previous_end = 0
    for start, end, rule, match in spans:
        parts = match.groupdict()
        if parts.get("hh") is None and (before := _TIME_BEFORE.search(text, previous_end, start)):
            # "10:23 WIB, Kamis 19 Juni 2025": the time stands before its date
            parts = {**parts, **before.groupdict()}
            start = before.start()
            rule += "+time-before"
        elif parts.get("hh") is not None and not parts.get("zone"):
            zone = _listed_zone(text, end)
            if zone is not None:
                parts = {**parts, "zone": zone[0]}
                end = zone[1]
                rule += "+zone-table"
        value = _value(rule, parts, default_offset, day_first)
        is_update = bool(UPDATE_MARKERS.search(text, previous_end, start))
        raw = text.strip() if len(spans) == 1 else text[start:end].strip()
        found.append(ParsedDate(value, raw, rule, is_update))
        previous_end = end
    return found


def _listed_zone(text: str, end: int) -> tuple[str, int] | None:
    """A zone abbreviation after a time that this reader does not list ("10:00 NZST") but
    dateparser's zone table does, as an offset, and where it ends; None for a word."""
    found = _ABBREVIATION.match(text, end)
    if found is None:
        return None
    offset = zone_table().get(found["abbr"])
    return (offset, found.end()) if offset is not None else None


def parse_date(
    text: str, *, default_offset: str | None = None, day_first: bool = True
) -> ParsedDate | None:
    """The first date in `text`, or None; raises DateProblem for an impossible date."""
    found = parse_dates(text, default_offset=default_offset, day_first=day_first)
    return found[0] if found else None


def combine_date_time(
    day_text: str, time_text: str, *, default_offset: str | None, day_first: bool = True
) -> list[ParsedDate]:
    """Separate date and time columns read as one moment; the time column wins when the date
    string has none of its own."""
    found = parse_dates(day_text, default_offset=default_offset, day_first=day_first)
    if len(found) != 1 or not time_text.strip() or "T" in found[0].value:
        return found
    joined = f"{day_text.strip()} {time_text.strip()}"
    combined = parse_dates(joined, default_offset=default_offset, day_first=day_first)
    if len(combined) != 1 or "T" not in combined[0].value:
        return found
    parsed = combined[0]
    return [ParsedDate(parsed.value, joined, parsed.rule + "+time-column", found[0].is_update)]


_REST = re.compile(
    r"\b(" + _DAY + r"|" + _ZONE + r"|pukul|jam|published|dipublikasikan|diterbitkan|terbit|"
    r"posted|ditayangkan|tayang)\b",
    re.IGNORECASE,
)


# "Kompas.com - 02/11/2023, 21:34 WIB": a site's name before the date on its page
_SITE_PREFIX = re.compile(r"^\s*[A-Za-z][\w-]*(?:\.[A-Za-z]{2,}){1,2}\s*[-–|,]?\s*")


def is_date_line(line: str) -> bool:
    """A line that is nothing but a date (and a weekday, time, zone, update marker, or the
    site's name before it)."""
    if len(line) > 100:
        return False
    line = _SITE_PREFIX.sub("", line)
    try:
        parsed = parse_date(line)
    except DateProblem:
        return True
    if parsed is None:
        return False
    rest = UPDATE_MARKERS.sub(" ", line)
    for _rule, pattern in PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _REST.sub(" ", rest)
    return not re.sub(r"[\s,|/:()–—.-]+", "", rest)
