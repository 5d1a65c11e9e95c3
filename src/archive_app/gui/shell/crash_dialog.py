"""The dialog after an unexpected failure: what failed, that the library is safe, the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from archive_app.gui.common.i18n import translate


def crash_text(doing: str) -> str:
    return translate("Crash", "Something unexpected went wrong. You were doing: {doing}.").format(
        doing=doing
    )


def safety_text(report: Path | None, problem: str = "") -> str:
    safe = translate(
        "Crash",
        "Your library is safe: Arsip writes each change whole or not at all, so every change "
        "it finished is kept and the one that failed was not half-written. To be sure, choose "
        "File ▸ Check fixity, or run in a terminal:\n    archive-app check",
    )
    if report is None:
        where = translate("Crash", "No report could be written ({problem}).").format(
            problem=problem
        )
    else:
        where = translate(
            "Crash",
            "A report was written to:\n{path}\nIt holds what failed and the versions in use, "
            "no article text; nothing was sent anywhere.",
        ).format(path=report)
    return f"{safe}\n\n{where}"


class CrashDialog(QMessageBox):
    """Says what the person was doing, that the library is safe, and where the report is; it
    does not stop the window (further failures meanwhile are reported to the same folder)."""

    def __init__(
        self, doing: str, report: Path | None, problem: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashBox")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("Crash", "Arsip — something went wrong"))
        self.setAccessibleName(translate("Crash", "Something went wrong"))
        self.setText(crash_text(doing))
        self.setInformativeText(safety_text(report, problem))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if report is not None:
            show = self.addButton(
                translate("Crash", "Show the report"), QMessageBox.ButtonRole.ActionRole
            )
            show.setObjectName("showReport")
            show.clicked.connect(self.show_report)
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Close))

    def show_report(self) -> None:
        """Open the report's folder in the desktop's file manager (a local folder only)."""
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.parent)))
