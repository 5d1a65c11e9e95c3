"""Where the window's launch goes: each stage's wall and CPU time, in fresh processes.

    QT_QPA_PLATFORM=offscreen python benchmarks/profile_launch.py --library PATH [--writable]
        [--runs 3] [--profile launch.prof]

Stages, in the order `archive-app gui` takes them: importing the command line, importing the
window, the QApplication with its theme, opening the library (read-only unless --writable:
a writable open also checks the catalogue, may make the day's automatic backup, and starts the
index repair, as the real launch does; give it a copy), building the main window, showing it,
the first turn of the event loop (the search box takes keys), and the first rows of the
listing in the model. CPU time is the whole process's (threads included): on a busy machine
the wall time grows, the CPU time much less. --profile writes a cProfile of one launch.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

STAGES = (
    "import the command line",
    "import the window",
    "QApplication, theme",
    "open the library",
    "build the main window",
    "show it",
    "first event-loop turn (usable)",
    "first rows listed",
)


def probe(library: Path, writable: bool) -> list[tuple[float, float]]:
    """One launch in this process: (wall, CPU) seconds at the end of each stage."""
    marks = [(time.perf_counter(), time.process_time())]

    def mark() -> None:
        marks.append((time.perf_counter(), time.process_time()))

    import archive_app.launcher  # (what `archive-app` imports first)

    mark()
    # in the launcher's order (the core before Qt) where it has one, as `archive-app gui` does
    getattr(archive_app.launcher, "import_core_first", lambda: None)()
    from PySide6.QtCore import QTimer  # noqa: TID251  (a window benchmark, like gui_bench)

    from archive_app.gui.shell import app as gui_app
    from archive_app.gui.shell.main_window import MainWindow
    from archive_app.usecases.archive import Archive

    mark()
    app = gui_app.application()
    mark()
    later = "check_later" in inspect.signature(Archive.open).parameters
    # as `archive-app gui` opens it: a writer's catalogue check and daily backup wait on the
    # window's writer lane (an older Arsip ran both here, before the window)
    extra = {"check_later": True} if writable and later else {}
    archive = Archive.open(library, readonly=not writable, **extra)
    deferred = getattr(gui_app, "DeferredRepair", None)
    if writable and deferred is None:  # an older Arsip started the repair at once
        archive.repair_index_in_background()
    mark()
    window = MainWindow(archive)
    mark()
    window.show()
    if writable and deferred is not None:
        deferred(archive, window)
    mark()

    def usable() -> None:
        mark()
        poll()

    def poll() -> None:
        if window.model.rowCount() > 0 or archive.is_empty():
            mark()
            app.quit()
        else:
            QTimer.singleShot(2, poll)

    QTimer.singleShot(0, usable)
    app.exec()
    window.close()
    archive.close()
    return marks


def launch(library: Path, writable: bool, profile: Path | None) -> dict[str, Any]:
    """A fresh process's stages in milliseconds; its wall clock starts before the interpreter."""
    command = [sys.executable, __file__, "--probe", "--library", str(library)]
    if writable:
        command.append("--writable")
    if profile is not None:
        command[1:1] = ["-m", "cProfile", "-o", str(profile)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    found = json.loads(out.strip().splitlines()[-1])
    found["interpreter start"] = [round((found.pop("_began") - started) * 1000), 0]  # + imports
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--writable", action="store_true", help="open it as the window does")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--backup-due",
        action="store_true",
        help="remove the library's automatic backups before each launch, so each is the "
        "day's first (with --writable; give it a copy)",
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more launch")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        began = time.time()
        marks = probe(args.library, args.writable)
        stages: dict[str, Any] = {
            name: [round((b[0] - a[0]) * 1000), round((b[1] - a[1]) * 1000)]
            for name, a, b in zip(STAGES, marks, marks[1:], strict=False)
        }
        print(json.dumps(stages | {"_began": began}))
        return 0
    runs = []
    for _ in range(args.runs):
        if args.backup_due:
            for old in (args.library / "backups").glob("catalogue-*.sqlite"):
                old.unlink()
        runs.append(launch(args.library, args.writable, None))
    names = ["interpreter start", *STAGES]
    print(f"{'stage':<34}{'wall ms':>9}{'CPU ms':>8}   (median of {len(runs)} launches)")
    for name in names:
        wall = statistics.median(r[name][0] for r in runs if name in r)
        cpu = statistics.median(r[name][1] for r in runs if name in r)
        print(f"{name:<34}{wall:>9.0f}{cpu:>8.0f}")
    total = statistics.median(sum(v[0] for v in r.values()) for r in runs)
    print(f"{'total (process start to rows)':<34}{total:>9.0f}")
    print(f"load average (1 min): {os.getloadavg()[0]:.1f}")
    if args.profile:
        launch(args.library, args.writable, args.profile)
        print(f"wrote {args.profile} (python -m pstats {args.profile})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
