"""APA and Chicago citations, as plain text and as HTML with italics."""

from __future__ import annotations

import dataclasses

import pytest
from tests.exports.conftest import HOSTILE_TITLE

from archive_app.domain.errors import ExportError
from archive_app.domain.model import ArticleDetail, PersonRole
from archive_app.exports.citations import cite

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"


def _long(day: str) -> str:
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    year, month, date = (int(x) for x in day.split("-"))
    return f"{months[month - 1]} {date}, {year}"


def test_the_seed_in_apa(details: dict[str, ArticleDetail]) -> None:
    seed = details["seed"]
    assert cite(seed, "apa") == f"Artada, Y. (2024, May 17). {SEED_TITLE}. JPNN.com."
    assert cite(seed, "apa", html=True) == (
        f"Artada, Y. (2024, May 17). {SEED_TITLE}. <i>JPNN.com</i>."
    )


def test_the_seed_in_chicago(details: dict[str, ArticleDetail]) -> None:
    seed = details["seed"]
    # no URL: nothing to have accessed, so no access date either
    assert cite(seed, "chicago") == f"Artada, Yessy. “{SEED_TITLE}.” JPNN.com, May 17, 2024."
    assert cite(seed, "chicago", html=True) == (
        f"Artada, Yessy. “{SEED_TITLE}.” <i>JPNN.com</i>, May 17, 2024."
    )
    assert cite(seed, "chicago-note") == f"Yessy Artada, “{SEED_TITLE},” JPNN.com, May 17, 2024."


def test_with_a_url_and_an_accessed_date(
    details: dict[str, ArticleDetail], imported_on: str
) -> None:
    record = dataclasses.replace(details["seed"].record, url="https://www.jpnn.com/news/x")
    seed = dataclasses.replace(details["seed"], record=record)
    assert cite(seed, "apa").endswith("JPNN.com. https://www.jpnn.com/news/x")
    assert cite(seed, "chicago").endswith(
        f"JPNN.com, May 17, 2024. Accessed {_long(imported_on)}. https://www.jpnn.com/news/x."
    )
    assert cite(seed, "chicago-note").endswith(
        f"May 17, 2024, accessed {_long(imported_on)}, https://www.jpnn.com/news/x."
    )


def test_the_site_stands_in_for_a_missing_author(details: dict[str, ArticleDetail]) -> None:
    record = dataclasses.replace(details["seed"].record, people=[])
    unsigned = dataclasses.replace(details["seed"], record=record)
    assert cite(unsigned, "apa") == f"JPNN.com. (2024, May 17). {SEED_TITLE}."
    assert cite(unsigned, "chicago", html=True) == (
        f"<i>JPNN.com</i>. “{SEED_TITLE}.” May 17, 2024."
    )


def test_nothing_known_but_the_title(details: dict[str, ArticleDetail]) -> None:
    plain = details["plain"]
    record = dataclasses.replace(plain.record, people=[], published=None)
    bare = dataclasses.replace(plain, record=record)
    assert cite(bare, "apa") == "Second Row Story. (n.d.)."
    assert cite(bare, "chicago") == "“Second Row Story.” n.d."


def test_several_authors(details: dict[str, ArticleDetail]) -> None:
    people = [PersonRole(n, "reporter") for n in ("Budi Santoso", "Siti Aminah", "Ana Pérez")]
    record = dataclasses.replace(details["seed"].record, people=people)
    many = dataclasses.replace(details["seed"], record=record)
    assert cite(many, "apa").startswith("Santoso, B., Aminah, S., & Pérez, A. (2024, May 17).")
    assert cite(many, "chicago").startswith("Santoso, Budi, Siti Aminah, and Ana Pérez. “")
    assert cite(many, "chicago-note").startswith("Budi Santoso, Siti Aminah, and Ana Pérez, “")
    two = dataclasses.replace(many, record=dataclasses.replace(record, people=people[:2]))
    assert cite(two, "apa").startswith("Santoso, B., & Aminah, S. (2024")
    assert cite(two, "chicago").startswith("Santoso, Budi, and Siti Aminah. “")


def test_a_photo_record(details: dict[str, ArticleDetail]) -> None:
    assert cite(details["photo"], "apa") == "Laverty, D. A. (2003, August 30). BUSH [Photograph]."


def test_html_is_escaped_and_quotes_nest(details: dict[str, ArticleDetail]) -> None:
    row = details["row"]
    assert HOSTILE_TITLE in cite(row, "apa")
    html = cite(row, "apa", html=True)
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html and "<i>example.com</i>" in html
    # Chicago puts quotes inside a quoted title as single quotes
    assert "“=HYPERLINK(‘http://evil’) ‘Quoted’ &" in cite(row, "chicago")


def test_an_unknown_style_is_refused(details: dict[str, ArticleDetail]) -> None:
    with pytest.raises(ExportError, match="unknown citation style 'mla'"):
        cite(details["seed"], "mla")
