"""Find the images a page shows among the captures of the same archive, by URL; never online."""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit, urlunsplit

from archive_app.ingest.context import MAX_SIBLING_BYTES, Resolver
from archive_app.ingest.webarchive.captures import Capture
from archive_app.ingest.webarchive.payload import read_payload
from archive_app.ingest.webarchive.records import DAMAGE, record_at

log = logging.getLogger(__name__)
_MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def url_key(url: str) -> str:
    """A URL as the index files it: scheme and host lower-cased, default port and fragment
    dropped, spaces encoded (warcio encodes them in target URIs)."""
    parts = urlsplit(url.strip().replace(" ", "%20"))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep the host alone
        port = None
    netloc = host if port is None or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


class ArchiveImages:
    """The images and redirects an archive captured, and which of them pages have used."""

    def __init__(self, buffer: bytes, captures: list[Capture]) -> None:
        self._buffer = buffer
        self.images: dict[str, Capture] = {}
        self._redirects: dict[str, str] = {}
        for capture in captures:
            # a later capture of the same URL wins, as a replay tool would show it
            if capture.kind == "image":
                self.images[url_key(capture.uri)] = capture
            elif capture.kind == "redirect" and capture.location:
                self._redirects[url_key(capture.uri)] = url_key(capture.location)
        self.used: set[str] = set()

    def resolver(self, page_url: str, fetched: set[str]) -> Resolver:
        """A resolver for one page: references are joined against its URL; every image found
        is noted in `fetched`."""

        def resolve(ref: str) -> bytes | None:
            if ref.strip().lower().startswith(("data:", "javascript:", "mailto:")):
                return None
            key = url_key(urljoin(page_url, ref.strip()))
            for _hop in range(_MAX_REDIRECTS):
                if key in self.images or key not in self._redirects:
                    break
                key = self._redirects[key]
            capture = self.images.get(key)
            if capture is None:
                return None
            data = self._payload(capture)
            if data is not None:
                fetched.add(key)
            return data

        return resolve

    def _payload(self, capture: Capture) -> bytes | None:
        try:
            data = read_payload(record_at(self._buffer, capture.offset), MAX_SIBLING_BYTES)
        except DAMAGE as error:
            log.warning("image %s in the archive cannot be read: %s", capture.uri, error)
            return None
        return data if 0 < len(data) <= MAX_SIBLING_BYTES else None

    def unused(self) -> list[Capture]:
        """Images no imported page showed, in archive order."""
        return sorted(
            (c for k, c in self.images.items() if k not in self.used), key=lambda c: c.number
        )
