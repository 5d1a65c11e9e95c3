"""Gather one person's articles by role and by year from the facade (run on a worker thread)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from archive_app.domain.model import ROLES, ArticleSummary, SearchCounts
from archive_app.domain.progress import CancelToken

LIMIT = 5000  # articles listed per person; the counts by year cover all of them regardless


class PersonSource(Protocol):
    """What a person's page needs from the Archive facade."""

    def matching_ids(self, query: str, within: Sequence[str] = ...) -> list[int]: ...

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...

    def counts(self, query: str, within: Sequence[str] = ...) -> SearchCounts: ...


class Cancelled(Exception):
    """The page was closed or another person chosen before the work finished."""


@dataclass(slots=True)
class PersonArticles:
    """A person's articles: grouped by role (newest first), and counts per year."""

    name: str
    total: int = 0
    by_role: dict[str, list[ArticleSummary]] = field(default_factory=dict)
    years: list[tuple[str, int]] = field(default_factory=list)
    truncated: bool = False

    @property
    def query(self) -> str:
        return person_query(self.name)


def person_query(name: str, field_name: str = "person") -> str:
    return f'{field_name}:"{name.replace(chr(34), "")}"'


def _newest_first(rows: list[ArticleSummary]) -> list[ArticleSummary]:
    return sorted(rows, key=lambda s: (s.published or "", s.id), reverse=True)


def load_person(
    source: PersonSource, name: str, cancel: CancelToken | None = None, limit: int = LIMIT
) -> PersonArticles:
    """Every role the person had, from the index's role fields: a few cheap queries in all."""
    token = cancel or CancelToken()

    def check() -> None:
        if token.cancelled:
            raise Cancelled(name)

    ids = source.matching_ids(person_query(name))
    check()
    role_ids: dict[str, set[int]] = {}
    for role in ROLES:
        role_ids[role] = set(source.matching_ids(person_query(name, role)))
        check()
    # a phrase also matches a longer name ("Yessy Artada Putri"): keep the exact name only
    wanted = name.casefold()
    rows = [
        s for s in source.summaries(ids[:limit]) if any(p.casefold() == wanted for p in s.people)
    ]
    check()
    result = PersonArticles(name, truncated=len(ids) > limit)
    result.total = len(rows) if not result.truncated else len(ids)
    for role in (*ROLES, ""):
        credited = role_ids.get(role, set())
        group = (
            [s for s in rows if s.id in credited]
            if role
            else [s for s in rows if not any(s.id in m for m in role_ids.values())]
        )
        if group:
            result.by_role[role] = _newest_first(group)
    if result.truncated:  # the listed ones are a sample: count years over every match
        counts = source.counts(person_query(name))
        years: Counter[str] = Counter()
        for month, n in counts.months:
            years[month[:4]] += n
    else:
        years = Counter(s.published[:4] for s in rows if s.published and s.published[:4].isdigit())
    result.years = sorted(years.items())
    return result
