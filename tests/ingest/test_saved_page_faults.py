"""Saved pages from sites nobody tuned for (../shared/corpus/html_truth): the headline without
its kicker or the site's name, people without the outlet named beside them, the body without
bylines, promotions and teasers, and photos that are the article's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.core.model import CatalogueRecord
from archive_app.ingest.extract import extract_file

pytestmark = pytest.mark.corpus


def fundus(country: str, name: str) -> CatalogueRecord:
    return _record(corpus_path("html_truth", "fundus", country, f"{name}.html.gz"))


def benchmark(prefix: str) -> CatalogueRecord:
    folder = corpus_path("html_truth", "article-extraction-benchmark", "html")
    (path,) = folder.glob(f"{prefix}*.html.gz")
    return _record(path)


def _record(path: Path) -> CatalogueRecord:
    (item,) = extract_file(path.name, path.read_bytes(), path).items
    assert item.record is not None, item.failure
    return item.record


def people(record: CatalogueRecord, role: str) -> list[str]:
    return [p.name for p in record.people if p.role == role]


# --- titles -----------------------------------------------------------------------------------

def test_kicker_and_site_name_around_the_headline_are_not_the_title() -> None:
    """The Times of India's social title is "Kicker: Headline | Section - Site"; the page's
    heading is the headline alone."""
    record = fundus("ind", "TimesOfIndia_2026_04_16")
    assert record.title == ("Newborns left in dustbins, buses, forests: Madhya Pradesh tops "
                            "India in infant abandonment cases for 5th straight year")


def test_opinion_kicker_is_not_part_of_the_title() -> None:
    # the New York Times: og:title "Opinion | Republicans Are Following Trump to Nowhere"
    assert benchmark("04a6711c").title == "Republicans Are Following Trump to Nowhere"


def test_site_name_heading_is_not_the_title() -> None:
    """Entermedia sets its name as the page's only <h1> (a link to the front page); the
    headline is a <dt> that the <title> repeats before " - Entermedia"."""
    assert benchmark("0ec95c72").title == "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유"


def test_byline_after_the_headline_in_the_social_title() -> None:
    record = fundus("us", "TheGatewayPundit_2023_04_28")
    assert record.title == ("New Plot Twist in Idaho Quadruple Murders Case: Surviving Roommate "
                            "Agrees to Interview with Kohberger’s Defense Lawyers")
