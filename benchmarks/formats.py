"""How generated articles write datelines, dates and URLs, and how to read them back exactly."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
ID_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ID_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Each site opens its stories the way the real site does in ../shared/corpus; the generator
# writes one of these and the reader takes it off again, so both sides agree on the place.
_STYLES: dict[str, tuple[str, str]] = {
    "detik.com": ("{place} - ", r"(?P<place>[^\n]+?) - "),
    "kompas.com": ("{PLACE}, KOMPAS.com - ", r"(?P<place>[^\n]+?), KOMPAS\.com - "),
    "republika.co.id": (
        "REPUBLIKA.CO.ID, {PLACE} -- ",
        r"REPUBLIKA\.CO\.ID, (?P<place>[^\n]+?) -- ",
    ),
    "tempo.co": ("TEMPO.CO, {place} - ", r"TEMPO\.CO, (?P<place>[^\n]+?) - "),
}
_DEFAULT_STYLE = ("{brand}, {place} - ", r"[^\s,]+, (?P<place>[^\n]+?) - ")
_WIRE_STYLE = ("{PLACE}, {month} {day} - ", r"(?P<place>[^\n]+?), [A-Z][a-z]{2} \d{1,2} - ")
_ID_DATE = re.compile(r"^\w+, (\d{1,2}) (\w+) (\d{4}) – (\d{2}):(\d{2}) WIB$")


def title_case(place: str) -> str:
    """ "NEW YORK" -> "New York", the form the catalogue shows and the queries use."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in place.split())


def _style(site: str, lang: str) -> tuple[str, str]:
    if lang == "en":
        return _WIRE_STYLE
    return _STYLES.get(site, _DEFAULT_STYLE)


def dateline(site: str, place: str, lang: str, moment: datetime) -> str:
    """The opening "Liputan6.com, Jakarta - " (or the site's own style) of a story."""
    template = _style(site, lang)[0]
    return template.format(
        place=place,
        PLACE=place.upper(),
        brand=site[:1].upper() + site[1:],
        month=EN_MONTHS[moment.month - 1],
        day=moment.day,
    )


def split_dateline(paragraph: str, site: str, lang: str) -> tuple[str, str]:
    """(place, rest of the paragraph) for a paragraph that `dateline` opened."""
    match = re.match(_style(site, lang)[1], paragraph)
    if match is None:
        raise ValueError(f"no generated dateline in {paragraph[:60]!r}")
    return title_case(match.group("place")), paragraph[match.end() :]


def format_date(moment: datetime, indonesian: bool) -> str:
    """ "Jumat, 17 Mei 2024 – 03:50 WIB" or ISO 8601 with the +07:00 offset."""
    if indonesian:
        return (
            f"{ID_WEEKDAYS[moment.weekday()]}, {moment.day} {ID_MONTHS[moment.month - 1]} "
            f"{moment.year} – {moment:%H:%M} WIB"
        )
    return moment.isoformat(timespec="seconds")


def day_number(text: str) -> int:
    """The local (WIB) publication day of a generated date as YYYYMMDD."""
    match = _ID_DATE.match(text)
    if match:
        day, month, year = (
            int(match.group(1)),
            ID_MONTHS.index(match.group(2)) + 1,
            int(match.group(3)),
        )
        return year * 10000 + month * 100 + day
    moment = datetime.fromisoformat(text)
    return moment.year * 10000 + moment.month * 100 + moment.day


def slug(title: str, limit: int = 80) -> str:
    """A URL path segment from a title, as news sites make them."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:limit].strip("-") or "berita"
