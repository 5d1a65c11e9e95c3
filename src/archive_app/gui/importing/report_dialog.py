"""The dialog that sums up a finished import and lists every failure with its reason."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.model import ImportItem, ImportReport
from archive_app.gui.common.i18n import number, translate


def summary_text(report: ImportReport) -> str:
    """One line: "1 added · 0 updated · 0 duplicates · 0 failed — 1 file in 0.4 s"."""
    counts = translate(
        "Import", "{added} added · {updated} updated · {duplicates} duplicates · {failed} failed"
    ).format(
        added=number(len(report.added)),
        updated=number(len(report.updated)),
        duplicates=number(len(report.duplicates)),
        failed=number(len(report.failed)),
    )
    files = (
        translate("Import", "1 file")
        if report.files == 1
        else translate("Import", "{n} files").format(n=number(report.files))
    )
    state = (
        translate("Import", "Stopped after")
        if report.stopped
        else translate("Import", "Cancelled after")
        if report.cancelled
        else translate("Import", "Done:")
    )
    return translate("Import", "{state} {counts} — {files} in {seconds} s").format(
        state=state, counts=counts, files=files, seconds=f"{report.seconds:.1f}"
    )


def _where(item: ImportItem) -> str:
    return f"{item.path} {item.locator}" if item.locator and item.locator != "file" else item.path


def details_text(report: ImportReport) -> str:
    """Everything a person may need to act on: failures first, then versions and warnings."""
    sections: list[str] = []
    if report.stopped:  # a full disk: what the files not stored need (the core's one line)
        sections.append(report.stopped)
    if report.indexed_leftovers:
        sections.append(
            translate(
                "Import", "Indexed {n} articles left over from an interrupted import."
            ).format(n=number(report.indexed_leftovers))
        )
    if report.cancelled:
        sections.append(
            translate(
                "Import",
                "The import was cancelled: the files finished before it stopped are in "
                "the library; nothing of the interrupted file was kept.",
            )
        )
    if report.failed:
        lines = [f"  {_where(item)}: {item.message}" for item in report.failed]
        sections.append(translate("Import", "Failed (not imported):") + "\n" + "\n".join(lines))
    if report.updated:
        lines = [
            translate("Import", "  {where}: article {id} — {message}").format(
                where=_where(item), id=item.article_id, message=item.message
            )
            for item in report.updated
        ]
        sections.append(
            translate("Import", "Updated (kept as a new version):") + "\n" + "\n".join(lines)
        )
    if report.duplicates:
        reasons = Counter(item.message for item in report.duplicates)
        lines = [f"  {n:,} × {reason}" for reason, n in reasons.most_common()]
        sections.append(
            translate("Import", "Duplicates (nothing added):") + "\n" + "\n".join(lines)
        )
    if report.warnings:
        lines = [f"  {_where(item)}: {item.message}" for item in report.warnings]
        sections.append(translate("Import", "Warnings:") + "\n" + "\n".join(lines))
    return "\n\n".join(sections)


class ImportReportDialog(QDialog):
    """Non-blocking summary; the details box appears only when there is something to read."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(
            translate("Import", "Import stopped")
            if report.stopped
            else translate("Import", "Import cancelled")
            if report.cancelled
            else translate("Import", "Import finished")
        )
        self.setAccessibleName(self.windowTitle())
        self.summary = QLabel(summary_text(report), self)
        self.summary.setObjectName("importSummary")
        self.summary.setAccessibleName(translate("Import", "Import summary"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("importDetails")
        self.details.setAccessibleName(translate("Import", "Import details"))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText(details_text(report))
        layout.addWidget(self.details, 1)
        self.details.setVisible(bool(self.details.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, 420 if self.details.isVisibleTo(self) else 120)
