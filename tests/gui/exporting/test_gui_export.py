"""Exports from the window: an article, the selection, a collection or the search result, in
every format, to a file or a folder by the format's kind, with a clear result or error."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id

from archive_app.exports.citations import cite
from archive_app.exports.formats import FORMATS
from archive_app.gui.exporting import controller as export_controller
from archive_app.gui.exporting.dialog import ARTICLE, COLLECTION, RESULT, SELECTION, ExportDialog
from archive_app.gui.shell.main_window import MainWindow

FLOODS = [row[0] for row in ARTICLES[:3]]


class Asked:
    """Answers the file and folder dialogs with paths in tmp_path and notes which was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: Path) -> None:
        self.asked: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._file))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def _file(self, *args: object, **kwargs: object) -> tuple[str, str]:
        self.asked.append("file")
        return str(self.answer), ""

    def _folder(self, *args: object, **kwargs: object) -> str:
        self.asked.append("folder")
        return str(self.answer)


def _export(qtbot: QtBot, window: MainWindow, dialog: ExportDialog, format_name: str) -> object:
    dialog.choose_format(format_name)
    with qtbot.waitSignal(window.exporting.finished, timeout=20_000) as finished:
        dialog.export.click()
    return finished.args[0]


def test_the_selection_is_exported_to_a_csv_file_a_spreadsheet_opens(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_window.table.select_ids([article_id(small_window.archive, t) for t in FLOODS[:2]])
    target = tmp_path / "pilihan.csv"
    asked = Asked(monkeypatch, target)
    small_window.actions_.export.trigger()  # File ▸ Export… (Ctrl+Shift+X)
    dialog = small_window.exporting.dialog
    assert dialog is not None and dialog.scope == SELECTION
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == list(FORMATS)
    dialog.bom.setChecked(True)
    result = _export(qtbot, small_window, dialog, "csv")
    assert asked.asked == ["file"]
    assert result.articles == 2 and target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sorted(r["title"] for r in rows) == sorted(FLOODS[:2])
    notice = small_window.exporting.notice
    assert notice is not None and notice.isVisible()
    assert notice.text() == f"2 articles exported to {target}."
    notice.close()


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_the_article_read_is_exported_in_every_format(
    qtbot: QtBot,
    small_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format_name: str,
) -> None:
    kind = FORMATS[format_name].kind
    target = tmp_path / ("folder" if kind == "folder" else f"export{FORMATS[format_name].suffix}")
    asked = Asked(monkeypatch, target)
    dialog = small_window.exporting.open(ARTICLE)
    assert dialog.scope == ARTICLE
    dialog.choose_format(format_name)
    assert dialog.csv.isHidden() == (format_name != "csv")  # columns and BOM for CSV only
    result = _export(qtbot, small_window, dialog, format_name)
    assert asked.asked == ["folder" if kind == "folder" else "file"]
    assert result.articles == 1
    if kind == "folder":
        assert (target / "index.html").is_file()
    else:
        assert target.is_file() and target.stat().st_size > 0
    small_window.exporting.notice.close()


def test_a_collection_is_exported_as_a_folder_of_pages(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = small_window.archive
    archive.bulk([article_id(archive, t) for t in FLOODS], "add", "collections", "Banjir")
    with qtbot.waitSignal(small_window.catalogue.loaded, timeout=10_000):
        small_window.catalogue.reload()
    (tmp_path / "dokumen").mkdir()
    (tmp_path / "dokumen" / "skripsi.docx").write_text("not ours")
    Asked(monkeypatch, tmp_path / "dokumen")  # a folder with someone's files in it
    small_window.sidebar.catalogue.exportRequested.emit("Banjir")  # the collection's menu
    dialog = small_window.exporting.dialog
    assert dialog is not None and dialog.scope == COLLECTION
    assert dialog.collection.currentText() == "Banjir"
    result = _export(qtbot, small_window, dialog, "html")
    assert result.articles == 3
    # the export went into a new folder beside the documents, which are untouched
    assert result.target.parent == tmp_path / "dokumen"
    assert (tmp_path / "dokumen" / "skripsi.docx").read_text() == "not ours"
    assert (result.target / "index.html").is_file()
    assert len(list(result.target.rglob("article-*.html"))) == 3
    small_window.exporting.notice.close()


def test_the_whole_search_result_is_exported_as_csl_json(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(small_window.searches.counted, timeout=10_000):
        small_window.search_bar.set_query("jakbar")
    target = tmp_path / "hasil.json"
    Asked(monkeypatch, target)
    dialog = small_window.exporting.open(RESULT)
    assert dialog.scope == RESULT
    assert dialog.whole_result.text() == "The search result: 3 articles (jakbar)"
    _export(qtbot, small_window, dialog, "csl-json")
    records = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(r["title"] for r in records) == sorted(FLOODS)
    assert {r["type"] for r in records} == {"article-newspaper"}
    small_window.exporting.notice.close()


def test_an_export_that_cannot_be_written_says_why_and_leaves_nothing(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tidak-ada" / "ekspor.ris"
    Asked(monkeypatch, target)
    shown: list[str] = []
    monkeypatch.setattr(
        export_controller,
        "show_error",
        lambda _parent, title, message: shown.append(f"{title}: {message}"),
    )
    dialog = small_window.exporting.open(ARTICLE)
    dialog.choose_format("ris")
    with qtbot.waitSignal(small_window.exporting.failed, timeout=10_000):
        dialog.export.click()
    assert shown == [
        f"Arsip could not export: cannot export to {target}: the folder "
        f"{target.parent} does not exist; nothing was written"
    ]
    assert not target.parent.exists()


def test_the_menu_copies_the_citation_in_the_style_last_chosen(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    detail = small_window.reader.reading.detail
    small_window.actions_.cite.trigger()  # Edit ▸ Copy a citation (Ctrl+Shift+C)
    assert QGuiApplication.clipboard().text() == cite(detail, "apa")
    small_window.reader_pane.cite_actions["chicago-note"].trigger()
    small_window.actions_.cite.trigger()
    assert QGuiApplication.clipboard().text() == cite(detail, "chicago-note")
    assert small_window.settings.citation_style == "chicago-note"  # remembered next time
