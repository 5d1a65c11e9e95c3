"""Reuters-21578 SGML (reut2-*.sgm): one raw article per <REUTERS> story.

The files are SGML, not well-formed XML (bare "&lt;", control characters written as "&#2;"),
so they are read with patterns rather than an XML parser. Each story is located as
"newid N": NEWID is the collection's own identifier, unique across all 22 files and the one the
literature cites, so a locator stays valid however the files are split or ordered (a story
without one, which the collection does not have, would be "item N", its position in the file).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text
from archive_app.ingest.raw import RawArticle, RawFailure

FORMAT = "reuters-sgml"
SITE = "Reuters"

_STORY = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<inner>.*?)</REUTERS>", re.DOTALL)
_ATTR = re.compile(r'(?P<name>[A-Z]+)="(?P<value>[^"]*)"')
_TEXT = re.compile(r"<TEXT\b(?P<attrs>[^>]*)>(?P<inner>.*?)</TEXT>", re.DOTALL)
_CONTROL = re.compile(r"&#(?:[0-8]|1[0-9]|2[0-9]|3[01]|127);")
_CATEGORY = re.compile(r"<D>(.*?)</D>", re.DOTALL)
# The wire's closing word ("Reuter", "REUTER"), often glued to the body's last line.
_TRAILER = re.compile(r"\s*\bReuter\s*$", re.IGNORECASE)
_TAGS = ("TITLE", "DATELINE", "AUTHOR", "BODY", "DATE")
# Category lists kept as columns; the catalogue record has no field for them yet.
CATEGORY_COLUMNS = {
    "PLACES": "places",
    "TOPICS": "topics",
    "PEOPLE": "people_tags",
    "ORGS": "orgs",
    "EXCHANGES": "exchanges",
    "COMPANIES": "companies",
}


def _element(name: str, text: str) -> str | None:
    match = re.search(rf"<{name}>(.*?)</{name}>", text, re.DOTALL)
    return match.group(1) if match else None


def _unescape(text: str) -> str:
    return html.unescape(_CONTROL.sub("", text))


def paragraphs(body: str) -> list[str]:
    """Join the wire's 70-column lines into paragraphs: an indented line starts a new one."""
    found: list[str] = []
    current: list[str] = []
    for line in body.splitlines():
        if not line.strip():
            if current:
                found.append(" ".join(current))
                current = []
            continue
        if line[:1].isspace() and current:
            found.append(" ".join(current))
            current = []
        current.append(line.strip())
    if current:
        found.append(" ".join(current))
    return found


def _story(locator: str, inner: str) -> RawArticle | RawFailure:
    text_match = _TEXT.search(inner)
    text_attrs = dict(_ATTR.findall(text_match["attrs"])) if text_match else {}
    text = text_match["inner"] if text_match else ""
    fields = {tag: _element(tag, text if tag != "DATE" else inner) for tag in _TAGS}
    columns = {"site": SITE, "language": "en"}
    for tag, column in (("TITLE", "title"), ("DATE", "date"), ("AUTHOR", "author")):
        value = " ".join(_unescape(fields[tag] or "").split())
        if value:
            columns[column] = value
    for tag, column in CATEGORY_COLUMNS.items():
        values = [_unescape(v).strip() for v in _CATEGORY.findall(_element(tag, inner) or "")]
        if values:
            columns[column] = "; ".join(values)
    kind = text_attrs.get("TYPE", "NORM")
    if kind == "BRIEF":
        return RawFailure(locator, "a headline-only brief (TEXT TYPE=BRIEF): no article text")
    if kind == "UNPROC" or fields["BODY"] is None:
        # Unprocessed stories have no TITLE or BODY markup: the first line is the headline.
        lines = [ln for ln in _unescape(text).splitlines() if ln.strip()]
        if not lines:
            return RawFailure(locator, "the story has no text")
        columns.setdefault("title", lines[0].strip())
        body = "\n".join(lines[1:])
    else:
        body = _unescape(fields["BODY"] or "")
    body, trailed = _TRAILER.subn("", body)
    if trailed:
        columns["agency"] = SITE
    parts = paragraphs(body)
    # a few datelines carry the wire's "****" priority marks before the place
    dateline = " ".join(_unescape(fields["DATELINE"] or "").split()).lstrip("* ")
    if dateline and parts:
        # The dateline opens the story as it did on the wire; the normaliser takes it off.
        parts[0] = f"{dateline} {parts[0]}"
    return RawArticle(locator=locator, text="\n".join(parts), columns=columns)


def read_reuters_sgml(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """Every <REUTERS> story of a Reuters-21578 file, in file order."""
    text = decode_text(data, context.notes if context else None)
    for position, match in enumerate(_STORY.finditer(text), start=1):
        newid = dict(_ATTR.findall(match["attrs"])).get("NEWID")
        yield _story(f"newid {newid}" if newid else f"item {position}", match["inner"])
