"""The sort key of catalogue dates (db/sort_key.py): instants in any zone sort by the moment
they name, bare dates by the day, and what is not a date gives no key."""

from __future__ import annotations

import pytest

from archive_app.db.sort_key import sort_date


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("2024-05-20T09:00:00+07:00", "2024-05-20T02:00:00Z"),  # WIB
        ("2024-05-20T01:30:00+09:00", "2024-05-19T16:30:00Z"),  # WIT, the day before in UTC
        ("2024-05-20T02:00:00+00:00", "2024-05-20T02:00:00Z"),
        ("2024-05-20", "2024-05-20"),  # a bare date stays a day
        ("2024-05-20T09:00:00", "2024-05-20T09:00:00"),  # no zone: as printed
        ("20 Mei 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_a_date_gives_its_key(value: str | None, key: str | None) -> None:
    assert sort_date(value) == key


def test_instants_in_different_zones_sort_by_the_moment() -> None:
    wib_morning = "2024-05-20T08:00:00+07:00"  # 01:00 UTC
    utc_dawn = "2024-05-20T02:00:00+00:00"  # an hour later, though it reads earlier
    wit_night = "2024-05-19T23:30:00+09:00"  # 14:30 UTC the day before
    ordered = sorted([utc_dawn, wib_morning, wit_night], key=lambda d: sort_date(d) or "")
    assert ordered == [wit_night, wib_morning, utc_dawn]
