"""Importing: the seed equals the gold, re-imports add nothing, bad files lose nothing else."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from itertools import pairwise
from pathlib import Path

import pytest
from tests.conftest import GOLD

from archive_app.domain.progress import CancelToken, Progress
from archive_app.storage import originals
from archive_app.usecases.archive import Archive

GOLD_FIELDS = (
    "site",
    "title",
    "published",
    "updated",
    "dateline_place",
    "people",
    "signoff",
    "related",
    "captions",
    "body",
    "language",
)


def _originals(root: Path) -> list[Path]:
    return [p for p in (root / "originals").rglob("*") if p.is_file()]


def test_the_seed_imports_to_exactly_the_gold_record(archive: Archive, seed_file: Path) -> None:
    report = archive.import_paths([seed_file])
    assert [item.locator for item in report.added] == ["file"]
    record = archive.record(report.added[0].article_id or 0)
    gold = json.loads((GOLD / "seed.json").read_text(encoding="utf-8"))[0]
    for field in GOLD_FIELDS:
        assert record[field] == gold[field], field
    assert not any(
        "BACA JUGA" in p or "Redaktur" in p or "Google News" in p for p in record["body"]
    )
    provenance = record["source"]
    assert record["provenance"] == [provenance]
    assert provenance["file"] == seed_file.name and provenance["locator"] == "file"
    assert provenance["format"] == "text"
    original = (
        archive.path / "originals" / provenance["sha256"][:2] / (provenance["sha256"] + ".txt")
    )
    assert original.read_bytes() == seed_file.read_bytes()


def test_reimporting_the_same_file_adds_nothing_and_says_so(
    archive: Archive, seed_file: Path
) -> None:
    archive.import_paths([seed_file])
    again = archive.import_paths([seed_file])
    assert again.added == [] and again.updated == []
    assert len(again.duplicates) == 1
    assert "already in the library" in again.duplicates[0].message
    assert archive.count() == 1
    assert len(_originals(archive.path)) == 1
    assert archive.check().ok


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


ROW = {
    "judul": "Banjir Rendam Sepuluh Desa di Gresik",
    "isi_berita": "REPUBLIKA.CO.ID, GRESIK -- Banjir merendam sepuluh desa di Gresik, Selasa "
    "(10/6/2025).\nWarga mengungsi ke balai desa.",
    "tanggal_publikasi": "10 Jun 2025 22:00",
    "author": "Andri Saubani",
    "url": "https://news.republika.co.id/berita/abc/banjir-gresik",
    "sumber": "news.republika.co.id",
}


def test_a_url_with_changed_text_becomes_a_version_not_a_duplicate(
    archive: Archive, tmp_path: Path
) -> None:
    first = archive.import_paths([_csv(tmp_path / "day1.csv", [ROW])])
    changed = dict(
        ROW,
        isi_berita=ROW["isi_berita"] + "\nPemerintah daerah mengirim bantuan.",
        url=ROW["url"] + "?utm_source=rss",
    )
    second = archive.import_paths([_csv(tmp_path / "day2.csv", [changed])])
    assert archive.count() == 1
    assert second.added == [] and len(second.updated) == 1
    assert "different text" in second.updated[0].message
    article_id = first.added[0].article_id or 0
    detail = archive.article(article_id)
    assert detail.versions == 2
    assert detail.record.body[-1] == "Pemerintah daerah mengirim bantuan."
    assert detail.source is not None and detail.source.file == "day2.csv"
    assert archive.search("bantuan").total == 1  # the index follows the new version
    assert archive.check().ok


def test_one_file_holding_two_texts_of_a_url_keeps_both_as_versions(
    archive: Archive, tmp_path: Path
) -> None:
    # the second row updates an article not yet flushed: its credits were kept beside the new
    # ones and the whole file failed on the unique (article, person, role) constraint
    changed = dict(ROW, isi_berita=ROW["isi_berita"] + "\nSekolah diliburkan.")
    report = archive.import_paths([_csv(tmp_path / "both.csv", [ROW, changed])])
    assert report.failed == []
    assert len(report.added) == 1 and len(report.updated) == 1
    detail = archive.article(report.added[0].article_id or 0)
    assert detail.versions == 2
    assert [p.name for p in detail.record.people] == ["Andri Saubani"]
    assert detail.record.body[-1] == "Sekolah diliburkan."
    assert archive.check().ok


def test_table_rows_keep_their_locators(archive: Archive, tmp_path: Path) -> None:
    other = dict(
        ROW,
        url="https://news.republika.co.id/berita/xyz/lain",
        judul="Berita Lain",
        isi_berita="REPUBLIKA.CO.ID, JAKARTA -- Isi berita yang lain sama sekali.",
    )
    report = archive.import_paths([_csv(tmp_path / "t.csv", [ROW, other])])
    assert [i.locator for i in report.added] == ["row 1", "row 2"]
    lines = tmp_path / "t.jsonl"
    lines.write_text(
        "\n".join(
            json.dumps(
                dict(
                    ROW,
                    url=f"{ROW['url']}-{n}",
                    judul=f"Judul {n}",
                    isi_berita=f"Isi nomor {n} berbeda.",
                )
            )
            for n in range(3)
        ),
        encoding="utf-8",
    )
    report = archive.import_paths([lines])
    assert [i.locator for i in report.added] == ["line 1", "line 2", "line 3"]
    record = archive.record(report.added[1].article_id or 0)
    assert record["source"]["locator"] == "line 2"
    assert record["site"] == "republika.co.id"
    assert record["people"] == [{"name": "Andri Saubani", "role": "author"}]


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir()
    png = folder / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    garbled = folder / "garbled.txt"
    random.seed(7)
    garbled.write_bytes(bytes(random.randrange(128, 256) for _ in range(4000)))
    truncated = folder / "news.jsonl.gz"
    payload = "\n".join(
        json.dumps(dict(ROW, url=f"{ROW['url']}/{n}", isi_berita=f"Isi {n}.")) for n in range(200)
    ).encode()
    truncated.write_bytes(gzip.compress(payload)[:-40])
    no_text = folder / "columns.csv"
    no_text.write_text("judul,url\nSebuah judul,https://example.com/a\n", encoding="utf-8")
    return {
        "png": (png, "PNG image"),
        "empty": (empty, "empty"),
        "garbled": (garbled, "undecodable"),
        "truncated": (truncated, "truncated gzip"),
        "no_text": (no_text, "no article text column"),
    }


def test_each_bad_file_is_reported_by_name_and_the_rest_imports(
    archive: Archive, tmp_path: Path, seed_file: Path
) -> None:
    bad = _bad_files(tmp_path / "bad")
    report = archive.import_paths([*(path for path, _ in bad.values()), seed_file])
    assert len(report.added) == 1 and report.added[0].path == str(seed_file)
    reasons = {Path(item.path).name: item.message for item in report.failed}
    for path, reason in bad.values():
        assert reason in reasons[path.name], (path.name, reasons.get(path.name))
    # nothing half-written: one article, one original, one index entry, all agreeing
    assert archive.count() == 1
    assert len(_originals(archive.path)) == 1
    assert archive.stats().indexed == 1
    assert archive.check().ok


def test_a_file_failing_midway_leaves_none_of_its_records(archive: Archive, tmp_path: Path) -> None:
    # a CSV whose quoting breaks after good rows: the file is one unit, all or nothing
    good = io.StringIO()
    writer = csv.DictWriter(good, fieldnames=list(ROW))
    writer.writeheader()
    for n in range(5):
        writer.writerow(dict(ROW, url=f"{ROW['url']}/{n}", isi_berita=f"Isi berita {n} utuh."))
    broken = tmp_path / "broken.csv"
    broken.write_text(good.getvalue() + '"unterminated,\x00', encoding="utf-8")
    report = archive.import_paths([broken])
    assert report.added == [] and len(report.failed) == 1
    assert archive.count() == 0 and _originals(archive.path) == []


def _dumps(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"berita-{n:02d}.txt"
        path.write_text(
            f"Judul Berita Nomor {n}\n\nJAKARTA - Isi berita nomor {n} yang "
            f"cukup panjang untuk dibaca.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_a_file_failing_amid_small_files_takes_only_its_own_records(
    archive: Archive, tmp_path: Path
) -> None:
    # small files share a savepoint: a file that breaks after good rows must not take the
    # files stored before it (or after it) down with it
    folder = tmp_path / "mixed"
    _dumps(folder, 6)
    good = "\n".join(
        json.dumps(dict(ROW, url=f"{ROW['url']}/{n}", isi_berita=f"Isi {n}.")) for n in range(150)
    ).encode()
    (folder / "berita-03-broken.jsonl.gz").write_bytes(gzip.compress(good)[:-40])
    report = archive.import_paths([folder])
    assert sorted(Path(i.path).name for i in report.added) == [
        f"berita-{n:02d}.txt" for n in range(6)
    ]
    assert [Path(i.path).name for i in report.failed] == ["berita-03-broken.jsonl.gz"]
    assert archive.count() == 6 and len(_originals(archive.path)) == 6
    assert archive.stats().indexed == 6 and archive.check().ok


def test_a_file_refused_before_storing_anything_costs_the_others_nothing(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive_app.usecases import import_file

    folder = tmp_path / "mixed"
    _dumps(folder, 4)
    (folder / "berita-02-scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    reads: list[str] = []
    extract_file = import_file.extract_file

    def counted(name: str, *args: object) -> object:
        reads.append(name)
        return extract_file(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(import_file, "extract_file", counted)
    report = archive.import_paths([folder])
    assert len(report.added) == 4 and [Path(i.path).name for i in report.failed] == [
        "berita-02-scan.txt"
    ]
    assert sorted(reads) == sorted(p.name for p in folder.iterdir())  # each file read once


def test_a_fault_while_saving_one_file_is_reported_and_the_others_are_kept(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive_app.db import new_articles

    record_to_dict = new_articles.record_to_dict  # a new article's version record

    def unsaveable_for_one(record: object) -> dict[str, object]:
        saved = record_to_dict(record)  # type: ignore[arg-type]
        if saved["title"] == "Judul Berita Nomor 2":
            saved["unsaveable"] = object()  # fails only when the session writes it
        return saved

    monkeypatch.setattr(new_articles, "record_to_dict", unsaveable_for_one)
    report = archive.import_paths(_dumps(tmp_path / "dumps", 5))
    assert sorted(i.title for i in report.added) == [
        f"Judul Berita Nomor {n}" for n in (0, 1, 3, 4)
    ]
    assert [Path(i.path).name for i in report.failed] == ["berita-02.txt"]
    assert "could not be imported" in report.failed[0].message
    assert archive.count() == 4 and len(_originals(archive.path)) == 4
    assert archive.check().ok


def test_cancel_inside_a_big_file_keeps_the_small_files_before_it(
    archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    _dumps(folder, 3)
    rows = [
        dict(ROW, url=f"{ROW['url']}/{n}", judul=f"Baris {n}", isi_berita=f"Isi baris {n}.")
        for n in range(400)
    ]
    _csv(folder / "z-table.csv", rows)
    token = CancelToken()

    def cancel_inside_the_table(progress: Progress) -> None:
        if progress.current.endswith("z-table.csv") and progress.articles >= 3 + 100:
            token.cancel()

    first = archive.import_paths([folder], cancel_inside_the_table, token)
    assert first.cancelled and len(first.added) == 3 and archive.count() == 3
    rerun = archive.import_paths([folder])
    assert len(rerun.added) == 400 and len(rerun.duplicates) == 3
    assert archive.count() == 403 and archive.check().ok


def test_a_disk_that_fails_as_files_are_made_durable_leaves_nothing_behind(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    for n in range(3):
        (folder / f"berita-{n}.txt").write_text(
            f"Judul Berita {n}\n\nJAKARTA - Isi berita nomor {n} yang cukup panjang.\n",
            encoding="utf-8",
        )

    def full_disk(staged: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(originals, "put_in_place", full_disk)
    report = archive.import_paths([folder])
    # the import stops: no file is blamed for the disk, one line says what the rest needs
    assert report.added == [] and report.failed == []
    assert report.stopped is not None and "is full: 3 files" in report.stopped
    assert archive.count() == 0 and _originals(archive.path) == []  # not even temporary files
    monkeypatch.undo()
    assert len(archive.import_paths([folder]).added) == 3  # the same files go in once it can
    assert len(_originals(archive.path)) == 3 and archive.check().ok


def test_a_record_without_text_is_reported_not_stored(archive: Archive, tmp_path: Path) -> None:
    report = archive.import_paths([_csv(tmp_path / "t.csv", [dict(ROW, isi_berita="  ")])])
    assert report.added == []
    assert report.failed[0].locator == "row 1"
    assert "no article text" in report.failed[0].message


def test_cancel_keeps_finished_files_and_a_rerun_resumes(
    archive: Archive, tmp_path: Path, seed_file: Path
) -> None:
    table = _csv(tmp_path / "t.csv", [ROW])
    token = CancelToken()

    def cancel_after_first_file(progress: Progress) -> None:
        if progress.done >= 1:
            token.cancel()

    first = archive.import_paths([seed_file, table], cancel_after_first_file, token)
    assert first.cancelled and len(first.added) == 1 and archive.count() == 1
    rerun = archive.import_paths([seed_file, table])
    assert len(rerun.added) == 1 and len(rerun.duplicates) == 1
    assert archive.count() == 2 and archive.check().ok


def test_missing_paths_are_reported(archive: Archive, tmp_path: Path) -> None:
    report = archive.import_paths([tmp_path / "nope.txt"])
    assert report.failed[0].message == "no such file or folder"


@pytest.mark.corpus
def test_folders_import_recursively_and_report_unsupported_formats(
    archive: Archive, tmp_path: Path, seed_file: Path
) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / seed_file.name).write_bytes(seed_file.read_bytes())
    (tmp_path / "a" / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "a" / ".hidden.txt").write_text("ignored")
    report = archive.import_paths([tmp_path / "a"])
    assert len(report.added) == 1
    assert [Path(i.path).name for i in report.failed] == ["scan.pdf"]
    assert "it is a PDF document" in report.failed[0].message


def test_syndicated_copies_are_linked_as_the_same_story(archive: Archive, tmp_path: Path) -> None:
    story = (
        "Pemerintah Kabupaten Gresik mengirimkan bantuan logistik kepada warga yang terdampak "
        "banjir luapan Kali Lamong sejak Selasa malam. Sebanyak sepuluh desa di Kecamatan "
        "Benjeng terendam dengan ketinggian air mencapai satu meter di beberapa titik.\n"
        "Kepala Pelaksana BPBD Gresik mengatakan petugas telah mendirikan dapur umum di balai "
        "desa dan menyiapkan perahu karet untuk mengevakuasi warga lanjut usia serta "
        "anak-anak yang masih bertahan di rumah mereka.\nHujan deras diperkirakan masih "
        "akan mengguyur "
        "wilayah Gresik dan Lamongan hingga akhir pekan, sehingga warga di bantaran sungai "
        "diminta tetap waspada terhadap kemungkinan banjir susulan."
    )
    rows = [
        dict(ROW, url="https://news.republika.co.id/a", isi_berita=story, sumber="republika"),
        dict(
            ROW,
            url="https://www.antaranews.com/b",
            isi_berita=story + " (ANTARA)",
            sumber="antaranews.com",
            judul="Sepuluh Desa di Gresik Terendam",
        ),
        dict(
            ROW,
            url="https://example.com/c",
            judul="Lain",
            isi_berita="Harga cabai rawit di pasar tradisional Surabaya naik dua kali lipat "
            "menjelang hari raya karena pasokan dari petani berkurang drastis.",
        ),
    ]
    report = archive.import_paths([_csv(tmp_path / "t.csv", rows)])
    first, second, third = (item.article_id or 0 for item in report.added)
    assert archive.article(first).same_story == [second]
    assert archive.article(second).same_story == [first]
    assert archive.article(third).same_story == []
    assert any("same story as article" in w.message for w in report.warnings)


def test_an_unusual_export_is_read_with_an_explicit_mapping(
    archive: Archive, tmp_path: Path
) -> None:
    odd = _csv(
        tmp_path / "odd.csv",
        [
            {
                "hed": "Banjir Gresik",
                "copy": "Air naik lagi.",
                "when": "10 Jun 2025",
                "link": "https://e.com/x",
            }
        ],
    )
    without = archive.import_paths([odd])
    assert "no article text column" in without.failed[0].message
    report = archive.import_paths([odd], columns={"title": "hed", "body": "copy", "date": "when"})
    record = archive.record(report.added[0].article_id or 0)
    assert (record["title"], record["body"], record["published"]) == (
        "Banjir Gresik",
        ["Air naik lagi."],
        "2025-06-10",
    )
    wrong = archive.import_paths([odd], columns={"body": "text"})
    assert "names a column 'text' the file does not have" in wrong.failed[0].message


def test_emoji_and_four_byte_characters_survive(archive: Archive, tmp_path: Path) -> None:
    text = "Warga merayakan kemenangan 🎉🇮🇩 di 𝕁𝕒𝕜𝕒𝕣𝕥𝕒, kata mereka 😀."
    report = archive.import_paths([_csv(tmp_path / "e.csv", [dict(ROW, isi_berita=text)])])
    assert archive.record(report.added[0].article_id or 0)["body"] == [text]
    assert archive.search("kemenangan").hits[0].id == report.added[0].article_id


def test_progress_reports_rate_and_time_left(
    archive: Archive, tmp_path: Path, seed_file: Path
) -> None:
    rows = [
        dict(
            ROW,
            url=f"{ROW['url']}/{n}",
            judul=f"Judul {n}",
            isi_berita=f"Isi berita nomor {n} yang lain.",
        )
        for n in range(250)
    ]
    seen: list[Progress] = []
    archive.import_paths([_csv(tmp_path / "a.csv", rows), seed_file], seen.append)
    assert seen[-1].phase == "done" and seen[-1].articles == 251
    assert seen[-1].bytes_done == seen[-1].bytes_total > 0
    assert all(a.seconds <= b.seconds for a, b in pairwise(seen))
    assert seen[-1].articles_per_second > 0
    assert any(p.bytes_done < p.bytes_total for p in seen)
