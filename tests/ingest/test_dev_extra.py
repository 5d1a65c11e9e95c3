"""Other scrapers' files (dev-extra gold: text dumps, one-line bodies, comma-joined tables)
come out as the cataloguers read them, to issue 11's targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import GOLD, corpus_path

from archive_app.evaluation.runner import Evaluation, evaluate_gold


@pytest.fixture(scope="module")
def dev_extra() -> Evaluation:
    corpus_path("dev_extra")  # skips when ../shared/corpus is absent
    path: Path = GOLD / "dev-extra.json"
    if not path.exists():
        pytest.skip(f"needs ../shared/gold ({path} is not there)")
    return evaluate_gold(path)


def test_dev_extra_reaches_the_targets(dev_extra: Evaluation) -> None:
    assert len(dev_extra.records) == 20 and dev_extra.unmatched == []
    scores = dev_extra.overall.scores
    for field in ("title", "site", "published", "updated", "dateline_place", "language"):
        assert scores[field] >= 0.97, field
    for field in ("people", "signoff", "related"):
        assert scores[field] >= 0.95, field
    assert scores["body"] >= 0.98
    assert scores["paragraphs"] >= 0.90


def test_every_dev_extra_site_and_title_is_found(dev_extra: Evaluation) -> None:
    # the dumps' headline is their first line, the tables' site is only in the file's name
    for scored in dev_extra.records:
        assert scored.scores["title"] == 1.0, scored.joined.gold.label
        assert scored.scores["site"] == 1.0, scored.joined.gold.label
