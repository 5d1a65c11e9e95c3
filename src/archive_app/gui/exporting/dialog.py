"""Choose what to export (an article, the selection, a collection, the search result) and how."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.exports.csv_table import COLUMNS, DEFAULT_COLUMNS
from archive_app.exports.formats import FORMATS, ExportOptions
from archive_app.gui.common.dialog_parts import heading, main_button
from archive_app.gui.common.i18n import count_text, number, translate
from archive_app.gui.exporting.context import (
    ARTICLE,
    COLLECTION,
    RESULT,
    SELECTION,
    ExportContext,
)

__all__ = ["ARTICLE", "COLLECTION", "RESULT", "SELECTION", "ExportContext", "ExportDialog"]


def format_label(name: str) -> str:
    """ "CSV — a spreadsheet table, one row per article"."""
    chosen = FORMATS[name]
    titles = {
        "jsonl": "JSON Lines",
        "csv": "CSV",
        "csl-json": "CSL-JSON",
        "ris": "RIS",
        "bibtex": "BibTeX",
        "oai-dc": "Dublin Core (oai_dc)",
        "jsonld": "JSON-LD",
        "html": "HTML",
        "originals-zip": "ZIP",
    }
    return f"{titles.get(name, name)} — {format_summary(name) or chosen.summary}"


def format_summary(name: str) -> str:
    return {
        "jsonl": translate("Export", "lossless catalogue records, one per line (imports back)"),
        "csv": translate("Export", "a spreadsheet table, one row per article"),
        "csl-json": translate("Export", "for Zotero, Pandoc and citation processors"),
        "ris": translate("Export", "references for reference managers"),
        "bibtex": translate("Export", "BibTeX/biblatex entries"),
        "oai-dc": translate("Export", "Dublin Core records for repositories"),
        "jsonld": translate("Export", "schema.org NewsArticle for the web"),
        "html": translate("Export", "a folder of pages with photos, readable in any browser"),
        "originals-zip": translate("Export", "the original files with a SHA-256 manifest"),
    }.get(name, "")


class ExportDialog(QDialog):
    """Accepted: `scope`, `collection`, `format_name` and `options()` say what to write."""

    def __init__(
        self,
        context: ExportContext,
        scope: str | None = None,
        collection: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(translate("Export", "Export"))
        self.setAccessibleName(self.windowTitle())
        self.context = context
        what = QGroupBox(translate("Export", "What"), self)
        self.scopes = QButtonGroup(self)
        self.article = self._scope(
            what,
            ARTICLE,
            translate("Export", "The article “{title}”").format(title=_short(context.article[1]))
            if context.article
            else translate("Export", "The article (none is open)"),
            context.article is not None,
        )
        self.selection = self._scope(
            what,
            SELECTION,
            count_text(
                len(context.selection),
                translate("Export", "The {count} selected article"),
                translate("Export", "The {count} selected articles"),
            ),
            bool(context.selection),
        )
        self.collection_choice = self._scope(
            what, COLLECTION, translate("Export", "A collection"), bool(context.collections)
        )
        self.collection = QComboBox(what)
        self.collection.setAccessibleName(translate("Export", "Collection"))
        self.collection.addItems(list(context.collections))
        self.collection.setEnabled(bool(context.collections))
        self.collection.activated.connect(lambda _i: self.collection_choice.setChecked(True))
        if collection:
            self.collection.setCurrentText(collection)
        template = (
            translate("Export", "The search result: {count} article ({query})")
            if context.result == 1
            else translate("Export", "The search result: {count} articles ({query})")
        )
        self.whole_result = self._scope(
            what,
            RESULT,
            template.format(count=number(context.result), query=_short(context.result_label, 40)),
            context.result > 0,
        )
        column = QVBoxLayout(what)
        for button in (self.article, self.selection, self.collection_choice):
            column.addWidget(button)
        column.addWidget(self.collection)
        column.addWidget(self.whole_result)
        self._choose_scope(
            scope or (SELECTION if len(context.selection) > 1 else ARTICLE), collection
        )

        self.format = QComboBox(self)
        self.format.setAccessibleName(translate("Export", "Format"))
        for name in FORMATS:
            self.format.addItem(format_label(name), name)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.bom = QCheckBox(translate("Export", "Start with a byte-order mark (for Excel)"), self)
        self.columns = QListWidget(self)
        self.columns.setAccessibleName(translate("Export", "CSV columns"))
        for name in COLUMNS:
            item = QListWidgetItem(name, self.columns)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in DEFAULT_COLUMNS else Qt.CheckState.Unchecked
            )
        self.columns.setMaximumHeight(150)
        self.csv = QGroupBox(translate("Export", "CSV"), self)
        csv_form = QFormLayout(self.csv)
        csv_form.addRow(self.bom)
        csv_form.addRow(translate("Export", "Columns"), self.columns)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldError")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export = main_button(buttons, translate("Export", "Export…"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("Export", "&Format"), self.format)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("Export", "Export articles"), self))
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.csv)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._format_changed()
        chosen = self.scopes.checkedButton()
        if chosen is not None:  # the dialog opens on the scope chosen (Tab stops there only)
            chosen.setFocus()

    def _scope(self, parent: QWidget, key: str, text: str, enabled: bool) -> QRadioButton:
        button = QRadioButton(text, parent)
        button.setProperty("scope", key)
        button.setEnabled(enabled)
        self.scopes.addButton(button)
        return button

    def _choose_scope(self, scope: str, collection: str | None) -> None:
        buttons = {
            ARTICLE: self.article,
            SELECTION: self.selection,
            COLLECTION: self.collection_choice,
            RESULT: self.whole_result,
        }
        preferred = [buttons[scope]] if scope in buttons else []
        for button in [
            *preferred,
            self.article,
            self.selection,
            self.whole_result,
            self.collection_choice,
        ]:
            if button.isEnabled():
                button.setChecked(True)
                return

    @property
    def scope(self) -> str:
        checked = self.scopes.checkedButton()
        return str(checked.property("scope")) if checked is not None else ""

    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    def choose_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(
            self.columns.item(row).text()
            for row in range(self.columns.count())
            if self.columns.item(row).checkState() == Qt.CheckState.Checked
        )

    def options(self) -> ExportOptions:
        return ExportOptions(
            columns=self.chosen_columns() or DEFAULT_COLUMNS, bom=self.bom.isChecked()
        )

    def _format_changed(self) -> None:
        self.csv.setVisible(self.format_name == "csv")
        self.adjustSize()

    def _accept(self) -> None:
        if not self.scope:
            self.problem.setText(translate("Export", "There is nothing to export yet."))
            self.problem.show()
            return
        if self.format_name == "csv" and not self.chosen_columns():
            self.problem.setText(translate("Export", "Tick at least one column."))
            self.problem.show()
            return
        self.accept()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
