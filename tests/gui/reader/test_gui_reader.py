"""The reader shows the whole catalogue record, highlights hits and never touches the network."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from pytestqt.qtbot import QtBot

from archive_app.domain.model import (
    ArticleDetail,
    CatalogueRecord,
    PersonRole,
    Photo,
    Provenance,
    RelatedLink,
)
from archive_app.exports.citations import cite
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.citation import citation_text
from archive_app.gui.reader.pane import ReaderPane
from archive_app.gui.reader.prepared import Reading
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.theme import DARK
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
RELATED = (
    "Kominfo Beri Penghargaan kepada 36 Mitra Terbaik Newsroom",
    "Menuju Perayaan Waisak: 40 Bhikkhu Thudong Jalan Kaki dari TMII Menuju Candi Borobudur",
    "UNESCO Jadikan Arsip Pabrik Indarung 1 Semen Padang sebagai Memory of The World Asia Pasifik",
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


def _wait_for_article(qtbot: QtBot, window: MainWindow, title: str) -> None:
    qtbot.waitUntil(
        lambda: (
            window.reader.reading is not None and window.reader.reading.detail.record.title == title
        ),
        timeout=10_000,
    )


def test_selecting_the_seed_shows_its_whole_record(qtbot: QtBot, seeded_window: MainWindow) -> None:
    table = seeded_window.table
    table.setCurrentIndex(QModelIndex())  # nothing selected, as after a person clears it
    seeded_window.reader.show_message("Select an article")
    with qtbot.waitSignal(seeded_window.loader.loaded, timeout=10_000):
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(table.model().index(0, 0)).center(),
        )
    text = seeded_window.reader.toPlainText()
    assert SEED_TITLE in text
    assert "Friday 17 May 2024, 03:50 (UTC+07:00)" in text  # as published, with its zone
    assert "Thursday 16 May 2024, 20:50 (UTC+00:00) on this computer's clock" in text
    assert "Bali" in text
    assert "Yessy Artada (editor)" in text and "Yessy Artada (reporter)" in text
    assert "10th World Water Forum 2024." in text  # the caption…
    assert "Photo: dok Kominfo" in text  # …and its credit under it
    assert "Photo not archived" in text  # a captioned placeholder, not a broken image
    for title in RELATED:
        assert title in text
    assert "Related articles" in text
    assert "BACA JUGA" not in text.upper()
    assert "(chi/jpnn)" in text
    assert "jpnn-world-water-forum-2024.txt" in text  # provenance
    assert "Ramone Pulungan" in text  # the body
    assert seeded_window.reader_pane.cite.isEnabled() and seeded_window.reader_pane.pdf.isEnabled()


def test_search_hits_are_highlighted_and_can_be_stepped_through(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    _wait_for_article(qtbot, seeded_window, SEED_TITLE)
    reader, pane = seeded_window.reader, seeded_window.reader_pane
    assert reader.hit_count == 0  # the plain listing highlights nothing
    seeded_window.search_bar.field.setText("kominfo")
    seeded_window.search_bar.field.returnPressed.emit()
    qtbot.waitUntil(lambda: reader.hit_count > 0, timeout=10_000)
    assert "Kominfo" in highlighted(reader.document())
    assert "Gandeng" not in highlighted(reader.document())
    total = reader.hit_count
    assert total >= 2
    assert pane.hits.text() == f"{total} hits"
    with qtbot.waitSignal(reader.hitsChanged) as moved:
        qtbot.keyClick(seeded_window, Qt.Key.Key_F3)  # F3: the next hit
    assert moved.args == [1, total]
    assert pane.hits.text() == f"hit 1 of {total}"
    assert reader.current_hit().casefold() == "kominfo"
    seeded_window.actions_.previous_hit.trigger()  # Shift+F3 wraps to the last one
    assert pane.hits.text() == f"hit {total} of {total}"


def test_ctrl_f_finds_within_the_article_and_esc_closes(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    _wait_for_article(qtbot, seeded_window, SEED_TITLE)
    pane = seeded_window.reader_pane
    qtbot.keyClick(seeded_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible() and pane.find_bar.field.hasFocus()
    qtbot.keyClicks(pane.find_bar.field, "firdaus")
    assert pane.find_bar.count.text() == "1 of 3"  # Firdaus Ali, three times in the body
    assert seeded_window.reader.textCursor().selectedText().casefold() == "firdaus"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert pane.find_bar.count.text() == "2 of 3"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    assert seeded_window.search_bar.query == ""  # Esc closed the bar and did nothing else


def test_zoom_makes_the_text_larger_and_is_remembered(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    _wait_for_article(qtbot, seeded_window, SEED_TITLE)
    reader = seeded_window.reader
    before = reader.document().size().height()
    with qtbot.waitSignal(seeded_window.reader_pane.zoomChanged):
        seeded_window.actions_.larger.trigger()
    assert reader.zoom == 110
    assert reader.document().size().height() > before
    assert seeded_window.settings.zoom == 110
    seeded_window.actions_.actual.trigger()
    assert reader.zoom == 100


def test_the_rules_behind_each_field_show_on_demand(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    detail = _detail()
    rules = {"published": "date:jpnn-wib", "people.editor": "people:redaktur"}
    detail = replace(detail, record=replace(detail.record, rules=rules))
    reader.show_reading(Reading(detail))
    assert "how each field was read" in reader.toPlainText()
    assert "date:jpnn-wib" not in reader.toPlainText()
    reader.anchorClicked.emit(QUrl("arsip-rules:toggle"))
    assert "date:jpnn-wib" in reader.toPlainText()
    assert "people:redaktur" in reader.toPlainText()
    reader.anchorClicked.emit(QUrl("arsip-rules:toggle"))
    assert "date:jpnn-wib" not in reader.toPlainText()


def test_a_person_link_opens_their_page(qtbot: QtBot, seeded_window: MainWindow) -> None:
    _wait_for_article(qtbot, seeded_window, SEED_TITLE)
    with qtbot.waitSignal(seeded_window.reader.personRequested) as asked:
        seeded_window.reader.anchorClicked.emit(QUrl("arsip-person:Yessy%20Artada"))
    assert asked.args == ["Yessy Artada"]
    assert seeded_window.right.currentWidget() is seeded_window.person_page


def test_the_reader_refuses_every_non_local_resource(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    assert not reader.openLinks() and not reader.openExternalLinks()
    for address in (
        "http://example.com/a.png",
        "https://example.com/a.css",
        "ftp://example.com/a.png",
        "//example.com/a.png",
    ):
        resource = reader.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(address)
        )
        assert resource is None, address


def _detail() -> ArticleDetail:
    record = CatalogueRecord(
        title="Banjir <b>Jakarta</b>",
        site="example.id",
        url="https://example.id/banjir-jakarta",
        published="2024-02-01T10:00:00+07:00",
        people=[PersonRole("Rina", "photographer"), PersonRole("Budi Santoso", "reporter")],
        photos=[Photo(caption=None, credit="Antara")],
        body=['Lihat <img src="http://example.com/track.png"> di sini.'],
        related=[RelatedLink("Berita lain", "https://example.id/berita-lain")],
    )
    source = Provenance("banjir.txt", "ab" * 32, "file", "text", "2024-03-05T08:00:00+00:00")
    return ArticleDetail(1, record, [], [source], 1, 1, "", "", source)


def test_markup_in_a_record_is_shown_as_text_and_links_are_only_copied(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(Reading(_detail()))
    text = reader.toPlainText()
    assert "Banjir <b>Jakarta</b>" in text
    assert '<img src="http://example.com/track.png">' in text
    assert "Rina (photographer)" in text and "Antara" in text
    with qtbot.waitSignal(reader.statusMessage) as message:
        reader.anchorClicked.emit(QUrl("https://example.id/berita-lain"))
    assert reader.source().isEmpty()  # the pane did not navigate
    assert QGuiApplication.clipboard().text() == "https://example.id/berita-lain"
    assert "never opens web pages" in message.args[0]


def test_a_photo_placed_in_the_text_stands_after_its_paragraph(qtbot: QtBot) -> None:
    record = CatalogueRecord(
        title="Banjir Jakarta",
        photos=[
            Photo(caption="Foto utama banjir", credit="Antara"),
            Photo(caption="Warga mengungsi ke masjid", credit="Antara", paragraph=1),
            Photo(caption="Foto tanpa tempat", credit="Antara"),
        ],
        body=[
            "Paragraf satu tentang hujan.",
            "Paragraf dua tentang warga.",
            "Paragraf tiga tentang bantuan.",
        ],
    )
    source = Provenance("banjir.html", "cd" * 32, "file", "html", "2024-03-05T08:00:00+00:00")
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(Reading(ArticleDetail(1, record, [], [source], 1, 1, "", "", source)))
    text = reader.toPlainText()
    order = [
        text.index(s)
        for s in (
            "Foto utama banjir",
            "Paragraf satu",
            "Paragraf dua",
            "Warga mengungsi ke masjid",
            "Paragraf tiga",
            "More photos",
            "Foto tanpa tempat",
        )
    ]
    assert order == sorted(order)


def test_a_related_link_to_an_article_in_the_library_opens_it(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(Reading(_detail(), related={0: 42}))
    assert "Berita lain — in this library" in reader.toPlainText()
    with qtbot.waitSignal(reader.articleRequested) as opened:
        reader.anchorClicked.emit(QUrl("arsip-article:42"))
    assert opened.args == [42]
    assert QGuiApplication.clipboard().text() != "arsip-article:42"


def test_words_a_query_excludes_are_not_highlighted(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    detail = _detail()
    texts = (detail.record.title, *detail.record.body)
    terms = Archive.highlight_terms("lihat -sini date:2024 NOT banjir site:example.id", texts)
    reader.show_reading(Reading(detail, tuple(terms)))
    marked = highlighted(reader.document())
    assert marked == ["Lihat"]


def test_the_dark_theme_recolours_the_article(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(Reading(_detail(), ("lihat",)))
    reader.set_colours(DARK)
    assert DARK.text in reader.document().defaultStyleSheet()
    assert reader.hit_count == 1  # hits are still found in the new colours
    printable = reader.printable()  # paper is always light
    assert DARK.text not in printable.defaultStyleSheet()
    assert "Banjir <b>Jakarta</b>" in printable.toPlainText()


def test_the_citation_is_the_one_the_cli_writes_in_the_style_chosen(qtbot: QtBot) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.reader.show_reading(Reading(_detail()))
    pane.set_article_tools()
    with qtbot.waitSignal(pane.statusMessage):
        pane.cite.click()  # APA until another style is chosen
    apa = (
        "Santoso, B. (2024, February 1). Banjir <b>Jakarta</b>. example.id. "
        "https://example.id/banjir-jakarta"
    )
    assert QGuiApplication.clipboard().text() == apa == cite(_detail(), "apa")
    assert citation_text(_detail()) == apa
    # a word processor gets the publication in italics
    assert "<i>example.id</i>" in QGuiApplication.clipboard().mimeData().html()

    with qtbot.waitSignal(pane.citationStyleChanged) as changed:
        pane.cite_actions["chicago"].trigger()
    assert changed.args == ["chicago"]
    chicago = QGuiApplication.clipboard().text()
    assert chicago == cite(_detail(), "chicago") and chicago.startswith("Santoso, Budi.")
    pane.copy_citation()  # the button now copies Chicago
    assert QGuiApplication.clipboard().text() == chicago


def test_the_article_is_saved_as_a_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.reader.show_reading(Reading(_detail()))
    target = pane.save_pdf(tmp_path / "banjir.pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"Banjir" in data or len(data) > 2000  # text may be compressed; a real page either way


def test_without_an_article_the_tools_are_off(qtbot: QtBot) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    assert not pane.cite.isEnabled() and not pane.pdf.isEnabled()
    assert not pane.photos.isEnabled() and not pane.find_button.isEnabled()
    assert pane.copy_citation() == ""


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
    detail = replace(detail, record=replace(detail.record, published=published))
    reader.show_reading(Reading(detail))
    assert shown in reader.toPlainText()


def test_the_local_date_is_this_computers_clock() -> None:
    from archive_app.gui.common.display import local_date

    moment = datetime(2024, 5, 16, 20, 50, tzinfo=UTC).astimezone()
    here = local_date("2024-05-17T03:50:00+07:00")
    if moment.utcoffset() == datetime.fromisoformat("2024-05-17T03:50:00+07:00").utcoffset():
        assert here == ""  # the same zone: nothing more to say
    else:
        assert f"{moment:%H:%M}" in here


def test_every_other_place_the_article_was_found_is_listed(qtbot: QtBot) -> None:
    record = CatalogueRecord(title="Banjir Jakarta", body=["Paragraf satu tentang hujan."])
    when = "2024-03-05T08:00:00+00:00"
    source = Provenance("day1.csv", "ab" * 32, "row 4", "csv", when, version=1)
    places = [
        source,
        Provenance("day1.csv", "ab" * 32, "row 9", "csv", when, kind="duplicate", version=1),
        Provenance("day2.csv", "cd" * 32, "row 1", "csv", when, kind="duplicate", version=1),
        Provenance(
            "crawl.warc.gz",
            "ef" * 32,
            "record 7",
            "warc",
            when,
            member="https://example.com/banjir",
            kind="revisit",
            version=1,
        ),
    ]
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(Reading(ArticleDetail(1, record, [], places, 1, 1, "", "", source)))
    text = reader.toPlainText()
    assert "From day1.csv, row 4 (csv)" in text
    assert (
        "Also found in: day1.csv, row 9 · day2.csv, row 1 · crawl.warc.gz › "
        "https://example.com/banjir, record 7 (a later capture)"
    ) in text
    many = [source] + [
        Provenance("day3.csv", "12" * 32, f"row {n}", "csv", when, kind="duplicate")
        for n in range(1, 10)
    ]
    reader.show_reading(Reading(ArticleDetail(1, record, [], many, 1, 1, "", "", source)))
    assert "day3.csv, row 6 · and 3 more" in reader.toPlainText()
