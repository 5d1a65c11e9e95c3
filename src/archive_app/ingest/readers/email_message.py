"""E-mail files (.eml, RFC 822 / MIME) read with Python's email package: a press release or a
story sent by mail becomes one article, its pictures attached as photos.

Subject is the title (without "Fwd:"/"Re:"), Date the publication time, the plain-text part
(else the HTML part) the text, with quoted lines and the signature left out. The sender is the
author only when the From line names a person: a newsroom's or a desk's address
("Redaksi <redaksi@…>", "newsroom@…") credits nobody.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from collections.abc import Iterator
from email.message import EmailMessage

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text, repair_mojibake
from archive_app.ingest.detect import image_format
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.raw import RawArticle, RawFailure, RawPhoto
from archive_app.ingest.wire.markup import markup_paragraphs

FORMAT = "email"
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|re|tr|wg|aw|sv|vs)\s*:\s*)+", re.IGNORECASE)
# Mailbox and display-name words of a shared address rather than a person's: a newsroom, a
# desk, a press office, an automated sender (English and Indonesian).
_ROLE_WORDS = frozenset(
    {
        "news",
        "newsroom",
        "newsdesk",
        "desk",
        "editor",
        "editors",
        "editorial",
        "redaksi",
        "redaktur",
        "redaction",
        "press",
        "pers",
        "media",
        "humas",
        "info",
        "informasi",
        "admin",
        "office",
        "kantor",
        "contact",
        "kontak",
        "noreply",
        "no-reply",
        "donotreply",
        "mailer",
        "newsletter",
        "team",
        "tim",
        "staff",
        "support",
        "marketing",
        "pr",
        "communications",
        "komunikasi",
        "publicrelations",
        "sekretariat",
        "secretariat",
        "bot",
        "notifications",
    }
)
_BLANK_LINES = re.compile(r"\n\s*\n")
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)


def _title(message: EmailMessage) -> str:
    subject = str(message.get("Subject", "") or "")
    return " ".join(_REPLY_PREFIX.sub("", subject).split())


def _is_person(display: str, mailbox: str) -> bool:
    words = {w.lower() for w in re.findall(r"[\w-]+", f"{display} {mailbox}")}
    return bool(display) and not words & _ROLE_WORDS and looks_like_name(display, min_words=2)


def _author(message: EmailMessage) -> str:
    header = message.get("From")
    addresses = getattr(header, "addresses", ()) if header is not None else ()
    for address in addresses:
        display = " ".join(str(address.display_name or "").split())
        if _is_person(display, str(address.username or "")):
            return display
    return ""


def _date(message: EmailMessage) -> str:
    """The Date header as ISO 8601 with its offset; the header itself when unreadable."""
    value = str(message.get("Date", "") or "").strip()
    if not value:
        return ""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def _plain(text: str) -> list[str]:
    """A plain-text body: the signature and quoted lines left out; paragraphs split on blank
    lines with the mail's hard-wrapped lines joined, or one a line when it has no blank lines."""
    signature = _SIGNATURE.search(text)
    if signature is not None:
        text = text[: signature.start()]
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    text = "\n".join(lines)
    chunks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text.strip()) else lines
    return [p for p in (" ".join(c.split()) for c in chunks) if p]


def _body(message: EmailMessage) -> list[str]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return []
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # a charset Python does not know, a broken encoding
        payload = part.get_payload(decode=True)
        content = decode_text(payload) if isinstance(payload, bytes) and payload.strip() else ""
    if not isinstance(content, str):
        return []
    # a part declared in one charset and written in another reads as mojibake: repaired
    content = repair_mojibake(content)
    if part.get_content_subtype() == "html":
        return markup_paragraphs(content)
    return _plain(content)


def _photos(message: EmailMessage) -> list[RawPhoto]:
    """Every picture the message carries, attached or inline, with its bytes."""
    photos: list[RawPhoto] = []
    for part in message.walk():
        if part.get_content_maintype() != "image" or part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or image_format(data) is None:
            continue
        name = part.get_filename() or str(part.get("Content-ID", "") or "").strip("<>")
        photos.append(RawPhoto(source_url=name or None, data=data, rule="photo:email-attachment"))
    return photos


def read_email(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """The message as one article."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # policy.default always makes one
        yield RawFailure("message", "not an e-mail message")
        return
    columns: dict[str, str] = {}
    message_id = str(message.get("Message-ID", "") or "").strip().strip("<>")
    for name, value in (
        ("title", _title(message)),
        ("author", _author(message)),
        ("date", _date(message)),
        ("source_id", message_id),
    ):
        if value:
            columns[name] = value
    yield RawArticle(
        locator="message",
        text="\n".join(_body(message)),
        columns=columns,
        photos=_photos(message),
        format=FORMAT,
    )
