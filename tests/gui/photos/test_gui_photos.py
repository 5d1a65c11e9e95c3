"""Photos: archived files shown in the reader and the viewer with their credits; missing ones
as placeholders; decoding off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot
from tests.gui.conftest import archive_photo

from archive_app.domain.model import ArticleDetail, CatalogueRecord, Photo
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos import decoding as photo_files
from archive_app.gui.photos import viewer_dialog as photo_viewer
from archive_app.gui.photos.viewer_dialog import PhotoViewer
from archive_app.gui.reader.article_loader import load_reading
from archive_app.gui.reader.article_view import ReaderView
from archive_app.media.photo_details import read_details


def _detail(library: Path) -> ArticleDetail:
    photos = [
        Photo(
            caption="Bush and his dog Barney in Waco",
            credit="AP Photo/Duane A. Laverty",
            photographer="Duane A. Laverty",
            agency="AP",
            media_path=archive_photo(library, "Bush-dog.jpg"),
        ),
        Photo(
            caption="A press photo",
            credit="Getty Images/iStockphoto",
            media_path=archive_photo(library, "iptc-mess.jpg"),
        ),
        Photo(caption="Banjir di Gresik", credit="Antara"),  # only its caption was kept
    ]
    record = CatalogueRecord(title="Foto", body=["Satu.", "Dua."], photos=photos)
    return ArticleDetail(7, record, [], [], 1, 1, "", "")


class Source:
    """The facade's read side for one hand-made article in a real library folder."""

    def __init__(self, library: Path, detail: ArticleDetail) -> None:
        self.path = library
        self.detail = detail

    def article(self, article_id: int) -> ArticleDetail:
        return self.detail


def test_embedded_credits_are_read_from_the_file(tmp_path: Path) -> None:
    details = read_details(tmp_path / archive_photo(tmp_path, "Bush-dog.jpg"))
    assert details.fields["photographer"] == "DUANE A. LAVERTY"
    assert details.fields["credit"] == "AP"
    assert details.sources["credit"] == "IPTC"
    assert (details.width, details.height) == (400, 398)


def test_the_reader_shows_an_archived_photo_with_caption_and_credit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    reading = load_reading(Source(tmp_path, _detail(tmp_path)), 7, ())
    assert sorted(reading.images) == [0, 1]  # the two archived files decoded; not the third
    assert reading.images[1].original_width == 4256  # the 2.9 MB photo…
    assert max(reading.images[1].width, reading.images[1].height) <= 1200  # …scaled for reading
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_reading(reading)
    image = reader.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("arsip-image:0")
    )
    assert isinstance(image, QImage) and image.width() == 400
    text = reader.toPlainText()
    assert "Bush and his dog Barney in Waco" in text
    assert "AP Photo/Duane A. Laverty" in text  # a credit that names itself: no "Photo:"
    assert "Photo: Antara" in text
    assert "Photo: Getty Images/iStockphoto" in text  # "photo" inside a name is no label
    assert "Photo not archived" in text  # the third
    with qtbot.waitSignal(reader.photoRequested) as asked:
        reader.anchorClicked.emit(QUrl("arsip-photo:1"))
    assert asked.args == [1]


def test_a_photo_outside_the_library_folder_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.jpg"
    outside.write_bytes(b"not really")
    (tmp_path / "lib").mkdir()
    photo = Photo(caption=None, credit=None, media_path="../elsewhere.jpg")
    assert photo_files.photo_path(tmp_path / "lib", photo) is None


def _viewer(qtbot: QtBot, tmp_path: Path, start: int = 0) -> tuple[PhotoViewer, TaskRunner]:
    runner = TaskRunner(2)
    viewer = PhotoViewer(_detail(tmp_path), tmp_path, runner, start)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer, runner


def test_the_viewer_shows_the_photo_and_its_credits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    real = photo_viewer.decode

    def recording(path: Path, side: int | None = None) -> object:
        threads.append(threading.get_ident())
        return real(path, side)

    monkeypatch.setattr(photo_viewer, "decode", recording)
    viewer, runner = _viewer(qtbot, tmp_path)
    qtbot.waitUntil(lambda: 0 in viewer._loaded, timeout=10_000)
    assert threads and threading.get_ident() not in threads  # Pillow worked off the GUI thread
    assert viewer.stack.currentWidget() is viewer.view
    details = viewer.details.toPlainText()
    for expected in (
        "Bush and his dog Barney in Waco",
        "AP Photo/Duane A. Laverty",
        "Duane A. Laverty",
        "DUANE A. LAVERTY",
        "Credit (IPTC)",
        "WACO",
        "400 × 398 pixels, JPEG",
    ):
        assert expected in details, expected
    assert viewer.heading.text() == "Photo 1 of 3 — Foto"
    assert viewer.strip.count() == 3
    runner.wait()


def test_zoom_fit_and_actual_size(qtbot: QtBot, tmp_path: Path) -> None:
    viewer, runner = _viewer(qtbot, tmp_path, start=1)  # the 4256-pixel photo
    qtbot.waitUntil(lambda: 1 in viewer._loaded, timeout=20_000)
    fitted = viewer.view.scale_percent
    assert fitted < 100  # a big photo starts fitted to the window
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.view.scale_percent == 100 and viewer.scale.text() == "100 %"
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.view.scale_percent == 125
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert viewer.view.scale_percent == fitted
    runner.wait()


def test_the_keyboard_moves_through_the_photos_to_a_placeholder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    viewer, runner = _viewer(qtbot, tmp_path)
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert viewer.current == 2
    assert viewer.stack.currentWidget() is viewer.placeholder
    text = viewer.placeholder.text()
    assert "Photo not archived" in text and "Banjir di Gresik" in text and "Antara" in text
    assert "was not archived" in viewer.details.toPlainText()
    assert not viewer.save.isEnabled()  # nothing to save
    qtbot.keyClick(viewer, Qt.Key.Key_Right)  # wraps to the first
    assert viewer.current == 0
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.current == 2
    runner.wait()


def test_save_a_copy_writes_the_archived_bytes(qtbot: QtBot, tmp_path: Path) -> None:
    viewer, runner = _viewer(qtbot, tmp_path)
    target = tmp_path / "copy.jpg"
    with qtbot.waitSignal(viewer.statusMessage, timeout=10_000) as said:
        viewer.save_copy(target)
    assert target.read_bytes() == (tmp_path / "media" / "ab" / "Bush-dog.jpg").read_bytes()
    assert "copy.jpg" in said.args[0]
    runner.wait()


def test_closing_the_viewer_while_it_decodes_drops_the_result(qtbot: QtBot, tmp_path: Path) -> None:
    viewer, runner = _viewer(qtbot, tmp_path, start=1)
    viewer.close()  # the big photo is still being decoded
    runner.wait()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    assert 1 not in viewer._loaded  # delivered to a closed viewer: dropped, no error
