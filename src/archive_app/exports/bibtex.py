"""BibTeX (and biblatex) entries: @article in a publication, @misc when none is known."""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import record_fields as fields
from archive_app.exports.keys import citation_key

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# babel/polyglossia names for biblatex's langid, which chooses hyphenation
LANGID = {
    "id": "indonesian",
    "en": "english",
    "ms": "malay",
    "nl": "dutch",
    "de": "ngerman",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "it": "italian",
}
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _SPECIAL))
_AND = re.compile(r"\s(and)\s", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def tex(text: str) -> str:
    """Escape LaTeX's special characters; other Unicode stays as UTF-8 (biber and bibtexu
    read it, and it survives better than accent macros)."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], flat)


def _url(url: str) -> str:
    """URLs are verbatim in biblatex; only braces (rare, but fatal when unbalanced) and
    spaces are percent-encoded."""
    return url.strip().replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _names(people: list[str]) -> str:
    """ "Artada, Yessy and Santoso, Budi"; a one-word name is braced so it is never split."""
    out = []
    for name in people:
        if _AND.search(name):  # "Tim and Co" would read as two people
            out.append("{" + tex(name) + "}")
            continue
        parts = fields.split_name(name)
        family = tex(parts.family)
        out.append(f"{family}, {tex(parts.given)}" if parts.given else f"{{{family}}}")
    return " and ".join(out)


def bibtex_fields(detail: ArticleDetail) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and its fields as (name, already-delimited value) pairs."""
    record = detail.record
    out: list[tuple[str, str]] = []
    writers = fields.creators(detail)
    if writers:
        out.append(("author", "{" + _names(writers) + "}"))
    editors = fields.names(record, "editor")
    if editors:
        out.append(("editor", "{" + _names(editors) + "}"))
    # double braces keep a headline's capitals from being lower-cased by the style
    out.append(("title", "{{" + tex(record.title) + "}}"))
    publication = fields.publication(record)
    if publication:
        out.append(("journal", "{" + tex(publication) + "}"))
    elif record.url:
        out.append(("howpublished", "{\\url{" + _url(record.url) + "}}"))
    issued = fields.published(record)
    if issued:
        out.append(("year", "{" + str(issued.year) + "}"))
        if issued.month:
            out.append(("month", MONTH_MACROS[issued.month - 1]))  # a macro: no braces
        out.append(("date", "{" + issued.day_iso + "}"))
    if record.url:
        out.append(("url", "{" + _url(record.url) + "}"))
        seen = fields.accessed(detail)
        if seen:
            out.append(("urldate", "{" + seen.day_iso + "}"))
    if record.language in LANGID:
        out.append(("langid", "{" + LANGID[record.language or ""] + "}"))
    summary = fields.abstract(record)
    if summary:
        out.append(("abstract", "{" + tex(summary) + "}"))
    subjects = fields.subjects(detail)
    if subjects:
        out.append(("keywords", "{" + tex(", ".join(subjects)) + "}"))
    out.append(("note", "{Arsip article " + str(detail.id) + "}"))
    return ("article" if publication else "misc"), out


def write_bibtex(stream: TextSink, details: Iterable[ArticleDetail]) -> int:
    count = 0
    for detail in details:
        kind, pairs = bibtex_fields(detail)
        body = ",\n".join(f"  {name} = {value}" for name, value in pairs)
        stream.write(f"@{kind}{{{citation_key(detail)},\n{body}\n}}\n\n")
        count += 1
    return count
