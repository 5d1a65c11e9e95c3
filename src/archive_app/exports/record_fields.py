"""What every export derives from a record: the publication, dates, people by role, names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_app.domain.model import ArticleDetail, CatalogueRecord, Photo
from archive_app.domain.site_rules import rules

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# roles that wrote the piece: a newspaper's reporter is its author in every citation style
WRITER_ROLES = ("author", "reporter")
# lower-case words that belong to the family name ("Ludwig van Beethoven" -> "van Beethoven")
_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "bin",
        "binti",
        "al",
        "el",
        "ibn",
    }
)
_DATE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A catalogue date split into parts; month, day and time only when the source gave them."""

    text: str
    year: int
    month: int | None = None
    day: int | None = None
    time: str | None = None  # "03:50" or "03:50:12", the publication's own clock
    zone: str | None = None  # "+07:00" or "Z"

    @property
    def parts(self) -> list[int]:
        return [p for p in (self.year, self.month, self.day) if p is not None]

    @property
    def day_iso(self) -> str:
        """2024-05-17, 2024-05 or 2024."""
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(self.parts))

    def long(self) -> str:
        """May 17, 2024 (Chicago) — as far as the parts go."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{month} {self.day}, {self.year}" if self.day else f"{month} {self.year}"

    def apa(self) -> str:
        """2024, May 17 (APA's order)."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.year}, {month} {self.day}" if self.day else f"{self.year}, {month}"


def parse_date(text: str | None) -> DateValue | None:
    """Split an ISO date as the catalogue stores it; None for anything else."""
    match = _DATE.match(text.strip()) if text else None
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        return None
    clock = f"{hour}:{minute}" + (f":{second}" if second else "") if hour else None
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return DateValue(
        match.group(0),
        int(year),
        int(month) if month else None,
        int(day) if day else None,
        clock,
        zone,
    )


def published(record: CatalogueRecord) -> DateValue | None:
    return parse_date(record.published)


def accessed(detail: ArticleDetail) -> DateValue | None:
    """When the text was taken from the web: a web archive's capture time when there is one,
    else the day Arsip imported it (see csl_json for why not today)."""
    captured = parse_date(detail.record.captured)
    if captured is not None:
        return captured
    source = detail.source or (detail.provenance[0] if detail.provenance else None)
    return parse_date(source.imported_at if source else detail.created_at)


def publication(record: CatalogueRecord) -> str | None:
    """The publication's name: the site table's name for a known site, else its domain."""
    site = (record.site or "").strip()
    if not site:
        return None
    table = rules()
    domain = site.lower()
    while True:
        known = table.site(domain)
        if known is not None and known.name:
            return known.name
        if domain.count(".") < 2:  # try "news.example.co.id" as "example.co.id" and so on
            return site
        domain = domain.split(".", 1)[1]


def names(record: CatalogueRecord, *roles: str) -> list[str]:
    """People credited in any of `roles`, in record order, each name once."""
    seen: dict[str, str] = {}
    for person in record.people:
        if person.role in roles and person.name.strip():
            seen.setdefault(person.name.strip().casefold(), person.name.strip())
    return list(seen.values())


def writers(record: CatalogueRecord) -> list[str]:
    return names(record, *WRITER_ROLES)


def is_photo(detail: ArticleDetail) -> bool:
    """A record made from a photo file alone (its "article" is the picture and caption)."""
    return bool(detail.source and detail.source.format == "photo")


def creators(detail: ArticleDetail) -> list[str]:
    """Who made the work: its writers, or for a photo record its photographers."""
    if is_photo(detail):
        return names(detail.record, "photographer", *WRITER_ROLES)
    return writers(detail.record)


def contributors(detail: ArticleDetail) -> list[str]:
    """Photographers and other contributors who are not already among the creators."""
    made = {name.casefold() for name in creators(detail)}
    return [
        n for n in names(detail.record, "photographer", "contributor") if n.casefold() not in made
    ]


def photographer(record: CatalogueRecord, photo: Photo) -> str | None:
    """A photo's photographer, spelled as the article's people list has it when it is there
    (embedded metadata is often in capitals)."""
    if not photo.photographer:
        return None
    for name in names(record, "photographer"):
        if name.casefold() == photo.photographer.casefold():
            return name
    return photo.photographer


def credit_text(record: CatalogueRecord, photo: Photo) -> str | None:
    """The credit line to show: the source's own, else photographer/agency."""
    if photo.credit:
        return photo.credit
    parts = [p for p in (photographer(record, photo), photo.agency) if p]
    return "/".join(parts) or None


def abstract(record: CatalogueRecord) -> str | None:
    """The first paragraph, which in a news story is its summary."""
    return next((p.strip() for p in record.body if p.strip()), None)


def subjects(detail: ArticleDetail) -> list[str]:
    """Keywords from the source and the librarian's tags, each once."""
    seen: dict[str, str] = {}
    for word in (*detail.record.keywords, *detail.tags):
        if word.strip():
            seen.setdefault(word.strip().casefold(), word.strip())
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person's name split for citation: family is the whole name of a one-word name."""

    given: str
    family: str


def split_name(name: str) -> NameParts:
    """Split at the last word (with particles such as "van" or "bin" kept with it).

    Indonesian names often have no family name at all; citation styles still file them by the
    last word, which is what Zotero and library catalogues do, and a one-word name stays whole.
    """
    words = name.split()
    if len(words) < 2:
        return NameParts("", name.strip())
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return NameParts(" ".join(words[:cut]), " ".join(words[cut:]))


def initials(given: str) -> str:
    """APA initials: "Duane A." -> "D. A.", "Jean-Paul" -> "J.-P."."""
    out = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        out.append("-".join(f"{p[0].upper()}." for p in pieces))
    return " ".join(out)
