"""Phrases checked inside the search, on the places of the words the index keeps."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import matching
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.query import WrappingQuery
from whoosh.reading import TermNotFound

from archive_app.search.block_lookup import lookup
from archive_app.search.fields import decode_positions


@dataclass(frozen=True, slots=True)
class Verifier:
    """A phrase of 3+ words (or one no pair term answers) or a proximity search: its words
    must stand in order side by side (slop 0), or all within len(words) + slop of the first."""

    field: str
    words: tuple[str, ...]
    slop: int


class _Places:
    """One word's places in the documents of one segment, read from its postings."""

    def __init__(self, postings: Any) -> None:
        self._postings = postings
        self._docnum = -1
        self._places: array[int] = array("I")

    def at(self, docnum: int) -> array[int]:
        """The places of the word in `docnum` (empty if it is not there as written)."""
        if docnum == self._docnum:
            return self._places
        postings = self._postings
        if postings.is_active() and postings.id() > docnum:
            postings.reset()  # a copied matcher went back: read again from the start
        if postings.is_active():
            postings.skip_to(docnum)
        found = postings.is_active() and postings.id() == docnum
        self._docnum = docnum
        self._places = decode_positions(postings.value()) if found else array("I")
        return self._places


def _near(lists: list[array[int]], window: int) -> bool:
    """Whether every other word stands within `window` places of one place of the first."""
    return any(
        all(any(abs(p - start) < window for p in places) for places in lists[1:])
        for start in lists[0]
    )


def checker(reader: Any, verifier: Verifier) -> Callable[[int], bool] | None:
    """A test of one document of `reader`'s segment for the phrase; None when one of its
    words is in no document as written (nothing can match)."""
    places: dict[str, _Places] = {}
    for word in verifier.words:
        if word not in places:
            try:
                places[word] = _Places(reader.postings(verifier.field, word))
            except TermNotFound:
                return None
    readers = [places[word] for word in verifier.words]
    if verifier.slop:
        window = len(verifier.words) + verifier.slop
        distinct = [places[word] for word in dict.fromkeys(verifier.words)]  # the first first

        def near(docnum: int) -> bool:
            found = [p.at(docnum) for p in distinct]
            return all(found) and _near(found, window)

        return near

    # the rarest words first: where the phrase is not, their places rule it out soonest
    frequency = {word: reader.doc_frequency(verifier.field, word) for word in places}
    ordered = sorted(enumerate(readers), key=lambda item: frequency[verifier.words[item[0]]])

    def in_order(docnum: int) -> bool:
        # a place p of the first word, p + 1 of the second, and so on: the phrase starts at p
        starts: set[int] | None = None
        for offset, places_of in ordered:
            places = places_of.at(docnum)
            if not places:
                return False
            shifted = [p - offset for p in places] if offset else places
            if starts is None:
                starts = set(shifted)
            else:
                starts.intersection_update(shifted)
                if not starts:
                    return False
        return True

    return in_order


def held_by(reader: Any, verifier: Verifier, docs: list[int]) -> list[int]:
    """Those of `docs` (sorted numbers of live documents of `reader`'s segment) in which the
    phrase stands, as `checker`'s test finds them one by one: each word's places read for all
    the documents still in question at once, from just the blocks that hold them (the rarest
    word first: it rules out most)."""
    distinct = list(dict.fromkeys(verifier.words))
    postings: dict[str, Any] = {}
    for word in distinct:
        try:
            postings[word] = reader.postings(verifier.field, word)
        except TermNotFound:
            return []
    if verifier.slop:
        window = len(verifier.words) + verifier.slop
        lists: dict[int, list[array[int]]] = {d: [] for d in docs}
        for word in distinct:  # the first first, as `_near` wants
            values = lookup(postings[word], sorted(lists), "value")
            lists = {
                d: [*found, decode_positions(values[d])]
                for d, found in lists.items()
                if d in values
            }
        return sorted(d for d, found in lists.items() if all(found) and _near(found, window))
    frequency = {word: reader.doc_frequency(verifier.field, word) for word in distinct}
    ordered = sorted(enumerate(verifier.words), key=lambda item: frequency[item[1]])
    starts: dict[int, set[int]] | None = None
    places_of: dict[str, dict[int, array[int]]] = {}
    for offset, word in ordered:
        wanted = docs if starts is None else sorted(starts)
        if word not in places_of:
            values = lookup(postings[word], wanted, "value")
            places_of[word] = {d: decode_positions(v) for d, v in values.items()}
        places = places_of[word]
        found: dict[int, set[int]] = {}
        for docnum in wanted:
            at = places.get(docnum)
            if not at:
                continue
            shifted = {p - offset for p in at} if offset else set(at)
            if starts is not None:
                shifted &= starts[docnum]
            if shifted:
                found[docnum] = shifted
        starts = found
        if not starts:
            return []
    return sorted(starts) if starts is not None else []


class CheckedMatcher(WrappingMatcher):  # type: ignore[misc]
    """The documents of a matcher that pass a test (the phrase check), with its scores."""

    def __init__(self, child: Any, check: Callable[[int], bool], boost: float = 1.0) -> None:
        super().__init__(child, boost)
        self._check = check
        self._find()

    def _find(self) -> bool:
        """Move on to the first document from here that passes; True if a block was left."""
        child, check = self.child, self._check
        moved = False
        while child.is_active() and not check(child.id()):
            moved = child.next() or moved
        return moved

    def _replacement(self, newchild: Any) -> CheckedMatcher:
        return CheckedMatcher(newchild, self._check, self.boost)

    def copy(self) -> CheckedMatcher:
        return CheckedMatcher(self.child.copy(), self._check, self.boost)

    def next(self) -> bool:
        moved = self.child.next()
        return self._find() or bool(moved)

    def skip_to(self, id: int) -> bool:
        moved = self.child.skip_to(id)
        return self._find() or bool(moved)

    def skip_to_quality(self, minquality: float) -> int:
        skipped = int(self.child.skip_to_quality(minquality / self.boost))
        self._find()
        return skipped

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()


class PhraseChecked(WrappingQuery):  # type: ignore[misc]
    """A query whose matches must also hold each phrase, checked on the word places of the
    index in each segment (the terms of the query find the candidates)."""

    def __init__(self, child: Any, verifiers: tuple[Verifier, ...]) -> None:
        super().__init__(child)
        self.verifiers = verifiers
        # candidates checked and those that held the phrases, over this query's searches
        self.checked = 0
        self.held = 0

    def share_held(self, candidates: int) -> int:
        """How many of `candidates` would hold the phrases, at the share seen so far."""
        return round(candidates * self.held / self.checked) if self.checked else candidates

    def __repr__(self) -> str:
        return f"PhraseChecked({self.child!r}, {self.verifiers!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PhraseChecked)
            and self.child == other.child
            and self.verifiers == other.verifiers
        )

    def __hash__(self) -> int:
        return hash((PhraseChecked, self.child, self.verifiers))

    def _rewrap(self, child: Any) -> PhraseChecked:
        return PhraseChecked(child, self.verifiers)

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        child = self.child.matcher(searcher, context)
        if not child.is_active():
            return child
        reader = searcher.reader()
        checks = [checker(reader, verifier) for verifier in self.verifiers]
        if any(check is None for check in checks):
            return matching.NullMatcher()
        tests = [check for check in checks if check is not None]

        def holds(docnum: int) -> bool:
            self.checked += 1
            if all(test(docnum) for test in tests):
                self.held += 1
                return True
            return False

        return CheckedMatcher(child, holds)
