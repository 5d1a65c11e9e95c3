"""Analyzers Whoosh stores in the index schema; importable and stateless by design."""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.support.charset import accent_map

# Words with inner dots or apostrophes stay whole ("liputan6.com", "jum'at"); hyphens split, so
# "anak-anak" also finds "anak".
TOKEN_PATTERN = r"\w+(?:[.'’]\w+)*"


def text_analyzer() -> object:
    """Case and accent folding over word tokens."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
