"""The reader with its tools: hits, find, zoom, photos, citation, print and PDF."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.common.i18n import translate
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.citation import DEFAULT_STYLE, citation_mime, style_names
from archive_app.gui.reader.find_bar import FindBar
from archive_app.gui.shell.settings import ZOOM_DEFAULT, ZOOM_RANGE

ZOOM_STEP = 10


class ReaderPane(QWidget):
    """Emits `zoomChanged(percent)` so the window can remember it, and `statusMessage`."""

    zoomChanged = Signal(int)
    statusMessage = Signal(str)
    photosRequested = Signal(int)
    editRequested = Signal()
    citationStyleChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.reader = ReaderView(self)
        self.find_bar = FindBar(self)
        # a tool bar: in a narrow pane the tools that do not fit move behind its » button
        tools = QToolBar(self)
        tools.setObjectName("readerBar")
        tools.setAccessibleName(translate("Reader", "Article tools"))
        tools.setMovable(False)
        tools.setFloatable(False)
        bar = tools
        self.previous_hit = self._button(
            tools,
            "◀",
            translate("Reader", "Previous hit (Shift+F3)"),
            lambda: self.reader.next_hit(-1),
        )
        self.hits = QLabel(bar)
        self.hits.setObjectName("hitCount")
        self.hits.setAccessibleName(translate("Reader", "Search hits in the article"))
        tools.addWidget(self.hits)
        self.next_hit = self._button(
            tools, "▶", translate("Reader", "Next hit (F3)"), lambda: self.reader.next_hit(1)
        )
        spring = QWidget(bar)
        spring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tools.addWidget(spring)
        self.find_button = self._button(
            tools,
            translate("Reader", "Find"),
            translate("Reader", "Find in the article (Ctrl+F)"),
            self.find_bar.open_bar,
        )
        self.smaller = self._button(
            tools,
            "A−",
            translate("Reader", "Smaller text (Ctrl+-)"),
            lambda: self.zoom_by(-ZOOM_STEP),
        )
        self.larger = self._button(
            tools,
            "A+",
            translate("Reader", "Larger text (Ctrl++)"),
            lambda: self.zoom_by(ZOOM_STEP),
        )
        self.photos = self._button(
            tools,
            translate("Reader", "Photos"),
            translate("Reader", "Open the photo viewer"),
            lambda: self.photosRequested.emit(0),
        )
        self.cite = self._button(
            tools,
            translate("Reader", "Cite"),
            translate("Reader", "Copy a citation of the article"),
            lambda: self.copy_citation(),
        )
        # the button copies the last style chosen; its menu offers each style
        self.citation_style = DEFAULT_STYLE
        self._editable = True  # False for a library opened read-only
        self.cite.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        cite_menu = QMenu(self.cite)
        self.cite_actions = {
            style: cite_menu.addAction(
                translate("Reader", "Copy in {style}").format(style=name),
                partial(self.copy_citation, style),
            )
            for style, name in style_names().items()
        }
        self.cite.setMenu(cite_menu)
        self.edit = self._button(
            tools,
            translate("Reader", "Edit"),
            translate("Reader", "Edit the article's catalogue record (Ctrl+E)"),
            self.editRequested.emit,
        )
        # print and PDF share one button (a menu): the row stays short enough for a narrow pane
        self.print_button = self._button(
            tools,
            translate("Reader", "Print"),
            translate("Reader", "Print or save as PDF"),
            self.print_article,
        )
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.print_button)
        self.print_action = menu.addAction(translate("Reader", "Print…"), self.print_article)
        self.pdf = menu.addAction(translate("Reader", "Save as PDF…"), self.ask_pdf)
        self.print_button.setMenu(menu)
        more = tools.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # the » button a narrow pane shows for the tools that do not fit
            more.setAccessibleName(translate("Reader", "More article tools"))
            more.setToolTip(translate("Reader", "More article tools"))
        margin = QWidget(bar)  # keeps the last tool's menu arrow off the window's edge
        margin.setFixedWidth(8)
        tools.addWidget(margin)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addWidget(self.reader, 1)
        column.addWidget(self.find_bar)

        self.reader.hitsChanged.connect(self._show_hits)
        self.reader.photoRequested.connect(self.photosRequested)
        self.find_bar.searched.connect(self._find)
        self.find_bar.stepped.connect(self._find_step)
        self.find_bar.closed.connect(self._find_closed)
        self._show_hits(0, 0)
        self.set_article_tools()

    def _button(self, layout: QToolBar, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("readerButton")
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    @property
    def editable(self) -> bool:
        return self._editable

    @editable.setter
    def editable(self, editable: bool) -> None:
        """A library opened read-only: no Edit, no "Mark as reviewed"."""
        self._editable = self.reader.editable = editable
        self.set_article_tools()

    def set_article_tools(self) -> None:
        """Enable what makes sense for what is shown (no article: no citation, no PDF)."""
        reading = self.reader.reading
        for button in (self.find_button, self.cite, self.print_button, self.pdf, self.print_action):
            button.setEnabled(reading is not None)
        self.edit.setEnabled(reading is not None and self._editable)
        self.photos.setEnabled(reading is not None and bool(reading.detail.record.photos))

    def _show_hits(self, current: int, total: int) -> None:
        self.previous_hit.setEnabled(total > 0)
        self.next_hit.setEnabled(total > 0)
        if not total:
            self.hits.setText("")
        elif current:
            self.hits.setText(
                translate("Reader", "hit {n} of {total}").format(n=current, total=total)
            )
        else:
            self.hits.setText(
                translate("Reader", "{total} hits").format(total=total)
                if total != 1
                else translate("Reader", "1 hit")
            )
        self.set_article_tools()

    # -- find -------------------------------------------------------------------------

    def open_find(self) -> None:
        if self.reader.reading is not None:
            self.find_bar.open_bar()

    def _find(self, text: str) -> None:
        total = self.reader.find_all(text)
        current = self.reader.find_next(1) if total else 0
        self.find_bar.show_count(current, total)

    def _find_step(self, step: int) -> None:
        current = self.reader.find_next(step)
        self.find_bar.show_count(current, self.reader.found_count)

    def _find_closed(self) -> None:
        self.reader.clear_find()
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- zoom -------------------------------------------------------------------------

    def zoom_by(self, step: int) -> None:
        self.set_zoom(self.reader.zoom + step if step else ZOOM_DEFAULT)

    def set_zoom(self, zoom: int) -> None:
        zoom = min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if zoom != self.reader.zoom:
            self.reader.set_zoom(zoom)
            self.zoomChanged.emit(zoom)
            self.statusMessage.emit(translate("Reader", "Text size {zoom} %").format(zoom=zoom))

    # -- citation, print and PDF ------------------------------------------------------

    def copy_citation(self, style: str | None = None) -> str:
        """Copy the article's citation (text and HTML) in `style`, or the last one chosen."""
        reading = self.reader.reading
        if reading is None:
            return ""
        if style is not None and style != self.citation_style:
            self.citation_style = style
            self.citationStyleChanged.emit(style)
        mime = citation_mime(reading.detail, self.citation_style)
        text = mime.text()
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusMessage.emit(translate("Reader", "Citation copied: {text}").format(text=text))
        return text

    def _title(self) -> str:
        reading = self.reader.reading
        return reading.detail.record.title if reading is not None else "Arsip"

    def print_article(self) -> None:
        if self.reader.reading is not None:
            from archive_app.gui.reader.printing import print_document  # Qt Print Support

            print_document(self, self.reader.printable(), self._title())

    def ask_pdf(self) -> None:
        if self.reader.reading is None:
            return
        suggested = Path.home() / f"{_file_name(self._title())}.pdf"
        name, _filter = QFileDialog.getSaveFileName(
            self,
            translate("Reader", "Save the article as PDF"),
            str(suggested),
            translate("Reader", "PDF files (*.pdf)"),
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> Path:
        from archive_app.gui.reader.printing import export_pdf  # Qt Print Support

        export_pdf(self.reader.printable(), path, self._title())
        self.statusMessage.emit(translate("Reader", "Saved {path}").format(path=path))
        return path


def _file_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(keep.split())[:80] or "article"
