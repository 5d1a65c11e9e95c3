"""The lossless JSON Lines export: one catalogue record per line, with the article's whole state."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence

from archive_app.db import lossless
from archive_app.db.sessions import Sessions
from archive_app.domain import record_json as export
from archive_app.domain.model import ArticleDetail
from archive_app.domain.serial import record_to_dict


def write_jsonl(
    sessions: Sessions,
    articles: Callable[[Sequence[int]], Iterator[ArticleDetail]],
    ids: Sequence[int],
    stream: export.TextSink,
) -> int:
    """Write the articles `ids` (details read through `articles`) to `stream`; how many."""
    count = 0
    with sessions() as session:
        for detail in articles(ids):
            state = lossless.dump_article(session, detail.id)
            state["record"] = record_to_dict(detail.record)
            line = export.article_record(detail) | {"archive": state}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count
