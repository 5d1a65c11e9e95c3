"""The orders a search's results can be listed in (the command line's parser reads them too)."""

from __future__ import annotations

SORT_ORDERS = ("relevance", "newest", "oldest", "title")
