"""The people and places window at work: lists read off the GUI thread, changes written."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from archive_app.domain.model import ChangeInfo, PersonInfo
from archive_app.gui.authorities.places_model import Place
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.search.controller import EVERYTHING

if TYPE_CHECKING:  # the people and places window loads when it is first opened
    from archive_app.gui.authorities.window import AuthorityWindow
    from archive_app.usecases.archive import Archive


@dataclass(slots=True)
class AuthorityData:
    people: list[PersonInfo] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)


def load_authority(archive: Archive) -> AuthorityData:
    sites = [name for name, _count in archive.counts(EVERYTHING).facets.get("site", [])]
    return AuthorityData(archive.people(), archive.places(), sites)


class AuthorityController(QObject):
    """One authority window (`window_`), made when first asked for."""

    statusMessage = Signal(str)
    searchRequested = Signal(str)
    loaded = Signal()

    def __init__(
        self, archive: Archive, reads: TaskRunner, changes: ChangeRunner, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.archive, self.reads, self.changes, self.parent_ = archive, reads, changes, parent
        self.window_: AuthorityWindow | None = None
        changes.changed.connect(lambda _r: self.reload())

    def open(self, tab: int = 0) -> AuthorityWindow:
        if self.window_ is None:
            from archive_app.gui.authorities.window import AuthorityWindow

            window = self.window_ = AuthorityWindow(self.parent_)
            readonly = self.archive.readonly
            for button in (window.merge, window.split, window.signoff, window.add_spelling):
                button.setVisible(not readonly)
            window.mergeRequested.connect(self.merge)
            window.splitRequested.connect(self.split)
            window.signoffRequested.connect(self.attach_signoff)
            window.placeAliasRequested.connect(self.add_place_alias)
            window.searchRequested.connect(self.searchRequested)
        self.window_.tabs.setCurrentIndex(tab)
        self.window_.show()
        self.window_.raise_()
        self.reload()
        return self.window_

    def reload(self) -> None:
        if self.window_ is not None and self.window_.isVisible():
            self.reads.submit(partial(load_authority, self.archive), self._loaded)

    def _loaded(self, data: AuthorityData) -> None:
        if self.window_ is None:
            return
        self.window_.sites = data.sites
        self.window_.set_people(data.people)
        self.window_.set_places(data.places)
        self.loaded.emit()

    def _done(self, info: object) -> None:
        if isinstance(info, ChangeInfo):
            self.statusMessage.emit(
                translate("Changes", "Done: {change}").format(change=info.description)
            )

    def merge(self, keep: str, other: str) -> None:
        self.changes.submit(
            partial(self.archive.merge_people, keep, other), partial(self._merged, keep)
        )

    def _merged(self, keep: str, info: object) -> None:
        self._done(info)
        if self.window_ is not None:
            self.window_.filter_field.clear()
            self.window_.select_person(keep)

    def split(self, alias: str) -> None:
        self.changes.submit(partial(self.archive.split_person, alias), self._done)

    def attach_signoff(self, site: str, code: str, person: str) -> None:
        if not site or not code:
            self.statusMessage.emit(
                translate("People", "A sign-off code needs a site and the code.")
            )
            return
        self.changes.submit(partial(self.archive.attach_signoff, site, code, person), self._done)

    def add_place_alias(self, spelling: str, place: str) -> None:
        self.changes.submit(partial(self.archive.add_place_alias, spelling, place), self._done)
