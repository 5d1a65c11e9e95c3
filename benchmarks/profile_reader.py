"""Where opening an article with photos goes: each stage's CPU time, in the window's order.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.profile_reader [--library PATH] [--runs 5]
        [--query "presiden"] [--profile reader.prof]

The newest article of the library is shown with the two corpus photos `make bench-gui` gives
it (2.9 MB and 68 kB JPEGs), in a 1400 x 900 main window. Each run does on this thread what
selecting a row does across the workers and the GUI thread: the text read (the catalogue, the
words of the query found in it, each photo's size from its header), the photos decoded at the
size the reader draws them, then on the GUI thread the article's HTML (built again inside the
layout), the layout (setHtml, the hits collected), the first paint, and the photos drawn in
their places. The window does the decoding on one worker while the GUI thread lays the text
out. A first (cold) open and later ones are reported apart: decoded photos are cached. CPU time
is this process's (user+sys); wall time on a busy machine says little.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.gui_bench import CORPUS, PhotoArchive, stage_photos

from archive_app.usecases.archive import Archive

STAGES = (
    "text read (worker)",
    "photos decoded (worker)",
    "HTML built",
    "text laid out",
    "text painted",
    "photos drawn",
)


class Stages:
    """CPU milliseconds per stage, one list entry per open (a run not `kept` is left out)."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.kept = True

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.process_time()
        yield
        if self.kept:
            self.times.setdefault(name, []).append((time.process_time() - start) * 1000)


def profile(library: Path, runs: int, query: str, out: Path | None) -> dict[str, list[float]]:
    from PySide6.QtCore import QSettings  # noqa: TID251  (a window benchmark, like gui_bench)
    from scripts.screenshots.waiting import pause, until

    from archive_app.gui.photos.decoding import RECENT
    from archive_app.gui.reader.article_html import article_html
    from archive_app.gui.reader.article_loader import load_photos, load_text
    from archive_app.gui.shell.app import application
    from archive_app.gui.shell.main_window import MainWindow
    from archive_app.gui.shell.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="arsip-profile-reader-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "s"))
    application()
    archive = Archive.open(library, readonly=True)
    seed = archive.article_ids("newest")[0]
    shown = PhotoArchive(archive, seed, work, stage_photos(work))
    window = MainWindow(shown, Settings())  # type: ignore[arg-type]
    window.resize(1400, 900)
    window.show()
    until(lambda: window.model.rowCount() > 0, 60_000)
    until(lambda: window.sidebar.facet_model.rowCount() > 0, 60_000)
    pause(300)
    reader = window.reader
    stages = Stages()
    profiler = cProfile.Profile() if out is not None else None
    for run in range(runs + 1):
        if run == 0 or run == runs:
            RECENT.clear()  # the first open (and the profiled one) decode every photo
        stages.kept = run < runs
        if profiler is not None and run == runs:
            profiler.enable()
        box = reader.photo_box()
        with stages.stage("text read (worker)"):
            reading = load_text(shown, seed, (), query, box)  # type: ignore[arg-type]
        pending = tuple(reading.pending)
        photos = reading.detail.record.photos
        with stages.stage("photos decoded (worker)"):
            images = load_photos(shown, photos, pending, box)  # type: ignore[arg-type]
        with stages.stage("HTML built"):
            reading.column = reader._column()
            article_html(reading, reader.colours, reader.zoom)
        with stages.stage("text laid out"):
            reader.show_reading(reading)
        with stages.stage("text painted"):
            reader.viewport().repaint()
        with stages.stage("photos drawn"):
            reader.add_photos(seed, images)
            reader.viewport().repaint()
        if profiler is not None and run == runs:
            profiler.disable()
        pause(50)
    if profiler is not None and out is not None:
        profiler.dump_stats(str(out))
    window.close()
    archive.close()
    return stages.times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--library", type=Path, help="default: bench-gui's corpus library")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="presiden jakarta")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more open")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    library = args.library or Path(tempfile.gettempdir()) / "arsip-bench-gui" / "corpus-library"
    if not (CORPUS / "photos").exists():
        parser.error(f"needs the corpus photos in {CORPUS}")
    load = os.getloadavg()[0]
    stages = profile(library, args.runs, args.query, args.profile)
    print(f"{'stage':<22}{'first ms':>10}{'later median ms':>17}   (CPU, {args.runs} opens)")
    for name in STAGES:
        times = stages.get(name, [0.0])
        later = statistics.median(times[1:]) if len(times) > 1 else times[0]
        print(f"{name:<22}{times[0]:>10.1f}{later:>17.1f}")
    first = sum(stages[n][0] for n in STAGES if n in stages)
    later = statistics.median(
        sum(stages[n][i] for n in STAGES if n in stages) for i in range(1, args.runs)
    )
    print(f"{'total':<22}{first:>10.1f}{later:>17.1f}")
    print(f"load average (1 min): {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    if args.profile:
        print(f"wrote {args.profile} (python -m pstats {args.profile})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
