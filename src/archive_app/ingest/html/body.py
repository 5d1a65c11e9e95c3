"""The article's running text, pulled out of the page by trafilatura and tidied into paragraphs."""

from __future__ import annotations

import re
from importlib.metadata import version

import trafilatura
from lxml.html import HtmlElement

from archive_app.ingest.html.page import parse_markup

EXTRACTOR = f"trafilatura {version('trafilatura')}"
# trafilatura runs alone first (its comparison with readability and jusText doubled the time of
# reading a page); a text this short is extracted again with the comparison, and if still this
# short, which is more often a paywall or reprint notice than an article, the default (balanced)
# extraction is tried too and kept when it finds at least twice as much. Measured with
# scripts/eval_html.py: body F1 0.9717 against 0.9695 for the comparison on every page.
_SHORT_WORDS = 120
_RECOVERY_FACTOR = 2.0
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
# A table laid out a page rather than tabulating data: its cells hold blocks or running text.
_BLOCKS_IN_CELL = "p", "div", "table", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote"
_LAYOUT_CELL_WORDS = 60
_TABLE_PARTS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th")


def _layout_table(table: HtmlElement) -> bool:
    """Whether a table lays out the page (old sites, e-mail-like pages) instead of holding
    rows of data; trafilatura would give each of its rows as one "| … |" line."""
    if (table.get("role") or "").lower() == "presentation":
        return True
    cells = list(table.iter("td", "th"))
    if len(cells) == 1:
        return True  # a box (a pull quote, a note) drawn with a table
    for cell in cells:
        if any(cell.find(f".//{tag}") is not None for tag in _BLOCKS_IN_CELL):
            return True
        if len((cell.text_content() or "").split()) > _LAYOUT_CELL_WORDS:
            return True
    return False


def unwrap_layout_tables(tree: HtmlElement) -> HtmlElement:
    """The tree with layout tables turned into plain blocks, so their paragraphs read as
    paragraphs; data tables stay tables. Changes the tree in place and returns it."""
    layouts = [t for t in tree.iter("table") if _layout_table(t)]
    for table in layouts:
        for part in [table, *table.iter(*_TABLE_PARTS)]:
            if part.tag in _TABLE_PARTS and (part is table or part.getparent() is not None):
                part.tag = "div"
    return tree


def _run(source: HtmlElement, url: str | None, *, precise: bool, fast: bool = False) -> str:
    """trafilatura's plain text. Settings measured on the article-extraction benchmark
    (scripts/eval_html.py): precision mode without comments is the best single setting;
    `fast` skips its comparison with readability and jusText."""
    text = trafilatura.extract(
        source,
        url=url,
        output_format="txt",
        favor_precision=precise,
        include_comments=False,
        include_tables=True,
        fast=fast,
    )
    return text or ""


def paragraphs(text: str) -> list[str]:
    """One paragraph per line, inner runs of spaces folded, empty lines gone."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def extract_body(tree: HtmlElement, markup: str, url: str | None) -> list[str]:
    """The article's paragraphs. `tree` is consumed (trafilatura prunes it in place);
    `markup` re-parses the page when a second, balanced extraction is needed."""
    text = _run(unwrap_layout_tables(tree), url, precise=True, fast=True)
    if len(text.split()) < _SHORT_WORDS:
        # trafilatura alone fell short: let it compare with readability and jusText as well
        text = _run(unwrap_layout_tables(parse_markup(markup)), url, precise=True)
    if len(text.split()) < _SHORT_WORDS:
        fresh = unwrap_layout_tables(parse_markup(markup))
        balanced = _run(fresh, url, precise=False)
        if len(balanced) >= _RECOVERY_FACTOR * max(len(text), 1):
            text = balanced
    return paragraphs(text)
