"""Help ▸ Arsip manual: the chapters listed, one shown, and a search through all of them.

Typing in the search field lists only the chapters holding the text (with how often), marks
every occurrence in the chapter shown, and Enter / F3 (Shift for back) moves from one to the
next, on into the next chapter that holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.help.chapters import Chapter, chapters
from archive_app.gui.help.matches import count, find_all, marked

# Qt's rich text takes a CSS subset; code and examples stand apart without colours of their
# own, so the light and dark themes both read well
STYLE = """
h1 { font-size: x-large; margin-bottom: 8px; }
h2 { font-size: large; margin-top: 18px; }
code, kbd { font-family: monospace; }
td { padding: 2px 8px 2px 0; }
p.figure { margin: 10px 0; }
"""


class ManualDialog(QDialog):
    """The manual in one language (`language` is "en" or "id")."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.chapters: list[Chapter] = chapters(language)
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.setWindowTitle(translate("Help", "Arsip manual"))
        self.setAccessibleName(translate("Help", "Arsip manual"))
        self.resize(1080, 760)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("Help", "Find in the manual"))
        self.search.setAccessibleName(translate("Help", "Find in the manual"))
        self.search.setClearButtonEnabled(True)
        self.previous = self._step_button(translate("Help", "Previous match"), -1)
        self.next = self._step_button(translate("Help", "Next match"), 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(translate("Help", "Chapters"))
        self.contents.setWordWrap(True)  # long Indonesian titles, and the match counts
        self.contents.setSpacing(3)
        for chapter in self.chapters:
            QListWidgetItem(chapter.title, self.contents)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(translate("Help", "Manual page"))
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setOpenExternalLinks(False)  # the manual never sends anyone online

        finding = QHBoxLayout()
        finding.setContentsMargins(0, 0, 0, 0)
        finding.addWidget(self.search, 1)
        finding.addWidget(self.previous)
        finding.addWidget(self.next)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(finding)
        column.addWidget(self.summary)
        column.addWidget(self.contents, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 800])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)  # Enter and Shift+Enter step through matches
        self.contents.currentRowChanged.connect(self._chapter_chosen)
        self.browser.sourceChanged.connect(self._page_changed)
        for keys, step in (
            (QKeySequence.StandardKey.FindNext, 1),
            (QKeySequence.StandardKey.FindPrevious, -1),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda step=step: self.step(step))
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.search.setFocus)
        self._search_changed("")
        self.contents.setCurrentRow(0)

    def _step_button(self, name: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setText("↑" if step < 0 else "↓")
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: self.step(step))
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step(-1 if shift else 1)
            return True  # Enter must not reach the dialog, which would close on it
        return super().eventFilter(watched, event)

    # -- chapters ------------------------------------------------------------------------

    @property
    def chapter(self) -> int:
        """The index of the chapter shown."""
        return self.contents.currentRow()

    def show_chapter(self, index: int) -> None:
        self.contents.setCurrentRow(index)

    def _chapter_chosen(self, row: int) -> None:
        if 0 <= row < len(self.chapters):
            path = self.chapters[row].path
            if self.browser.source().toLocalFile() != str(path):
                self.browser.setSource(QUrl.fromLocalFile(str(path)))

    def _page_changed(self, url: QUrl) -> None:
        """A chapter was shown (chosen in the list, or by a link in another chapter)."""
        shown = url.toLocalFile()
        for row, chapter in enumerate(self.chapters):
            if str(chapter.path) == shown and self.contents.currentRow() != row:
                self.contents.setCurrentRow(row)
        self._mark(0 if self.needle else -1)

    # -- searching -----------------------------------------------------------------------

    @property
    def needle(self) -> str:
        return self.search.text().strip()

    def matching_chapters(self) -> list[str]:
        """Titles of the chapters listed now (all of them when nothing is searched)."""
        return [
            self.chapters[row].title
            for row in range(self.contents.count())
            if not self.contents.isRowHidden(row)
        ]

    def _search_changed(self, _text: str) -> None:
        needle = self.needle
        counts = [count(chapter.text, needle) for chapter in self.chapters]
        for row, chapter in enumerate(self.chapters):
            item = self.contents.item(row)
            found = counts[row]
            item.setText(f"{chapter.title} ({found})" if needle and found else chapter.title)
            self.contents.setRowHidden(row, bool(needle) and not found)
        total, where = sum(counts), sum(1 for c in counts if c)
        if not needle:
            self.summary.setText(translate("Help", "Type a word to find it in every chapter."))
        elif not total:
            self.summary.setText(translate("Help", "Not found in the manual."))
        else:
            self.summary.setText(
                translate("Help", "{matches} in {chapters}").format(
                    matches=count_text(
                        total, translate("Help", "1 match"), translate("Help", "{count} matches")
                    ),
                    chapters=count_text(
                        where,
                        translate("Help", "1 chapter"),
                        translate("Help", "{count} chapters"),
                    ),
                )
            )
        if needle and total and not counts[max(self.chapter, 0)]:
            self.show_chapter(next(row for row, c in enumerate(counts) if c))
        else:
            self._mark(0 if needle else -1)

    def _mark(self, current: int) -> None:
        """Mark every match in the chapter shown and go to match number `current`."""
        self.matches = find_all(self.browser.document(), self.needle)
        self.current = current if 0 <= current < len(self.matches) else -1
        self.browser.setExtraSelections(marked(self.matches, self.current))
        if self.current >= 0:
            # the text cursor goes to the match without selecting it, so the current match
            # shows in its own colour (a selection would cover it, pale when unfocused)
            cursor = QTextCursor(self.matches[self.current])
            cursor.setPosition(cursor.selectionStart())
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()

    def step(self, step: int) -> None:
        """The next (1) or previous (-1) match, on into the next chapter that holds one."""
        if not self.needle:
            return
        target = self.current + step
        if 0 <= target < len(self.matches):
            self._mark(target)
            return
        listed = [row for row in range(len(self.chapters)) if not self.contents.isRowHidden(row)]
        if not listed:
            return
        here = listed.index(self.chapter) if self.chapter in listed else 0
        row = listed[(here + step) % len(listed)]
        if row != self.chapter:
            self.show_chapter(row)
        # a chapter entered from below starts at its last match
        self._mark(0 if step > 0 else len(self.matches) - 1)
