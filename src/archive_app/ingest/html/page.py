"""Decode a saved page with the charset it declares (else a detected one) and parse it."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.html
from charset_normalizer import from_bytes
from lxml.etree import ParserError

from archive_app.domain.errors import ReadError
from archive_app.ingest.decode import decode_text, mostly_utf8

# Where browsers look for a declaration: the first 1024 bytes by the standard; saved pages
# often carry long comment and script blocks first, so a larger window is searched.
_HEAD_BYTES = 16384
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# The WHATWG encoding standard reads these labels as Windows code pages, as every browser does.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
}
# How much more "chaos" (charset-normalizer's measure of unlikely text) Windows-1252 may show
# than the detector's best pick and still be preferred as the browser's default.
_CHAOS_MARGIN = 0.02
# What a browser's "Save page" puts before the markup: the address the page came from.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# The parser trafilatura itself uses: comments and processing instructions gone, so a
# paragraph carrying "<!--StartFragment-->" reads as the paragraph it is.
_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)


@dataclass(slots=True)
class Page:
    """A decoded, parsed page: its text, its tree, and how its bytes were read."""

    text: str
    tree: lxml.html.HtmlElement
    encoding: str
    saved_from: str | None


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in a meta tag or XML declaration, if Python knows it."""
    head = data[:_HEAD_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    """Whether the bytes decode as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_page(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """The page's text and the codec that read it: a byte-order mark, else the page's own
    declaration, else UTF-8 when the bytes are UTF-8 (or UTF-8 but for a few bytes, which are
    replaced and said in `notes`), else what a browser would use."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    declared = declared_charset(data)
    utf8 = _is_utf8(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32") and utf8 and not data.isascii():
        # bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever the page says: a page
        # re-saved as UTF-8 often keeps its old declaration
        declared = "utf-8"
    if declared and not declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong; detect instead
    if utf8:
        return data.decode("utf-8"), "utf-8"
    mostly = mostly_utf8(data) if declared in (None, "utf-8") else None
    if mostly is not None:
        text, note = mostly
        if notes is not None:
            notes.append(note)
        return text, "utf-8"
    western = _browser_default(data)
    if western is not None:
        return western, "cp1252"
    return decode_text(data, notes), "detected"


def _browser_default(data: bytes) -> str | None:
    """The page as Windows-1252, the default browsers give an undeclared page, unless the
    bytes read clearly better in another encoding (Cyrillic, Japanese …). A page whose only
    non-ASCII bytes are a few no-break spaces fits dozens of code pages equally well, and a
    detector's first pick among them (cp775, cp850) is a guess; the browser's is not."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding == "cp1252":
        return western
    mine = from_bytes(data, cp_isolation=["cp1252"]).best()
    if mine is not None and mine.chaos <= best.chaos + _CHAOS_MARGIN:
        return western
    return None


def parse_markup(markup: str) -> lxml.html.HtmlElement:
    """The tree of decoded markup, parsed the way the body extractor expects."""
    return lxml.html.document_fromstring(markup, parser=_PARSER)


def parse_page(data: bytes, notes: list[str] | None = None) -> Page:
    """Decode and parse a page; ReadError when it holds no markup at all. What decoding had
    to replace is said in `notes`."""
    text, encoding = decode_page(data, notes)
    # lxml refuses str input that carries an encoding declaration; the text is decoded already
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        tree = parse_markup(markup)
    except (ParserError, ValueError) as error:
        raise ReadError(f"the page holds no readable HTML ({error})") from error
    saved = _SAVED_FROM.search(text[:4096])
    return Page(
        text=markup, tree=tree, encoding=encoding, saved_from=saved.group(1) if saved else None
    )
