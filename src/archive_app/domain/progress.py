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
    seconds: float = 0.0
    # bytes of input read so far and in all: how far an import is, whatever the file sizes
    bytes_done: int = 0
    bytes_total: int = 0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """An estimate from the share of bytes read so far; None until there is one."""
        if self.bytes_total <= 0 or self.bytes_done <= 0 or self.seconds < 1:
            return None
        return self.seconds * (self.bytes_total - self.bytes_done) / self.bytes_done


ProgressCallback = Callable[[Progress], None]


def ignore_progress(_progress: Progress) -> None:
    """The default callback for callers that do not show progress."""
