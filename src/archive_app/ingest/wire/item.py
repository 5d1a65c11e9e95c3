"""One wire item as the format readers find it, and how it becomes a raw article.

The markup's dateline goes to columns["dateline"]; the normaliser takes the place from there
when the text does not open with a dateline of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive_app.ingest.normalise.datelines import split_dateline
from archive_app.ingest.raw import RawArticle, RawPhoto
from archive_app.ingest.wire.bylines import Byline, read_byline
from archive_app.ingest.wire.vocabulary import LANGUAGES_639_2

# ANSA opens headlines with an entity-encoded slug (">>>ANSA/"); NTB with "*".
_SLUG = re.compile(r"^(?:>{2,}\s*[A-Z][A-Za-z]{1,9}\s*/\s*|[*>]+\s*)")
_HEADING_WORDS = 12


@dataclass(slots=True)
class WireItem:
    """What a wire item says, field by field, before normalisation."""

    locator: str
    # the item's own identifier, the same for every version of it (guid, doc-id)
    source_id: str = ""
    title: str = ""
    subtitle: str = ""
    bylines: list[str] = field(default_factory=list)
    dateline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    published: str = ""
    updated: str = ""
    language: str = ""
    agency: str = ""
    keywords: list[str] = field(default_factory=list)
    photos: list[RawPhoto] = field(default_factory=list)
    picture: bool = False
    # the first paragraph is a standfirst (a teaser, summary or abstract) above the story
    lede: bool = False


def clean_title(title: str) -> str:
    """A headline without the wire's slug marks (">>>ANSA/", a leading "*")."""
    return _SLUG.sub("", " ".join(title.split())).strip()


def language_code(tag: str) -> str:
    """ "en-US" -> "en", "swe" -> "sv"; "" when there is none."""
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return LANGUAGES_639_2.get(primary, primary if len(primary) == 2 else "")


def _strip_agency_tag(first: str, agency: str) -> str:
    """ "(ANSA) - ROME, JUL 11 - …": the item's own agency tag before the dateline goes, so the
    dateline opens the text as the normaliser expects."""
    if not agency:
        return first
    tag = re.match(
        r"^\(\s*" + re.escape(agency) + r"\s*\)\s*(?:-{1,2}|–|—)\s*", first, re.IGNORECASE
    )
    return first[tag.end() :] if tag else first


def place_dateline(paragraphs: list[str], dateline: str, lede: bool = False) -> list[str]:
    """Below a standfirst, the story proper may open with the dateline (dpa: "Moskau (dpa) –
    …" under its teaser): it is put on the standfirst too, so the normaliser, which reads a
    dateline where the text opens, takes it off both and the standfirst stays first."""
    if not lede or len(paragraphs) < 2 or split_dateline(paragraphs[0]) is not None:
        return paragraphs
    line = " ".join(dateline.split())
    if not (line and any(p.startswith(line) for p in paragraphs[1:4])):
        found = split_dateline(paragraphs[1])
        line = found.prefix.strip() if found is not None else ""
    candidate = f"{line} {paragraphs[0]}"
    found = split_dateline(candidate) if line else None
    if found is None or len(found.prefix.rstrip()) < len(line):
        return paragraphs  # not a dateline the normaliser reads: the standfirst stays as it is
    return [candidate, *paragraphs[1:]]


def _heading(line: str) -> bool:
    """A short line that is no sentence: a heading standing in for a missing headline."""
    return len(line.split()) <= _HEADING_WORDS and line.rstrip()[-1:] not in '.!?:;,"”'


def _people(item: WireItem, outlets: tuple[str, ...]) -> tuple[list[str], Byline]:
    names: list[str] = []
    summary = Byline()
    for line in item.bylines:
        found = read_byline(line, outlets)
        names += [n for n in found.people if n not in names]
        summary.organisation = summary.organisation or found.organisation
        summary.prose = summary.prose or found.prose
    return names, summary


def to_raw(item: WireItem) -> RawArticle:
    """The raw article the normaliser reads: text one paragraph a line, fields as columns."""
    columns: dict[str, str] = {}
    title = clean_title(item.title)
    if title:
        columns["title"] = title
    agency = " ".join(item.agency.split()).strip(" -–—")
    names, byline = _people(item, (agency,) if agency else ())
    if names:
        columns["author"] = "; ".join(names)
    agency = agency or (byline.organisation or "")
    if agency:
        columns["agency"] = agency
    subtitle = item.subtitle or (byline.prose or "")
    if subtitle:
        columns["subtitle"] = subtitle
    if item.source_id:
        columns["source_id"] = item.source_id
    paragraphs = [p for p in item.paragraphs if p]
    if paragraphs and agency:
        paragraphs[0] = _strip_agency_tag(paragraphs[0], agency)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not title and paragraphs and _heading(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]  # "Correction" above its text
        columns["title"] = title
    paragraphs = place_dateline(paragraphs, item.dateline, item.lede)
    if item.dateline:
        columns["dateline"] = " ".join(item.dateline.split())
    for name, value in (
        ("date", item.published),
        ("updated", item.updated),
        ("language", language_code(item.language)),
    ):
        if value:
            columns[name] = value
    return RawArticle(
        locator=item.locator,
        text="\n".join(paragraphs),
        columns=columns,
        photos=item.photos,
        keywords=list(dict.fromkeys(item.keywords)),
    )
