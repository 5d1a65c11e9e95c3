"""Whether a library holds any article: the window asks it before its first paint."""

from __future__ import annotations

from pathlib import Path

from archive_app.usecases.archive import Archive


def test_a_new_library_is_empty_and_an_imported_article_makes_it_not(
    archive: Archive, seed_file: Path
) -> None:
    assert archive.is_empty()
    archive.import_paths([seed_file])
    assert not archive.is_empty()
    assert archive.count() == 1


def test_deleting_the_last_article_leaves_it_empty_again(archive: Archive, seed_file: Path) -> None:
    archive.import_paths([seed_file])
    archive.delete_articles(archive.article_ids())
    assert archive.is_empty()
