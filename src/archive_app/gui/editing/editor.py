"""The article editor: every catalogue field on tabs, checked as typed, saved as one change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.model import ROLES, ArticleDetail, HistoryItem
from archive_app.gui.common.dialog_parts import heading, main_button
from archive_app.gui.common.display import long_date, role_name
from archive_app.gui.common.field_values import (
    body_paragraphs,
    body_text,
    display,
    field_label,
    join_list,
    optional,
    problem,
    split_list,
    value_of,
)
from archive_app.gui.common.i18n import translate
from archive_app.gui.editing.editor_fields import FieldRow, ListTable
from archive_app.gui.editing.history_model import NEW, OLD, HistoryModel
from archive_app.usecases.field_rules import EDITABLE_FIELDS, FieldError, validate

LINE_FIELDS = ("title", "published", "updated", "dateline_place", "site", "url", "agency")
LIST_FIELDS = ("signoff", "keywords", "tags", "collections")
DATE_FIELDS = ("published", "updated")


def _placeholders() -> dict[str, str]:
    return {
        "published": translate("Editor", "2024-05-17 03:50 WIB or 2024-05-17T03:50:00+07:00"),
        "updated": translate("Editor", "2024-05-17 03:50 WIB or 2024-05-17T03:50:00+07:00"),
        "url": "https://",
        "site": translate("Editor", "kompas.com"),
        "signoff": translate("Editor", "codes separated by commas: chi, jpnn"),
        "keywords": translate("Editor", "separated by commas"),
        "tags": translate("Editor", "separated by commas: banjir, liputan khusus"),
        "collections": translate("Editor", "separated by commas; a / nests: Banjir/Jawa Timur"),
    }


class ArticleEditor(QDialog):
    """Emits `saveRequested(article id, {field: value})` with only the fields that changed;
    the controller applies them as one change and calls `mark_error` when one is refused."""

    saveRequested = Signal(int, object)

    def __init__(
        self, detail: ArticleDetail, history: Sequence[HistoryItem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.detail = detail
        title = detail.record.title or translate("Editor", "untitled article")
        self.setWindowTitle(translate("Editor", "Edit “{title}”").format(title=title))
        self.setAccessibleName(translate("Editor", "Article editor"))
        self.resize(820, 640)
        self.rows: dict[str, FieldRow] = {}
        self._readers: dict[str, Callable[[], Any]] = {}
        self._tab_of: dict[str, int] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.tabBar().setAccessibleName(translate("Editor", "Parts of the record"))
        self.tabs.tabBar().setAccessibleDescription(
            translate("Editor", "Ctrl+Tab and Ctrl+Shift+Tab move from part to part.")
        )
        self._record_tab()
        self._people_tab()
        self._photos_tab()
        self._text_tab()
        self._catalogue_tab()
        self._history_tab(history)
        # the values as the form shows them: a field counts as changed only when it differs
        self.baseline = {field: self.value(field) for field in EDITABLE_FIELDS}
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.save = main_button(self.buttons, translate("Editor", "Save"))
        self.save.setAccessibleName(translate("Editor", "Save the changes as one change"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(
            heading(
                translate("Editor", "{title} — article {id}").format(title=title, id=detail.id),
                self,
            )
        )
        column.addWidget(self.tabs, 1)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    # -- building ----------------------------------------------------------------------

    def _page(self, name: str) -> QFormLayout:
        page = QWidget(self.tabs)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tabs.addTab(page, name)
        return form

    def _add(
        self,
        form: QFormLayout,
        field: str,
        widget: QWidget,
        read: Callable[[], Any],
        editor: QWidget | None = None,
    ) -> FieldRow:
        row = FieldRow(field, widget, editor, self)
        row.editor.setAccessibleName(field_label(field))
        self.rows[field] = row
        self._readers[field] = read
        self._tab_of[field] = self.tabs.count() - 1
        form.addRow(field_label(field), row)
        return row

    def _line(
        self, form: QFormLayout, field: str, text: str, read: Callable[[str], Any]
    ) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setPlaceholderText(_placeholders().get(field, ""))
        self._add(form, field, edit, lambda: read(edit.text()))
        edit.editingFinished.connect(lambda: self.check(field))
        return edit

    def _record_tab(self) -> None:
        form = self._page(translate("Editor", "Record"))
        record = self.detail.record
        for field in LINE_FIELDS:
            value = value_of(self.detail, field)
            self._line(
                form,
                field,
                value or "",
                (lambda text: text.strip()) if field == "title" else optional,
            )
        self.language = QComboBox(self)
        self.language.setEditable(True)
        for code in dict.fromkeys(c for c in ("id", "en", record.language) if c):
            self.language.addItem(code)
        self.language.setCurrentText(record.language or "")
        self._add(form, "language", self.language, lambda: optional(self.language.currentText()))
        for field in ("signoff", "keywords"):
            self._line(form, field, join_list(value_of(self.detail, field)), split_list)
        for field in DATE_FIELDS:
            self._date_hint(field)

    def _people_tab(self) -> None:
        form = self._page(translate("Editor", "People"))
        roles = [(role, role_name(role)) for role in ROLES]
        self.people = ListTable(
            field_label("people"),
            [("name", translate("Editor", "Name")), ("role", translate("Editor", "Role"))],
            {"role": roles},
            parent=self,
        )
        self.people.set_values(value_of(self.detail, "people"))
        self._add(
            form,
            "people",
            self.people,
            lambda: [{"name": p["name"] or "", "role": p["role"]} for p in self.people.values()],
            self.people.table,
        )

    def _photos_tab(self) -> None:
        form = self._page(translate("Editor", "Photos and links"))
        self.photos = ListTable(
            field_label("photos"),
            [
                ("caption", translate("Editor", "Caption")),
                ("credit", translate("Editor", "Credit")),
                ("photographer", translate("Editor", "Photographer")),
                ("agency", translate("Editor", "Agency")),
            ],
            fixed=True,
            parent=self,
        )
        self.photos.set_values(value_of(self.detail, "photos"))
        self._add_table(form, "photos", self.photos)
        self.related = ListTable(
            field_label("related"),
            [
                ("title", translate("Editor", "Title")),
                ("url", translate("Editor", "Address (URL)")),
            ],
            parent=self,
        )
        self.related.set_values(value_of(self.detail, "related"))
        self._add_table(form, "related", self.related)

    def _add_table(self, form: QFormLayout, field: str, table: ListTable) -> None:
        self._add(form, field, table, table.values, table.table)

    def _text_tab(self) -> None:
        form = self._page(translate("Editor", "Text"))
        self.body = QPlainTextEdit(body_text(value_of(self.detail, "body")), self)
        self.body.setTabChangesFocus(True)  # Tab moves on: a news text needs no tab character
        self.body.setObjectName("editorBody")
        self._add(form, "body", self.body, lambda: body_paragraphs(self.body.toPlainText()))
        form.addRow("", QLabel(translate("Editor", "An empty line separates paragraphs."), self))

    def _catalogue_tab(self) -> None:
        form = self._page(translate("Editor", "Catalogue"))
        for field in ("tags", "collections"):
            self._line(form, field, join_list(value_of(self.detail, field)), split_list)
        self.note = QPlainTextEdit(self.detail.note or "", self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            translate("Editor", "A note for librarians; it is not part of the article's text.")
        )
        self._add(form, "note", self.note, lambda: self.note.toPlainText().strip() or None)

    def _history_tab(self, history: Sequence[HistoryItem]) -> None:
        page = QWidget(self.tabs)
        column = QVBoxLayout(page)
        self.history = HistoryModel(self)
        self.history.set_items(history)
        self.history_view = QTableView(page)
        self.history_view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.history_view.setObjectName("historyTable")
        self.history_view.setAccessibleName(translate("Editor", "History of the article"))
        self.history_view.setModel(self.history)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for section in (OLD, NEW):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        empty = QLabel(
            translate("Editor", "Not edited yet: every value is as it was imported."), page
        )
        empty.setObjectName("fieldHint")
        empty.setVisible(not history)
        column.addWidget(empty)
        column.addWidget(self.history_view, 1)
        self.tabs.addTab(page, translate("Editor", "History"))

    # -- values --------------------------------------------------------------------------

    def value(self, field: str) -> Any:
        """What the form holds for `field`, in the form Archive.edit takes."""
        return self._readers[field]()

    def changes(self) -> dict[str, Any]:
        """Only the fields whose value differs from the one shown when the editor opened."""
        return {f: v for f in EDITABLE_FIELDS if (v := self.value(f)) != self.baseline[f]}

    def check(self, field: str) -> bool:
        """Check one field with the catalogue's own rules; mark it when it is refused."""
        row = self.rows[field]
        try:
            checked = validate(field, self.value(field))
        except FieldError as error:
            row.mark(problem(error))
            return False
        row.clear()
        if field in DATE_FIELDS:
            self._date_hint(field, checked)
        return True

    def _date_hint(self, field: str, checked: Any = None) -> None:
        value = checked if checked is not None else self.baseline_value(field)
        self.rows[field].show_hint(
            translate("Editor", "Reads as {date}").format(date=long_date(value)) if value else ""
        )

    def baseline_value(self, field: str) -> Any:
        baseline = getattr(self, "baseline", None)
        return baseline[field] if baseline is not None else value_of(self.detail, field)

    # -- saving --------------------------------------------------------------------------

    def request_save(self) -> None:
        """Check every changed field, then hand the changes over (or close: nothing changed)."""
        changes = self.changes()
        if not changes:
            self.reject()
            return
        refused = {}
        for field, value in changes.items():  # every refused field is marked, not the first
            try:
                validate(field, value)
            except FieldError as error:
                refused[field] = problem(error)
        if refused:
            for field, message in reversed(refused.items()):  # the first one is shown last
                self.mark_error(field, message)
            return
        self.set_busy(True)
        self.saveRequested.emit(self.detail.id, changes)

    def set_busy(self, busy: bool) -> None:
        self.save.setEnabled(not busy)
        self.message.setVisible(busy)
        if busy:
            self.message.setText(translate("Editor", "Saving…"))

    def mark_error(self, field: str, message: str) -> None:
        """The catalogue refused `field`: mark it, say why, and that nothing was written."""
        self.set_busy(False)
        kept = translate("Editor", "Nothing was saved; the catalogue keeps “{old}”.").format(
            old=display(field, self.baseline.get(field), 80)
        )
        row = self.rows.get(field)
        if row is None:  # a field the form does not show: say it under the tabs
            self.message.setText(f"{field_label(field)}: {_sentence(message)} {kept}")
            self.message.show()
            return
        row.mark(f"{_sentence(message)} {kept}")
        self.show_field(field)

    def show_field(self, field: str) -> None:
        self.tabs.setCurrentIndex(self._tab_of[field])
        self.rows[field].editor.setFocus(Qt.FocusReason.OtherFocusReason)


def _sentence(text: str) -> str:
    """The core's explanation as a sentence, so the next one does not run into it."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
