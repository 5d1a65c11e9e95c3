"""A page of search hits read at once (db/search_rows.py) gives each article's results row as
queries.summaries does and the text its snippets are cut from as the index feed gives it."""

from __future__ import annotations

from collections.abc import Callable

from archive_app.db.index_feed import field_texts
from archive_app.db.queries import summaries
from archive_app.db.search_rows import page_rows
from archive_app.db.sessions import Sessions
from archive_app.domain.model import PersonRole, Photo

AddArticle = Callable[..., int]


def test_a_page_reads_the_rows_and_texts_the_separate_queries_did(
    sessions: Sessions, add_article: AddArticle
) -> None:
    flood = add_article(
        title="Banjir rob",
        body=["Air laut naik.", "Warga mengungsi."],
        site="jpnn.com",
        dateline_place="Jakarta",
        published=None,
        updated="2024-05-20T09:00:00+07:00",
        language="id",
        people=[
            PersonRole("Ana Widya", "reporter"),
            PersonRole("Budi", "editor"),
            PersonRole("Ana Widya", "photographer"),  # one person in two roles: named once
        ],
        photos=[Photo("Warga di pengungsian", "Antara"), Photo(None, "Foto: Dok")],
    )
    plain = add_article(url_key="b", title="Harga beras", body=["Naik lagi."])
    asked = [plain, 10_000, flood]  # an id no article has gives nothing
    with sessions() as session:
        page = page_rows(session, asked)
        expected_rows = summaries(session, asked)
        expected_texts = field_texts(session, asked)
    assert page.summaries == expected_rows
    assert page.summaries[flood].people == ("Ana Widya", "Budi")
    assert page.summaries[flood].site == "jpnn.com"
    assert page.texts == {i: texts["text"] for i, texts in expected_texts.items()}
    assert page.texts[flood] == (
        "Banjir rob\nAir laut naik.\nWarga mengungsi.\nWarga di pengungsian\nAntara\nFoto: Dok"
    )
    assert set(page.texts) == {plain, flood}
