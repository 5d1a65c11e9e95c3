"""Which index segments a commit merges: only small ones, so no commit ever rewrites the index."""

from __future__ import annotations

from typing import Any

from whoosh.reading import SegmentReader

# Segments this small come from edits and small imports; merging ten of them costs little.
SMALL_DOCS = 2_000
MERGE_AT = 10


def small_segments_only(
    writer: Any, segments: list[Any], leave: frozenset[str] = frozenset()
) -> list[Any]:
    """A Whoosh merge policy: merge the small segments once there are MERGE_AT of them and
    leave every larger segment as it is.

    Whoosh's default (MERGE_SMALL) merges every segment whose running total stays under a
    Fibonacci number: with imports committing 10,000 articles at a time, the 24th commit merged
    all 240,000 articles into one segment, minutes of work inside one import, and again at
    480,000. Here a commit merges at most MERGE_AT × SMALL_DOCS articles; larger segments
    stay apart until `reindex` rebuilds the index whole.

    Segments whose ids are in `leave` are not merged: a big import's indexer leaves the ones
    that were there before it started, so it never pays for merging what other imports and
    edits wrote (in one benchmark run that took 13 s of a 3,000-article import).
    """
    kept: list[Any] = []
    small: list[Any] = []
    for segment in segments:
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
