"""Walk wire XML by local names (namespaces vary by agency and version) and read its text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from archive_app.ingest.wire.vocabulary import (
    CONTAINERS,
    PARAGRAPHS,
    SKIPPED,
    TABLE_CELLS,
    TABLE_ROW,
)
from archive_app.ingest.wire.xmlsafe import is_comment

# Some NITF exports replace a character their code page lacks with a comment naming it:
# "city<!-- 2019(unknown) -->s" is "city’s". The comment is the only record of the character.
_LOST_CHARACTER = re.compile(r"^\s*([0-9A-Fa-f]{4,5})\(unknown\)\s*$")
_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def local(element: ET.Element) -> str:
    """The element's name without its namespace, lower-cased."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def children(element: ET.Element, *names: str) -> list[ET.Element]:
    """Direct children with one of the local names (all element children when none given)."""
    return [c for c in element if local(c) and (not names or local(c) in names)]


def child(element: ET.Element | None, *path: str) -> ET.Element | None:
    """The first element down a path of local names, or None."""
    current = element
    for name in path:
        if current is None:
            return None
        current = next((c for c in current if local(c) == name), None)
    return current


def descendants(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """Every element below (and including) `element` with the local name."""
    return (e for e in element.iter() if local(e) == name)


def first(element: ET.Element, name: str) -> ET.Element | None:
    return next(descendants(element, name), None)


def _lost(comment: ET.Element) -> str:
    match = _LOST_CHARACTER.match(comment.text or "")
    return chr(int(match.group(1), 16)) if match else ""


def raw_text(element: ET.Element | None) -> str:
    """All the text inside an element, comments left out (except lost characters)."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for node in element:
        if is_comment(node):
            parts.append(_lost(node))
        elif local(node) == "br":
            parts.append(" ")  # "Quelle: Reuters<br/>Stand: …" are two words apart
        else:
            parts.append(raw_text(node))
        parts.append(node.tail or "")
    return "".join(parts)


def clean(text: str) -> str:
    """Whitespace folded to single spaces, trimmed."""
    return _SPACE.sub(" ", text).strip()


def text(element: ET.Element | None) -> str:
    """An element's text on one line."""
    return clean(raw_text(element))


def attr(element: ET.Element | None, name: str) -> str:
    """An attribute's trimmed value ("" when absent)."""
    return (element.get(name) or "").strip() if element is not None else ""


def _loose(text_part: str) -> list[str]:
    """Text standing directly in a container: a story without <p> tags, split on blank lines."""
    return [p for p in (clean(chunk) for chunk in _BLANK_LINES.split(text_part)) if p]


def _is_block(node: ET.Element) -> bool:
    name = local(node)
    return name in PARAGRAPHS or name in CONTAINERS or name in SKIPPED or name == TABLE_ROW


def paragraphs(element: ET.Element | None) -> list[str]:
    """The paragraphs of a body: block elements in order, table rows as "a | b" lines, loose
    text between blocks split on blank lines; headers and media left out."""
    if element is None:
        return []
    name = local(element)
    if name in SKIPPED:
        return []
    if name == TABLE_ROW:
        cells = [text(c) for c in element if local(c) in TABLE_CELLS]
        row = " | ".join(c for c in cells if c)
        return [row] if row else []
    nodes = [n for n in element if not is_comment(n)]
    if not any(_is_block(n) for n in nodes):
        whole = raw_text(element)
        return (
            _loose(whole) if name not in PARAGRAPHS else ([text(element)] if text(element) else [])
        )
    found: list[str] = []
    pending = [element.text or ""]
    for node in element:
        if is_comment(node):
            pending.append(_lost(node))
        elif _is_block(node):
            found.extend(_loose("".join(pending)))
            pending = []
            found.extend(paragraphs(node))
        else:
            pending.append(raw_text(node))
        pending.append(node.tail or "")
    found.extend(_loose("".join(pending)))
    return found


def language(element: ET.Element | None) -> str:
    """The xml:lang in force on an element (its own only; callers walk up themselves)."""
    return attr(element, XML_LANG)
