"""Run the normaliser's stages in order over one raw article and record each field's rule."""

from __future__ import annotations

import re
from dataclasses import replace

from archive_app.domain.model import CatalogueRecord, PersonRole, Photo
from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise.body import read_body
from archive_app.ingest.normalise.draft import Draft
from archive_app.ingest.normalise.language import decide_language
from archive_app.ingest.normalise.noise import is_noise, strip_glued_tail
from archive_app.ingest.normalise.oneline import (
    split_closing,
    split_comma_joined,
    split_markers,
)
from archive_app.ingest.normalise.opening import apply_dateline_field, open_body, read_header
from archive_app.ingest.normalise.paragraphs import (
    drop_concatenations,
    drop_repeats,
    repair_split_sentences,
)
from archive_app.ingest.normalise.people import (
    desk_domain,
    looks_like_organisation,
    merge_people,
    people_from_author_column,
)
from archive_app.ingest.normalise.placement import paragraphs_after
from archive_app.ingest.normalise.related import split_inline_related
from archive_app.ingest.normalise.sites import (
    domain_from_file_name,
    domain_from_name,
    domain_from_url,
    strip_site_suffix,
)
from archive_app.ingest.normalise.text import clean_line, fold
from archive_app.ingest.normalise.titles import is_section_name, title_from_first_line
from archive_app.ingest.normalise.trailer import apply_signoff, read_trailer
from archive_app.ingest.raw import RawArticle

_PHOTO_SOURCE = re.compile(r"\b(foto|photo)\b", re.IGNORECASE)


def _lines(text: str, site: SiteRules | None = None) -> list[str]:
    """The text's non-empty lines, cleaned; a promo glued to a line's end is cut off there,
    and a source credit glued after it becomes a line of its own. A text run together (its
    paragraphs joined by commas, furniture and links inside one long line, closing furniture
    glued to the last sentence) is split back into lines first."""
    units: list[str] = []
    for raw in split_comma_joined(text).splitlines():
        line = clean_line(raw)
        if not line:
            continue
        line, source = strip_glued_tail(line)
        for piece in split_markers(line) if line else ():
            units.extend(split_inline_related(piece) if len(piece) > 40 else [piece])
        if source:
            units.append(source)
    if units:
        units[-1:] = split_closing(units[-1], site)
    return units


def _columns(draft: Draft, raw: RawArticle) -> None:
    columns = raw.columns
    if columns.get("url"):
        draft.put(url=columns["url"].strip())
        draft.use_site(domain_from_url(columns["url"]), "site:url")
    draft.use_site(domain_from_name(columns.get("site")), "site:column")
    if columns.get("agency"):
        draft.set_agency(fold(columns["agency"]), "agency:column")


def _title(draft: Draft, raw: RawArticle, units: list[str]) -> list[str]:
    title = fold(raw.columns.get("title", ""))
    if title:
        draft.set("title", title, "title:column")
    elif raw.layout == "page" and units:
        draft.set("title", fold(units[0]), "title:first-line")
        units = units[1:]
    elif (first := title_from_first_line(raw.text)) is not None:
        # the opening drops the headline from the text (it is printed above the article)
        draft.set("title", first, "title:first-line-gap")
    return units


def _paragraphs(draft: Draft, units: list[str], dateline: str) -> list[str]:
    """From the text's lines to the article's own paragraphs; `dateline` is the source's own
    dateline field, if it has one."""
    units = open_body(draft, units)
    if dateline.strip():
        units = apply_dateline_field(draft, units, dateline)
    units = read_trailer(draft, units)
    body, captions = read_body(draft, units)
    body = repair_split_sentences(body, fixed=captions)
    # promotions a scraper broke over several lines are whole again only after the repair
    body = [
        p for p in body if _has_text(p) and (p in captions or not is_noise(p, draft.site_rules))
    ]
    body = drop_concatenations(body)
    body = apply_signoff(draft, body)
    return drop_repeats([p for p in body if p.strip()], keep=captions)


_ALPHANUMERIC = re.compile(r"[^\W_]")


def _has_text(paragraph: str) -> bool:
    """Whether a paragraph has a letter or a digit (",,, ,," left by a scraper has none)."""
    return _ALPHANUMERIC.search(paragraph) is not None


def _keep_uncleaned(draft: Draft, text: str) -> None:
    """The source had text but the cleaning left no paragraph of it: the text is kept as it
    came, flagged for a librarian, rather than the record refused and the text lost."""
    lines = [line for line in (clean_line(raw) for raw in text.splitlines()) if line]
    if any(_has_text(line) for line in lines):
        draft.set("body", lines, "body:uncleaned")
        draft.flag(
            "body",
            "the cleaning found no article text in the source's text: it is "
            "kept as it came, furniture and all",
        )


def _dates(draft: Draft, raw: RawArticle) -> None:
    columns = raw.columns
    if columns.get("date"):
        draft.apply_date(columns["date"], "column", columns.get("time", ""))
        draft.check_column_day()
    if columns.get("updated"):
        # the raw string stays what the source printed, not a marker of ours before it
        draft.apply_date(columns["updated"], "column", update=True)


def normalise(raw: RawArticle) -> CatalogueRecord:
    """Turn one raw article into a catalogue record; every field notes the rule behind it."""
    draft = Draft()
    _columns(draft, raw)
    units = _lines(raw.text, draft.site_rules)
    # the text decides, checked against what the source declares; "und" when neither can (a
    # photo's title may be its file name, no help)
    title = raw.columns.get("title", "") if raw.format != "photo" else ""
    decided = decide_language(units, raw.columns.get("language", ""), title)
    draft.set("language", decided.language, decided.rule)
    if decided.problem:
        draft.flag("language", decided.problem)
    units = _title(draft, raw, units)
    if raw.layout == "page":
        units = read_header(draft, units)
    draft.set("body", _paragraphs(draft, units, raw.columns.get("dateline", "")), "body:paragraphs")
    if not draft.get("body") and raw.format != "photo":  # a photo is catalogued by its caption
        _keep_uncleaned(draft, raw.text)

    # fields are read from the draft: the record is built once, at the end
    agency = draft.get("agency")
    if agency and _PHOTO_SOURCE.search(agency) and not draft.photos:
        # "sumber : Antara Foto" under a photo story: the text is the photo's caption
        caption = " ".join(draft.get("body")) or None
        draft.photos.append(Photo(caption=caption, credit=agency, rule="caption:photo-story"))
    signoff = draft.get("signoff")
    if draft.get("site") is None and signoff:
        draft.use_site(rules().alias_map().get(signoff[-1]), "site:signoff")
    # last: a file named after a site is the weakest sign (a reader gives the name only for a
    # table without a site or URL column)
    draft.use_site(domain_from_file_name(raw.columns.get("file")), "site:file-name")
    _site_suffix(draft)
    _dates(draft, raw)
    _people(draft, raw)
    _source_photos(draft, raw)
    for column in ("subtitle", "source_id", "captured"):
        if raw.columns.get(column):
            draft.set(column, " ".join(raw.columns[column].split()), f"{column}:column")
    if raw.keywords:
        draft.set("keywords", list(dict.fromkeys(raw.keywords)), "keywords:source")
    _place_photos(draft, raw)
    return draft.finish()


def _site_suffix(draft: Draft) -> None:
    """The title without the site's name its page added, and a flag when it names a section."""
    if draft.get("title"):
        stripped, changed = strip_site_suffix(draft.get("title"), draft.get("site"))
        if changed:
            draft.set("title", stripped, "title:site-suffix-removed")
        if is_section_name(draft.get("title")):
            draft.flag(
                "title",
                f"the title {draft.get('title')!r} names a section of the site, not the article",
            )


def _people(draft: Draft, raw: RawArticle) -> None:
    """The people credited: author and role columns, the credits found in the text, the
    photographers the source names; a name reading as an organisation's is flagged."""
    author_column = raw.columns.get("author", "")
    authors = people_from_author_column(author_column, draft.site_rules) if author_column else []
    if authors:
        draft.rules.setdefault("people.author", "people:author-column")
        draft.use_site(desk_domain(author_column), "site:desk")
    roles = [
        PersonRole(person.name, role)
        for role in ("editor", "reporter", "photographer", "contributor")
        if raw.columns.get(role)
        for person in people_from_author_column(raw.columns[role], draft.site_rules)
    ]
    if roles:
        draft.rules.setdefault("people.columns", "people:role-columns")
    photographers = [
        PersonRole(p.photographer, "photographer") for p in raw.photos if p.photographer
    ]
    people = merge_people(authors, roles, draft.credits, photographers)
    draft.put(people=people)
    for person in people:
        if looks_like_organisation(person.name):
            draft.flag(
                "person",
                f"{person.name!r} is recorded as a person ({person.role}) but "
                "reads as an organisation's name",
            )


def _place_photos(draft: Draft, raw: RawArticle) -> None:
    """Each source photo stands after the body paragraph it followed in the page. Done last,
    on the final body: the cleaning (datelines, promos, sign-offs) moves paragraph numbers."""
    around = [(p.follows, p.precedes) for p in raw.photos]
    if not any(follows or precedes for follows, precedes in around):
        return
    # the source's photos open the draft's photos, in the source's order (see _source_photos)
    placed = paragraphs_after(around, draft.get("body"))
    photos = draft.photos
    draft.photos = [
        replace(photo, paragraph=paragraph)
        for photo, paragraph in zip(photos, placed, strict=False)
    ] + photos[len(placed) :]


def _source_photos(draft: Draft, raw: RawArticle) -> None:
    """Photos the source names (markup, columns, wire items) come first, in the source's order,
    then those whose captions were found in the text; a caption found in both is kept once."""
    if not raw.photos:
        return
    named = [
        Photo(
            caption=p.caption,
            credit=p.credit,
            photographer=p.photographer,
            agency=p.agency,
            source_url=p.source_url,
            rule=p.rule or "photo:source",
        )
        for p in raw.photos
    ]
    if raw.format == "photo":
        # the text of a photo record is its own caption: credits found in it are the same photo
        draft.photos = named
    else:
        seen = {(p.caption, p.credit) for p in named}
        draft.photos = named + [p for p in draft.photos if (p.caption, p.credit) not in seen]
    draft.rules.setdefault("photos", named[0].rule or "photo:source")
