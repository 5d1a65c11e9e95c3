"""Search on the real corpus: a table of queries with articles they must and must not return."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_app.usecases.archive import Archive

SEED = "seed"  # the founding article has no URL; it is found by its title
DIKELOLA = "https://money.kompas.com/read/2025/06/10/202000026/klaim-jaminan-kehilangan-pekerjaan-melonjak-bpjs-watch-sebut-2-faktor-ini-jadi?utm_source=ABC&utm_medium=rss"
PENGELOLA = "https://travel.detik.com/travel-news/d-7954871/seruan-florawisata-santerra-de-laponte-disegel-kenapa"
ANAK_ANAK = "https://megapolitan.kompas.com/read/2025/06/10/21192671/polisi-sebut-gangster-dulis-di-bogor-belum-pernah-terlibat-tawuran?utm_source=ABC&utm_medium=rss"
WAKIL_APART = "https://nasional.kompas.com/read/2025/06/10/21101201/revisi-uu-pemilu-dan-uu-pilkada-tak-pakai-sistem-omnibus-law?utm_source=ABC&utm_medium=rss"
BANK_INDONESIA = (
    "https://finance.detik.com/moneter/d-7956817/cadangan-devisa-ri-tak-bertambah-segini-nilainya"
)
BANK_APART = "https://rejogja.republika.co.id/berita/sxna1d282/pembentukan-kopdes-merah-putih-di-jateng-100-persen"
BANJIR_GEMPA = "https://www.liputan6.com/regional/read/6047026/hujan-deras-guyur-puncak-semeru-getaran-banjir-lahar-hujan-tercatat-hingga-4-jam"
BANJIR_GRESIK = "https://visual.republika.co.id/berita/sxn9fb375/kali-lamong-meluap-10-desa-di-gresik-tergenang-banjir"
PRABOWO_GIBRAN = "https://nasional.kompas.com/read/2025/06/10/20421881/pks-ingin-temui-prabowo-sampaikan-komitmen-dukung-pemerintah?utm_source=ABC&utm_medium=rss"
DECEMBER_2024 = "https://www.liputan6.com/opini/read/5843469/opini-mengubah-wajah-keselamatan-publik-indonesia-lewat-pemanfaatan-teknologi-5g-dan-lte"

# query, articles it must return, articles it must not return
TABLE = [
    # stemmed families: the stem finds every form, and every form finds the stem
    ("kelola", {DIKELOLA, PENGELOLA}, set()),
    ("pengelola", {DIKELOLA, PENGELOLA}, set()),
    ("gaung", {SEED}, set()),
    ("menggaungkan", {SEED}, set()),
    # reduplication: "anak-anak" is found by "anak"
    ("anak", {ANAK_ANAK}, set()),
    # phrases stay exact, words do not
    ('"wakil presiden"', set(), {WAKIL_APART}),
    ("wakil presiden", {WAKIL_APART}, set()),
    ('"bank indonesia"', {BANK_INDONESIA}, {BANK_APART}),
    ("bank indonesia", {BANK_INDONESIA, BANK_APART}, set()),
    ('"world water forum"', {SEED}, set()),
    ('"forum water world"', set(), {SEED}),
    ('"menggaungkan 10th world"', {SEED}, set()),
    # OR and NOT
    ("banjir OR gempa", {BANJIR_GEMPA, BANJIR_GRESIK}, set()),
    ("banjir -gempa", {BANJIR_GRESIK}, {BANJIR_GEMPA}),
    ("prabowo gibran", {PRABOWO_GIBRAN}, set()),
    ("prabowo NOT gibran", set(), {PRABOWO_GIBRAN}),
    # fields
    ('person:"Yessy Artada"', {SEED}, set()),
    ("editor:artada", {SEED}, set()),
    ("author:artada", set(), {SEED}),
    ("site:jpnn.com", {SEED}, {BANJIR_GRESIK}),
    ("site:republika kali lamong", {BANJIR_GRESIK}, set()),
    ("place:bali", {SEED}, set()),
    ("place:gresik banjir", {BANJIR_GRESIK}, {SEED}),
    ("title:gaungkan", {SEED}, set()),
    ("caption:kominfo", {SEED}, set()),
    ("lang:id kominfo", {SEED}, set()),
    # dates
    ("date:2024-05", {SEED}, {BANJIR_GRESIK}),
    ("date:2024-05-17 forum", {SEED}, set()),
    ("date:2025-06 forum", set(), {SEED}),
    ("before:2025-01-01", {SEED, DECEMBER_2024}, {BANJIR_GRESIK}),
    ("after:2025-06-09 banjir", {BANJIR_GRESIK}, set()),
    ("date:2024-12-01..2024-12-31", {DECEMBER_2024}, {SEED}),
    # prefix and fuzzy
    ("gaungk*", {SEED}, set()),
    ("bimtk~", {SEED}, set()),
]


@pytest.fixture(scope="module")
def corpus(corpus_library: Path) -> Iterator[tuple[Archive, dict[str, int]]]:
    with Archive.open(corpus_library, readonly=True) as archive:
        by_url: dict[str, int] = {}
        for detail in archive.articles(archive.article_ids("added")):
            by_url[detail.record.url or SEED] = detail.id
        yield archive, by_url


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "must", "must_not"), TABLE)
def test_query_table(
    corpus: tuple[Archive, dict[str, int]], query: str, must: set[str], must_not: set[str]
) -> None:
    archive, by_url = corpus
    found = set(archive.matching_ids(query))
    for url in must:
        assert by_url[url] in found, f"{query!r} should find {url}"
    for url in must_not:
        assert by_url[url] not in found, f"{query!r} should not find {url}"
    counts = archive.counts(query)
    assert counts.total == len(found)
    page = archive.search(query, limit=20)
    assert {hit.id for hit in page.hits} <= found


@pytest.mark.corpus
def test_the_first_page_comes_with_highlighted_snippets(
    corpus: tuple[Archive, dict[str, int]],
) -> None:
    archive, _ = corpus
    page = archive.search("kelola", limit=5)
    for hit in page.hits:
        assert any('<b class="hit">' in s for s in hit.snippets), hit.title
    seed_page = archive.search('"world water forum"')
    assert len(seed_page.hits[0].snippets) >= 2
    assert '<b class="hit">World</b> <b class="hit">Water</b>' in seed_page.hits[0].snippets[0]


@pytest.mark.corpus
def test_sorting_by_date_and_title(corpus: tuple[Archive, dict[str, int]]) -> None:
    archive, _ = corpus
    newest = archive.search("jakarta", limit=20, sort="newest")
    dates = [h.published for h in newest.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = archive.search("jakarta", limit=20, sort="oldest")
    assert [h.published for h in oldest.hits] == sorted(h.published for h in oldest.hits)
    titles = [h.title.lower() for h in archive.search("jakarta", limit=20, sort="title").hits]
    assert titles == sorted(titles)


@pytest.mark.corpus
def test_facets_count_the_whole_result(corpus: tuple[Archive, dict[str, int]]) -> None:
    archive, _ = corpus
    counts = archive.counts("banjir")
    sites = dict(counts.facets["site"])
    assert sum(sites.values()) == counts.total
    assert sites["republika.co.id"] >= 1
    assert sum(n for _, n in counts.months) <= counts.total  # undated articles have no month
    assert dict(counts.facets["year"])["2025"] >= 1
    everything = archive.counts("site:jpnn.com")
    assert everything.total == 1
    assert dict(everything.facets["person"]) == {"Yessy Artada": 1}
    assert dict(everything.facets["place"]) == {"Bali": 1}
    assert everything.months == [("2024-05", 1)]


@pytest.mark.corpus
def test_search_within_results(corpus: tuple[Archive, dict[str, int]]) -> None:
    archive, _ = corpus
    wide = archive.counts("banjir").total
    narrow = archive.counts("gresik", within=["banjir"]).total
    assert 0 < narrow < wide
    assert archive.search("gresik", within=["banjir"]).hits[0].title.startswith("Kali Lamong")


@pytest.mark.corpus
def test_did_you_mean_offers_the_common_spelling(corpus: tuple[Archive, dict[str, int]]) -> None:
    archive, _ = corpus
    page = archive.search("bnajir gresik")
    assert page.suggestion == "banjir gresik"
    assert archive.search("banjir gresik").suggestion is None


def test_a_mixed_indonesian_english_library(tmp_path: Path, seed_file: Path) -> None:
    table = tmp_path / "wire.csv"
    with table.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["title", "content", "date", "url", "language"])
        writer.writerow(
            [
                "Voters head to the polls",
                "SALVADOR, Feb 26 - Elections were held on Sunday as "
                "voters queued for hours at the polling stations in the capital.",
                "Feb 26, 1987",
                "https://example.com/wire/1",
                "en",
            ]
        )
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file, table])
        # English stemming: "election" finds "Elections"; Indonesian: "gaung" finds the seed
        assert [h.title for h in archive.search("election").hits] == ["Voters head to the polls"]
        assert archive.search("gaung").total == 1
        assert archive.counts("lang:en").total == 1
        assert archive.counts("lang:id").total == 1
        assert archive.search('"polling stations"').total == 1
        assert archive.search('"stations polling"').total == 0


def test_saved_searches_live_in_the_catalogue(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.save_search("Banjir Jawa", "banjir place:jakarta", "newest")
        archive.save_search("Banjir Jawa", "banjir", "oldest")  # same name replaces
        archive.save_search("Forum", '"world water forum"')
    with Archive.open(tmp_path / "lib", readonly=True) as reader:
        saved = {s.name: (s.query, s.sort) for s in reader.saved_searches()}
    assert saved == {
        "Banjir Jawa": ("banjir", "oldest"),
        "Forum": ('"world water forum"', "relevance"),
    }
