"""The normaliser on wire text: agency datelines, the markup's dateline field, and statistics
tables (rows never glued, never captions, never the judge of the language)."""

from __future__ import annotations

import pytest
from tests.conftest import corpus_path
from tests.ingest.conftest import body_article

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import extract_file
from archive_app.ingest.normalise.captions import find_caption
from archive_app.ingest.normalise.datelines import read_dateline_field, split_dateline
from archive_app.ingest.normalise.language import language_of_lines
from archive_app.ingest.normalise.paragraphs import drop_repeats, repair_split_sentences
from archive_app.ingest.normalise.text import is_table_row


def _wire(folder: str, name: str) -> tuple[CatalogueRecord, list[str]]:
    path = corpus_path("wire", folder, name)
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    assert len(items) == 1 and items[0].record is not None, items[0].failure
    return items[0].record, items[0].warnings


@pytest.mark.parametrize(
    ("opening", "place", "agency", "rest"),
    [
        ("NEW YORK, Jan 21 (Reuters) - The Statue of Liberty", "New York", "Reuters", "The Statue"),
        (
            "CAPE CANAVERAL, Fla. (EP) — A pair of astronauts",
            "Cape Canaveral, Fla.",
            "EP",
            "A pair",
        ),
        (
            "WHISTLER, British Columbia — When the sliders",
            "Whistler, British Columbia",
            None,
            "When the",
        ),
        ("København /ritzau/: En 41-årig mand", "København", "ritzau", "En 41-årig"),
        ("Nueva Delhi, 21 ene (EFE).- Una pareja de leones", "Nueva Delhi", "EFE", "Una pareja"),
        ("MOSCOW, January 21. /TASS/. The Kremlin does not", "Moscow", "TASS", "The Kremlin"),
        ("Erfurt (dpa) - Der Stahlkonzern Thyssenkrupp", "Erfurt", "dpa", "Der Stahlkonzern"),
        ("Frankfurt/Main (dpa) - Folgende Devisenkurse", "Frankfurt/Main", "dpa", "Folgende"),
        ("Hämeenlinna - Eläkevakuutusyhtiö Ilmarinen hakee", "Hämeenlinna", None, "Eläke"),
        ("Berlin, 29. Juni (dpa) - Die Bundesregierung", "Berlin", "dpa", "Die Bundes"),
        ("MÜNCHEN - Der Stadtrat hat beschlossen", "München", None, "Der Stadtrat"),
        ("ROME, JUL 11 - Russian energy giant Gazprom", "Rome", None, "Russian"),
    ],
)
def test_wire_dateline_forms(opening: str, place: str, agency: str | None, rest: str) -> None:
    found = split_dateline(opening)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert found.rest.startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Presiden Joko Widodo (Jokowi): kita harus bekerja keras.",  # a nickname, then a quote
        "JAKARTA, Antara - Harga emas naik.",  # a site after the place is no region
        "Über – alles in der Welt",  # no capital after the dash
    ],
)
def test_wire_forms_do_not_take_sentences(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("field", "place", "agency"),
    [
        ("Erfurt (dpa) - ", "Erfurt", "dpa"),
        ("CAPE CANAVERAL, Fla", "Cape Canaveral, Fla", None),
        ("BEIJING, July 23", "Beijing", None),
        ("Hämeenlinna", "Hämeenlinna", None),
        ("Kiova/Washington", "Kiova/Washington", None),
    ],
)
def test_dateline_field_names_its_place(field: str, place: str, agency: str | None) -> None:
    found = read_dateline_field(field)
    assert found is not None and (found.place, found.agency, found.rule) == (
        place,
        agency,
        "dateline:column",
    )


def test_a_dateline_field_with_a_date_only_names_no_place() -> None:
    assert read_dateline_field("January 21") is None
    record = body_article("The Kremlin does not support the decision.", dateline="January 21")
    assert record.dateline_place is None


def test_dateline_field_when_the_text_opens_without_one() -> None:
    record = body_article(
        "Eläkevakuutusyhtiö Ilmarinen hakee seuraa konkurssiin.",
        dateline="Hämeenlinna",
        language="fi",
    )
    assert record.dateline_place == "Hämeenlinna"
    assert record.rules["dateline_place"] == "dateline:column"
    assert record.body == ["Eläkevakuutusyhtiö Ilmarinen hakee seuraa konkurssiin."]


def test_dateline_field_printed_in_a_form_no_rule_knows_leaves_the_text() -> None:
    text = "OSLO (NTB) : Regjeringen la fram budsjettet."
    assert split_dateline(text) is None
    record = body_article(text, dateline="OSLO (NTB) :", language="no")
    assert record.dateline_place == "Oslo" and record.agency == "NTB"
    assert record.rules["body.dateline_removed"] == "dateline:column"
    assert record.body == ["Regjeringen la fram budsjettet."]


def test_the_texts_dateline_wins_over_a_different_field() -> None:
    record, warnings = _wire("nitf", "superdesk-ntb_nitf_test_ritzau-via-ntb.xml")
    assert record.dateline_place == "København"  # the markup says "Stockholm"
    assert record.rules["dateline_place"] == "dateline:place-agency"
    assert record.agency == "ritzau"
    assert any("Stockholm" in w and "København" in w for w in warnings)
    assert record.body[0].startswith("En 41-årig mand") and "/ritzau/" not in record.body


@pytest.mark.parametrize(
    ("folder", "name", "place", "rule"),
    [
        ("newsml-g2", "superdesk-ntb_stt_newsml_sport_test.xml", "Hämeenlinna", "dateline:column"),
        ("newsml-g2", "superdesk-belga_stt_belga.xml", "Kiova/Washington", "dateline:column"),
        ("nitf", "superdesk-belga_kyodo_nitf-in-newsml1.2.xml", "Beijing", "dateline:column"),
        # "(New York, NY - October 21) Et, sent …" under <located>New York, NY</located>
        (
            "newsml-g2",
            "iptc_SPEC_LISTING_2_NewsML-G2_Text_Document.xml",
            "New York, NY",
            "dateline:column",
        ),
        (
            "nitf",
            "guardian-nitf-scala_nitf-example-3.6_SPEC.xml",
            "Cape Canaveral, Fla.",
            "dateline:place-agency",
        ),
        (
            "nitf",
            "dti_nitf_bendbulletin_basic-story-2.xml",
            "Whistler, British Columbia",
            "dateline:place-region",
        ),
        ("nitf", "superdesk-belga_efe_nitf-in-newsml1.2.xml", "Nueva Delhi", "dateline:place-date"),
        ("nitf", "superdesk-belga_tass_nitf-in-newsml1.2.xml", "Moscow", "dateline:place-date"),
        ("newsml-g2", "superdesk-aap_reuters_newsml.xml", "Lima", "dateline:place-date"),
        (
            "newsml-g2",
            "dpa_urn_newsml_dpa.com_20090101_170629-90-024454.xml",
            "Frankfurt/Main",
            "dateline:place-agency",
        ),
    ],
)
def test_wire_items_get_their_place(folder: str, name: str, place: str, rule: str) -> None:
    record, _warnings = _wire(folder, name)
    assert (record.dateline_place, record.rules["dateline_place"]) == (place, rule)
    first = record.body[0]
    assert not first.upper().startswith(place.split(",")[0].upper()), first  # prefix is gone


def test_agency_from_the_dateline_and_closing_tags() -> None:
    record, _warnings = _wire("nitf", "superdesk-belga_tass_nitf-in-newsml1.2.xml")
    assert record.agency == "TASS" and record.body[0].startswith("The Kremlin does not")
    record, _warnings = _wire("nitf", "superdesk-belga_kyodo_nitf-in-newsml1.2.xml")
    assert record.body[-1].startswith("Li traveled to Japan")  # "==Kyodo" closes, not text


def test_an_editors_note_above_the_dateline_is_not_text() -> None:
    record, _warnings = _wire("newsml-g2", "superdesk-aap_reuters_byline_in_body.xml")
    assert record.dateline_place == "New York" and record.agency == "Reuters"
    assert record.body[0].startswith("The Statue of Liberty will reopen on Monday")
    assert ("Joseph Ax", "author") in [(p.name, p.role) for p in record.people]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("USA | USD | 1,1411 | 1,1415", True),
        ("Tschech.Rep. | CZK | 26,2080 | 26,2380", True),
        ("| | | |", True),
        ("ATP Tour 500 2025: Halle Day 1 (Match 1-4) | 16:30 WIB", True),
        ("Harga emas turun pada perdagangan hari ini.", False),
        (
            "Menurut dia, pilihan itu | kata orang banyak di sekitar lokasi kejadian yang sangat ramai "  # noqa: E501
            "pada hari Minggu kemarin",
            False,
        ),
    ],
)
def test_table_rows(line: str, row: bool) -> None:
    assert is_table_row(line) is row


def test_table_rows_are_never_glued_or_dropped() -> None:
    rows = [
        "All Times EDT",
        "EASTERN CONFERENCE",
        "Atlantic Division",
        "W | L | Pct | GB",
        "x-Philadelphia | 47 | 22 | .681",
        "Boston | 35 | 35 | .500",
        "Southeast Division",
        "W | L | Pct | GB",
        "x-Atlanta | 39 | 31 | .557",
        "x-clinched playoff spot",
        "y-clinched division",
    ]
    assert repair_split_sentences(rows) == rows
    header = "W | L | Pct | GB | L10 | Str | Home | Away | Conf"
    assert drop_repeats([header, "Boston | 35", header]) == [header, "Boston | 35", header]
    # a few rows in scraped prose: the rows stand, the prose around them is still mended
    mixed = [
        "Jadwal pertandingan minggu ini dapat disaksikan di",
        "Vision+",
        "Halle Day 1 | 16:30 WIB",
        "Queen's Day 1 | 18:00 WIB",
    ]
    assert repair_split_sentences(mixed) == [
        "Jadwal pertandingan minggu ini dapat disaksikan di Vision+",
        "Halle Day 1 | 16:30 WIB",
        "Queen's Day 1 | 18:00 WIB",
    ]


def test_table_rows_are_no_captions() -> None:
    assert find_caption("Tschech.Rep. | CZK | 26,2080 | 26,2380") is None
    assert find_caption("T.Anderson ChW | 70 | 292 | 87 | 49 | .298") is None
    assert find_caption("Quelle: Reuters/oraise Stand: 29.06.2017 16:34 Uhr") is None


def test_language_is_judged_on_prose_only() -> None:
    table = [
        "THROUGH JULY 5",
        "G | AB | H | R | Pct.",
        "Brantley Hou | 64 | 263 | 89",
        "Guerrero Jr. Tor | 83 | 301 | 101",
        "Bogaerts Bos | 80 | 302 | 97",
        "Ohtani, Los Angeles, 31; Walsh, Los Angeles, 20; Perez, Los Angeles, 20.",
    ]
    assert language_of_lines(table, default="id") is None  # no prose: no guess
    prose = [
        "Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuern sinken.",
        "Der Minister sagte, es sei nicht die Zeit für eine Debatte über die Zukunft.",
    ]
    assert language_of_lines(table + prose, default="id") == "de"


def test_statistics_items_keep_their_rows() -> None:
    record, _warnings = _wire("nitf", "superdesk-cp_ap-table-nitf.xml")
    # names and figures are no language, and a table is not worth a librarian's review
    assert record.photos == [] and record.language == "und" and record.review == []
    assert record.body[:3] == ["THROUGH JULY 5", "AMERICAN LEAGUE", "G | AB | H | R | Pct."]
    assert "T.Anderson ChW | 70 | 292 | 87 | 49 | .298" in record.body
    record, _warnings = _wire("nitf", "superdesk-cp_ap-agate-nitf.xml")
    header = "W | L | Pct | GB | L10 | Str | Home | Away | Conf"
    assert record.body.count(header) == 6  # once a division
    assert record.body[:3] == ["All Times EDT", "EASTERN CONFERENCE", "Atlantic Division"]
    record, _warnings = _wire("newsml-g2", "dpa_urn_newsml_dpa.com_20090101_170629-90-024454.xml")
    assert record.photos == [] and record.language == "de"  # the item says so
    assert "Tschech.Rep. | CZK | 26,2080 | 26,2380" in record.body
    assert record.body[-1] == "Quelle: Reuters/oraise Stand: 29.06.2017 16:34 Uhr"
