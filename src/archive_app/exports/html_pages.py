"""The pages of the HTML export: one per article and the index, as escaped HTML5 text."""

from __future__ import annotations

import html
from dataclasses import dataclass

from archive_app import __version__
from archive_app.domain.model import ArticleDetail, Photo
from archive_app.exports import citations
from archive_app.exports import record_fields as fields

# Inline so a page copied out of the folder alone still reads well; no scripts, no fonts or
# images from anywhere but the folder itself.
STYLE = """
body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#222;background:#fdfcf8;margin:0}
main{max-width:44rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.9rem;line-height:1.25;margin:.6rem 0}
nav,.meta,.people,figcaption,footer,table,.sorts{font-family:system-ui,sans-serif;font-size:.9rem}
.meta,.people,footer{color:#555}
figure{margin:1.5rem 0}
figure img{max-width:100%;height:auto;display:block}
figcaption{color:#444;margin-top:.4rem}
.credit{color:#777;white-space:nowrap}
.missing{border:1px dashed #bbb;padding:.5rem .8rem;color:#777;font:.85rem system-ui,sans-serif}
section{border-top:1px solid #ddd;margin-top:2rem}
h2{font:600 1rem system-ui,sans-serif;margin:1rem 0 .5rem}
dt{font-weight:600}
dd{margin:0 0 .8rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e4e2da}
td.date{white-space:nowrap}
@media print{nav,.sorts{display:none}}
"""
ORDERS = {  # index page -> its label; the date header switches between the first two
    "index.html": "newest first",
    "index-oldest.html": "oldest first",
    "index-title.html": "title",
    "index-site.html": "site",
}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def document(title: str, body: str) -> str:
    """A complete HTML5 document around `body`."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Arsip {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def time_element(value: str | None) -> str:
    """<time> with a machine-readable datetime, or "no date"."""
    date = fields.parse_date(value)
    if date is None:
        return esc(value) if value else "no date"
    shown = date.day_iso + (f" {date.time}" if date.time else "")
    shown += f" ({date.zone})" if date.zone else ""
    return f'<time datetime="{esc(date.text)}">{esc(shown)}</time>'


def _link(url: str | None, text: str) -> str:
    """A link only to a web address (never javascript: or a local path)."""
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}">{esc(text)}</a>'
    return esc(text)


def people_line(detail: ArticleDetail) -> str:
    """ "Editor: Yessy Artada · Reporter: Yessy Artada"."""
    roles: dict[str, list[str]] = {}
    for person in detail.record.people:
        roles.setdefault(person.role, []).append(person.name)
    return " · ".join(
        f"{esc(role.capitalize())}: {esc(', '.join(names))}" for role, names in roles.items()
    )


def figure(detail: ArticleDetail, photo: Photo, image: str | None) -> str:
    """A photo (when its file is in the folder) with its caption and credit."""
    caption = photo.caption or ""
    credit = fields.credit_text(detail.record, photo)
    if image:
        picture = f'<img src="{esc(image)}" alt="{esc(caption or "Photo")}">'
    else:
        picture = '<div class="missing">The photo itself was not archived.</div>'
    credit_html = f' <span class="credit">Photo: {esc(credit)}</span>' if credit else ""
    text = f"{esc(caption)}{credit_html}".strip()
    return f"<figure>{picture}" + (f"<figcaption>{text}</figcaption>" if text else "") + "</figure>"


def _photos_and_body(detail: ArticleDetail, images: list[str | None]) -> list[str]:
    """The lead photo and photos with no place in the text above it; a photo the source
    placed in the text stands after its paragraph, as in the reader."""
    record = detail.record
    placed: dict[int, list[str]] = {}
    parts = []
    for position, (photo, image) in enumerate(zip(record.photos, images, strict=True)):
        shown = figure(detail, photo, image)
        if position > 0 and photo.paragraph is not None and 0 <= photo.paragraph < len(record.body):
            placed.setdefault(photo.paragraph, []).append(shown)
        else:
            parts.append(shown)
    for number, paragraph in enumerate(record.body):
        parts.append(f"<p>{esc(paragraph)}</p>")
        parts += placed.get(number, [])
    return parts


def article_page(detail: ArticleDetail, images: list[str | None]) -> str:
    """The reading page: title, date, site, dateline, people, photos, body, links, citation."""
    record = detail.record
    meta = [time_element(record.published)]
    publication = fields.publication(record)
    meta += [esc(x) for x in (publication, record.dateline_place) if x]
    lang = f' lang="{esc(record.language)}"' if record.language else ""
    parts = [
        '<nav><a href="index.html">← All articles</a></nav>',
        f"<article{lang}>",
        f"<h1>{esc(record.title or '[Untitled]')}</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if record.people:
        parts.append(f'<p class="people">{people_line(detail)}</p>')
    parts += _photos_and_body(detail, images)
    if record.related:
        items = "".join(f"<li>{_link(link.url, link.title)}</li>" for link in record.related)
        parts.append(f"<section><h2>Read also</h2><ul>{items}</ul></section>")
    cites = "".join(
        f"<dt>{esc(citations.STYLE_NAMES[style])}</dt>"
        f"<dd>{citations.cite(detail, style, html=True)}</dd>"
        for style in ("apa", "chicago")
    )
    parts.append(f"<section><h2>Cite this article</h2><dl>{cites}</dl></section>")
    parts.append(f"</article>\n<footer>{source_line(detail)}</footer>")
    return document(record.title or "[Untitled]", "\n".join(parts))


def source_line(detail: ArticleDetail) -> str:
    """Where the text came from: the web address and the archived original."""
    out = []
    if detail.record.url:
        out.append("Published at " + _link(detail.record.url, detail.record.url) + ".")
    source = detail.source
    if source:
        out.append(
            f"Archived by Arsip from {esc(source.file)} ({esc(source.format)}, "
            f"{esc(source.locator)}), SHA-256 {esc(source.sha256)}, imported "
            f"{esc(source.imported_at[:10])}; {detail.versions} version(s)."
        )
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class IndexRow:
    """What the index shows of one article."""

    page: str
    title: str
    published: str | None
    site: str
    people: str


def index_row(detail: ArticleDetail, page: str) -> IndexRow:
    record = detail.record
    roles: dict[str, list[str]] = {}
    for person in record.people:
        roles.setdefault(person.name, []).append(person.role)
    people = "; ".join(f"{name} ({', '.join(r)})" for name, r in roles.items())
    return IndexRow(
        page,
        record.title or "[Untitled]",
        record.published,
        fields.publication(record) or "",
        people,
    )


def sorted_rows(rows: list[IndexRow], order: str) -> list[IndexRow]:
    """Rows in one index page's order; undated articles last in either date order."""
    dated = [r for r in rows if fields.parse_date(r.published)]
    undated = [r for r in rows if not fields.parse_date(r.published)]
    if order in ("index.html", "index-oldest.html"):
        dated.sort(key=lambda r: r.published or "", reverse=order == "index.html")
        return dated + undated
    key = "title" if order == "index-title.html" else "site"
    return sorted(rows, key=lambda r: (getattr(r, key).casefold(), r.published or ""))


def index_page(rows: list[IndexRow], order: str) -> str:
    """A table of every article; each header links to the index sorted by that column."""
    date_target = "index-oldest.html" if order == "index.html" else "index.html"
    sorts = " · ".join(
        f"<strong>{esc(label)}</strong>"
        if name == order
        else f'<a href="{esc(name)}">{esc(label)}</a>'
        for name, label in ORDERS.items()
    )
    body = "".join(
        f'<tr><td class="date">{time_element(r.published)}</td>'
        f'<td><a href="{esc(r.page)}">{esc(r.title)}</a></td>'
        f"<td>{esc(r.site)}</td><td>{esc(r.people)}</td></tr>\n"
        for r in sorted_rows(rows, order)
    )
    table = (
        f'<table>\n<thead><tr><th><a href="{date_target}">Date</a></th>'
        '<th><a href="index-title.html">Title</a></th>'
        '<th><a href="index-site.html">Site</a></th><th>People</th></tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>"
    )
    count = f"{len(rows)} article" + ("" if len(rows) == 1 else "s")
    return document(
        f"Arsip export: {count}",
        f'<h1>Arsip export: {count}</h1>\n<p class="sorts">Sorted by: {sorts}</p>\n{table}',
    )
