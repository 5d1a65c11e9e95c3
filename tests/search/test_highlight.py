"""What the reader marks comes from the parsed query and the index's stemmer, not from patterns
over the query text: word families, whole phrases, nothing excluded, no field values."""

from __future__ import annotations

from archive_app.usecases.archive import Archive

TEXTS = (
    "Pemilihan kepala desa di Gresik",
    "Warga memilih pilihan mereka di balai desa. Kepala desa baru dilantik pekan depan.",
    "The elections were held; voters elected a new village head.",
)


def test_an_indonesian_word_marks_its_whole_family_as_the_index_matches_it() -> None:
    assert Archive.highlight_terms("pemilihan", TEXTS) == ["Pemilihan", "memilih", "pilihan"]


def test_an_english_word_marks_its_stemmed_forms() -> None:
    assert Archive.highlight_terms("election", TEXTS) == ["elections", "elected"]


def test_a_phrase_is_marked_as_a_phrase_not_word_by_word() -> None:
    assert Archive.highlight_terms('"kepala desa"', TEXTS) == ["kepala desa", "Kepala desa"]
    assert "desa" not in Archive.highlight_terms('"kepala desa"', TEXTS)


def test_excluded_words_field_values_and_dates_are_not_marked() -> None:
    marks = Archive.highlight_terms(
        "warga -balai NOT gresik site:desa.id tag:kepala lang:id date:2024 review:any", TEXTS
    )
    assert marks == ["Warga"]


def test_a_field_name_is_not_marked_but_the_word_searched_in_it_is() -> None:
    assert Archive.highlight_terms("title:pemilihan", TEXTS) == [
        "Pemilihan",
        "memilih",
        "pilihan",
    ]
    assert Archive.highlight_terms("title:", ("title: a title",)) == []


def test_prefixes_and_a_query_that_cannot_be_read() -> None:
    assert Archive.highlight_terms("pilih*", TEXTS) == ["pilihan"]
    assert Archive.highlight_terms('"kepala', TEXTS) == []  # an unclosed quote marks nothing
    assert Archive.highlight_terms("", TEXTS) == []
