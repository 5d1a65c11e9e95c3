"""The reader marks what the search matched: a word's family through the index's stemmer,
phrases whole, never an excluded word or a field's value (through Archive.highlight_terms)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.gui.reader.test_gui_reader import highlighted

from archive_app.domain.model import ArticleDetail, CatalogueRecord
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.prepared import Reading
from archive_app.usecases.archive import Archive


def test_the_reader_marks_a_word_family_and_phrases_as_the_index_matched_them(
    qtbot: QtBot,
) -> None:
    """Searching "pemilihan" finds "memilih" and "pilihan" (one stem): the reader marks them;
    a phrase is marked whole and only where it stands; excluded words and a tag's value are
    not marked."""
    reader = ReaderView()
    qtbot.addWidget(reader)
    record = CatalogueRecord(
        title="Pemilihan kepala desa",
        body=[
            "Warga memilih pilihan mereka di balai desa.",
            "Kepala desa baru dilantik; desa lain menunggu.",
        ],
    )
    detail = ArticleDetail(1, record, [], [], 1, 1, "", "")
    texts = (record.title, *record.body)
    terms = Archive.highlight_terms('pemilihan "kepala desa" -balai tag:warga', texts)
    reader.show_reading(Reading(detail, tuple(terms)))
    assert highlighted(reader.document()) == [
        "Pemilihan",
        "kepala desa",
        "memilih",
        "pilihan",
        "Kepala desa",
    ]
