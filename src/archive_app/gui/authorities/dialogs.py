"""Small questions the authority view asks: which name stays, a sign-off code, a spelling."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.model import PersonInfo
from archive_app.gui.common.dialog_parts import heading, main_button
from archive_app.gui.common.i18n import count_text, translate


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    main_button(buttons, ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _articles(person: PersonInfo) -> str:
    return count_text(
        person.articles,
        translate("People", "{count} article"),
        translate("People", "{count} articles"),
    )


class MergeDialog(QDialog):
    """Two people are one: choose the name that stays; the other is kept as a spelling."""

    def __init__(
        self, first: PersonInfo, second: PersonInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(translate("People", "Merge two people"))
        self.people = (first, second)
        intro = QLabel(
            translate(
                "People",
                "Which name stays? The other becomes one of its "
                "spellings: searches for either find the person's "
                "articles, and Split takes it apart again.",
            ),
            self,
        )
        intro.setWordWrap(True)
        # the one with more articles is usually the established spelling
        first_wins = first.articles >= second.articles
        self.choices = [QRadioButton(f"{p.name} — {_articles(p)}", self) for p in self.people]
        self.choices[0 if first_wins else 1].setChecked(True)
        self.setMinimumWidth(480)
        column = QVBoxLayout(self)
        column.addWidget(heading(self.windowTitle(), self))
        column.addWidget(intro)
        for choice in self.choices:
            column.addWidget(choice)
        column.addWidget(_buttons(self, translate("People", "Merge")))

    def choose(self, name: str) -> None:
        for person, choice in zip(self.people, self.choices, strict=True):
            choice.setChecked(person.name == name)

    @property
    def keep(self) -> str:
        return self.people[0].name if self.choices[0].isChecked() else self.people[1].name

    @property
    def other(self) -> str:
        return self.people[1].name if self.choices[0].isChecked() else self.people[0].name


class SignoffDialog(QDialog):
    """Say who a site's sign-off code ("chi" in "(chi/jpnn)") stands for."""

    def __init__(self, person: str, sites: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signoffDialog")
        self.setWindowTitle(translate("People", "Attach a sign-off code"))
        intro = QLabel(
            translate(
                "People",
                "{person} is credited as editor on every article of "
                "the site that is signed off with the code.",
            ).format(person=person),
            self,
        )
        intro.setWordWrap(True)
        self.site = QComboBox(self)
        self.site.setEditable(True)
        self.site.addItems(list(sites))
        self.site.setAccessibleName(translate("People", "Site"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(translate("People", "chi"))
        self.code.setAccessibleName(translate("People", "Sign-off code"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        form.addRow(heading(self.windowTitle(), self))
        form.addRow(intro)
        form.addRow(translate("People", "Site"), self.site)
        form.addRow(translate("People", "Code"), self.code)
        form.addRow(_buttons(self, translate("People", "Attach")))


class PlaceAliasDialog(QDialog):
    """Group a spelling ("Jkt", "DKI Jakarta") under a place, so they facet as one."""

    def __init__(
        self, places: Sequence[str], place: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("placeAliasDialog")
        self.setWindowTitle(translate("Places", "Add a spelling"))
        self.spelling = QLineEdit(self)
        self.spelling.setAccessibleName(translate("Places", "Spelling"))
        self.spelling.setPlaceholderText(translate("Places", "JKT"))
        self.place = QComboBox(self)
        self.place.setEditable(True)
        self.place.addItems(list(places))
        self.place.setAccessibleName(translate("Places", "Place"))
        if place:
            self.place.setCurrentText(place)
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        form.addRow(heading(self.windowTitle(), self))
        form.addRow(translate("Places", "Spelling"), self.spelling)
        form.addRow(translate("Places", "Is the place"), self.place)
        form.addRow(_buttons(self, translate("Places", "Add")))
