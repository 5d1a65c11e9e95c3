"""Change many articles at once (site, language, tags, collections, people), previewed first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from archive_app.domain.model import ROLES
from archive_app.gui.common.display import role_name
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.editing.preview_dialog import PreviewDialog


@dataclass(frozen=True, slots=True)
class Operation:
    """One choice in the list: what Archive.bulk is asked (verb, field) and what it needs."""

    key: str
    verb: str
    field: str
    needs: tuple[str, ...]  # "value", "name", "role", "roles"


OPERATIONS = (
    Operation("set_site", "set", "site", ("value",)),
    Operation("set_language", "set", "language", ("value",)),
    Operation("add_tag", "add", "tags", ("value",)),
    Operation("remove_tag", "remove", "tags", ("value",)),
    Operation("add_collection", "add", "collections", ("value",)),
    Operation("remove_collection", "remove", "collections", ("value",)),
    Operation("add_person", "add", "people", ("name", "role")),
    Operation("remove_person", "remove", "people", ("name", "role")),
    Operation("rename_role", "rename_role", "people", ("roles", "name")),
)


def operation_label(key: str) -> str:
    return {
        "set_site": translate("Bulk", "Set the site"),
        "set_language": translate("Bulk", "Set the language"),
        "add_tag": translate("Bulk", "Add a tag"),
        "remove_tag": translate("Bulk", "Remove a tag"),
        "add_collection": translate("Bulk", "Add to a collection"),
        "remove_collection": translate("Bulk", "Remove from a collection"),
        "add_person": translate("Bulk", "Add a person with a role"),
        "remove_person": translate("Bulk", "Remove a person"),
        "rename_role": translate("Bulk", "Change a role"),
    }[key]


class BulkDialog(PreviewDialog):
    """`choices` offers known values as you type: {"tags": [...], "collections": [...]}."""

    def __init__(
        self, articles: int, choices: dict[str, Sequence[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            translate("Bulk", "Change the selected articles"),
            count_text(
                articles,
                translate("Bulk", "The change applies to the {count} selected article."),
                translate("Bulk", "The change applies to the {count} selected articles."),
            ),
            parent,
        )
        self.setObjectName("bulkDialog")
        self.articles = articles
        self.choices = choices
        self.operation = QComboBox(self)
        self.operation.setAccessibleName(translate("Bulk", "What to change"))
        for op in OPERATIONS:
            self.operation.addItem(operation_label(op.key), op.key)
        self.value = QComboBox(self)
        self.value.setEditable(True)
        self.value.setAccessibleName(translate("Bulk", "Value"))
        # an editable combo box keeps Enter from the dialog: Enter in it previews, as elsewhere
        line = self.value.lineEdit()
        if line is not None:
            line.returnPressed.connect(self._ask_preview)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("Bulk", "Person's name"))
        self.role = self._roles(translate("Bulk", "Role"))
        self.from_role = self._roles(translate("Bulk", "From the role"))
        self.to_role = self._roles(translate("Bulk", "To the role"))
        self.form.addRow(translate("Bulk", "&Change"), self.operation)
        self.form.addRow(translate("Bulk", "&Value"), self.value)
        self.form.addRow(translate("Bulk", "&Person"), self.name)
        self.form.addRow(translate("Bulk", "&Role"), self.role)
        self.form.addRow(translate("Bulk", "&From the role"), self.from_role)
        self.form.addRow(translate("Bulk", "&To the role"), self.to_role)
        self._any_role = False
        self.operation.currentIndexChanged.connect(self._operation_changed)
        self.value.currentTextChanged.connect(self.invalidate)
        self.name.textChanged.connect(self.invalidate)
        for box in (self.role, self.from_role, self.to_role):
            box.currentIndexChanged.connect(self.invalidate)
        self._operation_changed()
        self.order_tabs()

    def _roles(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        for role in ROLES:
            box.addItem(role_name(role), role)
        return box

    @property
    def chosen(self) -> Operation:
        key = self.operation.currentData()
        return next((op for op in OPERATIONS if op.key == key), OPERATIONS[0])

    def choose(self, key: str) -> None:
        self.operation.setCurrentIndex(self.operation.findData(key))

    def _operation_changed(self) -> None:
        if self.operation.currentIndex() < 0:
            return  # the list is being emptied (the dialog is going away)
        op = self.chosen
        for widget, need in (
            (self.value, "value"),
            (self.name, "name"),
            (self.role, "role"),
            (self.from_role, "roles"),
            (self.to_role, "roles"),
        ):
            self.form.setRowVisible(widget, need in op.needs)
        self._offer_any_role(op.key == "remove_person")  # any role, unless one is chosen
        self.name.setPlaceholderText(
            translate("Bulk", "only this person (optional)") if op.key == "rename_role" else ""
        )
        known = {
            "tags": "tags",
            "collections": "collections",
            "site": "sites",
            "language": "languages",
        }.get(op.field, "")
        text = self.value.currentText()
        self.value.clear()
        self.value.addItems(list(self.choices.get(known, ())))
        self.value.setCurrentText(text if op.field in ("tags", "collections") else "")
        self.invalidate()

    def _offer_any_role(self, offered: bool) -> None:
        if offered and not self._any_role:
            self.role.insertItem(0, translate("Bulk", "in any role"), "")
            self.role.setCurrentIndex(0)
        elif not offered and self._any_role:
            self.role.removeItem(0)
        self._any_role = offered

    def argument(self) -> Any:
        """What Archive.bulk takes for the chosen operation."""
        op = self.chosen
        if "value" in op.needs:
            return self.value.currentText().strip()
        name = " ".join(self.name.text().split())
        if op.key == "rename_role":
            argument = {"from": self.from_role.currentData(), "to": self.to_role.currentData()}
            return argument | ({"name": name} if name else {})
        return {"name": name, "role": self.role.currentData() or None}

    def check_inputs(self) -> bool:
        op, argument = self.chosen, self.argument()
        if "value" in op.needs and not argument:
            self.show_problem(translate("Bulk", "Type the value first."))
            return False
        if op.key in ("add_person", "remove_person") and not argument["name"]:
            self.show_problem(translate("Bulk", "Type the person's name first."))
            return False
        if op.key == "rename_role" and argument["from"] == argument["to"]:
            self.show_problem(translate("Bulk", "Choose two different roles."))
            return False
        return True
