"""Print an article or write it to a PDF file (QtPrintSupport ships in PySide6-Essentials)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from archive_app.gui.common.i18n import translate


def _printer(printer: QPrinter, title: str) -> QPrinter:
    printer.setDocName(title)
    printer.setCreator("Arsip")
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def export_pdf(document: QTextDocument, path: Path, title: str) -> Path:
    """Write the document to `path` as PDF (A4); returns the path written."""
    printer = _printer(QPrinter(QPrinter.PrinterMode.HighResolution), title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    document.print_(printer)
    return path


def print_document(parent: QWidget, document: QTextDocument, title: str) -> bool:
    """Ask which printer, then print; False when the person cancelled."""
    printer = _printer(QPrinter(QPrinter.PrinterMode.HighResolution), title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Reader", "Print the article"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
