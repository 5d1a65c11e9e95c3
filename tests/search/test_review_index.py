"""Review flags in the full-text index: written with each article, counted, and an index from
before they were indexed is rebuilt rather than answering "nothing needs review"."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.usecases.review_files import UNREAD_TITLE, write_review_files

from archive_app.cli import main
from archive_app.domain.model import IndexDocument
from archive_app.search.documents import document_fields
from archive_app.search.index import FullTextIndex
from archive_app.usecases.archive import Archive


def _doc(review: tuple[str, ...]) -> IndexDocument:
    return IndexDocument(1, 1, "Banjir", ("Teks.",), (), None, None, None, "id", review=review)


def test_each_kind_and_any_are_terms_and_the_facet_holds_the_kinds() -> None:
    fields = document_fields(_doc(("date", "photo")))
    assert fields["review"] == "date,photo,any"
    assert fields["review_facet"] == b"date\x1fphoto"
    clean = document_fields(_doc(()))
    assert clean["review"] is None and clean["review_facet"] == b""


def test_an_index_from_before_review_flags_is_rebuilt_by_a_writer(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths(write_review_files(tmp_path / "files"))
        docs = [replace(d, review=()) for d in archive._upkeep.documents(archive.article_ids())]
    # the index as the Arsip before this change wrote it: no review kinds, schema 7
    old = FullTextIndex(root / "index")
    old.rebuild(docs)
    old.close()
    (root / "index" / "arsip-index.json").write_text(json.dumps({"schema": 7}))
    # any writer rebuilds it (here, a note on the last article, which has no flag)
    assert (
        main(["--library", str(root), "edit", str(max(a.id for a in docs)), "--set", "note=dicek"])
        == 0
    )
    with Archive.open(root, readonly=True) as reader:
        found = reader.matching_ids("review:date")
        assert [reader.article(i).record.title for i in found] == [UNREAD_TITLE]
        assert reader.check().ok
