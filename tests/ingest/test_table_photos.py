"""Photo columns in tables: HTML fragments, image addresses and lists read into photos with
caption, credit, photographer and agency; the address kept, nothing fetched."""

from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path
from typing import Any

import pytest

from archive_app.domain.model import Photo
from archive_app.ingest.extract import extract_file
from archive_app.usecases.archive import Archive

BODY = (
    "Air Kali Lamong naik setinggi satu meter pada Jumat pagi dan merendam ratusan rumah "
    "warga di Gresik."
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a photo address was fetched")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _table(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _photos(name: str, data: bytes) -> list[list[tuple[Any, ...]]]:
    found = []
    for item in extract_file(name, data).items:
        assert item.record is not None, item.failure
        found.append([_fields(p) for p in item.record.photos])
    return found


def _fields(photo: Photo) -> tuple[Any, ...]:
    return photo.caption, photo.credit, photo.photographer, photo.agency, photo.source_url


@pytest.mark.parametrize(
    "column, cell, photo",
    [
        (
            "gambar",
            '<div class="caption">Warga melintasi banjir di Gresik - ANTARA/Rizal Hanafi</div>',
            (
                "Warga melintasi banjir di Gresik",
                "ANTARA/Rizal Hanafi",
                "Rizal Hanafi",
                "ANTARA",
                None,
            ),
        ),
        (
            "foto",
            '<figure><img src="https://img.example.org/b.jpg"><figcaption>Warga mengungsi '
            "(Foto: ANTARA/Rizal Hanafi)</figcaption></figure>",
            (
                "Warga mengungsi",
                "ANTARA/Rizal Hanafi",
                "Rizal Hanafi",
                "ANTARA",
                "https://img.example.org/b.jpg",
            ),
        ),
        (
            "image",
            '<img src="https://img.example.org/e.jpg" alt="Presiden meninjau lokasi banjir. '
            'Photo: Ana Putri/Reuters">',
            (
                "Presiden meninjau lokasi banjir.",
                "Ana Putri/Reuters",
                "Ana Putri",
                "Reuters",
                "https://img.example.org/e.jpg",
            ),
        ),
        (
            "thumbnail",
            "https://img.example.org/c.jpg?w=640",
            (None, None, None, None, "https://img.example.org/c.jpg?w=640"),
        ),
        ("gambar", "images/2024/banjir", (None, None, None, None, "images/2024/banjir")),
    ],
)
def test_a_photo_column_becomes_a_photo_with_caption_and_credit(
    column: str, cell: str, photo: tuple[Any, ...]
) -> None:
    data = _table([{"judul": "Banjir di Gresik", "isi_berita": BODY, column: cell}])
    assert _photos("berita.csv", data) == [[photo]]


def test_a_caption_column_gives_its_credit_to_the_image_column() -> None:
    data = _table(
        [
            {
                "judul": "Banjir di Gresik",
                "isi_berita": BODY,
                "gambar": "https://img.example.org/f.jpg",
                "keterangan_foto": "Warga mengungsi ke balai desa - Rizal Hanafi/Kantor Berita",
            }
        ]
    )
    assert _photos("berita.csv", data) == [
        [
            (
                "Warga mengungsi ke balai desa",
                "Rizal Hanafi/Kantor Berita",
                "Rizal Hanafi",
                "Kantor Berita",
                "https://img.example.org/f.jpg",
            )
        ]
    ]


def test_a_list_of_photos_in_one_cell_gives_every_photo() -> None:
    cell = json.dumps(
        [
            "https://img.example.org/1.jpg",
            {
                "url": "https://img.example.org/2.png",
                "caption": "Tanggul jebol",
                "credit": "Foto: Rizal Hanafi/Kantor Berita",
            },
        ]
    )
    data = _table([{"judul": "Banjir di Gresik", "isi_berita": BODY, "images": cell}])
    assert _photos("berita.csv", data) == [
        [
            (None, None, None, None, "https://img.example.org/1.jpg"),
            (
                "Tanggul jebol",
                "Rizal Hanafi/Kantor Berita",
                "Rizal Hanafi",
                "Kantor Berita",
                "https://img.example.org/2.png",
            ),
        ]
    ]


def test_a_column_of_any_name_is_a_photo_column_when_its_cells_hold_photos() -> None:
    items = [
        {
            "title": "Banjir di Gresik",
            "content": BODY,
            "lampiran": '<figure><img src="media/g.jpg"><figcaption>Warga mengungsi (Foto: '
            "ANTARA/Rizal Hanafi)</figcaption></figure>",
        },
        {
            "title": "Tanggul jebol",
            "content": BODY,
            "media": [{"src": "https://img.example.org/h.jpg", "alt": "Tanggul jebol"}],
        },
    ]
    data = json.dumps(items).encode()
    assert _photos("berita.json", data) == [
        [("Warga mengungsi", "ANTARA/Rizal Hanafi", "Rizal Hanafi", "ANTARA", "media/g.jpg")],
        [("Tanggul jebol", None, None, None, "https://img.example.org/h.jpg")],
    ]


def test_plain_text_columns_are_never_taken_for_photos() -> None:
    data = _table(
        [
            {
                "judul": "Banjir di Gresik",
                "isi_berita": BODY,
                "catatan": "Lihat https://example.org/berita untuk versi lengkap",
            }
        ]
    )
    assert _photos("berita.csv", data) == [[]]


def test_a_photo_column_named_with_map_is_read_and_stored(tmp_path: Path) -> None:
    path = tmp_path / "ekspor.csv"
    path.write_bytes(
        _table(
            [
                {
                    "hed": "Banjir di Gresik",
                    "copy": BODY,
                    "visual": '<figure><img src="https://img.example.org/v.jpg">'
                    "<figcaption>Warga mengungsi (Foto: ANTARA/Rizal "
                    "Hanafi)</figcaption></figure>",
                }
            ]
        )
    )
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths(
            [path], columns={"title": "hed", "body": "copy", "photo": "visual"}
        )
        record = archive.record(report.added[0].article_id or 0)
    [photo] = record["photos"]
    assert (
        photo["caption"],
        photo["credit"],
        photo["photographer"],
        photo["agency"],
        photo["source_url"],
        photo["media_path"],
    ) == (
        "Warga mengungsi",
        "ANTARA/Rizal Hanafi",
        "Rizal Hanafi",
        "ANTARA",
        "https://img.example.org/v.jpg",
        None,
    )
    assert {"name": "Rizal Hanafi", "role": "photographer"} in record["people"]
