"""Writing the index: a batch of documents committed once, and giving up a writer cleanly."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from archive_app.domain.model import IndexDocument
from archive_app.search.documents import document_fields
from archive_app.search.merging import (
    MAX_MERGED,
    drop_empty,
    merge_due,
    small_count,
    small_segments_only,
    tiered,
)
from archive_app.search.segment_lookup import lookup_for
from archive_app.search.segment_writer import segment_writer

log = logging.getLogger(__name__)


class IndexBatch:
    """Documents added over time through one Whoosh writer, made visible by one commit."""

    def __init__(
        self,
        index: Any,
        committed: Callable[[], None],
        failed: Callable[[], None],
        leave: frozenset[str] = frozenset(),
    ) -> None:
        """`committed` is told after the commit, `failed` when it fails (the index may now
        lack what was added); `leave` are segments the commit must not merge."""
        self._committed = committed
        self._failed = failed
        self._leave = leave
        # postings are gathered per term in memory (segment_writer.TermPool): the caller
        # commits by pending_bytes() to bound it
        self._writer = segment_writer(index)
        # the documents replaced or taken out are found through readers kept across commits
        self._lookup = lookup_for(index)
        self.pending = 0  # documents added since the writer opened
        self._ids: set[int] = set()

    def holds_any(self, docs: Iterable[IndexDocument]) -> bool:
        """Whether any of these articles was added through this writer already: Whoosh cannot
        replace a document its own uncommitted writer holds, so commit before adding them."""
        return any(doc.id in self._ids for doc in docs)

    def add(self, docs: Iterable[IndexDocument], new_ids: frozenset[int] = frozenset()) -> int:
        """Add or replace documents; ids in `new_ids` skip the delete lookup."""
        count = 0
        for doc in docs:  # one at a time: a caller may stream them
            if doc.id not in new_ids:
                self._delete((doc.id,))
            self._writer.add_document(**document_fields(doc))
            self._ids.add(doc.id)
            count += 1
        self.pending += count
        return count

    def remove(self, ids: Iterable[int]) -> None:
        """Take these articles out, in the same commit as what is added."""
        self._delete(ids)

    def _delete(self, ids: Iterable[int]) -> None:
        """Mark the committed documents of these articles deleted (what Whoosh's
        update_document and delete_by_term do, without opening every segment again)."""
        writer = self._writer
        for docnum in self._lookup.live_documents(writer, "id", [str(i) for i in ids]):
            writer.delete_document(docnum)

    def pending_bytes(self) -> int:
        """About how much memory the documents added since the writer opened hold."""
        return self._writer.pending_bytes()

    def merge_due(self, largest: int = MAX_MERGED) -> bool:
        """Whether the tiered policy would merge some of the index's segments now, making no
        segment larger than `largest`."""
        return merge_due(self._writer.segments, largest)

    def small_segments(self) -> int:
        """How many small live segments the index has (what an edit's commit merges)."""
        return small_count(self._writer.segments)

    def commit(
        self,
        tidy: bool = False,
        merge: bool = True,
        largest: int = MAX_MERGED,
        quick: bool = False,
    ) -> None:
        """Make the documents visible. A commit merges only small segments (an edit's commit
        stays short); with `tidy`, as the tiered policy says (a big import's), making no
        segment larger than `largest`; with `quick`, none (only segments left empty are
        dropped: following the team's changes); none at all without `merge`."""
        if tidy:
            policy: Callable[..., list[Any]] = partial(tiered, largest=largest)
        else:
            policy = drop_empty if quick else small_segments_only
        try:
            if merge:
                self._writer.commit(mergetype=partial(policy, leave=self._leave))
            else:
                self._writer.commit(merge=False)
        except BaseException:  # a full disk, a kill: what was added is not in the index
            abandon(self._writer)
            self._failed()
            raise
        self._committed()

    def cancel(self) -> None:
        abandon(self._writer)


def merge_segments(index: Any, segments: list[Any]) -> None:
    """Merge these segments of the index into one, in one commit."""
    chosen = {segment.segment_id() for segment in segments}

    def policy(writer: Any, found: list[Any]) -> list[Any]:
        for segment in found:
            if segment.segment_id() in chosen:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
        return [segment for segment in found if segment.segment_id() not in chosen]

    writer = segment_writer(index)
    try:
        writer.commit(mergetype=policy)
    except BaseException:
        abandon(writer)
        raise


def delete_documents(index: Any, ids: Iterable[int]) -> None:
    """Remove the articles' documents in one commit (the writer given up if it fails)."""
    writer = index.writer()
    try:
        for docnum in lookup_for(index).live_documents(writer, "id", [str(i) for i in ids]):
            writer.delete_document(docnum)
        writer.commit(mergetype=small_segments_only)
    except BaseException:
        abandon(writer)
        raise


def abandon(writer: Any) -> None:
    """Give up a Whoosh writer, releasing the index's write lock even after a failed commit,
    and remove the segment files it had begun (no table of contents names them)."""
    try:
        writer.cancel()
    except Exception:
        try:
            writer._finish()  # what cancel ends with: the lock and the temporary files
        except Exception:
            log.warning("could not release the index's write lock", exc_info=True)
    try:
        segment = writer.newsegment.segment_id()
        toc = whoosh_index.TOC.read(writer.storage, writer.indexname)
        if segment in {s.segment_id() for s in toc.segments}:
            return  # it failed after its commit was made: the segment is the index's now
        begun = f"{segment}."  # its files: MAIN_<id>.trm, .pst…
        for name in list(writer.storage.list()):
            if name.startswith(begun):
                writer.storage.delete_file(name)
    except Exception:  # another kind of writer, an unreadable index, files still open
        log.debug("could not remove an abandoned segment's files", exc_info=True)
