"""Run catalogue changes on the writer lane and tell the window when one has been applied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from archive_app.gui.common.errors import show_error
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner

Done = Callable[[object], None]
Refused = Callable[[Exception], bool]  # True when it explained the error itself


class ChangeRunner(QObject):
    """Every write goes through here: one lane, one `changed` signal, one way to fail.

    `changed(result)` fires after each applied change (a ChangeInfo, or whatever the job
    returned): the window then refreshes the results, the reader, the sidebar and Undo.
    """

    changed = Signal(object)
    catalogueChanged = Signal(object)

    def __init__(self, lane: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._lane = lane
        self._window = window

    def submit(
        self,
        job: Callable[[], object],
        done: Done | None = None,
        refused: Refused | None = None,
        *,
        articles: bool = True,
    ) -> None:
        """Run `job` on the writer lane; `done(result)` then `changed`, or the error shown
        (unless `refused(error)` dealt with it, as the editor does with a field it marks).

        `articles=False` for writes that change no article (a saved search, an empty
        collection): only `catalogueChanged` fires, and the results are left as they are.
        """

        def finished(result: object) -> None:
            if done is not None:
                done(result)
            (self.changed if articles else self.catalogueChanged).emit(result)

        def failed(error: Exception) -> None:
            if refused is None or not refused(error):
                show_error(
                    self._window,
                    translate("Changes", "Arsip could not make the change"),
                    str(error),
                )

        self._lane.submit(job, finished, failed)
