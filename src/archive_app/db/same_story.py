"""Link newly stored articles to the stored articles that tell the same story."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from archive_app.db.models import SameStory, StorySentence
from archive_app.domain.fingerprint import COMMON, same_story, sentence_hashes, similarity

_CHUNK = 500  # hashes or ids a query names
_INSERT_ROWS = 5000  # sentence rows an insert is given at a time


def _stored_holders(session: Session, wanted: list[int]) -> tuple[set[int], dict[int, set[int]]]:
    """The sentences stored articles hold more than COMMON times (boilerplate: never a reason
    to link), and the stored holders of each of the others.

    The holders of boilerplate are counted in the database, never read: a sentence a
    collection repeats is held by more articles the bigger the library, so reading them all
    made every import transaction hold (and walk) a share of the whole library in memory.
    """
    common: set[int] = set()
    rare: list[int] = []
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        for value, count in session.execute(
            select(StorySentence.hash, func.count())
            .where(StorySentence.hash.in_(part))
            .group_by(StorySentence.hash)
        ):
            if count > COMMON:
                common.add(value)
            else:
                rare.append(value)
    holders: dict[int, set[int]] = {}
    for start in range(0, len(rare), _CHUNK):
        for value, article_id in session.execute(
            select(StorySentence.hash, StorySentence.article_id).where(
                StorySentence.hash.in_(rare[start : start + _CHUNK])
            )
        ):
            holders.setdefault(value, set()).add(article_id)
    return common, holders


def link_same_stories(session: Session, bodies: dict[int, list[str]]) -> dict[int, list[int]]:
    """link_fingerprints of these articles' bodies (article id -> paragraphs)."""
    return link_fingerprints(session, {i: sentence_hashes(body) for i, body in bodies.items()})


def link_fingerprints(session: Session, hashes_of: dict[int, list[int]]) -> dict[int, list[int]]:
    """Store the sentence fingerprints (domain.fingerprint.sentence_hashes) of newly added
    articles and link each to the articles (already stored, or added with it) sharing most of
    its sentences; returns article id -> the ids it was linked to. A few queries per 500
    sentences of the batch; what is held is bounded by the batch, not by the library
    (boilerplate's holders are only counted)."""
    fingerprints = {i: hashes for i, hashes in hashes_of.items() if hashes}
    if not fingerprints:
        return {}
    wanted = sorted({h for hashes in fingerprints.values() for h in hashes})
    common, holders = _stored_holders(session, wanted)
    others = sorted({i for ids in holders.values() for i in ids} - set(fingerprints))
    sizes: dict[int, int] = {}
    for start in range(0, len(others), _CHUNK):
        sizes.update(
            {
                i: n
                for i, n in session.execute(
                    select(StorySentence.article_id, func.count())
                    .where(StorySentence.article_id.in_(others[start : start + _CHUNK]))
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
            if value in common or len(holding) > COMMON:
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
            if value not in common:
                holders.setdefault(value, set()).add(article_id)
    rows = [(value, i) for i, hashes in fingerprints.items() for value in hashes]
    # the table's Core insert, many rows at once: the ORM's bulk insert of the entity cost
    # twice as much a row (tens of thousands of rows a transaction)
    table = cast(Table, StorySentence.__table__)
    for start in range(0, len(rows), _INSERT_ROWS):  # a few thousand row dicts at a time
        session.execute(
            insert(table),
            [{"hash": value, "article_id": i} for value, i in rows[start : start + _INSERT_ROWS]],
        )
    return links
