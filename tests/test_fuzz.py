"""Property-based fuzzing: any query text either parses or gets a QueryError (and a parsed query
runs against a real index), and any table bytes give records, failures or a ReadError; never
another exception. Derandomized and bounded, so a failure reproduces and the file stays quick."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive_app.domain.errors import QueryError, ReadError
from archive_app.domain.query import Node, parse
from archive_app.ingest.context import ReadContext
from archive_app.ingest.extract import extract_file
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers.tables import read_csv, read_json, read_json_lines
from archive_app.usecases.archive import Archive

# the same examples on every run (a failure reproduces), no example database left behind, and
# no per-example deadline: the machine running the suite may be busy
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# what people (and mistakes) put in queries: operators, fields, dates, markers, odd characters
_QUERY_PARTS = st.sampled_from(
    [
        "banjir",
        "gempa",
        "Jakarta",
        "kali",
        "lamong",
        "presid*",
        "ba*",
        "*",
        "jakrta~",
        "x~2",
        "~",
        "~9",
        "OR",
        "AND",
        "NOT",
        "-",
        "(",
        ")",
        '"',
        '"kali lamong"',
        '"a b"~3',
        "title:",
        "body:",
        "person:",
        "site:",
        "site:detik",
        "tag:",
        "lang:en",
        "date:",
        "date:2024",
        "date:2024-05",
        "date:2024-02-30",
        "date:2024..2023",
        "date:>2024-01-01",
        "date:<=",
        "before:2024",
        "after:2024-13",
        "writer:",
        "http://x.y/z",
        ":",
        "..",
        "é",
        "İ",
        "ß",
        "\u200b",
        "\x00",
        "日本",
        "🌊",
        "yang",
        "the",
        "K-Pop",
        "liputan6.com",
        "'s",
    ]
)
QUERIES = st.one_of(
    st.lists(_QUERY_PARTS, max_size=12).map(" ".join),
    st.lists(_QUERY_PARTS, max_size=12).map("".join),
    st.text(max_size=40),
    st.text(alphabet='ab()"*~-: ORNT', max_size=60),
)

GOOD = (
    "Banjir Kali Lamong Rendam Sepuluh Desa di Gresik\n\n"
    "Jumat, 17 Mei 2024 – 03:50 WIB\n\n"
    "GRESIK - Banjir luapan Kali Lamong merendam sepuluh desa di Kecamatan Benjeng.\n"
)
OTHER = (
    "Gempa Mengguncang Bali Pagi Ini\n\n"
    "Sabtu, 18 Mei 2024 – 07:10 WITA\n\n"
    "DENPASAR - Gempa bermagnitudo 5,1 mengguncang Bali. Presiden meninjau lokasi.\n"
)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """A real library of two articles, opened read-only as `search` opens it."""
    folder = tmp_path_factory.mktemp("fuzz")
    for name, text in (("banjir.txt", GOOD), ("gempa.txt", OTHER)):
        (folder / name).write_text(text, encoding="utf-8")
    with Archive.open(folder / "lib") as archive:
        assert len(archive.import_paths([folder / "banjir.txt", folder / "gempa.txt"]).added) == 2
    with Archive.open(folder / "lib", readonly=True) as archive:
        yield archive


def _parsed(text: str) -> Node | None:
    try:
        return parse(text)
    except QueryError as error:
        assert str(error)  # a message a person can read
        return None


@settings(FUZZ, max_examples=600)
@given(QUERIES)
@example("(" * 300 + "a" + ")" * 300)
@example(" ".join(["ba*"] * 150))
@example("-" * 999 + "a")
def test_any_query_text_parses_or_says_what_is_wrong(text: str) -> None:
    _parsed(text)


@settings(FUZZ, max_examples=400)
@given(QUERIES)
def test_a_parsed_query_runs_against_a_real_index(small_library: Archive, text: str) -> None:
    if _parsed(text) is None:
        return
    try:
        page = small_library.search(text, limit=5)
        counts = small_library.counts(text)
    except QueryError as error:  # a word with nothing to search for, too many expansions
        assert str(error)
        return
    assert 0 <= page.total <= 2 and counts.total == len(small_library.matching_ids(text))


_CELLS = st.one_of(
    st.sampled_from(
        [
            "judul",
            "title",
            "isi",
            "isi_berita",
            "body",
            "content",
            "tanggal",
            "date",
            "url",
            "author",
            "penulis",
            "2024-05-17",
            "17 Mei 2024 03:50 WIB",
            "https://jpnn.com/a",
            "Banjir di Gresik",
            "",
            " ",
            '"',
            '""',
            ",",
            ";",
            "\t",
            "\n",
            "\r\n",
            "|",
            "null",
            "[1,2]",
            "\ufeff",
            "\x00",
            "é",
        ]
    ),
    st.text(max_size=12),
)
CSV_BYTES = st.one_of(
    st.lists(st.lists(_CELLS, max_size=6).map(",".join), max_size=6).map(
        lambda rows: "\n".join(rows).encode()
    ),
    st.lists(_CELLS, max_size=30).map(lambda cells: "".join(cells).encode("utf-8")),
    st.binary(max_size=200),
)
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _CELLS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_CELLS, inner, max_size=5),
    max_leaves=20,
)
JSON_BYTES = st.one_of(
    _JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.lists(_JSON_VALUES, max_size=4).map(
        lambda rows: "\n".join(json.dumps(r) for r in rows).encode()
    ),
    st.tuples(_JSON_VALUES, st.integers(0, 40)).map(  # a document cut short
        lambda pair: json.dumps(pair[0]).encode()[: pair[1]]
    ),
    st.binary(max_size=200),
)
Reader = Callable[[bytes, ReadContext | None], Iterator[RawArticle | RawFailure]]


def _read_all(reader: Reader, data: bytes) -> list[Any]:
    try:
        found = list(reader(data, ReadContext("fuzz")))
    except ReadError as error:
        assert str(error)
        return []
    assert all(isinstance(item, RawArticle | RawFailure) for item in found)
    return found


def _extract_all(name: str, data: bytes) -> None:
    """The whole path a file takes: detection, the reader, the normaliser."""
    try:
        for item in extract_file(name, data).items:
            assert item.record is not None or item.failure
    except ReadError as error:
        assert str(error)


@settings(FUZZ, max_examples=250)
@given(CSV_BYTES)
def test_any_csv_bytes_give_records_or_reasons(data: bytes) -> None:
    _read_all(read_csv, data)
    _extract_all("fuzz.csv", data)


@settings(FUZZ, max_examples=250)
@given(JSON_BYTES)
@example(b"[" * 100_000 + b"]" * 100_000)
def test_any_json_bytes_give_records_or_reasons(data: bytes) -> None:
    _read_all(read_json, data)
    _read_all(read_json_lines, data)
    _extract_all("fuzz.json", data)
    _extract_all("fuzz.jsonl", data)
