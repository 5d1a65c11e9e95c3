"""The gold-free checks find each kind of broken record and pass a clean one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

from archive_app.evaluation.invariants import check_records, dominant_script


def _record(n: int, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": n,
        "title": f"Banjir merendam desa nomor {n}",
        "site": "kompas.com",
        "language": "id",
        "published": "2024-05-17T03:50:00+07:00",
        "updated": None,
        "body": ["Banjir merendam sepuluh desa di Gresik.", "Warga mengungsi."],
        "photos": [],
        "archive": {"record": {"published_raw": "17 Mei 2024 03:50 WIB"}},
    }
    return base | fields


def test_a_clean_record_breaks_nothing() -> None:
    found = check_records([_record(1), _record(2)])
    assert found.records == 2 and sum(found.counts.values()) == 0


def test_each_kind_is_counted_with_an_example(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    Image.new("RGB", (64, 48)).save(tmp_path / "media" / "small.png")
    Image.new("RGB", (640, 480)).save(tmp_path / "media" / "big.png")
    records = [
        _record(1, title="Judul\x01dengan kendali"),
        _record(2, body=["Isi berita.", "Baca juga: Berita lain yang menarik"]),
        _record(3, published=None, archive={"record": {"published_raw": "Tue Jan 28 CET"}}),
        _record(
            4, language="id", body=["東京で大雨が降り、多くの人が避難しました。"], title="大雨"
        ),
        *[_record(n, title="Berita Terkini") for n in (5, 6, 7)],
        _record(8, photos=[{"media_path": "media/small.png"}, {"media_path": "media/big.png"}]),
    ]
    found = check_records(records, tmp_path)
    assert dict(found.counts) == {
        "control-characters": 1,
        "labels-in-body": 1,
        "date-not-read": 1,
        "language-vs-script": 1,
        "shared-title": 3,
        "tiny-photo": 1,
    }
    assert found.examples["tiny-photo"] == ["article 8: media/small.png is 64 x 48 px"]
    assert "'Baca juga'" in found.examples["labels-in-body"][0]
    assert "language id, text in CJK" in found.examples["language-vs-script"][0]


def test_the_dominant_script() -> None:
    assert dominant_script("Banjir merendam desa") == "LATIN"
    assert dominant_script("ฝนตกหนักในกรุงเทพ") == "THAI"
    assert dominant_script("123 456") is None
    assert dominant_script("ひらがなとカタカナと漢字") == "CJK"
