"""The reader shows the whole catalogue record, highlights hits and never touches the network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from pytestqt.qtbot import QtBot

from archive_app.core.model import (
    ArticleDetail,
    CatalogueRecord,
    PersonRole,
    Photo,
    RelatedLink,
)
from archive_app.gui.highlight import query_terms
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader import ReaderView

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
RELATED = (
    "Kominfo Beri Penghargaan kepada 36 Mitra Terbaik Newsroom",
    "Menuju Perayaan Waisak: 40 Bhikkhu Thudong Jalan Kaki dari TMII Menuju Candi Borobudur",
    "UNESCO Jadikan Arsip Pabrik Indarung 1 Semen Padang sebagai Memory of The World Asia "
    "Pasifik",
)


def highlighted(document: QTextDocument) -> list[str]:
    """The text fragments drawn with a background colour: what a reader sees as marked."""
    marked: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().hasProperty(
                fragment.charFormat().Property.BackgroundBrush
            ):
                marked.append(fragment.text())
            it += 1
        block = block.next()
    return marked


def test_selecting_the_seed_shows_its_whole_record(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    table = seeded_window.table
    table.setCurrentIndex(QModelIndex())  # nothing selected, as after a person clears it
    seeded_window.reader.show_message("Select an article")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    text = seeded_window.reader.toPlainText()
    assert SEED_TITLE in text
    assert "Friday 17 May 2024, 03:50 (UTC+07:00)" in text  # as published, with its zone
    assert "Bali" in text
    assert "Yessy Artada (editor)" in text and "Yessy Artada (reporter)" in text
    assert "10th World Water Forum 2024." in text  # the caption…
    assert "dok Kominfo" in text  # …and its credit
    assert "Photo not archived" in text  # a captioned placeholder, not a broken image
    for title in RELATED:
        assert title in text
    assert "Related articles" in text
    assert "BACA JUGA" not in text.upper()
    assert "(chi/jpnn)" in text
    assert "jpnn-world-water-forum-2024.txt" in text  # provenance
    assert "Ramone Pulungan" in text  # the body


def test_search_hits_are_highlighted_in_the_body(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    with qtbot.waitSignal(seeded_window.searches.started, timeout=10_000):
        seeded_window.search_bar.field.setText("kominfo")
        seeded_window.search_bar.field.returnPressed.emit()
    qtbot.waitUntil(lambda: "Kominfo" in highlighted(seeded_window.reader.document()))
    assert "Gandeng" not in highlighted(seeded_window.reader.document())


def test_the_reader_refuses_every_non_local_resource(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    assert not reader.openLinks() and not reader.openExternalLinks()
    for address in ("http://example.com/a.png", "https://example.com/a.css",
                    "ftp://example.com/a.png", "//example.com/a.png"):
        resource = reader.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                       QUrl(address))
        assert resource is None, address


def _detail() -> ArticleDetail:
    record = CatalogueRecord(
        title="Banjir <b>Jakarta</b>",
        site="example.id",
        published="2024-02-01T10:00:00+07:00",
        people=[PersonRole("Rina", "photographer")],
        photos=[Photo(caption=None, credit="Antara")],
        body=['Lihat <img src="http://example.com/track.png"> di sini.'],
        related=[RelatedLink("Berita lain", "https://example.id/berita-lain")],
    )
    return ArticleDetail(1, record, [], [], 1, 1, "", "")


def test_markup_in_a_record_is_shown_as_text_and_links_are_only_copied(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_article(_detail())
    text = reader.toPlainText()
    assert "Banjir <b>Jakarta</b>" in text
    assert '<img src="http://example.com/track.png">' in text
    assert "Rina (photographer)" in text and "Antara" in text
    with qtbot.waitSignal(reader.statusMessage) as message:
        reader.anchorClicked.emit(QUrl("https://example.id/berita-lain"))
    assert reader.source().isEmpty()  # the pane did not navigate
    assert QGuiApplication.clipboard().text() == "https://example.id/berita-lain"
    assert "never opens web pages" in message.args[0]


def test_words_a_query_excludes_are_not_highlighted(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_article(_detail(), query_terms("lihat -sini date:2024"))
    marked = highlighted(reader.document())
    assert marked == ["Lihat"]


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("2024-05-17T03:50:00+07:00", "Friday 17 May 2024, 03:50 (UTC+07:00)"),
        ("2024-05-17T03:50:00", "Friday 17 May 2024, 03:50 (time zone not given)"),
        ("2024-05-17", "Friday 17 May 2024"),
        ("Mei 2024", "Mei 2024"),  # not a date Python reads: shown as recorded, not dropped
    ],
)
def test_the_reader_shows_the_date_as_published_with_its_zone(
    qtbot: QtBot, published: str, shown: str
) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    detail = _detail()
    detail.record.published = published
    reader.show_article(detail)
    assert shown in reader.toPlainText()
