"""A photo on a canvas: fit to the window, 1:1, zoom with the wheel or keys, pan by dragging."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from archive_app.gui.common.i18n import translate

ZOOM_FACTOR = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 16.0


class PhotoView(QGraphicsView):
    """Emits `scaleChanged(percent)`; stays fitted while the person has not zoomed."""

    scaleChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoView")
        self.setAccessibleName(translate("Photos", "Photo"))
        self.setAccessibleDescription(
            translate(
                "Photos",
                "Left and Right go to the other photos, + and - zoom, F fits, 1 shows actual "
                "size, Ctrl+S saves a copy, Esc closes",
            )
        )
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.fitted = True

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._item.setPixmap(pixmap)
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    @property
    def scale_percent(self) -> int:
        return round(self.transform().m11() * 100)

    def fit(self) -> None:
        """The whole photo in view (never enlarged beyond 1:1)."""
        self.fitted = True
        self.resetTransform()
        if not self._item.pixmap().isNull():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > 1:
                self.resetTransform()
        self.scaleChanged.emit(self.scale_percent)

    def actual_size(self) -> None:
        """One photo pixel per screen pixel."""
        self.fitted = False
        self.resetTransform()
        self.scaleChanged.emit(self.scale_percent)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        target = min(max(current * factor, MIN_SCALE), MAX_SCALE)
        self.fitted = False
        self.scale(target / current, target / current)
        self.scaleChanged.emit(self.scale_percent)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_FACTOR**steps)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
