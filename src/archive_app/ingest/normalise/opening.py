"""The opening of an article: a page's header lines, and the dateline that starts the text."""

from __future__ import annotations

import re

from archive_app.domain.model import PersonRole
from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise import dates
from archive_app.ingest.normalise.captions import find_caption
from archive_app.ingest.normalise.datelines import (
    Dateline,
    join_split_dateline,
    read_dateline_field,
    split_dateline,
)
from archive_app.ingest.normalise.draft import Draft
from archive_app.ingest.normalise.noise import is_noise
from archive_app.ingest.normalise.people import SEPARATORS, parse_credit_line, roles_for_label
from archive_app.ingest.normalise.related import split_related
from archive_app.ingest.normalise.text import fold

# How far down a dateline may open the text (after a table of contents, a kicker, a byline).
_DATELINE_REACH = 10
_FURNITURE_WORDS = 12
# An editor's note above a wire story, wholly in parentheses: "(Adds Gov. Cuomo's
# announcement …)", "(Updates with …)"
_NOTE = re.compile(r"^\([^()]{3,300}\)$")


def _is_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in {".", "!", "?", '"', "”"}


def _byline_box(draft: Draft, line: str, apply: bool) -> bool:
    """A byline box on one line: credits and a date between separators ("Natasha Oktalia,
    Jurnalis · Kamis 09 Juli 2020 07:26 WIB"); read it into the record when `apply`."""
    if len(line) > 160:
        return False
    segments = [s for s in SEPARATORS.split(fold(line)) if s]
    if len(segments) < 2:
        return False
    dated: list[str] = []
    credited: list[tuple[list[PersonRole], str]] = []
    for segment in segments:
        if dates.is_date_line(segment):
            dated.append(segment)
        elif (credit := parse_credit_line(segment)) is not None:
            credited.append(credit)
        else:
            return False
    if apply:
        for text in dated:
            draft.apply_date(text, "header")
        for people, rule in credited:
            draft.add_credits(people, rule, line)
    return True


def read_header(draft: Draft, units: list[str]) -> list[str]:
    """Take the date, caption and byline lines that stand between a page's headline and body."""
    while units:
        line = units[0]
        if dates.is_date_line(line):
            draft.apply_date(line, "header")
        elif _byline_box(draft, line, apply=True):
            pass
        elif (found := find_caption(line)) is not None and split_dateline(line) is None:
            draft.add_photo(found)
        elif (credited := parse_credit_line(line)) is not None:
            draft.add_credits(*credited, line)
        else:
            break
        units = units[1:]
    return units


def _before_dateline(draft: Draft, line: str, apply: bool) -> bool:
    """Whether a line above the dateline is furniture (read it into the record when `apply`):
    a date, a credit, a caption, a label, or a short line that is no sentence (a table of
    contents, a kicker)."""
    if len(line) <= 100 and dates.is_date_line(line):
        if apply:
            draft.apply_date(line, "text")
        return True
    if (credited := parse_credit_line(line)) is not None:
        if apply:
            draft.add_credits(*credited, line)
        return True
    if _byline_box(draft, line, apply):
        return True
    if (found := find_caption(line)) is not None:
        if apply:
            draft.add_photo(found)
        return True
    if is_noise(line, draft.site_rules) or split_related(line)[0] or _NOTE.match(line.strip()):
        return True
    return len(fold(line).split(" ")) <= _FURNITURE_WORDS and not _is_sentence(line)


# Where a dateline glued after a credit may start: a capital after a space, or a capital
# right after a lower-case letter ("… Ilham Rian PratamaTRIBUNNEWS.COM, JAKARTA -").
_GLUED_START = re.compile(r"(?<= )(?=[A-Z])|(?<=[a-z])(?=[A-Z]{2})")
_CREDIT_REACH = 200


def _split_credit_dateline(line: str) -> list[str]:
    """A credit line run into the dateline ("Laporan Wartawan Tribunnews.com, Ilham Rian
    Pratama TRIBUNNEWS.COM, JAKARTA - …") as the credit and the dateline's line; other lines
    unchanged. The dateline must name its site, so a name is never cut in two."""
    label, colon, _names = line[:60].partition(":")
    if not line[:8].lower().startswith(("laporan", "by ", "oleh ")) and not (
        colon and roles_for_label(label)
    ):
        return [line]  # no credit opens the line (most lines: a quote's colon, a sentence)
    found: list[tuple[bool, int]] = []
    for match in _GLUED_START.finditer(line, 0, min(len(line), _CREDIT_REACH)):
        dateline = split_dateline(line[match.start() :])
        if (
            dateline is not None
            and dateline.site is not None
            and parse_credit_line(line[: match.start()].strip()) is not None
        ):
            # a site the tables know first: "PratamaTRIBUNNEWS.COM" reads as a domain too
            found.append((dateline.site not in rules().sites, match.start()))
    if not found:
        return [line]
    cut = min(found)[1]
    return [line[:cut].strip(), line[cut:]]


def _find_dateline(units: list[str]) -> tuple[int, int, Dateline] | None:
    for index in range(min(_DATELINE_REACH, len(units))):
        found = split_dateline(units[index])
        if found is not None:
            return index, 1, found
        joined = join_split_dateline(units, index)
        if joined is not None:
            dateline = split_dateline(joined[0])
            if dateline is not None:
                return index, joined[1], dateline
        if _is_sentence(units[index]) and len(units[index]) > 100:
            return None  # the text has begun without a dateline
    if len(units) == 1 and (alone := split_dateline(units[0], allow_empty=True)) is not None:
        return 0, 1, alone  # the scraper kept the dateline and nothing after it
    return None


_BARE_DASHES = ("-", "--", "–", "—")


def _strip_bare_dash(draft: Draft, units: list[str]) -> list[str]:
    """A dateline whose place a scraper stripped leaves its dash: "-" on a line of its own, or
    "- " before the first sentence (a list of "- " items is left alone)."""
    if not units:
        return units
    first = units[0].strip()
    if first in _BARE_DASHES:
        draft.rules.setdefault("body.dateline_removed", "dateline:bare-dash")
        return units[1:]
    dash, space, text = first.partition(" ")
    listed = len(units) > 1 and units[1].lstrip().startswith(f"{dash} ")
    if dash in _BARE_DASHES and space and text[:1].isupper() and not listed:
        draft.rules.setdefault("body.dateline_removed", "dateline:bare-dash")
        return [text.lstrip(), *units[1:]]
    return units


def open_body(draft: Draft, units: list[str]) -> list[str]:
    """Take the dateline off the text (place, site or agency into the record), dropping
    the furniture above it; a scraper's repeats of the same dateline go too."""
    title = draft.get("title")
    if units and title and fold(units[0]) == fold(title):
        units = units[1:]  # the headline printed again above the text
    units = _strip_bare_dash(draft, units)
    units = [
        piece for unit in units[:_DATELINE_REACH] for piece in _split_credit_dateline(unit)
    ] + units[_DATELINE_REACH:]
    located = _find_dateline(units)
    if located is None:
        return units
    index, used, dateline = located
    above = units[:index]
    if not all(_before_dateline(draft, line, apply=False) for line in above):
        return units
    for line in above:
        _before_dateline(draft, line, apply=True)
    draft.use_site(dateline.site, "site:dateline")
    if dateline.place:
        draft.set("dateline_place", dateline.place, dateline.rule)
    if dateline.agency:
        draft.set_agency(dateline.agency, dateline.rule)
    draft.rules.setdefault("body.dateline_removed", dateline.rule)
    prefix = dateline.prefix
    rest = [u[len(prefix) :].lstrip() if u.startswith(prefix) else u for u in units[index + used :]]
    # a link lost right after the dateline leaves its comma: "Jakarta, CNN Indonesia -- ,
    # menanggung …"
    opening = dateline.rest.lstrip().lstrip(",;").lstrip()
    return [opening, *rest] if opening else rest


def _place_key(place: str) -> str:
    """A place compared without case, spacing or punctuation, its region left out."""
    return re.sub(r"\W+", "", place.split(",")[0]).casefold()


def _strip_field(units: list[str], value: str) -> list[str]:
    """The first line without the dateline field's words where they open it, followed by a
    dash or colon ("Erfurt (dpa) - …" under a field "Erfurt (dpa) -") or in parentheses with
    a date ("(New York, NY - October 21) …" under "New York, NY")."""
    words = fold(value).rstrip(" -–—:").split(" ")
    if not units or not words[0]:
        return units
    field = r"\s+".join(map(re.escape, words))
    opening = re.match(field + r"\s*(?:-{1,2}|–|—|:)\s+", units[0]) or re.match(
        r"\(\s*" + field + r"[^()]{0,40}\)\s+", units[0]
    )
    if opening is None or not units[0][opening.end() :].strip():
        return units
    return [units[0][opening.end() :], *units[1:]]


def apply_dateline_field(draft: Draft, units: list[str], value: str) -> list[str]:
    """The source's own dateline field (a wire item's <dateline>): its place is the record's
    when the text opens with no dateline naming one; when both name a place and they differ,
    the text's is kept and the difference noted."""
    found = read_dateline_field(value)
    if found is None or not found.place:
        return units
    place = draft.get("dateline_place")
    if place is not None:
        if _place_key(place) != _place_key(found.place):
            draft.warn(
                f"the item's dateline field names {found.place!r}, its text "
                f"{place!r}: the text's place is kept"
            )
        return units
    draft.set("dateline_place", found.place, found.rule)
    if found.agency:
        draft.set_agency(found.agency, found.rule)
    if "body.dateline_removed" in draft.rules:
        return units
    stripped = _strip_field(units, value)
    if stripped is not units:
        draft.rules["body.dateline_removed"] = found.rule
    return stripped
