"""People as an authority: merge spellings (both still found), split a wrong merge, sign-offs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.usecases.test_import import ROW, _csv

from archive_app.domain.errors import ArchiveError
from archive_app.usecases.archive import Archive


@pytest.fixture
def library(library_target: str, tmp_path: Path, seed_file: Path) -> Iterator[Archive]:
    rows = [
        dict(
            ROW,
            url="https://news.republika.co.id/a",
            author="Y. Artada",
            isi_berita="REPUBLIKA.CO.ID, JAKARTA -- Berita pertama tentang banjir di Jakarta.",
        ),
        dict(
            ROW,
            url="https://news.republika.co.id/b",
            author="Andri Saubani",
            isi_berita="REPUBLIKA.CO.ID, JAKARTA -- Berita kedua tentang gempa di Cianjur.",
        ),
    ]
    with Archive.open(library_target) as archive:
        archive.import_paths([seed_file, _csv(tmp_path / "t.csv", rows)])
        yield archive


def _names(archive: Archive, article_id: int) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in archive.article(article_id).record.people]


def test_merging_two_spellings_keeps_both_findable_and_can_be_undone(library: Archive) -> None:
    assert library.counts('person:"Y. Artada"').total == 1
    library.merge_people("Yessy Artada", "Y. Artada")
    people = {p.name: p for p in library.people()}
    assert "Y. Artada" not in people
    assert people["Yessy Artada"].aliases == ("Y. Artada",)
    assert people["Yessy Artada"].articles == 2
    assert people["Yessy Artada"].roles == {"editor": 1, "reporter": 1, "author": 1}
    # the old spelling and the authority name both find both articles now
    assert library.counts('person:"Y. Artada"').total == 2
    assert library.counts('person:"Yessy Artada"').total == 2
    assert ("Yessy Artada", "author") in _names(library, 2)
    assert [h.field for h in library.history(2)] == ["people"]
    library.undo()
    assert {p.name for p in library.people()} >= {"Y. Artada", "Yessy Artada"}
    assert library.counts('person:"Yessy Artada"').total == 1
    assert ("Y. Artada", "author") in _names(library, 2)
    library.redo()
    assert library.counts('person:"Yessy Artada"').total == 2
    assert library.check().ok


def test_splitting_a_wrong_merge(library: Archive) -> None:
    library.merge_people("Andri Saubani", "Y. Artada")
    assert ("Andri Saubani", "author") in _names(library, 2)
    library.split_person("Y. Artada")
    assert ("Y. Artada", "author") in _names(library, 2)
    assert ("Andri Saubani", "author") in _names(library, 3)
    assert {p.name: p.aliases for p in library.people()}["Andri Saubani"] == ()


def test_merging_refuses_unknown_or_identical_people(library: Archive) -> None:
    with pytest.raises(ArchiveError, match="nobody called"):
        library.merge_people("Yessy Artada", "Nobody Here")
    with pytest.raises(ArchiveError, match="already the same person"):
        library.merge_people("Yessy Artada", "yessy  artada")


def test_a_signoff_code_names_an_editor_for_one_site(library: Archive) -> None:
    library.attach_signoff("jpnn.com", "chi", "Chika Ayu")
    assert ("Chika Ayu", "editor") in _names(library, 1)
    assert library.counts('editor:"Chika Ayu"').total == 1
    people = {p.name: p for p in library.people()}
    assert people["Chika Ayu"].signoff_codes == ("chi@jpnn.com",)
    with pytest.raises(ArchiveError, match="already attached"):
        library.attach_signoff("jpnn.com", "chi", "Someone Else")
    library.undo()
    assert ("Chika Ayu", "editor") not in _names(library, 1)
    assert library.counts('editor:"Chika Ayu"').total == 0


def test_places_group_spellings_and_librarians_extend_them(
    library_target: str, tmp_path: Path
) -> None:
    rows = [
        dict(
            ROW,
            url=f"https://example.com/{n}",
            judul=f"Judul {n}",
            isi_berita=f"Isi berita nomor {n} yang cukup panjang untuk diimpor.",
        )
        for n in range(4)
    ]
    with Archive.open(library_target) as archive:
        report = archive.import_paths([_csv(tmp_path / "t.csv", rows)])
        ids = [item.article_id or 0 for item in report.added]
        for article_id, printed in zip(
            ids, ["JAKARTA", "Jakarta", "DKI Jakarta", "Jkt"], strict=True
        ):
            archive.edit(article_id, {"dateline_place": printed})
        assert ("Jakarta", 3, ("DKI Jakarta", "JAKARTA", "Jakarta")) in archive.places()
        assert dict(archive.counts("isi").facets["place"]) == {"Jakarta": 3, "Jkt": 1}
        archive.add_place_alias("Jkt", "Jakarta")
        assert ("Jakarta", 4, ("DKI Jakarta", "JAKARTA", "Jakarta", "Jkt")) in archive.places()
        assert archive.counts("place:jakarta").total == 4
        archive.undo()
        assert archive.counts("place:jakarta").total == 3
