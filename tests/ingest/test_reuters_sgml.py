"""The Reuters-21578 newswire reader: one article per story, on the shared normaliser."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.conftest import corpus_path

from archive_app.ingest.detect import detect
from archive_app.ingest.extract import Extracted, extract_file
from archive_app.ingest.raw import RawArticle
from archive_app.ingest.readers.reuters_sgml import paragraphs, read_reuters_sgml


@pytest.fixture(scope="module")
def stories() -> dict[str, Extracted]:
    path = corpus_path("en_text", "reuters21578", "reut2-000.sgm")
    extracted = extract_file(path.name, path.read_bytes())
    assert extracted.format == "reuters-sgml"
    return {item.locator: item for item in extracted.items}


def test_every_story_is_accounted_for(stories: dict[str, Extracted]) -> None:
    assert len(stories) == 1000
    assert list(stories)[:2] == ["newid 1", "newid 2"]
    failures = Counter(item.failure for item in stories.values() if item.failure)
    # the 60 headline-only briefs are reported, never stored as empty articles
    assert failures == {"a headline-only brief (TEXT TYPE=BRIEF): no article text": 60}


def test_first_story(stories: dict[str, Extracted]) -> None:
    record = stories["newid 1"].record
    assert record is not None
    assert record.title == "BAHIA COCOA REVIEW"
    assert record.published == "1987-02-26T15:01:01"  # the wire gives no zone; none is guessed
    assert record.published_raw == "26-FEB-1987 15:01:01.79"
    assert record.dateline_place == "Salvador"
    assert record.site == "reuters.com" and record.language == "en"
    assert record.agency == "Reuters"  # its closing "Reuter"
    assert record.body[0].startswith("Showers continued throughout the week in the Bahia cocoa")
    assert not record.body[0].startswith("SALVADOR")
    assert record.body[-1].endswith("which ends midday on February 27.")  # "Reuter" is gone
    assert len(record.body) > 10  # the wire's indented lines start paragraphs


def test_author_and_dateline(stories: dict[str, Extracted]) -> None:
    bylined = [i.record for i in stories.values() if i.record and i.record.people]
    by_janie = [r for r in bylined if r.title.startswith("TALKING POINT/BANKAMERICA")]
    assert len(by_janie) == 1
    record = by_janie[0]
    assert [(p.name, p.role) for p in record.people] == [("Janie Gabbett", "author")]
    assert record.dateline_place == "Los Angeles"
    assert record.title == "TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER"  # "&lt;" unescaped


def test_datelines_with_a_state(stories: dict[str, Extracted]) -> None:
    places = Counter(i.record.dateline_place for i in stories.values() if i.record)
    assert places["New York"] > 100 and places["Portland, Ore."] >= 1
    assert places[None] < 30  # unprocessed tables carry no dateline


def test_places_and_topics_are_kept_as_columns() -> None:
    path = corpus_path("en_text", "reuters21578", "reut2-000.sgm")
    first = next(read_reuters_sgml(path.read_bytes()))
    assert isinstance(first, RawArticle)
    assert first.columns["places"] == "el-salvador; usa; uruguay"
    assert first.columns["topics"] == "cocoa"


def test_detected_by_name_and_by_content() -> None:
    data = b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="7">\n</REUTERS>\n'
    assert detect("reut2-000.sgm", data).format == "reuters-sgml"
    assert detect("download.txt", data).format == "reuters-sgml"


def test_control_entities_and_wrapped_lines() -> None:
    data = (
        b'<REUTERS NEWID="9"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT>&#2;\n'
        b"<TITLE>A &amp; B</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>One "
        b"line\nwrapped here.\n    A new paragraph.\n Reuter\n&#3;</BODY></TEXT></REUTERS>"
    )
    article = next(read_reuters_sgml(data))
    assert isinstance(article, RawArticle)
    assert article.locator == "newid 9"
    assert article.columns["title"] == "A & B"
    assert article.text == "SALVADOR, Feb 26 - One line wrapped here.\nA new paragraph."
    assert paragraphs("a\nb\n  c") == ["a b", "c"]
