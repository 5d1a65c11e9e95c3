"""One launch of the window in this process, as `archive-app gui` starts it: prints when the
search box took keys and when the first rows were listed (each with this process's CPU).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.launch_probe LIBRARY SETTINGS_FOLDER

The library is opened read-only (the benchmark's library is another engineer's). An Arsip
without gui/shell/library_opening.py (before the window showed while its library opened) is
launched its own way, so one probe times both (PYTHONPATH=<its tree>/src). Nothing of the core
is imported here before the window: `make bench-gui` runs this module, not gui_bench, in the
child process.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

POLL_MS = 2  # how often the first rows are looked for


def open_readonly(library: Path) -> Any:
    """The library, read-only; the core's modules load here (on the opening worker)."""
    from archive_app.usecases.archive import Archive

    return Archive.open(library, readonly=True)


def main(library: Path, settings: Path) -> None:
    import archive_app.launcher

    # an older launcher loaded the core before Qt, as `archive-app gui` did then
    getattr(archive_app.launcher, "import_core_first", lambda: None)()
    from PySide6.QtCore import QSettings, QTimer  # noqa: TID251  (a window benchmark)

    from archive_app.gui.shell.app import application
    from archive_app.gui.shell.main_window import MainWindow
    from archive_app.gui.shell.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    app = application()
    try:
        from archive_app.gui.shell.library_opening import LibraryOpening
    except ImportError:  # an Arsip that opened the library before the window
        window = MainWindow(open_readonly(library), Settings())
        opening = None
    else:
        window = MainWindow(None, Settings())
        opening = LibraryOpening(window, lambda: open_readonly(library))
    window.show()
    report: dict[str, Any] = {}

    def usable() -> None:
        window.search_bar.focus()
        report["ready"] = window.isVisible() and window.search_bar.field.hasFocus()
        report["usable_at"] = time.time()
        # the process's CPU (every thread, from the interpreter's start): at a high load
        # average the wall time says more about the machine than about the launch
        report["cpu"] = time.process_time()
        if opening is None:
            QTimer.singleShot(0, listed)

    def listed() -> None:
        if getattr(window, "opening", False) or window.model.rowCount() == 0:
            QTimer.singleShot(POLL_MS, listed)
            return
        report["rows_at"] = time.time()
        report["rows_cpu"] = time.process_time()
        print(json.dumps(report), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, usable)  # the first turn of the event loop after show()
    if opening is not None:  # looked for once the library is open (polled meanwhile, the
        # GUI thread would take the GIL from the worker opening it hundreds of times)
        opening.opened.connect(lambda _archive: QTimer.singleShot(0, listed))
    app.exec()
    if opening is not None and getattr(window, "opening", False):
        opening.abandon()
    else:
        window.archive.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
