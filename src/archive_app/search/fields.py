"""A Whoosh field that takes terms Arsip has already analysed, counted in one C-level pass."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.fields import TEXT
from whoosh.system import pack_uint

from archive_app.search.analysis import index_analyzer


class PreparedTerms(TEXT):  # type: ignore[misc]
    """Frequency postings for a list of prepared terms (no positions).

    Whoosh would split the terms again and count them token by token in Python; Counter does
    the same in C. The class is stored in the index schema, so it stays importable and holds
    no state beyond its boost.
    """

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=index_analyzer(), phrase=False, field_boost=field_boost)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, str):  # a query-time or legacy caller: split on spaces
            value = value.split()
        boost = self.format.field_boost
        for term, freq in Counter(value).items():
            yield term.encode("utf-8"), freq, freq * boost, pack_uint(freq)
