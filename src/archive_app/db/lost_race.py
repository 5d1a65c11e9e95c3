"""Tell a write that lost a race with another desktop from one that failed for good."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

# PostgreSQL's codes: a unique key taken meanwhile, a deadlock between two desktops' inserts,
# a serialization failure; each resolves once the other desktop's transaction has ended
_RETRY_CODES = frozenset({"23505", "40P01", "40001"})
RETRIES = 8  # stores of one file again; each waits for another desktop's commit first


def lost_race(error: BaseException) -> bool:
    """Whether storing again (after rolling back) would meet what another desktop committed:
    an article, person or site it stored between our look-up and our insert, or an article
    it changed between our read and our update of it (a new version of the same URL)."""
    if isinstance(error, StaleDataError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    # psycopg's sqlstate; SQLite has none: one writer at a time (the library lock), so a
    # unique key taken there is a fault to report, not a race
    return getattr(error.orig, "sqlstate", None) in _RETRY_CODES
