"""Posting blocks read as Whoosh reads them: jumps land where stepping lands, and word places
read back whether a block was written packed (Arsip's patch) or as Whoosh writes it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.codec import whoosh3
from whoosh.matching import ListMatcher
from whoosh.matching.binary import AndMaybeMatcher

from archive_app.domain.model import IndexDocument
from archive_app.domain.query import parse
from archive_app.search import postings, segment_writer
from archive_app.search.fields import decode_positions
from archive_app.search.index import FullTextIndex


def _docs(count: int) -> list[IndexDocument]:
    rng = random.Random(3)
    return [
        IndexDocument(
            n,
            1,
            f"Banjir nomor {n}",
            (" ".join(rng.choice(("warga", "desa", "banjir", "kepala")) for _ in range(9)),),
            (),
            None,
            None,
            None,
            "id",
        )
        for n in range(1, count + 1)
    ]


def _no_texts(ids: list[int], fields: frozenset[str]) -> dict[int, dict[str, str]]:
    return {}


def test_a_jump_lands_where_stepping_lands(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write(_docs(1500), new_ids=frozenset(range(1, 1501)))
    reader = index._searchers.current()[0].reader()
    every = list(reader.postings("text", "warga").all_ids())
    assert len(every) > 3 * 128  # several blocks
    rng = random.Random(5)
    for _ in range(200):
        matcher = reader.postings("text", "warga")
        start = rng.randrange(1500)
        matcher.skip_to(start)
        target = start + rng.randrange(1500)
        matcher.skip_to(target)
        expected = next((d for d in every if d >= max(start, target)), None)
        assert (matcher.id() if matcher.is_active() else None) == expected


def test_places_read_back_from_blocks_written_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packed = FullTextIndex(tmp_path / "packed")
    packed.write(_docs(300), new_ids=frozenset(range(1, 301)))
    with monkeypatch.context() as patch:  # Whoosh's own block values: a tuple per block
        patch.setattr(whoosh3.W3PostingsWriter, "_mini_values", postings._original_mini_values)
        # ...and every term through Whoosh's writer, not the import's one-write path
        patch.setattr(segment_writer, "own_terms_writer", lambda *_args: None)
        plain = FullTextIndex(tmp_path / "plain")
        plain.write(_docs(300), new_ids=frozenset(range(1, 301)))
    read = []
    for index, form in ((packed, list), (plain, tuple)):
        reader = index._searchers.current()[0].reader()
        matcher = reader.postings("text", "banjir")
        matcher.value()
        assert isinstance(matcher._data[2], form)  # the block's values as written
        places = []
        while matcher.is_active():
            places.append(list(decode_positions(matcher.value())))
            matcher.next()
        read.append(places)
        assert index.matching_ids(parse('"banjir nomor 7"'), _no_texts) == [7]
    assert read[0] == read[1]
    assert read[0][0][0] == 0  # the headline's first word


def test_an_optional_part_still_counts_after_a_leap(tmp_path: Path) -> None:
    """Whoosh's AndMaybe moved its optional matcher to the id asked for, not to where the
    required one landed, and lost the optional part of that document's score."""
    FullTextIndex(tmp_path / "index").close()  # opening an index installs the patches
    required = ListMatcher([2, 5, 9], all_weights=1.0)
    optional = ListMatcher([1, 4, 5, 9], all_weights=2.0)
    either = AndMaybeMatcher(required, optional)
    either.skip_to(3)  # not among the required: lands on 5, which the optional holds too
    assert either.id() == 5 and either.score() == 3.0


def test_decoded_blocks_are_kept_within_their_bound(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write(_docs(1500), new_ids=frozenset(range(1, 1501)))
    reader = index._searchers.current()[0].reader()
    postings.BLOCKS.clear()
    first = list(reader.postings("text", "warga").all_ids())
    kept = postings.BLOCKS.size
    assert kept > 0
    again = list(reader.postings("text", "warga").all_ids())  # read from the kept blocks
    assert again == first and postings.BLOCKS.size == kept
    small = postings.BlockCache(kept // 2)
    for n in range(10):
        small.put((bytes([n]) * 10, 3, False), ((), None, None, kept // 5))
    assert small.size <= kept // 2
    assert small.get((bytes([9]) * 10, 3, False)) is not None
    assert small.get((bytes([0]) * 10, 3, False)) is None


def test_indexes_whose_segments_share_a_name_do_not_share_blocks(tmp_path: Path) -> None:
    """Segment names are random, so a seeded random repeats them: blocks are kept by their
    content, never by a name another index may carry too (here two indexes whose blocks lie
    at the same places and hold different articles)."""
    names = []
    for name, first, second in (("one", "alpha", "bravo"), ("two", "bravo", "alpha")):
        random.seed(16)  # the same segment name in both indexes
        index = FullTextIndex(tmp_path / name)
        docs = [
            IndexDocument(n, 1, first if n <= 20 else second, (), (), None, None, None, "id")
            for n in range(1, 41)
        ]
        index.write(docs, new_ids=frozenset(range(1, 41)))
        names.append(index.segment_ids())
        assert sorted(index.matching_ids(parse(first), _no_texts)) == list(range(1, 21))
        assert sorted(index.matching_ids(parse(second), _no_texts)) == list(range(21, 41))
    assert names[0] == names[1]  # the names repeat
