"""Render one catalogue record as the reader's HTML: header, photos, body with hits, links."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl

from archive_app.core.model import ArticleDetail, Photo, Provenance, RelatedLink
from archive_app.gui.display import long_date, people_line, stamp
from archive_app.gui.highlight import hit_pattern, marked

# Qt's rich-text engine understands a subset of CSS 2.1; everything here is within it.
READER_CSS = """
body { color: #1f2a2a; }
h1 { font-size: 17pt; font-weight: 600; color: #16302f; margin-top: 4px; margin-bottom: 6px; }
h3 { font-size: 11pt; font-weight: 600; color: #2f5d62; margin-top: 18px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 10px; }
p.body { font-family: "DejaVu Serif", "Noto Serif", "Georgia", serif; font-size: 11.5pt; }
p.kicker { color: #5e8b7e; font-size: 9pt; font-weight: 600; margin-bottom: 2px; }
p.signoff { color: #6b7777; }
p.provenance { color: #6b7777; font-size: 8.5pt; margin-top: 22px; }
td.label { color: #6b7777; padding-right: 12px; }
td.photo { color: #6b7777; }
p.caption { font-size: 9.5pt; color: #3d4a4a; margin-top: 6px; margin-bottom: 2px; }
p.credit { font-size: 8.5pt; color: #6b7777; }
span.hit { background-color: #fbe3a1; }
p.message { color: #6b7777; font-size: 11pt; }
"""

_PHOTO_PADDING = 44  # the placeholder's padding: a photo's footprint without the photo


def _meta_row(label: str, value_html: str) -> str:
    return f'<tr><td class="label">{escape(label)}</td><td>{value_html}</td></tr>'


def _header(detail: ArticleDetail) -> str:
    record = detail.record
    kicker = " · ".join(x for x in (record.site, record.dateline_place) if x)
    parts = [f'<p class="kicker">{escape(kicker.upper())}</p>' if kicker else ""]
    parts.append(f"<h1>{escape(record.title or 'Untitled article')}</h1>")
    rows: list[str] = []
    if record.published:
        printed = ""
        if record.published_raw:
            raw = escape(record.published_raw)
            printed = f'<br><span style="color:#6b7777">printed as “{raw}”</span>'
        rows.append(_meta_row("Published", escape(long_date(record.published)) + printed))
    if record.updated:
        rows.append(_meta_row("Updated", escape(long_date(record.updated))))
    if record.dateline_place:
        rows.append(_meta_row("Dateline", escape(record.dateline_place)))
    if record.people:
        rows.append(_meta_row("People", escape(people_line(record.people))))
    if record.site:
        rows.append(_meta_row("Site", escape(record.site)))
    if record.url:
        rows.append(_meta_row("Address", escape(record.url)))
    if detail.tags:
        rows.append(_meta_row("Tags", escape(", ".join(detail.tags))))
    if rows:
        parts.append(f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>')
    return "".join(parts)


def _photo(photo: Photo, library: Path | None) -> str:
    local = library / photo.media_path if library and photo.media_path else None
    if local is not None and local.is_file():
        # only ever a file inside the library folder; the reader refuses anything else
        url = QUrl.fromLocalFile(str(local)).toString()
        picture = f'<img src="{escape(url)}" width="480">'
    else:
        # Qt's rich text ignores cell heights; the padding gives the placeholder its footprint
        picture = (
            f'<table width="100%" cellspacing="0" cellpadding="{_PHOTO_PADDING}" '
            'bgcolor="#eeeae2"><tr><td class="photo" align="center">'
            "Photo not archived<br>"
            '<span style="font-size:8.5pt">only its caption and credit were recorded</span>'
            "</td></tr></table>"
        )
    caption = f'<p class="caption">{escape(photo.caption)}</p>' if photo.caption else ""
    credit = photo.credit or photo.photographer or photo.agency
    credit_html = f'<p class="credit">Photo: {escape(credit)}</p>' if credit else ""
    return f'<div style="margin-top:12px">{picture}{caption}{credit_html}</div>'


def _body(paragraphs: Sequence[str], terms: Sequence[str]) -> str:
    pattern = hit_pattern(terms)
    return "".join(f'<p class="body">{marked(p, pattern)}</p>' for p in paragraphs)


def _related(links: Sequence[RelatedLink]) -> str:
    if not links:
        return ""
    items = []
    for link in links:
        title = escape(link.title)
        # a link is shown, never followed: clicking it only copies the address
        items.append(f'<li><a href="{escape(link.url)}">{title}</a></li>' if link.url
                     else f"<li>{title}</li>")
    return f"<h3>Related articles</h3><ul>{''.join(items)}</ul>"


def _provenance(detail: ArticleDetail) -> str:
    source: Provenance | None = detail.source or (detail.provenance[-1] if detail.provenance
                                                  else None)
    parts: list[str] = []
    if source is not None:
        name = f"{source.file} › {source.member}" if source.member else source.file
        where = f", {source.locator}" if source.locator and source.locator != "file" else ""
        parts.append(f"From {name}{where} ({source.format})")
        if source.imported_at:
            parts.append(f"imported {stamp(source.imported_at)}")
    parts.append(f"version {detail.version} of {detail.versions}")
    parts.append(f"article {detail.id}")
    return f'<p class="provenance">{escape(" · ".join(parts))}</p>'


def article_html(detail: ArticleDetail, terms: Sequence[str] = (),
                 library: Path | None = None) -> str:
    """The whole article; `terms` are the search words to highlight in the body."""
    record = detail.record
    signoff = (f'<p class="signoff">({escape("/".join(record.signoff))})</p>'
               if record.signoff else "")
    return "".join((
        "<html><body>",
        _header(detail),
        "".join(_photo(photo, library) for photo in record.photos),
        '<div style="margin-top:12px">',
        _body(record.body, terms),
        signoff,
        "</div>",
        _related(record.related),
        _provenance(detail),
        "</body></html>",
    ))


def message_html(text: str) -> str:
    """A quiet message in the reader's place ("No article selected")."""
    return f'<html><body><p class="message">{escape(text)}</p></body></html>'
