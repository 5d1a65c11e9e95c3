"""What the right-hand pane shows: the article of the chosen row, a person's page, the photos."""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from archive_app.domain.progress import CancelToken
from archive_app.gui.authorities.person_data import Cancelled, PersonArticles, load_person
from archive_app.gui.authorities.person_page import PersonPage
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos import decoding
from archive_app.gui.reader.article_loader import ArticleLoader
from archive_app.gui.reader.highlight import snippet_terms
from archive_app.gui.reader.pane import ReaderPane
from archive_app.gui.reader.prepared import Reading
from archive_app.gui.search.controller import ResultBatch
from archive_app.gui.search.results_view import ResultsTable

if TYPE_CHECKING:  # the photo viewer (Pillow, the zoom canvas) loads when photos are opened
    from archive_app.gui.photos.viewer_dialog import PhotoViewer
    from archive_app.usecases.archive import Archive


class ReadingController(QObject):
    """Loads articles and people off the GUI thread; only the newest request is shown."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        table: ResultsTable,
        pane: QStackedWidget,
        reader_pane: ReaderPane,
        person_page: PersonPage,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.archive, self.runner, self.window = archive, runner, window
        self.table, self.model = table, table.results_model()
        self.pane, self.reader_pane, self.person_page = pane, reader_pane, person_page
        self.reader = reader_pane.reader
        self.loader = ArticleLoader(archive, runner, self, self.reader.photo_box)
        self.photo_viewer: PhotoViewer | None = None
        self.shown_id: int | None = None
        self._rereading: int | None = None  # read again after a change: keep the place
        self._person_token: CancelToken | None = None
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        table.openRequested.connect(self.focus_reader)
        self.loader.loaded.connect(self._show_reading)
        self.loader.photosLoaded.connect(self.reader.add_photos)
        self.loader.relatedFound.connect(self._show_related)
        self.reader.sharperPhotosWanted.connect(lambda shown: self.reread((shown,)))
        self.loader.failed.connect(lambda _id, error: self.reader.show_message(str(error)))
        self.reader.personRequested.connect(self.show_person)
        self.reader.articleRequested.connect(self.open_article)
        reader_pane.photosRequested.connect(self.open_photos)
        person_page.articleRequested.connect(self.open_article)
        person_page.backRequested.connect(self.focus_reader)

    # -- articles ----------------------------------------------------------------------

    def select_after_search(self, _batch: ResultBatch) -> None:
        """Keep reading the same article when it is still listed (after an import, say)."""
        keep = self.model.row_of(self.shown_id) if self.shown_id is not None else None
        self.table.select_row(keep if keep is not None else 0)

    def show_nothing(self, message: str) -> None:
        self.shown_id = None
        self.loader.cancel()
        self.reader.show_message(message)
        self.reader_pane.set_article_tools()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = self.model.article_id(current.row())
        self.shown_id = article_id
        # the query's own words are added on the worker, from the article's text
        self.loader.open(
            article_id, snippet_terms(self.model.snippets(article_id)), self.model.query
        )

    def reread(self, ids: Collection[int]) -> None:
        """Load the article being read again when a change touched it; it opens where the
        reader was, with the same words marked."""
        shown = self.shown_id
        if shown is None or shown not in ids:
            return
        self._rereading = shown
        if self.model.row_of(shown) is None:  # opened from a link or a person's page
            self.loader.open(shown, ())
        else:
            self.loader.open(shown, snippet_terms(self.model.snippets(shown)), self.model.query)

    def _show_reading(self, reading: Reading) -> None:
        keep_place, self._rereading = reading.detail.id == self._rereading, None
        self.reader.show_reading(reading, keep_place=keep_place)
        self.reader_pane.set_article_tools()

    def _show_related(self, article_id: int, found: object) -> None:
        reading = self.reader.reading
        if reading is not None and reading.detail.id == article_id and isinstance(found, dict):
            reading.related = found
            self.reader.show_reading(reading, keep_place=True)

    def open_article(self, article_id: int) -> None:
        """Read an article: select it in the list when it is there, else load it alone."""
        self.pane.setCurrentWidget(self.reader_pane)
        row = self.model.row_of(article_id)
        if row is not None:
            self.table.select_row(row)
        else:
            self.shown_id = article_id
            self.loader.open(article_id, ())

    def focus_reader(self) -> None:
        self.pane.setCurrentWidget(self.reader_pane)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- people ------------------------------------------------------------------------

    @property
    def showing_person(self) -> bool:
        return self.pane.currentWidget() is self.person_page

    def show_person(self, name: str) -> None:
        self.cancel_person()
        token = self._person_token = CancelToken()
        self.person_page.show_loading(name)
        self.pane.setCurrentWidget(self.person_page)
        self.runner.submit(
            partial(load_person, self.archive, name, token),
            partial(self._show_person, token),
            partial(self._person_failed, token),
        )

    def cancel_person(self) -> None:
        if self._person_token is not None:
            self._person_token.cancel()

    def _show_person(self, token: CancelToken, person: object) -> None:
        if not token.cancelled and isinstance(person, PersonArticles):
            self.person_page.show_person(person)

    def _person_failed(self, token: CancelToken, error: Exception) -> None:
        if not isinstance(error, Cancelled) and not token.cancelled:
            self.person_page.summary.setText(str(error))

    # -- photos ------------------------------------------------------------------------

    def warm_photos(self, *_answer: object) -> None:
        """Load Pillow on a worker (the window starts without it) before an article's photos
        are wanted: called once the first search is answered."""
        self.runner.submit(decoding.warm, lambda _none: None)

    def open_photos(self, position: int = 0) -> None:
        reading = self.reader.reading
        if reading is None or not reading.detail.record.photos:
            return
        self.close_photos()
        from archive_app.gui.photos.viewer_dialog import PhotoViewer

        self.photo_viewer = PhotoViewer(
            reading.detail, self.archive.path, self.runner, position, self.window
        )
        self.photo_viewer.statusMessage.connect(self.reader_pane.statusMessage)
        self.photo_viewer.show()

    def close_photos(self) -> None:
        if self.photo_viewer is not None:
            self.photo_viewer.close()

    def shutdown(self) -> None:
        """Drop whatever is on its way: the window is closing."""
        self.cancel_person()
        self.close_photos()
        self.loader.cancel()
