"""`make manual-screenshots`: the manual's pictures, of the built-in sample articles, offscreen.

Run from the repository root as `python -m scripts.screenshots.manual_shots`.

The pictures ship with Arsip (resources/manual/images/<language>/), so they show only the
sample records of resources/samples/, never the publishers' corpus. Each is a window or dialog
grabbed offscreen, scaled to 900 px wide and reduced to 256 colours (a tenth of the bytes; the
interface has few colours, so nothing visible is lost).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from scripts.screenshots.kit import search, settle, show_article

from archive_app.gui.common import i18n
from archive_app.gui.shell.app import application
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLES = REPO / "resources" / "samples"
IMAGES = REPO / "resources" / "manual" / "images"
WIDTH = 900
# smaller than a screen, so the text stays readable once scaled to WIDTH
WINDOW = (1120, 720)
READ_TITLE = "Warga Bantaran Kali Code Gotong Royong Memperbaiki Tanggul"
# the manual's example tag (chapter "Cataloguing": tag:banjir) and a collection
TAG = ("banjir", '"kali code"')
COLLECTION = ("Liputan/Cuaca", "kemarau OR monsoon")


def save(widget: QWidget, path: Path) -> Path:
    """The widget as a small PNG: WIDTH wide, 256 colours."""
    image = widget.grab().toImage()
    image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print("saved", path, f"{path.stat().st_size // 1024} KB")
    return path


def build_library(library: Path, samples: Path) -> None:
    """The samples imported and catalogued a little, as the manual's chapters describe."""
    with Archive.open(library) as archive:
        # the folder's README is notes, not an article
        report = archive.import_paths(sorted(samples.glob("*.jsonl")))
        if report.failed or not report.added:
            raise SystemExit(f"{samples}: the sample articles did not import ({report.failed})")
        for (name, query), field in ((TAG, "tags"), (COLLECTION, "collections")):
            if field == "collections":
                archive.create_collection(name)
            archive.bulk(archive.matching_ids(query), "add", field, name)


def _window(archive: Archive) -> MainWindow:
    window = MainWindow(archive, Settings())
    window.resize(*WINDOW)
    window.show()
    settle(lambda: window.isVisible())
    return window


def language_shots(library: Path, folder: Path) -> list[Path]:
    """welcome, search, reader, editor and people, in the interface language installed."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as empty, Archive.open(Path(empty) / "lib") as nothing:
        window = _window(nothing)
        settle()
        saved.append(save(window, folder / "welcome.png"))
        window.close()
    with Archive.open(library) as archive:
        window = _window(archive)
        try:
            search(window, "petani OR farmers")
            settle(lambda: window.reader.reading is not None)
            saved.append(save(window, folder / "search.png"))
            search(window, '"kali code"')
            show_article(window, READ_TITLE)
            settle()
            saved.append(save(window, folder / "reader.png"))
            window.edit_shown()
            settle(lambda: window.editing.editor is not None)
            editor = window.editing.editor
            assert editor is not None
            editor.resize(900, 640)
            settle()
            saved.append(save(editor, folder / "editor.png"))
            editor.reject()
            people = window.authority.open(0)
            people.resize(980, 620)
            settle(lambda: people.people.rowCount() > 0)
            saved.append(save(people, folder / "people.png"))
            people.close()
        finally:
            window.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)
    if not any(args.samples.glob("*.jsonl")):
        print(f"{args.samples}: no sample articles to photograph", file=sys.stderr)
        return 1
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        app: QApplication = application()
        library = Path(scratch) / "samples-library"
        build_library(library, args.samples)
        for language in i18n.LANGUAGES[1:]:
            i18n.install(app, language)
            saved += language_shots(library, args.out / language)
        i18n.install(app, "en")
    print(f"{len(saved)} manual pictures in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
