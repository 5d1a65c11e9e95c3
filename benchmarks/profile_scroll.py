"""Where the slowest frames of scrolling the whole library's listing go (CPU of the GUI thread).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.profile_scroll [--library PATH] [--rows 3000]

Scrolls the listing a wheel notch a frame, as `make bench-gui` does, and times on the GUI
thread what arrives in each frame: the rest of the listing's ids taken by the model
(SearchController._later, ResultsModel.append_ids), rows fetched (fetchMore), and the cyclic
garbage collector's passes (on any thread: a collection run by a worker holds the GIL the GUI
thread waits for). Prints the slowest frames with what happened in them.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.gui_bench import BIG, _rows_beyond

from archive_app.usecases.archive import Archive

Events = list[tuple[str, float]]


def _timed(events: Events, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return method(*args, **kwargs)
        finally:
            events.append((name, (time.thread_time() - start) * 1000))

    return wrapper


def _watch_gc(events: Events) -> None:
    started: dict[int, float] = {}

    def callback(phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            started[thread] = time.perf_counter()
        elif thread in started:
            where = "GUI" if thread == threading.main_thread().ident else "worker"
            ms = (time.perf_counter() - started.pop(thread)) * 1000
            if ms > 1:
                events.append((f"gc gen {info['generation']} ({where})", ms))

    gc.callbacks.append(callback)


def profile(library: Path, rows: int) -> list[tuple[float, float, Events]]:
    from PySide6.QtCore import QSettings  # noqa: TID251  (a window benchmark, like gui_bench)
    from PySide6.QtWidgets import QApplication  # noqa: TID251
    from scripts.screenshots.waiting import pause, until

    from archive_app.gui.search.controller import SearchController
    from archive_app.gui.search.results_model import ResultsModel
    from archive_app.gui.shell.app import application
    from archive_app.gui.shell.main_window import MainWindow
    from archive_app.gui.shell.settings import Settings

    events: Events = []
    SearchController._later = _timed(events, "ids taken", SearchController._later)  # type: ignore[method-assign]
    ResultsModel.append_ids = _timed(events, "append_ids", ResultsModel.append_ids)  # type: ignore[method-assign]
    ResultsModel.fetchMore = _timed(events, "fetchMore", ResultsModel.fetchMore)  # type: ignore[method-assign]
    _watch_gc(events)
    work = Path(tempfile.mkdtemp(prefix="arsip-profile-scroll-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "s"))
    application()
    archive = Archive.open(library, readonly=True)
    window = MainWindow(archive, Settings())
    window.resize(1400, 900)
    window.show()
    until(lambda: window.model.rowCount() > 0, 60_000)
    until(lambda: window.sidebar.facet_model.rowCount() > 0, 60_000)
    pause(500)
    table = window.table
    table.setFocus()
    bar = table.verticalScrollBar()
    step = table.verticalHeader().defaultSectionSize() * 3
    frames: list[tuple[float, float, Events]] = []
    while window.model.rowCount() < rows or bar.value() < bar.maximum():
        if table.rowAt(table.viewport().height() - 1) >= rows:
            break
        events.clear()
        old = bar.value()
        start, start_cpu = time.perf_counter(), time.thread_time()
        bar.setValue(old + step)
        table.viewport().repaint()
        QApplication.processEvents()
        wall = (time.perf_counter() - start) * 1000
        frames.append((wall, (time.thread_time() - start_cpu) * 1000, list(events)))
        if bar.value() == old:
            before = window.model.rowCount()
            events.clear()
            if not until(partial(_rows_beyond, window.model, before), 30_000):
                break
            if events:
                frames.append((0.0, 0.0, [("(while waiting) " + n, ms) for n, ms in events]))
    window.close()
    archive.close()
    return frames


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--library", type=Path, default=BIG)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--worst", type=int, default=8)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load = os.getloadavg()[0]
    frames = profile(args.library, args.rows)
    print(f"{len(frames)} frames; slowest by GUI-thread CPU:")
    for wall, cpu, happened in sorted(frames, key=lambda f: -f[1])[: args.worst]:
        said = ", ".join(f"{name} {ms:.1f}" for name, ms in happened)
        print(f"  wall {wall:6.1f} ms  cpu {cpu:6.1f} ms  {said}")
    print("frames where ids arrived or the collector ran:")
    for wall, cpu, happened in frames:
        if any(not name.startswith("fetchMore") for name, _ in happened):
            said = ", ".join(f"{name} {ms:.1f}" for name, ms in happened)
            print(f"  wall {wall:6.1f} ms  cpu {cpu:6.1f} ms  {said}")
    print(f"load average (1 min): {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
