"""The ZIP of originals: file names, one copy per content, a manifest, changes reported."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from tests.conftest import corpus_path

from archive_app.domain.model import ArticleDetail
from archive_app.exports.originals_zip import write_originals_zip
from archive_app.usecases.archive import Archive


def _zip(
    details: list[ArticleDetail], library: Path, problems: list[str] | None = None
) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    buffer = io.BytesIO()
    found = [] if problems is None else problems
    assert write_originals_zip(buffer, details, library, found) == len(details)
    archive = zipfile.ZipFile(buffer)
    assert archive.testzip() is None
    manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    return archive, manifest


def test_originals_by_their_file_names_with_a_manifest(
    details: dict[str, ArticleDetail], export_library: Path
) -> None:
    archive, manifest = _zip(list(details.values()), export_library)
    names = sorted(archive.namelist())
    assert names == [
        "manifest-sha256.txt",
        "manifest.json",
        "originals/Bush-dog.jpg",
        "originals/jpnn-world-water-forum-2024.txt",
        "originals/rows.csv",
    ]
    seed = corpus_path("seed", "jpnn-world-water-forum-2024.txt").read_bytes()
    assert archive.read("originals/jpnn-world-water-forum-2024.txt") == seed
    files = {f["name"]: f for f in manifest["files"]}
    entry = files["jpnn-world-water-forum-2024.txt"]
    assert entry["sha256"] == hashlib.sha256(seed).hexdigest()
    assert entry["size"] == len(seed) and entry["status"] == "ok"
    assert entry["articles"] == [details["seed"].id]
    # the CSV holds two articles and is in the ZIP once
    assert files["rows.csv"]["articles"] == [details["row"].id, details["plain"].id]
    assert manifest["articles"] == [d.id for d in details.values()]
    lines = archive.read("manifest-sha256.txt").decode().splitlines()
    assert f"{entry['sha256']}  originals/jpnn-world-water-forum-2024.txt" in lines


def test_same_names_are_told_apart(tmp_path: Path) -> None:
    for folder, text in (("a", "first"), ("b", "second")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "rows.csv").write_text(
            f"title,content\n{text} story,The {text} body text of a story.\n", encoding="utf-8"
        )
    (tmp_path / "b" / "ROWS.CSV").write_text(
        "title,content\nThird,A third body text.\n", encoding="utf-8"
    )
    with Archive.open(tmp_path / "lib") as library:
        library.import_paths([tmp_path / "a", tmp_path / "b"])
        found = list(library.articles(library.article_ids("added")[::-1]))
        archive, manifest = _zip(found, library.path)
    names = [f["name"] for f in manifest["files"]]
    assert len(names) == 3 and len({n.casefold() for n in names}) == 3
    assert "rows.csv" in names
    assert any(n.startswith("rows-") and n.endswith(".csv") for n in names)
    assert all(f"originals/{n}" in archive.namelist() for n in names)


def test_a_changed_or_missing_original_is_reported(
    details: dict[str, ArticleDetail], export_library: Path, tmp_path: Path
) -> None:
    library = tmp_path / "copy"
    shutil.copytree(export_library, library)
    seed_source = details["seed"].source
    photo_source = details["photo"].source
    assert seed_source is not None and photo_source is not None
    assert seed_source.original_path is not None and photo_source.original_path is not None
    changed = library / seed_source.original_path
    changed.chmod(0o644)
    changed.write_bytes(changed.read_bytes() + b"tampered")
    (library / photo_source.original_path).unlink()
    problems: list[str] = []
    archive, manifest = _zip([details["seed"], details["photo"]], library, problems)
    files = {f["original_name"]: f for f in manifest["files"]}
    seed = files["jpnn-world-water-forum-2024.txt"]
    assert seed["status"] == "changed"
    assert seed["found_sha256"] == hashlib.sha256(changed.read_bytes()).hexdigest()
    assert archive.read("originals/jpnn-world-water-forum-2024.txt").endswith(b"tampered")
    assert files["Bush-dog.jpg"]["status"] == "missing"
    assert "originals/Bush-dog.jpg" not in archive.namelist()
    assert len(problems) == 2
    assert "has changed since it was imported" in problems[0] and "missing" in problems[1]
