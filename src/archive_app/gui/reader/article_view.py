"""The reading pane: one article as rich text, hits and find marked, never touching the network."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from archive_app.gui.common.i18n import translate
from archive_app.gui.reader.article_html import (
    PHOTO_HEIGHT,
    PHOTO_WIDTH,
    article_html,
    message_html,
    reader_css,
)
from archive_app.gui.reader.prepared import (
    ARTICLE_SCHEME,
    IMAGE_SCHEME,
    PERSON_SCHEME,
    PHOTO_SCHEME,
    REVIEW_SCHEME,
    RULES_SCHEME,
    Box,
    DecodedImage,
    Reading,
    fitted,
)
from archive_app.gui.shell.theme import LIGHT, Colours

log = logging.getLogger(__name__)

_LOCAL_SCHEMES = frozenset({"file", "qrc"})
PAPER_COLUMN = 10_000  # no pane limits a printed photo


def qimage(decoded: DecodedImage) -> QImage:
    """A QImage owning a copy of the worker's pixels (made on the GUI thread)."""
    image = QImage(
        decoded.rgba,
        decoded.width,
        decoded.height,
        decoded.width * 4,
        QImage.Format.Format_RGBA8888,
    )
    return image.copy()


class ReaderView(QTextBrowser):
    """Shows a Reading; links to people, photos and library articles are signals, web links are
    copied, and only the document's own images (or local files) ever load."""

    statusMessage = Signal(str)
    personRequested = Signal(str)
    articleRequested = Signal(int)
    photoRequested = Signal(int)
    reviewedRequested = Signal(int)  # the article whose flags a librarian has checked
    hitsChanged = Signal(int, int)  # (current hit, 1-based or 0 for none; number of hits)
    photosShown = Signal(int)  # the article whose photos still being decoded are now drawn
    # the pane grew or the text was enlarged past the size the photos were decoded at
    sharperPhotosWanted = Signal(int)  # the article's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName(translate("Reader", "Article reader"))
        self.setAccessibleDescription(
            translate("Reader", "The selected article: title, date, people, photos, text")
        )
        # clicking a link must not navigate the pane or hand a URL to a web browser
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(22)
        self.anchorClicked.connect(self._link)
        self.reading: Reading | None = None
        self.colours: Colours = LIGHT
        self.zoom = 100
        self.editable = True  # False for a library opened read-only: nothing to mark
        self._images: dict[int, QImage] = {}
        self._hits: list[tuple[int, int]] = []
        self._hit = -1
        self._found: list[QTextCursor] = []
        self._found_current = -1
        self._message = ""
        self._plain = ""
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(150)
        self._resized.timeout.connect(self._fit_photos)
        self.show_message(translate("Reader", "Select an article to read it here."))

    # -- what is shown ----------------------------------------------------------------

    def show_reading(self, reading: Reading, keep_place: bool = False) -> None:
        """Draw an article; `keep_place` keeps the scroll position (a re-render of the same)."""
        place = self.verticalScrollBar().value() if keep_place else 0
        same = self.reading is not None and self.reading.detail.id == reading.detail.id
        before, self.reading = self._images if same else {}, reading
        self._images = {position: qimage(image) for position, image in reading.images.items()}
        for position in reading.pending:  # being decoded sharper: the photo as it was meanwhile
            if position in before:
                self._images[position] = before[position]
        self._render()
        self.verticalScrollBar().setValue(place)

    def add_photos(self, article_id: int, images: dict[int, DecodedImage]) -> None:
        """Draw photos decoded after the article's text was shown, in the places kept for
        them (nothing is laid out again: the text stays where the reader is)."""
        reading = self.reading
        if reading is None or reading.detail.id != article_id:
            return
        for position, image in images.items():
            reading.images[position] = image
            self._images[position] = drawn = qimage(image)
            # the document asked for the blank before; a resource added now comes first
            self.document().addResource(
                QTextDocument.ResourceType.ImageResource.value,
                QUrl(f"{IMAGE_SCHEME}:{position}"),
                drawn,
            )
        failed = any(position not in images for position in reading.pending)
        reading.pending.clear()
        if failed:  # a file that did not decode: "not archived" after all
            self._refresh()
        self.viewport().update()
        self.photosShown.emit(article_id)

    def photo_box(self) -> Box:
        """The pixels a photo is drawn within at this zoom and pane width: the decoder fits
        photos into it (a 12-megapixel photo is decoded small, and drawn unscaled)."""
        ratio = self.devicePixelRatioF()
        width = round(PHOTO_WIDTH * self.zoom / 100)
        if self.isVisible():  # a pane not laid out yet has no width to go by
            width = min(width, self._column())
        return round(width * ratio), round(PHOTO_HEIGHT * self.zoom / 100 * ratio)

    def _wants_sharper(self) -> bool:
        """Whether a photo is drawn larger now than it was decoded (and its file has more)."""
        reading = self.reading
        if reading is None or reading.pending:
            return False
        box = self.photo_box()
        return any(
            fitted((image.original_width, image.original_height), box)[0] > image.width + 2
            for image in reading.images.values()
        )

    def show_message(self, text: str) -> None:
        self.reading = None
        self._message = text
        self._images = {}
        self.document().setDefaultStyleSheet(reader_css(self.colours, self.zoom))
        self.document().clear()  # the photos added to the last article's document go with it
        self.setHtml(message_html(text))
        self._collect_hits()

    def set_colours(self, colours: Colours) -> None:
        self.colours = colours
        self._refresh()

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        self._refresh()

    def toggle_rules(self) -> None:
        if self.reading is not None:
            self.reading.show_rules = not self.reading.show_rules
            self._refresh()

    def _refresh(self) -> None:
        place = self.verticalScrollBar().value()
        if self.reading is not None:
            self._render()
            if self._wants_sharper():
                self.sharperPhotosWanted.emit(self.reading.detail.id)
        else:
            self.show_message(self._message)
        self.verticalScrollBar().setValue(place)

    def _render(self) -> None:
        assert self.reading is not None
        self.reading.column = self._column()
        self.document().setDefaultStyleSheet(reader_css(self.colours, self.zoom))
        # setHtml keeps the resources added to the document (photos decoded after the text):
        # cleared, the document asks loadResource for this article's own
        self.document().clear()
        self.setHtml(article_html(self.reading, self.colours, self.zoom, editable=self.editable))
        self._collect_hits()
        self.clear_find()

    def _column(self) -> int:
        """The width a photo may take: the pane less the document's margins."""
        return max(self.viewport().width() - 2 * round(self.document().documentMargin()) - 8, 120)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        reading = self.reading
        if reading is not None and reading.images and abs(self._column() - reading.column) > 24:
            self._resized.start()  # draw the photos to the new width once the resizing stops

    def _fit_photos(self) -> None:
        if self.reading is not None and self.reading.images:
            self._refresh()

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == IMAGE_SCHEME:
            if not url.path().isdigit():
                return None
            position = int(url.path())
            image = self._images.get(position)
            if image is None and self.reading is not None and position in self.reading.pending:
                image = QImage(1, 1, QImage.Format.Format_RGB32)  # on its way: a blank for now
                image.fill(QColor(self.colours.placeholder))
            return image
        if url.scheme() not in _LOCAL_SCHEMES:
            # an offline archive: refuse http(s), ftp, data and scheme-less lookups alike
            log.info("reader refused to load %s", url.toString())
            return None
        return super().loadResource(type, url)

    def _link(self, url: QUrl) -> None:
        scheme, path = url.scheme(), url.path()
        if scheme == PERSON_SCHEME:
            self.personRequested.emit(unquote(path))
        elif scheme == ARTICLE_SCHEME and path.isdigit():
            self.articleRequested.emit(int(path))
        elif scheme == PHOTO_SCHEME and path.isdigit():
            self.photoRequested.emit(int(path))
        elif scheme == RULES_SCHEME:
            self.toggle_rules()
        elif scheme == REVIEW_SCHEME and path.isdigit():
            self.reviewedRequested.emit(int(path))
        else:
            QGuiApplication.clipboard().setText(url.toString())
            self.statusMessage.emit(
                translate("Reader", "Copied {address} — Arsip never opens web pages itself").format(
                    address=url.toString()
                )
            )

    # -- search hits --------------------------------------------------------------------

    def _collect_hits(self) -> None:
        """Where the highlighted words are: fragments drawn with the hit colour."""
        self._hits, self._hit = [], -1
        self._plain = self.document().toPlainText()
        hit = QColor(self.colours.hit)
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                background = fragment.charFormat().background()
                if fragment.isValid() and background.style() and background.color() == hit:
                    self._add_hit(fragment.position(), fragment.length())
                it += 1
            block = block.next()
        self._paint_marks()
        self.hitsChanged.emit(0, len(self._hits))

    def _add_hit(self, start: int, length: int) -> None:
        # the words of one phrase ("World Water Forum") are one hit, not three
        if self._hits:
            last_start, last_length = self._hits[-1]
            gap = self._plain[last_start + last_length : start]
            if start - (last_start + last_length) <= 1 and not gap.strip():
                self._hits[-1] = (last_start, start + length - last_start)
                return
        self._hits.append((start, length))

    def current_hit(self) -> str:
        """The text of the hit last moved to ("" before the first move)."""
        if not 0 <= self._hit < len(self._hits):
            return ""
        start, length = self._hits[self._hit]
        return self.document().toPlainText()[start : start + length]

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    def next_hit(self, step: int = 1) -> None:
        """Move to the next (or, with -1, the previous) search hit, wrapping around."""
        if not self._hits:
            return
        if self._hit < 0:
            self._hit = 0 if step > 0 else len(self._hits) - 1
        else:
            self._hit = (self._hit + step) % len(self._hits)
        start, length = self._hits[self._hit]
        self._show_range(start, length, select=False)
        self.hitsChanged.emit(self._hit + 1, len(self._hits))

    # -- find in the article ------------------------------------------------------------

    @property
    def found_count(self) -> int:
        return len(self._found)

    def find_all(self, text: str) -> int:
        """Mark every occurrence of `text` (any case); returns how many there are."""
        self._found, self._found_current = [], -1
        if text:
            cursor = self.document().find(text, 0)
            while not cursor.isNull():
                self._found.append(cursor)
                cursor = self.document().find(text, cursor)
        self._paint_marks()
        return len(self._found)

    def find_next(self, step: int = 1) -> int:
        """Go to the next (previous) occurrence; returns its 1-based number, 0 when none."""
        if not self._found:
            return 0
        if self._found_current < 0:
            self._found_current = 0 if step > 0 else len(self._found) - 1
        else:
            self._found_current = (self._found_current + step) % len(self._found)
        found = self._found[self._found_current]
        self._show_range(found.selectionStart(), found.selectionEnd() - found.selectionStart())
        return self._found_current + 1

    def clear_find(self) -> None:
        self._found, self._found_current = [], -1
        self._paint_marks()

    def _show_range(self, start: int, length: int, select: bool = True) -> None:
        """Scroll to a range; a found word is selected (to copy), a hit only marked."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start + length)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(start)
        if select:
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._paint_marks()

    def _paint_marks(self) -> None:
        selections = []
        for number, found in enumerate(self._found):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = found
            fmt = QTextCharFormat()
            current = number == self._found_current
            fmt.setBackground(QColor(self.colours.hit_current if current else self.colours.found))
            selection.format = fmt
            selections.append(selection)
        if 0 <= self._hit < len(self._hits):
            start, length = self._hits[self._hit]
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.colours.hit_current))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def printable(self) -> QTextDocument:
        """A copy of the article in the light theme at 100 %, for paper and PDF."""
        document = QTextDocument()
        document.setDocumentMargin(12)
        if self.reading is None:
            document.setHtml(self.toHtml())
            return document
        for position, image in self._images.items():
            document.addResource(
                QTextDocument.ResourceType.ImageResource.value,
                QUrl(f"{IMAGE_SCHEME}:{position}"),
                image,
            )
        document.setDefaultStyleSheet(reader_css(LIGHT, 100))
        # paper is not the pane: the photo is as wide as the page allows
        document.setHtml(
            article_html(replace(self.reading, column=PAPER_COLUMN), LIGHT, 100, paper=True)
        )
        return document
