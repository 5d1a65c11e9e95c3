"""Arsip's changes to Whoosh's internals, installed when an index opens, and what they rely on."""

from __future__ import annotations

import threading

from whoosh.filedb import compound

from archive_app.search import postings
from archive_app.search.mapped_segments import MappedBufferFile

# The version these patches were written against (pinned in pyproject.toml): they restate or
# call private parts of Whoosh that another version may change without notice.
WHOOSH_VERSION = "2.7.5"

# (module, class or None, attribute) -> the signature Arsip was written against; None for an
# attribute that is replaced, not called. tests/search/test_whoosh_patches.py checks that each
# is still there with this shape, so an upgrade that changes one fails a test, not a search.
RELIED_ON: dict[tuple[str, str, str], str | None] = {
    # replaced by MappedBufferFile, whose constructor restates BufferFile's
    ("whoosh.filedb.compound", "", "BufferFile"): None,
    ("whoosh.filedb.structfile", "BufferFile", "__init__"): "(self, buf, name=None, onclose=None)",
    # restated by ArsipSegmentWriter (segment_writer.py)
    ("whoosh.writing", "SegmentWriter", "_flush_segment"): "(self)",
    # called to release a writer whose commit failed (writing.py)
    ("whoosh.writing", "SegmentWriter", "_finish"): "(self)",
    # the segments of an index as last committed (index_folder.py, index.py)
    ("whoosh.index", "FileIndex", "_segments"): "(self)",
    # replaced by postings.py (word places packed per block, jumps by bisection), whose
    # functions read these parts of a block and of the matcher
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_mini_values"): None,
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_read_values"): None,
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_read_ids"): None,
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "skip_to"): None,
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_goto"): None,
    ("whoosh.matching.binary", "AndMaybeMatcher", "skip_to"): None,
    ("whoosh.filedb.structfile", "StructFile", "get"): "(self, position, length)",
    ("whoosh.filedb.structfile", "BufferFile", "get"): "(self, position, length)",
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_read_data"): None,
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_skip_to_block"): "(self, skipwhile)",
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "block_max_id"): "(self)",
    # read by scoring.py, which takes a segment's field lengths from their column in one piece
    ("whoosh.codec.whoosh3", "", "_lenfield"): "(fieldname)",
    ("whoosh.codec.whoosh3", "", "LENGTHS_COLUMN"): None,
    ("whoosh.codec.whoosh3", "W3PerDocReader", "_cached_reader"): "(self, fieldname, column)",
    ("whoosh.scoring", "WeightLengthScorer", "setup"): "(self, searcher, fieldname, text)",
    # segment_writer.py restates and calls more of Whoosh's writer: its own RELIED_ON
}

_lock = threading.Lock()


def install_patches() -> None:
    """Make compound segments open their parts with MappedBufferFile, and posting blocks read
    and written as postings.py does (once; later calls do nothing). Called by every path that
    opens an index, so no import has a side effect."""
    with _lock:
        if compound.BufferFile is not MappedBufferFile:
            compound.BufferFile = MappedBufferFile
            postings.install()
