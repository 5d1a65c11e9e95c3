"""A caption and its credit read from markup: credit elements, label-led credit lines, a
short last part, and the credit patterns written into the caption's text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from archive_app.ingest.html.credits import (
    LABELS,
    Split,
    clean_credit,
    people_in,
    split_caption,
)
from archive_app.ingest.html.regions import marks, outermost
from archive_app.ingest.normalise.text import fold

# Class or id words of the blocks that hold a caption, and of those that hold a credit.
CAPTION = re.compile(
    r"caption|legend|keterangan|detfoto|figcap|cutline|image-?desc|img-?desc|"
    r"media-?desc|photo-?desc|foto-?desc|description|captiontext",
    re.I,
)
STRONG_CAPTION = re.compile(r"caption|legend|keterangan|detfoto|figcap|cutline", re.I)
_CREDIT = re.compile(
    r"credit|copyright|photographer|fotografer|author|byline|source|courtesy|"
    r"kredit|sumber|attribution|rights|foto-?by|photo-?by",
    re.I,
)
NOT_TEXT = frozenset({"script", "style", "noscript", "button", "svg", "template"})
# A block that opens with a credit label is a credit line ("Image Credits: Strava").
_LABEL_LED = re.compile(r"^\s*" + LABELS + r"\s*:", re.IGNORECASE)
_LABEL_LED_MAX = 160
# What a caption keeps at its end once its credit element is taken out: "… Foto:", "… (".
_DANGLING = re.compile(
    r"(?:\s*(?:Foto|Photo|Image|Credit|Picture)\s*:)?[\s(|/–—-]*$", re.IGNORECASE
)
_MAX_CAPTION = 600


def node_text(node: HtmlElement, skip: set[HtmlElement]) -> str:
    """The node's text without the subtrees in `skip` and without script-like elements."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> None:
        if element in skip or (isinstance(element.tag, str) and element.tag in NOT_TEXT):
            if element.tail and element is not node:
                parts.append(element.tail)
            return
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if element.tail and element is not node:
            parts.append(element.tail)

    walk(node)
    return fold(" ".join(parts))


def _credit_nodes(scope: HtmlElement) -> list[HtmlElement]:
    """Elements that hold a credit: by their class, as <cite>, or opening with a label."""
    found = []
    for node in scope.iterdescendants():
        if not isinstance(node.tag, str) or node.tag in NOT_TEXT:
            continue
        text = node.text_content()
        if not any(ch.isalnum() for ch in text):
            continue
        if (
            node.tag == "cite"
            or _CREDIT.search(marks(node))
            or (
                len(text) <= _LABEL_LED_MAX
                and _LABEL_LED.match(text)
                and node.tag not in ("strong", "b", "em", "i")
            )
        ):
            found.append(node)
    return outermost(found)


def _last_short_part(caption_node: HtmlElement) -> list[HtmlElement]:
    """A caption block made of a text part and a short last part ("<span>caption</span>
    <span>Name (AGENCY)</span>"): the last part is the credit."""
    node = caption_node
    while len(node) == 1 and not (node.text or "").strip() and not (node[0].tail or "").strip():
        node = node[0]  # down through single wrappers
    parts = [
        c
        for c in node
        if isinstance(c.tag, str) and c.tag not in NOT_TEXT and fold(c.text_content())
    ]
    loose = fold(node.text or "") or any(fold(c.tail or "") for c in node)
    if len(parts) < 2 and not (parts and loose):
        return []
    last = parts[-1]
    text = fold(last.text_content())
    if fold(last.tail or "") or len(text.split()) > 8 or text.endswith((".", "!", "?")):
        return []
    if len(fold(node.text_content())) <= len(text) + 10:
        return []
    return [last]


def _distinct(texts: Iterable[str]) -> list[str]:
    """Credit texts without repeats: one held inside another (a label and its name shown
    apart and again together) is dropped."""
    found = [t for t in dict.fromkeys(texts) if any(ch.isalnum() for ch in t)]
    return [
        t for t in found if not any(t != other and t.lower() in other.lower() for other in found)
    ]


def split_block(caption_node: HtmlElement | None, scope: HtmlElement) -> Split:
    """Caption and credit of a figure or caption block: credit elements first, then the
    credit patterns written into the caption's text, then a short last part."""
    credits = _credit_nodes(scope)
    structural = False
    if not credits and caption_node is not None:
        credits = _last_short_part(caption_node)
        structural = bool(credits)
    credit_text = " / ".join(_distinct(node_text(c, set()) for c in credits))
    caption_text = node_text(caption_node, set(credits)) if caption_node is not None else ""
    if len(caption_text) > _MAX_CAPTION:
        caption_text = ""
    credit = clean_credit(credit_text)
    if credit:
        inner = split_caption(caption_text)
        caption = inner.caption if inner.credit == credit else caption_text
        caption = _DANGLING.sub("", caption or "").strip() or None
        photographer, agency = people_in(credit)
        rule = "photo:credit-last-part" if structural else "photo:credit-element"
        return Split(caption, credit, photographer, agency, rule)
    return split_caption(caption_text)


def find_caption_node(figure: HtmlElement) -> HtmlElement | None:
    """A figure's caption element: its figcaption, a caption written right after it, or a
    caption-classed element inside."""
    caption = figure.find(".//figcaption")
    if caption is not None:
        return caption
    following = figure.getnext()
    if following is not None and (
        following.tag == "figcaption"
        or (isinstance(following.tag, str) and STRONG_CAPTION.search(marks(following)))
    ):
        return following  # a caption written right after its figure
    found = [
        n for n in figure.iterdescendants() if isinstance(n.tag, str) and CAPTION.search(marks(n))
    ]
    outer = outermost(found)
    return outer[0] if outer else None
