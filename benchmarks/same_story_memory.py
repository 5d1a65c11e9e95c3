"""Same-story linking alone: one import transaction's articles against a stored library.

Reads the bodies of the first COUNT rows of a generated part file (benchmarks/generate.py) as
new articles (ids past any stored one) and links them to the stored library with
db/same_story.py, in a transaction that is rolled back, so the library is left as it was.
Prints the links found, the CPU seconds and how far the peak RSS rose: what linking costs one
import transaction at this library size. Run with another copy of the code first on the path
(PYTHONPATH=/old/src) to compare two versions on the same library.

    python benchmarks/same_story_memory.py LIBRARY/catalogue.sqlite part-0050.jsonl.gz [COUNT]
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
import time
from typing import Any

FIRST_NEW_ID = 10_000_001


def main(argv: list[str]) -> int:
    from sqlalchemy import event

    import archive_app
    from archive_app.db.catalogues import catalogue_engine
    from archive_app.db.engine import session_factory
    from archive_app.db.same_story import link_same_stories

    catalogue, part = argv[0], argv[1]
    count = int(argv[2]) if len(argv) > 2 else 10_000
    bodies: dict[int, list[str]] = {}
    with gzip.open(part, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number >= count:
                break
            bodies[FIRST_NEW_ID + number] = json.loads(line)["isi_berita"].split("\n\n")
    engine = catalogue_engine(catalogue)

    @event.listens_for(engine, "connect")
    def _no_foreign_keys(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA foreign_keys = OFF")  # the new articles are not stored

    engine.dispose()  # connections made before the listener keep their foreign keys
    with session_factory(engine)() as session:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu, wall = time.process_time(), time.perf_counter()
        links = link_same_stories(session, bodies)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        session.rollback()
    print(
        json.dumps(
            {
                "code": archive_app.__file__,
                "articles": len(bodies),
                "linked": len(links),
                "links": sum(len(v) for v in links.values()),
                "cpu_seconds": round(cpu, 2),
                "wall_seconds": round(wall, 2),
                "peak_rss_rise_mb": round((after - before) / 1024, 1),
                "peak_rss_mb": round(after / 1024, 1),
                "load_average": os.getloadavg(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
