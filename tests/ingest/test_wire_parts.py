"""The pieces of the wire reader: bylines, timestamps, credits, datelines, text extraction."""

from __future__ import annotations

import pytest

from archive_app.ingest.context import ReadContext
from archive_app.ingest.wire.bylines import read_byline
from archive_app.ingest.wire.credits import split_credit
from archive_app.ingest.wire.dates import iso_date
from archive_app.ingest.wire.item import (
    WireItem,
    clean_title,
    language_code,
    place_dateline,
    to_raw,
)
from archive_app.ingest.wire.photos import photo_data
from archive_app.ingest.wire.tree import paragraphs
from archive_app.ingest.wire.xmlsafe import parse_xml


@pytest.mark.parametrize(
    "line, people",
    [
        ("By Hillary Borrud", ["Hillary Borrud"]),
        ("Von Annett Gehler, dpa", ["Annett Gehler"]),
        ("Von Marco Krefting und Sunrita Sen, dpa", ["Marco Krefting", "Sunrita Sen"]),
        ("By Anna de la Cruz and Jan van der Berg", ["Anna de la Cruz", "Jan van der Berg"]),
        ("Wiktor Nummelin/TT", ["Wiktor Nummelin"]),
        ("DOUG MILLS", ["Doug Mills"]),
        ("daa/mt/msr", []),
    ],
)
def test_bylines_name_people(line: str, people: list[str]) -> None:
    assert read_byline(line, ("dpa",)).people == people


@pytest.mark.parametrize(
    "line",
    [
        "Situation serious, ready for all scenarios says EC",
        "Officials hope to start work on the plan in April.",
        "Optimistic about funding, officials hope to start work",
    ],
)
def test_a_subtitle_in_the_byline_names_nobody(line: str) -> None:
    found = read_byline(line)
    assert found.people == [] and found.prose == line


@pytest.mark.parametrize(
    "line", ["Houston Chronicle", "The Associated Press", "New York Times News Service"]
)
def test_an_organisation_in_the_byline_names_nobody(line: str) -> None:
    found = read_byline(line)
    assert found.people == [] and found.organisation == line


@pytest.mark.parametrize(
    "value, iso",
    [
        ("20190723T202119+0900", "2019-07-23T20:21:19+09:00"),
        ("20091123T114428Z", "2009-11-23T11:44:28Z"),
        ("2022-07-11 18:33", "2022-07-11T18:33:00"),
        ("2010-02-10 ", "2010-02-10"),
        ("2018-01-21T20:23:15.000Z", "2018-01-21T20:23:15Z"),
        ("2016-05-12T00:05:13+02:00", "2016-05-12T00:05:13+02:00"),
        ("20190121T102708", "2019-01-21T10:27:08"),
        ("July 23", "July 23"),
    ],
)
def test_wire_timestamps(value: str, iso: str) -> None:
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    "caption, creditline, expected",
    [
        (
            "Candles in Whistler. (Doug Mills/The New York Times)",
            None,
            ("Candles in Whistler.", "Doug Mills/The New York Times", "Doug Mills"),
        ),
        (
            "A view of Las Vegas. (Photo by Spencer Platt/Getty Images)",
            "Getty Images",
            ("A view of Las Vegas.", "Spencer Platt/Getty Images", "Spencer Platt"),
        ),
        (
            "Fitz kommt nach Berlin. Foto: Jörg Carstensen/dpa",
            "Jörg Carstensen/dpa",
            ("Fitz kommt nach Berlin.", "Jörg Carstensen/dpa", "Jörg Carstensen"),
        ),
        ("Astronaut salutes. (EP Photo/NASA)", None, ("Astronaut salutes.", "EP Photo/NASA", None)),
        ("A caption with no credit.", None, ("A caption with no credit.", None, None)),
        (
            "Warga melintasi banjir, Jumat (17/5/2024).",
            None,
            ("Warga melintasi banjir, Jumat (17/5/2024).", None, None),
        ),
    ],
)
def test_credits_come_off_captions(
    caption: str, creditline: str | None, expected: tuple[str, str | None, str | None]
) -> None:
    found = split_credit(caption, creditline)
    assert (found.caption, found.credit, found.photographer) == expected


def test_lost_characters_and_loose_text() -> None:
    root = parse_xml(
        b"<body.content>First line of Oregon<!-- 2019(unknown) -->s story\ncontinues here."
        b"\n\n  Second paragraph.  <!-- a note for editors --> Still second.\n\n"
        b"<table><tr><th>Team</th><th>W</th></tr><tr><td>Boston</td><td>97</td></tr></table>"
        b"<media media-type='image'><media-caption>Not text</media-caption></media>"
        b"<p>Last <b>bold</b> words<!-- 201d(unknown) --></p></body.content>"
    )
    assert paragraphs(root) == [
        "First line of Oregon’s story continues here.",
        "Second paragraph. Still second.",
        "Team | W",
        "Boston | 97",
        "Last bold words”",
    ]


@pytest.mark.parametrize(
    "first, dateline",
    [
        # the markup's dateline stays in columns["dateline"]: the text is never changed for it
        ("Former Premier Li Peng died.", "BEIJING"),
        ("ROME, JUL 11 - Gazprom cut supplies.", "ROME"),
        ("København /ritzau/: En mand er løsladt.", "Stockholm"),
        ("Eläkevakuutusyhtiö hakee konkurssiin.", "Hämeenlinna"),
    ],
)
def test_dateline_is_not_added_to_the_text(first: str, dateline: str) -> None:
    assert place_dateline([first, "Second."], dateline) == [first, "Second."]


def test_dateline_below_a_teaser_opens_the_text() -> None:
    text = ["A teaser sentence.", "Erfurt (dpa) - The story begins.", "More."]
    placed = place_dateline(text, "Erfurt (dpa) - ", lede=True)
    assert placed[0] == "Erfurt (dpa) - A teaser sentence." and placed[1:] == text[1:]
    # the markup names none: the one the story opens with is used
    assert place_dateline(text, "", lede=True)[0] == "Erfurt (dpa) - A teaser sentence."
    # a markup dateline the text does not print is not put on the teaser
    assert place_dateline(["A teaser.", "The story."], "Stockholm", lede=True) == [
        "A teaser.",
        "The story.",
    ]


def test_raw_article_columns() -> None:
    item = WireItem(
        "item 7",
        title=">>>ANSA/Gas cut",
        bylines=["Situation serious, says EC"],
        dateline="ROME",
        paragraphs=["(ANSA) - ROME, JUL 11 - Gas was cut."],
        published="2022-07-11T18:33:00",
        language="en-GB",
        agency="ANSA",
        keywords=["gas", "gas", "Italy"],
    )
    raw = to_raw(item)
    assert raw.columns == {
        "title": "Gas cut",
        "agency": "ANSA",
        "subtitle": "Situation serious, says EC",
        "dateline": "ROME",
        "date": "2022-07-11T18:33:00",
        "language": "en",
    }
    assert raw.text == "ROME, JUL 11 - Gas was cut."
    assert raw.keywords == ["gas", "Italy"] and raw.locator == "item 7"


def test_titles_and_languages() -> None:
    assert clean_title("&gt;&gt;&gt;ANSA/x".replace("&gt;", ">")) == "x"
    assert clean_title("*En 41-årig mand") == "En 41-årig mand"
    assert [language_code(t) for t in ("en-US", "swe", "fi-FI", "no-NO", "x")] == [
        "en",
        "sv",
        "fi",
        "no",
        "",
    ]


def test_picture_file_found_by_item_id() -> None:
    asked: list[str] = []
    files = {"photos/dpa_urn_newsml_dpa.com_2009_1.jpg": b"\xff\xd8\xff\xe0 jpeg"}

    def resolve(ref: str) -> bytes | None:
        asked.append(ref)
        return files.get(ref)

    context = ReadContext("dpa_picture_urn_newsml_dpa.com_2009_1.xml", resolve=resolve)
    assert (
        photo_data(["https://example.com/x.jpg"], ["urn:newsml:dpa.com:2009:1"], context)
        == b"\xff\xd8\xff\xe0 jpeg"
    )
    assert not any(ref.startswith("http") for ref in asked)  # never the remote address
    assert photo_data(["file:///./GYI.jpg"], [], ReadContext("a.xml", resolve=resolve)) is None
    assert "GYI.jpg" in asked
