"""Cancel tokens and progress reports shared by long-running core operations."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class CancelToken:
    """A flag another thread sets to ask a running operation to stop at the next safe point."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a long operation stands: a phase, a count done out of a total, and what it is on."""

    phase: str
    done: int
    total: int
    current: str = ""
    articles: int = 0


ProgressCallback = Callable[[Progress], None]


def ignore_progress(_progress: Progress) -> None:
    """The default callback for callers that do not show progress."""
