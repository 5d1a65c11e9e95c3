"""Wait for the window in scripts (screenshots, benchmark) with a real event loop.

PySide's QSignalSpy.wait and QTest.qWait keep Python's GIL while their loop runs, which starves
the window's worker threads; QEventLoop.exec releases it, as QApplication.exec does.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance


def pause(msecs: int) -> None:
    """Run the event loop for `msecs` (paint, deliver results)."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def after(signal: SignalInstance, action: Callable[[], object], timeout: int = 15_000) -> bool:
    """Do `action` and run the event loop until `signal` fires; False on timeout."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(0, action)  # inside the loop, so a synchronous emit is not missed
    QTimer.singleShot(timeout, loop.quit)
    loop.exec()
    signal.disconnect(done)
    return bool(fired)


def until(predicate: Callable[[], bool], timeout: int = 15_000, step: int = 20) -> bool:
    """Run the event loop until `predicate()` holds; False on timeout."""
    deadline = time.monotonic() + timeout / 1000
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pause(step)
    return True
