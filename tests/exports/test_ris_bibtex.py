"""RIS and BibTeX, each read back by a well-kept parser (rispy, bibtexparser) and compared."""

from __future__ import annotations

import io
from typing import Any

import pytest
from tests.exports.conftest import HOSTILE_TITLE

from archive_app.domain.model import ArticleDetail
from archive_app.exports.bibtex import tex, write_bibtex
from archive_app.exports.keys import citation_key
from archive_app.exports.ris import write_ris

rispy = pytest.importorskip("rispy", reason="the RIS round trip needs rispy (test extra)")
bibtexparser = pytest.importorskip(
    "bibtexparser", reason="the BibTeX round trip needs bibtexparser 2"
)
middlewares = pytest.importorskip("bibtexparser.middlewares")


def _ris(details: list[ArticleDetail]) -> list[dict[str, Any]]:
    stream = io.StringIO(newline="")
    assert write_ris(stream, details) == len(details)
    text = stream.getvalue()
    assert "\r\n" in text and text.count("ER  - ") == len(details)
    entries: list[dict[str, Any]] = rispy.loads(text.replace("\r\n", "\n"))
    return entries


def test_ris_reads_back(details: dict[str, ArticleDetail], imported_on: str) -> None:
    seed, photo, row = _ris([details["seed"], details["photo"], details["row"]])
    assert seed["type_of_reference"] == "NEWS"
    assert seed["id"] == citation_key(details["seed"])
    assert seed["title"] == details["seed"].record.title
    assert seed["authors"] == ["Artada, Yessy"]
    assert seed["secondary_authors"] == ["Artada, Yessy"]  # the editor
    assert seed["secondary_title"] == "JPNN.com"
    assert seed["year"] == "2024" and seed["date"] == "2024/05/17/"
    assert seed["access_date"] == imported_on.replace("-", "/") + "/"
    assert seed["language"] == "id"
    assert "urls" not in seed
    assert photo["type_of_reference"] == "ART" and photo["authors"] == ["Laverty, Duane A."]
    assert row["urls"] == ["https://example.com/news/row-1"]
    assert row["title"] == HOSTILE_TITLE
    assert row["keywords"] == ["banjir", "Jakarta"]
    assert row["notes"] == ["Photographs: Agus Salim"]


def _bibtex(details: list[ArticleDetail]) -> dict[str, Any]:
    stream = io.StringIO()
    assert write_bibtex(stream, details) == len(details)
    library = bibtexparser.parse_string(
        stream.getvalue(),
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {entry.key: entry for entry in library.entries}


def test_bibtex_reads_back(details: dict[str, ArticleDetail], imported_on: str) -> None:
    entries = _bibtex(list(details.values()))
    assert list(entries) == [citation_key(d) for d in details.values()]  # unique, in order
    seed = entries[citation_key(details["seed"])]
    assert seed.entry_type == "article"
    assert seed["journal"] == "JPNN.com"
    assert seed["title"] == details["seed"].record.title
    assert seed["year"] == "2024" and seed["month"] == "may" and seed["date"] == "2024-05-17"
    (author,) = seed["author"]
    assert (author.first, author.last) == (["Yessy"], ["Artada"])
    (editor,) = seed["editor"]
    assert editor.last == ["Artada"]
    assert "url" not in seed.fields_dict and "urldate" not in seed.fields_dict
    row = entries[citation_key(details["row"])]
    # every TeX special escaped and decoded back (pylatexenc renders \textasciicircum as the
    # modifier letter ˆ, which TeX prints as ^)
    assert row["title"].replace("ˆ", "^") == HOSTILE_TITLE
    assert row["url"] == "https://example.com/news/row-1"
    assert row["urldate"] == imported_on
    assert row["keywords"] == "banjir, Jakarta"
    plain = entries[citation_key(details["plain"])]
    assert plain.entry_type == "misc"  # no publication known
    (perez,) = plain["author"]
    assert (perez.first, perez.last) == (["Ana", "María"], ["Pérez"])


def test_tex_escapes_every_special_character() -> None:
    assert tex("50% & $5 #1 a_b {x} ~ ^ \\") == (
        r"50\% \& \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    assert tex("line\nbreak\x0b") == "line break"


def test_bibtex_braces_one_word_and_and_names(details: dict[str, ArticleDetail]) -> None:
    import dataclasses

    from archive_app.domain.model import PersonRole

    record = dataclasses.replace(
        details["plain"].record,
        people=[PersonRole("Sukarno", "author"), PersonRole("Tim and Co", "author")],
    )
    detail = dataclasses.replace(details["plain"], record=record)
    stream = io.StringIO()
    write_bibtex(stream, [detail])
    assert "author = {{Sukarno} and {Tim and Co}}" in stream.getvalue()
    (entry,) = bibtexparser.parse_string(
        stream.getvalue(), append_middleware=[middlewares.SeparateCoAuthors()]
    ).entries
    assert entry["author"] == ["{Sukarno}", "{Tim and Co}"]
