"""The sidebar catalogue at work: kept current, filtering, new collections, dropped articles."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from archive_app.domain.model import ChangeInfo
from archive_app.gui.catalogue.data import CatalogueData, load_catalogue
from archive_app.gui.catalogue.model import COLLECTION, REVIEW, TAG
from archive_app.gui.catalogue.panel import CataloguePanel
from archive_app.gui.common.i18n import number, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.search.filters import COLLECTION as COLLECTION_FILTER
from archive_app.gui.search.filters import Filter
from archive_app.gui.search.session import SearchSession

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

REVIEW_PREFIX = "review:"
FIRST_AT_THE_LATEST_MS = 3000  # the first reading, when no search is counted sooner


class CatalogueController(QObject):
    """`data` is what the sidebar shows now; `loaded` fires each time it is read again."""

    statusMessage = Signal(str)
    loaded = Signal(object)  # CatalogueData

    def __init__(
        self,
        archive: Archive,
        reads: TaskRunner,
        changes: ChangeRunner,
        panel: CataloguePanel,
        session: SearchSession,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.archive, self.reads, self.changes = archive, reads, changes
        self.panel, self.session, self.window = panel, session, window
        self.data = CatalogueData()
        self._generation = 0
        # the first reading waits for the first search's counts: its review counts load the
        # index's facet columns (1 s of CPU at 100,000 articles), which on the other reader
        # thread would only slow the first page; once that count has loaded them, they are cheap
        self._held: bool | None = None  # None: not asked yet; True: asked, waiting
        session.controller.counted.connect(self._first_search_done)
        session.controller.failed.connect(self._first_search_done)
        panel.set_writable(not archive.readonly)
        panel.collectionChosen.connect(self.choose_collection)
        panel.tagChosen.connect(lambda tag: self.session.toggle_filter(Filter("tag", tag)))
        panel.smartChosen.connect(self.run_smart)
        panel.reviewChosen.connect(self.run_review)
        panel.newCollectionRequested.connect(self.new_collection)
        panel.saveRequested.connect(self.save_search)
        panel.deleteRequested.connect(self.delete_search)
        panel.model.articlesDropped.connect(self.add_to_collection)
        session.ran.connect(self.show_active)
        changes.catalogueChanged.connect(lambda _r: self.reload())

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read collections, tags and saved searches again (every saved search is counted);
        the first time, once the first search is counted (or after a few seconds)."""
        if self._held is None:
            self._held = True
            QTimer.singleShot(FIRST_AT_THE_LATEST_MS, self, self._first_search_done)
        if self._held:
            return
        self._generation += 1
        self.reads.submit(
            partial(load_catalogue, self.archive), partial(self._loaded, self._generation)
        )

    def _first_search_done(self, *_answer: object) -> None:
        waiting, self._held = self._held, False
        if waiting:
            self.reload()

    def _loaded(self, generation: int, data: CatalogueData) -> None:
        if generation != self._generation:
            return  # a newer reading is on its way
        self.data = data
        self.panel.model.set_data(data)
        self.show_active()
        self.loaded.emit(data)

    def show_active(self) -> None:
        active = [
            (COLLECTION if f.field == COLLECTION_FILTER else TAG, f.value)
            for f in self.session.filters
            if f.field in (COLLECTION_FILTER, "tag")
        ]
        typed = self.session.bar.query.strip().lower()
        if typed.startswith(REVIEW_PREFIX) and " " not in typed and not len(self.session.filters):
            active.append((REVIEW, typed.removeprefix(REVIEW_PREFIX)))
        self.panel.model.set_active(active)

    def choices(self) -> dict[str, Sequence[str]]:
        """Known values a dialog offers as one types."""
        return {
            "tags": [name for name, _count in self.data.tags],
            "collections": [info.path for info in self.data.collections],
            "languages": ["id", "en"],
        }

    # -- choosing --------------------------------------------------------------------------

    def choose_collection(self, path: str) -> None:
        self.session.toggle_filter(Filter(COLLECTION_FILTER, path))

    def run_review(self, kind: str) -> None:
        """List what the importer was unsure of: every flag ("any") or one kind."""
        self.session.search_for(f"{REVIEW_PREFIX}{kind}")

    def run_smart(self, name: str) -> None:
        found = next((s.search for s in self.data.smart if s.search.name == name), None)
        if found is not None:
            self.session.search_for(found.query, found.sort)

    # -- changing --------------------------------------------------------------------------

    def new_collection(self, parent: str = "") -> None:
        prefix = f"{parent}/" if parent else ""
        path, ok = QInputDialog.getText(
            self.window,
            translate("Catalogue", "New collection"),
            translate(
                "Catalogue",
                "Name of the collection (a / makes one inside another: Banjir/Jawa Timur):",
            ),
            QLineEdit.EchoMode.Normal,
            prefix,
        )
        if ok and path.strip(" /"):
            self.changes.submit(
                partial(self.archive.create_collection, path.strip()), self._created, articles=False
            )

    def _created(self, path: object) -> None:
        self.statusMessage.emit(
            translate("Catalogue", "Collection “{path}” is ready: drag articles onto it.").format(
                path=path
            )
        )

    def add_to_collection(self, path: str, ids: object) -> None:
        assert isinstance(ids, list)
        self.changes.submit(
            partial(self.archive.bulk, ids, "add", "collections", path),
            partial(self._added, path, len(ids)),
        )

    def _added(self, path: str, dropped: int, info: object) -> None:
        added = len(info.articles) if isinstance(info, ChangeInfo) else 0
        template = (
            translate("Catalogue", "{count} article added to “{path}”")
            if added == 1
            else translate("Catalogue", "{count} articles added to “{path}”")
        )
        message = template.format(count=number(added), path=path)
        if dropped > added:
            message += " " + translate("Catalogue", "({count} already there)").format(
                count=number(dropped - added)
            )
        self.statusMessage.emit(message)

    def save_search(self) -> None:
        query = self.session.saved_query()
        if self.session.filters.collection is not None:
            self.statusMessage.emit(
                translate(
                    "Catalogue",
                    "A search inside a collection cannot be saved; remove the "
                    "collection filter first.",
                )
            )
            return
        if not query or self.archive.readonly:
            self.statusMessage.emit(
                translate("Window", "Type a search or choose a filter to save it.")
            )
            return
        name, ok = QInputDialog.getText(
            self.window,
            translate("Window", "Save this search"),
            translate("Window", "Name for “{query}”:").format(query=query),
        )
        if ok and name.strip():
            self.changes.submit(
                partial(self.archive.save_search, name.strip(), query, self.session.bar.sort_key),
                articles=False,
            )

    def delete_search(self, name: str) -> None:
        self.changes.submit(partial(self.archive.delete_saved_search, name), articles=False)
