"""An article's language: read from its text (stopwords, script, identifier), checked against
what the source declares, Malay told from Indonesian, and "und" rather than a guess."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path
from tests.ingest.conftest import body_article

from archive_app.domain.model import CatalogueRecord
from archive_app.gui.common.display import language_name
from archive_app.ingest.extract import extract_file
from archive_app.ingest.normalise.language import decide_language, declared_codes
from archive_app.ingest.normalise.pipeline import normalise
from archive_app.ingest.raw import RawArticle, RawPhoto
from archive_app.search.analysis import index_terms, stemmer_for

INDONESIAN = (
    "Pemerintah mengatakan bahwa harga beras akan turun bulan depan karena panen raya "
    "sudah dimulai di banyak daerah, kata menteri pertanian kepada wartawan di Jakarta."
)
MALAY = (
    "Kerajaan berkata harga beras akan turun bulan hadapan kerana musim menuai sudah "
    "bermula, manakala polis pula memantau sebarang kenaikan harga selepas cuti umum, "
    "iaitu bahawa peniaga tidak boleh menaikkan harga sesuka hati."
)
JAPANESE = "東京都は水曜日、新しい防災計画を発表した。地震に備えて避難所を増やすという。"
ENGLISH = (
    "The government said on Monday that the price of rice would fall next month because "
    "the harvest has begun in many regions, the agriculture minister told reporters."
)


def _flags(record: CatalogueRecord) -> list[str]:
    return [flag.kind for flag in record.review]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # scripts decide by themselves: no stopword profile matches them
        (
            "北京市政府周三宣布，将在今年年底前完成全市老旧小区的改造工程，涉及居民超过十万户。",
            "zh",
        ),
        (JAPANESE, "ja"),
        ("รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ", "th"),
        ("서울시는 수요일 새로운 교통 정책을 발표했다. 버스 요금은 내년부터 인상된다.", "ko"),
        (
            "Правительство объявило в среду о новых мерах поддержки фермеров, пострадавших от "
            "наводнения на севере страны.",
            "ru",
        ),
        (
            "أعلنت الحكومة يوم الأربعاء عن إجراءات جديدة لدعم المزارعين المتضررين من الفيضانات في "
            "شمال البلاد.",
            "ar",
        ),
    ],
)
def test_other_scripts_are_never_indonesian(text: str, language: str) -> None:
    record = body_article(text)
    assert record.language == language and record.review == []
    assert record.rules["language"].startswith("language:script")


def test_malay_and_indonesian_are_told_apart_by_their_own_words() -> None:
    assert body_article(MALAY).language == "ms"
    assert body_article(INDONESIAN).language == "id"
    # without words of either, a declared "ms" stands; a Malay text overrules a declared "id"
    neutral = "Harga beras di pasar itu turun sejak pagi dan para pedagang menunggu pembeli."
    assert body_article(neutral).language == "id"
    assert body_article(neutral, language="ms").language == "ms"
    assert body_article(MALAY, language="id").language == "ms"
    # an Indonesian report about Malaysia: "kerajaan" (a kingdom), "pejabat" (an official),
    # "ringgit", "cukai" are Indonesian words too
    text = (
        "Pejabat Kerajaan Malaysia mengatakan bahwa cukai rokok akan naik tahun depan, "
        "karena pemerintah di Kuala Lumpur membutuhkan miliaran ringgit untuk subsidi."
    )
    assert body_article(text).language == "id"


def test_text_without_a_signal_is_undetermined_and_flagged() -> None:
    record = body_article("Presiden Joko Widodo")  # names are no language
    assert record.language == "und"
    assert _flags(record) == ["language"]
    assert "could not be determined" in record.review[0].message
    # no language, no guessed zone: the time stays without an offset
    record = body_article("Presiden Joko Widodo", date="17 Mei 2024 10:00")
    assert record.published == "2024-05-17T10:00:00"


def test_photo_captions() -> None:
    def photo(caption: str) -> CatalogueRecord:
        return normalise(
            RawArticle(
                locator="file",
                text=caption,
                columns={"title": "IMG 0412"},
                photos=[RawPhoto(caption=caption or None)],
                format="photo",
            )
        )

    english = photo(
        "A man walks past the flooded market in Jakarta on Monday morning after the heavy rain."
    )
    assert english.language == "en" and english.review == []
    # a credit line and a name: undetermined, for a librarian to say
    short = photo("Foto: Antara/Hafidz Mubarak")
    assert short.language == "und" and _flags(short) == ["language"]
    # no caption at all: nothing is in any language, and nothing to review
    empty = photo("")
    assert empty.language == "und" and empty.review == []


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        # a template's lang="en" on an Indonesian site: the text wins
        ("en-US", INDONESIAN, "id"),
        ("id", JAPANESE, "ja"),
        ("de", ENGLISH, "en"),
        # the lang attribute says one thing, og:locale the text's
        ("en, id", INDONESIAN, "id"),
    ],
)
def test_a_clear_text_overrules_a_wrong_declaration(
    declared: str, text: str, language: str
) -> None:
    record = body_article(text, language=declared)
    assert record.language == language and record.review == []


def test_an_unclear_text_keeps_the_declaration_and_says_when_they_disagree() -> None:
    record = body_article("Presiden Joko Widodo", language="id")
    assert record.language == "id" and record.review == []
    # two declarations that disagree, and a text too short to settle them
    record = body_article("Presiden Joko Widodo", language="en, id")
    assert record.language == "en" and _flags(record) == ["language"]
    assert "'en', 'id'" in record.review[0].message
    # Reuters earnings: "Del E. Webb" makes the stopword profile read Italian; the identifier
    # does not agree, so the declaration stands
    text = (
        "PHOENIX, Ariz., March 3 - Shr eight cts vs 16 cts Net 188,000 vs 354,000 Revs "
        "538,000 vs 594,000 (Del E. Webb Investment Properties Inc)"
    )
    record = body_article(text, language="en", title="DEL E. WEBB INVESTMENT <DWPA> 4TH QTR NET")
    assert record.language == "en" and record.review == []


def test_declared_codes() -> None:
    assert declared_codes("en-US") == ["en"]
    assert declared_codes("id_ID, en") == ["id", "en"]
    assert declared_codes("Bahasa Indonesia") == ["id"]
    assert declared_codes("in-ID") == ["id"]
    assert declared_codes("swe") == ["sv"]
    assert declared_codes("und") == []


def test_a_language_arsip_does_not_analyse_is_named_when_certain() -> None:
    zulu = (
        "Amaphoyisa aseThekwini athi aboshe abantu abayishumi nambili ngesonto eledlule "
        "ngemuva kokuthi kutholakale izidakamizwa ezibalelwa ezigidini zamarandi "
        "emgwaqweni omkhulu. Umkhulumeli wamaphoyisa uthe uphenyo lusaqhubeka futhi "
        "abasolwa bazovela enkantolo ngoMsombuluko."
    )
    assert decide_language([zulu]).language == "zu"
    # too short to be sure: undetermined, never Indonesian
    assert decide_language(["Amaphoyisa aseThekwini athi aboshe abantu"]).language == "und"


def test_undetermined_works_downstream() -> None:
    # shown by name in the window (facet, reader), analysed with the general analyzer
    assert language_name("und") == "undetermined" and language_name("ms") == "Malay"
    assert stemmer_for("und") is None
    assert "gaung" not in index_terms(["menggaungkan"], "und")
    assert "gaung" in index_terms(["menggaungkan"], "id")


def _first(path: Path) -> CatalogueRecord:
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    record = items[0].record
    assert record is not None, items[0].failure
    return record


# Pages and wire items with their languages; some declare none or a wrong one.
CORPUS = [
    (("html_truth", "fundus", "jp", "AsahiShimbun_2025_01_13.html.gz"), "ja"),
    # a Japanese page that declares no language was Indonesian by default
    (("html_truth", "fundus", "jp", "NikkanGeadai_2025_01_31.html.gz"), "ja"),
    (("html_truth", "fundus", "es", "ElPais_2024_10_15.html.gz"), "es"),
    # a German paper on Mallorca, filed with the Spanish ones
    (("html_truth", "fundus", "es", "MallorcaZeitung_2025_04_16.html.gz"), "de"),
    (("html_truth", "fundus", "fr", "LeMonde_2023_09_01.html.gz"), "fr"),
    # isiZulu and Swahili pages that declare English
    (("html_truth", "fundus", "za", "Isolezwe_2025_11_09.html.gz"), "zu"),
    (("html_truth", "fundus", "tz", "HabariLeo_2025_01_23.html.gz"), "sw"),
    (("html_id", "money.kompas.com-Menhub.html"), "id"),
    (("wire", "newsml-g2", "dpa_urn_newsml_dpa.com_20090101_170626-99-998860.xml"), "de"),
    (("wire", "newsml-g2", "superdesk-ntb_tt_newsml_test.xml"), "sv"),
    # Ritzau's Danish text in a file whose baselang says Norwegian
    (("wire", "nitf", "superdesk-ntb_nitf_test_ritzau-via-ntb.xml"), "da"),
    (("wire", "newsml-g2", "superdesk-ntb_stt_newsml_sport_test.xml"), "fi"),
    (("seed", "jpnn-world-water-forum-2024.txt"), "id"),
]


def test_corpus_languages() -> None:
    found = [(parts[-1], _first(corpus_path(*parts))) for parts, _language in CORPUS]
    assert [(name, r.language) for name, r in found] == [
        (parts[-1], language) for parts, language in CORPUS
    ]
    assert all("language" not in _flags(record) for _name, record in found)


def _page(html_lang: str, locale: str, title: str, paragraphs: list[str]) -> CatalogueRecord:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f'<html lang="{html_lang}"><head><title>{title}</title>'
        f'<meta property="og:locale" content="{locale}"></head><body><article>'
        f"<h1>{title}</h1>{body}</article></body></html>"
    )
    items = list(extract_file("page.html", page.encode("utf-8")).items)
    record = items[0].record
    assert record is not None, items[0].failure
    return record


def test_a_page_declares_its_language_twice_and_the_text_settles_it() -> None:
    # a WordPress template's lang="en-US" beside og:locale id_ID, over Indonesian text
    record = _page("en-US", "id_ID", "Harga beras turun bulan depan", [INDONESIAN] * 4)
    assert record.language == "id" and record.rules["language"] == "language:column+text"
    assert record.review == []
    # the same declarations over a text too short to tell: the lang attribute is kept and the
    # contradiction is flagged
    record = _page("en-US", "id_ID", "Joko Widodo", ["Presiden Joko Widodo."])
    assert record.language == "en" and _flags(record) == ["language"]
