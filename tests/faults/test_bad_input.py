"""Bad input, one case at a time beside a good file: the bad one is named with its reason, the
good one imports, `check` stays clean and search finds the good article."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import struct
import threading
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from tests.faults.conftest import FaultRecorder
from tests.readonly import read_only

from archive_app.cli import main
from archive_app.domain.model import ImportItem, ImportReport
from archive_app.usecases.archive import Archive

GOOD = (
    "Banjir Kali Lamong Rendam Sepuluh Desa di Gresik\n\n"
    "Jumat, 17 Mei 2024 – 03:50 WIB\n\n"
    "GRESIK - Banjir luapan Kali Lamong merendam sepuluh desa di Kecamatan Benjeng sejak "
    "Selasa malam. Ketinggian air mencapai satu meter di beberapa titik, dan warga "
    "mengungsi ke balai desa.\n\n"
    "Pemerintah kabupaten mengirim perahu karet dan bantuan logistik kepada warga.\n"
)
GOOD_QUERY = '"kali lamong"'
OTHER = (
    "Gempa Mengguncang Bali Pagi Ini\n\n"
    "Sabtu, 18 Mei 2024 – 07:10 WITA\n\n"
    "DENPASAR - Gempa bermagnitudo 5,1 mengguncang Bali pagi ini. Warga berhamburan "
    "keluar rumah, tetapi belum ada laporan kerusakan berat.\n"
)
STORY = "<body><body.content><p>{text}</p></body.content></body>"


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it, what the report must say, what it adds."""

    name: str
    make: Callable[[Path], Path]  # writes the bad file into the folder; returns its path
    reason: str  # what the message must say
    outcome: str = "refused"  # refused, skipped, or imported (with a warning, or named)
    articles: int = 0  # articles the bad file itself adds (a zip's good member, a warning)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (40, 90, 160)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (the pixels are never there)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def gzip_bomb(unpacked: int) -> bytes:
    """`unpacked` zero bytes gzipped (about a thousandth of that), made a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join([*(packer.compress(block) for _ in range(unpacked >> 20)), packer.flush()])


def _garbled(folder: Path) -> Path:
    generator = random.Random(7)
    return _write(folder, "garbled.txt", bytes(generator.randrange(128, 256) for _ in range(4000)))


def _truncated_gzip(folder: Path) -> Path:
    rows = "\n".join(
        json.dumps({"judul": f"Judul {n}", "isi": f"Isi berita nomor {n}."}) for n in range(200)
    ).encode()
    return _write(folder, "berita.jsonl.gz", gzip.compress(rows)[:-40])


def _zip_slip(folder: Path) -> Path:
    return _write(
        folder, "slip.zip", _zip({"news/other.txt": OTHER.encode(), "../../evil.txt": b"evil"})
    )


def _zip_bomb(folder: Path) -> Path:
    return _write(folder, "bomb.zip", _zip({"bomb.txt": bytes(64 * 1024**2)}))


def _damaged_zip(folder: Path) -> Path:
    data = _zip({"story.txt": OTHER.encode() * 20})
    return _write(folder, "damaged.zip", data[: len(data) - 30])


def _damaged_image(folder: Path) -> Path:
    data = _jpeg()
    return _write(folder, "foto.jpg", data[: len(data) // 2])


def _xxe(folder: Path) -> Path:
    secret = folder.parent / "secret.txt"
    secret.write_text("RAHASIA")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<nitf>{STORY.format(text='&xxe;')}</nitf>"
    )
    return _write(folder, "xxe.xml", data.encode())


def _billion_laughs(folder: Path) -> Path:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    ]
    data = (
        f'<?xml version="1.0"?><!DOCTYPE nitf [{"".join(levels)}]>'
        f"<nitf>{STORY.format(text='&lol9;')}</nitf>"
    )
    return _write(folder, "laughs.xml", data.encode())


def _pipe(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)

    def unblock() -> None:  # should the walk ever open the pipe, it reads an end, not forever
        with open(path, "wb"):
            pass

    threading.Thread(target=unblock, daemon=True).start()
    return path


def _few_bad_bytes(folder: Path) -> Path:
    data = bytearray(OTHER.encode())
    for offset in (60, 120, 180):
        data[offset] = 0xFF
    return _write(folder, "gempa.txt", bytes(data))


def _name_not_utf8(folder: Path) -> Path:
    raw = os.fsencode(folder) + b"/gempa-\xff.txt"
    try:
        with open(raw, "wb") as stream:
            stream.write(OTHER.encode())
    except OSError as error:
        pytest.skip(f"this file system refuses a name that is not UTF-8 ({error})")
    return Path(os.fsdecode(raw))


def _deep_json(folder: Path) -> Path:
    return _write(folder, "deep.json", b'{"isi": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def _deep_xml(folder: Path) -> Path:
    inner = "<block>" * 2000 + "<p>x</p>" + "</block>" * 2000
    return _write(folder, "deep.xml", f"<nitf>{STORY.format(text=inner)}</nitf>".encode())


CASES = [
    Case(
        "binary file",
        lambda f: _write(f, "data.txt", os.urandom(64) + bytes(4000)),
        "not a file Arsip can read: it is binary data",
    ),
    Case("empty file", lambda f: _write(f, "kosong.txt", b""), "the file is empty"),
    Case("undecodable text", _garbled, "undecodable text"),
    Case("truncated .gz", _truncated_gzip, "truncated gzip file"),
    Case(
        "table without a text column",
        lambda f: _write(f, "kolom.csv", b"judul,url\nSebuah judul,https://example.com/a\n"),
        "no article text column",
    ),
    Case("damaged image", _damaged_image, "the image file is damaged or truncated"),
    Case(
        "pixel bomb",
        lambda f: _write(f, "huge.png", _png_declaring(50_000, 50_000)),
        "50,000 x 50,000 pixels",
    ),
    Case("damaged zip", _damaged_zip, "damaged zip file"),
    Case("zip slip", _zip_slip, "its path climbs out of the zip's folder", articles=1),
    Case("zip bomb", _zip_bomb, "zip bomb refused"),
    Case(
        "gzip bomb",
        lambda f: _write(f, "bomb.txt.gz", gzip_bomb(64 * 1024**2)),
        "gzip bomb refused: it would unpack to more than 200 times its compressed size",
    ),
    Case("XXE", _xxe, "external entity 'xxe'"),
    Case("billion laughs", _billion_laughs, "billion-laughs"),
    Case("JSON nested 100,000 deep", _deep_json, "not valid JSON (nested too deeply)"),
    Case("XML nested 2,000 deep", _deep_xml, "nested too deeply to read"),
    Case(
        "named pipe in a folder",
        _pipe,
        "skipped: a named pipe (FIFO), not a regular file",
        outcome="skipped",
    ),
    Case(
        "UTF-8 text with 3 bad bytes",
        _few_bad_bytes,
        "3 bytes were not valid UTF-8 (the first on line 3, at byte offset 60)",
        outcome="imported with a warning",
        articles=1,
    ),
    Case("file name not UTF-8", _name_not_utf8, "gempa-\\xff.txt", outcome="imported", articles=1),
]


def _about(report: ImportReport, case: Case, bad: Path, folder: Path) -> list[ImportItem]:
    """The report's items about the bad file (named as the report names files in a folder)."""
    shown = str(folder / bad.name) if case.outcome != "imported" else ""
    if case.outcome == "refused":
        return [i for i in report.failed if i.path == shown]
    if case.outcome in ("skipped", "imported with a warning"):
        return [i for i in report.warnings if i.path == shown]
    return [i for i in report.added if case.reason in i.path]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_named_and_the_good_file_imports(
    case: Case, tmp_path: Path, fault_case: FaultRecorder
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = case.make(folder)
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([folder])
        about = _about(report, case, bad, folder)
        assert about, (report.failed, report.warnings)
        message = about[0].message if case.outcome != "imported" else about[0].path
        assert case.reason in message, message
        good_added = [i.path for i in report.added].count(str(folder / "good.txt")) == 1
        check = archive.check()
        found = archive.search(GOOD_QUERY).total
        count = archive.count()
    nothing_lost = good_added and check.ok and found == 1 and count == 1 + case.articles
    fault_case(case.name, f"{case.outcome}: {message}", nothing_lost)
    assert good_added and check.ok and found == 1
    assert count == 1 + case.articles  # nothing of a refused file was kept


@pytest.mark.faults_slow
def test_a_1_gb_gzip_bomb_costs_little_memory(tmp_path: Path, fault_case: FaultRecorder) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    _write(folder, "bomb.txt.gz", gzip_bomb(1024**3))
    with Archive.open(tmp_path / "lib") as archive:
        tracemalloc.start()
        try:
            report = archive.import_paths([folder])
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        [failed] = report.failed
        found = archive.search(GOOD_QUERY).total
        ok = archive.check().ok
    # before: the whole gigabyte was inflated in memory before the file was refused
    assert failed.message.startswith("gzip bomb refused")
    assert peak < 100 * 1024**2
    fault_case(
        "gzip bomb of 1 GB",
        f"refused, {peak / 1024**2:.0f} MB at peak: {failed.message}",
        found == 1 and ok,
    )
    assert found == 1 and ok


QUERIES = [
    (
        "300 nested parentheses",
        "(" * 300 + "banjir" + ")" * 300,
        "the query nests more than 20 levels deep",
    ),
    (
        "900 minus signs in a row",
        "banjir " + "-" * 900 + "gempa",
        "the query nests more than 20 levels",
    ),
    (
        "150 x ba* in one query",
        " ".join(["ba*"] * 150),
        "too many wildcard and fuzzy terms (150; at most 10)",
    ),
    ("a query over 1,000 characters", "banjir " * 200, "the limit is 1,000"),
]


@pytest.fixture
def good_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    library = tmp_path / "lib"
    assert main(["--library", str(library), "import", str(good)]) == 0
    capsys.readouterr()
    return library


@pytest.mark.parametrize(("case", "query", "reason"), QUERIES, ids=[q[0] for q in QUERIES])
def test_a_pathological_query_gets_one_line(
    case: str,
    query: str,
    reason: str,
    good_library: Path,
    capsys: pytest.CaptureFixture[str],
    fault_case: FaultRecorder,
) -> None:
    code = main(["--library", str(good_library), "search", query])
    err = capsys.readouterr().err
    found = main(["--library", str(good_library), "search", GOOD_QUERY, "--json"]) == 0 and (
        json.loads(capsys.readouterr().out)["total"] == 1
    )
    fault_case(f"query: {case}", f"refused (exit {code}): {err.strip()}", found)
    assert code == 1 and err.count("\n") == 1 and reason in err
    assert found


@pytest.mark.sqlite_only(
    "a folder library's reader says its index is damaged; a team library's reader rebuilds it"
)
def test_a_read_only_library_refuses_writers_and_serves_readers(
    good_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fault_case: FaultRecorder,
) -> None:
    other = tmp_path / "gempa.txt"
    other.write_text(OTHER, encoding="utf-8")
    with read_only(good_library):
        code = main(["--library", str(good_library), "import", str(other)])
        err = capsys.readouterr().err
        found = main(["--library", str(good_library), "search", GOOD_QUERY, "--json"]) == 0 and (
            json.loads(capsys.readouterr().out)["total"] == 1
        )
    fault_case(
        "read-only library",
        f"import refused (exit {code}): {err.strip()}; search {'works' if found else 'fails'}",
        found,
    )
    assert code == 1 and err.count("\n") == 1 and "is read-only" in err
    assert found


def test_a_missing_index_segment_is_said_and_rebuilt(
    good_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fault_case: FaultRecorder,
) -> None:
    for segment in (good_library / "index").glob("*.seg"):
        segment.unlink()
    code = main(["--library", str(good_library), "search", GOOD_QUERY])
    said = capsys.readouterr().err
    other = tmp_path / "gempa.txt"
    other.write_text(OTHER, encoding="utf-8")
    imported = main(["--library", str(good_library), "import", str(other)]) == 0
    capsys.readouterr()
    found = main(["--library", str(good_library), "search", GOOD_QUERY, "--json"]) == 0 and (
        json.loads(capsys.readouterr().out)["total"] == 1
    )
    clean = main(["--library", str(good_library), "check"]) == 0
    fault_case(
        "missing index segment",
        f"search refused (exit {code}): {said.strip()}; the next import rebuilt the index",
        imported and found and clean,
    )
    if (good_library / ".arsip-team").is_file():
        # a team desktop's search answers from the team catalogue meanwhile (issue 14, 5)
        assert code == 0 and "Traceback" not in said
    else:
        assert code == 1 and said.count("\n") == 1 and "is damaged" in said
    assert imported and found and clean
