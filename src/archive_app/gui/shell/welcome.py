"""The first view of an empty library: what Arsip takes in, and two ways to bring it in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.theme import icon_pixmap


def intro() -> str:
    # every kind of file the importer reads (ingest/detect.py decides by content and name)
    return translate(
        "Welcome",
        "This library is empty. Bring in the articles you have collected: page text dumps "
        "(.txt), saved web pages (.html, .htm, .xhtml), JSON Lines and JSON (.jsonl, .json, "
        "IPTC ninjs), CSV and TSV tables, web archives (WARC and ARC), wire XML (NITF, "
        "NewsML-G2), Reuters SGML (.sgm), e-mails (.eml), photos (JPEG, PNG, GIF, TIFF, "
        "WebP) — also inside ZIP files or gzipped. Arsip keeps every original file, "
        "catalogues each article and makes it searchable — all on this computer, with "
        "nothing sent anywhere.",
    )


def library_line(library: Path, team: str | None = None) -> str:
    if team is not None:  # its folder here is only this desktop's index: the address names it
        return translate("Welcome", "Team library {address}").format(address=team)
    return translate("Welcome", "Library “{name}” in {folder}").format(
        name=library.name, folder=library.parent
    )


TEXT_WIDTH = 560


class WelcomeView(QWidget):
    """Emits `importFilesRequested` / `importFolderRequested`; dropping is the window's job."""

    importFilesRequested = Signal()
    importFolderRequested = Signal()

    def __init__(
        self, library: Path, parent: QWidget | None = None, *, team: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName(translate("Welcome", "Welcome"))
        icon = QLabel(self)
        icon.setPixmap(icon_pixmap(96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(translate("Welcome", "Welcome to Arsip"), self)
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.library_label = QLabel(library_line(library, team), self)
        self.library_label.setObjectName("welcomeLibrary")
        self.library_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QLabel(intro(), self)
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a wrapped label in an aligned layout item gets its one-line height unless it is told
        # its width: fix both, so every line of the introduction shows
        text.setFixedWidth(TEXT_WIDTH)
        text.setMinimumHeight(text.heightForWidth(TEXT_WIDTH))
        self.import_files = QPushButton(translate("Welcome", "Import files…"), self)
        self.import_files.setObjectName("primaryButton")
        self.import_files.setAccessibleName(translate("Welcome", "Import files"))
        self.import_files.setDefault(True)
        self.import_files.clicked.connect(self.importFilesRequested)
        self.import_folder = QPushButton(translate("Welcome", "Import folder…"), self)
        self.import_folder.setAccessibleName(translate("Welcome", "Import folder"))
        self.import_folder.clicked.connect(self.importFolderRequested)
        hint = QLabel(
            translate(
                "Welcome",
                "or drop files and folders anywhere on this window\n\n"
                "File ▸ New library and Open library switch to another library",
            ),
            self,
        )
        hint.setObjectName("welcomeHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        buttons.addWidget(self.import_files)
        buttons.addWidget(self.import_folder)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setSpacing(14)
        column.addStretch(2)
        column.addWidget(icon)
        column.addWidget(title)
        column.addWidget(self.library_label)
        column.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addSpacing(8)
        column.addWidget(hint)
        column.addStretch(3)
