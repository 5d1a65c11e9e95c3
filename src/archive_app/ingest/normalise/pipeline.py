"""Run the normaliser's stages in order over one raw article and record each field's rule."""

from __future__ import annotations

import re

from archive_app.core.model import CatalogueRecord, PersonRole, Photo, RelatedLink
from archive_app.ingest.normalise import dates
from archive_app.ingest.normalise.captions import CaptionCredit, find_caption
from archive_app.ingest.normalise.datelines import split_dateline
from archive_app.ingest.normalise.language import detect_language
from archive_app.ingest.normalise.noise import is_noise, strip_glued_tail
from archive_app.ingest.normalise.paragraphs import drop_repeats, repair_split_sentences
from archive_app.ingest.normalise.people import (
    merge_people,
    parse_credit_line,
    people_from_author_column,
)
from archive_app.ingest.normalise.related import looks_like_headline, split_related
from archive_app.ingest.normalise.signoff import split_signoff
from archive_app.ingest.normalise.sites import (
    domain_from_name,
    domain_from_url,
    strip_site_suffix,
)
from archive_app.ingest.normalise.tables import SiteRules, rules
from archive_app.ingest.normalise.text import clean_line, fold
from archive_app.ingest.raw import RawArticle

_SOURCE_LINE = re.compile(r"^(?:sumber|source)\s*:\s*(?P<source>\S.{0,60})$", re.IGNORECASE)
_PHOTO_SOURCE = re.compile(r"\b(foto|photo)\b", re.IGNORECASE)
# How far from the end a sign-off may stand (tags and video titles can follow it).
_SIGNOFF_WINDOW = 15


class _Draft:
    """The record being built, with helpers that note which rule set each field."""

    def __init__(self) -> None:
        self.record = CatalogueRecord()
        self.credits: list[PersonRole] = []
        self.site_rules: SiteRules | None = None

    def set(self, field: str, value: object, rule: str) -> None:
        setattr(self.record, field, value)
        self.record.rules[field] = rule

    def add_photo(self, found: CaptionCredit) -> None:
        self.record.photos.append(
            Photo(
                caption=found.caption,
                credit=found.credit,
                photographer=found.photographer,
                agency=found.agency,
                rule=found.rule,
            )
        )
        if found.photographer:
            self.credits.append(PersonRole(found.photographer, "photographer"))
            self.record.rules.setdefault("people.photographer", found.rule)

    def add_credits(self, people: list[PersonRole], rule: str) -> None:
        self.credits.extend(people)
        for person in people:
            self.record.rules.setdefault(f"people.{person.role}", rule)

    def use_site(self, domain: str | None, rule: str) -> None:
        if domain and self.record.site is None:
            self.set("site", domain, rule)
            self.site_rules = rules().site(domain)


def _lines(text: str) -> list[str]:
    return [line for line in (clean_line(raw) for raw in text.splitlines()) if line]


def _read_header(draft: _Draft, units: list[str]) -> list[str]:
    """Take the date, caption and byline lines that stand between a page's headline and body."""
    while units:
        line = units[0]
        if dates.is_date_line(line):
            draft.record.warnings.extend(_apply_date(draft, line, "header"))
        elif (found := find_caption(line)) is not None and split_dateline(line) is None:
            draft.add_photo(found)
        elif (credited := parse_credit_line(line)) is not None:
            draft.add_credits(*credited)
        else:
            break
        units = units[1:]
    return units


def _read_trailer(draft: _Draft, units: list[str]) -> list[str]:
    """Find the sign-off and read the credit and source lines after it (or at the very end)."""
    end = len(units)
    for index in range(len(units) - 1, max(-1, len(units) - 1 - _SIGNOFF_WINDOW), -1):
        if split_signoff(units[index]) is not None:
            end = index + 1
            break
    trailer, units = units[end:], units[:end]
    while units and (_is_trailer_line(draft, units[-1]) or is_noise(units[-1], draft.site_rules)):
        trailer.insert(0, units.pop())
    for line in trailer:
        _is_trailer_line(draft, line, apply=True)
    return units


def _is_trailer_line(draft: _Draft, line: str, apply: bool = False) -> bool:
    credited = parse_credit_line(line)
    if credited is not None:
        if apply:
            draft.add_credits(*credited)
        return True
    source = _SOURCE_LINE.match(fold(line))
    if source is not None:
        if apply:
            draft.set("agency", source["source"].strip(" ."), "agency:source-line")
        return True
    return False


def _read_body(draft: _Draft, units: list[str]) -> tuple[list[str], frozenset[str]]:
    """Sort body lines from related links, page furniture, credit lines and captions."""
    body: list[str] = []
    captions: set[str] = set()
    label_open = ""  # "colon" after "Baca juga:", "bare" after "Baca Juga"
    for unit in units:
        line = strip_glued_tail(unit)
        if not line:
            continue
        is_related, title = split_related(line)
        if is_related:
            if title:
                draft.record.related.append(RelatedLink(title))
                draft.record.rules.setdefault("related", "related:label-inline")
                label_open = ""
            else:
                label_open = "colon" if line.rstrip().endswith(":") else "bare"
            continue
        if label_open and (looks_like_headline(line) or
                           (label_open == "colon" and len(line.split()) <= 30)):
            draft.record.related.append(RelatedLink(fold(line)))
            draft.record.rules.setdefault("related", "related:label-next-lines")
            label_open = "bare"
            continue
        label_open = ""
        if is_noise(line, draft.site_rules) or _is_trailer_line(draft, line, apply=True):
            continue
        found = find_caption(line)
        if found is not None:
            draft.add_photo(found)
            if found.caption is None:
                continue  # a credit-only line is not article text
            captions.add(line)
        body.append(line)
    return body, frozenset(captions)


def _apply_dateline(draft: _Draft, body: list[str]) -> list[str]:
    if not body:
        return body
    dateline = split_dateline(body[0])
    if dateline is None:
        return body
    draft.use_site(dateline.site, "site:dateline")
    if dateline.place:
        draft.set("dateline_place", dateline.place, dateline.rule)
    if dateline.agency and draft.record.agency is None:
        draft.set("agency", dateline.agency, dateline.rule)
    draft.record.rules.setdefault("body.dateline_removed", dateline.rule)
    return [dateline.rest.lstrip(), *body[1:]]


def _apply_signoff(draft: _Draft, body: list[str]) -> list[str]:
    for index in range(len(body) - 1, max(-1, len(body) - 1 - _SIGNOFF_WINDOW), -1):
        found = split_signoff(body[index])
        if found is None:
            continue
        text, codes = found
        draft.set("signoff", codes, "signoff:closing-codes")
        # anything after the sign-off (video titles, keyword lists) is not article text
        return [*body[:index], text] if text else body[:index]
    return body


def _default_offset(draft: _Draft) -> str | None:
    if draft.site_rules is not None and draft.site_rules.timezone:
        return draft.site_rules.timezone
    return rules().default_timezone.get(draft.record.language or "")


def _apply_date(draft: _Draft, text: str, origin: str, time_text: str = "") -> list[str]:
    """Read a date into published or updated; return warnings for dates that cannot be read."""
    if fold(text).lower() in rules().missing_authors:
        return []
    offset = _default_offset(draft)
    day_first = draft.record.language != "en"
    try:
        if time_text:
            parsed = dates.combine_date_time(
                text, time_text, default_offset=offset, day_first=day_first
            )
        else:
            parsed = dates.parse_date(text, default_offset=offset, day_first=day_first)
    except dates.DateProblem as problem:
        return [f"date {text!r} cannot be read ({problem}); left empty"]
    if parsed is None:
        return [f"date {text!r} cannot be read; left empty"]
    field = "updated" if parsed.is_update else "published"
    if getattr(draft.record, field) is None:
        draft.set(field, parsed.value, f"{parsed.rule}:{origin}")
        setattr(draft.record, f"{field}_raw", parsed.raw)
    return []


def _columns(draft: _Draft, raw: RawArticle) -> None:
    columns = raw.columns
    if columns.get("url"):
        draft.record.url = columns["url"].strip()
        draft.use_site(domain_from_url(columns["url"]), "site:url")
    draft.use_site(domain_from_name(columns.get("site")), "site:column")
    if columns.get("language"):
        draft.set("language", columns["language"].strip().lower()[:2], "language:column")


def normalise(raw: RawArticle) -> CatalogueRecord:
    """Turn one raw article into a catalogue record; every field notes the rule behind it."""
    draft = _Draft()
    record = draft.record
    _columns(draft, raw)
    units = _lines(raw.text)
    if record.language is None:
        record.language = detect_language(" ".join(units), default="id")
        record.rules["language"] = "language:detected"

    title = fold(raw.columns.get("title", ""))
    if title:
        draft.set("title", title, "title:column")
    elif raw.layout == "page" and units:
        draft.set("title", fold(units[0]), "title:first-line")
        units = units[1:]
    if raw.layout == "page":
        units = _read_header(draft, units)

    units = _read_trailer(draft, units)
    body, captions = _read_body(draft, units)
    body = repair_split_sentences(body, fixed=captions)
    body = _apply_dateline(draft, body)
    body = _apply_signoff(draft, body)
    body = drop_repeats([p for p in body if p.strip()], keep=captions)
    draft.set("body", body, "body:paragraphs")
    if record.agency and _PHOTO_SOURCE.search(record.agency) and not record.photos:
        # "sumber : Antara Foto" under a photo story: the text is the photo's caption
        record.photos.append(
            Photo(caption=" ".join(body), credit=record.agency, rule="caption:photo-story")
        )

    if record.site is None and record.signoff:
        draft.use_site(rules().alias_map().get(record.signoff[-1]), "site:signoff")
    if record.title:
        stripped, changed = strip_site_suffix(record.title, record.site)
        if changed:
            draft.set("title", stripped, "title:site-suffix-removed")

    warnings: list[str] = []
    if raw.columns.get("date"):
        warnings = _apply_date(draft, raw.columns["date"], "column", raw.columns.get("time", ""))
    if raw.columns.get("updated"):
        warnings += _apply_date(draft, "Diperbarui " + raw.columns["updated"], "column")
    record.warnings.extend(warnings)

    author_column = raw.columns.get("author", "")
    authors = people_from_author_column(author_column, draft.site_rules) if author_column else []
    if authors:
        record.rules.setdefault("people.author", "people:author-column")
    record.people = merge_people(authors, draft.credits)
    return record
