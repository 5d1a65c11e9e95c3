"""Team addresses as libpq reads them: a password anywhere in one is refused, and every login
to one catalogue names the same desktop folder."""

from __future__ import annotations

import pytest

from archive_app.db.team_engine import parse_team_address
from archive_app.domain.errors import LibraryFormatError
from archive_app.storage.library_location import TeamLocation


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://ana:s3cret@db.example.org/newsroom",
        "postgresql://ana@db.example.org/newsroom?password=s3cret",
        "postgres://ana:s3cret@db.example.org:5433/newsroom?sslmode=require",
    ],
)
def test_a_password_anywhere_in_the_address_is_refused_unrepeated(address: str) -> None:
    with pytest.raises(LibraryFormatError) as refused:
        parse_team_address(TeamLocation(address, "/home/ana/Newsroom/.arsip-team"))
    message = str(refused.value)
    assert message.startswith("/home/ana/Newsroom/.arsip-team: ")
    assert ".pgpass" in message and "s3cret" not in message


def test_every_login_to_one_catalogue_shares_this_desktops_folder() -> None:
    def key(address: str) -> str:
        return parse_team_address(TeamLocation(address, "test")).key

    ana = key("postgresql://ana@db.example.org/newsroom?sslmode=verify-full")
    assert ana == key("postgresql://budi@db.example.org/newsroom")
    assert ana != key("postgresql://ana@db.example.org/campus")
    assert ana != key("postgresql://ana@db.example.org:5433/newsroom")


def test_tls_and_service_settings_are_kept_as_written() -> None:
    address = parse_team_address(
        TeamLocation("postgresql:///newsroom?service=arsip&sslmode=verify-full", "test")
    )
    assert address.params["service"] == "arsip"
    assert address.params["sslmode"] == "verify-full"
    assert address.display == "arsip/newsroom"
