"""A citation of an article to paste into a paper: authors, title, site, date, address, accessed.

"Accessed" is the day the copy entered this archive (the import): that is when the text cited
was last seen at its address, which is what the word promises a reader of the paper.
"""

from __future__ import annotations

from datetime import date

from archive_app.core.model import ArticleDetail
from archive_app.gui.display import day_text
from archive_app.gui.i18n import translate

AUTHOR_ROLES = ("author", "reporter")


def citation_text(detail: ArticleDetail, today: date | None = None) -> str:
    """ "Yessy Artada. “Title.” jpnn.com, 17 May 2024. https://…. Accessed 26 November 2026." """
    record = detail.record
    authors = list(dict.fromkeys(p.name for p in record.people if p.role in AUTHOR_ROLES))
    parts: list[str] = []
    if authors:
        parts.append(_join(authors) + ".")
    title = (record.title or translate("Reader", "Untitled article")).rstrip(".")
    parts.append(f"“{title}.”")
    where = ", ".join(x for x in (record.site, day_text(record.published)) if x)
    if where:
        parts.append(where + ".")
    if record.url:
        parts.append(record.url + ".")
    source = detail.source or (detail.provenance[-1] if detail.provenance else None)
    seen = source.imported_at if source is not None and source.imported_at else None
    accessed = day_text(seen[:10]) if seen else day_text((today or date.today()).isoformat())
    parts.append(translate("Citation", "Accessed {day}.").format(day=accessed))
    return " ".join(parts)


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return translate("Citation", "{first} and {last}").format(first=", ".join(names[:-1]),
                                                              last=names[-1])
