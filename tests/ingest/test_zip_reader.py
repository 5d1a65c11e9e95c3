"""Zip files: members read like files on disk, addressed by their path in the zip, and the
zips that must not be read refused with a clear reason (escaping paths, bombs, encryption)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.errors import ReadError
from archive_app.ingest.extract import Extracted, extract_file
from archive_app.ingest.raw import Member, RawFailure
from archive_app.ingest.readers.zip_archive import read_zip

SAVED_PAGE = b"""<!doctype html><html lang="en"><head><title>Floods close the coast road</title>
</head><body><article><h1>Floods close the coast road</h1>
<figure><img src="story_files/dog.jpg"><figcaption>A dog waits by the closed road.
(Photo: Jane Reporter/News Example)</figcaption></figure>
<p>Heavy rain closed the coast road on Tuesday, and officials said it would stay shut for days
while crews cleared the mud.</p>
<p>Residents were told to stay indoors as the river rose above its banks for the second time
this month, the council said.</p>
<p>The weather service expects more rain through the weekend, with the heaviest falls along the
coast and in the hills.</p></article></body></html>"""


def _zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _members(data: bytes) -> list[Member | RawFailure]:
    return list(read_zip(data))


@pytest.fixture
def corpus_zip() -> bytes:
    seed = corpus_path("seed", "jpnn-world-water-forum-2024.txt").read_bytes()
    table = corpus_path("id_csv", "gikirima_berita_republika.csv").read_bytes()
    jpeg = corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()
    inner = _zip({"old/seed.txt": seed})
    return _zip(
        {
            "news/": b"",
            "news/seed.txt": seed,
            "news/republika.csv": table,
            "news/story.html": SAVED_PAGE,
            "news/story_files/dog.jpg": jpeg,
            "news/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "__MACOSX/news/._story.html": b"\x00\x05\x16\x07",
            "news/archive.zip": inner,
        }
    )


def _by_member(items: list[Extracted]) -> dict[str, list[Extracted]]:
    found: dict[str, list[Extracted]] = {}
    for item in items:
        found.setdefault(item.member or "", []).append(item)
    return found


def test_members_read_like_files_on_disk(corpus_zip: bytes) -> None:
    extracted = extract_file("bundle.zip", corpus_zip)
    assert extracted.format == "zip"
    found = _by_member(list(extracted.items))
    # directories, .DS_Store, __MACOSX and the page's _files folder are no articles
    assert sorted(found) == [
        "news/archive.zip/old/seed.txt",
        "news/republika.csv",
        "news/seed.txt",
        "news/story.html",
    ]
    assert all(i.record is not None for items in found.values() for i in items)
    seed = found["news/seed.txt"][0]
    assert seed.format == "text" and seed.record is not None
    assert seed.record.title.startswith("Gaungkan World Water Forum 2024")
    rows = found["news/republika.csv"]
    assert [r.locator for r in rows][:2] == ["row 1", "row 2"] and len(rows) == 12
    nested = found["news/archive.zip/old/seed.txt"][0]
    assert nested.record is not None and nested.record.title == seed.record.title


def test_saved_page_finds_its_files_folder_in_the_zip(corpus_zip: bytes) -> None:
    jpeg = corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()
    members = {m.path: m for m in _members(corpus_zip) if isinstance(m, Member)}
    page = members["news/story.html"]
    assert page.resolve is not None
    assert page.resolve("story_files/dog.jpg") == jpeg
    assert page.resolve("../news/story_files/dog.jpg") == jpeg
    assert page.resolve("../../etc/passwd") is None  # never leaves the zip
    assert page.resolve("https://news.example/story_files/dog.jpg") is None
    items = list(extract_file("bundle.zip", corpus_zip).items)
    story = next(i for i in items if i.member == "news/story.html")
    assert story.record is not None
    assert story.record.photos[0].caption == "A dog waits by the closed road."
    assert story.photo_data[0] == jpeg


def test_files_folder_without_its_page_is_imported() -> None:
    members = _members(_zip({"orphan_files/note.txt": b"A note that is its own file.\n"}))
    assert [m.path for m in members if isinstance(m, Member)] == ["orphan_files/note.txt"]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("../../evil.txt", 'refused: its path climbs out of the zip\'s folder ("..")'),
        ("/etc/cron.d/evil", "refused: its path is absolute"),
        ("C:/Windows/evil.txt", "refused: its path names a drive"),
        ("..\\..\\evil.txt", 'refused: its path climbs out of the zip\'s folder ("..")'),
        ("news/../../evil.txt", 'refused: its path climbs out of the zip\'s folder ("..")'),
    ],
)
def test_zip_slip_is_refused(name: str, reason: str) -> None:
    data = _zip({"news/fine.txt": b"A fine story, kept.\n", name: b"evil"})
    members = _members(data)
    assert [m.path for m in members if isinstance(m, Member)] == ["news/fine.txt"]
    failures = [(f.member, f.reason) for f in members if isinstance(f, RawFailure)]
    assert failures == [(name.replace("\\", "/"), reason)]


def _patch_central(
    data: bytes, name: bytes, *, size: int | None = None, flags: int | None = None
) -> bytes:
    """Rewrite a member's central-directory entry (what zipfile trusts) in place."""
    start = 0
    while True:
        start = data.index(b"PK\x01\x02", start)
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == name:
            break
        start += 4
    patched = bytearray(data)
    if size is not None:
        struct.pack_into("<I", patched, start + 24, size)
    if flags is not None:
        struct.pack_into("<H", patched, start + 8, flags)
    return bytes(patched)


def test_bomb_by_ratio_is_refused_before_decompressing() -> None:
    """A few KB that unpack to 64 MB of zeros: refused from its declared sizes."""
    data = _zip({"story.txt": b"A real story.\n", "bomb.txt": bytes(64 * 1024**2)})
    assert len(data) < 100_000
    members = _members(data)
    failures = {f.member: f.reason for f in members if isinstance(f, RawFailure)}
    assert failures["bomb.txt"].startswith("zip bomb refused: the member would unpack")
    assert [m.path for m in members if isinstance(m, Member)] == ["story.txt"]


def test_bomb_declaring_gigabytes_is_refused() -> None:
    data = _zip({"a.txt": b"x" * 1000, "b.txt": b"y" * 1000})
    claimed = _patch_central(
        _patch_central(data, b"a.txt", size=0xFFFF0000), b"b.txt", size=0xFFFF0000
    )
    assert len(claimed) < 1000
    with pytest.raises(ReadError, match=r"zip bomb refused: its members declare 8\.0 GB"):
        _members(claimed)


def test_bomb_fails_the_file_with_its_reason(tmp_path: Path) -> None:
    """Through the importer: the zip is one failed file, the other files import."""
    from archive_app.usecases.archive import Archive

    data = _zip({"a.txt": b"x" * 1000, "b.txt": b"y" * 1000})
    (tmp_path / "claims.zip").write_bytes(
        _patch_central(_patch_central(data, b"a.txt", size=0xFFFF0000), b"b.txt", size=0xFFFF0000)
    )
    (tmp_path / "story.txt").write_text(
        "A headline\n\nA story that imports beside the bomb, with enough words to be an article.\n"
    )
    archive = Archive.open(tmp_path / "library")
    try:
        report = archive.import_paths([tmp_path / "claims.zip", tmp_path / "story.txt"])
    finally:
        archive.close()
    assert [(Path(f.path).name, f.message) for f in report.failed] == [
        (
            "claims.zip",
            "zip bomb refused: its members declare 8.0 GB uncompressed, over the 2.0 GB limit",
        )
    ]
    assert len(report.added) == 1


def test_member_lying_about_its_size_is_refused() -> None:
    """The bytes are counted while decompressing: a member that declares less than it holds
    never gets through."""
    data = _zip({"story.txt": b"A real story.\n", "liar.txt": b"z" * 200_000})
    lying = _patch_central(data, b"liar.txt", size=1000)
    members = _members(lying)
    failures = {f.member: f.reason for f in members if isinstance(f, RawFailure)}
    # zipfile stops at the declared size, and the checksum then gives the lie away
    assert failures["liar.txt"] == "the member is damaged (Bad CRC-32 for file 'liar.txt')"
    assert [m.path for m in members if isinstance(m, Member)] == ["story.txt"]


def test_encrypted_member_is_refused() -> None:
    data = _zip({"secret.txt": b"password protected", "open.txt": b"An open story.\n"})
    locked = _patch_central(data, b"secret.txt", flags=0x1)
    members = _members(locked)
    assert [(f.member, f.reason) for f in members if isinstance(f, RawFailure)] == [
        ("secret.txt", "the member is encrypted (password-protected); Arsip cannot read it")
    ]
    assert [m.path for m in members if isinstance(m, Member)] == ["open.txt"]


def test_damaged_zip_is_refused_whole() -> None:
    data = _zip({"story.txt": b"A story.\n" * 100})
    with pytest.raises(ReadError, match="damaged zip file"):
        _members(data[: len(data) - 30])


def test_damaged_member_does_not_cost_the_others() -> None:
    data = bytearray(
        _zip({"bad.txt": b"the quick brown fox " * 500, "good.txt": b"A good story.\n"})
    )
    start = data.index(b"bad.txt") + len(b"bad.txt")
    data[start + 10 : start + 40] = b"\xff" * 30  # scramble the compressed stream
    members = _members(bytes(data))
    failures = {f.member: f.reason for f in members if isinstance(f, RawFailure)}
    assert failures["bad.txt"].startswith("the member is damaged")
    assert [m.path for m in members if isinstance(m, Member)] == ["good.txt"]


def test_zip_inside_zip_inside_zip_is_limited() -> None:
    level = _zip({"story.txt": b"A story at the bottom.\n"})
    for depth in range(4):
        level = _zip({f"level{depth}.zip": level})
    items = list(extract_file("deep.zip", level).items)
    assert len(items) == 1 and items[0].failure == "containers nested more than 3 deep"
