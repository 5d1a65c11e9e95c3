"""Same-story links (db/same_story.py) on a real, migrated catalogue: a syndicated copy that
repeats most of a stored article's sentences is linked to it; another story is not."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from archive_app.db.models import SameStory
from archive_app.db.same_story import link_same_stories
from archive_app.db.sessions import Sessions
from archive_app.domain.fingerprint import COMMON

AddArticle = Callable[..., int]

STORY = [
    "Banjir rob kembali merendam kawasan pesisir utara Jakarta pada Senin pagi ini.",
    "Ketinggian air di beberapa permukiman warga mencapai lima puluh sentimeter lebih.",
    "Petugas gabungan mengevakuasi warga lanjut usia ke posko pengungsian terdekat.",
]
OTHER = [
    "Harga beras di pasar tradisional naik dua ribu rupiah per kilogram minggu ini.",
    "Pedagang mengatakan pasokan dari daerah sentra produksi berkurang sejak bulan lalu.",
]


def _link(sessions: Sessions, bodies: dict[int, list[str]]) -> dict[int, list[int]]:
    with sessions.begin() as session:
        return link_same_stories(session, bodies)


def _pairs(sessions: Sessions) -> set[tuple[int, int]]:
    with sessions() as session:
        rows = session.execute(select(SameStory.article_id, SameStory.other_id))
        return {(a, b) for a, b in rows}


def test_a_copy_is_linked_to_the_stored_story_and_another_story_is_not(
    sessions: Sessions, add_article: AddArticle
) -> None:
    original, copy, other = (add_article(title=t) for t in ("Asli", "Salinan", "Beras"))
    assert _link(sessions, {original: STORY}) == {}  # nothing stored to match yet
    # the copy changes its last sentence and adds a line of its own
    copied = [
        *STORY[:2],
        "Warga berharap pemerintah segera membangun tanggul laut raksasa di sana.",
        "Baca juga.",
    ]
    assert _link(sessions, {copy: copied, other: OTHER}) == {copy: [original]}
    assert _pairs(sessions) == {(copy, original)}


def test_copies_imported_together_are_linked_to_each_other(
    sessions: Sessions, add_article: AddArticle
) -> None:
    first, second = add_article(title="Satu"), add_article(title="Dua")
    assert _link(sessions, {first: STORY, second: STORY}) == {second: [first]}


def test_an_article_without_full_sentences_is_left_alone(
    sessions: Sessions, add_article: AddArticle
) -> None:
    first, second = add_article(title="Satu"), add_article(title="Dua")
    _link(sessions, {first: ["Foto: Antara.", "Baca juga."]})
    assert _link(sessions, {second: ["Foto: Antara.", "Baca juga."]}) == {}
    assert _pairs(sessions) == set()


def _sentence(word: str, number: int) -> str:
    return f"Kalimat {word} nomor {number} tentang kejadian yang berbeda di kota ini."


def test_a_sentence_held_by_more_than_common_articles_is_boilerplate_and_links_nothing(
    sessions: Sessions, add_article: AddArticle
) -> None:
    # two sign-off sentences every article of a site prints: held by COMMON + 1 stored ones
    boiler = [_sentence("penutup", 1), _sentence("penutup", 2)]
    stored = [add_article(title=f"Situs {n}") for n in range(COMMON + 1)]
    for number, article_id in enumerate(stored):
        _link(sessions, {article_id: [*boiler, _sentence("unik", number)]})
    newcomer = add_article(title="Berita lain")
    # shares only the boilerplate with each of them: no story in common
    assert _link(sessions, {newcomer: [*boiler, _sentence("baru", 0)]}) == {}
    assert not {pair for pair in _pairs(sessions) if newcomer in pair}


def test_a_sentence_held_by_common_articles_still_links_them_all(
    sessions: Sessions, add_article: AddArticle
) -> None:
    # a story syndicated to exactly COMMON sites: its sentences are not boilerplate yet
    story = [_sentence("cerita", 1), _sentence("cerita", 2)]
    copies = [add_article(title=f"Salinan {n}") for n in range(COMMON)]
    for number, article_id in enumerate(copies):
        # each stored alone, with a line of its own: linked to the copies stored before it
        _link(sessions, {article_id: [*story, _sentence("unik", number)]})
    latest = add_article(title="Salinan terakhir")
    assert _link(sessions, {latest: [*story, _sentence("baru", 0)]}) == {latest: copies}
