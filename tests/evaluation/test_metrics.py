"""The scoring of gold/SCHEMA.md: exact scalars, set F1, body token F1, paragraphs matched."""

from __future__ import annotations

import pytest

from archive_app.evaluation.metrics import (
    exact,
    paragraphs_matched,
    set_f1,
    token_f1,
    tokens,
)


def test_exact_match_after_nfc_and_whitespace_folding() -> None:
    assert exact("Gaungkan  World Water\nForum", "Gaungkan World Water Forum") == 1.0
    assert exact("Café", "Cafe\u0301") == 1.0  # NFC: one code point or two
    assert exact(None, None) == 1.0  # null equals null
    assert exact(None, "") == 1.0  # an empty title is no title
    assert exact("Jakarta", "JAKARTA") == 0.0  # case is part of the value
    assert exact("2025-06-18T14:05:00+07:00", None) == 0.0


def test_set_f1() -> None:
    assert set_f1([], []) == 1.0  # both empty: nothing to find, nothing wrong
    assert set_f1([("chi",), ("jpnn",)], [("chi",), ("jpnn",)]) == 1.0
    assert set_f1([("a",), ("b",)], [("a",)]) == pytest.approx(2 / 3)
    assert set_f1([("a",)], []) == 0.0
    assert set_f1([], [("a",)]) == 0.0
    # three identical captions under three photos must all be found
    assert set_f1([("x", "Dok. Honda")] * 3, [("x", "Dok. Honda")]) == pytest.approx(0.5)


def test_token_f1_is_a_bag_of_lower_cased_words() -> None:
    assert tokens(["Harga emas NAIK,", "naik lagi."]) == ["harga", "emas", "naik", "naik", "lagi"]
    assert token_f1(["Harga emas naik."], ["harga EMAS naik"]) == 1.0
    assert token_f1(["a b c d"], ["a b"]) == pytest.approx(2 * 2 / (4 + 2))
    assert token_f1([], []) == 1.0
    assert token_f1(["a"], []) == 0.0


def test_paragraphs_matched_exactly() -> None:
    gold = ["Satu paragraf.", "Dua  paragraf.", "Tiga."]
    assert paragraphs_matched(gold, ["Satu paragraf.", "Dua paragraf.", "Tiga tambahan."]) == (2, 3)
    # a paragraph listed twice in the gold must be found twice
    assert paragraphs_matched(["X.", "X."], ["X."]) == (1, 2)
