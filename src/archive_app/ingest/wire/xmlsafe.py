"""Parse wire XML with a hardened parser: entities are refused, never expanded or fetched.

expat (through defusedxml) reads no external file and no URL. Any <!ENTITY> a document declares
is refused, which stops both external entities (XXE: "file:///etc/passwd", "http://…") and
nested expansions (billion laughs), with one exception: a DTD module named as an external
parameter entity (NewsML 1.2's `<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;`) is common in
real feeds and harmless here, because nothing is ever loaded. The XML declaration decides the
encoding (an ISO-8859-1 NTB file is read as ISO-8859-1) unless it lies: a file declared
ISO-8859-1 whose bytes are UTF-8 (or declared UTF-8 and written in a Windows code page) is read
in the encoding charset-normalizer finds, rather than turned into mojibake or refused.
"""

from __future__ import annotations

import codecs
import html.entities
import logging
import re
import xml.etree.ElementTree as ET
from typing import Any

from charset_normalizer import from_bytes
from defusedxml import DefusedXmlException
from defusedxml.common import (
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser

from archive_app.domain.errors import ReadError
from archive_app.ingest.decode import decode_text

log = logging.getLogger(__name__)
_DECLARED = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)(["'])""")
# what a declaration names when the file's author did not know: Latin code pages and ASCII
_GUESSED = frozenset({"iso8859_1", "cp1252", "iso8859_15", "ascii"})
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")


class _Parser(DefusedXMLParser):  # type: ignore[misc]
    """defusedxml's parser, letting an unloaded DTD module be named (see the module notes)."""

    def defused_entity_decl(
        self,
        name: str,
        is_parameter_entity: bool,
        value: str | None,
        base: str | None,
        sysid: str | None,
        pubid: str | None,
        notation_name: str | None,
    ) -> None:
        if is_parameter_entity and value is None and (sysid or pubid):
            return  # a DTD module: declared, never read
        raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _feed(data: bytes) -> ET.Element:
    parser = _Parser(
        target=ET.TreeBuilder(insert_comments=True),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    parser.feed(data)
    root: ET.Element = parser.close()
    return root


def _numeric_entities(data: bytes) -> bytes:
    """HTML entity names ("&nbsp;") written as character references, for feeds that rely on a
    DTD Arsip does not load to define them."""

    def replace(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return match.group(0)
        return f"&#{html.entities.name2codepoint[name]};".encode("ascii")

    return _NAMED.sub(replace, data)


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, ExternalReferenceForbidden):
        target = error.sysid or error.pubid or "an outside file"
        return (
            f"refused: the XML refers to an external resource ({target}); Arsip never "
            "fetches files or URLs named inside a document"
        )
    if isinstance(error, EntitiesForbidden):
        where = error.sysid or error.pubid
        if where:
            return (
                f"refused: the XML declares an external entity {error.name!r} pointing at "
                f"{where!r} (an XXE attack pattern); it was neither expanded nor fetched"
            )
        return (
            f"refused: the XML declares its own entity {error.name!r}; entities that "
            "expand into other entities are how a billion-laughs attack fills memory, so "
            "Arsip never expands them"
        )
    return f"refused: the XML uses a construct Arsip does not allow ({error})"


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def honest_encoding(data: bytes) -> bytes:
    """The document, its declaration corrected when the bytes are in another encoding than
    the one it names: declared ISO-8859-1 or Windows-1252 but written in UTF-8, or declared
    (or, with no declaration, implied) UTF-8 but written in a single-byte code page."""
    if data.isascii() or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    found = _DECLARED.match(data)
    declared = _codec(found.group(2).decode("ascii")) if found else "utf_8"
    if declared not in _GUESSED and declared != "utf_8":
        return data  # a code page named on purpose (Shift JIS, KOI8-R…) is believed
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if declared != "utf_8":
            return data  # not UTF-8, as the declaration says
        # declared UTF-8, written in a code page: the importer's own detection of legacy
        # text (charset-normalizer, Windows-1252 winning a tie among Latin look-alikes)
        log.info("the XML declares UTF-8 but its bytes are not; its code page is detected")
        return _redeclared(decode_text(data).encode("utf-8"), found is not None)
    if declared == "utf_8":
        return data
    # charset-normalizer weighs the declared code page against UTF-8
    best = from_bytes(data, cp_isolation=[declared, "utf_8"]).best()
    if best is None or _codec(best.encoding) != "utf_8":
        return data
    log.info("the XML declares %s but its bytes are UTF-8; read as UTF-8", declared)
    return _redeclared(data, True)


def _redeclared(data: bytes, declared: bool) -> bytes:
    """UTF-8 bytes with their declaration (if any) saying so."""
    if not declared:
        return data
    return _DECLARED.sub(lambda m: m.group(1) + b"UTF-8" + m.group(3), data, count=1)


def parse_xml(data: bytes) -> ET.Element:
    """The document's root element; ReadError with the reason when it is refused or broken."""
    data = honest_encoding(data)
    try:
        try:
            return _feed(data)
        except ET.ParseError as error:
            if "undefined entity" not in str(error):
                raise
            return _feed(_numeric_entities(data))
    except DefusedXmlException as error:
        raise ReadError(_refusal(error)) from error
    except ET.ParseError as error:
        if "undefined entity" in str(error):
            raise ReadError(
                f"not well-formed XML ({error}); entities a DTD would define are "
                "never loaded from outside the file"
            ) from error
        raise ReadError(f"not well-formed XML ({error})") from error
    except (LookupError, ValueError) as error:  # an encoding the declaration names but Python lacks
        raise ReadError(f"the XML cannot be decoded ({error})") from error


def is_comment(node: Any) -> bool:
    """Whether a tree node is a comment (ElementTree marks them with the Comment factory)."""
    return node.tag is ET.Comment
