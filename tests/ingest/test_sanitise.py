"""No stored field ever contains a control character, whatever the source carried."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, corpus_path

from archive_app.domain.errors import ReadError
from archive_app.domain.model import CatalogueRecord, PersonRole, Photo, RelatedLink
from archive_app.domain.review import ReviewFlag
from archive_app.ingest.extract import extract_file
from archive_app.ingest.sanitise import clean_text, sanitise

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every string inside a value, with where it was found."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list | tuple):
        for number, item in enumerate(value):
            yield from _strings(item, f"{where}[{number}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, f"{where} key")
            yield from _strings(item, f"{where}[{key!r}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            yield from _strings(getattr(value, spec.name), f"{where}.{spec.name}")


def _with_controls() -> CatalogueRecord:
    return CatalogueRecord(
        title="\x01Banjir\x02 Gresik\r\n",
        subtitle="Warga\tmengungsi",
        site="jpnn.com",
        published_raw="17 Mei\x1f 2024",
        dateline_place="GRESIK\x00",
        people=[PersonRole("Yessy\x0b Artada", "editor")],
        signoff=["chi\x03"],
        related=[RelatedLink("Baca\x0c juga", "https://example.com/\x7f")],
        photos=[
            Photo(
                caption="Air naik\x85",
                credit="ANTARA\x1b/Rizal",
                embedded={"Caption": "baris\nkedua"},
            )
        ],
        body=["Air \x93naik\x94 lagi.\x04", "Kedua\x81"],
        keywords=["banjir\x1e"],
        rules={"title": "title:column\x00"},
        warnings=["a date\x07"],
        review=[ReviewFlag("date", "unread\x1a")],
    )


def test_every_string_field_of_a_record_loses_its_control_characters() -> None:
    record = sanitise(_with_controls())
    assert [w for w, s in _strings(record, "record") if CONTROL.search(s)] == []
    assert record.title == "Banjir Gresik"
    assert record.subtitle == "Warga mengungsi"  # a tab between words stays a space
    assert record.people == [PersonRole("Yessy Artada", "editor")]
    assert record.photos[0].embedded == {"Caption": "baris kedua"}
    # C1 codes in text decoded as Latin-1 are the Windows-1252 quotes and dashes they were
    assert record.body == ["Air \u201cnaik\u201d lagi.", "Kedua"]
    assert record.photos[0].caption == "Air naik\u2026"
    assert record.review == [ReviewFlag("date", "unread")]


def test_clean_text_keeps_every_other_character() -> None:
    text = "Jumat, 17 Mei 2024 – 03:50 WIB 🌊 «ÆØÅ» \u200d"
    assert clean_text(text) is text


def test_a_wire_framing_in_a_table_cell_never_reaches_the_record() -> None:
    data = b'title,content\n"\x01Banjir Gresik","\x02Air naik di Gresik.\x03\x04"\n'
    [item] = list(extract_file("berita.csv", data).items)
    assert item.record is not None
    assert item.record.title == "Banjir Gresik"
    assert item.record.body == ["Air naik di Gresik."]


# where control characters come from: photo metadata, wire framing, SGML entities, web
# archives and scrapers' dumps (`make check-corpus` counts them over the whole corpus)
_RISKY = ("photos", "wire", "en_text", "warc", "seed", "html_id", "dev_extra")


def _corpus_files() -> list[Path]:
    return sorted(
        p
        for folder in _RISKY
        for p in corpus_path(folder).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )


@pytest.mark.corpus
@pytest.mark.slow
def test_no_record_from_the_whole_corpus_holds_a_control_character() -> None:
    found: list[str] = []
    records = 0
    for path in _corpus_files():
        try:
            items = list(extract_file(path.name, path.read_bytes(), path).items)
        except ReadError:
            continue  # refused files store nothing
        for item in items:
            if item.record is None:
                continue
            records += 1
            where = f"{path.relative_to(CORPUS)} {item.locator}"
            found += [
                f"{where} {w}" for w, s in _strings(item.record, "record") if CONTROL.search(s)
            ]
    assert records > 3000
    assert found == []
