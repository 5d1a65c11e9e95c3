"""Keys that find the same article twice: a canonical URL and a hash of the text."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.normalise.text import fold

_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref_src", "amp", "_ga")


def url_key(url: str | None) -> str | None:
    """The URL with scheme, host case, "www.", fragment and tracking parameters folded away."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING)]
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def content_hash(record: CatalogueRecord) -> str:
    """SHA-256 of the title and body with spacing folded: the same text hashes the same."""
    text = "\n".join([fold(record.title), *(fold(p) for p in record.body)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
