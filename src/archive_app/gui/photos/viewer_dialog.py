"""The photo viewer: a strip of the article's photos, the photo with zoom and pan, its credits."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.model import ArticleDetail, Photo
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos.decoding import THUMB_SIDE, decode, photo_path
from archive_app.gui.photos.details_panel import details_html
from archive_app.gui.photos.zoom_canvas import ZOOM_FACTOR, PhotoView
from archive_app.gui.reader.article_html import credit_line
from archive_app.gui.reader.article_view import qimage
from archive_app.gui.reader.prepared import DecodedImage
from archive_app.media.photo_details import PhotoDetails, read_details

FULL_SIDE = 8000  # px: 1:1 for any news photo, yet a bound on memory for a giant scan
TILE = QSize(THUMB_SIDE, THUMB_SIDE * 2 // 3)  # every strip tile the same size, photo centred


def _load(path: Path) -> tuple[DecodedImage, PhotoDetails]:
    return decode(path, FULL_SIDE), read_details(path)


def tile(pixmap: QPixmap) -> QIcon:
    """A thumbnail centred on a transparent tile, so the strip's tiles line up."""
    scaled = pixmap.scaled(
        TILE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    canvas = QPixmap(TILE)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawPixmap(
        (TILE.width() - scaled.width()) // 2, (TILE.height() - scaled.height()) // 2, scaled
    )
    painter.end()
    return QIcon(canvas)


def placeholder_icon() -> QIcon:
    """A grey tile saying the photo was not archived (drawn on the GUI thread)."""
    pixmap = QPixmap(TILE)
    pixmap.fill(QColor("#d9d4ca"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5b6b6b"))
    painter.drawText(
        pixmap.rect(),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        translate("Photos", "not archived"),
    )
    painter.end()
    return QIcon(pixmap)


class PhotoViewer(QDialog):
    """Opens on photo `start` of an article; Left/Right move, +/− zoom, F fits, 1 is 1:1."""

    statusMessage = Signal(str)

    def __init__(
        self,
        detail: ArticleDetail,
        library: Path | None,
        runner: TaskRunner,
        start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(
            translate("Photos", "Photos — {title}").format(title=detail.record.title)
        )
        self.setAccessibleName(translate("Photos", "Photo viewer"))
        self.detail = detail
        self.photos: list[Photo] = list(detail.record.photos)
        self.paths = [photo_path(library, p) for p in self.photos]
        self._runner = runner
        self._closed = False
        self._loaded: dict[int, tuple[QPixmap, PhotoDetails]] = {}
        self.current = -1

        self.heading = QLabel(self)
        self.heading.setObjectName("personSummary")
        self.view = PhotoView(self)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("photoPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName(translate("Photos", "Photo not archived"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        self.details = QTextBrowser(self)
        self.details.setObjectName("photoDetails")
        self.details.setAccessibleName(translate("Photos", "Caption, credit and file details"))
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 380])
        self.strip = QListWidget(self)
        self.strip.setObjectName("photoStrip")
        self.strip.setAccessibleName(translate("Photos", "The article's photos"))
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(TILE)
        self.strip.setGridSize(TILE + QSize(12, 12))
        self.strip.setUniformItemSizes(True)
        self.strip.setFixedHeight(TILE.height() + 30)
        self.strip.currentRowChanged.connect(self.show_photo)

        tools = QHBoxLayout()
        self.previous = self._button(
            tools, "◀", translate("Photos", "Previous photo (Left)"), lambda: self.step(-1)
        )
        self.next = self._button(
            tools, "▶", translate("Photos", "Next photo (Right)"), lambda: self.step(1)
        )
        tools.addSpacing(12)
        self._button(
            tools,
            translate("Photos", "Fit"),
            translate("Photos", "Fit to window (F)"),
            self.view.fit,
        )
        self._button(tools, "1:1", translate("Photos", "Actual size (1)"), self.view.actual_size)
        self._button(
            tools, "−", translate("Photos", "Zoom out (-)"), lambda: self.view.zoom(1 / ZOOM_FACTOR)
        )
        self._button(
            tools, "+", translate("Photos", "Zoom in (+)"), lambda: self.view.zoom(ZOOM_FACTOR)
        )
        self.scale = QLabel(self)
        self.scale.setObjectName("hitCount")
        self.scale.setMinimumWidth(48)
        tools.addWidget(self.scale)
        tools.addStretch(1)
        self.save = self._button(
            tools,
            translate("Photos", "Save a copy…"),
            translate("Photos", "Save a copy of the photo file (Ctrl+S)"),
            self.ask_save,
        )
        self._button(
            tools, translate("Photos", "Close"), translate("Photos", "Close (Esc)"), self.close
        )
        self.view.scaleChanged.connect(lambda p: self.scale.setText(f"{p} %"))

        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.addWidget(self.heading)
        column.addWidget(splitter, 1)
        column.addWidget(self.strip)
        column.addLayout(tools)
        self.resize(1100, 760)
        self._fill_strip()
        self.strip.setCurrentRow(min(max(start, 0), len(self.photos) - 1))

    def _button(self, layout: QHBoxLayout, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("readerButton")
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the viewer
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # -- the strip ------------------------------------------------------------------------

    def _fill_strip(self) -> None:
        for position, photo in enumerate(self.photos):
            item = QListWidgetItem(placeholder_icon(), "", self.strip)
            item.setToolTip(photo.caption or credit_line(photo))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                photo.caption or translate("Photos", "Photo {n}").format(n=position + 1),
            )
            path = self.paths[position]
            if path is not None:
                self._runner.submit(
                    partial(decode, path, THUMB_SIDE),
                    partial(self._thumbnail, position),
                    lambda _error: None,
                )  # the grey tile stays

    def _thumbnail(self, position: int, decoded: object) -> None:
        if self._closed or not isinstance(decoded, DecodedImage):
            return
        item = self.strip.item(position)
        if item is not None:
            item.setIcon(tile(QPixmap.fromImage(qimage(decoded))))

    # -- one photo ------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        if self.photos:
            self.strip.setCurrentRow((self.current + delta) % len(self.photos))

    def show_photo(self, position: int) -> None:
        if not 0 <= position < len(self.photos):
            return
        self.current = position
        photo, path = self.photos[position], self.paths[position]
        self.heading.setText(
            translate("Photos", "Photo {n} of {total} — {title}").format(
                n=position + 1, total=len(self.photos), title=self.detail.record.title
            )
        )
        self.previous.setEnabled(len(self.photos) > 1)
        self.next.setEnabled(len(self.photos) > 1)
        self.save.setEnabled(path is not None)
        if path is None:
            lines = [
                translate("Photos", "Photo not archived"),
                "",
                photo.caption or "",
                credit_line(photo),
            ]
            self.placeholder.setText("\n".join(line for line in lines if line is not None))
            self.stack.setCurrentWidget(self.placeholder)
            self.details.setHtml(details_html(photo, None, archived=False))
            self.scale.clear()
            return
        self.stack.setCurrentWidget(self.view)
        if position in self._loaded:
            pixmap, details = self._loaded[position]
            self.view.set_pixmap(pixmap)
            self.details.setHtml(details_html(photo, details, archived=True))
            return
        self.view.set_pixmap(QPixmap())
        self.details.setHtml(details_html(photo, None, archived=True))
        self._runner.submit(
            partial(_load, path), partial(self._full, position), partial(self._unreadable, position)
        )

    def _full(self, position: int, result: tuple[DecodedImage, PhotoDetails]) -> None:
        if self._closed:
            return
        decoded, details = result
        pixmap = QPixmap.fromImage(qimage(decoded))  # made here, on the GUI thread
        self._loaded[position] = (pixmap, details)
        if position == self.current:
            self.show_photo(position)

    def _unreadable(self, position: int, error: Exception) -> None:
        if self._closed or position != self.current:
            return
        self.stack.setCurrentWidget(self.placeholder)
        self.placeholder.setText(
            translate("Photos", "The photo file cannot be shown: {error}").format(error=error)
        )

    # -- saving ---------------------------------------------------------------------------

    def ask_save(self) -> None:
        path = self.paths[self.current] if self.current >= 0 else None
        if path is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, translate("Photos", "Save a copy of the photo"), str(Path.home() / path.name)
        )
        if name:
            self.save_copy(Path(name))

    def save_copy(self, target: Path) -> None:
        """Copy the archived file byte for byte (its embedded credits travel with it)."""
        source = self.paths[self.current]
        if source is None:
            return
        self._runner.submit(
            partial(shutil.copyfile, source, target),
            lambda _done: self._saved(target),
            self._save_failed,
        )

    def _saved(self, target: Path) -> None:
        if not self._closed:
            self.statusMessage.emit(
                translate("Photos", "Saved a copy as {path}").format(path=target)
            )

    def _save_failed(self, error: Exception) -> None:
        if not self._closed:
            self.statusMessage.emit(
                translate("Photos", "The copy was not saved: {error}").format(error=error)
            )

    # -- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.step(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.step(1)
        elif key == Qt.Key.Key_Home:
            self.strip.setCurrentRow(0)
        elif key == Qt.Key.Key_End:
            self.strip.setCurrentRow(len(self.photos) - 1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.view.zoom(ZOOM_FACTOR)
        elif key == Qt.Key.Key_Minus:
            self.view.zoom(1 / ZOOM_FACTOR)
        elif key in (Qt.Key.Key_F, Qt.Key.Key_0):
            self.view.fit()
        elif key == Qt.Key.Key_1:
            self.view.actual_size()
        elif key == Qt.Key.Key_S and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.ask_save()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True  # results still on their way are dropped
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)
