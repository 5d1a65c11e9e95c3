"""Link newly stored articles to the stored articles that tell the same story."""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from archive_app.db.models import SameStory, StorySentence
from archive_app.domain.fingerprint import COMMON, same_story, sentence_hashes, similarity


def link_same_stories(session: Session, bodies: dict[int, list[str]]) -> dict[int, list[int]]:
    """Store the sentence fingerprints of newly added articles and link each to the articles
    (already stored, or added with it) sharing most of its sentences; returns article id ->
    the ids it was linked to. One query for the whole batch."""
    fingerprints = {i: sentence_hashes(body) for i, body in bodies.items()}
    fingerprints = {i: hashes for i, hashes in fingerprints.items() if hashes}
    if not fingerprints:
        return {}
    wanted = sorted({h for hashes in fingerprints.values() for h in hashes})
    holders: dict[int, set[int]] = {}
    for start in range(0, len(wanted), 500):
        for value, article_id in session.execute(
            select(StorySentence.hash, StorySentence.article_id).where(
                StorySentence.hash.in_(wanted[start : start + 500])
            )
        ):
            holders.setdefault(value, set()).add(article_id)
    others = sorted({i for ids in holders.values() for i in ids} - set(fingerprints))
    sizes: dict[int, int] = {}
    for start in range(0, len(others), 500):
        sizes.update(
            {
                i: n
                for i, n in session.execute(
                    select(StorySentence.article_id, func.count())
                    .where(StorySentence.article_id.in_(others[start : start + 500]))
                    .group_by(StorySentence.article_id)
                )
            }
        )
    links: dict[int, list[int]] = {}
    for article_id in sorted(fingerprints):
        hashes = fingerprints[article_id]
        shared: dict[int, int] = {}
        for value in hashes:
            holding = holders.get(value, set())
            if len(holding) > COMMON:
                continue  # boilerplate every article of a site prints
            for other in holding:
                shared[other] = shared.get(other, 0) + 1
        for other, count in sorted(shared.items()):
            other_size = sizes.get(other, len(fingerprints.get(other, ())))
            if same_story(count, len(hashes), other_size):
                session.add(
                    SameStory(
                        article_id=article_id,
                        other_id=other,
                        similarity=similarity(count, len(hashes), other_size),
                    )
                )
                links.setdefault(article_id, []).append(other)
        for value in hashes:  # later articles of this batch meet this one
            holders.setdefault(value, set()).add(article_id)
    session.execute(
        insert(StorySentence),
        [
            {"hash": value, "article_id": i}
            for i, hashes in fingerprints.items()
            for value in hashes
        ],
    )
    return links
