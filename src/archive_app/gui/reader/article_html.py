"""Render one article as the reader's HTML: header, photos, body with hits, links, provenance."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from archive_app.domain.model import ArticleDetail, Photo, Provenance, RelatedLink
from archive_app.gui.common.display import (
    language_name,
    local_date,
    long_date,
    review_kind_name,
    role_name,
    stamp,
)
from archive_app.gui.common.i18n import translate
from archive_app.gui.reader.highlight import hit_pattern, marked
from archive_app.gui.reader.prepared import (
    ARTICLE_SCHEME,
    IMAGE_SCHEME,
    PERSON_SCHEME,
    PHOTO_SCHEME,
    REVIEW_SCHEME,
    RULES_SCHEME,
    Reading,
)
from archive_app.gui.shell.theme import LIGHT, Colours, font_scale

PHOTO_WIDTH = 560  # px at 100 %: a column photo, never wider than the photo itself
PHOTO_HEIGHT = 440  # px at 100 %: a portrait photo leaves room for its caption and credit
_PHOTO_PADDING = 40  # the placeholder's padding: a photo's footprint without the photo


def reader_css(colours: Colours = LIGHT, zoom: int = 100) -> str:
    """Qt's rich-text subset of CSS 2.1, sized by the reader's zoom."""

    scale = font_scale() * zoom / 100  # the system's font size, then the reader's own zoom

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    c = colours
    return f"""
body {{ color: {c.text}; font-size: {pt(10.5)}; }}
a {{ color: {c.accent}; text-decoration: none; }}
h1 {{ font-family: "DejaVu Serif", "Noto Serif", serif; font-size: {pt(19)}; font-weight: 600;
      color: {c.heading}; margin-top: 4px; margin-bottom: 8px; }}
h3 {{ font-size: {pt(11)}; font-weight: 600; color: {c.accent}; margin-top: 18px;
      margin-bottom: 4px; }}
p {{ margin-top: 0px; margin-bottom: 10px; }}
p.body {{ font-family: "DejaVu Serif", "Noto Serif", "Georgia", serif; font-size: {pt(12)};
          line-height: 145%; }}
p.kicker {{ color: {c.accent_soft}; font-size: {pt(9)}; font-weight: 600; margin-bottom: 2px; }}
p.signoff {{ color: {c.faint}; }}
p.provenance {{ color: {c.faint}; font-size: {pt(8.5)}; margin-top: 22px; }}
td.label {{ color: {c.faint}; padding-right: 12px; }}
td.rule {{ color: {c.faint}; font-size: {pt(8.5)}; padding-right: 12px; }}
span.local {{ color: {c.faint}; }}
span.photo {{ color: {c.muted}; }}
p.caption {{ font-size: {pt(9.5)}; color: {c.muted}; margin-top: 6px; margin-bottom: 2px; }}
p.credit {{ font-size: {pt(8.5)}; color: {c.faint}; }}
span.hit {{ background-color: {c.hit}; color: {c.text}; }}
span.inlibrary {{ color: {c.faint}; font-size: {pt(8.5)}; }}
p.message {{ color: {c.faint}; font-size: {pt(11)}; }}
p.reviewhead {{ color: {c.heading}; font-weight: 600; margin-bottom: 4px; }}
p.reviewflag {{ margin-bottom: 3px; }}
span.reviewkind {{ color: {c.heading}; font-weight: 600; }}
p.reviewhint {{ color: {c.muted}; font-size: {pt(9)}; margin-top: 6px; margin-bottom: 0px; }}
"""


def _meta_row(label: str, value_html: str) -> str:
    return f'<tr><td class="label">{escape(label)}</td><td>{value_html}</td></tr>'


def _date_html(value: str, raw: str | None) -> str:
    shown = escape(long_date(value))
    here = local_date(value)
    if here:
        shown += (
            '<br><span class="local">'
            + escape(translate("Reader", "{when} on this computer's clock").format(when=here))
            + "</span>"
        )
    if raw:
        shown += (
            '<br><span class="local">'
            + escape(translate("Reader", "printed as “{raw}”").format(raw=raw))
            + "</span>"
        )
    return shown


def _people_html(detail: ArticleDetail) -> str:
    links = []
    for person in detail.record.people:
        url = f"{PERSON_SCHEME}:{quote(person.name, safe='')}"
        role = f" ({escape(role_name(person.role))})" if person.role else ""
        links.append(f'<a href="{url}">{escape(person.name)}</a>{role}')
    return ", ".join(links)


def review_box(detail: ArticleDetail, colours: Colours, editable: bool) -> str:
    """What the importer was unsure of, in a quiet box under the title; each flag with what
    kind of doubt it is, and how to answer it."""
    flags = detail.record.review
    if not flags:
        return ""
    lines = "".join(
        f'<p class="reviewflag"><span class="reviewkind">{escape(review_kind_name(f.kind))}'
        f"</span> — {escape(f.message)}</p>"
        for f in flags
    )
    hint = escape(translate("Reader", "Correcting the field in the editor clears its flag."))
    if editable:
        hint += (
            f' <a href="{REVIEW_SCHEME}:{detail.id}">'
            + escape(translate("Reader", "Mark as reviewed"))
            + "</a>"
        )
    heading = escape(translate("Reader", "Needs review"))
    # Qt's rich text draws no border on one side: a narrow coloured cell is the box's edge
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:2px; '
        f'margin-bottom:10px"><tr><td width="4" bgcolor="{colours.notice}"></td>'
        f'<td bgcolor="{colours.notice_bg}" style="padding: 8px 12px 8px 12px">'
        f'<p class="reviewhead">{heading}</p>{lines}<p class="reviewhint">{hint}</p>'
        "</td></tr></table>"
    )


def _header(detail: ArticleDetail, pattern: re.Pattern[str] | None, review: str = "") -> str:
    record = detail.record
    kicker = " · ".join(x for x in (record.site, record.dateline_place) if x)
    parts = [f'<p class="kicker">{escape(kicker.upper())}</p>' if kicker else ""]
    title = record.title or translate("Reader", "Untitled article")
    parts.append(f"<h1>{marked(title, pattern)}</h1>")
    parts.append(review)
    rows: list[str] = []
    if record.published:
        rows.append(
            _meta_row(
                translate("Reader", "Published"), _date_html(record.published, record.published_raw)
            )
        )
    if record.updated:
        rows.append(
            _meta_row(
                translate("Reader", "Updated"), _date_html(record.updated, record.updated_raw)
            )
        )
    if record.dateline_place:
        rows.append(_meta_row(translate("Reader", "Dateline"), escape(record.dateline_place)))
    if record.people:
        rows.append(_meta_row(translate("Reader", "People"), _people_html(detail)))
    if record.site:
        rows.append(_meta_row(translate("Reader", "Site"), escape(record.site)))
    if record.language:
        rows.append(
            _meta_row(translate("Reader", "Language"), escape(language_name(record.language)))
        )
    if record.url:
        # shown as a link that copies the address: Arsip never opens web pages
        rows.append(
            _meta_row(
                translate("Reader", "Address"),
                f'<a href="{escape(record.url)}">{escape(record.url)}</a>',
            )
        )
    if detail.tags:
        rows.append(_meta_row(translate("Reader", "Tags"), escape(", ".join(detail.tags))))
    if rows:
        parts.append(f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>')
    return "".join(parts)


# "AP Photo/…", "ANTARA FOTO/…", "Foto: …" name themselves; "Getty Images/iStockphoto" does not
_NAMES_ITSELF = re.compile(r"\b(?:photo|foto)s?\b", re.IGNORECASE)


def credit_line(photo: Photo) -> str:
    """ "Photo: AP Photo/Duane A. Laverty · photographer Duane A. Laverty · AP"."""
    parts: list[str] = []
    if photo.credit:
        # "Photo: AP Photo/…" would say it twice: a credit that names itself stands alone
        named = _NAMES_ITSELF.search(photo.credit) is not None
        parts.append(
            photo.credit
            if named
            else translate("Reader", "Photo: {credit}").format(credit=photo.credit)
        )
    credit = (photo.credit or "").casefold()
    if photo.photographer and photo.photographer.casefold() not in credit:
        parts.append(translate("Reader", "photographer {name}").format(name=photo.photographer))
    if photo.agency and photo.agency.casefold() not in credit:
        parts.append(photo.agency)
    return " · ".join(parts)


def _photo(position: int, photo: Photo, reading: Reading, zoom: int, colours: Colours) -> str:
    image = reading.images.get(position)
    # a photo still being decoded takes its place already: the text does not move when it comes
    size = (image.width, image.height) if image is not None else reading.pending.get(position)
    link = f"{PHOTO_SCHEME}:{position}"
    if size is not None:
        # no wider than the pane (no sideways scrolling), no taller than a screenful's part
        width = min(
            size[0],
            round(PHOTO_WIDTH * zoom / 100),
            reading.column,
            round(PHOTO_HEIGHT * zoom / 100 * size[0] / size[1]),
        )
        picture = (
            f'<a href="{link}"><img src="{IMAGE_SCHEME}:{position}" width="{width}" '
            f'height="{round(size[1] * width / size[0])}"></a>'
        )
    else:
        # Qt's rich text ignores cell heights; the padding gives the placeholder its footprint
        missing = escape(translate("Reader", "Photo not archived"))
        picture = (
            f'<table width="100%" cellspacing="0" cellpadding="{_PHOTO_PADDING}" '
            f'bgcolor="{colours.placeholder}"><tr><td align="center"><span class="photo">'
            f'<a href="{link}">{missing}</a><br>'
            + escape(translate("Reader", "only its caption and credit were recorded"))
            + "</span></td></tr></table>"
        )
    pattern = hit_pattern(reading.terms)
    caption = f'<p class="caption">{marked(photo.caption, pattern)}</p>' if photo.caption else ""
    credit = credit_line(photo)
    credit_html = f'<p class="credit">{escape(credit)}</p>' if credit else ""
    return f'<div style="margin-top:12px">{picture}{caption}{credit_html}</div>'


def _body(reading: Reading, zoom: int, colours: Colours) -> str:
    record = reading.detail.record
    pattern = hit_pattern(reading.terms)
    # photos the core placed in the text (a paragraph number) stand there; the rest follow
    placed: dict[int, list[int]] = {}
    for position, photo in enumerate(record.photos[1:], start=1):
        if photo.paragraph is not None and 0 <= photo.paragraph < len(record.body):
            placed.setdefault(photo.paragraph, []).append(position)
    parts = []
    for number, paragraph in enumerate(record.body):
        parts.append(f'<p class="body">{marked(paragraph, pattern)}</p>')
        parts.extend(
            _photo(p, record.photos[p], reading, zoom, colours) for p in placed.get(number, [])
        )
    rest = [
        p for p in range(1, len(record.photos)) if not any(p in group for group in placed.values())
    ]
    if rest:
        heading = escape(translate("Reader", "More photos"))
        parts.append(f"<h3>{heading}</h3>")
        parts.extend(_photo(p, record.photos[p], reading, zoom, colours) for p in rest)
    return "".join(parts)


def _related(links: Sequence[RelatedLink], in_library: dict[int, int]) -> str:
    if not links:
        return ""
    items = []
    for position, link in enumerate(links):
        title = escape(link.title)
        found = in_library.get(position)
        if found is not None:
            note = escape(translate("Reader", "in this library"))
            items.append(
                f'<li><a href="{ARTICLE_SCHEME}:{found}">{title}</a> '
                f'<span class="inlibrary">— {note}</span></li>'
            )
        elif link.url:  # shown, never followed: clicking it only copies the address
            items.append(f'<li><a href="{escape(link.url)}">{title}</a></li>')
        else:
            items.append(f"<li>{title}</li>")
    heading = escape(translate("Reader", "Related articles"))
    return f"<h3>{heading}</h3><ul>{''.join(items)}</ul>"


def _provenance(detail: ArticleDetail, show_rules: bool) -> str:
    source: Provenance | None = detail.source or (
        detail.provenance[-1] if detail.provenance else None
    )
    parts: list[str] = []
    if source is not None:
        name = f"{source.file} › {source.member}" if source.member else source.file
        where = f", {source.locator}" if source.locator and source.locator != "file" else ""
        parts.append(
            translate("Reader", "From {name}{where} ({format})").format(
                name=name, where=where, format=source.format
            )
        )
        if source.imported_at:
            parts.append(
                translate("Reader", "imported {when}").format(when=stamp(source.imported_at))
            )
    parts.append(
        translate("Reader", "version {n} of {total}").format(
            n=detail.version, total=detail.versions
        )
    )
    parts.append(translate("Reader", "article {id}").format(id=detail.id))
    rules = detail.record.rules
    toggle = ""
    if rules:
        label = (
            translate("Reader", "hide how each field was read")
            if show_rules
            else translate("Reader", "how each field was read")
        )
        toggle = f' · <a href="{RULES_SCHEME}:toggle">{escape(label)}</a>'
    line = f'<p class="provenance">{escape(" · ".join(parts))}{toggle}</p>'
    line += _other_places(detail, source)
    if show_rules and rules:
        rows = "".join(
            f'<tr><td class="rule">{escape(field)}</td><td class="rule">{escape(rule)}</td></tr>'
            for field, rule in sorted(rules.items())
        )
        line += f'<table cellspacing="0" cellpadding="1">{rows}</table>'
    return line


_PLACES_SHOWN = 6


def _place_name(place: Provenance) -> str:
    name = f"{place.file} › {place.member}" if place.member else place.file
    return f"{name}, {place.locator}" if place.locator and place.locator != "file" else name


def _other_places(detail: ArticleDetail, source: Provenance | None) -> str:
    """Every other place the article was found: its other versions' files, and each file,
    row or web-archive capture that repeated it (so a source row leads to its record)."""
    others = [p for p in detail.provenance if p != source]
    if not others:
        return ""
    names = []
    for place in others[:_PLACES_SHOWN]:
        name = _place_name(place)
        if place.kind == "revisit":
            name = translate("Reader", "{place} (a later capture)").format(place=name)
        elif place.kind == "import" and place.version is not None:
            name = translate("Reader", "{place} (version {n})").format(place=name, n=place.version)
        names.append(name)
    if len(others) > _PLACES_SHOWN:
        names.append(translate("Reader", "and {n} more").format(n=len(others) - _PLACES_SHOWN))
    text = translate("Reader", "Also found in: {places}").format(places=" · ".join(names))
    return f'<p class="provenance">{escape(text)}</p>'


def article_html(
    reading: Reading,
    colours: Colours = LIGHT,
    zoom: int = 100,
    *,
    editable: bool = True,
    paper: bool = False,
) -> str:
    """The whole article; `reading.terms` are the search words to highlight in the body.

    The "Needs review" box is the librarian's, not the article's: paper leaves it out, and a
    library opened read-only shows it without "Mark as reviewed".
    """
    detail = reading.detail
    record = detail.record
    signoff = (
        f'<p class="signoff">({escape("/".join(record.signoff))})</p>' if record.signoff else ""
    )
    lead = _photo(0, record.photos[0], reading, zoom, colours) if record.photos else ""
    return "".join(
        (
            "<html><body>",
            _header(
                detail,
                hit_pattern(reading.terms),
                "" if paper else review_box(detail, colours, editable),
            ),
            lead,
            '<div style="margin-top:14px">',
            _body(reading, zoom, colours),
            signoff,
            "</div>",
            _related(record.related, reading.related),
            _provenance(detail, reading.show_rules),
            "</body></html>",
        )
    )


def message_html(text: str) -> str:
    """A quiet message in the reader's place ("No article selected")."""
    return f'<html><body><p class="message">{escape(text)}</p></body></html>'
