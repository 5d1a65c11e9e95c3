"""Wire-service XML from ../shared/corpus/wire: every file imports (or says why), and the
fields a person would check come through: bylines, datelines, credits, photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import Extracted, extract_file


def _items(folder: str, name: str) -> list[Extracted]:
    path = corpus_path("wire", folder, name)
    extracted = extract_file(path.name, path.read_bytes(), path)
    assert extracted.format == "wire-xml"
    return list(extracted.items)


def _record(folder: str, name: str) -> tuple[CatalogueRecord, Extracted]:
    items = _items(folder, name)
    assert len(items) == 1 and items[0].record is not None, items[0].failure
    return items[0].record, items[0]


def _people(record: CatalogueRecord) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in record.people]


def test_every_wire_file_imports() -> None:
    files = sorted(p for p in corpus_path("wire").rglob("*.xml"))
    assert len(files) == 41
    for path in files:
        items = list(extract_file(path.name, path.read_bytes(), path).items)
        assert items, path.name
        for item in items:
            assert item.record is not None, (path.name, item.failure)
            assert item.record.title and item.record.body, path.name
            assert item.locator.startswith("item "), path.name


def test_bend_bulletin_byline_and_lost_characters() -> None:
    record, _item = _record("nitf", "dti_nitf_bendbulletin_basic-story.xml")
    assert record.title == "Master plan to focus on attracting new tenants"
    assert _people(record) == [("Hillary Borrud", "author")]  # "The Bulletin" is his title
    assert record.published == "2010-02-10"
    # "neighbors<!-- 2019(unknown) --> concerns": the comment names the lost character
    assert "resolve neighbors’ concerns" in record.body[0]
    assert "how the city’s airport will develop" in record.body[1]
    assert record.body[-1].startswith("Hillary Borrud can be reached at")  # the tagline
    assert record.photos[0].caption == "Locator map of Bend Airport. Ramberg"


def test_nyt_photo_credit_in_nitf_media() -> None:
    record, item = _record("nitf", "dti_nitf_bendbulletin_basic-story-2.xml")
    photo = record.photos[0]
    assert photo.credit == "Doug Mills/The New York Times"
    assert photo.photographer == "Doug Mills"
    assert photo.agency == "New York Times News Service"
    assert photo.caption is not None and photo.caption.startswith("Candles and flowers")
    assert photo.source_url == "1939423.jpg" and item.photo_data == [None]
    assert ("Doug Mills", "photographer") in _people(record)
    # the byline names a newspaper, not a person: the story's source
    assert ("Houston Chronicle", "author") not in _people(record)
    assert record.agency == "Houston Chronicle"


def test_story_without_p_tags_has_paragraphs() -> None:
    record, _item = _record("nitf", "dti_nitf_bendbulletin_basic-story-no-p-tags.xml")
    assert len(record.body) == 6
    assert record.body[0].startswith("High winds in the east and snow in the south made")
    assert record.body[0].endswith("according to the Oregon Department of Transportation.")
    assert "Oregon’s two interstate highways" in record.body[0]
    assert record.body[1].startswith("High winds and low visibility forced the closure")


def test_correction_without_headline_takes_its_heading() -> None:
    record, _item = _record("nitf", "dti_nitf_bendbulletin_correction.xml")
    assert record.title == "Correction"
    assert record.body[0].startswith("In a column titled “The power and joy of libraries,”")


def test_ansa_subtitle_in_byline_is_no_person() -> None:
    record, _item = _record("nitf", "superdesk-belga_ansa_belga.xml")
    assert record.title == "Gazprom cuts Italy gas supplies by a third"  # slug ">>>ANSA/" gone
    assert record.people == []
    assert record.agency == "ANSA"
    assert record.dateline_place == "Rome"
    assert record.body == [
        "Russian energy giant Gazprom on Monday cut its gas supplies to "
        "Italy by a third, Italian fuels giant Eni said."
    ]
    assert record.published == "2022-07-11T18:33:00"


def test_kyodo_dateline_in_newsml_envelope() -> None:
    record, item = _record("nitf", "superdesk-belga_kyodo_nitf-in-newsml1.2.xml")
    assert item.locator == "item urn:newsml:kyodonews.jp:20190723:20161021KW___0003800010:1"
    assert record.title == "Ex-Chinese Premier Li Peng dies aged 90: Xinhua"
    assert record.dateline_place is not None and record.dateline_place.upper() == "BEIJING"
    assert record.body[0].startswith("Former Chinese Premier Li Peng, who led")
    assert record.published == "2019-07-23T20:21:19+09:00"
    assert record.agency == "Kyodo" and record.language == "en"


def test_iso_8859_1_file_decodes() -> None:
    record, _item = _record("nitf", "superdesk-ntb_nitf_test_ritzau-via-ntb.xml")
    assert record.title == "En 41-årig mand, der onsdag blev anholdt og sat i forbindel"
    # "København /ritzau/:" is the text's own dateline: the place and agency, off the text
    assert record.body[0].startswith("En 41-årig mand")
    assert (record.dateline_place, record.agency) == ("København", "ritzau")
    assert "Københavns Vestegns Politi" in " ".join(record.body)
    assert record.published == "2016-05-12T00:05:13+02:00"
    # the file's baselang says Norwegian, but Ritzau's text is Danish ("mand", "København"),
    # and text that clearly reads as one language wins over a declaration
    assert record.language == "da" and record.rules["language"].endswith("+over-declared")


def test_spec_nitf_byline_title_and_media_producers() -> None:
    record, _item = _record("nitf", "guardian-nitf-scala_nitf-example-3.6_SPEC.xml")
    assert _people(record)[0] == ("Alan Karben", "author")  # "EP Aerospace Writer" is his title
    photo = record.photos[0]
    assert photo.credit == "EP Photo/NASA" and photo.agency == "The Example Press"
    assert photo.caption is not None and photo.caption.endswith("Saturday Nov. 21, 2009.")


def test_efe_editor_codes_are_nobody() -> None:
    record, _item = _record("nitf", "superdesk-belga_efe_nitf-in-newsml1.2.xml")
    assert record.people == []  # byline "daa/mt/msr"
    assert record.language == "es" and record.agency == "Agencia EFE"
    assert len(record.body) == 9  # the abstract repeats the text and is not added


def test_dpa_text_item_byline_and_dateline() -> None:
    record, _item = _record("newsml-g2", "dpa_urn_newsml_dpa.com_20090101_170626-99-998860.xml")
    assert record.title == "Thyssenkrupp-Klage gegen Ex-Manager muss neu verhandelt werden"
    assert _people(record) == [("Annett Gehler", "author")]  # "Von Annett Gehler, dpa"
    assert record.dateline_place == "Erfurt" and record.agency == "dpa"
    # the teaser stays first; the dateline is off the story's first paragraph
    assert record.body[0].startswith("Erwartet wurde ein Grundsatzurteil.")
    assert record.body[1].startswith("Der Stahlkonzern Thyssenkrupp hat")
    assert record.published == "2017-06-29T17:16:38+02:00" and record.language == "de"
    assert "Bundesgerichte" in record.keywords and "Arbeit" in record.keywords


def test_dpa_dateline_in_text_below_the_teaser() -> None:
    record, _item = _record("newsml-g2", "dpa_urn_newsml_dpa.com_20090101_170629-99-48966.xml")
    assert record.dateline_place == "Moskau"
    assert record.body[1].startswith("Trotz aller Differenzen")


def test_dpa_picture_item_credit_and_jpeg() -> None:
    name = "dpa_picture_urn_newsml_dpa.com_20090101_171117-90-000086.xml"
    record, item = _record("newsml-g2", name)
    jpeg = corpus_path(
        "wire", "newsml-g2", "photos", "dpa_urn_newsml_dpa.com_20090101_171117-90-000086.jpg"
    ).read_bytes()
    assert record.title == "Verleihung des Medienpreises Bambi"
    photo = record.photos[0]
    assert photo.credit == "Jörg Carstensen/dpa"
    assert photo.photographer == "Jörg Carstensen" and photo.agency == "dpa"
    assert photo.caption == (
        "Florian David Fitz kommt am 16.11.2017 in Berlin zur 69. "
        "Verleihung des Medienpreises Bambi."
    )
    assert item.photo_data == [jpeg]
    assert _people(record) == [("Jörg Carstensen", "photographer")]


def test_every_dpa_picture_finds_its_jpeg() -> None:
    folder = corpus_path("wire", "newsml-g2")
    pictures = sorted(folder.glob("dpa_picture_*.xml"))
    assert len(pictures) == 3, f"the dpa pictures of {folder} are missing"
    for path in pictures:
        items = list(extract_file(path.name, path.read_bytes(), path).items)
        data = items[0].photo_data[0]
        assert data is not None and data[:3] == b"\xff\xd8\xff", path.name


def test_picture_elsewhere_keeps_its_credit_without_a_file() -> None:
    record, item = _record("newsml-g2", "dpa-digitalwires-converted_image.xml")
    photo = record.photos[0]
    assert (photo.credit, photo.photographer, photo.agency) == (
        "Steve Helber/AP/dpa",
        "Steve Helber",
        "dpa",
    )
    assert photo.source_url is not None and photo.source_url.startswith("https://")
    assert item.photo_data == [None]  # never fetched


def test_getty_spec_photo_credit_in_caption() -> None:
    record, _item = _record("newsml-g2", "iptc_SPEC_LISTING_3_Photo_in_NewsML-G2.xml")
    photo = record.photos[0]
    assert photo.photographer == "Spencer Platt" and photo.credit == "Getty Images"
    assert photo.caption is not None and photo.caption.endswith("economic downturn.")
    assert record.updated == "2018-10-12T06:42:04+00:00"


@pytest.mark.parametrize(
    "name, author",
    [
        ("superdesk-aap_reuters_with_byline.xml", "Dave McNary"),
        ("superdesk-aap_reuters_byline_startswith_by.xml", "Daniel Holloway"),
        ("superdesk-aap_reuters_byline_in_body.xml", "Joseph Ax"),
        ("dpa-digitalwires-converted_with_dateline.xml", "Andrej Sokolow"),
    ],
)
def test_reuters_and_dpa_bylines(name: str, author: str) -> None:
    record, _item = _record("newsml-g2", name)
    assert (author, "author") in _people(record)


def test_two_authors_in_one_byline() -> None:
    record, _item = _record("newsml-g2", "dpa-digitalwires-converted_dw-1.xml")
    assert _people(record) == [("Marco Krefting", "author"), ("Sunrita Sen", "author")]
    assert record.dateline_place == "Waghäusel"


def test_tt_variant_markup() -> None:
    record, _item = _record("newsml-g2", "superdesk-ntb_tt_newsml_test.xml")
    assert record.language == "sv"  # written "swe"
    assert _people(record)[0] == ("Wiktor Nummelin", "author")  # "Wiktor Nummelin/TT"
    assert record.agency == "TT"
    assert record.photos[0].credit == "Olivier Matthys/AP/TT"
    assert record.photos[0].photographer == "Olivier Matthys"
    assert "Fakta: EU:s storslägga" in record.body  # the fact box keeps its heading


def test_nitf_fragment_in_a_content_set() -> None:
    record, _item = _record(
        "newsml-g2", "iptc_SPEC_LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    )
    assert record.title.startswith("Arizona Diamondbacks (29-23) at Philadelphia Phillies")
    assert record.body[0].startswith("A pair of teams coming off big weekend sweeps")


def test_table_item_keeps_rows() -> None:
    record, _item = _record("nitf", "superdesk-cp_ap-agate-nitf.xml")
    assert any(" | " in line for line in record.body)


def test_photos_beside_are_found_in_a_zip(tmp_path: Path) -> None:
    """The same picture item and its JPEG, zipped: the JPEG is found inside the zip."""
    import zipfile

    folder = corpus_path("wire", "newsml-g2")
    name = "dpa_picture_urn_newsml_dpa.com_20090101_171117-99-908458.xml"
    jpeg_name = "photos/dpa_urn_newsml_dpa.com_20090101_171117-99-908458.jpg"
    bundle = tmp_path / "wire.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.write(folder / name, f"feed/{name}")
        archive.write(folder / jpeg_name, f"feed/{jpeg_name}")
    items = {i.member: i for i in extract_file(bundle.name, bundle.read_bytes(), bundle).items}
    assert items[f"feed/{name}"].photo_data == [(folder / jpeg_name).read_bytes()]
