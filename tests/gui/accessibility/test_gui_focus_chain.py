"""Tab order and accessible names: the main window and every dialog, on a real library.

Each window's Tab stops are walked (QWidget.nextInFocusChain over focusable, shown, enabled
widgets) and compared with the order a keyboard user expects, by the names a screen reader
says. A stop without a name fails the test, which lists every such widget with where it is,
so a control added later without setAccessibleName is found at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.gui.accessibility.chain import spoken_chain, spoken_name, unnamed
from tests.gui.conftest import archive_photo

from archive_app.domain.conflicts import Conflict, FieldConflict
from archive_app.domain.model import ArticleDetail, CatalogueRecord, PersonInfo, Photo
from archive_app.gui.authorities.dialogs import MergeDialog, PlaceAliasDialog, SignoffDialog
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.conflict_dialog import COMBINED, ConflictDialog
from archive_app.gui.importing.report_dialog import ImportReportDialog
from archive_app.gui.photos.viewer_dialog import PhotoViewer
from archive_app.gui.search.filters import Filter
from archive_app.gui.shell.crash_dialog import CrashDialog
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.preferences import PreferencesDialog

READER_TOOLS = [
    "Find in the article (Ctrl+F)",
    "Smaller text (Ctrl+-)",
    "Larger text (Ctrl++)",
    "Copy a citation of the article",
    "Edit the article's catalogue record (Ctrl+E)",
    "Print or save as PDF",
]
SIDEBAR = [
    "Collections, smart collections and tags",
    "Make a collection or a smart collection",
    "Articles over time",
    "Narrow the results",
]
TAB_PRESSES_IN_ONE_CONTROL = 30  # the links of an article in the reader, one Tab each
SEARCH_ROW = ["Search the archive", "Search language cheat sheet", "Sort results"]


class Checks:
    """Collects every mismatch and every unnamed control, to report them all at once."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.problems: list[str] = []

    def check(self, what: str, root: QWidget, expected: list[str] | None = None) -> None:
        for offender in unnamed(root):
            self.problems.append(f"{what}: no accessible name on {offender}")
        chain = spoken_chain(root)
        if expected is not None and chain != expected:
            self.problems.append(f"{what}: Tab order is\n    {chain}\n  expected\n    {expected}")
        pressed = self.press_tab(root, len(chain))
        if pressed != chain:
            self.problems.append(f"{what}: pressing Tab visits\n    {pressed}\n  not\n    {chain}")

    def press_tab(self, root: QWidget, stops: int) -> list[str]:
        """What real Tab presses visit from the focus: a control that takes Tab itself for a
        while (a reader moving from link to link) is listed once, and one that never lets go
        ends the walk."""
        window = root.window()
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
        visited: list[str] = []
        for _ in range(stops):
            widget = QApplication.focusWidget()
            if widget is None or widget.window() is not window:
                break
            visited.append(spoken_name(widget) or f"?{type(widget).__name__}")
            if stops == 1:
                break  # the only stop: Tab rightly stays on it
            for _press in range(TAB_PRESSES_IN_ONE_CONTROL):
                self.qtbot.keyClick(widget, Qt.Key.Key_Tab)
                if QApplication.focusWidget() is not widget:
                    break
            else:
                visited.append(f"(Tab is kept by {visited[-1]})")
                break
        return visited

    def tabs(self, what: str, root: QWidget, tabs: QTabWidget, expected: list[list[str]]) -> None:
        """Each tab of a tab widget in turn (a hidden tab's controls are not Tab stops)."""
        bar = tabs.tabBar()
        root.window().activateWindow()
        bar.setFocus()
        for index, page in enumerate(expected):
            if index:  # the next tab, as a keyboard user opens it from the tab bar
                bar.setFocus()
                self.qtbot.keyClick(bar, Qt.Key.Key_Right)
            assert tabs.currentIndex() == index
            self.check(f"{what}, tab {tabs.tabText(index)!r}", root, page)

    def assert_clean(self) -> None:
        assert not self.problems, "\n" + "\n".join(self.problems)


@pytest.fixture
def checks(qtbot: QtBot) -> Iterator[Checks]:
    found = Checks(qtbot)
    yield found
    found.assert_clean()


def check_dialog(
    qtbot: QtBot, checks: Checks, what: str, dialog: QDialog, expected: list[str]
) -> None:
    """Show a dialog as its controller does, walk it, close it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    checks.check(what, dialog, expected)
    dialog.close()


def test_the_main_window(qtbot: QtBot, small_window: MainWindow, checks: Checks) -> None:
    window = small_window
    checks.check(
        "main window",
        window,
        [*SEARCH_ROW, "Search results", "Article reader", *READER_TOOLS, *SIDEBAR],
    )
    # a filter's chip comes after the search row, the find bar's controls after the reader
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        window.session.toggle_filter(Filter("site", "detik.com"))
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        window.session.toggle_filter(Filter("date", "2025"))
    window.reader_pane.open_find()
    checks.check(
        "main window, filtered, finding",
        window,
        [
            "Find in this article",
            "Previous match",
            "Next match",
            "Close the find bar",
            *READER_TOOLS,
            *SIDEBAR,
            *SEARCH_ROW,
            "Remove filter Site: detik.com",
            "Remove filter Date: 2025",
            "Remove every filter",
            "Search results",
            "Article reader",
        ],
    )
    window.escape()
    window.reading.show_person("Brigitta Belia")
    qtbot.waitUntil(lambda: window.person_page.person is not None, timeout=10_000)
    # a person's page replaces the reader: its tools, then the articles it lists
    checks.check(
        "person page",
        window,
        [
            "Articles by role",
            *SIDEBAR,
            *SEARCH_ROW,
            "Remove filter Site: detik.com",
            "Remove filter Date: 2025",
            "Remove every filter",
            "Search results",
            "Back to the article",
            "Search for this person",
        ],
    )


def test_the_welcome_view(qtbot: QtBot, window: MainWindow, checks: Checks) -> None:
    checks.check("welcome view", window, ["Import files", "Import folder"])


def test_every_dialog(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, checks: Checks
) -> None:
    window = small_window

    window.actions_.edit_article.trigger()
    qtbot.waitUntil(lambda: window.editing.editor is not None, timeout=10_000)
    editor = window.editing.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    buttons = ["Save the changes as one change", "Cancel"]
    tabs = "Parts of the record"
    checks.tabs(
        "article editor",
        editor,
        editor.tabs,
        [
            [
                tabs,
                "Title",
                "Published",
                "Updated",
                "Dateline place",
                "Site",
                "Address (URL)",
                "Agency",
                "Language",
                "Sign-off codes",
                "Keywords",
                *buttons,
            ],
            [
                tabs,
                "People",
                "Add a row to People",
                "Remove the chosen row from People",
                "Role",
                *buttons,
            ],
            [
                tabs,
                "Photos",
                "Add a row to Photos",
                "Remove the chosen row from Photos",
                "Related links",
                "Add a row to Related links",
                "Remove the chosen row from Related links",
                *buttons,
            ],
            [tabs, "Text", *buttons],
            [tabs, "Tags", "Collections", "Note", *buttons],
            [tabs, "History of the article", *buttons],
        ],
    )
    editor.reject()

    window.table.selectAll()
    bulk = window.bulk.open_bulk()
    assert bulk is not None
    preview = ["Preview every change", "Every change, before it is applied", "Cancel"]
    checks.check("bulk change", bulk, ["What to change", "Value", *preview])
    bulk.reject()
    replace = window.bulk.open_replace()
    assert replace is not None
    checks.check(
        "find and replace",
        replace,
        [
            "Field",
            "Find",
            "Replace with",
            "Regular expression (\\1 in the replacement repeats a group)",
            "Every article of the current result, not only the selection",
            *preview,
        ],
    )
    replace.reject()
    export = window.exporting.open()
    checks.check(
        "export",
        export,
        [
            "The 4 selected articles",  # the scope chosen; the arrows reach the others
            "Format",
            "Export…",
            "Cancel",
        ],
    )
    export.reject()

    authority = window.authority.open(0)
    qtbot.waitSignal(window.authority.loaded, timeout=10_000)
    checks.tabs(
        "people and places",
        authority,
        authority.tabs,
        [
            ["People or places", "Find a person", "People in the library"],
            ["People or places", "Places and their spellings", "Add a spelling to a place"],
        ],
    )
    authority.close()

    first = PersonInfo(1, "Brigitta Belia", (), {"author": 1}, 1)
    second = PersonInfo(2, "Brigita Belia", (), {"author": 1}, 1)
    check_dialog(
        qtbot,
        checks,
        "merge people",
        MergeDialog(first, second, window),
        ["Brigitta Belia — 1 article", "Merge", "Cancel"],
    )
    check_dialog(
        qtbot,
        checks,
        "sign-off code",
        SignoffDialog(first.name, ["detik.com"], window),
        ["Site", "Sign-off code", "Attach", "Cancel"],
    )
    check_dialog(
        qtbot,
        checks,
        "place spelling",
        PlaceAliasDialog(["Jakarta"], "Jakarta", window),
        ["Spelling", "Place", "Add", "Cancel"],
    )
    report = window.archive.import_paths([tmp_path / "articles.jsonl"])  # all duplicates
    check_dialog(
        qtbot,
        checks,
        "import report",
        ImportReportDialog(report, window),
        ["Import details", "OK"],
    )

    check_dialog(
        qtbot,
        checks,
        "preferences",
        PreferencesDialog(window.settings, window),
        ["Theme", "Language", "OK", "Cancel"],
    )
    both = FieldConflict("title", "Banjir Rendam Tiga RT", "Banjir di Jakarta Barat")
    conflict = ConflictDialog(
        Conflict(1, "Banjir Rendam Tiga RT", 1, 2, (both,)), {"title": "Banjir"}, window
    )
    # combining shows the box to type it in, and puts the keys there
    conflict.choice("title").choice.setCurrentIndex(COMBINED)
    check_dialog(
        qtbot,
        checks,
        "conflict",
        conflict,
        [
            "Title: combined value",
            "Save the chosen values",
            "Back to the editor, nothing saved",
            "Keep for Title",
        ],
    )
    window.search_bar.show_cheat_sheet()
    examples = spoken_chain(window)
    assert len(examples) > 15 and all(e.startswith("Try ") for e in examples[:15]), examples
    checks.check("search language cheat sheet", window, None)
    window.search_bar.cheat_sheet.hide()


def test_the_photo_viewer(qtbot: QtBot, tmp_path: Path, checks: Checks) -> None:
    photos = [
        Photo(caption="Banjir", credit="AP", media_path=archive_photo(tmp_path, "Bush-dog.jpg")),
        Photo(caption="Only a caption kept", credit="Antara"),
    ]
    detail = ArticleDetail(
        7, CatalogueRecord(title="Foto", body=["Satu."], photos=photos), [], [], 1, 1, "", ""
    )
    runner = TaskRunner(2)
    viewer = PhotoViewer(detail, tmp_path, runner, 0)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: 0 in viewer._loaded, timeout=10_000)
    checks.check(
        "photo viewer",
        viewer,
        ["Photo", "Caption, credit and file details", "The article's photos"],
    )
    viewer.close()
    runner.wait()


def test_the_manual_and_about(qtbot: QtBot, small_window: MainWindow, checks: Checks) -> None:
    window = small_window
    window.help_desk.show_manual()
    manual = window.help_desk.manual
    assert manual is not None
    qtbot.waitExposed(manual)
    checks.check(
        "manual",
        manual,
        ["Find in the manual", "Previous match", "Next match", "Chapters", "Manual page", "Close"],
    )
    manual.close()
    window.help_desk.show_about()
    about = window.help_desk.about
    assert about is not None
    qtbot.waitExposed(about)
    checks.check("about", about, ["Copy these details", "Close"])
    about.close()


def test_the_crash_dialog(qtbot: QtBot, small_window: MainWindow, checks: Checks) -> None:
    dialog = CrashDialog("Searching", None, "ValueError: test", small_window)
    dialog.show()  # deleted when closed, so not handed to qtbot
    qtbot.waitExposed(dialog)
    checks.check("crash dialog", dialog, ["Close"])
    dialog.close()
