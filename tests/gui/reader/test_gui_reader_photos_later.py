"""The reader shows an article's text at once and its photos in their places when decoded, at
the size it draws them; going back to an article shows its photos without decoding again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.gui.conftest import archive_photo

from archive_app.domain.model import ArticleDetail, CatalogueRecord, Photo
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos import decoding
from archive_app.gui.reader.article_loader import ArticleLoader, load_photos, load_text
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.prepared import Reading


class Source:
    """The facade's read side for one hand-made article in a real library folder."""

    def __init__(self, library: Path, detail: ArticleDetail) -> None:
        self.path = library
        self.detail = detail

    def article(self, article_id: int) -> ArticleDetail:
        return self.detail


@pytest.fixture(autouse=True)
def _no_photos_decoded_yet() -> None:
    decoding.RECENT.clear()


def _source(library: Path) -> Source:
    big, small = archive_photo(library, "iptc-mess.jpg"), archive_photo(library, "Bush-dog.jpg")
    photos = [
        Photo(caption="A press photo", credit="Getty", media_path=big),
        Photo(caption="Bush and Barney", credit="AP", media_path=small),
        Photo(caption="Banjir di Gresik", credit="Antara"),  # only its caption was kept
    ]
    body = [f"Paragraf {n} tentang banjir di Gresik." for n in range(12)]
    record = CatalogueRecord(title="Foto", body=body, photos=photos)
    return Source(library, ArticleDetail(7, record, [], [], 1, 1, "", ""))


def _image(reader: ReaderView, position: int) -> QImage:
    found = reader.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"arsip-image:{position}")
    )
    if not isinstance(found, QImage):
        found = reader.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"arsip-image:{position}")
        )
    assert isinstance(found, QImage)
    return found


def test_the_text_comes_first_and_the_photos_fill_their_places(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = _source(tmp_path)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    reader.show()
    box = reader.photo_box()
    reading = load_text(source, 7, (), "", box)
    assert reading.images == {}  # nothing decoded yet
    assert sorted(reading.pending) == [0, 1]  # the third photo has no file
    assert reading.pending[1] == (400, 398)  # a small photo keeps its own size
    width, height = reading.pending[0]  # the 4256 x 2832 photo, fitted to the reader
    assert width <= box[0] and height <= box[1] and abs(width / height - 4256 / 2832) < 0.01
    reader.show_reading(reading)
    assert "Paragraf 11 tentang banjir" in reader.toPlainText()  # the text is there at once
    assert "A press photo" in reader.toPlainText()
    assert _image(reader, 0).width() == 1  # a blank holds the photo's place meanwhile
    laid_out = reader.document().size().height()

    images = load_photos(source, reading.detail.record.photos, tuple(reading.pending), box)
    with qtbot.waitSignal(reader.photosShown) as shown:
        reader.add_photos(7, images)
    assert shown.args == [7]
    assert (_image(reader, 0).width(), _image(reader, 0).height()) == (width, height)
    assert _image(reader, 1).width() == 400
    assert reader.document().size().height() == laid_out  # the text did not move
    assert "Photo not archived" in reader.toPlainText()  # the third, as before

    # the next article: its own photo on its way
    other = Reading(replace(reading.detail, id=8), pending={0: (300, 200)})
    reader.show_reading(other)
    assert _image(reader, 0).width() == 1  # not the last article's photo


def test_a_big_photo_is_decoded_at_the_size_it_is_drawn(tmp_path: Path) -> None:
    path = tmp_path / archive_photo(tmp_path, "iptc-mess.jpg")
    image = decoding.decode(path, box=(560, 440))
    assert (image.width, image.height) == (560, 373)
    assert (image.original_width, image.original_height) == (4256, 2832)
    assert len(image.rgba) == 560 * 373 * 4


def test_going_back_to_an_article_shows_its_photos_at_once(tmp_path: Path) -> None:
    source = _source(tmp_path)
    first = load_text(source, 7, (), "", (560, 440))
    decoded = load_photos(source, first.detail.record.photos, tuple(first.pending), (560, 440))
    again = load_text(source, 7, (), "", (560, 440))
    assert again.pending == {}
    assert again.images == decoded
    larger = load_text(source, 7, (), "", (900, 700))  # a wider pane: decoded again, sharper
    assert sorted(larger.pending) == [0, 1]


def test_the_loader_delivers_the_text_then_the_photos(qtbot: QtBot, tmp_path: Path) -> None:
    source = _source(tmp_path)
    owner = QWidget()  # the runner and loader go with it, after their last outcome is delivered
    qtbot.addWidget(owner)
    runner = TaskRunner(2, owner)
    loader = ArticleLoader(source, runner, owner, lambda: (560, 440))  # type: ignore[arg-type]
    texts: list[Reading] = []
    loader.loaded.connect(texts.append)
    with qtbot.waitSignal(loader.photosLoaded, timeout=20_000) as photos:
        loader.open(7)
    assert len(texts) == 1 and sorted(texts[0].pending) == [0, 1]
    article_id, images = photos.args
    assert article_id == 7 and sorted(images) == [0, 1]
    assert images[0].width == 560
    runner.wait()


def test_enlarging_the_text_asks_for_sharper_photos(qtbot: QtBot, tmp_path: Path) -> None:
    source = _source(tmp_path)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(1200, 800)
    reader.show()
    box = reader.photo_box()
    reading = load_text(source, 7, (), "", box)
    reading.images.update(load_photos(source, reading.detail.record.photos, (0, 1), box))
    reading.pending.clear()
    reader.show_reading(reading)
    with qtbot.assertNotEmitted(reader.sharperPhotosWanted):
        reader.set_zoom(90)  # smaller: the photos decoded are large enough
    with qtbot.waitSignal(reader.sharperPhotosWanted) as wanted:
        reader.set_zoom(160)
    assert wanted.args == [7]
