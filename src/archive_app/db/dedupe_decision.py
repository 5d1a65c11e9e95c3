"""Whether an imported text is new, a new version of a stored article, or a duplicate."""

from __future__ import annotations

from enum import Enum


class Verdict(Enum):
    NEW = "new"  # no stored article has its address or its text
    NEW_VERSION = "new version"  # an article with its address holds other texts
    DUPLICATE = "duplicate"  # its text is stored already (under its address, or any)


def decide(url_texts: frozenset[str] | None, digest: str, text_known: bool) -> Verdict:
    """The verdict from what is stored.

    `url_texts` are the content hashes of the article with the same address (None when no
    article has it); an address match decides alone. Otherwise `text_known` says whether some
    article already holds the text (for a restored record: any text it was imported with).
    """
    if url_texts is not None:
        return Verdict.DUPLICATE if digest in url_texts else Verdict.NEW_VERSION
    return Verdict.DUPLICATE if text_known else Verdict.NEW
