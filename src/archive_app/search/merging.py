"""Which index segments a commit merges: a tiered policy that bounds their number.

Every commit writes a segment. Left alone, a library of a million articles imported in commits
of 20,000 has fifty, and every search pays for each. Merging them all at each commit rewrites
the whole index again and again. A tiered policy sits between: segments are grouped in levels
by size (each level FACTOR times the one below), and once a level holds FACTOR segments they
are merged into one of the next level. Each article is rewritten about once per level it
climbs, and at most FACTOR segments stay at each level (`bound`); a big import ends with a tidy
that leaves FACTOR - 1. A merge never makes a segment of more than MAX_MERGED articles, so no
single commit rewrites a large part of the index.

Merging is cheap with Arsip's writer (segment_writer.py copies posting blocks rather than
postings): about 2,000 articles a second on one core. A segment whose articles were all replaced
since (an article edited again and again) is dropped by every policy without being read: it
holds nothing a search can find, and merging it would still read all its postings.

An import into a large library must not pay for merging what was there before it: `import_cap`
bounds its merges by what it wrote, and the rest waits for an idle moment (idle_merge.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from whoosh.reading import SegmentReader

FACTOR = 10
# segments this small or smaller are all of the lowest level (edits, small imports)
FLOOR = 2_000
# no merge makes a segment larger than this (a merge of it takes about a minute or two)
MAX_MERGED = 500_000
# the old policy's bound, for commits that must stay short (edits made in the window)
SMALL_DOCS = 2_000
MERGE_AT = 10
# an import's merges rewrite at most this many times the articles it has written so far (and
# at least IMPORT_FLOOR): importing 5,000 articles into 90,000 never rewrites the 90,000
IMPORT_RATIO = 2
IMPORT_FLOOR = FLOOR * FACTOR


def level(docs: int) -> int:
    """The level of a segment of `docs` live articles: 0 up to FLOOR x FACTOR, then one more
    for each FACTOR times as many."""
    found, above = 0, FLOOR * FACTOR
    while docs >= above:
        found, above = found + 1, above * FACTOR
    return found


def bound(articles: int) -> int:
    """The most segments the tiered policy leaves for an index of `articles`: FACTOR at each
    level (a commit merges one level's worth; a tidy leaves FACTOR - 1), and the segments too
    large to merge again."""
    levels = level(max(articles, 1)) + 1
    return FACTOR * levels + math.ceil(2 * articles / MAX_MERGED)


def plan(sizes: Sequence[int], largest: int = MAX_MERGED) -> list[int] | None:
    """Which segments (their positions in `sizes`, the live articles of each) to merge now:
    the FACTOR smallest of the lowest level that holds FACTOR, if their merge stays within
    `largest`; None when no level is full."""
    levels: dict[int, list[int]] = {}
    for position, docs in enumerate(sizes):
        if docs * 2 <= largest:  # a segment over half the cap has no partner left
            levels.setdefault(level(docs), []).append(position)
    for _level, members in sorted(levels.items()):
        if len(members) >= FACTOR:
            chosen = sorted(members, key=lambda p: sizes[p])[:FACTOR]
            while len(chosen) > 1 and sum(sizes[p] for p in chosen) > largest:
                chosen.pop()
            if len(chosen) > 1:
                return sorted(chosen)
    return None


def import_cap(written: int) -> int:
    """The largest merge an import that has written `written` articles may make."""
    return min(MAX_MERGED, max(IMPORT_FLOOR, IMPORT_RATIO * written))


def empty(segment: Any, leave: frozenset[str]) -> bool:
    """Whether a policy drops this segment unread: none of its articles is live any more."""
    return segment.doc_count() == 0 and segment.segment_id() not in leave


def drop_empty(writer: Any, segments: list[Any], leave: frozenset[str] = frozenset()) -> list[Any]:
    """A Whoosh merge policy for commits that must be quick (following the team's edits):
    merge nothing, only drop the segments whose articles were all replaced."""
    return [s for s in segments if not empty(s, leave)]


def tiered(
    writer: Any,
    segments: list[Any],
    leave: frozenset[str] = frozenset(),
    largest: int = MAX_MERGED,
) -> list[Any]:
    """A Whoosh merge policy: merge the segments `plan` chooses (one level's worth a commit:
    they and the commit's own articles make one segment), leave the rest as they are.
    Segments whose ids are in `leave` are never merged."""
    segments = drop_empty(writer, segments, leave)
    candidates = [s for s in segments if s.segment_id() not in leave]
    chosen = plan([s.doc_count() for s in candidates], largest)
    if chosen is None:
        return segments
    merged = [candidates[p] for p in chosen]
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    gone = {s.segment_id() for s in merged}
    return [s for s in segments if s.segment_id() not in gone]


def merge_due(segments: Sequence[Any], largest: int = MAX_MERGED) -> bool:
    """Whether the tiered policy would merge (or drop) some of these segments now."""
    if any(s.doc_count() == 0 for s in segments):
        return True
    return plan([s.doc_count() for s in segments], largest) is not None


def small_count(segments: Sequence[Any]) -> int:
    """How many live segments `small_segments_only` would merge."""
    return sum(1 for s in segments if 0 < s.doc_count() < SMALL_DOCS)


def small_segments_only(
    writer: Any, segments: list[Any], leave: frozenset[str] = frozenset()
) -> list[Any]:
    """A Whoosh merge policy for short commits (edits): merge the small segments once there are
    MERGE_AT of them, and leave every larger segment as it is."""
    kept: list[Any] = []
    small: list[Any] = []
    for segment in drop_empty(writer, segments, leave):
        # by live documents: a segment whose articles were all replaced since is small too,
        # and merging it away costs nothing
        mergeable = segment.doc_count() < SMALL_DOCS and segment.segment_id() not in leave
        (small if mergeable else kept).append(segment)
    if len(small) < MERGE_AT:
        return kept + small
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return kept
