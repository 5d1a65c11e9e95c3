"""HTML carried as text: escaped bodies in wire XML ("&lt;P&gt;…"), ninjs body_html, e-mail
parts. The markup is parsed by lxml's HTML parser (no network, no DTD, comments dropped) and
read into paragraphs by the same walk as wire XML bodies."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import cast

import lxml.html
from lxml.etree import ParserError

from archive_app.ingest.wire.tree import clean, paragraphs

_PARSER = lxml.html.HTMLParser(
    collect_ids=False, remove_comments=True, remove_pis=True, no_network=True
)
# Tags that make text HTML rather than prose that mentions a "<" (a block, a break, a link…)
_TAG = re.compile(
    r"</?(?:p|br|div|span|h[1-6]|ul|ol|li|blockquote|b|i|em|strong|a|table|tr|td|"
    r"figure|img|html|body|section|article)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_BREAKS = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)


def looks_like_markup(text: str) -> bool:
    """Whether text is HTML: it opens with a tag, or holds at least two of them."""
    stripped = text.lstrip()
    if stripped.startswith("<") and _TAG.match(stripped):
        return True
    found = _TAG.search(text)
    return found is not None and _TAG.search(text, found.end()) is not None


def markup_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML fragment or document: block elements in order, loose text
    split on blank lines and on doubled <br>s; headers, figures, scripts and styles left out.
    Text that does not parse as HTML is read as plain paragraphs."""
    markup = _BREAKS.sub("\n\n", markup.strip())
    if not markup:
        return []
    # lxml refuses str input that carries an encoding declaration; the text is decoded already
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        if re.match(r"\s*(?:<!doctype[^>]*>\s*)?<html", markup, re.IGNORECASE):
            document = lxml.html.document_fromstring(markup, parser=_PARSER)
            root = document.find("body")
            root = document if root is None else root
        else:
            root = lxml.html.fragment_fromstring(markup, create_parent="div", parser=_PARSER)
    except (ParserError, ValueError):
        return [p for p in (clean(c) for c in re.split(r"\n\s*\n", markup)) if p]
    # lxml's elements walk like ElementTree's (tag, text, tail, children): the same reader
    return [p for p in paragraphs(cast(ET.Element, root)) if p]


def text_paragraphs(text: str) -> list[str]:
    """Plain text or escaped HTML as a body's paragraphs: HTML by its elements, plain text
    split on blank lines with the lines inside a paragraph joined."""
    if looks_like_markup(text):
        return markup_paragraphs(text)
    return [p for p in (clean(chunk) for chunk in re.split(r"\n\s*\n", text)) if p]


def element_paragraphs(element: ET.Element | None) -> list[str]:
    """A body element's paragraphs; when its only content is text that is escaped HTML
    ("&lt;P&gt;Text&lt;/P&gt;" in the XML), the HTML's paragraphs, not literal "<P>"s."""
    if element is not None and len(element) == 0 and looks_like_markup(element.text or ""):
        return markup_paragraphs(element.text or "")
    return paragraphs(element)
