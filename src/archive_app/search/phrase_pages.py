"""A phrase's first page: its candidates checked best first, until no other can reach the page.

Every article holding a phrase's words is a candidate; checking the places of the words in
each is most of the cost of a phrase with common words. The page needs only the best that
hold the phrase: candidates are checked in the order of their scores (computed in bulk), and
checking stops once the page is full and no unchecked candidate scores within a hair of its
last. The total is then estimated from the share of the checked that held it (the counts
give it exactly).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from heapq import nlargest
from operator import itemgetter
from typing import Any

from archive_app.search.bulk_scores import MARGIN
from archive_app.search.phrases import PhraseChecked, Verifier, held_by

FIRST_BATCH = 64  # candidates checked first; each later batch four times the one before


@dataclass(frozen=True, slots=True)
class Checked:
    """The candidates found to hold the phrase (with their bulk scores), and how many of all
    the candidates were checked."""

    held: dict[int, float]
    checked: int
    candidates: int

    @property
    def complete(self) -> bool:
        return self.checked == self.candidates

    def total(self) -> int:
        """The number of matches: exact when every candidate was checked, else estimated."""
        if self.complete or not self.checked:
            return len(self.held)
        return max(len(self.held), round(self.candidates * len(self.held) / self.checked))


def holding(searcher: Any, verifiers: tuple[Verifier, ...], docs: Iterable[int]) -> set[int]:
    """Those of `docs` (global numbers) whose words stand as the phrases say."""
    by_leaf: dict[int, list[int]] = defaultdict(list)
    leaves = searcher.leaf_searchers()
    starts = [offset for _leaf, offset in leaves]
    for docnum in docs:
        by_leaf[bisect_right(starts, docnum) - 1].append(docnum)
    found: set[int] = set()
    for index, global_docs in by_leaf.items():
        leaf, offset = leaves[index]
        local = sorted(d - offset for d in global_docs)
        for verifier in verifiers:
            if not local:
                break
            local = held_by(leaf.reader(), verifier, local)
        found.update(d + offset for d in local)
    return found


def best_holding(
    searcher: Any, query: PhraseChecked, scores: dict[int, float], wanted: int
) -> Checked:
    """The candidates (`scores`: every candidate's bulk score) that hold the phrases, checked
    best first until the `wanted` best of those holding them are certain."""
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)
    held: dict[int, float] = {}
    checked, batch = 0, max(FIRST_BATCH, 2 * wanted)
    while checked < len(ranked):
        chunk = ranked[checked : checked + batch]
        checked += len(chunk)
        batch *= 4
        for docnum in holding(searcher, query.verifiers, map(itemgetter(0), chunk)):
            held[docnum] = scores[docnum]
        if len(held) >= wanted and checked < len(ranked):
            last = nlargest(wanted, held.values())[-1]
            if ranked[checked][1] < last - MARGIN * max(1.0, abs(last)):
                break  # no candidate left can reach the page
    return Checked(held, checked, len(ranked))
