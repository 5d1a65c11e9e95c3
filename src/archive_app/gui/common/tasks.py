"""Run plain callables on worker threads and deliver their outcome on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ErrorCallback = Callable[[Exception], None]
Result = TypeVar("Result")


class _Relay(QObject):
    """Carries one job's outcome across threads.

    It is created on the GUI thread, so it lives there: a signal emitted on the worker thread is
    queued and its slots run on the GUI thread, the only thread allowed to touch widgets.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: ErrorCallback,
        finished: Callable[[_Relay], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._finished = finished
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        self._finished(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._finished(self)
        assert isinstance(error, Exception)
        self._on_error(error)


def _log_error(error: Exception) -> None:
    log.error("background task failed: %s", error, exc_info=error)


class TaskRunner(QObject):
    """A small pool of worker threads; one thread makes it a serial lane.

    `submitting` fires as submit() begins (a job its slot submits goes first), `queued` once
    the job is in the queue, `delivered` as a job's outcome reaches the GUI thread (before its
    callback runs): on a serial lane, in the order the jobs were queued.
    """

    submitting = Signal()
    queued = Signal()
    delivered = Signal()

    def __init__(self, threads: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()  # outcomes not yet delivered

    def submit(
        self,
        job: Callable[[], Result],
        on_done: Callable[[Result], None],
        on_error: ErrorCallback = _log_error,
    ) -> None:
        """Run `job()` on a worker; then `on_done(result)` or `on_error(exception)` on the GUI.

        The result's type flows from `job` to `on_done`, so callbacks need no isinstance checks.
        """
        self.submitting.emit()
        # parented to the runner so Qt, not Python's reference count, decides when it goes
        relay = _Relay(on_done, on_error, self._delivered, self)
        self._relays.add(relay)

        def run() -> None:
            try:
                result = job()
            except Exception as error:  # handed to the GUI thread, which reports it
                relay.failed.emit(error)
            else:
                relay.done.emit(result)

        self._pool.start(run)
        self.queued.emit()

    def _delivered(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()  # not deleted inside its own slot
        self.delivered.emit()

    @property
    def working(self) -> bool:
        """True while a worker thread is inside a job."""
        return self._pool.activeThreadCount() > 0

    @property
    def busy(self) -> bool:
        """True while a job is running or waiting, or its outcome is not yet delivered."""
        return self._pool.activeThreadCount() > 0 or bool(self._relays)

    def clear(self) -> None:
        """Drop the jobs that have not started yet (the window is closing)."""
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started job has returned (not until outcomes are delivered)."""
        return self._pool.waitForDone(msecs)
