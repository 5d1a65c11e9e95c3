"""The reading pane: one article as rich text that never touches the network."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from archive_app.core.model import ArticleDetail
from archive_app.gui.article_html import READER_CSS, article_html, message_html

log = logging.getLogger(__name__)

_LOCAL_SCHEMES = frozenset({"file", "qrc"})


class ReaderView(QTextBrowser):
    """Shows an ArticleDetail; links are copied, never opened; only local files may load."""

    statusMessage = Signal(str)

    def __init__(self, library: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.setObjectName("reader")
        self.setAccessibleName("Article reader")
        self.setAccessibleDescription("The selected article: title, date, people, photos, text")
        # clicking a link must not navigate the pane or hand a URL to a web browser
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.document().setDocumentMargin(18)
        self.anchorClicked.connect(self._copy_link)
        self.show_message("Select an article to read it here.")

    def show_article(self, detail: ArticleDetail, terms: Sequence[str] = ()) -> None:
        self.setHtml(article_html(detail, terms, self._library))
        self.verticalScrollBar().setValue(0)

    def show_message(self, text: str) -> None:
        self.setHtml(message_html(text))

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() not in _LOCAL_SCHEMES:
            # an offline archive: refuse http(s), ftp, data and scheme-less lookups alike
            log.info("reader refused to load %s", url.toString())
            return None
        return super().loadResource(type, url)

    def _copy_link(self, url: QUrl) -> None:
        QGuiApplication.clipboard().setText(url.toString())
        self.statusMessage.emit(
            f"Copied {url.toString()} — Arsip never opens web pages itself"
        )
