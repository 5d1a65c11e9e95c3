"""Dublin Core as oai_dc XML, wrapped in an OAI-PMH-like ListRecords document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import record_fields as fields

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# characters XML 1.0 cannot carry at all, which scraped text sometimes holds
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _dc_date(record_date: str | None) -> str | None:
    """W3CDTF: a time only with its zone (a zoneless time is cut to the day)."""
    date = fields.parse_date(record_date)
    if date is None:
        return None
    return date.text if date.time and date.zone else date.day_iso


def dc_elements(detail: ArticleDetail) -> list[tuple[str, str]]:
    """(element, text) pairs in the order of the DCMES: who made it, then when, what, where."""
    record = detail.record
    pairs = [("title", record.title)]
    pairs += [("creator", n) for n in fields.creators(detail)]
    pairs += [("subject", s) for s in fields.subjects(detail)]
    summary = fields.abstract(record)
    if summary:
        pairs.append(("description", summary))
    publication = fields.publication(record)
    if publication:
        pairs.append(("publisher", publication))
    pairs += [
        ("contributor", n) for n in (*fields.names(record, "editor"), *fields.contributors(detail))
    ]
    date = _dc_date(record.published)
    if date:
        pairs.append(("date", date))
    # DCMI Type vocabulary: a news story is Text, a photo record a StillImage
    pairs.append(("type", "StillImage" if fields.is_photo(detail) else "Text"))
    pairs += [("identifier", x) for x in (record.url, record.source_id) if x]
    source = detail.source
    if source:
        pairs.append(("source", f"{source.file} (sha256 {source.sha256})"))
    if record.language:
        pairs.append(("language", record.language))
    pairs += [("relation", link.url or link.title) for link in record.related]
    if record.dateline_place:
        pairs.append(("coverage", record.dateline_place))
    return [(name, text) for name, text in pairs if text and text.strip()]


def oai_dc(detail: ArticleDetail, indent: str = "") -> str:
    """One oai_dc:dc element, valid against the OAI's oai_dc.xsd."""
    language = detail.record.language or ""
    lang = f" xml:lang={quoteattr(language)}" if _LANGUAGE_TAG.match(language) else ""
    lines = [
        f'{indent}<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}" '
        f'xmlns:xsi="{XSI}" xsi:schemaLocation="{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd">'
    ]
    for name, text in dc_elements(detail):
        attribute = lang if name in ("title", "description") else ""
        lines.append(f"{indent}  <dc:{name}{attribute}>{_text(text)}</dc:{name}>")
    lines.append(f"{indent}</oai_dc:dc>")
    return "\n".join(lines)


def _utc(stamp: str) -> str:
    """An OAI datestamp: UTC with a Z."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_oai_dc(
    stream: TextSink, details: Iterable[ArticleDetail], now: datetime | None = None
) -> int:
    """Every article as a <record> of one ListRecords response.

    One file, like every other export, whatever the number of articles; it is what a harvester
    receives from an OAI-PMH repository, so the same code (or XSLT) reads it, and each
    oai_dc:dc inside can be lifted out as a document of its own. The header identifier is
    oai:arsip:<id> and its datestamp the record's last change.
    """
    moment = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    stream.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI}" xmlns:xsi="{XSI}" xsi:schemaLocation="{OAI} '
        'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n'
        f"  <responseDate>{moment}</responseDate>\n"
        '  <request verb="ListRecords" metadataPrefix="oai_dc">urn:arsip:export'
        "</request>\n  <ListRecords>\n"
    )
    count = 0
    for detail in details:
        stream.write(
            "    <record>\n      <header>\n"
            f"        <identifier>oai:arsip:{detail.id}</identifier>\n"
            f"        <datestamp>{_utc(detail.modified_at)}</datestamp>\n"
            "      </header>\n      <metadata>\n"
            f"{oai_dc(detail, ' ' * 8)}\n      </metadata>\n    </record>\n"
        )
        count += 1
    stream.write("  </ListRecords>\n</OAI-PMH>\n")
    return count
