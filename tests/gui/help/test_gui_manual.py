"""Help ▸ Arsip manual: opens from the menu and F1 in the interface's language, finds text in
every chapter, and shows only pictures that are there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archive_app.gui.common import i18n
from archive_app.gui.help.chapters import LANGUAGES, manual_folder, read_chapter
from archive_app.gui.help.manual_dialog import ManualDialog
from archive_app.gui.shell.main_window import MainWindow

IMAGE = re.compile(r'<img\s[^>]*src="([^"]+)"')
CHAPTERS = {
    "en": [
        "Importing articles",
        "Searching",
        "Reading",
        "Cataloguing",
        "People and places",
        "Exports and citations",
        "Backup, restore and fixity",
        "Team libraries (coming)",
    ],
    "id": [
        "Mengimpor artikel",
        "Mencari",
        "Membaca",
        "Mengatalogkan",
        "Orang dan tempat",
        "Ekspor dan kutipan",
        "Cadangan, pemulihan, dan keutuhan berkas",
        "Pustaka tim (segera hadir)",
    ],
}


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "id") == "id"
    yield
    i18n.uninstall(qapp)


def _help_menu(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[-1].menu()
    assert menu is not None
    return [action.text() for action in menu.actions()]


def _open_manual(qtbot: QtBot, window: MainWindow) -> ManualDialog:
    window.activateWindow()  # a window shortcut needs its window active
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    manual = window.help_desk.manual
    assert manual is not None
    qtbot.waitExposed(manual)
    return manual


def test_f1_opens_the_manual_in_english(qtbot: QtBot, window: MainWindow) -> None:
    assert window.menuBar().actions()[-1].text() == "&Help"
    assert _help_menu(window) == ["Arsip &manual", "&About Arsip"]
    manual = _open_manual(qtbot, window)
    assert manual.windowTitle() == "Arsip manual"
    assert [manual.contents.item(r).text() for r in range(manual.contents.count())] == (
        CHAPTERS["en"]
    )
    assert manual.browser.toPlainText().startswith("Importing articles")
    manual.contents.setCurrentRow(1)
    assert "The search language" in manual.browser.toPlainText()
    # asked again, the same window comes back (where the person left it)
    window.actions_.manual.trigger()
    assert window.help_desk.manual is manual and manual.chapter == 1
    manual.close()


def test_the_manual_follows_the_indonesian_interface(
    qtbot: QtBot, indonesian: None, window: MainWindow
) -> None:
    # (the language is installed before the window is made, as at start-up)
    indonesian_window = window
    assert indonesian_window.menuBar().actions()[-1].text() == "&Bantuan"
    assert _help_menu(indonesian_window) == ["&Manual Arsip", "&Tentang Arsip"]
    manual = _open_manual(qtbot, indonesian_window)
    assert manual.windowTitle() == "Manual Arsip"
    assert manual.matching_chapters() == CHAPTERS["id"]
    assert manual.browser.toPlainText().startswith("Mengimpor artikel")
    manual.search.setText("keutuhan")
    assert manual.matching_chapters() == ["Cadangan, pemulihan, dan keutuhan berkas"]
    assert "Keutuhan berkas" in manual.browser.toPlainText()
    manual.close()


def test_searching_lists_the_chapters_and_steps_through_the_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    manual = _open_manual(qtbot, window)
    manual.search.setText("fixity")
    # only the chapter holding the word is listed, and it is shown with the word marked
    assert manual.matching_chapters() == ["Backup, restore and fixity"]
    assert manual.contents.item(6).text().startswith("Backup, restore and fixity (")
    assert manual.chapter == 6
    assert len(manual.matches) >= 3
    assert len(manual.browser.extraSelections()) == len(manual.matches)
    assert manual.matches[manual.current].selectedText().casefold() == "fixity"
    first = manual.browser.textCursor().position()
    assert first == manual.matches[0].selectionStart()
    qtbot.keyClick(manual.search, Qt.Key.Key_Return)
    assert manual.current == 1 and manual.browser.textCursor().position() > first
    qtbot.keyClick(manual.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert manual.current == 0

    # a word in several chapters: Enter goes past the last match into the next chapter
    manual.search.setText("sidebar")
    assert manual.matching_chapters() == ["Searching", "Cataloguing"]
    assert manual.summary.text().endswith("matches in 2 chapters")
    start = manual.chapter
    for _ in range(len(manual.matches)):
        manual.step(1)
    assert manual.chapter != start and manual.current == 0

    manual.search.setText("zzqx")
    assert manual.matching_chapters() == []
    assert manual.summary.text() == "Not found in the manual."
    manual.search.clear()
    assert manual.matching_chapters() == CHAPTERS["en"]
    assert manual.browser.extraSelections() == []
    manual.close()


def test_a_link_to_another_chapter_moves_the_contents_along(
    qtbot: QtBot, window: MainWindow
) -> None:
    manual = _open_manual(qtbot, window)
    # the link "Cataloguing" near the end of the first chapter, clicked
    link = manual.browser.document().find("see Cataloguing")
    assert not link.isNull()
    inside = QTextCursor(manual.browser.document())
    inside.setPosition(link.selectionEnd() - 4)
    manual.browser.setTextCursor(inside)
    manual.browser.ensureCursorVisible()
    where = manual.browser.cursorRect(inside).center()
    qtbot.mouseClick(manual.browser.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: manual.chapter == 3)
    assert manual.browser.toPlainText().startswith("Cataloguing")
    manual.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_the_manual_shows_is_shipped_and_small(language: str) -> None:
    folder = manual_folder(language)
    shown = []
    for chapter in sorted(folder.glob("*.html")):
        for source in IMAGE.findall(chapter.read_text(encoding="utf-8")):
            picture = (chapter.parent / source).resolve()
            assert picture.is_file(), f"{chapter.name} shows {source}, which is missing"
            with Image.open(picture) as image:
                assert image.format == "PNG" and image.width <= 1000, picture
            shown.append(Path(source).name)
    assert len(shown) >= 5
    assert {p.name for p in (folder.parent / "images" / language).glob("*.png")} <= set(shown)


def test_both_languages_have_the_same_chapters() -> None:
    english = sorted(p.name for p in manual_folder("en").glob("*.html"))
    assert english == sorted(p.name for p in manual_folder("id").glob("*.html"))
    assert len(english) == len(CHAPTERS["en"])


def test_a_damaged_chapter_is_named_with_the_reason(tmp_path: Path) -> None:
    damaged = tmp_path / "02-searching.html"
    damaged.write_bytes(b"<h1>Searching</h1>\xff\xfe not UTF-8")
    with pytest.raises(FileNotFoundError) as refused:
        read_chapter(damaged)
    message = str(refused.value)
    assert str(damaged) in message and "cannot be read" in message and "\n" not in message
