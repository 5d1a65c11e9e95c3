"""The index feed: what the search index holds of each article, and the searchable texts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.article_people import in_chunks, people_by_article
from archive_app.db.models import Article, ArticlePerson, ArticleTag, PersonAlias, Site, Tag
from archive_app.db.models import Photo as PhotoRow
from archive_app.db.places import place_aliases
from archive_app.domain.model import IndexDocument, PersonRole
from archive_app.domain.places import canonical_place
from archive_app.domain.review import flags_from_json


def _tags_by_article(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    for article_id, name in session.execute(
        select(ArticleTag.article_id, Tag.name)
        .join(Tag, Tag.id == ArticleTag.tag_id)
        .where(ArticleTag.article_id.in_(ids))
    ):
        tags.setdefault(article_id, []).append(name)
    return tags


def index_documents(session: Session, ids: Iterable[int]) -> Iterator[IndexDocument]:
    """Index documents for the given articles, built a chunk at a time."""
    id_list = list(ids)
    place_names = place_aliases(session)
    for chunk in in_chunks(id_list):
        people = people_by_article(session, chunk)
        tags = _tags_by_article(session, chunk)
        aliases: dict[int, list[PersonRole]] = {}
        for article_id, alias, role in session.execute(
            select(ArticlePerson.article_id, PersonAlias.name, ArticlePerson.role)
            .join(PersonAlias, PersonAlias.person_id == ArticlePerson.person_id)
            .where(ArticlePerson.article_id.in_(chunk))
        ):
            aliases.setdefault(article_id, []).append(PersonRole(alias, role))
        captions: dict[int, list[str]] = {}
        for article_id, caption, credit in session.execute(
            select(PhotoRow.article_id, PhotoRow.caption, PhotoRow.credit)
            .where(PhotoRow.article_id.in_(chunk))
            .order_by(PhotoRow.position)
        ):
            captions.setdefault(article_id, []).extend(t for t in (caption, credit) if t)
        rows = session.execute(
            select(
                Article.id,
                Article.version,
                Article.title,
                Article.body,
                Site.domain,
                Article.dateline_place,
                Article.published,
                Article.updated,
                Article.language,
                Article.review,
            )
            .outerjoin(Site, Site.id == Article.site_id)
            .where(Article.id.in_(chunk))
        )
        for (
            article_id,
            version,
            title,
            body,
            site,
            place,
            published,
            updated,
            language,
            review,
        ) in rows:
            yield IndexDocument(
                id=article_id,
                version=version,
                title=title,
                body=tuple(body),
                people=tuple(people.get(article_id, [])),
                site=site,
                place=place,
                date=published or updated,
                language=language,
                captions=tuple(captions.get(article_id, [])),
                tags=tuple(tags.get(article_id, [])),
                aliases=tuple(dict.fromkeys(aliases.get(article_id, []))),
                place_group=canonical_place(place, place_names),
                review=tuple(dict.fromkeys(f.kind for f in flags_from_json(review))),
            )


PEOPLE_FIELDS = frozenset({"people", "author", "reporter", "editor", "photographer", "contributor"})


def field_texts(
    session: Session, ids: Sequence[int], fields: frozenset[str] = frozenset({"text"})
) -> dict[int, dict[str, str]]:
    """The text of the given searchable fields of the given articles, to check phrases and to
    make snippets. Only what `fields` needs is read: checking a phrase in thousands of
    candidates must not load their people, tags and versions."""
    texts: dict[int, dict[str, str]] = {}
    captions: dict[int, list[str]] = {}
    if fields & {"text", "caption"}:
        for chunk in in_chunks(ids):
            for article_id, caption, credit in session.execute(
                select(PhotoRow.article_id, PhotoRow.caption, PhotoRow.credit)
                .where(PhotoRow.article_id.in_(chunk))
                .order_by(PhotoRow.position)
            ):
                captions.setdefault(article_id, []).extend(t for t in (caption, credit) if t)
    for chunk in in_chunks(ids):
        for article_id, title, body, place in session.execute(
            select(Article.id, Article.title, Article.body, Article.dateline_place).where(
                Article.id.in_(chunk)
            )
        ):
            shown = captions.get(article_id, [])
            texts[article_id] = {
                "text": "\n".join((title, *body, *shown)),
                "title": title,
                "body": "\n".join(body),
                "caption": "\n".join(shown),
                "place": place or "",
            }
    if fields & PEOPLE_FIELDS:
        for doc in index_documents(session, list(texts)):
            credited = (*doc.people, *doc.aliases)
            texts[doc.id]["people"] = "\n".join(p.name for p in credited)
            for role in PEOPLE_FIELDS - {"people"}:
                texts[doc.id][role] = "\n".join(p.name for p in credited if p.role == role)
    return texts
