"""Wire-service XML: NITF, NITF inside NewsML 1.2, and NewsML-G2 text and picture items.

The XML is parsed by a hardened parser (wire/xmlsafe.py): an external entity or a
billion-laughs document is refused with its reason, never expanded and never fetched.
"""

from __future__ import annotations

from collections.abc import Iterator

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.wire.g2 import read_g2
from archive_app.ingest.wire.item import WireItem, to_raw
from archive_app.ingest.wire.newsml1 import read_newsml1
from archive_app.ingest.wire.nitf import nitf_id, read_nitf
from archive_app.ingest.wire.tree import local
from archive_app.ingest.wire.xmlsafe import parse_xml

FORMAT = "wire-xml"


def _article(item: WireItem) -> RawArticle | RawFailure:
    if not item.paragraphs and not item.photos:
        return RawFailure(item.locator, "the item has no text (no body paragraphs)")
    return to_raw(item)


def read_wire_xml(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """Every story of a wire file; a file that is not NITF or NewsML is refused."""
    context = context or ReadContext("item.xml")
    root = parse_xml(data)
    kind = local(root)
    if kind == "nitf":
        yield _article(read_nitf(root, f"item {nitf_id(root) or 1}", context))
        return
    if kind == "newsml":
        found = read_newsml1(root, context)
    elif kind in (
        "newsmessage",
        "newsitem",
        "packageitem",
        "conceptitem",
        "knowledgeitem",
        "contentset",
    ):
        found = read_g2(root, context)
    else:
        raise ReadError(
            f"XML with a <{kind}> root is not a news format Arsip reads "
            "(NITF, NewsML 1.2 or NewsML-G2)"
        )
    for entry in found:
        yield _article(entry) if isinstance(entry, WireItem) else RawFailure(*entry)
