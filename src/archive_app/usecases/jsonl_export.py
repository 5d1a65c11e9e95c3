"""The lossless JSON Lines export: one catalogue record per line, with the article's whole state."""

from __future__ import annotations

import json
from collections.abc import Sequence

from archive_app.db.lossless_batch import export_rows
from archive_app.db.sessions import Sessions
from archive_app.domain import record_json as export
from archive_app.domain.serial import record_to_dict


def write_jsonl(sessions: Sessions, ids: Sequence[int], stream: export.TextSink) -> int:
    """Write the articles `ids` to `stream`, read a chunk of articles at a time; how many."""
    count = 0
    with sessions() as session:
        for detail, state in export_rows(session, ids):
            state["record"] = record_to_dict(detail.record)
            line = export.article_record(detail) | {"archive": state}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count
