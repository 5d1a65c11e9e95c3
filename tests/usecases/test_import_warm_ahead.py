"""A big import sends the texts of the articles it stores to its indexing process before they
commit (the process analyses them while it would wait); what is indexed stays the same."""

from __future__ import annotations

import csv
import pickle
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.search.index_docs import index_doc as _doc
from tests.search.index_docs import pickled_feed

from archive_app.search.background import BackgroundWriter
from archive_app.search.index import FullTextIndex
from archive_app.usecases import import_file, importer
from archive_app.usecases.archive import Archive

ROWS = 120


def _table(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        for n in range(ROWS):
            writer.writerow(
                [
                    f"Banjir melanda desa nomor {n}",
                    f"Warga desa nomor {n} mengungsi ke balai desa kemarin sore.",
                    f"https://example.com/{n}",
                ]
            )
    return path


def test_a_big_file_is_analysed_ahead_and_every_article_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "_BIG_IMPORT_BYTES", 0)  # any import is big
    monkeypatch.setattr(import_file, "SETTLE_EVERY", 50)  # a few settles in one file
    sent: list[Sequence[tuple[str | None, Sequence[str]]]] = []
    real_warm = BackgroundWriter.warm

    def spy(self: BackgroundWriter, texts: Sequence[tuple[str | None, Sequence[str]]]) -> None:
        sent.append(texts)
        real_warm(self, texts)

    monkeypatch.setattr(BackgroundWriter, "warm", spy)
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([_table(tmp_path / "big.csv")])
        assert len(report.added) == ROWS and not report.warnings
        # the file's articles went ahead in a few messages, before the file committed
        titles = [texts[0] for message in sent for _language, texts in message]
        assert len(sent) >= 2 and sorted(titles) == sorted(
            f"Banjir melanda desa nomor {n}" for n in range(ROWS)
        )
        # indexed as without warming: stems ("mengungsi" -> "ungsi") and phrases are found
        assert archive.counts("ungsi").total == ROWS
        assert archive.search('"desa nomor 7"').total == 1
        assert archive.check().ok


def test_texts_the_indexer_cannot_analyse_ahead_are_still_indexed(tmp_path: Path) -> None:
    source = tmp_path / "docs.pickle"
    source.write_bytes(pickle.dumps([_doc(1, "banjir"), _doc(2, "gempa")]))
    writer = BackgroundWriter(tmp_path / "index", pickled_feed, str(source))
    writer.warm([("id", ["Banjir nomor 1"]), ("en", [None])])  # type: ignore[list-item]
    writer.submit({1, 2})
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    try:
        assert index.doc_count() == 2  # both articles searchable, the warm-up's fault aside
    finally:
        index.close()
