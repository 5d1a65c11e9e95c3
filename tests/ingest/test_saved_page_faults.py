"""Saved pages from sites nobody tuned for (../shared/corpus/html_truth): the headline without
its kicker or the site's name, people without the outlet named beside them, the body without
bylines, promotions and teasers, and photos that are the article's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import extract_file

pytestmark = pytest.mark.corpus


def fundus(country: str, name: str) -> CatalogueRecord:
    return _record(corpus_path("html_truth", "fundus", country, f"{name}.html.gz"))


def benchmark(prefix: str) -> CatalogueRecord:
    folder = corpus_path("html_truth", "article-extraction-benchmark", "html")
    (path,) = folder.glob(f"{prefix}*.html.gz")
    return _record(path)


def page(*parts: str) -> CatalogueRecord:
    """("fundus", country, name) or ("article-extraction-benchmark", sha256 prefix)."""
    return fundus(parts[1], parts[2]) if parts[0] == "fundus" else benchmark(parts[1])


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
    assert record.title == (
        "Newborns left in dustbins, buses, forests: Madhya Pradesh tops "
        "India in infant abandonment cases for 5th straight year"
    )


def test_opinion_kicker_is_not_part_of_the_title() -> None:
    # the New York Times: og:title "Opinion | Republicans Are Following Trump to Nowhere"
    assert benchmark("04a6711c").title == "Republicans Are Following Trump to Nowhere"


def test_site_name_heading_is_not_the_title() -> None:
    """Entermedia sets its name as the page's only <h1> (a link to the front page); the
    headline is a <dt> that the <title> repeats before " - Entermedia"."""
    assert benchmark("0ec95c72").title == "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유"


def test_byline_after_the_headline_in_the_social_title() -> None:
    record = fundus("us", "TheGatewayPundit_2023_04_28")
    assert record.title == (
        "New Plot Twist in Idaho Quadruple Murders Case: Surviving Roommate "
        "Agrees to Interview with Kohberger’s Defense Lawyers"
    )


# --- bylines ----------------------------------------------------------------------------------


def test_outlet_after_the_byline_is_not_a_person() -> None:
    """ "By Sandee LaMotte, CNN" on a CNN story: CNN is the site, not a second author."""
    record = benchmark("9eef8162")
    assert people(record, "author") == ["Sandee LaMotte"]
    assert "CNN" not in [p.name for p in record.people]


@pytest.mark.parametrize(
    ("prefix", "authors"),
    [
        ("ef4e67b6", ["Chris Cillizza"]),  # "Analysis by Chris Cillizza, CNN Editor-at-large"
        ("05844573", ["TOM KRISHER"]),  # "By TOM KRISHER, AP Auto Writer"
        ("ec3878db", ["Ilana Muhlstein"]),  # "Ilana Muhlstein, MS, RDN"
        ("fde930b0", ["Charlie Wood"]),  # "Charlie Wood, Business Insider" and a Twitter handle
        ("c00962aa", ["Jeff Foust"]),  # "by Jeff FoustMonday, November 18, 2019"
        ("e1c7023e", []),  # "Science X staff"
    ],
)
def test_titles_desks_and_credentials_are_not_people(prefix: str, authors: list[str]) -> None:
    assert people(benchmark(prefix), "author") == authors


def test_agency_glued_to_a_byline_is_the_agency() -> None:
    # "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKERAssociated Press"
    record = benchmark("82b6d780")
    assert people(record, "author") == ["LISA MASCARO", "MARY CLARE JALONICK", "ERIC TUCKER"]
    assert record.agency == "Associated Press"


@pytest.mark.parametrize(
    ("where", "agency"),
    [
        (("article-extraction-benchmark", "06e5123e"), "Reuters"),  # VentureBeat carrying Reuters
        (("fundus", "fr", "LeFigaro_2024_11_22"), "AFP"),  # "Le Figaro et AFP"
    ],
)
def test_an_agency_byline_names_no_person(where: tuple[str, ...], agency: str) -> None:
    record = page(*where)
    assert people(record, "author") == [] and record.agency == agency


def test_byline_printed_as_the_first_paragraph() -> None:
    """Lesotho Times credits itself in the markup and prints the reporter in bold as the
    text's first paragraph: the reporter is the author, and the paragraph leaves the body."""
    record = fundus("ls", "LesothoTimes_2025_05_23")
    assert people(record, "author") == ["Mohloai Mpesi"]
    assert record.body[0] != "Mohloai Mpesi" and "Mohloai Mpesi" not in record.body


@pytest.mark.parametrize(
    ("where", "line"),
    [
        (("fundus", "fr", "LesEchos_2024_07_18"), "Par Les Echos"),
        (("article-extraction-benchmark", "8267acac"), "5:45 AM PST 11/19/2019 by Patrick Shanley"),
        (("fundus", "es", "ABC_2026_04_25"), "Daniel Aragón Córdoba"),
    ],
)
def test_byline_lines_leave_the_body(where: tuple[str, ...], line: str) -> None:
    record = page(*where)
    assert line not in record.body and record.body[0] != line


# --- credit lines -----------------------------------------------------------------------------


def test_reuters_credit_line_gives_roles() -> None:
    record = benchmark("57d46c9d")
    assert people(record, "reporter") == ["Rodrigo Campos"]
    assert people(record, "contributor") == [
        "Stephanie Kelly",
        "Saqib Iqbal Ahmed",
        "Gertrude Chavez-Dreyfuss",
    ]
    assert people(record, "editor") == ["Nick Zieminski", "Dan Grebler"]
    assert not any("reporting by" in p.lower() for p in record.body)


@pytest.mark.parametrize(
    ("where", "contributor"),
    [
        (("fundus", "na", "TheNamibian_2024_02_20"), "Donald Matthys"),  # "- – additional …"
        (("article-extraction-benchmark", "ac1bfdd4"), "Joseph Hudak"),  # Rolling Stone, italic
    ],
)
def test_additional_reporting_is_a_contributor(where: tuple[str, ...], contributor: str) -> None:
    record = page(*where)
    assert people(record, "contributor") == [contributor]
    assert not any("additional reporting" in p.lower() for p in record.body)


def test_additional_reporting_from_an_agency() -> None:
    record = fundus("uk", "iNews_2023_08_30")
    assert record.agency == "PA" and record.body[-1] != "Additional reporting from PA"


# --- promotions and layout --------------------------------------------------------------------


def test_read_also_teaser_is_a_related_link() -> None:
    """Le Figaro's "À lire aussi" box in the text: a link to another story, not a paragraph."""
    record = fundus("fr", "LeFigaro_2024_11_22")
    title = "La natalité russe menacée d’effondrement"
    assert not any("lire aussi" in p.lower() for p in record.body)
    assert title in [link.title for link in record.related]


@pytest.mark.parametrize(
    ("where", "prompt"),
    [
        (("fundus", "au", "WestAustralian_2024_11_26"), "Sign up for our emails"),
        (("fundus", "uk", "DailyStar_2026_04_20"), "sign up for our newsletters"),
        (("article-extraction-benchmark", "3f65af7b"), "Subscribe to NJ.com’s newsletters."),
        (
            ("article-extraction-benchmark", "c13b9c0e"),
            "Subscribe to the Morning Review newsletter",
        ),
        (("article-extraction-benchmark", "08f79376"), "Pick Six Newsletter"),
    ],
)
def test_newsletter_prompts_leave_the_body(where: tuple[str, ...], prompt: str) -> None:
    record = page(*where)
    assert not any(prompt in p for p in record.body)


def test_advertising_label_between_paragraphs() -> None:
    """German pages mark each advertisement with "ANZEIGE" between the paragraphs."""
    text = "".join(
        f"<p>Absatz {n}: Der Fluss stieg über Nacht, und die Stadt sperrte die alte "
        "Brücke, bis Fachleute ihre Pfeiler prüfen konnten.</p>"
        + ("<div class='ad'><p>ANZEIGE</p></div>" if n == 2 else "")
        for n in range(1, 6)
    )
    page = (
        f"<html lang='de'><head><title>Brücke gesperrt</title></head><body><article>"
        f"<h1>Brücke gesperrt</h1>{text}</article></body></html>"
    ).encode()
    (item,) = extract_file("seite.html", page).items
    assert item.record is not None
    assert len(item.record.body) == 5 and "ANZEIGE" not in item.record.body


def test_page_laid_out_as_a_table_reads_as_paragraphs() -> None:
    """The Space Review sets its whole article inside a layout table: its paragraphs were
    "| … |" lines of several paragraphs each."""
    record = benchmark("c00962aa")
    assert not any(p.startswith("|") or p.endswith("|") for p in record.body)
    assert record.body[0].startswith("Earlier this month, NASA announced the newest milestone")
    assert len(record.body) > 20


def test_data_tables_stay_tables() -> None:
    # NASCAR standings: a table of data, each row a line
    record = benchmark("11ea381a")
    assert "| Pos. | Piloto | Pontos | Vitórias | Poles | Top 5 | Top 10 |" in record.body


# --- photos -----------------------------------------------------------------------------------


def captions(record: CatalogueRecord) -> list[str]:
    return [p.caption or "" for p in record.photos]


def test_gallery_counter_and_viewer_controls_are_not_photos() -> None:
    """A Hearst page: the gallery's first picture shown again as a square thumbnail under
    "Image 1 of 23 …", and the viewer's "Caption Close" button read as a caption."""
    record = benchmark("05844573")
    assert "Caption Close" not in captions(record)
    assert not any(c.startswith("Image 1 of") for c in captions(record))
    karma = [p for p in record.photos if p.caption and p.caption.startswith("Karma Automotive")]
    assert len(karma) == 1 and karma[0].credit == "Damian Dovarganes, AP"


def test_gallery_counters_leave_the_captions() -> None:
    record = benchmark("d0382c0d")
    assert any(
        c.startswith("Grass Valley's Dionicio Torres looks at the") for c in captions(record)
    )
    assert not any(c[:1].isdigit() for c in captions(record))


@pytest.mark.parametrize(
    ("where", "address"),
    [
        (("article-extraction-benchmark", "ac3c0355"), "givewell_fb_logo.jpg"),  # og:image logo
        (("article-extraction-benchmark", "7837c9d6"), "blavatar"),  # WordPress site icon
        (("fundus", "ls", "LesothoTimes_2025_05_23"), "wp_user_avatar"),  # author box
    ],
)
def test_logos_icons_and_avatars_are_not_photos(where: tuple[str, ...], address: str) -> None:
    assert not any(address in (p.source_url or "") for p in page(*where).photos)


def test_subscription_promotions_are_not_photos() -> None:
    # Rolling Stone's "Get The Magazine … Subscribe Now" cover in the page header
    assert not any("Subscribe" in (p.credit or "") for p in benchmark("ac1bfdd4").photos)
    # Space.com's "Need more space? Subscribe to our sister title 'All About Space'"
    assert not any("Subscribe" in c for c in captions(benchmark("3c5bf8db")))


@pytest.mark.parametrize(
    ("where", "credit"),
    [
        (("article-extraction-benchmark", "16c30add"), "Berkeley Earth"),
        (("article-extraction-benchmark", "16c30add"), "Ecological Economics"),
        (("fundus", "uk", "TheMirror_2024_08_05"), "Northumbria Police / SWNS"),
        (("fundus", "uk", "iNews_2025_01_28"), "Just Stop Oil/PA Wire"),
        (("fundus", "uk", "EveningStandard_2024_10_24"), "The London Standard"),
    ],
)
def test_an_institution_credited_is_not_a_photographer(where: tuple[str, ...], credit: str) -> None:
    record = page(*where)
    credited = [p for p in record.photos if p.credit == credit]
    assert credited and all(p.photographer is None for p in credited)
    assert credit.split("/")[0].strip() not in people(record, "photographer")


def test_photographer_working_for_a_publication() -> None:
    record = fundus("us", "RestOfWorld_2025_10_21")
    assert people(record, "photographer") == ["Tara Atkinson", "Eman Ali"]


def test_captioned_photos_with_a_stand_in_address_stay() -> None:
    """Metro's gallery keeps "fallback.png" as every picture's address until a script loads
    it: the photos and their captions are still the article's."""
    record = fundus("uk", "Metro_2024_07_17")
    fallback = [p for p in record.photos if (p.source_url or "").endswith("fallback.png")]
    assert len(fallback) >= 10 and all(p.caption and p.credit for p in fallback)


# --- teasers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "teaser"),
    [
        (
            ("article-extraction-benchmark", "94fbcc26"),
            "Milan Design Week 2018 | FLOS pays tribute to Achille Castiglioni",
        ),
        (
            ("fundus", "uk", "Nature_2026_02_07"),
            "How the invasion of Ukraine is affecting Russian expat researchers",
        ),
        (("article-extraction-benchmark", "4a44ab3e"), "Also on rt.com Journalists & politicians"),
    ],
)
def test_related_article_teasers_leave_the_body(where: tuple[str, ...], teaser: str) -> None:
    assert not any(p.startswith(teaser) for p in page(*where).body)


def test_click_to_tweet_quotes_stay() -> None:
    """A "click to tweet" box links the article's own sentence to Twitter: it is text."""
    record = benchmark("c582d3b7")
    assert any(
        p.startswith("I'm here to tell you that the Laws of Physics apply") for p in record.body
    )


def _page(head: str, headings: str) -> bytes:
    text = "".join(
        f"<p>Paragraph {n}: the river rose overnight and the council closed the old "
        "bridge until engineers could inspect its piers.</p>"
        for n in range(5)
    )
    return f"<html><head>{head}</head><body>{headings}{text}</body></html>".encode()


@pytest.mark.parametrize("head", ["", "<title>River rises, bridge closed | The Daily</title>"])
def test_section_heading_above_the_headline_is_not_the_title(head: str) -> None:
    page_bytes = _page(head, "<h1>Politik</h1><h2>River rises, bridge closed</h2>")
    (item,) = extract_file("story.html", page_bytes).items
    assert item.record is not None and item.record.title == "River rises, bridge closed"


def test_readme_page_is_not_an_article() -> None:
    (item,) = extract_file(
        "README.html", _page("<title>About this folder</title>", "<h1>About this folder</h1>")
    ).items
    assert item.failure == "not an article: a README file (notes about the folder's files)"
