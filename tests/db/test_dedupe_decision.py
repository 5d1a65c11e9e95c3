"""The dedupe verdict from what is stored, with no database."""

from __future__ import annotations

from archive_app.db.dedupe_decision import Verdict, decide


def test_an_address_with_the_same_text_is_a_duplicate() -> None:
    assert decide(frozenset({"a", "b"}), "b", text_known=False) is Verdict.DUPLICATE


def test_an_address_with_other_texts_is_a_new_version() -> None:
    assert decide(frozenset({"a"}), "b", text_known=False) is Verdict.NEW_VERSION


def test_an_address_match_decides_alone() -> None:
    assert decide(frozenset({"a"}), "b", text_known=True) is Verdict.NEW_VERSION


def test_a_known_text_without_an_address_is_a_duplicate() -> None:
    assert decide(None, "b", text_known=True) is Verdict.DUPLICATE


def test_an_unknown_address_and_text_is_new() -> None:
    assert decide(None, "b", text_known=False) is Verdict.NEW
